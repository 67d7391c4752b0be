/**
 * The panel figures of `duanping analyze --json` against R: psych::ICC(x, lmer = FALSE) and
 * Kendall's W with the ties correction, on complete matrices, to 1e-9. The figures were computed
 * by test/fixtures/r/reliability.R (R 4.2.2, psych 2.2.9) and stored in reliability.json, so R is
 * not needed to run this test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import reference from '../fixtures/r/reliability.json';
import { cli } from '../cli/run';

interface Case {
  name: string;
  matrix: number[][];
  icc: number[];
  F: number[];
  p: number[];
  lower: number[];
  upper: number[];
  kendallW: number;
  chi2: number;
  df: number;
  kendallP: number;
}
const FORMS = reference.forms as string[];
const cases = reference.cases as Case[];

/** Relative difference, for p-values that span hundreds of orders of magnitude. */
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);

describe('reliability figures of --json equal R (psych::ICC, lmer = FALSE; Kendall W, ties corrected)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'dp-r-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const lines = ['rater,ratee,T'];
    c.matrix.forEach((row, j) => row.forEach((v, r) => lines.push(`R${r + 1},U${j + 1},${v}`)));
    const file = join(dir, `${name}.csv`);
    writeFileSync(file, lines.join('\n') + '\n');
    const { code, out } = await cli('analyze', '--ratings', file, '--json');
    expect(code).toBe(0);
    const res = JSON.parse(out);
    const [source] = Object.keys(res.reliability);
    const r = res.reliability[source];
    expect(r.ratees).toBe(c.matrix.length);
    expect(r.raters).toBe(c.matrix[0].length);
    FORMS.forEach((form, k) => {
      expect(Math.abs(r[form] - c.icc[k])).toBeLessThan(1e-9);
      expect(Math.abs(r.detail.ci[form][0] - c.lower[k])).toBeLessThan(1e-9);
      expect(Math.abs(r.detail.ci[form][1] - c.upper[k])).toBeLessThan(1e-9);
    });
    // detail.F is the ratees' F of ICC(3,1) (= ICC(2,1)'s), its df and p.
    expect(Math.abs(r.detail.F.ratees - c.F[2]) / c.F[2]).toBeLessThan(1e-9);
    expect(r.detail.F.df1).toBe(c.matrix.length - 1);
    expect(rel(r.detail.F.p, c.p[2])).toBeLessThan(1e-9);
    expect(r.detail.F.p).toBeGreaterThan(0);
    expect(Math.abs(r.kendallW - c.kendallW)).toBeLessThan(1e-9);
    expect(Math.abs(r.detail.kendall.chi2 - c.chi2)).toBeLessThan(1e-9 * c.chi2);
    expect(r.detail.kendall.df).toBe(c.df);
    expect(rel(r.detail.kendall.p, c.kendallP)).toBeLessThan(1e-9);
  });
});
