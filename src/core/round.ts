/**
 * Rounding as Excel's ROUND does it (scoring.md step 5): take the value to 15 significant
 * digits, then round half away from zero in decimal. So 2.675 → 2.68 and 1.005 → 1.01, although
 * neither is exactly representable in binary and `Math.round(x * 100) / 100` gets both wrong.
 */
export function excelRound(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const negative = x < 0;
  const fast = quickRound(Math.abs(x), decimals);
  if (fast !== null) return negative && fast !== 0 ? -fast : fast;
  return byText(Math.abs(x), decimals, negative);
}

function byText(ax: number, decimals: number, negative: boolean): number {
  const [mantissa, expText] = ax.toPrecision(15).split('e');
  const digits = mantissa.replace('.', '');
  const dot = mantissa.indexOf('.');
  // The value is 0.<digits> × 10^intDigits.
  const intDigits = (dot === -1 ? mantissa.length : dot) + (expText ? Number(expText) : 0);
  const keep = intDigits + decimals;
  let result: number;
  if (keep < 0) result = 0;
  else if (keep >= digits.length) result = Number(`0.${digits}e${intDigits}`);
  else {
    let kept = BigInt(digits.slice(0, keep) || '0');
    if (digits.charCodeAt(keep) >= 53 /* '5' */) kept += 1n;
    result = Number(`${kept}e${intDigits - keep}`);
  }
  return negative && result !== 0 ? -result : result;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/**
 * The same result without text, where it is certain: |x|·10^d well below 10^13 and its fraction
 * clearly away from one half (farther than the 15-digit cleaning or the product's own error could
 * move it). Then the digit kept is that of Math.floor, and kept / 10^d is the same double as the
 * decimal text `kept e−d` (both are the correctly rounded value of one rational). null otherwise.
 */
function quickRound(ax: number, decimals: number): number | null {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals >= POW10.length) return null;
  const p = POW10[decimals];
  const y = ax * p;
  if (!(y < 1e13)) return null;
  const fl = Math.floor(y);
  const frac = y - fl;
  if (Math.abs(frac - 0.5) <= y * 1e-13 + 1e-12) return null;
  return (frac > 0.5 ? fl + 1 : fl) / p;
}

/** The text-based rounding quickRound shortcuts (for tests). */
export function excelRoundByText(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const negative = x < 0;
  return byText(Math.abs(x), decimals, negative);
}

/** A number cleaned to 15 significant digits, as Excel shows and stores it (88.50000000000001 → 88.5). */
export function toExcelPrecision(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}
