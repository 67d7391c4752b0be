/** The sign-off gate (core): open problems refuse a sign-off unless a reason is given; the record keeps it. */
import { computeScores } from '../../src/core/scoring';
import {
  buildSignoffRecord,
  decideGate,
  parseSignoffs,
  digestsSheetRows,
  signoffGate,
  signoffTableRows,
  verifyChain,
  webCryptoDigester,
  type GateInput,
} from '../../src/core/signoff';
import { exampleContent } from './fixtures';

const d = webCryptoDigester();

/** The example content with a summary exactly as the engine computes it. */
function current(): GateInput {
  const c = exampleContent();
  const { results } = computeScores({ ...c, ratees: c.ratees && [...c.ratees] }, { textNumbers: false });
  return {
    ...c,
    results: results.ratees.map((r) => ({ ratee: r.ratee, final: r.final, rank: r.rank, tier: r.tier })),
  };
}

describe('sign-off gate', () => {
  it('lets a clean, calculated book through', () => {
    const g = signoffGate(current());
    expect(g.issues).toEqual([]);
    expect(g.counted).toBe(15);
    expect(decideGate(g, undefined, 'zh')).toEqual({ ok: true });
  });

  it('names input problems, with the first problem', () => {
    const c = current();
    c.entries[0].cells.A1 = '18分';
    const g = signoffGate(c);
    expect(g.issues[0]).toMatchObject({ code: 'input-problems', count: 1 });
    const refused = decideGate(g, '  ', 'zh');
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.message).toMatch(/^不能签核：录入还有 1 个问题.*18分/);
  });

  it('sees results older than the entries (a score changed, the summary not recalculated)', () => {
    const c = current();
    c.entries[0].cells.A1 = 10;
    const g = signoffGate(c, 'en');
    expect(g.issues).toEqual([{ code: 'stale-results', ratees: expect.arrayContaining(['U01']) }]);
    const noSummary = signoffGate({ ...current(), results: [] });
    expect(noSummary.issues).toEqual([{ code: 'stale-results', ratees: ['U01', 'U02', 'U03'] }]);
  });

  it('refuses an empty entry sheet, and one where no sheet is counted', () => {
    const empty = signoffGate({ ...current(), entries: [], adjustments: [], results: [] });
    expect(empty.issues).toEqual([{ code: 'nothing-counted', typed: 0 }]);
    const d2 = decideGate(empty, undefined, 'zh');
    expect(!d2.ok && d2.message).toContain('评分录入表里还没有分数');
  });

  it('an override keeps the reason and what was open, covered by the record digest and stored in the sheet', async () => {
    const c = current();
    c.entries[0].cells.A1 = '18分';
    const decision = decideGate(signoffGate(c), '领导同意先报', 'zh');
    expect(decision).toEqual({
      ok: true,
      override: {
        reason: '领导同意先报',
        issues: expect.stringMatching(/^录入问题 1 个；\d 个结果早于录入$/),
      },
    });
    if (!decision.ok) throw new Error('unreachable');
    const signed = await buildSignoffRecord(
      c,
      [],
      { reviewer: 'A', time: '2025-01-20T09:00:00+08:00', override: decision.override },
      d,
    );
    if (!signed.ok) throw new Error(signed.message);
    expect(signed.record.override).toBe('领导同意先报');
    const table = signoffTableRows(signed.records, 'zh');
    const back = parseSignoffs(table, digestsSheetRows(signed.records));
    expect(back.ok && back.records[0]).toMatchObject({ override: '领导同意先报' });
    expect(back.ok && (await verifyChain(c, back.records, d)).ok).toBe(true);
    table[0][10] = '没问题';
    const edited = parseSignoffs(table, digestsSheetRows(signed.records));
    expect(edited.ok && (await verifyChain(c, edited.records, d))).toMatchObject({
      ok: false,
      reason: 'record-altered',
    });
  });
});
