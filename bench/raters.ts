/**
 * Rater analysis benchmark: detection figures on simulated panels (per pattern, per panel size)
 * and the analysis time of a large panel. Prints "label, measured, target" lines.
 */
import { analyzeRaters } from '../src/core/raters';
import { runDetectionStudy } from '../src/core/sim/evaluate';
import { PLANTED_PATTERNS, simulatePanel } from '../src/core/sim/panel';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export async function run(): Promise<void> {
  const t0 = performance.now();
  const study = runDetectionStudy({ panels: 600, seed: 20240601 });
  const studyMs = performance.now() - t0;
  console.log(
    `raters: detection study, ${study.panels} panels (8–40 units, 9–30 raters, seed 20240601), ${studyMs.toFixed(0)} ms`,
  );
  for (const p of PLANTED_PATTERNS) {
    const r = study.patterns[p];
    console.log(
      `raters: recall ${p.padEnd(10)} ${pct(r.recall).padStart(7)} (${r.found}/${r.planted}), target ≥ 90 %`,
    );
  }
  console.log(
    `raters: honest raters flagged warn/alert ${pct(study.honest.rate)} (${study.honest.flagged}/${study.honest.raters}), target ≤ 3 %` +
      ` — by flag: ${JSON.stringify(study.honest.byCode)}`,
  );
  for (const b of study.bySize)
    console.log(
      `raters: ${b.label.padEnd(11)} panels ${String(b.panels).padStart(3)}: recall ${pct(b.recall)}, honest flagged ${pct(b.honestRate)}, targets ≥ 90 % / ≤ 3 %`,
    );

  // Large panel: 1,000 units × 50 raters × 40 indicators (2 million cells).
  const indicators = Array.from({ length: 40 }, (_, i) => ({ id: `I${i + 1}`, max: i < 20 ? 2 : 3 }));
  const big = simulatePanel(
    { ratees: 1000, raters: 50, indicators, step: 0.5, plant: ['flat', 'halo', 'copied'] },
    1,
  );
  analyzeRaters({ sources: [big.source] }); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    analyzeRaters({ sources: [big.source] });
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[1].toFixed(0);
  console.log(
    `raters: analyzeRaters 1,000 units × 50 raters × 40 indicators: ${mid(wall)} ms wall, ${mid(cpu)} ms CPU (median of 3), target < 1000 ms`,
  );
}
