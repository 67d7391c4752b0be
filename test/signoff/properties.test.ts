/**
 * The done-when properties of issue 6 on the pure core: any change of one score, one
 * adjustment, one weight or one result breaks verification and names the row; re-sorting,
 * moving rows and re-writing the same values never does.
 */
import fc from 'fast-check';
import {
  buildSignoffRecord,
  canonicalNumber,
  verifyChain,
  webCryptoDigester,
  type ChangedRow,
  type SignoffContent,
  type SignoffRecord,
} from '../../src/core/signoff';
import { clone, contentArb } from './fixtures';

const d = webCryptoDigester();

async function signed(content: SignoffContent): Promise<SignoffRecord[]> {
  const r = await buildSignoffRecord(
    content,
    [],
    { reviewer: '审核人', time: '2025-01-20T09:00:00+08:00' },
    d,
  );
  if (!r.ok) throw new Error(r.message);
  return r.records;
}

/** A number that is surely different after canonicalization. */
function bump(v: unknown): number {
  const n = typeof v === 'number' ? v : 0;
  const next = n + 1;
  if (canonicalNumber(next) === canonicalNumber(n)) throw new Error('bump did not change the value');
  return next;
}

type Change = { apply: (c: SignoffContent) => void; expected: (c: SignoffContent) => Partial<ChangedRow> };

/** One change of a score, an adjustment, a weight or a result, chosen by fast-check. */
const changeArb: fc.Arbitrary<(c: SignoffContent) => Change> = fc.oneof(
  fc.nat().map((k) => (c: SignoffContent): Change => {
    const i = k % c.entries.length;
    const e = c.entries[i];
    const ids = Object.keys(e.cells);
    const id = ids[k % ids.length];
    return {
      apply: (x) => (x.entries[i].cells[id] = bump(x.entries[i].cells[id])),
      expected: () => ({
        section: 'entry',
        sheet: e.loc!.sheet,
        row: e.loc!.row,
        rater: e.rater,
        ratee: e.ratee,
      }),
    };
  }),
  fc
    .tuple(fc.nat(), fc.constantFrom('points', 'kind', 'reason'))
    .map(([k, field]) => (c: SignoffContent): Change => {
      if (c.adjustments.length === 0) {
        // No adjustment yet: adding one is the change.
        return {
          apply: (x) =>
            x.adjustments.push({
              ratee: 'U1',
              kind: 'bonus',
              points: 1,
              reason: '新增',
              loc: { sheet: '加减分', row: 50, columns: {} },
            }),
          expected: () => ({ section: 'adjustment', change: 'added', sheet: '加减分', row: 50, ratee: 'U1' }),
        };
      }
      const i = k % c.adjustments.length;
      const a = c.adjustments[i];
      return {
        apply: (x) => {
          const t = x.adjustments[i];
          if (field === 'points') t.points = bump(t.points);
          else if (field === 'kind') t.kind = t.kind === 'bonus' ? 'deduction' : 'bonus';
          else t.reason = `${t.reason}（改）`;
        },
        expected: () => ({
          section: 'adjustment',
          change: 'changed',
          sheet: a.loc!.sheet,
          row: a.loc!.row,
          ratee: a.ratee,
        }),
      };
    }),
  fc.tuple(fc.nat(), fc.boolean()).map(([k, ofSource]) => (c: SignoffContent): Change => {
    const list = ofSource ? c.template.sources : c.template.indicators;
    const i = k % list.length;
    return {
      apply: (x) => {
        const l = ofSource ? x.template.sources : x.template.indicators;
        l[i].weight = bump(l[i].weight);
      },
      expected: () => ({
        section: 'template',
        change: 'changed',
        label: `${ofSource ? 'source' : 'indicator'} ${list[i].id}`,
      }),
    };
  }),
  fc
    .tuple(fc.nat(), fc.constantFrom('final', 'rank', 'tier'))
    .map(([k, field]) => (c: SignoffContent): Change => {
      const i = k % c.results.length;
      const r = c.results[i];
      return {
        apply: (x) => {
          const t = x.results[i];
          if (field === 'tier') t.tier = t.tier === '好' ? '一般' : '好';
          else t[field] = bump(t[field]);
        },
        expected: () => ({
          section: 'result',
          change: 'changed',
          sheet: r.loc!.sheet,
          row: r.loc!.row,
          ratee: r.ratee,
        }),
      };
    }),
);

describe('verification properties', () => {
  it('any single change of a score, adjustment, weight or result breaks level 1 and names that row', async () => {
    await fc.assert(
      fc.asyncProperty(contentArb, changeArb, async (content, pick) => {
        const records = await signed(content);
        const change = pick(content);
        const changed = clone(content);
        change.apply(changed);
        const v = await verifyChain(changed, records, d);
        expect(v.ok).toBe(false);
        if (v.ok) return;
        expect(v.brokenLevel).toBe(1);
        expect(v.reason).toBe('content-changed');
        expect(v.changedRows).toHaveLength(1);
        expect(v.changedRows[0]).toMatchObject(change.expected(content));
      }),
      { numRuns: 150 },
    );
  });

  it('re-sorting rows, moving them down and re-writing the same values never breaks verification', async () => {
    await fc.assert(
      fc.asyncProperty(
        contentArb,
        fc.nat(),
        fc.integer({ min: 0, max: 40 }),
        async (content, seed, shift) => {
          const records = await signed(content);
          const same = clone(content);
          // Rotate the entry rows (a re-sort) and move every row down by `shift` rows.
          const k = seed % same.entries.length;
          same.entries = [...same.entries.slice(k), ...same.entries.slice(0, k)];
          for (const list of [same.entries, same.adjustments, same.results])
            list.forEach((r, i) => (r.loc = { sheet: r.loc!.sheet, row: i + 2 + shift, columns: {} }));
          // Numbers written back with 17 digits, text padded.
          for (const e of same.entries)
            for (const id of Object.keys(e.cells)) {
              const v = e.cells[id];
              if (typeof v === 'number') e.cells[id] = Number(v.toPrecision(17));
            }
          for (const r of same.results) r.tier = ` ${String(r.tier)}\t`;
          expect((await verifyChain(same, records, d)).ok).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
