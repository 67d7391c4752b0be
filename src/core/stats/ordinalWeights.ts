/**
 * Gwet's ordinal agreement weights for q ordered categories (Handbook of Inter-Rater Reliability,
 * 4th ed., ch. 3; irrCAC's ordinal.weights): with n_kl = |k − l| + 1,
 * w_kl = 1 − C(n_kl, 2) / C(q, 2), so w = 1 on the diagonal and 0 between the two end categories.
 */
export function ordinalWeights(q: number): number[][] {
  if (!(Number.isInteger(q) && q >= 1))
    throw new Error(`ordinalWeights: q must be a whole number ≥ 1 (got ${q})`);
  const raw = Array.from({ length: q }, (_, k) =>
    Array.from({ length: q }, (_, l) => {
      const n = Math.abs(k - l) + 1;
      return (n * (n - 1)) / 2;
    }),
  );
  const max = (q * (q - 1)) / 2;
  return raw.map((row) => row.map((v) => (max > 0 ? 1 - v / max : 1)));
}
