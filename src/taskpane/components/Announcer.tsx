/**
 * One polite live region for the pane: outcomes (checked, computed, installed, fixed, signed)
 * are announced to screen readers even when focus stays on the button that started them.
 */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

const AnnounceContext = createContext<(text: string) => void>(() => undefined);

const hidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export function Announcer({ children }: { children: ReactNode }) {
  const [text, setText] = useState('');
  const announce = useCallback((t: string) => {
    // Cleared first so the same sentence twice is announced twice.
    setText('');
    requestAnimationFrame(() => setText(t));
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" style={hidden} data-testid="announce">
        {text}
      </div>
    </AnnounceContext.Provider>
  );
}

/** Says a sentence through the pane's live region. */
export function useAnnounce(): (text: string) => void {
  return useContext(AnnounceContext);
}
