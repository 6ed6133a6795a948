/**
 * Target-path generators: the formulas a planner uses to fill a scenario's revised targets for
 * a range of years, following the target-setting methods seen in Indonesian RPJMD practice
 * (issue 3, item 4). They run both in the service that applies a path and in the renderer's
 * preview, so they are pure and keep full precision: the caller rounds with roundTo at the
 * indicator's decimals.
 *
 * Year convention, shared by every generator:
 * - the planner picks a range fromYear..toYear, both INCLUSIVE: one value per year is returned;
 * - generators that start from a value take an anchor (startYear, startValue) that is NOT part
 *   of the output. startYear defaults to fromYear − 1, the year before the range (its
 *   realisation, its target, or an explicit start value the planner typed); an earlier
 *   startYear is allowed, for a range whose previous year has no value (Muara Enim has no 2021
 *   poverty rate: anchor at 2020, fill 2022..2023).
 * - y0 = startYear and yT = toYear below; n = yT − y0 ≥ 1.
 */
import { ModelError, requireFinite } from './errors.js';

export interface YearValue {
  year: number;
  value: number;
}

/** Values by year: a Map, a plain object keyed by year, or a list of { year, value }. */
export type YearSeries = ReadonlyMap<number, number> | Readonly<Record<number, number | undefined>> | readonly YearValue[];

/** Longest span (toYear − startYear) a generator accepts; plans run 5 years, RPJPD 20. */
export const MAX_PATH_YEARS = 100;

/** The range to fill, both ends inclusive. */
export interface PathRange {
  fromYear: number;
  toYear: number;
}

/** A range plus the anchor it starts from (see the module comment). */
export interface AnchoredRange extends PathRange {
  /** Value in startYear; not part of the output. */
  startValue: number;
  /** Defaults to fromYear − 1. Must be before fromYear. */
  startYear?: number;
}

export interface LinearPathInput extends AnchoredRange {
  /** Value reached in toYear. */
  endValue: number;
}

export interface ConstantChangePathInput extends AnchoredRange {
  /** Change per year in the indicator's unit (percentage points for a rate); negative reduces. */
  changePerYear: number;
  /** Clamp values below 0 to 0, for rates and counts. */
  floorAtZero?: boolean;
}

export type CagrPathInput = LinearPathInput;

export const ELASTICITY_VARIANTS = ['points', 'relative'] as const;
/**
 * How a growth elasticity ε moves poverty P with economic growth g (in %):
 * - 'points':   P_t = P_{t−1} + ε·g_t          (ΔP in percentage points per 1 % growth)
 * - 'relative': P_t = P_{t−1}·(1 + ε·g_t/100)  (ΔP in % of P_{t−1} per 1 % growth)
 */
export type ElasticityVariant = (typeof ELASTICITY_VARIANTS)[number];

/**
 * The national growth elasticity of poverty, offered beside the region's own estimate
 * (estimateElasticity), which is the default: INDEF, cited by okezone.com on 21 February 2013,
 * "about 0,88 % less poverty per 1 % of growth" for Indonesia. The source does not say whether
 * that is relative or in percentage points, so the planner picks the ElasticityVariant and the
 * app says which one it applied. It is far more than Muara Enim's mining-led growth delivered:
 * with 7–9 % growth, poverty fell about 0,44 pp a year on average (2018–2025), an elasticity near
 * −0,2 (relative).
 */
export const DEFAULT_GROWTH_ELASTICITY = -0.88;
export const DEFAULT_GROWTH_ELASTICITY_SOURCE = 'INDEF, okezone.com, 21 Februari 2013';

export interface ElasticityEstimate {
  elasticity: number;
  variant: ElasticityVariant;
  /** The years t whose change from t − 1 entered the estimate. */
  years: number[];
}

/**
 * The region's own growth elasticity of poverty, from its realisations: least squares through
 * the origin of the yearly poverty change r_t on growth g_t over the years t where P_{t−1}, P_t
 * and g_t are all known (and t ≤ upTo, the last year realised by the revision date):
 *   ε = Σ r_t·g_t / Σ g_t²,  r_t = P_t − P_{t−1} ('points') or (P_t / P_{t−1} − 1)·100 ('relative').
 * Needs two such years; null otherwise. Muara Enim, realised by August 2021: 2019 (12,56 → 12,41
 * with 7,02 % growth) and 2020 (12,41 → 12,32 with 0,03 %) give ε = −0,17 (relative).
 */
