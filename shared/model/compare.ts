/**
 * Comparing a revised target with the target it replaces (Bandingkan): the absolute and the
 * relative change. The one home of these formulas; the renderer only formats what they return.
 */
import { requireFinite } from './errors.js';
import { roundTo } from './rounding.js';

/**
 * Decimals the difference is cleaned to: far below any indicator's decimals, enough to drop the
 * binary noise of a subtraction (12,6 − 11,3 = 1,2999999999999998 → 1,3).
 */
const DELTA_CLEAN_DECIMALS = 12;

/**
 * Δ absolute = revised − original, in the indicator's unit: deltaAbsolute(12.6, 11.3) = 1.3.
 * @throws ModelError not_finite for NaN/±Infinity.
 */
export function deltaAbsolute(revised: number, original: number): number {
  requireFinite(revised, 'revised');
  requireFinite(original, 'original');
  return roundTo(revised - original, DELTA_CLEAN_DECIMALS);
}

/**
 * Δ relative in percent = (revised − original) / |original| × 100, at full precision (the caller
 * rounds): deltaRelative(12.6, 11.3) = 1.3 / 11.3 × 100 = 11.5044…. Dividing by the magnitude
 * keeps the sign the direction of the change when the original is negative (growth of −2 % raised
 * to −1 % is +50 %, not −50 %). null when the original is 0: no relative change exists.
 * @throws ModelError not_finite for NaN/±Infinity.
 */
export function deltaRelative(revised: number, original: number): number | null {
  const delta = deltaAbsolute(revised, original);
  if (original === 0) return null;
  return (delta / Math.abs(original)) * 100;
}
