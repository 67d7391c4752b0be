/**
 * The workbook operations, written once over the grid port (./port.ts): every host — Excel
 * through Office.js, .xlsx files through exceljs — runs this code.
 *
 * Installing (spec: formats.md, the decisions of ./install.ts):
 * - fresh or beside the user's sheets (`rename`): the plan's sheets are written.
 * - `upgrade`: the old entries, adjustments and lists are read first and refused when the new
 *   template would drop a typed score; then the new sheets are STAGED before the old ones are
 *   touched: the old sheets are renamed out of the way (never deleted yet), the new ones written,
 *   the names re-pointed, DP_Template rewritten in place (Excel refuses to delete a very hidden
 *   sheet), and only then the old sheets deleted. A failure on the way puts the old sheets,
 *   names and store back, so the clerk's workbook stays as it was. The sign-off sheet is kept.
 */
import { tallySources } from '../core/ballots/tally';
import { InputError, NotInstalledError } from '../core/errors';
import type { Lang, Results } from '../core/types';
import { analysisRows } from './analysis';
import { buildPlan, type BuildOptions } from './build';
import {
  checkNoTallyDropped,
  checkNothingDropped,
  decideInstall,
  freeName,
  mergeById,
  UPGRADE_KEEPS,
} from './install';
import { TEMPLATE_SHEET, type SheetPlan, type WorkbookPlan } from './plan';
import type { BookInfo, GridPort, SheetOp } from './port';
import { readContentFromGrids, type ReadResult } from './read';
import { storeRows, type Stored } from './store';
import type { InstallOptions, InstallReport, Progress } from './types';

export interface InstallBookOptions extends InstallOptions {
  /** Language of a new installation's sheets (an upgrade keeps the installed language). */
  lang?: Lang;
  /** Score sheets and adjustments to fill in (the command line's `build`). */
  entries?: BuildOptions['entries'];
  adjustments?: BuildOptions['adjustments'];
}

