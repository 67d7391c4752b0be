/**
 * Rounding as Excel's ROUND does it (scoring.md step 5): take the value to 15 significant
 * digits, then round half away from zero in decimal. So 2.675 → 2.68 and 1.005 → 1.01, although
 * neither is exactly representable in binary and `Math.round(x * 100) / 100` gets both wrong.
 */
export function excelRound(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const negative = x < 0;
  const [mantissa, expText] = Math.abs(x).toPrecision(15).split('e');
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

/** A number cleaned to 15 significant digits, as Excel shows and stores it (88.50000000000001 → 88.5). */
export function toExcelPrecision(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(15)) : x;
}
