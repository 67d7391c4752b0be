/**
 * Runs every case of the corpus (cases.ts) through the real command line, in-process, each in
 * its own folder: the exit code, the message (stderr for refusals, stdout for problems), files
 * that must be unchanged or absent, and outputs that must equal another case's.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellRaw, readStored } from '../../src/hosts/xlsx/read';
import { indicatorSheetRows } from '../../src/workbook/indicator-sheet';
import { repairForWrite } from '../../src/hosts/xlsx/signoff';
import { cli } from '../cli/run';
import { builtWorkbook, builtin } from '../signoff/layout-book';
import { cases, type Fixtures } from './cases';

const root = mkdtempSync(join(tmpdir(), 'dp-corpus-'));
let fx: Fixtures;
const outs = new Map<string, string>();

/** `book` with a chart (chart part + graphic frame), a shape and a threaded comment, as Excel saves them. */
async function withChart(book: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(book);
  zip.file(
    'xl/drawings/drawing9.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>' +
      '<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>22</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="文本框 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>审核意见</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
  );
  zip.file(
    'xl/drawings/_rels/drawing9.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart9.xml"/></Relationships>',
  );
  zip.file(
    'xl/charts/chart9.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>',
  );
  zip.file(
    'xl/threadedComments/threadedComment9.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B3" dT="2025-01-01T00:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>请复核</text></threadedComment></ThreadedComments>',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** `book` with its summary sheet changed by `change` (through exceljs, as a clerk's edit). */
async function changedSummary(
  book: Buffer,
  change: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
  sheet = '汇总',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(book as unknown as ArrayBuffer);
  change(wb.getWorksheet(sheet)!, wb);
  repairForWrite(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  const ex = (f: string) => readFileSync(join(__dirname, '../../examples', f), 'utf8');
  const bookPath = join(root, 'book.xlsx');
  await builtWorkbook(bookPath, builtin());
  const signedPath = join(root, 'signed.xlsx');
  const s = await cli('signoff', bookPath, '--reviewer', '张科长', '--out', signedPath);
  if (s.code !== 0) throw new Error(`cannot make the signed fixture: ${s.err}`);
  const book = readFileSync(bookPath);
  const names = new Map(
    ex('ratees.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',') as [string, string]),
  );
  fx = {
    ratings: ex('ratings.csv'),
    ratingsZh: ex('ratings.csv').replace(/,(U\d\d),/g, (m, id: string) => `,${names.get(id) ?? id},`),
    ratees: ex('ratees.csv'),
    adjustments: ex('adjustments.csv'),
    raters: 'id,source\n',
    book,
    signed: readFileSync(signedPath),
    charted: await withChart(book),
    signedNamesSwapped: await changedSummary(
      readFileSync(signedPath),
      (ws) => {
        const [a, b] = [ws.getCell('B3').value, ws.getCell('B4').value];
        ws.getCell('B3').value = b;
        ws.getCell('B4').value = a;
      },
      '名单',
    ),
    noSummary: await changedSummary(book, (ws, wb) => wb.removeWorksheet(ws.id)),
    summaryFinalRenamed: await changedSummary(book, (ws) => {
      ws.getRow(2).eachCell((c) => {
        if (c.value === '最终得分') c.value = '得分';
      });
    }),
    summaryColumnInserted: await changedSummary(book, (ws) => ws.spliceColumns(3, 0, [])),
    mergedScores: await changedSummary(
      book,
      (ws, wb) => {
        const e = readStored(wb).layout.entry;
        const col = Object.values(e.indicatorCols)[0];
        ws.mergeCells(`${col}${e.firstRow}:${col}${e.firstRow + 2}`);
      },
      '评分录入',
    ),
    dateScore: await changedSummary(
      book,
      (ws, wb) => {
        const e = readStored(wb).layout.entry;
        const cell = ws.getCell(`${Object.values(e.indicatorCols)[0]}${e.firstRow}`);
        cell.value = new Date(Date.UTC(2024, 2, 4));
        cell.style = { ...cell.style, numFmt: 'm"月"d"日"' };
      },
      '评分录入',
    ),
    indicatorWeight: await changedSummary(
      book,
      (ws, wb) => {
        const w = readStored(wb).template.indicators[0].weight;
        ws.getCell('E2').value = w + 5;
      },
      '指标',
    ),
    tierMin: await changedSummary(
      book,
      (ws, wb) => {
        const { template, lang } = readStored(wb);
        const laid = indicatorSheetRows(template, lang);
        ws.getCell(`B${laid.tierHeaderRow + 1}`).value = template.tiers[0].min - 5;
      },
      '指标',
    ),
    signedIndicatorWeight: await changedSummary(
      readFileSync(signedPath),
      (ws, wb) => {
        const w = readStored(wb).template.indicators[0].weight;
        ws.getCell('E2').value = w + 5;
      },
      '指标',
    ),
    signedTemplateField: await changedSummary(
      readFileSync(signedPath),
      (ws) => {
        // The stored template JSON (row 2 from B, in chunks) with a field this version does not know.
        const row = ws.getRow(2);
        const chunks: string[] = [];
        row.eachCell((c, col) => {
          if (col > 1) chunks.push(String(cellRaw(c) ?? ''));
        });
        const t = JSON.parse(chunks.join('')) as Record<string, unknown>;
        t.reviewedBy = '考核办';
        row.eachCell((c, col) => {
          if (col > 1) c.value = null;
        });
        row.getCell(2).value = JSON.stringify(t);
      },
      'DP_Template',
    ),
  };
}, 600_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('the corpus holds at least 150 cases with distinct ids', () => {
  expect(cases.length).toBeGreaterThanOrEqual(150);
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
});

describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  test(`exit ${c.code}${c.err ? `, says ${c.err.source.slice(0, 60)}` : ''}`, async () => {
    const dir = join(root, c.id.replace(/[^\w.-]+/g, '_'));
    mkdirSync(dir, { recursive: true });
    for (const [name, f] of Object.entries(c.files ?? {})) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, typeof f === 'function' ? f(fx) : f);
    }
    const before = Object.fromEntries((c.unchanged ?? []).map((n) => [n, hash(join(dir, n))]));
    const argv = c.argv.map((a) => (a.startsWith('@') ? join(dir, a.slice(1)) : a));
    const r = await cli(...argv);
    const shown = `exit ${r.code}\nstdout: ${r.out.slice(0, 600)}\nstderr: ${r.err}`;
    expect({ code: r.code, shown }).toMatchObject({ code: c.code });
    // Never a stack trace or an unexpected error; refusals are one line.
    expect(r.err).not.toMatch(/unexpected error|\n\s+at /);
    if (c.code === 2) expect(r.err.split('\n').filter((l) => l.startsWith('duanping:'))).toHaveLength(1);
    if (c.err) expect(r.err).toMatch(c.err);
    if (c.out) expect(r.out).toMatch(c.out);
    for (const [n, h] of Object.entries(before))
      expect({ file: n, hash: hash(join(dir, n)) }).toEqual({ file: n, hash: h });
    for (const n of c.absent ?? [])
      expect({ file: n, exists: existsSync(join(dir, n)) }).toEqual({ file: n, exists: false });
    // No temporary file is left behind.
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    outs.set(c.id, r.out);
    if (c.sameOutAs) {
      expect(outs.has(c.sameOutAs)).toBe(true);
      expect(r.out).toBe(outs.get(c.sameOutAs));
    }
  });
});
