/**
 * Review (issue 13): tier stability, a seeded bootstrap of 1,000 draws over the raters of each
 * source, for 200 ratees × 30 raters (one source of 20 indicators, tiers with quotas), and the
 * impact of setting a flagged rater aside on the same panel. Target: stability < 1 s.
 */
import { computeScores } from '../src/core/scoring';
import { raterImpact } from '../src/core/review/impact';
import { tierStability } from '../src/core/review/stability';
import { simulatePanel } from '../src/core/sim/panel';
import { validateTemplate } from '../src/core/template';

export async function run(): Promise<void> {
  const indicators = Array.from({ length: 20 }, (_, i) => ({ id: `I${i + 1}`, max: 5 }));
  const panel = simulatePanel(
    { ratees: 200, raters: 30, indicators, step: 0.5, plant: ['flat', 'lenient'] },
    13,
  );
  const v = validateTemplate({
    schema: 'duanping.template/1',
    id: 'bench-review',
    name: 'bench',
    indicators: indicators.map((i) => ({ ...i, name: i.id, dimension: 'd' })),
    sources: [{ id: 'sim', name: 'sim', weight: 1, aggregate: 'trimmed', trim: 1, trimMinRaters: 5 }],
    tiers: [
      { name: '好', min: 85, maxShare: 0.2 },
      { name: '较好', min: 75, maxShare: 0.6 },
      { name: '一般', min: 60 },
      { name: '差', min: 0 },
    ],
  });
  if (!v.ok) throw new Error(v.errors.join('; '));
  const template = v.template;
  const entries = panel.entries.map((e) => ({ ...e, source: 'sim' }));
  const out = computeScores({ template, entries }, { textNumbers: false });
  const input = { template, rows: out.rows, ratees: out.results.ratees };
  tierStability(input, { draws: 50 }); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  let unstable = 0;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const st = tierStability(input, { draws: 1000, seed: 20240613 });
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    unstable = Object.values(st).filter((s) => s.unstable).length;
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[2].toFixed(0);
  console.log(
    `review: tier stability 200 ratees × 30 raters, 1,000 draws: ${mid(wall)} ms wall, ${mid(cpu)} ms CPU (median of 5), ${unstable} ratees below 80 %, target < 1000 ms`,
  );
  const t = performance.now();
  const flagged = panel.truth.filter((x) => x.role === 'flat' || x.role === 'lenient');
  for (const f of flagged)
    raterImpact({ template, entries }, out.rows, out.results, { source: 'sim', rater: f.rater });
  console.log(
    `review: impact of setting aside ${flagged.length} raters (200 ratees × 30 raters): ${((performance.now() - t) / flagged.length).toFixed(0)} ms per rater`,
  );
}
