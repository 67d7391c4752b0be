import {
  CANON_VERSION,
  buildSignoffRecord,
  contentDigestOf,
  describeVerification,
  recordDigest,
  rowDigestsOf,
  verificationStatusLine,
  verifyChain,
  webCryptoDigester,
  withdrawSignoff,
  type SignoffContent,
  type SignoffRecord,
} from '../../src/core/signoff';
import { clone, exampleContent } from './fixtures';

const d = webCryptoDigester();
const T1 = '2025-01-20T09:00:00+08:00';
const T2 = '2025-01-21T10:30:00+08:00';
const T3 = '2025-01-22T16:45:00+08:00';

async function sign(
  content: SignoffContent,
  records: SignoffRecord[],
  reviewer: string,
  time: string,
  role = '',
) {
  const r = await buildSignoffRecord(content, records, { reviewer, role, time, comment: '已核对' }, d);
  if (!r.ok) throw new Error(r.message);
  return r.records;
}

describe('sign-off chain', () => {
  it('a two-level chain verifies and each level covers the one below', async () => {
    const content = exampleContent();
    const one = await sign(content, [], '张科长', T1, '科长');
    const two = await sign(content, one, '李副主任', T2, '副主任');
    expect(two.map((r) => r.level)).toEqual([1, 2]);
    expect(two[1].previousDigest).toBe(two[0].digest);
    expect(two[0].previousDigest).toBe('');
    const v = await verifyChain(content, two, d);
    expect(v).toMatchObject({ ok: true, signed: true });
    expect(v.levels.map((l) => l.state)).toEqual(['valid', 'valid']);
    expect(verificationStatusLine(v, 'zh')).toContain('全部 2 级签核有效');
  });

  it('withdrawing level 2 keeps level 1 valid and records who, when and why', async () => {
    const content = exampleContent();
    const two = await sign(content, await sign(content, [], '张科长', T1), '李副主任', T2);
    const w = await withdrawSignoff(two, 2, { by: '李副主任', time: T3, reason: '加分依据待补充' }, d);
    if (!w.ok) throw new Error(w.message);
    expect(w.records).toHaveLength(2);
    expect(w.records[1].withdrawn).toMatchObject({ by: '李副主任', time: T3, reason: '加分依据待补充' });
    expect(w.records[1].digest).toBe(two[1].digest);
    const v = await verifyChain(content, w.records, d);
    expect(v.ok).toBe(true);
    expect(v.levels.map((l) => l.state)).toEqual(['valid', 'withdrawn']);
    expect(describeVerification(v, 'en').join('\n')).toMatch(
      /withdrawn by 李副主任 at 2025-01-22T16:45:00\+08:00, reason: 加分依据待补充/,
    );

    // After a correction the freed level is signed again; the withdrawn record stays.
    const changed = clone(content);
    changed.adjustments[0].reason = '市级表彰（文件附后）';
    const stale = await verifyChain(changed, w.records, d);
    expect(stale).toMatchObject({ ok: false, brokenLevel: 1, reason: 'content-changed' });
    const again = await buildSignoffRecord(changed, w.records, { reviewer: '李副主任', time: T3 }, d);
    expect(again.ok).toBe(false); // level 1 no longer covers the corrected content
  });

  it('signs the freed level again after a withdrawal', async () => {
    const content = exampleContent();
    const two = await sign(content, await sign(content, [], 'A', T1), 'B', T2);
    const w = await withdrawSignoff(two, 2, { by: 'B', time: T3, reason: '重新核对' }, d);
    if (!w.ok) throw new Error(w.message);
    const three = await sign(content, w.records, 'B', T3);
    expect(three.map((r) => [r.level, !!r.withdrawn])).toEqual([
      [1, false],
      [2, true],
      [2, false],
    ]);
    expect(three[2].previousDigest).toBe(three[0].digest);
    expect((await verifyChain(content, three, d)).ok).toBe(true);
  });

  it('only the top active level can be withdrawn, with a name and a reason', async () => {
    const content = exampleContent();
    const two = await sign(content, await sign(content, [], 'A', T1), 'B', T2);
    expect(await withdrawSignoff(two, 1, { by: 'A', time: T3, reason: 'x' }, d)).toEqual({
      ok: false,
      message: 'level 1 has level 2 signed on top of it; withdraw level 2 first',
    });
    expect(await withdrawSignoff(two, 3, { by: 'A', time: T3, reason: 'x' }, d)).toMatchObject({
      ok: false,
      message: expect.stringContaining('active levels: 1, 2'),
    });
    expect(await withdrawSignoff(two, 2, { by: 'B', time: T3, reason: '  ' }, d)).toMatchObject({
      ok: false,
      message: expect.stringContaining('reason'),
    });
  });

  it('refuses a sign-off without a reviewer or with a time lacking its offset', async () => {
    const content = exampleContent();
    expect(await buildSignoffRecord(content, [], { reviewer: ' ', time: T1 }, d)).toEqual({
      ok: false,
      message: 'reviewer: a name is required',
    });
    const r = await buildSignoffRecord(content, [], { reviewer: 'A', time: '2025-01-20 09:00' }, d);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('found "2025-01-20 09:00"') });
  });

  it('a changed score breaks level 1 and names the row, rater and ratee', async () => {
    const content = exampleContent();
    const two = await sign(content, await sign(content, [], 'A', T1), 'B', T2);
    const changed = clone(content);
    changed.entries[4].cells.A2 = 31;
    const v = await verifyChain(changed, two, d);
    expect(v).toMatchObject({ ok: false, brokenLevel: 1, reason: 'content-changed' });
    if (v.ok) return;
    expect(v.changedRows).toEqual([
      {
        section: 'entry',
        change: 'changed',
        sheet: '评分录入',
        row: 6,
        source: 'leader',
        rater: 'L2',
        ratee: 'U02',
      },
    ]);
    expect(v.levels.map((l) => l.state)).toEqual(['broken', 'broken']);
    const text = describeVerification(v, 'zh').join('\n');
    expect(text).toContain('第1级签核失效：签核后内容被改动，1 行有变动');
    expect(text).toContain('评分录入 第6行（评价主体 leader，评委 L2，被考核对象 U02）：已修改');
  });

  it('names added and removed rows', async () => {
    const content = exampleContent();
    const one = await sign(content, [], 'A', T1);
    const changed = clone(content);
    const [removed] = changed.adjustments.splice(1, 1);
    changed.entries.push({
      ...clone(changed.entries[0]),
      rater: 'L9',
      loc: { sheet: '评分录入', row: 99, columns: {} },
    });
    const v = await verifyChain(changed, one, d);
    if (v.ok) throw new Error('expected a break');
    expect(v.changedRows).toEqual([
      expect.objectContaining({ change: 'added', sheet: '评分录入', row: 99, rater: 'L9' }),
      expect.objectContaining({ change: 'removed', sheet: '加减分', row: removed.loc!.row, ratee: 'U03' }),
    ]);
  });

  it('re-sorting rows, moving them, re-padding text or re-writing numbers changes nothing', async () => {
    const content = exampleContent();
    const one = await sign(content, [], 'A', T1);
    const same = clone(content);
    same.entries.reverse();
    same.entries.forEach((e, i) => (e.loc = { sheet: '评分录入', row: i + 10, columns: { rater: 'B' } }));
    same.results[0].tier = ' 优秀 ';
    same.results[0].final = Number((91.23).toPrecision(17));
    same.adjustments[0].reason = same.adjustments[0].reason!.normalize('NFD');
    same.entries[0].cells.ZZ = ''; // an empty cell in a column the source does not score
    expect((await verifyChain(same, one, d)).ok).toBe(true);
  });

  it('signs the whole stored template: a field unknown to this version, or a colour, breaks it', async () => {
    const content = exampleContent();
    const stored = JSON.parse(JSON.stringify(content.template)) as Record<string, unknown>;
    const one = await sign({ ...content, storedTemplate: stored }, [], 'A', T1);
    expect(one[0].canon).toBe(CANON_VERSION);
    expect((await verifyChain({ ...content, storedTemplate: clone(stored) }, one, d)).ok).toBe(true);
    for (const change of [
      (t: Record<string, unknown>) => (t.futureField = { note: '以后的版本才认识的字段' }),
      (t: Record<string, unknown>) => ((t.tiers as { color?: string }[])[0].color = '#FF0000'),
      (t: Record<string, unknown>) => ((t.indicators as Record<string, unknown>[])[1].unknownKey = 1),
    ]) {
      const edited = clone(stored);
      change(edited);
      const v = await verifyChain({ ...content, storedTemplate: edited }, one, d);
      if (v.ok) throw new Error('expected a break');
      expect(v.reason).toBe('content-changed');
      expect(v.changedRows).toHaveLength(1);
      expect(v.changedRows[0]).toMatchObject({ section: 'template', change: 'changed' });
    }
  });

  it('verifies a record signed with canonical version 1 as before (colours and unknown fields not covered)', async () => {
    const content = exampleContent();
    const rowDigests = await rowDigestsOf(content, d, 1);
    const fields = {
      level: 1,
      reviewer: 'A',
      role: '',
      time: T1,
      comment: '',
      contentDigest: await contentDigestOf(rowDigests, d),
      previousDigest: '',
    };
    const old: SignoffRecord = { ...fields, digest: await recordDigest(fields, d), rowDigests };
    const same = clone(content);
    same.template.tiers[0].color = '#FF0000';
    expect((await verifyChain({ ...same, storedTemplate: { ...same.template, x: 1 } }, [old], d)).ok).toBe(
      true,
    );
    same.entries[0].cells[Object.keys(same.entries[0].cells)[0]] = 1;
    expect((await verifyChain(same, [old], d)).ok).toBe(false);
    // Signing on top of it: the new level uses version 2, the old level still verifies.
    const two = await buildSignoffRecord(content, [old], { reviewer: 'B', time: T1 }, d);
    if (!two.ok) throw new Error(two.message);
    expect(two.record.canon).toBe(CANON_VERSION);
    expect((await verifyChain(content, two.records, d)).ok).toBe(true);
  });

  it('detects an edited record, a removed level and edited row digests or withdrawals', async () => {
    const content = exampleContent();
    const two = await sign(content, await sign(content, [], 'A', T1), 'B', T2);

    const edited = clone(two);
    edited[0].reviewer = 'C';
    expect(await verifyChain(content, edited, d)).toMatchObject({
      ok: false,
      brokenLevel: 1,
      reason: 'record-altered',
    });

    expect(await verifyChain(content, [two[1]], d)).toMatchObject({
      ok: false,
      brokenLevel: 2,
      reason: 'chain-broken',
    });

    const rows = clone(two);
    rows[1].rowDigests[3].digest = rows[1].rowDigests[4].digest;
    expect(await verifyChain(content, rows, d)).toMatchObject({
      ok: false,
      brokenLevel: 2,
      reason: 'row-digests-altered',
    });

    const w = await withdrawSignoff(two, 2, { by: 'B', time: T3, reason: '重新核对' }, d);
    if (!w.ok) throw new Error(w.message);
    const w2 = clone(w.records);
    w2[1].withdrawn!.reason = '别的原因';
    expect(await verifyChain(content, w2, d)).toMatchObject({
      ok: false,
      brokenLevel: 2,
      reason: 'withdrawal-altered',
    });
  });

  it('reports an unsigned content as not signed', async () => {
    const v = await verifyChain(exampleContent(), [], d);
    expect(v).toEqual({ ok: true, signed: false, levels: [] });
    expect(verificationStatusLine(v, 'en')).toBe('No active sign-off.');
  });
});
