/**
 * Issue 16 item 3 in the add-in: the Office adapter adds the entry table before it writes the
 * cells, so the formula columns it writes become calculated columns, and a row the table gains
 * (`rows.add`) gets every formula; the names the summary reads are structured references and
 * cover it. The fake models Excel's tables as Microsoft documents them
 * (src/testing/fake-excel/tables.ts cites the pages); LibreOffice then recalculates the fake's
 * book as a file and its summary counts the added row exactly as the engine does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { columnIndex } from '../../src/core/address';
import { computeScores } from '../../src/core/scoring';
import { OfficeHost } from '../../src/hosts/office';
import type { XlValue } from '../../src/hosts/office/xl';
import { openXlsx, readWorkbookContent } from '../../src/hosts/xlsx/read';
import { calculateFromEngine } from '../../src/preview/fakeWorkbook';
import { createFakeExcel } from '../../src/testing/fake-excel';
import type { FakeSheet } from '../../src/testing/fake-excel/model';
import { resolveStructured } from '../../src/testing/fake-excel/tables';
import { sampleWorkload, typeScores } from '../../src/testing/fake-excel/workload';
import { fakeBookToXlsx } from '../../src/testing/fake-excel/xlsx-file';
import { buildPlan } from '../../src/workbook/build';
import { ENTRY_TABLE } from '../../src/workbook/formula';
import { NAMES } from '../../src/workbook/formulas';
import type { EntryLayout } from '../../src/workbook/plan';
import { readStore } from '../../src/workbook/store';
import { recalcManyWithLibreOffice } from '../helpers/libreoffice';
import { engineFigures, workbookFigures } from '../workbook/compare';

async function installed() {
  const excel = createFakeExcel({ calculate: (b) => calculateFromEngine(b, 'zh') });
  const host = new OfficeHost({ run: excel.run, isSetSupported: excel.isSetSupported, kind: 'preview' });
  const load = sampleWorkload(4, 3);
  await host.install(load);
  typeScores(excel.book);
  const store = excel.book.sheetOrThrow('DP_Template');
  const used = store.usedRect(true)!;
  const { layout, template } = readStore(store.values(`A1:B${used.lastRow + 1}`));
  const entry = excel.book.sheetOrThrow(layout.entry.sheet);
  const table = entry.tables.find((t) => t.name === ENTRY_TABLE)!;
  return { excel, host, load, layout, template, entry, table };
}

/** The inputs of the entry row at 1-based `row` (source … last indicator), then cleared from it. */
function takeRow(sheet: FakeSheet, e: EntryLayout, row: number, width: number): XlValue[] {
  const last = columnIndex(e.statusCol) - 1;
  const out: XlValue[] = Array<XlValue>(width).fill(null);
  for (let c = 0; c <= last; c++) {
    out[c] = sheet.valueAt(row - 1, c);
    const cell = sheet.cellAt(row - 1, c);
    if (cell) delete cell.value;
  }
  return out;
}

