/** The workbook host, handed to every component through React context. */
import { createContext, useContext } from 'react';
import type { WorkbookHost } from '../../hosts/types';

export const HostContext = createContext<WorkbookHost | null>(null);

/** The host of the surrounding <App>; a component outside one is a programming error. */
export function useHost(): WorkbookHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() must be used inside <App host=…>');
  return host;
}
