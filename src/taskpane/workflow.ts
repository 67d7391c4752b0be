/**
 * The task pane's two workbook round trips, shared by the 计算 and 评委 tabs: read what the clerk
 * entered, compute with the engine, and (for a full computation) write the rater analysis back.
 * Only the WorkbookHost and pure engine functions are used here.
 */
import { NotInstalledError } from '../core/errors';
import type { Lang, Results, RowResult } from '../core/types';
import type { WorkbookContent, WorkbookHost } from '../hosts/types';
import type { ActionProgress } from './components/useAction';
import { fingerprint, runEngineAndFingerprint } from './engine';

/**
 * Runs a host call; a workbook without an installation becomes the pane's own sentence, in the
 * pane's language (the host's error is English and meant for logs and the command line).
 */
export async function installed<T>(call: () => Promise<T>, sentence: string): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof NotInstalledError) throw new Error(sentence);
    throw e;
  }
}

export interface Computation {
  content: WorkbookContent;
  results: Results;
  rows: RowResult[];
  /** Whether the analysis sheet was written (a full computation, not only a check). */
  written: boolean;
  /**
   * Ratees written into an empty 名单 by this computation (0: the list was already there). The
   * summary's formulas list the ratees of 名单 row by row, so without this it would stay empty.
   */
  listed: number;
  /** The fingerprint of what was read (./engine/fingerprint.ts): a later read that differs makes these results stale. */
  fingerprint: string;
}

/**
 * Reads the workbook and computes totals, ranks, tiers, flags and reliability.
 * With `write`, also writes the rater-analysis sheet. Cells are typed spreadsheet values, so
 * a number stored as text is a problem (`textNumbers: false`), as in the workbook's formulas.
 */
export async function computeWorkbook(
  host: WorkbookHost,
  lang: Lang,
  write: boolean,
  report: (p: ActionProgress) => void,
  stepName: (key: 'read' | 'compute' | 'write' | 'notInstalled') => string,
): Promise<Computation> {
  const total = write ? 3 : 2;
  report({ step: stepName('read'), fraction: 0 });
  const content = await installed(() => host.readContent(), stepName('notInstalled'));
  report({ step: stepName('compute'), fraction: 1 / total });
  // The engine runs in a Web Worker (./engine): the pane keeps painting and answering keys.
  const {
    out: { results, rows },
    print,
  } = await runEngineAndFingerprint(content, { lang, textNumbers: false, review: { stability: false } });
  let listed = 0;
  if (write) {
    report({ step: stepName('write'), fraction: 2 / total });
    await host.writeAnalysis(results);
    if (content.ratees.length === 0 && results.ratees.length > 0) {
      await host.fillRateeList(results.ratees.map((r) => ({ id: r.ratee })));
      listed = results.ratees.length;
    }
  }
  return { content, results, rows, written: write, listed, fingerprint: print };
}

/**
 * Whether the workbook still holds what a computation read: reads it again and compares
 * fingerprints. Returns the new content when it changed, null when it is the same.
 */
export async function changedSince(
  host: WorkbookHost,
  computation: Computation,
): Promise<WorkbookContent | null> {
  const content = await host.readContent();
  return (await fingerprint(content)) === computation.fingerprint ? null : content;
}
