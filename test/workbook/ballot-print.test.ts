/** Shares in the pane's results and on the print sheet, as percentages. */
import { computeScores } from '../../src/core/scoring';
import { getBuiltinTemplate } from '../../src/core/templates';
import { sharesText } from '../../src/taskpane/components/SharesCell';
import { isShareHeader } from '../../src/workbook/ballots';
import { buildPlan } from '../../src/workbook/build';
import { summaryPrintColumns } from '../../src/workbook/print';
import type { PlanValue } from '../../src/workbook/plan';

const template = getBuiltinTemplate('democratic-ballot')!;

describe('shares as percentages', () => {
  it('the pane shows the pooled shares of each mark', () => {
    const marks = ['好', '好', '好', '较好', '较好', '差', '一般', '好'];
    const { results } = computeScores({
      template,
      entries: marks.map((m, i) => ({
        source: 'voters',
        rater: `V${i}`,
        ratee: 'U1',
        cells: { M1: m, M2: m, M3: m, M4: m, M5: m },
      })),
    });
    expect(sharesText(results.ratees[0].levelShares)).toBe('好 50% · 较好 25% · 一般 12.5% · 差 12.5%');
    expect(sharesText({})).toBe('—');
  });

  it('the print sheet takes the share columns of the summary, formatted as percentages', () => {
    const plan = buildPlan({ template, ratees: [{ id: 'U1' }] });
    const summary = plan.sheets.find((s) => s.key === 'summary')!;
    const s = plan.layout.summary;
    const header: PlanValue[] = [];
    for (const b of summary.blocks)
      if (b.at.endsWith(String(s.headerRow)) && b.values) {
        const col = b.at.replace(/\d+$/, '');
        const start = col.split('').reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        b.values[0].forEach((v, k) => (header[start + k] = v));
      }
    for (let i = 0; i < header.length; i++) if (header[i] === undefined) header[i] = null;
    const { columns } = summaryPrintColumns(summary, header, s.firstRow);
    const shares = columns.filter((c) => isShareHeader(c.header));
    expect(shares.map((c) => c.header)).toEqual(['好（%）', '较好（%）', '一般（%）', '差（%）']);
    expect(shares.every((c) => c.numFmt === '0.0%')).toBe(true);
    // The rule helpers stay off paper, and the tier count side table too.
    expect(columns.some((c) => String(c.header).startsWith('_'))).toBe(false);
    expect(columns.some((c) => c.header === '等次统计')).toBe(false);
  });
});
