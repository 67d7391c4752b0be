/**
 * Shared formulas: the writer turns a column that is one formula filled down into one formula
 * and references to it, only when every cell's text is exactly that formula moved; files with
 * them read back with their cached values, and LibreOffice computes them as the plain formulas.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isMovedBy, movedBy, rowPattern } from '../../src/hosts/xlsx/shared-formulas';
import { newWorkbook, writeBlock } from '../../src/hosts/xlsx/write';
import { recalcWithLibreOffice } from '../helpers/libreoffice';

const dir = mkdtempSync(join(tmpdir(), 'dp-shared-'));

function moved(formula: string, offset: number): string | null {
  const p = rowPattern(formula);
  return p ? movedBy(p, offset) : null;
}

describe('rowPattern: which row numbers move when a formula is filled down', () => {
  it('moves relative rows only, in every reference form a spreadsheet moves', () => {
    expect(moved('IF(AU3=0,SUM(AA3:AT3)/200,"")', 2)).toBe('IF(AU5=0,SUM(AA5:AT5)/200,"")');
    expect(moved('$A$3+A$3+$A3+a3', 1)).toBe('$A$3+A$3+$A4+a4');
    expect(moved("'评分录入'!D3+Sheet2!B7", 10)).toBe("'评分录入'!D13+Sheet2!B17");
    expect(moved('COUNTIFS($B$3:$B$650,B3,C:C,C3)', 1)).toBe('COUNTIFS($B$3:$B$650,B4,C:C,C4)');
  });

  it('leaves texts, quoted sheet names, functions, names and numbers alone', () => {
    expect(moved('IF(A3="A3",\'Sheet 3\'!A1,"say ""B2""")', 1)).toBe(
      'IF(A4="A3",\'Sheet 3\'!A2,"say ""B2""")',
    );
    expect(moved('LOG10(A3)+ATAN2(B3,1)+_xlfn.RANK.EQ(H5,DP_Final)+DP_A1', 1)).toBe(
      'LOG10(A4)+ATAN2(B4,1)+_xlfn.RANK.EQ(H6,DP_Final)+DP_A1',
    );
    expect(moved('1E5+0.5*A3+#N/A', 1)).toBe('1E5+0.5*A4+#N/A');
    expect(moved('ZZZ9+A3', 1)).toBe('ZZZ9+A4'); // beyond column XFD: a name, not a cell
  });

  it('refuses references whose move it does not model', () => {
    expect(rowPattern('SUM(3:5)')).toBeNull();
    expect(rowPattern('SUM($3:$5)')).toBeNull();
    expect(rowPattern('T_Entry[@Score]')).toBeNull();
    expect(rowPattern('[1]Sheet1!A1')).toBeNull();
  });

  it('isMovedBy matches exactly the moved text and nothing else', () => {
    const p = rowPattern('A3*2+B$1')!;
    expect(isMovedBy(p, 'A5*2+B$1', 2)).toBe(true);
    expect(isMovedBy(p, 'A5*2+B$1', 1)).toBe(false);
    expect(isMovedBy(p, 'A50*2+B$1', 2)).toBe(false);
    expect(isMovedBy(p, 'A5*2+B$2', 2)).toBe(false);
    expect(isMovedBy(p, 'A5*2+B$1 ', 2)).toBe(false);
    expect(isMovedBy(rowPattern('1+1')!, '1+1', 7)).toBe(true);
  });
});

/** The `<f>` elements of the first worksheet of an xlsx buffer. */
async function formulaElements(buf: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  return xml.match(/<f[^>]*\/>|<f[^>]*>[^<]*<\/f>/g) ?? [];
}

