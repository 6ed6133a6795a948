/**
 * Capaian (achievement): a realisation against its target, aware of the indicator's polarity
 * (issue 3, item 6; issue 12, item 4). The formulas are the ones in use in Indonesian performance
 * reporting; the formula is chosen per indicator (capaian_setting, else the polarity's default),
 * the status band follows the workbook's scale (Permendagri 86/2017 by default, the LAKIP scale as
 * an option), a target missed in its direction is said to be missed whatever its band, and across
 * a change of method (method_break) a realisation is not compared with the plan's targets.
 * Codes only: the annex (electron/annex/labels.ts) and the UI (renderer i18n) put them in words.
 */
import type { CapaianBandScale, CapaianSetting, Indicator, MethodBreak, Plan, Polarity, WorkbookSettings } from '../domain.js';
import { CAPAIAN_BAND_SCALES, POLARITIES } from '../domain.js';
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

/** Decimals a capaian percent is shown, exported and banded with. */
export const CAPAIAN_DECIMALS = 2;

// ---- Formula chosen per indicator ----------------------------------------------------------

/** A formula a planner can choose for an indicator (capaian_setting.formula). */
export type ChosenFormula = CapaianSetting['formula'];

/**
 * The formula an indicator's capaian uses: higher is better → 'higher'; lower is better → the
 * planner's choice of 'lower_a' / 'lower_b', else DEFAULT_LOWER_FORMULA (lower_a, SIPD practice);
 * neutral → null (no capaian). A choice that does not fit the polarity (a 'higher' kept for an
 * indicator whose polarity was later set to lower) is ignored for the polarity's default.
 * A lower-is-better target of 0 still goes to gap closure inside capaian(), whichever is chosen.
 */
export function formulaFor(polarity: Polarity, chosen?: ChosenFormula | null): ChosenFormula | null {
  if (polarity === 'neutral') return null;
  if (polarity === 'higher') return 'higher';
  return chosen === 'lower_a' || chosen === 'lower_b' ? chosen : DEFAULT_LOWER_FORMULA;
}

// ---- Bands ---------------------------------------------------------------------------------

/** Permendagri 86/2017 (the default scale), best first. */
export const PERMENDAGRI_BANDS = ['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah'] as const;
/** The Muara Enim LAKIP's scale (the option settings.capaianBands = 'lakip'), best first. */
export const LAKIP_BANDS = ['sangat_baik', 'baik', 'cukup', 'kurang'] as const;
export const CAPAIAN_BANDS = [...PERMENDAGRI_BANDS, ...LAKIP_BANDS] as const;
export type CapaianBand = (typeof CAPAIAN_BANDS)[number];

export const DEFAULT_BAND_SCALE: CapaianBandScale = 'permendagri_86_2017';

/** One band as published (whole percents): min ≤ p ≤ max; null = open on that side. */
export interface BandRange {
  band: CapaianBand;
  min: number | null;
  max: number | null;
}

/**
 * The scales as their sources print them, best first (for legends):
 * - permendagri_86_2017 (Permendagri No. 86 Tahun 2017, the evaluation tables' "kriteria tingkat
 *   capaian kinerja"): ≥ 91 sangat tinggi, 76–90 tinggi, 66–75 sedang, 51–65 rendah,
 *   ≤ 50 sangat rendah;
 * - lakip (LAKIP Kabupaten Muara Enim): ≥ 91 sangat baik, 81–90 baik, 71–80 cukup, ≤ 70 kurang.
 */
export const BAND_SCALES: Record<CapaianBandScale, readonly BandRange[]> = {
  permendagri_86_2017: [
    { band: 'sangat_tinggi', min: 91, max: null },
    { band: 'tinggi', min: 76, max: 90 },
    { band: 'sedang', min: 66, max: 75 },
    { band: 'rendah', min: 51, max: 65 },
    { band: 'sangat_rendah', min: null, max: 50 },
  ],
  lakip: [
    { band: 'sangat_baik', min: 91, max: null },
    { band: 'baik', min: 81, max: 90 },
    { band: 'cukup', min: 71, max: 80 },
    { band: 'kurang', min: null, max: 70 },
  ],
};

