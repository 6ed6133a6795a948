/**
 * Kelayakan: what a scenario's poverty targets ask of the economy, read from the region's own
 * consumption distribution (issue 16, part 2; docs/METHODS.md, "Feasibility from the
 * distribution (Kelayakan)"). Pure: the service (electron/services/feasibility.ts) reads the
 * workbook into a FeasibilityInput, this turns it into a FeasibilityReport.
 *
 *   base    the latest realised year with a P0 realisation, its lognormal fitted to P0 and P1
 *           (else the Gini ratio) of the same year (shared/model/lognormal.ts); P2 a check.
 *   record  each pair of consecutive realised years with both P0 realisations: the
 *           distribution-neutral growth of mean consumption that would explain the fall (with
 *           the base σ), against the economy's growth (PE) that year: the pass-through.
 *   years   each target year after the base year with a revised P0 target: the growth it needs
 *           (cumulative from the base year and per year), the people who must leave poverty that
 *           year, the economic growth that needs at the region's pass-through, and a rating.
 *
 * Units of the report: rates as shares (12,32 % → 0,1232; BPS's P1 1,85 → 0,0185), growth as
 * fractions (1,45 % → 0,0145), people as whole people. Every number is finite or null; every
 * null is named in the `fields` of at least one problem, which says where (indicator, year,
 * series) which number is missing or wrong.
 */
import { horizonOf, type Indicator, type Plan, type Severity } from '../domain.js';
import { formatNumber } from '../format/number.js';
import { countFromRate } from './rate-count.js';
import { lastRealisedYear } from './revision.js';
import { annualGrowth, fitLognormal, giniOfSigma, requiredGrowth, type LognormalFit } from './lognormal.js';

/** The indicator codes the report reads. */
export const FEASIBILITY_CODES = { p0: 'P0', p1: 'P1', p2: 'P2', gini: 'GINI', growth: 'PE', population: 'POP' } as const;

/**
 * Rating thresholds (per-year required growth g, against the region's record):
 *  - realistic     g ≤ max(mean implied growth of the record, REALISTIC_FLOOR): the target asks no
 *                  more growth a year than the realised years delivered on average. The floor 0
 *                  keeps a target that needs no growth at all (poverty allowed to stay or rise)
 *                  realistic even when the record's mean is negative (poverty rose).
 *  - ambitious     g ≤ the best implied growth of any record year: the region has done it, once.
 *  - beyond_record above that: the region has never shown such a fall in one year.
 *  - no_record     fewer than MIN_RECORD_YEARS pairs of consecutive realised P0: no record to
 *                  compare with (one pair is enough to say "has it been done"; its mean is that
 *                  year's figure).
 */
export const REALISTIC_FLOOR = 0;
export const MIN_RECORD_YEARS = 1;

export type FeasibilityRating = 'realistic' | 'ambitious' | 'beyond_record' | 'no_record';

/** A stored value with its marks (shared/domain.ts IndicatorValue). */
export interface MarkedValue {
  value: number;
  illustrative: boolean;
  provisional: boolean;
}

export interface FeasibilityInput {
  plan: Plan;
  /** plan.revision_date: years before its year are realised (shared/model/revision.ts). */
  revisionDate: string | null;
  /** The workbook's indicators by code (problems name the indicator's id for the UI). */
  indicators: ReadonlyMap<string, Indicator>;
  /** The 'realisation' series, in the indicator's own unit (P0 12,32; P1 1,85; GINI 0,32; PE 7,02). */
  realisation: (code: string, year: number) => MarkedValue | undefined;
  /** The scenario's revised P0 target of a year (%, e.g. 12,60). */
  revisedTarget: (year: number) => number | undefined;
  /** The 'original_target' series (target awal), for the comparison beside each target year. */
  originalTarget: (code: string, year: number) => MarkedValue | undefined;
  /** The population poverty figures use (shared/model/population.ts susenasPopulation), whole people. */
  population: (year: number) => number | undefined;
}

export type FeasibilityProblemCode =
  /** No revision date: no year is realised, so there is no base year. */
  | 'revision_date_missing'
  /** No P0 realisation in a realised year of the plan. */
  | 'p0_missing'
  /** A P0 (realised or target) ≤ 0 or ≥ 100 %: a lognormal has no headcount of exactly 0 or 100 %. */
  | 'p0_out_of_range'
  /** Neither P1 nor the Gini ratio of the base year: σ cannot be fitted. */
  | 'dispersion_missing'
  /** P1 ≥ P0, P1 ≤ 0, or a P1 that no plausible lognormal gives with this P0. */
  | 'p1_inconsistent'
  /** A Gini ratio outside (0, 1). */
  | 'gini_out_of_range'
  /** Info: σ from the Gini ratio because P1 of the base year is missing. */
  | 'p1_missing'
  /** Info: no Gini ratio of the base year to compare the fit's with. */
  | 'gini_missing'
  /** Info: no P2 of the base year to check the fit with. */
  | 'p2_missing'
  /** Info: the scenario has no revised P0 target after the base year. */
  | 'no_targets'
  /** The P0 of the year before a target year (its target, else realisation) is missing. */
  | 'previous_p0_missing'
  /** The population of a year is unknown: no count of poor people. */
  | 'population_missing'
  /** No pair of consecutive realised years with P0: no record to rate against. */
  | 'no_record'
  /** Info: no economic growth (PE) realisation for a record year. */
  | 'pe_missing'
  /** No record year with both implied and economic growth, or their economic growth sums to ≤ 0. */
  | 'pass_through_missing'
  /** The pass-through is ≤ 0 (poverty did not fall with growth): no economic growth reaches a target through it. */
  | 'pass_through_not_positive'
  /** Info: no original target (target awal) for a target year. */
  | 'original_target_missing'
  /** A growth too large to represent (a target next to 0 % with a very unequal distribution). */
  | 'growth_not_representable';

