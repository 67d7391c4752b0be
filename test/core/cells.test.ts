import { parseCell } from '../../src/core/cells';
import type { Indicator } from '../../src/core/template';

const score: Indicator = { id: 'A3', name: '组织生活', dimension: '组织建设', max: 20, weight: 20 };
const ballot: Indicator = {
  id: 'M1',
  name: '政治表现',
  dimension: '德',
  max: 100,
  weight: 100,
  levels: [
    { label: '好', points: 100 },
    { label: '较好', points: 80 },
    { label: '一般', points: 60 },
    { label: '差', points: 40 },
  ],
};
const csv = { textNumbers: true };
const book = { textNumbers: false };

describe('parseCell', () => {
  it.each([
    [18, 18],
    ['18', 18],
    [' 17.5 ', 17.5],
    [0, 0],
    [20, 20],
  ])('accepts %p from CSV as %p points', (raw, want) => {
    expect(parseCell(raw, score, csv)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['', 'missing', undefined],
    ['  ', 'missing', undefined],
    [null, 'missing', undefined],
    ['abc', 'not-a-number', undefined],
    ['-5', 'out-of-range', undefined],
    ['21', 'out-of-range', undefined],
    [-0.5, 'out-of-range', undefined],
    ['#N/A', 'error-value', undefined],
    [{ error: '#DIV/0!' }, 'error-value', undefined],
    ['１８', 'full-width-digits', '18'],
    ['１８．５', 'full-width-digits', '18.5'],
    ['18分', 'unit-suffix', '18'],
    ['１８分', 'full-width-digits', '18'],
    ['９０', 'full-width-digits', undefined], // 90 is above the maximum of 20: no fix to propose
    [true, 'not-a-number', undefined],
  ])('turns %p into a %s problem (fix %p)', (raw, code, fix) => {
    const r = parseCell(raw as never, score, csv);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.fix).toBe(fix);
    }
  });

  it('treats a number stored as text in a workbook as a problem the formulas would agree with', () => {
    expect(parseCell('18', score, book)).toEqual({
      ok: false,
      code: 'number-as-text',
      found: '18',
      fix: '18',
    });
    expect(parseCell(18, score, book)).toEqual({ ok: true, value: 18 });
  });

  it('reads level labels and their points, and nothing else, for a ballot item', () => {
    expect(parseCell('较好', ballot, csv)).toEqual({ ok: true, value: 80 });
    expect(parseCell(' 好 ', ballot, csv)).toEqual({ ok: true, value: 100 });
    expect(parseCell(60, ballot, book)).toEqual({ ok: true, value: 60 });
    expect(parseCell('良', ballot, csv)).toMatchObject({ ok: false, code: 'not-a-level', found: '良' });
    expect(parseCell(70, ballot, book)).toMatchObject({ ok: false, code: 'not-a-level', found: '70' });
  });
});