export function estimateElasticity(poverty: YearSeries, growth: YearSeries, variant: ElasticityVariant, upTo?: number): ElasticityEstimate | null {
  let num = 0;
  let den = 0;
  const used: number[] = [];
  const years = new Set<number>();
  const collect = (s: YearSeries) => {
    if (s instanceof Map) for (const y of s.keys()) years.add(y);
    else if (Array.isArray(s)) for (const p of s as readonly YearValue[]) years.add(p.year);
    else for (const k of Object.keys(s)) years.add(Number(k));
  };
  collect(poverty);
  for (const t of [...years].sort((a, b) => a - b)) {
    if (upTo !== undefined && t > upTo) continue;
    const p0 = valueInYear(poverty, t - 1);
    const p1 = valueInYear(poverty, t);
    const g = valueInYear(growth, t);
    if (p0 === undefined || p1 === undefined || g === undefined || !(p0 > 0)) continue;
    const r = variant === 'points' ? p1 - p0 : (p1 / p0 - 1) * 100;
    num += r * g;
    den += g * g;
    used.push(t);
  }
  if (used.length < 2 || den === 0) return null;
  return { elasticity: num / den, variant, years: used };
}

export interface ElasticityPathInput extends AnchoredRange {
  /** Economic growth in % by year, from the scenario's own growth path; every year in startYear+1..toYear is needed. */
  growth: YearSeries;
  /** ε; negative means growth reduces poverty. Defaults to DEFAULT_GROWTH_ELASTICITY. */
  elasticity?: number;
  variant: ElasticityVariant;
  /** Clamp values below 0 to 0; the clamped value is what the next year builds on. */
  floorAtZero?: boolean;
}

export interface ShockRecoveryPathInput extends PathRange {
  /** The pre-shock path (e.g. the original targets); needs a value for every year of the range. */
  base: YearSeries;
  /** First and last shock year (consecutive years; equal for a one-year shock). May lie outside the range. */
  shockFromYear: number;
  shockToYear: number;
  /** x: rise above the base path in every shock year, in the indicator's unit (pp for a rate). */
  rise: number;
  /** k ≥ 1: years after the last shock year over which the path returns to the base linearly. */
  recoveryYears: number;
  /** Clamp values below 0 to 0 (a negative rise on a low base). */
  floorAtZero?: boolean;
}

export const TARGET_PATH_METHODS = ['linear', 'constant_change', 'cagr', 'elasticity', 'shock_recovery'] as const;
export type TargetPathMethod = (typeof TARGET_PATH_METHODS)[number];

/** One path request, as the preview builds it and the service applies it. */
export type TargetPathSpec =
  | ({ method: 'linear' } & LinearPathInput)
  | ({ method: 'constant_change' } & ConstantChangePathInput)
  | ({ method: 'cagr' } & CagrPathInput)
  | ({ method: 'elasticity' } & ElasticityPathInput)
  | ({ method: 'shock_recovery' } & ShockRecoveryPathInput);

function requireYear(year: number, name: string): void {
  if (typeof year !== 'number' || !Number.isSafeInteger(year)) {
    throw new ModelError('invalid_years', `${name} must be a whole year, got ${String(year)}`, { name });
  }
}

function checkRange({ fromYear, toYear }: PathRange): void {
  requireYear(fromYear, 'fromYear');
  requireYear(toYear, 'toYear');
  if (fromYear > toYear) {
    throw new ModelError('invalid_years', `fromYear ${fromYear} is after toYear ${toYear}`, { fromYear, toYear });
  }
  if (toYear - fromYear >= MAX_PATH_YEARS) {
    throw new ModelError('invalid_years', `a path spans at most ${MAX_PATH_YEARS} years`, { fromYear, toYear, limit: MAX_PATH_YEARS });
  }
}

/** Validates an anchored range and returns y0 (startYear) and n = toYear − y0. */
function checkAnchored(input: AnchoredRange): { y0: number; n: number } {
  checkRange(input);
  const y0 = input.startYear ?? input.fromYear - 1;
  requireYear(y0, 'startYear');
  if (y0 >= input.fromYear) {
    throw new ModelError('invalid_years', `startYear ${y0} must be before fromYear ${input.fromYear}`, {
      startYear: y0,
      fromYear: input.fromYear,
    });
  }
  const n = input.toYear - y0;
  if (n > MAX_PATH_YEARS) {
    throw new ModelError('invalid_years', `a path spans at most ${MAX_PATH_YEARS} years`, { startYear: y0, toYear: input.toYear, limit: MAX_PATH_YEARS });
  }
  requireFinite(input.startValue, 'startValue');
  return { y0, n };
}