export interface FeasibilityProblem {
  code: FeasibilityProblemCode;
  /** error: a number of the report cannot be computed; warning: a comparison cannot be made; info: a check is missing. */
  severity: Severity;
  /** Where to look or what to enter: the indicator's code (P0, P1, GINI, PE, POP…). */
  indicator: string;
  /** The workbook's indicator id for that code, null when the workbook has no such indicator. */
  indicatorId: number | null;
  year: number | null;
  series: 'realisation' | 'revised_target' | 'original_target' | 'projection' | 'revision_date';
  /** Another number that would do instead (dispersion_missing: GINI for P1). */
  alternative?: string;
  /** The offending value in the indicator's unit, where there is one. */
  value?: number;
  /** The report's fields this problem leaves null (e.g. 'base.sigma', 'years.2021.requiredGrowth'). */
  fields: string[];
  message: { id: string; en: string };
}

export interface FeasibilityBase {
  year: number | null;
  /** P0 realisation (share). */
  p0: number | null;
  /** P1 realisation (share); null when not entered (σ then from the Gini ratio). */
  p1: number | null;
  sigma: number | null;
  /** a = Φ⁻¹(P0) = (ln z − μ)/σ. */
  a: number | null;
  fittedFrom: 'p1' | 'gini' | null;
  /** Gini ratio realisation (0–1). */
  gini: number | null;
  /** P2 realisation (share). */
  p2: number | null;
  /** P1 of the fitted lognormal (= p1 when fitted from it). */
  p1Predicted: number | null;
  /** P2 of the fitted lognormal (share). */
  p2Predicted: number | null;
  /** p2Predicted − p2 (share). */
  p2Gap: number | null;
  /** The fitted lognormal's Gini ratio, 2Φ(σ/√2) − 1. */
  giniPredicted: number | null;
  /** Population of the base year (whole people). */
  population: number | null;
  /** Poor people in the base year: P0 × population, whole people. */
  poor: number | null;
  illustrative: boolean;
  provisional: boolean;
}

export interface FeasibilityRecordYear {
  year: number;
  /** P0 realisation of year − 1 and of year (shares). */
  p0From: number;
  p0To: number;
  /** exp(σ(Φ⁻¹(p0From) − Φ⁻¹(p0To))) − 1 with the base σ. */
  impliedGrowth: number | null;
  /** PE realisation of the year as a fraction (7,02 → 0,0702). */
  economicGrowth: number | null;
  illustrative: boolean;
  provisional: boolean;
}

export interface FeasibilityRecord {
  years: FeasibilityRecordYear[];
  meanImpliedGrowth: number | null;
  bestImpliedGrowth: number | null;
  /** Σ implied growth ÷ Σ economic growth over the record years that have both. */
  passThrough: number | null;
  /** Per-year required growth up to which a target is 'realistic': max(mean, REALISTIC_FLOOR). */
  realisticUpTo: number | null;
  /** … and 'ambitious': the best year. */
  ambitiousUpTo: number | null;
  illustrative: boolean;
}

export interface FeasibilityYear {
  indicator: 'P0';
  year: number;
  /** The scenario's revised P0 target (share). */
  target: number;
  /** Cumulative growth of mean consumption from the base year to this target. */
  requiredGrowth: number | null;
  /** The same a year: (1 + requiredGrowth)^(1/(year − base year)) − 1. */
  requiredGrowthPerYear: number | null;
  /** From the previous year's P0 (its target, else realisation) to this target. */
  requiredGrowthFromPrevious: number | null;
  /**
   * People who leave poverty this year: round(P0(year − 1) × pop(year − 1)) − round(P0(year) ×
   * pop(year)), each count rounded half away from zero as the app derives JPM; P0(year − 1) is the
   * base realisation for the year after the base, else the scenario's target (else the
   * realisation) of that year; pop the Susenas population. Negative: poverty is allowed to rise.
   */
  peopleOut: number | null;
  /** Poor people at the target: round(P0 × pop(year)). */
  poor: number | null;
  rating: FeasibilityRating | null;
  /** requiredGrowthPerYear ÷ passThrough: the economy's yearly growth the target needs at the region's pass-through. */
  economicGrowthNeeded: number | null;
  /** The original target (target awal) of the year (share), and the growth a year it needed from the same base. */
  originalTarget: number | null;
  originalRequiredGrowthPerYear: number | null;
  /** The original target is marked ilustrasi. */
  originalIllustrative: boolean;
  /** Any input behind this row (base, record, previous P0) is marked ilustrasi. */
  illustrative: boolean;
}