/**
 * The status band of a capaian percent on a scale (default Permendagri 86/2017). The published
 * bands are whole numbers; fractional values fall into half-open intervals on each band's lower
 * bound, so there is no gap between 90 and 91:
 *   permendagri_86_2017: sangat_tinggi p ≥ 91; tinggi 76 ≤ p < 91; sedang 66 ≤ p < 76;
 *                        rendah 51 ≤ p < 66; sangat_rendah p < 51
 *   lakip:               sangat_baik p ≥ 91; baik 81 ≤ p < 91; cukup 71 ≤ p < 81; kurang p < 71
 * So 90,99 is tinggi (baik) and 50,5 sangat rendah. Pass `decimals` (the decimals the percent is
 * shown with) to band the shown value, so "91,00" never reads tinggi because it was 90,996.
 * @throws ModelError not_finite for a non-finite percent, invalid_argument for an unknown scale.
 */
export function capaianBand(percent: number, scale: CapaianBandScale = DEFAULT_BAND_SCALE, decimals?: number): CapaianBand {
  const ranges = CAPAIAN_BAND_SCALES.includes(scale) ? BAND_SCALES[scale] : undefined;
  if (!ranges) throw new ModelError('invalid_argument', `unknown capaian band scale ${String(scale)}`, { name: 'scale' });
  const p = decimals === undefined ? percent : roundTo(percent, decimals);
  requireFinite(p, 'percent');
  for (const r of ranges) if (r.min === null || p >= r.min) return r.band;
  return ranges[ranges.length - 1]!.band;
}

// ---- Target met or missed ------------------------------------------------------------------

export const CAPAIAN_STATUSES = ['achieved', 'not_achieved'] as const;
/** achieved: tercapai; not_achieved: tidak tercapai (missed in the indicator's direction). */
export type CapaianStatus = (typeof CAPAIAN_STATUSES)[number];

/**
 * Whether a realisation reached its target in the indicator's direction, compared at the
 * indicator's decimals (what the reader sees: 11,70 against 11,70 is reached), and the gap: how
 * far it fell short, in the indicator's unit (percentage points for a % indicator), rounded to
 * its decimals; 0 when reached (checks.ts changeUnit names the unit). Lower is better: missed when realisasi > target; higher is
 * better: missed when realisasi < target. Null for a neutral indicator (no direction).
 * Independent of the band: 12,32 against 11,70 is 94,97 % (sangat tinggi) and still missed by 0,62.
 */
export function targetStatus(
  polarity: Polarity,
  target: number,
  realisation: number,
  decimals: number,
): { status: CapaianStatus; gap: number } | null {
  if (polarity === 'neutral') return null;
  const d = Math.max(0, Math.min(15, Math.trunc(decimals)));
  const t = roundTo(target, d);
  const r = roundTo(realisation, d);
  const short = polarity === 'lower' ? r - t : t - r;
  if (short <= 0) return { status: 'achieved', gap: 0 };
  return { status: 'not_achieved', gap: roundTo(short, d) };
}

// ---- Method breaks -------------------------------------------------------------------------

/**
 * The change of method that makes a realisation of `year` not comparable (tidak sebanding) with
 * the plan's targets of that year, or null. The rule, kept simple: an RPJMD's targets, original
 * and revised alike, are a path drawn from the kondisi awal and measured with the method in use
 * before the plan; a break in year B after the kondisi awal year (B > baselineYear) puts every
 * realisation of a year ≥ B on another scale, so against any target of that year capaian is
 * "tidak sebanding", not a number. A break in or before the kondisi awal year changed nothing
 * the plan measures against (its whole path is on the new method). Not modelled: a revision that
 * re-based its targets on the new method (a planner who did so removes the break or re-enters the
 * kondisi awal on the new method). With several breaks the latest that applies is returned.
 * Demo: IPM from 2023 (IPM 2023 against any target: tidak sebanding; 2021 comparable) and P0E
 * from 2021.
 */
