/**
 * The summary's columns are found by their headers (issue 11): a column inserted by a clerk
 * must not make a sign-off record the rank as the final score; a missing header refuses.
 */
import { InputError } from '../../src/core/errors';
import type { SummaryLayout } from '../../src/workbook/plan';
import { readResults } from '../../src/workbook/signoff';

const laid = {
  sheet: '汇总',
  headerRow: 2,
  firstRow: 3,
  lastRow: 4,
  rateeCol: 'A',
  finalCol: 'C',
  rankCol: 'D',
  tierCol: 'E',
} as unknown as SummaryLayout;

const asLaid = [
  ['title'],
  ['编号', '名称', '最终得分', '名次', '等次'],
  ['U01', '甲', 93.3, 1, '优秀'],
  ['U02', '乙', 80.5, 2, '良好'],
];

test('reads the finals where the headers are, also after a column was inserted', () => {
  const plain = readResults(laid, asLaid).map(({ ratee, final, rank, tier }) => ({
    ratee,
    final,
    rank,
    tier,
  }));
  expect(plain).toEqual([
    { ratee: 'U01', final: 93.3, rank: 1, tier: '优秀' },
    { ratee: 'U02', final: 80.5, rank: 2, tier: '良好' },
  ]);
  const inserted = asLaid.map((r) => [...r.slice(0, 2), r.length > 1 ? '' : undefined, ...r.slice(2)]);
  inserted[1][2] = '备注列';
  const moved = readResults(laid, inserted as never);
  expect(moved.map(({ ratee, final, rank, tier }) => ({ ratee, final, rank, tier }))).toEqual(plain);
  expect(moved[0].loc?.columns).toEqual({ ratee: 'A', final: 'D', rank: 'E', tier: 'F' });
});

test('an English summary is read by its English headers', () => {
  const en = asLaid.map((r, i) => (i === 1 ? ['id', 'name', 'final', 'rank', 'tier'] : r));
  expect(readResults({ ...laid, sheet: 'Summary' }, en)[1].final).toBe(80.5);
});

test('a missing header or a missing sheet refuses in one line', () => {
  const renamed = asLaid.map((r, i) => (i === 1 ? ['编号', '名称', '得分', '名次', '等次'] : r));
  expect(() => readResults(laid, renamed)).toThrow(InputError);
  expect(() => readResults(laid, renamed)).toThrow(/汇总!2:2 has no column "最终得分" or "final"/);
  expect(() => readResults(laid, undefined)).toThrow(/no sheet "汇总"/);
});