function years({ fromYear, toYear }: PathRange): number[] {
  const out: number[] = [];
  for (let t = fromYear; t <= toYear; t++) out.push(t);
  return out;
}

/** Looks a year up in any YearSeries form; undefined when absent. */
export function valueInYear(series: YearSeries, year: number): number | undefined {
  if (series instanceof Map) return series.get(year);
  if (Array.isArray(series)) return (series as readonly YearValue[]).find((p) => p.year === year)?.value;
  return (series as Readonly<Record<number, number | undefined>>)[year];
}

/**
 * Linear path from V0 (in y0) to VT (in yT):
 *   value_t = V0 + (VT − V0)·(t − y0)/(yT − y0)
 * The end year returns VT exactly, so float noise never shows in the end target.
 * Example: 12,32 (2020) → 10,00 (2023): 2021 = 12,32 − 2,32/3 = 11,5467; 2022 = 10,7733; 2023 = 10.
 */
export function linearPath(input: LinearPathInput): YearValue[] {
  const { y0, n } = checkAnchored(input);
  const { startValue: v0, endValue: vT } = input;
  requireFinite(vT, 'endValue');
  return years(input).map((t) => ({ year: t, value: t === input.toYear ? vT : v0 + ((vT - v0) * (t - y0)) / n }));
}

/**
 * Constant annual change d (percentage points for a rate; the Governor of Sumatera Selatan asks
 * for at least −1 pp a year):
 *   value_t = V0 + d·(t − y0), then max(0, value_t) when floorAtZero.
 */
export function constantChangePath(input: ConstantChangePathInput): YearValue[] {
  const { y0 } = checkAnchored(input);
  const { startValue: v0, changePerYear: d } = input;
  requireFinite(d, 'changePerYear');
  return years(input).map((t) => {
    const v = v0 + d * (t - y0);
    return { year: t, value: input.floorAtZero && v < 0 ? 0 : v };
  });
}

/**
 * The constant relative change per year that takes V0 to VT in n years:
 *   r = (VT/V0)^(1/n) − 1
 * e.g. 12,32 → 10,00 in 3 years: r = (10/12,32)^(1/3) − 1 = −0,06718 (−6,7 % a year).
 * @throws ModelError cagr_start_not_positive (V0 ≤ 0), cagr_end_negative (VT < 0),
 *   cagr_end_zero (VT = 0: a constant relative change never reaches zero), invalid_argument (n not a whole number ≥ 1).
 */
export function compoundRate(startValue: number, endValue: number, years: number): number {
  requireFinite(startValue, 'startValue');
  requireFinite(endValue, 'endValue');
  if (!Number.isSafeInteger(years) || years < 1) {
    throw new ModelError('invalid_argument', `the number of years must be a whole number ≥ 1, got ${years}`, { name: 'years', value: years });
  }
  if (startValue <= 0) {
    throw new ModelError('cagr_start_not_positive', `a constant relative change needs a start value above 0, got ${startValue}`, {
      value: startValue,
    });
  }
  if (endValue < 0) {
    throw new ModelError('cagr_end_negative', `a constant relative change cannot reach a negative end value, got ${endValue}`, {
      value: endValue,
    });
  }
  if (endValue === 0) {
    throw new ModelError(
      'cagr_end_zero',
      'a constant relative change never reaches 0 (each year keeps a fraction of the last); use a linear or constant-change path',
      { value: endValue },
    );
  }
  return Math.pow(endValue / startValue, 1 / years) - 1;
}

/**
 * Constant relative change (CAGR) from V0 (in y0) to VT (in yT), n = yT − y0:
 *   r = (VT/V0)^(1/n) − 1,  value_t = V0·(1 + r)^(t − y0)
 * The end year returns VT exactly. Refuses V0 ≤ 0, VT < 0 and VT = 0 (see compoundRate).
 * Example: 12,32 (2020) → 10,00 (2023): 2021 = 12,32·(10/12,32)^(1/3) = 11,4923.
 */
export function cagrPath(input: CagrPathInput): YearValue[] {
  const { y0, n } = checkAnchored(input);
  const { startValue: v0, endValue: vT } = input;
  const r = compoundRate(v0, vT, n);
  return years(input).map((t) => ({ year: t, value: t === input.toYear ? vT : v0 * Math.pow(1 + r, t - y0) }));
}

