/**
 * Runs one long operation at a time for a panel: tracks busy state and a progress line, and turns
 * a failure into a sentence the clerk can act on (never a stack trace).
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorDetail } from '../model/errors';

export interface ActionProgress {
  step: string;
  /** 0..1, or undefined for an operation without a known length. */
  fraction?: number;
}

export interface ActionState {
  busy: boolean;
  progress: ActionProgress | null;
  error: string | null;
  /** Runs `fn`; a second call while busy is ignored. Resolves to fn's value, or undefined on failure. */
  run<T>(fn: (report: (p: ActionProgress) => void) => Promise<T>): Promise<T | undefined>;
  clearError(): void;
}

export function useAction(): ActionState {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ActionProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  const run = useCallback(
    async <T>(fn: (report: (p: ActionProgress) => void) => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setError(null);
      setProgress(null);
      try {
        return await fn(setProgress);
      } catch (e) {
        const detail = errorDetail(e);
        setError(detail ? t('error.failed', { detail }) : t('error.unknown'));
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
        setProgress(null);
      }
    },
    [t],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, progress, error, run, clearError };
}
