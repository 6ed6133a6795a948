/**
 * Capaian (achievement): a realisation against its target, aware of the indicator's polarity
 * (issue 3, item 6). The formulas are the ones in use in Indonesian performance reporting; the
 * lower-is-better variant is chosen per indicator. Codes only: the UI translates them.
 */
import type { Polarity } from '../domain.js';
import { POLARITIES } from '../domain.js';
import { ModelError, requireFinite } from './errors.js';
import { roundTo } from './rounding.js';

/**
 * - higher:      realisasi / target × 100 (higher is better)
 * - lower_a:     target / realisasi × 100 (lower is better, SIPD practice)
 * - lower_b:     (2 − realisasi / target) × 100 (lower is better, PermenPANRB)
 * - gap_closure: (baseline − realisasi) / (baseline − target) × 100 (lower is better with
 *                target 0, where both lower formulas divide by zero)
 */
export const CAPAIAN_FORMULAS = ['higher', 'lower_a', 'lower_b', 'gap_closure'] as const;
export type CapaianFormula = (typeof CAPAIAN_FORMULAS)[number];

/** The lower-is-better formulas a planner can pick per indicator. */
export const LOWER_FORMULAS = ['lower_a', 'lower_b'] as const;
export type LowerFormula = (typeof LOWER_FORMULAS)[number];
export const DEFAULT_LOWER_FORMULA: LowerFormula = 'lower_a';

export const NOT_COMPUTABLE_REASONS = [
  /** Neutral indicators (population) have no direction to achieve. */
  'neutral_polarity',
  /** Lower is better, target 0 and no baseline for gap closure. */
  'zero_target_no_baseline',
  /** Gap closure with baseline equal to the target: there was no gap to close. */
  'baseline_equals_target',
  /** Higher is better with target 0: realisasi / 0. */
  'zero_target',
  /** lower_a with realisation 0: target / 0. */
  'zero_realisation',
  /** A negative target, baseline, or (lower is better) realisation: the ratios lose their meaning. */
  'negative_value',
] as const;
export type NotComputableReason = (typeof NOT_COMPUTABLE_REASONS)[number];

export type CapaianResult =
  | { kind: 'value'; percent: number; formula: CapaianFormula }
  | { kind: 'not_computable'; reason: NotComputableReason };

export interface CapaianInput {
  polarity: Polarity;
  target: number;
  realisation: number;
  /** Kondisi awal; used only for gap closure when a lower-is-better target is 0. */
  baseline?: number | null;
  /** Which lower-is-better formula; defaults to DEFAULT_LOWER_FORMULA. Ignored for other polarities. */
  lowerFormula?: LowerFormula;
}

function notComputable(reason: NotComputableReason): CapaianResult {
  return { kind: 'not_computable', reason };
}

function value(percent: number, formula: CapaianFormula): CapaianResult {
  return { kind: 'value', percent, formula };
}

/**
 * Capaian in percent at full precision (the caller rounds), or why it cannot be computed.
 * Results above 100 (beating the target) and below 0 (lower_b when realisasi > 2 × target,
 * higher with a negative realisation such as shrinking growth) are returned as they are.
 * Example: extreme poverty baseline 4,44 (2020), target 0 (2024), realisasi 0,63 →
 * gap closure (4,44 − 0,63)/(4,44 − 0) × 100 = 85,81 %.
 * @throws ModelError not_finite for NaN/±Infinity inputs, invalid_argument for an unknown
 *   polarity or formula.
 */
export function capaian(input: CapaianInput): CapaianResult {
  const { polarity, target, realisation } = input;
  if (!POLARITIES.includes(polarity)) {
    throw new ModelError('invalid_argument', `unknown polarity ${String(polarity)}`, { name: 'polarity' });
  }
  const formula = input.lowerFormula ?? DEFAULT_LOWER_FORMULA;
  if (!LOWER_FORMULAS.includes(formula)) {
    throw new ModelError('invalid_argument', `unknown lower-is-better formula ${String(formula)}`, { name: 'lowerFormula' });
  }
  requireFinite(target, 'target');
  requireFinite(realisation, 'realisation');
  if (polarity === 'neutral') return notComputable('neutral_polarity');
  if (target < 0) return notComputable('negative_value');

  if (polarity === 'higher') {
    if (target === 0) return notComputable('zero_target');
    return value((realisation / target) * 100, 'higher');
  }

  if (realisation < 0) return notComputable('negative_value');
  if (target === 0) {
    const baseline = input.baseline;
    if (baseline === undefined || baseline === null) return notComputable('zero_target_no_baseline');
    requireFinite(baseline, 'baseline');
    if (baseline < 0) return notComputable('negative_value');
    if (baseline === target) return notComputable('baseline_equals_target');
    return value(((baseline - realisation) / (baseline - target)) * 100, 'gap_closure');
  }
  if (formula === 'lower_a') {
    if (realisation === 0) return notComputable('zero_realisation');
    return value((target / realisation) * 100, 'lower_a');
  }
  return value((2 - realisation / target) * 100, 'lower_b');
}

/** Status bands of the Muara Enim LAKIP, best first. */
export const CAPAIAN_BANDS = ['sangat_baik', 'baik', 'cukup', 'kurang'] as const;
export type CapaianBand = (typeof CAPAIAN_BANDS)[number];

/**
 * The status band of a capaian percent. The published bands are whole numbers (≥ 91 sangat
 * baik, 81–90 baik, 71–80 cukup, ≤ 70 kurang); fractional values fall into half-open intervals
 * so there is no gap between 90 and 91:
 *   sangat_baik: p ≥ 91;  baik: 81 ≤ p < 91;  cukup: 71 ≤ p < 81;  kurang: p < 71
 * So 90,99 is baik and 70,5 is kurang. Pass `decimals` (the decimals the percent is shown
 * with) to band the shown value, so "91,00" never reads baik because it was 90,996.
 */
export function capaianBand(percent: number, decimals?: number): CapaianBand {
  const p = decimals === undefined ? percent : roundTo(percent, decimals);
  requireFinite(p, 'percent');
  if (p >= 91) return 'sangat_baik';
  if (p >= 81) return 'baik';
  if (p >= 71) return 'cukup';
  return 'kurang';
}
