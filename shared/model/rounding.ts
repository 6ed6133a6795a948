/**
 * The one home for rounding model results. Everything else keeps full precision and rounds
 * only where a value is stored, shown or compared at an indicator's decimals.
 */
import { ModelError, requireFinite } from './errors.js';

/** Beyond 15 decimals a double has no digits left to round. */
export const MAX_ROUND_DECIMALS = 15;

const POW10 = Array.from({ length: MAX_ROUND_DECIMALS + 1 }, (_, i) => Number(`1e${i}`));

/**
 * Moves the decimal point of `x` by `places` through its shortest decimal representation
 * (String(x)), so the shift itself adds no binary error: 1.005 → "1.005e2" → 100.5 exactly,
 * where 1.005 * 100 gives 100.49999999999999.
 */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Rounds half away from zero to `decimals` places, treating the value as the decimal a reader
 * sees (its shortest representation): roundTo(1.005, 2) = 1.01, roundTo(-2.5, 0) = -3,
 * roundTo(79269.5, 0) = 79270. Never returns -0.
 * @throws ModelError not_finite for NaN/±Infinity, invalid_argument unless decimals is an
 *   integer in 0–15.
 */
export function roundTo(value: number, decimals: number): number {
  requireFinite(value, 'value');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_ROUND_DECIMALS) {
    throw new ModelError('invalid_argument', `decimals must be an integer from 0 to ${MAX_ROUND_DECIMALS}, got ${decimals}`, {
      name: 'decimals',
      value: decimals,
    });
  }
  // Integers need no rounding; this also keeps huge values (every double ≥ 2^52 is an integer)
  // from overflowing to Infinity in the shift.
  if (Number.isInteger(value)) return value === 0 ? 0 : value;
  // Fast path (checks and exports round every cell): |value| × 10^d is within a few ulps of the
  // shifted decimal, so unless it lies next to a half, Math.round gives the same integer, and
  // n / 10^d is the same correctly rounded double as the decimal text n e−d. Near a half the
  // exact decimal shift below decides.
  const scale = POW10[decimals]!;
  const shifted = Math.abs(value) * scale;
  if (shifted < 4e15 && Math.abs(shifted - Math.floor(shifted) - 0.5) > shifted * 4e-15 + 1e-12) {
    const fast = Math.round(shifted) / scale;
    const signed = value < 0 ? -fast : fast;
    return signed === 0 ? 0 : signed;
  }
  // Math.round rounds half up, which is half away from zero on the magnitude.
  const magnitude = shiftDecimal(Math.round(shiftDecimal(Math.abs(value), decimals)), -decimals);
  const rounded = value < 0 ? -magnitude : magnitude;
  return rounded === 0 ? 0 : rounded;
}
