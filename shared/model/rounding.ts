/**
 * The one home for rounding model results. Everything else keeps full precision and rounds
 * only where a value is stored, shown or compared at an indicator's decimals.
 */
import { ModelError, requireFinite } from './errors.js';

/** Beyond 15 decimals a double has no digits left to round. */
export const MAX_ROUND_DECIMALS = 15;

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
  // Math.round rounds half up, which is half away from zero on the magnitude.
  const magnitude = shiftDecimal(Math.round(shiftDecimal(Math.abs(value), decimals)), -decimals);
  const rounded = value < 0 ? -magnitude : magnitude;
  return rounded === 0 ? 0 : rounded;
}
