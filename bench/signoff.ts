/**
 * Sign-off digests at the size issue 6 names: 200 ratees × 30 raters × 20 indicators
 * (6 000 entry rows, 120 000 score cells). Prints: label, measured value, target.
 */
import { performance } from 'node:perf_hooks';
import {
  buildSignoffRecord,
  canonicalRows,
  contentDigestOf,
  rowDigestsOf,
  verifyChain,
  webCryptoDigester,
  type SignoffContent,
  type SignoffRecord,
} from '../src/core/signoff';
import { nodeDigester } from '../src/cli/digester';
import { validateTemplate } from '../src/core/template';
import type { EntryRow } from '../src/core/types';

function bigContent(ratees = 200, raters = 30, indicators = 20): SignoffContent {
  const v = validateTemplate({
    schema: 'duanping.template/1',
    id: 'bench',
    name: 'bench',
    indicators: Array.from({ length: indicators }, (_, i) => ({
      id: `I${i + 1}`,
      name: `指标${i + 1}`,
      dimension: 'D',
      max: 5,
    })),
    sources: [{ id: 'all', name: '全部', weight: 1 }],
    tiers: [
      { name: '好', min: 90 },
      { name: '一般', min: 0 },
    ],
  });
  if (!v.ok) throw new Error(v.errors[0]);
  let s = 12345;
  const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const entries: EntryRow[] = [];
  for (let r = 0; r < raters; r++)
    for (let j = 0; j < ratees; j++) {
      const cells: EntryRow['cells'] = {};
      for (let i = 0; i < indicators; i++) cells[`I${i + 1}`] = Math.round(rnd() * 50) / 10;
      entries.push({
        source: 'all',
        rater: `R${r + 1}`,
        ratee: `U${j + 1}`,
        cells,
        loc: { sheet: '评分录入', row: entries.length + 3, columns: {} },
      });
    }
  const results = Array.from({ length: ratees }, (_, j) => ({
    ratee: `U${j + 1}`,
    final: 80 + rnd() * 20,
    rank: j + 1,
    tier: '一般',
  }));
  return { template: v.template, entries, adjustments: [], results };
}

async function time<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await f();
  return [out, performance.now() - t0];
}

export async function run(): Promise<void> {
  const d = webCryptoDigester();
  const content = bigContent();
  const [rows, canonMs] = await time(async () => canonicalRows(content));
  const [digests, rowMs] = await time(() => rowDigestsOf(content, d));
  const [, contentMs] = await time(() => contentDigestOf(digests, d));
  let records: SignoffRecord[] = [];
  const [, signMs] = await time(async () => {
    const r = await buildSignoffRecord(
      content,
      records,
      { reviewer: 'A', time: '2025-01-20T09:00:00+08:00' },
      d,
    );
    if (!r.ok) throw new Error(r.message);
    records = r.records;
  });
  const r2 = await buildSignoffRecord(
    content,
    records,
    { reviewer: 'B', time: '2025-01-21T09:00:00+08:00' },
    d,
  );
  if (!r2.ok) throw new Error(r2.message);
  const [v, verifyMs] = await time(() => verifyChain(content, r2.records, d));
  if (!v.ok) throw new Error('bench content did not verify');
  console.log(`signoff: rows hashed (200 ratees × 30 raters × 20 indicators): ${rows.length}`);
  console.log(`signoff: canonical text of all rows: ${canonMs.toFixed(0)} ms (target < 500 ms)`);
  console.log(`signoff: per-row SHA-256 digests: ${rowMs.toFixed(0)} ms (target < 1000 ms)`);
  console.log(`signoff: content digest over row digests: ${contentMs.toFixed(0)} ms (target < 100 ms)`);
  console.log(
    `signoff: sign one level (verify chain + digests + record): ${signMs.toFixed(0)} ms (target < 2000 ms)`,
  );
  console.log(`signoff: verify a two-level chain: ${verifyMs.toFixed(0)} ms (target < 2000 ms)`);
  const [, nodeRowMs] = await time(() => rowDigestsOf(content, nodeDigester));
  const [, nodeVerifyMs] = await time(() => verifyChain(content, r2.records, nodeDigester));
  console.log(
    `signoff: with the command line's Node crypto digester: row digests ${nodeRowMs.toFixed(0)} ms, verify two levels ${nodeVerifyMs.toFixed(0)} ms (Web Crypto above is what the task pane uses)`,
  );
}
