/**
 * Rater analysis benchmark: detection figures on simulated panels (per pattern, per panel size)
 * and the analysis time of a large panel. Prints "label, measured, target" lines.
 */
import { analyzeRaters } from '../src/core/raters';
import { runDetectionStudy } from '../src/core/sim/evaluate';
import { PLANTED_PATTERNS, simulatePanel } from '../src/core/sim/panel';
import { runScenario, SCENARIOS, type Proportion } from '../src/core/sim/scenarios';
import { anovaFloor, medianMs, psychIcc, ratio } from './_anova';

const ci = (p: Proportion) => `${pct(p.rate).padStart(7)} [${pct(p.lower)}, ${pct(p.upper)}] (${p.k}/${p.n})`;

/** Real-panel scenarios (raters.md "Real panels"): recall per pattern and honest flags, 95 % Wilson intervals. */
function scenarios(): void {
  const only = process.env.SCENARIO?.split(',');
  let all = true;
  for (const sc of SCENARIOS) {
    if (only && !only.includes(sc.name)) continue;
    const r = runScenario(sc, 20261203);
    console.log(`raters: scenario ${sc.name} — ${sc.about}; ${r.panels} panels, ${r.ms} ms`);
    for (const [p, v] of Object.entries(r.recall)) {
      const ok = v.rate >= 0.9;
      all &&= ok;
      console.log(`raters:   found ${p.padEnd(10)} ${ci(v)}, target ≥ 90 % ${ok ? 'holds' : 'MISSED'}`);
    }
    const ok = r.honest.rate <= 0.03;
    all &&= ok;
    console.log(
      `raters:   honest flagged   ${ci(r.honest)}, target ≤ 3 % ${ok ? 'holds' : 'MISSED'} — by flag ${JSON.stringify(r.honestByCode)}`,
    );
    if (r.acquiescent) {
      const a = r.acquiescent;
      const okA = a.extraFlags.k === 0 && a.notFlat.rate <= 0.1 && a.panelLine.rate >= 0.9;
      all &&= okA;
      console.log(
        `raters:   acquiescent voters ${a.voters}: with a flag other than one flat ${ci(a.extraFlags)} (target 0); not flagged flat ${ci(a.notFlat)}; panel line in ${ci(a.panelLine)} of panels ${okA ? 'holds' : 'MISSED'}`,
      );
    }
  }
  console.log(
    `raters: real-panel scenarios: ${all ? 'every promise holds' : 'some promises are missed (see MISSED; docs/raters.md says why)'}`,
  );
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export async function run(): Promise<void> {
  // DP_BENCH_RATERS=large: only the large panel's timing (the scenarios and the study take ~1 min).
  if (process.env.DP_BENCH_RATERS !== 'large') {
    scenarios();
    if (process.env.SCENARIO) return;
    detection();
  }
  largePanel();
}

/** Detection figures of the simulated study (raters.md "Detection"). */
function detection(): void {
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
}

/** Analysis time of a large panel: 1,000 units × 50 raters × 40 indicators (2 million cells). */
function largePanel(): void {
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
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  console.log(
    `raters: analyzeRaters 1,000 units × 50 raters × 40 indicators: ${mid(wall).toFixed(0)} ms wall, ${mid(cpu).toFixed(0)} ms CPU (median of 3), target < 1000 ms: ${mid(wall) < 1000 ? 'met' : 'MISSED'}`,
  );
  let floor = anovaFloor([]);
  const floorMs = medianMs(() => {
    floor = anovaFloor(
      big.source.rows.map((row) => ({ ratee: row.ratee, rater: row.rater, values: row.values })),
    );
  }, 3);
  console.log(
    `raters: floor (two-way ANOVA by hand of the same score rows) ${floorMs.wall.toFixed(0)} ms wall, ${floorMs.cpu.toFixed(0)} ms CPU: analysis = ${ratio(mid(cpu), floorMs.cpu)} the floor (CPU)`,
  );
  const r = psychIcc(floor.totals, floor.n, floor.k);
  console.log(
    r
      ? `raters: R psych::ICC (lmer = FALSE) on the same ${floor.n} × ${floor.k} totals: ${(r.seconds * 1000).toFixed(0)} ms for the ICC alone (wall); analysis = ${ratio(mid(wall), r.seconds * 1000)} R (wall); ICC(2,1) floor ${floor.icc2.toFixed(6)} / R ${r.icc2.toFixed(6)}`
      : 'raters: R psych::ICC: not available (R with psych not installed, or DP_BENCH_R=0)',
  );
}
