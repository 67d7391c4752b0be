/**
 * Makes docs/init-entry.png and docs/init-summary.png: a workbook from `duanping init` with a few
 * score sheets typed (one bad cell), rendered by LibreOffice. Run: npx tsx test/xlsx/make-init-screenshot.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBuiltinTemplate } from '../../src/core/templates';
import { openXlsx, readWorkbookContent } from '../../src/hosts/xlsx/read';
import { installXlsxFile } from '../../src/hosts/xlsx/install';
import { convertWithLibreOffice } from '../helpers/libreoffice';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dp-shot-'));
  const template = getBuiltinTemplate('democratic-ballot')!;
  const ratees = ['第一党支部', '第二党支部', '机关党支部'].map((name, i) => ({ id: `U0${i + 1}`, name }));
  const raters = ['V01', 'V02'].map((id) => ({ id, source: template.sources[0].id }));
  const book = join(dir, 'init.xlsx');
  await installXlsxFile(book, { template, ratees, raters });
  const wb = await openXlsx(book);
  const { stored } = readWorkbookContent(wb);
  const e = stored.layout.entry;
  const ws = wb.getWorksheet(e.sheet)!;
  const ids = stored.template.indicators.map((i) => i.id);
  const typed: (string | number)[][] = [
    ['好', '好', '较好', '好', '好'],
    ['较好', '一般', '较好', '好', 80],
    ['好', '９０', '好', '较好', '好'],
  ];
  typed.forEach((row, r) =>
    row.forEach((v, c) => (ws.getCell(`${e.indicatorCols[ids[c]]}${e.firstRow + r}`).value = v)),
  );
  for (const [key, file] of [
    ['entry', 'init-entry'],
    ['summary', 'init-summary'],
  ] as const) {
    // LibreOffice leaves hidden sheets out of a PDF: show only the sheet to picture.
    const states = wb.worksheets.map((w) => w.state);
    wb.worksheets.forEach((w) => {
      if (w.name !== stored.layout.sheetNames[key] && w.state === 'visible') w.state = 'hidden';
    });
    const idx = wb.worksheets.findIndex((w) => w.name === stored.layout.sheetNames[key]);
    wb.views = [
      { x: 0, y: 0, width: 20000, height: 12000, firstSheet: idx, activeTab: idx, visibility: 'visible' },
    ];
    const path = join(dir, `${file}.xlsx`);
    await wb.xlsx.writeFile(path);
    wb.worksheets.forEach((w, i) => (w.state = states[i]));
    const pdf = await convertWithLibreOffice(path, 'pdf');
    execFileSync('pdftoppm', [
      '-f',
      '1',
      '-l',
      '1',
      '-r',
      '110',
      '-png',
      '-singlefile',
      pdf,
      join('docs', file),
    ]);
    console.log(`docs/${file}.png`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
