import {
  buildSignoffRecord,
  digestsSheetRows,
  parseSignoffs,
  signoffTableRows,
  verifyChain,
  webCryptoDigester,
  withdrawSignoff,
  type SheetValue,
  type SignoffRecord,
} from '../../src/core/signoff';
import { clone, exampleContent } from './fixtures';

const d = webCryptoDigester();

async function threeRecords(): Promise<SignoffRecord[]> {
  const content = exampleContent();
  let records: SignoffRecord[] = [];
  for (const [reviewer, time] of [
    ['张科长', '2025-01-20T09:00:00+08:00'],
    ['李副主任', '2025-01-21T10:00:00+08:00'],
  ]) {
    const r = await buildSignoffRecord(
      content,
      records,
      { reviewer, time, role: '审核', comment: '同意' },
      d,
    );
    if (!r.ok) throw new Error(r.message);
    records = r.records;
  }
  const w = await withdrawSignoff(
    records,
    2,
    { by: '李副主任', time: '2025-01-22T08:00:00+08:00', reason: '复核' },
    d,
  );
  if (!w.ok) throw new Error(w.message);
  const r = await buildSignoffRecord(
    content,
    w.records,
    { reviewer: '王主任', time: '2025-01-23T11:00:00+08:00' },
    d,
  );
  if (!r.ok) throw new Error(r.message);
  return r.records;
}

describe('sign-off sheet values', () => {
  it('round-trip through the sign-off table and DP_Digests and still verify', async () => {
    const records = await threeRecords();
    const table = signoffTableRows(records, 'zh');
    expect(table.map((r) => [r[0], r[1], r[5], r[6]])).toEqual([
      [1, '张科长', records[0].digest.slice(0, 8), '已签核'],
      [2, '李副主任', records[1].digest.slice(0, 8), '已撤回'],
      [2, '王主任', records[2].digest.slice(0, 8), '已签核'],
    ]);
    const parsed = parseSignoffs(table, digestsSheetRows(records));
    expect(parsed).toEqual({ ok: true, records });
    if (!parsed.ok) return;
    expect((await verifyChain(exampleContent(), parsed.records, d)).ok).toBe(true);
  });

  it('reads numbers-as-text and blank rows the way spreadsheets hand them back', async () => {
    const records = await threeRecords();
    const table: SheetValue[][] = signoffTableRows(records, 'en').map((r) =>
      r.map((c) => (c === '' ? null : c)),
    );
    table[0][0] = '1';
    const digests = digestsSheetRows(records).map((r) => r.map((c) => (c === '' ? null : c)));
    const parsed = parseSignoffs([[null, null], ...table, []], digests);
    expect(parsed).toEqual({ ok: true, records });
  });

  it('detects a sign-off row removed from either sheet, and an edited visible field', async () => {
    const records = await threeRecords();
    const table = signoffTableRows(records, 'zh');
    const digests = digestsSheetRows(records);
    expect(parseSignoffs(table.slice(0, 2), digests)).toEqual({
      ok: false,
      message:
        'the sign-off sheet lists 2 sign-off(s) but DP_Digests holds 3: a sign-off row was removed or added by hand',
    });
    const edited = clone(table);
    edited[0][4] = '不同意';
    const parsed = parseSignoffs(edited, digests);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await verifyChain(exampleContent(), parsed.records, d)).toMatchObject({
      ok: false,
      brokenLevel: 1,
      reason: 'record-altered',
    });
    const noLevel = clone(table);
    noLevel[2][0] = 'x';
    const p2 = parseSignoffs(noLevel, digests);
    if (!p2.ok) throw new Error(p2.message);
    expect(await verifyChain(exampleContent(), p2.records, d)).toMatchObject({
      ok: false,
      reason: 'record-altered',
    });
  });

  it('names the cell when DP_Digests is not a digest sheet', () => {
    expect(parseSignoffs([[1, 'x']], [['hello']])).toEqual({
      ok: false,
      message: 'DP_Digests!A1 must read "duanping.signoff/1" (found "hello")',
    });
    expect(parseSignoffs([], [])).toEqual({ ok: true, records: [] });
  });
});