export interface FeasibilityReport {
  base: FeasibilityBase;
  record: FeasibilityRecord;
  years: FeasibilityYear[];
  problems: FeasibilityProblem[];
  /** Any number used is marked ilustrasi. */
  illustrative: boolean;
}

// ---------------------------------------------------------------------------------------------

const num = (v: number, decimals = 2) => formatNumber(v, decimals);

interface Located {
  code: FeasibilityProblemCode;
  severity: Severity;
  indicator: string;
  year: number | null;
  series: FeasibilityProblem['series'];
  alternative?: string;
  value?: number;
  id: string;
  en: string;
}

class Problems {
  readonly list: FeasibilityProblem[] = [];
  constructor(private readonly indicators: ReadonlyMap<string, Indicator>) {}

  /** Adds a problem, or returns the one already at the same place (code, indicator, year, series) with `fields` added. */
  add(p: Located, fields: string[] = []): FeasibilityProblem {
    const same = this.list.find((q) => q.code === p.code && q.indicator === p.indicator && q.year === p.year && q.series === p.series);
    if (same) {
      because([same], ...fields);
      return same;
    }
    const problem: FeasibilityProblem = {
      code: p.code,
      severity: p.severity,
      indicator: p.indicator,
      indicatorId: this.indicators.get(p.indicator)?.id ?? null,
      year: p.year,
      series: p.series,
      ...(p.alternative !== undefined ? { alternative: p.alternative } : {}),
      ...(p.value !== undefined ? { value: p.value } : {}),
      fields: [...fields],
      message: { id: p.id, en: p.en },
    };
    this.list.push(problem);
    return problem;
  }
}

/** A value that is null for a reason: the problem(s) that explain it. */
type Why = readonly FeasibilityProblem[];
/** Names `fields` as left null by each problem of `why`. */
function because(why: Why, ...fields: string[]): void {
  for (const p of why) for (const f of fields) if (!p.fields.includes(f)) p.fields.push(f);
}

const SERIES_ID: Record<FeasibilityProblem['series'], string> = {
  realisation: 'realisasi',
  revised_target: 'target perubahan',
  original_target: 'target awal',
  projection: 'proyeksi',
  revision_date: 'tanggal perubahan',
};

/** The problem for a fit that failed, located at the number to correct. */
function fitProblem(fit: Extract<LognormalFit, { ok: false }>, year: number, raw: { p0?: number; p1?: number; gini?: number }): Located {
  const at = `${year}`;
  switch (fit.problem) {
    case 'p0_missing':
      return { code: 'p0_missing', severity: 'error', indicator: 'P0', year, series: 'realisation', id: `Isi realisasi P0 ${at}.`, en: `Enter the P0 realisation of ${at}.` };
    case 'p0_out_of_range':
      return {
        code: 'p0_out_of_range',
        severity: 'error',
        indicator: 'P0',
        year,
        series: 'realisation',
        ...(raw.p0 !== undefined ? { value: raw.p0 } : {}),
        id: `Realisasi P0 ${at} (${num(raw.p0 ?? NaN)} %) harus di atas 0 dan di bawah 100 %: sebaran lognormal tidak punya angka kemiskinan tepat 0 atau 100 %. Periksa angka P0 ${at}.`,
        en: `The P0 realisation of ${at} (${num(raw.p0 ?? NaN)} %) must be above 0 and below 100 %: a lognormal has no poverty rate of exactly 0 or 100 %. Check P0 ${at}.`,
      };
    case 'dispersion_missing':
      return {
        code: 'dispersion_missing',
        severity: 'error',
        indicator: 'P1',
        year,
        series: 'realisation',
        alternative: 'GINI',
        id: `Isi realisasi P1 (Indeks Kedalaman Kemiskinan) ${at}, atau Rasio Gini ${at}: tanpa salah satunya sebaran konsumsi tidak dapat diestimasi.`,
        en: `Enter the P1 (poverty gap index) realisation of ${at}, or the Gini ratio of ${at}: without one of them the consumption distribution cannot be fitted.`,
      };
    case 'p1_inconsistent': {
      const why =
        fit.detail === 'not_below_p0'
          ? { id: `tidak lebih kecil dari P0 (${num(raw.p0 ?? NaN)} %)`, en: `is not below P0 (${num(raw.p0 ?? NaN)} %)` }
          : fit.detail === 'not_positive'
            ? { id: 'tidak di atas 0', en: 'is not above 0' }
            : { id: `terlalu dekat dengan P0 (${num(raw.p0 ?? NaN)} %): tidak ada sebaran lognormal yang masuk akal yang menghasilkannya`, en: `is too close to P0 (${num(raw.p0 ?? NaN)} %): no plausible lognormal gives it` };
      return {
        code: 'p1_inconsistent',
        severity: 'error',
        indicator: 'P1',
        year,
        series: 'realisation',
        ...(raw.p1 !== undefined ? { value: raw.p1 } : {}),
        id: `Realisasi P1 ${at} (${num(raw.p1 ?? NaN)}) ${why.id}. Periksa P1 ${at}.`,
        en: `The P1 realisation of ${at} (${num(raw.p1 ?? NaN)}) ${why.en}. Check P1 ${at}.`,
      };
    }
    case 'gini_out_of_range':
      return {
        code: 'gini_out_of_range',
        severity: 'error',
        indicator: 'GINI',
        year,
        series: 'realisation',
        ...(raw.gini !== undefined ? { value: raw.gini } : {}),
        id: `Rasio Gini ${at} (${num(raw.gini ?? NaN, 3)}) harus di antara 0 dan 1 (mis. 0,320). Periksa GINI ${at}, atau isi P1 ${at}.`,
        en: `The Gini ratio of ${at} (${num(raw.gini ?? NaN, 3)}) must lie between 0 and 1 (e.g. 0,320). Check GINI ${at}, or enter P1 ${at}.`,
      };
  }
}

