/**
 * Issue 16 item 3: the entry table grows as Excel tables do (docs/workbook.md "Capacity").
 *
 * - Every formula column of DP_EntryTable is a calculated column in the file we write
 *   (`<calculatedColumnFormula>`, the first data row's formula), and every name over the entry
 *   rows is a structured reference to a table column; both survive exceljs reading and writing
 *   the file again (sign-off, upgrade).
 * - What Excel does when a clerk types right below such a table (the table takes the row and
 *   fills every calculated column into it — support.microsoft.com, "Use calculated columns in an
 *   Excel table") is done here to the file by hand; LibreOffice then recalculates it and the
 *   summary counts the new row exactly as the engine does, and the reader does not call it
 *   outside. Without the growth (what LibreOffice itself does with a row typed below a table),
 *   the row is not counted and the reader names it.
 * Excel itself is not run here: that Excel fills the row is Microsoft's documentation, not a test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { computeScores } from '../../src/core/scoring';
import type { EntryRow, RawCell } from '../../src/core/types';
import { namedColumn, openXlsx, readWorkbookContent } from '../../src/hosts/xlsx/read';
import { movedBy, rowPattern } from '../../src/hosts/xlsx/shared-formulas';
import { writePlanXlsx } from '../../src/hosts/xlsx/write';
import { buildPlan } from '../../src/workbook/build';
import { bracketed, ENTRY_TABLE, parseStructured, tableColumn } from '../../src/workbook/formula';
import { NAMES } from '../../src/workbook/formulas';
import { recalcManyWithLibreOffice } from '../helpers/libreoffice';
import { makeCase, type Case } from '../workbook/cases';
import { engineFigures, workbookFigures } from '../workbook/compare';

const dir = mkdtempSync(join(tmpdir(), 'dp-table-grows-'));

const ENTRY_NAMES = [
  NAMES.entrySource,
  NAMES.entryRater,
  NAMES.entryRatee,
  NAMES.entryTotal,
  NAMES.entryStatus,
  NAMES.entryKey,
  NAMES.entryMaxKey,
  NAMES.entryMisplaced,
];

type TableModel = {
  tableRef: string;
  autoFilterRef?: string;
  columns: { name: string; calculatedColumnFormula?: string }[];
};
const tableOf = (ws: ExcelJS.Worksheet) =>
  (ws.getTable(ENTRY_TABLE) as unknown as { table: TableModel }).table;

async function partsOf(path: string): Promise<{ table: string; workbook: string }> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const tables = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
  const texts = await Promise.all(tables.map((f) => zip.file(f)!.async('string')));
  return {
    table: texts.find((t) => t.includes(`name="${ENTRY_TABLE}"`))!,
    workbook: await zip.file('xl/workbook.xml')!.async('string'),
  };
}

/** The seeded case, with one counted score sheet taken out (to be typed below the table). */
function split(c: Case): { kept: EntryRow[]; typed: EntryRow } {
  const rows = computeScores(
    {
      template: c.template,
      ratees: c.ratees,
      raters: c.raters,
      entries: c.entries,
      adjustments: c.adjustments,
    },
    { textNumbers: false },
  ).rows;
  const i = rows.findIndex(
    (r, k) =>
      r.status === 'counted' &&
      k > 0 &&
      Object.values(c.entries[k].cells).every((v) => typeof v === 'number'),
  );
  return { kept: c.entries.filter((_, k) => k !== i), typed: c.entries[i] };
}

async function build(c: Case, entries: EntryRow[], path: string) {
  await writePlanXlsx(
    buildPlan({
      template: c.template,
      ratees: c.ratees,
      raters: c.raters,
      entries,
      adjustments: c.adjustments,
    }),
    path,
  );
}

/** Types the score sheet into the first row below the table; with `grow`, does what Excel does. */
async function typeBelow(
  c: Case,
  path: string,
  typed: EntryRow,
  grow: boolean,
  out: string,
): Promise<number> {
  const wb = await openXlsx(path);
  const { stored } = readWorkbookContent(wb);
  const e = stored.layout.entry;
  const ws = wb.getWorksheet(e.sheet)!;
  const row = e.lastRow + 1;
  const put = (col: string, v: RawCell) => (ws.getCell(`${col}${row}`).value = v as ExcelJS.CellValue);
  put(e.sourceCol, typed.source);
  put(e.raterCol, typed.rater);
  put(e.rateeCol, typed.ratee);
  for (const ind of c.template.indicators) put(e.indicatorCols[ind.id], typed.cells[ind.id] ?? null);
  if (grow) {
    const t = tableOf(ws);
    const [from, to] = t.tableRef.split(':');
    const grown = `${from}:${to.replace(/\d+$/, String(row))}`;
    t.tableRef = grown;
    t.autoFilterRef = grown;
    t.columns.forEach((col, i) => {
      if (!col.calculatedColumnFormula) return;
      const p = rowPattern(col.calculatedColumnFormula)!;
      ws.getCell(row, i + 1).value = { formula: movedBy(p, row - e.firstRow) } as ExcelJS.CellFormulaValue;
    });
  }
  await wb.xlsx.writeFile(out);
  return row;
}

