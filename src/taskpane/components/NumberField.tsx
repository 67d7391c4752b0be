/**
 * A small number input for the template editor: keeps what the clerk types while typing and
 * hands it over on blur or Enter, so a half-typed value is never validated.
 */
import { Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

export interface NumberFieldProps {
  value: string;
  label: string;
  onCommit(text: string): void;
  invalid?: boolean;
  testId?: string;
}

export function NumberField({ value, label, onCommit, invalid, testId }: NumberFieldProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  return (
    <Input
      size="small"
      aria-label={label}
      aria-invalid={invalid || undefined}
      data-testid={testId}
      value={text}
      style={{ width: '64px', minWidth: 0 }}
      input={{ style: { width: '100%', textAlign: 'right' }, inputMode: 'decimal' }}
      onChange={(_, d) => setText(d.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