/**
 * A percentage as a share, through its decimal digits (12,32 → 0,1232, not 0,12320000000000001):
 * the shift of the decimal point adds no binary error, so the report's shares are the numbers a
 * reader sees divided by 100.
 */
export function percentToShare(percent: number): number {
  const [mantissa, exponent = '0'] = String(percent).split('e');
  return Number(`${mantissa}e${Number(exponent) - 2}`);
}

function anyMark(values: readonly (MarkedValue | undefined)[], mark: 'illustrative' | 'provisional'): boolean {
  return values.some((v) => v?.[mark] === true);
}

/** Poor people: rate (%) × population, whole people; null without a usable rate or population. */
function poorPeople(ratePercent: number, population: number | undefined): number | null {
  if (population === undefined || !(population > 0) || !(ratePercent >= 0 && ratePercent <= 100)) return null;
  return countFromRate(ratePercent, population);
}

export function feasibility(input: FeasibilityInput): FeasibilityReport {
  const { plan } = input;
  const P = FEASIBILITY_CODES;
  const problems = new Problems(input.indicators);
  const last = lastRealisedYear(input.revisionDate);

  // ---- base ------------------------------------------------------------------------------
  const base: FeasibilityBase = {
    year: null,
    p0: null,
    p1: null,
    sigma: null,
    a: null,
    fittedFrom: null,
    gini: null,
    p2: null,
    p1Predicted: null,
    p2Predicted: null,
    p2Gap: null,
    giniPredicted: null,
    population: null,
    poor: null,
    illustrative: false,
    provisional: false,
  };
  /** Why σ (and so every growth) is unknown. */
  let fitWhy: Why = [];
  let baseP0Percent: number | undefined;

  if (last === null) {
    fitWhy = [
      problems.add({
        code: 'revision_date_missing',
        severity: 'error',
        indicator: P.p0,
        year: null,
        series: 'revision_date',
        id: 'Isi tanggal perubahan (Buku Kerja → Perubahan dan metode): tahun-tahun sebelum tahunnya adalah realisasi, dan yang terakhir dengan P0 menjadi tahun dasar.',
        en: 'Enter the revision date (Buku Kerja → Perubahan dan metode): the years before its year are realised, and the latest with P0 is the base year.',
      }),
    ];
  } else {
    for (let y = last; y >= plan.baselineYear; y--) {
      if (input.realisation(P.p0, y) !== undefined) {
        base.year = y;
        break;
      }
    }
    if (base.year === null) {
      fitWhy = [
        problems.add({
          code: 'p0_missing',
          severity: 'error',
          indicator: P.p0,
          year: last,
          series: 'realisation',
          id: `Tidak ada realisasi P0 pada tahun yang sudah terealisasi (${plan.baselineYear}–${last}). Isi realisasi P0 ${last}.`,
          en: `No P0 realisation in a realised year (${plan.baselineYear}–${last}). Enter the P0 realisation of ${last}.`,
        }),
      ];
    }
  }

  if (base.year !== null) {
    const y = base.year;
    const v0 = input.realisation(P.p0, y)!;
    const v1 = input.realisation(P.p1, y);
    const vg = input.realisation(P.gini, y);
    const v2 = input.realisation(P.p2, y);
    baseP0Percent = v0.value;
    base.p0 = percentToShare(v0.value);
    base.p1 = v1 ? percentToShare(v1.value) : null;
    base.gini = vg ? vg.value : null;
    base.p2 = v2 ? percentToShare(v2.value) : null;
    base.illustrative = anyMark([v0, v1, vg, v2], 'illustrative');
    base.provisional = anyMark([v0, v1, vg, v2], 'provisional');
    const pop = input.population(y);
    base.population = pop ?? null;
    base.poor = poorPeople(v0.value, pop);
    if (pop === undefined) problems.add(populationMissing(y), ['base.population', 'base.poor']);
    else if (base.poor === null) problems.add(p0OutOfRange(y, v0.value, 'realisation'), ['base.poor']);

    const fit = fitLognormal({ p0: base.p0, p1: base.p1, gini: base.gini, p2: base.p2 });
    if (fit.ok) {
      base.sigma = fit.sigma;
      base.a = fit.a;
      base.fittedFrom = fit.from;
      base.p1Predicted = fit.p1;
      base.p2Predicted = fit.p2Predicted;
      base.p2Gap = fit.p2Gap;
      base.giniPredicted = giniOfSigma(fit.sigma);
      if (fit.from === 'gini') {
        problems.add(
          {
            code: 'p1_missing',
            severity: 'info',
            indicator: P.p1,
            year: y,
            series: 'realisation',
            id: `σ diestimasi dari Rasio Gini ${y} (${num(vg!.value, 3)}) karena realisasi P1 ${y} belum diisi; P1 sebaran ini ${num(fit.p1 * 100)}. Isi P1 ${y} agar sebaran mengikuti penduduk miskin sendiri.`,
            en: `σ was fitted from the Gini ratio of ${y} (${num(vg!.value, 3)}) because the P1 realisation of ${y} is missing; this distribution's P1 is ${num(fit.p1 * 100)}. Enter P1 ${y} so the fit follows the poor themselves.`,
          },
          ['base.p1'],
        );
      } else if (base.gini === null) {
        problems.add(
          {
            code: 'gini_missing',
            severity: 'info',
            indicator: P.gini,
            year: y,
            series: 'realisation',
            id: `Rasio Gini ${y} belum diisi: Gini sebaran hasil estimasi (${num(base.giniPredicted, 3)}) tidak dapat dibandingkan.`,
            en: `The Gini ratio of ${y} is missing: the fitted distribution's Gini (${num(base.giniPredicted, 3)}) cannot be compared.`,
          },
          ['base.gini'],
        );
      }
      if (base.p2 === null) {
        problems.add(
          {
            code: 'p2_missing',
            severity: 'info',
            indicator: P.p2,
            year: y,
            series: 'realisation',
            id: `Realisasi P2 ${y} belum diisi: P2 sebaran hasil estimasi (${num(fit.p2Predicted * 100, 3)}) tidak dapat dibandingkan untuk memeriksa kecocokannya.`,
            en: `The P2 realisation of ${y} is missing: the fitted distribution's P2 (${num(fit.p2Predicted * 100, 3)}) cannot be compared to check the fit.`,
          },
          ['base.p2', 'base.p2Gap'],
        );
      }
    } else {
      fitWhy = [problems.add(fitProblem(fit, y, { p0: v0.value, ...(v1 ? { p1: v1.value } : {}), ...(vg ? { gini: vg.value } : {}) }))];
      if (fit.problem === 'dispersion_missing') because(fitWhy, 'base.p1', 'base.gini');
      if (base.p2 === null) because(fitWhy, 'base.p2');
    }
  }
  for (const f of ['year', 'p0', 'p1', 'sigma', 'a', 'fittedFrom', 'gini', 'p2', 'p1Predicted', 'p2Predicted', 'p2Gap', 'giniPredicted', 'population', 'poor'] as const) {
    if (base[f] === null && !problems.list.some((p) => p.fields.includes(`base.${f}`))) because(fitWhy, `base.${f}`);
  }
  const sigma = base.sigma;

  // ---- record ----------------------------------------------------------------------------
  const record: FeasibilityRecord = {
    years: [],
    meanImpliedGrowth: null,
    bestImpliedGrowth: null,
    passThrough: null,
    realisticUpTo: null,
    ambitiousUpTo: null,
    illustrative: false,
  };
  const recordEnd = base.year ?? last;
  if (recordEnd !== null) {
    for (let y = plan.baselineYear + 1; y <= recordEnd; y++) {
      const from = input.realisation(P.p0, y - 1);
      const to = input.realisation(P.p0, y);
      if (!from || !to) continue;
      const pe = input.realisation(P.growth, y);
      const row: FeasibilityRecordYear = {
        year: y,
        p0From: percentToShare(from.value),
        p0To: percentToShare(to.value),
        impliedGrowth: null,
        economicGrowth: pe ? percentToShare(pe.value) : null,
        illustrative: anyMark([from, to, pe], 'illustrative'),
        provisional: anyMark([from, to, pe], 'provisional'),
      };
      const path = `record.years.${y}`;
      if (sigma !== null) {
        row.impliedGrowth = requiredGrowth(sigma, row.p0From, row.p0To);
        if (row.impliedGrowth === null) {
          const bad = !(row.p0From > 0 && row.p0From < 1) ? { year: y - 1, value: from.value } : { year: y, value: to.value };
          because([problems.add(p0OutOfRange(bad.year, bad.value, 'realisation'))], `${path}.impliedGrowth`);
        }
      } else because(fitWhy, `${path}.impliedGrowth`);
      if (!pe) {
        problems.add(
          {
            code: 'pe_missing',
            severity: 'info',
            indicator: P.growth,
            year: y,
            series: 'realisation',
            id: `Realisasi Pertumbuhan Ekonomi (PE) ${y} belum diisi: tahun ${y} tidak ikut dalam pass-through.`,
            en: `The economic growth (PE) realisation of ${y} is missing: ${y} is left out of the pass-through.`,
          },
          [`${path}.economicGrowth`],
        );
      }
      record.years.push(row);
    }
  }
  record.illustrative = record.years.some((r) => r.illustrative);
  let recordWhy: Why = [];
  const implied = record.years.map((r) => r.impliedGrowth).filter((g): g is number => g !== null);
  if (record.years.length < MIN_RECORD_YEARS) {
    const at = base.year ?? last;
    recordWhy = [
      problems.add({
        code: 'no_record',
        severity: 'warning',
        indicator: P.p0,
        year: at,
        series: 'realisation',
        id: `Tidak ada dua tahun realisasi P0 berturut-turut${at !== null ? ` sampai ${at}` : ''}: tidak ada catatan daerah untuk menilai target. Isi realisasi P0 ${at !== null ? at - 1 : 'tahun sebelumnya'}.`,
        en: `No two consecutive realised years of P0${at !== null ? ` up to ${at}` : ''}: no record of the region's own to rate the targets against. Enter the P0 realisation of ${at !== null ? at - 1 : 'the year before'}.`,
      }),
    ];
  } else if (implied.length === 0) {
    recordWhy = sigma === null ? fitWhy : problems.list.filter((p) => p.fields.some((f) => f.startsWith('record.years.') && f.endsWith('.impliedGrowth')));
  } else {
    record.meanImpliedGrowth = implied.reduce((s, g) => s + g, 0) / implied.length;
    record.bestImpliedGrowth = Math.max(...implied);
    record.realisticUpTo = Math.max(record.meanImpliedGrowth, REALISTIC_FLOOR);
    record.ambitiousUpTo = record.bestImpliedGrowth;
  }
  for (const f of ['meanImpliedGrowth', 'bestImpliedGrowth', 'realisticUpTo', 'ambitiousUpTo'] as const) if (record[f] === null) because(recordWhy, `record.${f}`);

  let passWhy: Why = [];
  const both = record.years.filter((r) => r.impliedGrowth !== null && r.economicGrowth !== null);
  const sumEconomic = both.reduce((s, r) => s + r.economicGrowth!, 0);
  if (both.length > 0 && sumEconomic > 0) {
    record.passThrough = both.reduce((s, r) => s + r.impliedGrowth!, 0) / sumEconomic;
  } else if (record.years.length === 0 || implied.length === 0) {
    passWhy = recordWhy;
  } else {
    const at = both.length > 0 ? both[both.length - 1]!.year : record.years[record.years.length - 1]!.year;
    passWhy = [
      problems.add({
        code: 'pass_through_missing',
        severity: 'warning',
        indicator: P.growth,
        year: at,
        series: 'realisation',
        ...(both.length > 0 ? { value: sumEconomic * 100 } : {}),
        id:
          both.length > 0
            ? `Pertumbuhan ekonomi tahun-tahun catatan berjumlah ${num(sumEconomic * 100)} % (≤ 0): pass-through tidak dapat dihitung. Periksa realisasi PE.`
            : `Tidak ada tahun catatan dengan realisasi Pertumbuhan Ekonomi (PE): pass-through tidak dapat dihitung. Isi realisasi PE ${at}.`,
        en:
          both.length > 0
            ? `Economic growth over the record years sums to ${num(sumEconomic * 100)} % (≤ 0): no pass-through. Check the PE realisations.`
            : `No record year has an economic growth (PE) realisation: no pass-through. Enter the PE realisation of ${at}.`,
      }),
    ];
  }
  if (record.passThrough === null) because(passWhy, 'record.passThrough');
  let neededWhy: Why = passWhy;
  if (record.passThrough !== null && !(record.passThrough > 0)) {
    neededWhy = [
      problems.add({
        code: 'pass_through_not_positive',
        severity: 'warning',
        indicator: P.p0,
        year: recordEnd,
        series: 'realisation',
        value: record.passThrough,
        id: `Pass-through daerah ${num(record.passThrough, 3)} (≤ 0): kemiskinan tidak turun bersama pertumbuhan ekonomi pada tahun-tahun catatan, jadi tidak ada pertumbuhan ekonomi yang mencapai target melaluinya.`,
        en: `The region's pass-through is ${num(record.passThrough, 3)} (≤ 0): poverty did not fall with economic growth in the record years, so no economic growth reaches a target through it.`,
      }),
    ];
  }

  // ---- target years ----------------------------------------------------------------------
  const years: FeasibilityYear[] = [];
  const anchor = base.year ?? last;
  const start = Math.max(plan.firstYear, anchor !== null ? anchor + 1 : plan.firstYear);
  // To the RPKD/RPD horizon (schema v7): 2024–2026 targets are rated too.
  for (let y = start; y <= horizonOf(plan); y++) {
    const t = input.revisedTarget(y);
    if (t === undefined) continue;
    const path = `years.${y}`;
    const row: FeasibilityYear = {
      indicator: 'P0',
      year: y,
      target: percentToShare(t),
      requiredGrowth: null,
      requiredGrowthPerYear: null,
      requiredGrowthFromPrevious: null,
      peopleOut: null,
      poor: null,
      rating: null,
      economicGrowthNeeded: null,
      originalTarget: null,
      originalRequiredGrowthPerYear: null,
      originalIllustrative: false,
      illustrative: base.illustrative || record.illustrative,
    };
    const targetOk = t > 0 && t < 100;
    const targetWhy: Why = targetOk ? [] : [problems.add(p0OutOfRange(y, t, 'revised_target'))];
    const n = base.year !== null ? y - base.year : null;

    // Growth from the base, its rating and the economic growth it needs.
    const growthFields = ['requiredGrowth', 'requiredGrowthPerYear', 'rating', 'economicGrowthNeeded'].map((f) => `${path}.${f}`);
    if (!targetOk) because(targetWhy, ...growthFields);
    else if (sigma === null || base.p0 === null || n === null) because(fitWhy, ...growthFields);
    else {
      row.requiredGrowth = requiredGrowth(sigma, base.p0, row.target);
      row.requiredGrowthPerYear = row.requiredGrowth === null ? null : annualGrowth(row.requiredGrowth, n);
      const g = row.requiredGrowthPerYear;
      if (g === null) because([problems.add(notRepresentable(y))], ...growthFields.filter((f) => !f.endsWith('.requiredGrowth') || row.requiredGrowth === null));
      else {
        if (record.realisticUpTo !== null && record.ambitiousUpTo !== null) {
          row.rating = g <= record.realisticUpTo ? 'realistic' : g <= record.ambitiousUpTo ? 'ambitious' : 'beyond_record';
        } else if (record.years.length < MIN_RECORD_YEARS) row.rating = 'no_record';
        else because(recordWhy, `${path}.rating`);
        if (record.passThrough !== null && record.passThrough > 0) row.economicGrowthNeeded = g / record.passThrough;
        else because(neededWhy, `${path}.economicGrowthNeeded`);
      }
    }

    // The year before: the base realisation, else the scenario's target, else a realisation.
    const prevYear = y - 1;
    const prevIsBase = base.year !== null && prevYear === base.year;
    let prevPercent: number | undefined;
    if (prevIsBase) prevPercent = baseP0Percent;
    else {
      prevPercent = input.revisedTarget(prevYear);
      if (prevPercent === undefined) {
        const marked = input.realisation(P.p0, prevYear);
        prevPercent = marked?.value;
        if (marked?.illustrative) row.illustrative = true;
      }
    }
    let prevWhy: Why = [];
    if (prevPercent === undefined) {
      prevWhy = [
        problems.add({
          code: 'previous_p0_missing',
          severity: 'warning',
          indicator: P.p0,
          year: prevYear,
          series: 'revised_target',
          id: `P0 ${prevYear} (target perubahan, atau realisasi) belum ada: perubahan ${y} dari tahun sebelumnya tidak dapat dihitung. Isi target P0 ${prevYear}.`,
          en: `No P0 for ${prevYear} (revised target, or realisation): the change of ${y} from the year before cannot be computed. Enter the P0 target of ${prevYear}.`,
        }),
      ];
    } else if (!(prevPercent > 0 && prevPercent < 100)) {
      // The base's own P0 out of range has already failed the fit (fitWhy).
      prevWhy = prevIsBase ? fitWhy : [problems.add(p0OutOfRange(prevYear, prevPercent, 'revised_target'))];
    }
    const fromPrevious = `${path}.requiredGrowthFromPrevious`;
    if (!targetOk) because(targetWhy, fromPrevious);
    else if (prevWhy.length > 0 || prevPercent === undefined) because(prevWhy, fromPrevious);
    else if (sigma === null) because(fitWhy, fromPrevious);
    else {
      row.requiredGrowthFromPrevious = requiredGrowth(sigma, percentToShare(prevPercent), row.target);
      if (row.requiredGrowthFromPrevious === null) because([problems.add(notRepresentable(y))], fromPrevious);
    }

    // People: poor at the target, and the fall from the year before.
    const popT = input.population(y);
    const popPrev = input.population(prevYear);
    const popWhy: FeasibilityProblem[] = [];
    if (popT === undefined) popWhy.push(problems.add(populationMissing(y)));
    if (popPrev === undefined) popWhy.push(problems.add(populationMissing(prevYear)));
    row.poor = poorPeople(t, popT);
    if (row.poor === null) because(popT === undefined ? popWhy : targetWhy, `${path}.poor`);
    const poorPrev = prevPercent === undefined ? null : poorPeople(prevPercent, popPrev);
    if (row.poor !== null && poorPrev !== null) row.peopleOut = poorPrev - row.poor;
    else because([...popWhy, ...prevWhy, ...(row.poor === null ? targetWhy : [])], `${path}.peopleOut`);

    // The original target (target awal) beside it.
    const orig = input.originalTarget(P.p0, y);
    const origFields = [`${path}.originalTarget`, `${path}.originalRequiredGrowthPerYear`];
    if (!orig) {
      problems.add(
        {
          code: 'original_target_missing',
          severity: 'info',
          indicator: P.p0,
          year: y,
          series: 'original_target',
          ...(y > plan.lastYear
            ? {
                id: `${y} sesudah periode RPJMD (berakhir ${plan.lastYear}), tahun cakrawala RPKD/RPD: tidak ada target awal sebagai pembanding.`,
                en: `${y} is after the RPJMD period (ending ${plan.lastYear}), a year of the RPKD/RPD horizon: no original target to compare with.`,
              }
            : {
                id: `Target awal P0 ${y} tidak ada: tidak ada pembanding dari RPJMD semula.`,
                en: `No original P0 target for ${y}: nothing from the original RPJMD to compare with.`,
              }),
        },
        origFields,
      );
    } else {
      row.originalTarget = percentToShare(orig.value);
      row.originalIllustrative = orig.illustrative;
      if (!(orig.value > 0 && orig.value < 100)) problems.add(p0OutOfRange(y, orig.value, 'original_target'), [origFields[1]!]);
      else if (sigma === null || base.p0 === null || n === null) because(fitWhy, origFields[1]!);
      else {
        const g = requiredGrowth(sigma, base.p0, row.originalTarget);
        row.originalRequiredGrowthPerYear = g === null ? null : annualGrowth(g, n);
        if (row.originalRequiredGrowthPerYear === null) problems.add(notRepresentable(y), [origFields[1]!]);
      }
    }
    years.push(row);
  }
  if (years.length === 0) {
    problems.add({
      code: 'no_targets',
      severity: 'info',
      indicator: P.p0,
      year: anchor !== null ? anchor + 1 : null,
      series: 'revised_target',
      id: `Skenario ini tidak punya target perubahan P0 setelah ${anchor ?? 'tahun dasar'}: tidak ada target yang dinilai.`,
      en: `This scenario has no revised P0 target after ${anchor ?? 'the base year'}: no target to assess.`,
    });
  }

  return {
    base,
    record,
    years,
    problems: problems.list,
    illustrative: base.illustrative || record.illustrative || years.some((r) => r.illustrative),
  };
}