export function methodBreakFor(breaks: readonly MethodBreak[], indicatorCode: string, year: number, baselineYear: number): MethodBreak | null {
  let found: MethodBreak | null = null;
  for (const b of breaks) {
    if (b.indicatorCode !== indicatorCode || b.year <= baselineYear || b.year > year) continue;
    if (!found || b.year > found.year) found = b;
  }
  return found;
}

// ---- Everything a display needs --------------------------------------------------------------

/** What capaian is measured with in one workbook: its band scale, formula choices and method breaks. */
export interface CapaianContext {
  scale: CapaianBandScale;
  /** The planner's formula per indicator id (capaian_setting); absent = the polarity's default. */
  formulas: ReadonlyMap<number, ChosenFormula>;
  breaks: readonly MethodBreak[];
  /** The plan's kondisi awal year (the method-break rule measures from it). */
  baselineYear: number;
}

/** A CapaianContext from what the workbook holds; missing parts take their defaults. */
export function capaianContext(input: {
  plan: Pick<Plan, 'baselineYear'>;
  settings?: Pick<WorkbookSettings, 'capaianBands'> | null | undefined;
  capaianSettings?: readonly CapaianSetting[] | null | undefined;
  methodBreaks?: readonly MethodBreak[] | null | undefined;
}): CapaianContext {
  const scale = input.settings?.capaianBands;
  return {
    scale: scale && CAPAIAN_BAND_SCALES.includes(scale) ? scale : DEFAULT_BAND_SCALE,
    formulas: new Map((input.capaianSettings ?? []).map((s) => [s.indicatorId, s.formula])),
    breaks: input.methodBreaks ?? [],
    baselineYear: input.plan.baselineYear,
  };
}

/** capaian()'s answer, or: not comparable across a change of method. */
export type CapaianOutcome = CapaianResult | { kind: 'not_comparable'; methodBreak: MethodBreak };

export interface CapaianAssessment {
  result: CapaianOutcome;
  /** The band of the percent (rounded to CAPAIAN_DECIMALS) on the context's scale; null without a percent. */
  band: CapaianBand | null;
  /** Target reached or missed in the indicator's direction; null for a neutral indicator or across a break. */
  status: CapaianStatus | null;
  /** Shortfall in the indicator's unit (0 when reached); null when status is null. */
  gap: number | null;
}

export interface AssessInput {
  indicator: Pick<Indicator, 'id' | 'code' | 'polarity' | 'decimals'>;
  year: number;
  target: number;
  realisation: number;
  /** Kondisi awal, for gap closure when a lower-is-better target is 0. */
  baseline?: number | null;
}

/**
 * Capaian of one realisation against one target, as every display shows it (the annex's
 * Lampiran II, the Target grid, Bandingkan): across a method break 'not_comparable' with the
 * break; otherwise the chosen formula's percent (or why none), its band on the workbook's scale,
 * and whether the target was reached with the gap. Example (Muara Enim P0 2020, lower is
 * better, lower_a): target 11,70, realisasi 12,32 → 11,70/12,32 × 100 = 94,97 % sangat tinggi,
 * not_achieved with gap 0,62 (poin persen).
 */
export function assessCapaian(input: AssessInput, ctx: CapaianContext): CapaianAssessment {
  const { indicator, year, target, realisation } = input;
  const methodBreak = methodBreakFor(ctx.breaks, indicator.code, year, ctx.baselineYear);
  if (methodBreak) return { result: { kind: 'not_comparable', methodBreak }, band: null, status: null, gap: null };
  const formula = formulaFor(indicator.polarity, ctx.formulas.get(indicator.id));
  const result = capaian({
    polarity: indicator.polarity,
    target,
    realisation,
    baseline: input.baseline ?? null,
    ...(formula === 'lower_a' || formula === 'lower_b' ? { lowerFormula: formula } : {}),
  });
  const band = result.kind === 'value' ? capaianBand(result.percent, ctx.scale, CAPAIAN_DECIMALS) : null;
  const met = targetStatus(indicator.polarity, target, realisation, indicator.decimals);
  return { result, band, status: met?.status ?? null, gap: met?.gap ?? null };
}