/**
 * Growth elasticity of poverty, Δpoverty_t = ε × growth_t, applied year by year from V0 (in y0)
 * with the scenario's growth g_t (in %) — see ElasticityVariant:
 *   'points':   P_t = P_{t−1} + ε·g_t
 *   'relative': P_t = P_{t−1}·(1 + ε·g_t/100)
 * with P_{y0} = V0, each then max(0, P_t) when floorAtZero. Years between startYear and fromYear
 * are computed (and need growth) but not returned.
 * @throws ModelError missing_growth naming the first year without a growth value.
 */
export function elasticityPath(input: ElasticityPathInput): YearValue[] {
  const { y0 } = checkAnchored(input);
  const epsilon = input.elasticity ?? DEFAULT_GROWTH_ELASTICITY;
  requireFinite(epsilon, 'elasticity');
  if (!ELASTICITY_VARIANTS.includes(input.variant)) {
    throw new ModelError('invalid_argument', `variant must be one of ${ELASTICITY_VARIANTS.join(', ')}, got ${String(input.variant)}`, {
      name: 'variant',
    });
  }
  const out: YearValue[] = [];
  let p = input.startValue;
  for (let t = y0 + 1; t <= input.toYear; t++) {
    const g = valueInYear(input.growth, t);
    if (typeof g !== 'number') {
      throw new ModelError('missing_growth', `the growth path has no value for ${t}`, { year: t });
    }
    requireFinite(g, `growth ${t}`);
    p = input.variant === 'points' ? p + epsilon * g : p * (1 + (epsilon * g) / 100);
    if (input.floorAtZero && p < 0) p = 0;
    if (t >= input.fromYear) out.push({ year: t, value: p });
  }
  return out;
}

/**
 * Shock and recovery over a base (pre-shock) path B, shock years s1..s2 (consecutive), rise x
 * and recovery length k ≥ 1:
 *   t < s1:              value_t = B_t
 *   s1 ≤ t ≤ s2:         value_t = B_t + x
 *   s2 < t < s2 + k:     value_t = B_t + x·(1 − (t − s2)/k)
 *   t ≥ s2 + k:          value_t = B_t
 * then max(0, value_t) when floorAtZero. So k = 1 returns to the base the year after the shock;
 * k = 3 keeps 2/3 of the rise in s2+1 and 1/3 in s2+2. Shock years may lie before the range
 * (a 2020 shock shaping 2021..2023 targets).
 * @throws ModelError missing_base naming the first year of the range without a base value.
 */
export function shockRecoveryPath(input: ShockRecoveryPathInput): YearValue[] {
  checkRange(input);
  const { shockFromYear: s1, shockToYear: s2, rise: x, recoveryYears: k } = input;
  requireYear(s1, 'shockFromYear');
  requireYear(s2, 'shockToYear');
  if (s1 > s2) {
    throw new ModelError('invalid_years', `shockFromYear ${s1} is after shockToYear ${s2}`, { shockFromYear: s1, shockToYear: s2 });
  }
  requireFinite(x, 'rise');
  if (!Number.isSafeInteger(k) || k < 1 || k > MAX_PATH_YEARS) {
    throw new ModelError('invalid_argument', `recoveryYears must be a whole number from 1 to ${MAX_PATH_YEARS}, got ${k}`, {
      name: 'recoveryYears',
      value: k,
    });
  }
  return years(input).map((t) => {
    const b = valueInYear(input.base, t);
    if (typeof b !== 'number') {
      throw new ModelError('missing_base', `the base path has no value for ${t}`, { year: t });
    }
    requireFinite(b, `base ${t}`);
    let v = b;
    if (t >= s1 && t <= s2) v = b + x;
    else if (t > s2 && t < s2 + k) v = b + x * (1 - (t - s2) / k);
    return { year: t, value: input.floorAtZero && v < 0 ? 0 : v };
  });
}

/** Runs the generator a spec names. */
export function targetPath(spec: TargetPathSpec): YearValue[] {
  switch (spec.method) {
    case 'linear':
      return linearPath(spec);
    case 'constant_change':
      return constantChangePath(spec);
    case 'cagr':
      return cagrPath(spec);
    case 'elasticity':
      return elasticityPath(spec);
    case 'shock_recovery':
      return shockRecoveryPath(spec);
    default: {
      const unknown: never = spec;
      throw new ModelError('invalid_argument', `unknown path method ${String((unknown as { method?: unknown }).method)}`, { name: 'method' });
    }
  }
}