function populationMissing(year: number): Located {
  return {
    code: 'population_missing',
    severity: 'warning',
    indicator: FEASIBILITY_CODES.population,
    year,
    series: 'projection',
    id: `Jumlah penduduk ${year} tidak diketahui: isi Jumlah Penduduk ${year} pada seri Proyeksi (atau pasangan P0 dan JPM realisasi).`,
    en: `The population of ${year} is unknown: enter the Population of ${year} in the Projection series (or a realised P0 and JPM pair).`,
  };
}

function p0OutOfRange(year: number, percent: number, series: 'realisation' | 'revised_target' | 'original_target'): Located {
  const name = { id: SERIES_ID[series], en: series === 'realisation' ? 'realisation' : series === 'revised_target' ? 'revised target' : 'original target' };
  return {
    code: 'p0_out_of_range',
    severity: 'error',
    indicator: FEASIBILITY_CODES.p0,
    year,
    series,
    value: percent,
    id: `P0 ${year} (${name.id}, ${num(percent)} %) harus di atas 0 dan di bawah 100 %: sebaran lognormal tidak pernah mencapai tepat 0 %, jadi tidak ada pertumbuhan yang cukup. Periksa P0 ${year}.`,
    en: `P0 ${year} (${name.en}, ${num(percent)} %) must be above 0 and below 100 %: a lognormal never reaches exactly 0 %, so no growth is enough. Check P0 ${year}.`,
  };
}

function notRepresentable(year: number): Located {
  return {
    code: 'growth_not_representable',
    severity: 'error',
    indicator: FEASIBILITY_CODES.p0,
    year,
    series: 'revised_target',
    id: `Pertumbuhan yang dibutuhkan target P0 ${year} terlalu besar untuk dihitung: target terlalu dekat dengan 0 %.`,
    en: `The growth the P0 target of ${year} needs is too large to compute: the target is too close to 0 %.`,
  };
}