describe('the entry table grows in Excel (Office adapter over the fake)', () => {
  it('writes every formula column as a calculated column, and the entry names as table columns', async () => {
    const { excel, layout, entry, table } = await installed();
    const e = layout.entry;
    const formulaCols: number[] = [];
    for (let c = table.rect.col; c <= table.rect.lastCol; c++)
      if (entry.cellAt(e.firstRow - 1, c)?.formula !== undefined) formulaCols.push(c);
    // Total, status text, source, the points columns the template needs, status, four block helpers.
    expect(formulaCols.length).toBe(8 + Object.keys(e.pointCols).length);
    expect([...table.calculated.keys()].sort((a, b) => a - b)).toEqual(formulaCols);
    for (const c of formulaCols)
      expect(table.calculated.get(c)).toBe(entry.cellAt(e.firstRow - 1, c)!.formula);
    expect(excel.book.names.get(NAMES.entryKey)!.formula).toBe(`=${ENTRY_TABLE}[_key]`);
    expect(resolveStructured(excel.book, excel.book.names.get(NAMES.entryKey)!.formula)).toBe(
      `='${e.sheet}'!$${e.keyCol}$${e.firstRow}:$${e.keyCol}$${e.lastRow}`,
    );
  });

  it(
    'a row added to the table gets the formulas the plan has for that row, and the names and the summary count it',
    async () => {
      const { excel, host, load, layout, template, entry, table } = await installed();
      const e = layout.entry;
      const width = table.rect.lastCol - table.rect.col + 1;
      // The clerk's last score sheet is typed again in a row added to the table (rows.add).
      const lastTyped = e.firstRow + load.ratees.length * load.raters.length - 1;
      const row = takeRow(entry, e, lastTyped, width);
      await excel.run(async (ctx) => {
        // TableRowCollection.add (ExcelApi 1.1), which the adapter itself never calls.
        const t = ctx.workbook.worksheets.getItem(e.sheet).tables.getItemOrNullObject(ENTRY_TABLE);
        (t as unknown as { rows: { add(i: null, v: XlValue[][]): void } }).rows.add(null, [row]);
        await ctx.sync();
      });
      const added = e.lastRow + 1;
      expect(table.rect.lastRow + 1).toBe(added);

      // Every calculated column holds the formula a plan with one more row writes there.
      const bigger = buildPlan({
        template,
        ratees: load.ratees,
        raters: load.raters,
        lang: 'zh',
        capacity: { entries: e.lastRow - e.firstRow + 2 },
      });
      const planned = bigger.sheets
        .find((s) => s.name === e.sheet)!
        .blocks.find((b) => b.formulas && b.at === `${e.totalCol}${e.firstRow}`)!;
      const first = columnIndex(e.totalCol);
      planned.formulas![added - e.firstRow].forEach((f, k) =>
        expect([first + k, entry.cellAt(added - 1, first + k)?.formula]).toEqual([first + k, f]),
      );

      // The names the summary reads cover the new row; nothing is outside.
      for (const name of [NAMES.entryKey, NAMES.entryStatus, NAMES.entryTotal, NAMES.entryMaxKey])
        expect(resolveStructured(excel.book, excel.book.names.get(name)!.formula)).toMatch(
          new RegExp(`\\$${added}$`),
        );
      const content = await host.readContent();
      expect(content.outsideFormulas).toEqual([]);
      expect(content.entries.map((x) => x.loc?.row)).toContain(added);

      // LibreOffice computes the book's own formulas: the summary counts the row as the engine does.
      const dir = mkdtempSync(join(tmpdir(), 'dp-office-grow-'));
      const file = join(dir, 'grown.xlsx');
      writeFileSync(file, await fakeBookToXlsx(excel.book, ExcelJS));
      const [out] = await recalcManyWithLibreOffice([file]);
      const wb = await openXlsx(out);
      const read = readWorkbookContent(wb);
      expect(read.outsideFormulas).toEqual([]);
      expect(workbookFigures(wb)).toEqual(
        engineFigures(computeScores(read.content, { textNumbers: false }).results),
      );
      // …and without the added row the engine's figures differ: the row is counted, not ignored.
      const without = computeScores(
        { ...read.content, entries: read.content.entries.filter((x) => x.loc?.row !== added) },
        { textNumbers: false },
      );
      expect(workbookFigures(wb)).not.toEqual(engineFigures(without.results));
    },
    5 * 60_000,
  );

  it('a row written below the table without adding it to the table is named as outside', async () => {
    const { host, layout, entry, table } = await installed();
    const e = layout.entry;
    const width = table.rect.lastCol - table.rect.col + 1;
    const row = takeRow(entry, e, e.firstRow, width);
    row.forEach((v, c) => {
      if (v !== null && v !== '') entry.ensureCell(e.lastRow, c).value = v;
    });
    const content = await host.readContent();
    expect(content.outsideFormulas).toEqual([`${e.sheet}!${e.lastRow + 1}`]);
  });
});
