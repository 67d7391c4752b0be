/**
 * The shared reader's sheet issues (src/workbook/read.ts): a freshly installed book of every
 * built-in template, in either language, shows its stored template on 指标 exactly (no false
 * difference); a retyped cell is named with both values; merged ranges over the rows read are
 * reported once each, the installation's own merges above the header are not.
 */
import { builtinTemplates } from '../../src/core/templates';
import { planToWorkbook } from '../../src/hosts/xlsx/write';
import { readWorkbookContent, sheetGrid, workbookGrids } from '../../src/hosts/xlsx/read';
import { buildPlan } from '../../src/workbook/build';
import { indicatorSheetIssues, indicatorSheetRows } from '../../src/workbook/indicator-sheet';
import { readContentFromGrids } from '../../src/workbook/read';

describe('the indicator sheet against the stored template', () => {
  it.each(builtinTemplates().flatMap((t) => (['zh', 'en'] as const).map((lang) => [t.id, lang, t] as const)))(
    '%s (%s): a fresh installation shows no difference; a retyped cell is named',
    async (_id, lang, template) => {
      const plan = buildPlan({ template, lang });
      const wb = await planToWorkbook(plan);
      const read = readWorkbookContent(wb);
      expect(read.sheetIssues).toEqual([]);
      const sheet = plan.layout.sheetNames.indicators;
      const ws = wb.getWorksheet(sheet)!;
      const laid = indicatorSheetRows(template, lang);
      ws.getCell('D2').value = template.indicators[0].max + 1;
      ws.getCell(`C${laid.sourceHeaderRow + 1}`).value = template.sources[0].weight + 1;
      const issues = indicatorSheetIssues(template, lang, sheet, sheetGrid(ws));
      expect(issues).toEqual([
        {
          code: 'indicator-sheet-differs',
          where: `${sheet}!D2`,
          part: 'indicator',
          id: template.indicators[0].id,
          field: 'max',
          found: String(template.indicators[0].max + 1),
          stored: String(template.indicators[0].max),
        },
        {
          code: 'indicator-sheet-differs',
          where: `${sheet}!C${laid.sourceHeaderRow + 1}`,
          part: 'source',
          id: template.sources[0].id,
          field: 'weight',
          found: String(template.sources[0].weight + 1),
          stored: String(template.sources[0].weight),
        },
      ]);
    },
  );
});

describe('merged ranges', () => {
  it('reports each range over the rows read once, with its top-left cell and the cells left blank', async () => {
    const template = builtinTemplates()[0];
    const plan = buildPlan({ template, lang: 'zh' });
    const { layout } = plan;
    const e = layout.entry;
    const r = readContentFromGrids(template, layout, workbookGrids(await planToWorkbook(plan)), {
      merges: { [e.sheet]: ['A1:C1', `D${e.firstRow}:E${e.firstRow + 1}`] },
    });
    expect(r.sheetIssues).toEqual([
      {
        code: 'merged-cell',
        range: `${e.sheet}!D${e.firstRow}:E${e.firstRow + 1}`,
        master: `D${e.firstRow}`,
        blanks: [`E${e.firstRow}`, `D${e.firstRow + 1}`, `E${e.firstRow + 1}`],
      },
    ]);
    expect(r.content.sheetIssues).toEqual(r.sheetIssues);
  });
});