export interface InstallBookResult {
  report: InstallReport;
  plan: WorkbookPlan;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The stored installation, or a one-line NotInstalledError. */
export function requireStored(info: Pick<BookInfo, 'stored'>): Stored {
  if (!info.stored)
    throw new NotInstalledError(
      `this workbook has no Duanping installation (no ${TEMPLATE_SHEET} sheet): install a template first (the add-in, or duanping init)`,
    );
  return info.stored;
}

/** Everything a computation needs, read from an installed workbook. */
export async function readBookContent(
  port: GridPort,
  stored?: Stored,
): Promise<ReadResult & { stored: Stored }> {
  const s = stored ?? requireStored(await port.info());
  const l = s.layout;
  const grids = await port.readGrids([
    l.entry.sheet,
    l.adjustments.sheet,
    l.lists.sheet,
    ...(l.tally ? [l.tally.sheet] : []),
    ...(l.sheetNames.indicators ? [l.sheetNames.indicators] : []),
  ]);
  return { ...readContentFromGrids(s.template, l, grids, { lang: s.lang }), stored: s };
}

/** Installs (or upgrades) the template into the workbook behind `port`. */
export async function installBook(
  port: GridPort,
  o: InstallBookOptions,
  progress?: Progress,
): Promise<InstallBookResult> {
  progress?.('probe', 0, 1);
  const info = await port.info();
  const existing = info.sheets.map((s) => s.name);
  const installed = info.stored;
  const lang: Lang = installed?.lang ?? o.lang ?? 'zh';
  const decision = decideInstall(
    existing,
    lang,
    o.onClash,
    installed?.layout.sheetNames,
    tallySources(o.template).length > 0,
  );
  if (decision.action === 'refuse') throw new InputError(decision.message);

  const build: BuildOptions = {
    template: o.template,
    lang,
    ratees: o.ratees,
    raters: o.raters,
    entries: o.entries,
    adjustments: o.adjustments,
    sheetNames: decision.sheetNames,
  };
  if (decision.action !== 'upgrade' || !installed) {
    const plan = checkedPlan(build);
    const entry = plan.layout.entry;
    await port.writePlan(plan, progress, {
      // Names the plan adds that the workbook already has (left from an earlier installation).
      before: info.names
        .filter((n) => plan.names.some((p) => sameName(p.name, n.name)))
        .map((n): SheetOp => ({ op: 'deleteName', name: n.name })),
      after: [{ op: 'select', sheet: entry.sheet, cell: `${entry.sourceCol}${entry.firstRow}` }],
    });
    return {
      plan,
      report: {
        sheets: plan.sheets.map((s) => s.name),
        renamed: decision.action === 'rename' ? decision.renamed : {},
        keptEntries: 0,
      },
    };
  }

  // Upgrade: read what was typed, refuse to drop any of it, then stage.
  progress?.('read', 0, 1);
  const { content } = await readBookContent(port, installed);
  const old = installed.layout;
  checkNothingDropped(content.entries, o.template, old.entry.sheet);
  checkNoTallyDropped(content.tallies ?? [], o.template, old.tally?.sheet ?? '');
  build.entries = [...content.entries, ...(o.entries ?? [])];
  build.tallies = content.tallies;
  build.adjustments = [...content.adjustments, ...(o.adjustments ?? [])];
  build.ratees = mergeById(content.ratees, o.ratees);
  build.raters = mergeById(content.raters, o.raters);
  const rows = (r: { firstRow: number; lastRow: number }) => r.lastRow - r.firstRow + 1;
  build.capacity = {
    ...(old.tally ? { tallies: Math.max(rows(old.tally), (content.tallies ?? []).length + 50) } : {}),
    entries: Math.max(rows(old.entry), build.entries.length + 50),
    adjustments: Math.max(rows(old.adjustments), build.adjustments.length + 30),
    lists: Math.max(rows(old.lists), Math.max(build.ratees.length, build.raters.length) + 20),
  };
  const plan = checkedPlan(build);

  const present = (n: string) => existing.find((e) => sameName(e, n));
  const keep = new Set(
    UPGRADE_KEEPS.map((k) => present(old.sheetNames[k])).filter((n): n is string => n !== undefined),
  );
  keep.add(TEMPLATE_SHEET);
  // The old sheets move out of the way under free names; nothing is deleted before the new ones stand.
  const taken = [...existing];
  const moved: { from: string; to: string }[] = [];
  for (const n of new Set(Object.values(old.sheetNames))) {
    const name = present(n);
    if (!name || keep.has(name) || [...keep].some((k) => sameName(k, name))) continue;
    const to = freeName(`${name.slice(0, 24)} (old)`, taken);
    taken.push(to);
    moved.push({ from: name, to });
  }
  // The installation's own tables (same names in every version) on the sheets that move.
  const movedTables = moved.flatMap((m) =>
    plan.sheets
      .filter((p) => sameName(old.sheetNames[p.key as keyof typeof old.sheetNames] ?? '', m.from))
      .flatMap((p) => p.tables.map((t) => ({ sheet: m.from, name: t.name, away: `${t.name}_old` }))),
  );
  const fresh = plan.sheets.filter((s) => !keep.has(s.name) && s.key !== 'template');
  const store = plan.sheets.find((s) => s.key === 'template')!;
  const planNames = new Set(plan.names.map((n) => n.name.toLowerCase()));
  const oldNames = info.names.filter((n) => planNames.has(n.name.toLowerCase()));
  let storeTouched = false;
  let namesTouched = false;
  try {
    await port.sheetOps([
      ...movedTables.map((t): SheetOp => ({ op: 'renameTable', sheet: t.sheet, from: t.name, to: t.away })),
      ...moved.map((m): SheetOp => ({ op: 'rename', from: m.from, to: m.to })),
    ]);
    await port.writePlan({ ...plan, sheets: fresh, names: [] }, progress);
    namesTouched = true;
    await port.sheetOps([
      ...oldNames.map((n): SheetOp => ({ op: 'deleteName', name: n.name })),
      ...plan.names.map((n): SheetOp => ({ op: 'addName', name: n })),
    ]);
    storeTouched = true;
    await port.rewriteSheet(store);
  } catch (e) {
    await rollBack(
      port,
      { moved, movedTables, fresh, oldNames, planNames: plan.names.map((n) => n.name) },
      {
        store: storeTouched
          ? { ...store, blocks: [{ at: 'A1', values: storeRows(installed.template, old, installed.lang) }] }
          : null,
        names: namesTouched,
      },
    ).catch((r: unknown) => {
      throw new InputError(
        `the upgrade failed (${(e as Error).message}) and putting the old sheets back failed too (${(r as Error).message}): the old sheets are kept as ${moved.map((m) => m.to).join(', ')}`,
      );
    });
    throw e;
  }
  const entry = plan.layout.entry;
  await port.sheetOps([
    { op: 'select', sheet: entry.sheet, cell: `${entry.sourceCol}${entry.firstRow}` },
    ...moved.map((m): SheetOp => ({ op: 'delete', sheet: m.to })),
  ]);
  return {
    plan,
    report: {
      sheets: plan.sheets.filter((s) => !keep.has(s.name)).map((s) => s.name),
      renamed: {},
      keptEntries: content.entries.length,
    },
  };
}

/**
 * The plan, refused with a message naming the field when Excel would not keep it as planned:
 * table headers equal ignoring case (Excel renames the second: `Q1`, `q1` → `q12`, and the
 * entry sheet could no longer be read), and in-cell validation lists with a comma in an item
 * (Excel splits lists on commas whatever the locale) or longer than Excel's 255 characters.
 */
function checkedPlan(build: BuildOptions): WorkbookPlan {
  const plan = buildPlan(build);
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables) {
      const seen = new Map<string, string>();
      for (const h of t.columns) {
        const other = seen.get(h.toLowerCase());
        if (other !== undefined)
          throw new InputError(
            `the columns "${other}" and "${h}" of ${sheet.name} are the same to Excel, which compares table headers ignoring case: give the indicator another id`,
          );
        seen.set(h.toLowerCase(), h);
      }
    }
    for (const v of sheet.validations) {
      if (v.type !== 'list' || !v.list) continue;
      const comma = v.list.find((item) => item.includes(','));
      if (comma !== undefined)
        throw new InputError(
          `the list "${comma}" for ${sheet.name}!${v.range} holds a comma, and Excel splits validation lists on commas: write the label without a comma`,
        );
      const source = v.list.join(',');
      if (source.length > MAX_LIST_CHARS)
        throw new InputError(
          `the validation list for ${sheet.name}!${v.range} is ${source.length} characters long; Excel keeps at most ${MAX_LIST_CHARS}: shorten its items`,
        );
    }
  }
  return plan;
}