describe('writeBlock writes filled-down formulas as shared formulas', () => {
  const rows = 6;
  const block = {
    at: 'B2',
    formulas: Array.from({ length: rows }, (_, i) => [
      `=A${i + 2}*2`,
      i === 3 ? '=0' : `=IF(A${i + 2}>2,"big",A$2)`,
    ]),
    results: Array.from({ length: rows }, (_, i) => [(i + 1) * 2, i === 3 ? 0 : i + 1 > 2 ? 'big' : 1]),
  };

  async function book(extra?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('S');
    writeBlock(ws, { at: 'A2', values: Array.from({ length: rows }, (_, i) => [i + 1]) });
    writeBlock(ws, block);
    extra?.(ws);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('writes each run once and keeps every cached value', async () => {
    const buf = await book();
    const fs = await formulaElements(buf);
    // Column B: one run of six. Column C: rows 2–4 one run, row 5 its own formula, rows 6–7 a run.
    expect(fs.filter((f) => f.includes('ref='))).toEqual([
      '<f t="shared" ref="B2:B7" si="0">A2*2</f>',
      '<f t="shared" ref="C2:C4" si="1">IF(A2&gt;2,&quot;big&quot;,A$2)</f>',
      '<f t="shared" ref="C6:C7" si="2">IF(A6&gt;2,&quot;big&quot;,A$2)</f>',
    ]);
    expect(fs).toContain('<f>0</f>');
    expect(fs.filter((f) => /^<f t="shared" si="\d+"\/>$/.test(f))).toHaveLength(5 + 2 + 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('S')!;
    for (let i = 0; i < rows; i++) {
      expect(ws.getCell(`B${i + 2}`).result).toBe(block.results[i][0]);
      expect(ws.getCell(`C${i + 2}`).result).toBe(block.results[i][1]);
    }
    expect(ws.getCell('B5').formula).toBe('A5*2');
  });

  it('a later write over part of a run leaves the rest as plain formulas of their own', async () => {
    const buf = await book((ws) => writeBlock(ws, { at: 'B2', values: [[99]] }));
    const fs = await formulaElements(buf);
    expect(fs.some((f) => f.includes('ref="B'))).toBe(false);
    for (let r = 3; r <= 7; r++) expect(fs).toContain(`<f>A${r}*2</f>`);
    // Cut in the middle: the top cell too becomes a formula of its own.
    const cut = await formulaElements(await book((ws) => writeBlock(ws, { at: 'B4', values: [[99]] })));
    expect(cut.some((f) => f.includes('ref="B'))).toBe(false);
    for (const r of [2, 3, 5, 6, 7]) expect(cut).toContain(`<f>A${r}*2</f>`);
    expect(cut).not.toContain('<f>A4*2</f>');
  });

  it('a run cut by a later write keeps cached values of false and 0', async () => {
    const wb = newWorkbook();
    const ws = wb.addWorksheet('S');
    const results = [false, 0, true, 0, 1, 'x'];
    writeBlock(ws, {
      at: 'B2',
      formulas: results.map((_, i) => [`=A${i + 2}>0`]),
      results: results.map((r) => [r]),
    });
    writeBlock(ws, { at: 'B7', values: [[99]] });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    for (let i = 0; i < 5; i++) expect(back.getWorksheet('S')!.getCell(`B${i + 2}`).result).toBe(results[i]);
  });

  it(
    'LibreOffice computes the shared formulas as the plain ones',
    async () => {
      const path = join(dir, 'shared.xlsx');
      // A changed input (the cached values are then stale): LibreOffice must compute, not copy.
      writeFileSync(path, await book((ws) => (ws.getCell('A5').value = 40)));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(await recalcWithLibreOffice(path)) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('S')!;
      const a = [1, 2, 3, 40, 5, 6];
      for (let i = 0; i < rows; i++) {
        expect(ws.getCell(`B${i + 2}`).result).toBe(a[i] * 2);
        expect(ws.getCell(`C${i + 2}`).result).toBe(i === 3 ? 0 : a[i] > 2 ? 'big' : 1);
      }
    },
    10 * 60_000,
  );
});