describe('the entry table grows as Excel tables do', () => {
  const c = makeCase(1021);
  const { kept, typed } = split(c);
  const built = join(dir, 'built.xlsx');

  beforeAll(async () => {
    await build(c, kept, built);
  });

  it('writes every formula column of the entry table as a calculated column, the first data row’s formula', async () => {
    const wb = await openXlsx(built);
    const { stored } = readWorkbookContent(wb);
    const e = stored.layout.entry;
    const ws = wb.getWorksheet(e.sheet)!;
    const t = tableOf(ws);
    let formulaColumns = 0;
    t.columns.forEach((col, i) => {
      const top = ws.getCell(e.firstRow, i + 1);
      if (top.formula) {
        formulaColumns++;
        expect([col.name, col.calculatedColumnFormula]).toEqual([col.name, top.formula]);
      } else expect([col.name, col.calculatedColumnFormula]).toEqual([col.name, undefined]);
    });
    // total, status text, effective source, the points columns the template needs, five helpers
    expect(formulaColumns).toBe(3 + Object.keys(e.pointCols).length + 5);
    const { table } = await partsOf(built);
    expect(table.match(/<calculatedColumnFormula>/g)).toHaveLength(formulaColumns);
  });

  it('names every entry column it reads by a structured reference to the table, in the file', async () => {
    const { workbook } = await partsOf(built);
    for (const name of ENTRY_NAMES)
      expect(workbook).toMatch(
        new RegExp(`<definedName name="${name}">${ENTRY_TABLE}\\[[^<]+\\]</definedName>`),
      );
    expect(workbook).toMatch(
      new RegExp(
        `<definedName name="${NAMES.entries}">${ENTRY_TABLE}\\[\\[#All\\],\\[[^<]+\\]:\\[_misplaced\\]\\]</definedName>`,
      ),
    );
  });

  it('keeps the calculated columns and the names when exceljs reads and writes the file again', async () => {
    const again = join(dir, 'again.xlsx');
    const wb = await openXlsx(built);
    await wb.xlsx.writeFile(again);
    const [a, b] = [await partsOf(built), await partsOf(again)];
    const formulas = (x: string) => x.match(/<calculatedColumnFormula>.*?<\/calculatedColumnFormula>/g);
    expect(formulas(b.table)).toEqual(formulas(a.table));
    const names = (x: string) => x.match(/<definedName name="DP_Entr[^"]*">[^<]*<\/definedName>/g)?.sort();
    expect(names(b.workbook)).toEqual(names(a.workbook));
  });

  it(
    'counts a row typed below once the table has grown over it; without growth names it as outside',
    async () => {
      const grownPath = join(dir, 'grown.xlsx');
      const fixedPath = join(dir, 'fixed.xlsx');
      const row = await typeBelow(c, built, typed, true, grownPath);
      await typeBelow(c, built, typed, false, fixedPath);
      expect((await partsOf(grownPath)).table).toContain(`ref="A2:`);
      expect((await partsOf(grownPath)).table).toMatch(new RegExp(`<table [^>]*ref="A2:[A-Z]+${row}"`));
      const [grown, fixed] = await recalcManyWithLibreOffice([grownPath, fixedPath]);

      // Grown: the formulas count the row, as the engine does; nothing is outside.
      const g = readWorkbookContent(await openXlsx(grown));
      expect(g.outsideFormulas).toEqual([]);
      expect(g.content.entries).toHaveLength(c.entries.length);
      const engine = computeScores(g.content, { textNumbers: false }).results;
      expect(workbookFigures(await openXlsx(grown))).toEqual(engineFigures(engine));

      // Not grown (LibreOffice's own behaviour): the row is outside, named, and not counted.
      const f = readWorkbookContent(await openXlsx(fixed));
      expect(f.outsideFormulas).toEqual([`${f.stored.layout.entry.sheet}!${row}`]);
      const without = computeScores(
        { ...f.content, entries: f.content.entries.slice(0, -1) },
        { textNumbers: false },
      );
      expect(workbookFigures(await openXlsx(fixed))).toEqual(engineFigures(without.results));
      // …and the row matters: counting it changes the engine's figures for its ratee.
      const withRow = engineFigures(computeScores(f.content, { textNumbers: false }).results);
      expect(withRow.get(typed.ratee)).not.toEqual(engineFigures(without.results).get(typed.ratee));
    },
    5 * 60_000,
  );
});

describe('structured references in names', () => {
  it('are written with Excel’s escapes and read back by parseStructured', () => {
    for (const h of ['_key', '评委', 'a b', "x'[y]#", 'a-b.c'])
      expect(parseStructured(tableColumn('T', h))).toEqual({ table: 'T', all: false, from: h, to: h });
    expect(tableColumn('T', 'a b')).toBe('T[[a b]]');
    expect(tableColumn('T', "x'[y]#")).toBe("T[[x'''[y']'#]]");
    expect(parseStructured(`=T[[#All],${bracketed('a-b')}:${bracketed('c')}]`)).toEqual({
      table: 'T',
      all: true,
      from: 'a-b',
      to: 'c',
    });
    for (const other of ["'S'!$A$1:$A$3", 'T[#All]', 'T[[#Headers],[a]]', 'SUM(T[a])'])
      expect(parseStructured(other)).toBeNull();
  });

  it('the public DP_Entries reads as the table with its header row, as before', async () => {
    const c = makeCase(1007);
    const path = join(dir, 'entries.xlsx');
    await build(c, c.entries, path);
    const wb = await openXlsx(path);
    const { stored } = readWorkbookContent(wb);
    const col = namedColumn(wb, NAMES.entries);
    expect(col[0]).toBe('评价主体');
    expect(col).toHaveLength(stored.layout.entry.lastRow - stored.layout.entry.headerRow + 1);
    expect(namedColumn(wb, NAMES.entryRater)).toHaveLength(
      stored.layout.entry.lastRow - stored.layout.entry.firstRow + 1,
    );
  });
});