/** Excel's limit on an in-cell validation list (items joined by commas). */
const MAX_LIST_CHARS = 255;

/** Undoes a staged upgrade: the new sheets go, the old ones get their names back, names and store too. */
async function rollBack(
  port: GridPort,
  s: {
    moved: { from: string; to: string }[];
    movedTables: { sheet: string; name: string; away: string }[];
    fresh: SheetPlan[];
    oldNames: BookInfo['names'];
    planNames: string[];
  },
  touched: { store: SheetPlan | null; names: boolean },
): Promise<void> {
  const now = await port.info();
  const has = (n: string) => now.sheets.some((x) => sameName(x.name, n));
  const ops: SheetOp[] = [];
  for (const f of s.fresh) if (has(f.name)) ops.push({ op: 'delete', sheet: f.name });
  for (const m of s.moved) if (has(m.to)) ops.push({ op: 'rename', from: m.to, to: m.from });
  for (const t of s.movedTables) ops.push({ op: 'renameTable', sheet: t.sheet, from: t.away, to: t.name });
  if (touched.names) {
    for (const n of s.planNames)
      if (now.names.some((x) => sameName(x.name, n))) ops.push({ op: 'deleteName', name: n });
    for (const n of s.oldNames) ops.push({ op: 'addName', name: n });
  }
  await port.sheetOps(ops);
  if (touched.store) await port.rewriteSheet(touched.store);
}

/** Rows of the analysis sheet start below its hint row and header row. */
const ANALYSIS_FIRST_ROW = 3;

/** Writes the rater-analysis sheet (one row per flag), clearing rows left from a longer run. */
export async function writeAnalysisSheet(port: GridPort, results: Results): Promise<void> {
  const stored = requireStored(await port.info());
  const rows = analysisRows(results, stored.lang);
  await port.writeBlocks([
    {
      sheet: stored.layout.sheetNames.analysis,
      blocks: rows.length > 0 ? [{ at: `A${ANALYSIS_FIRST_ROW}`, values: rows }] : [],
      clearFromRow: ANALYSIS_FIRST_ROW + rows.length,
    },
  ]);
}
