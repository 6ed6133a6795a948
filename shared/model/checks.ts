/**
 * Checks (pemeriksaan): the rules a governor's evaluation applies to a scenario's revised
 * targets. Each is a pure function with an id, a severity and its rule stated in words, and every
 * finding is located at an indicator and year so the UI can open the cell. Reference targets
 * (RPJMN, Inpres, the Governor), shock years, method breaks and the revision date are workbook
 * data, not code: checks read them from the input.
 *
 * Words: a change of an indicator measured in % is said in percentage points (poin persen /
 * percentage points); a relative change is said in %.
 */
import type {
  Comparison,
  Finding,
  Indicator,
  IndicatorValue,
  Justification,
  MethodBreak,
  Plan,
  ReferenceScope,
  ReferenceTarget,
  Severity,
  ShockYear,
  TargetCell,
} from '../domain.js';
import { horizonOf, POPULATION_CODE, RATE_COUNT_PAIRS, SEVERITIES } from '../domain.js';
import { formatNumber, formatSignedNumber } from '../format/number.js';
import { susenasPopulation, type PopulationBasis, type SusenasPopulation } from './population.js';
import { isCountConsistent } from './rate-count.js';
import { isIsoDate, isRealisedYear, lastRealisedYear } from './revision.js';
import { roundTo } from './rounding.js';
import { checkCellValue } from './cell-rules.js';

export interface CheckInput {
  plan: Plan;
  indicators: readonly Indicator[];
  /** Workbook values: baseline, original_target, realisation, projection. */
  values: readonly IndicatorValue[];
  /** The scenario's revised targets. */
  targets: readonly TargetCell[];
  justifications: readonly Justification[];
  references: readonly ReferenceTarget[];
  shockYears: readonly ShockYear[];
  /**
   * When the revision is made (WorkbookSettings.revisionDate, 'YYYY-MM-DD'): the years before its
   * year are realised (shared/model/revision.ts). Absent or null: no year is realised.
   */
  revisionDate?: string | null;
  /** Changes of method (tidak sebanding): a change across one is not compared. Absent: none. */
  methodBreaks?: readonly MethodBreak[];
}

type Words = { id: string; en: string };

/** Numeric key of an indicator's year (years are below 10 000). */
const cellKey = (indicatorId: number, year: number) => indicatorId * 10_000 + year;

/**
 * A justification must say something. Rule: after trimming, it needs at least
 * JUSTIFICATION_MIN_WORDS words (a word is a run of non-space characters holding a letter or a
 * digit) and at least JUSTIFICATION_MIN_LETTERS letters. So 'x', '-', 'ok', 'COVID' and
 * 'Dampak pandemi' are too short; 'Dampak pandemi COVID-19' is enough.
 */
export const JUSTIFICATION_MIN_WORDS = 3;
export const JUSTIFICATION_MIN_LETTERS = 15;
export type JustificationProblem = 'missing' | 'too_short';

/** What is wrong with a justification text (null: it says something). */
export function justificationProblem(text: string | null | undefined): JustificationProblem | null {
  const t = (text ?? '').trim();
  if (!t) return 'missing';
  const words = t.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const letters = t.match(/\p{L}/gu)?.length ?? 0;
  return words < JUSTIFICATION_MIN_WORDS || letters < JUSTIFICATION_MIN_LETTERS ? 'too_short' : null;
}

/**
 * Plausibility against the region's own record ('ambitious'): a revised target's improvement in
 * one year beyond AMBITION_FACTOR × the largest annual improvement the region's realisations
 * show, and beyond AMBITION_FLOOR percentage points whatever the record.
 */
export const AMBITION_FACTOR = 1.5;

/**
 * The two-sided 95 % normal quantile BPS uses for the interval of a Susenas estimate: the
 * interval is estimate ± 1,96 × standard error.
 */
export const SE_Z95 = 1.96;

/**
 * The 95 % interval [lower, upper] of an estimate with standard error `se`, cut at the
 * indicator's range (a rate's interval never goes below 0).
 */
export function confidenceInterval(value: number, se: number, minValue: number | null = null, maxValue: number | null = null): [number, number] {
  let lo = value - SE_Z95 * se;
  let hi = value + SE_Z95 * se;
  if (minValue !== null) lo = Math.max(minValue, lo);
  if (maxValue !== null) hi = Math.min(maxValue, hi);
  return [lo, hi];
}
export const AMBITION_FLOOR = 0.5;

/** Whether an indicator is measured in percent: its changes are percentage points. */
export function isPercentUnit(ind: Pick<Indicator, 'unit'>): boolean {
  return ind.unit.trim() === '%';
}

/** The unit a change of the indicator is said in: poin persen for a % indicator, else its unit. */
export function changeUnit(ind: Pick<Indicator, 'unit'>): Words {
  return isPercentUnit(ind) ? { id: 'poin persen', en: 'percentage points' } : { id: ind.unit, en: ind.unit };
}

const MONTHS: Record<'id' | 'en', readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** '2021-08-23' → '23 Agustus 2021' / '23 August 2021' (as stored when not a date). */
export function formatRevisionDate(iso: string, lang: 'id' | 'en'): string {
  if (!isIsoDate(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[lang][m - 1]} ${y}`;
}

/** The population a count is checked against, and where it comes from. */
export interface PopulationUsed {
  value: number;
  basis: 'scenario' | PopulationBasis;
  /** For 'carried': the year carried from. */
  from?: number;
}

/** Where a change of a target starts: the realisation of a realised year, the previous target, or the baseline. */
interface ChangeStart {
  value: number;
  kind: 'realisation' | 'target' | 'baseline';
  year: number;
}

/** The region's record of an indicator: annual changes between successive realisations. */
interface History {
  /** Smallest and largest annual change (in the indicator's unit per year). */
  min: number;
  max: number;
  /** Largest annual improvement (≥ 0; polarity-aware). */
  best: number;
  firstYear: number;
  lastYear: number;
}

/**
 * Lookups every check shares. Built once from a CheckInput; CheckState then replaces the targets
 * and justification of single indicators in place as the planner edits them.
 */
class Context {
  readonly byCode = new Map<string, Indicator>();
  private readonly revisedMap = new Map<number, TargetCell>();
  private readonly targetsOf = new Map<number, readonly TargetCell[]>();
  private readonly valueMaps = new Map<IndicatorValue['series'], Map<number, number>>();
  /** Realisations per indicator as [year, value]. */
  private readonly realisationsOf = new Map<number, [number, number][]>();
  /** Justification text per indicator (absent: none). */
  private readonly reasons = new Map<number, string>();
  readonly shock = new Set<number>();
  readonly referencesOf = new Map<string, ReferenceTarget[]>();
  private readonly breaks = new Map<string, number[]>();
  private readonly yearList: number[] = [];
  readonly susenas: SusenasPopulation;
  readonly revisionDate: string | null;
  /** Per indicator: its record from workbook values (which CheckState never replaces). */
  private readonly histories = new Map<number, History | null>();

  constructor(readonly input: CheckInput) {
    for (const i of input.indicators) this.byCode.set(i.code, i);
    const byIndicator = new Map<number, TargetCell[]>();
    for (const t of input.targets) {
      this.revisedMap.set(cellKey(t.indicatorId, t.year), t);
      const list = byIndicator.get(t.indicatorId);
      if (list) list.push(t);
      else byIndicator.set(t.indicatorId, [t]);
    }
    for (const [id, list] of byIndicator) this.targetsOf.set(id, list);
    for (const v of input.values) {
      let m = this.valueMaps.get(v.series);
      if (!m) this.valueMaps.set(v.series, (m = new Map()));
      m.set(cellKey(v.indicatorId, v.year), v.value);
      if (v.series === 'realisation') {
        const list = this.realisationsOf.get(v.indicatorId);
        if (list) list.push([v.year, v.value]);
        else this.realisationsOf.set(v.indicatorId, [[v.year, v.value]]);
      }
    }
    for (const j of input.justifications) this.reasons.set(j.indicatorId, j.text);
    for (const s of input.shockYears) this.shock.add(s.year);
    for (const r of input.references) {
      const list = this.referencesOf.get(r.indicatorCode);
      if (list) list.push(r);
      else this.referencesOf.set(r.indicatorCode, [r]);
    }
    for (const b of input.methodBreaks ?? []) {
      const list = this.breaks.get(b.indicatorCode);
      if (list) list.push(b.year);
      else this.breaks.set(b.indicatorCode, [b.year]);
    }
    // The target years run to the RPKD/RPD horizon (schema v7), so a 2024 reference is evaluated.
    for (let y = input.plan.firstYear; y <= horizonOf(input.plan); y++) this.yearList.push(y);
    this.revisionDate = input.revisionDate ?? null;
    this.susenas = this.buildSusenas();
  }

  /** The population BPS poverty figures use (shared/model/population.ts), from workbook values only. */
  private buildSusenas(): SusenasPopulation {
    const { baselineYear } = this.input.plan;
    const lastYear = horizonOf(this.input.plan);
    const years: number[] = [];
    for (let y = baselineYear; y <= lastYear; y++) years.push(y);
    const projection = new Map<number, number>();
    const census = new Map<number, number>();
    const pop = this.byCode.get(POPULATION_CODE);
    if (pop) {
      for (const v of this.input.values) {
        if (v.indicatorId !== pop.id) continue;
        if (v.series === 'projection') projection.set(v.year, v.value);
        else if (v.series === 'realisation') census.set(v.year, v.value);
      }
    }
    return susenasPopulation({
      years,
      projection,
      census,
      realisation: (code, year) => {
        const ind = this.byCode.get(code);
        return ind ? this.value(ind, year, 'realisation') : undefined;
      },
    });
  }

  /** Replaces one indicator's revised targets and its justification text. */
  replace(indicatorId: number, targets: readonly TargetCell[], justification: string | null): void {
    for (const t of this.targetsOf.get(indicatorId) ?? []) this.revisedMap.delete(cellKey(t.indicatorId, t.year));
    for (const t of targets) this.revisedMap.set(cellKey(indicatorId, t.year), t);
    this.targetsOf.set(indicatorId, targets);
    if (justification === null) this.reasons.delete(indicatorId);
    else this.reasons.set(indicatorId, justification);
  }

  years(): readonly number[] {
    return this.yearList;
  }

  inPlan(year: number): boolean {
    return year >= this.input.plan.firstYear && year <= horizonOf(this.input.plan);
  }

  revisedCell(ind: Indicator, year: number): TargetCell | undefined {
    return this.revisedMap.get(cellKey(ind.id, year));
  }

  revised(ind: Indicator, year: number): number | undefined {
    return this.revisedMap.get(cellKey(ind.id, year))?.value;
  }

  value(ind: Indicator, year: number, series: IndicatorValue['series']): number | undefined {
    return this.valueMaps.get(series)?.get(cellKey(ind.id, year));
  }

  original(ind: Indicator, year: number): number | undefined {
    return this.value(ind, year, 'original_target');
  }

  /**
   * The population poverty figures use in a year: the scenario's own POP row, else the Susenas
   * population of the workbook (projection, else implied by a published rate/count pair, else
   * carried at the region's growth) — never the census.
   */
  population(year: number): PopulationUsed | undefined {
    const pop = this.byCode.get(POPULATION_CODE);
    const own = pop ? this.revised(pop, year) : undefined;
    if (own !== undefined) return { value: own, basis: 'scenario' };
    const s = this.susenas.byYear.get(year);
    if (!s) return undefined;
    return s.from === undefined ? { value: s.value, basis: s.basis } : { value: s.value, basis: s.basis, from: s.from };
  }

  /** The revised value of the year before, or the baseline before the first target year. */
  previous(ind: Indicator, year: number): number | undefined {
    if (year - 1 === this.input.plan.baselineYear) return this.revised(ind, year - 1) ?? this.value(ind, year - 1, 'baseline');
    return this.revised(ind, year - 1);
  }

  /**
   * Where the change into `year` starts: the realisation of the year before when that year is
   * realised at the revision date (where the region stands), else its revised target, else the
   * baseline before the first target year.
   */
  changeStart(ind: Indicator, year: number): ChangeStart | undefined {
    const y = year - 1;
    if (this.realised(y)) {
      const r = this.value(ind, y, 'realisation');
      if (r !== undefined) return { value: r, kind: 'realisation', year: y };
    }
    const t = this.revised(ind, y);
    if (t !== undefined) return { value: t, kind: 'target', year: y };
    if (y === this.input.plan.baselineYear) {
      const b = this.value(ind, y, 'baseline');
      if (b !== undefined) return { value: b, kind: 'baseline', year: y };
    }
    return undefined;
  }

  /**
   * The realisation a target's sampling error is judged from: the latest year with both a
   * realisation and its standard error ('se'), realised at the revision date when one is set.
   */
  samplingBase(ind: Indicator): { year: number; value: number; se: number } | undefined {
    const ses = this.valueMaps.get('se');
    if (!ses) return undefined;
    const points = (this.realisationsOf.get(ind.id) ?? []).filter(([year]) => this.revisionDate === null || this.realised(year));
    let best: { year: number; value: number; se: number } | undefined;
    for (const [year, value] of points) {
      const se = ses.get(cellKey(ind.id, year));
      if (se === undefined || !(se > 0)) continue;
      if (!best || year > best.year) best = { year, value, se };
    }
    return best;
  }

  /** The indicator's justification text ('' when none). */
  justification(ind: Indicator): string {
    return this.reasons.get(ind.id) ?? '';
  }

  /** Whether the year's realisation was published by the revision date. */
  realised(year: number): boolean {
    return isRealisedYear(year, this.revisionDate);
  }

  /** Whether a change of method lies after y1 and at or before y2 (values not comparable). */
  breakBetween(ind: Indicator, y1: number, y2: number): boolean {
    return (this.breaks.get(ind.code) ?? []).some((b) => b > y1 && b <= y2);
  }

  /**
   * The region's record: average annual changes between successive realisations (divided by
   * the years between them), not across a method break, using only the realisations published
   * by the revision date when it is set. null when fewer than two such realisations exist.
   */
  history(ind: Indicator): History | null {
    if (this.histories.has(ind.id)) return this.histories.get(ind.id)!;
    const dated = lastRealisedYear(this.revisionDate) !== null;
    const points = (this.realisationsOf.get(ind.id) ?? []).filter(([year]) => !dated || this.realised(year));
    points.sort((a, b) => a[0] - b[0]);
    const changes: { from: number; to: number; perYear: number }[] = [];
    for (let k = 1; k < points.length; k++) {
      const [y1, v1] = points[k - 1]!;
      const [y2, v2] = points[k]!;
      if (this.breakBetween(ind, y1, y2)) continue;
      changes.push({ from: y1, to: y2, perYear: (v2 - v1) / (y2 - y1) });
    }
    let h: History | null = null;
    if (changes.length > 0) {
      const per = changes.map((c) => c.perYear);
      const improvements = per.map((d) => (ind.polarity === 'lower' ? -d : d));
      h = {
        min: Math.min(...per),
        max: Math.max(...per),
        best: Math.max(0, ...improvements),
        firstYear: Math.min(...changes.map((c) => c.from)),
        lastYear: Math.max(...changes.map((c) => c.to)),
      };
    }
    this.histories.set(ind.id, h);
    return h;
  }
}

interface CheckDefinition {
  id: string;
  severity: Severity;
  title: Words;
  /** The rule in words, for the list of checks. */
  rule: Words;
  /** Pushes the findings located at `ind` (every finding names the indicator it is shown at). */
  run(ctx: Context, ind: Indicator, out: Finding[]): void;
}

const fmt = (ind: Indicator, v: number) => formatNumber(v, ind.decimals);
const fmtDelta = (ind: Indicator, v: number) => formatSignedNumber(v, ind.decimals);

function finding(check: Pick<CheckDefinition, 'id' | 'severity'>, ind: Indicator, year: number | null, id: string, en: string, series: Finding['series'] = 'revised_target'): Finding {
  return { checkId: check.id, severity: check.severity, indicatorId: ind.id, indicatorCode: ind.code, year, series, message: { id, en } };
}

/** Revised and original differ at the indicator's own precision (12,600 vs 12,6 is no change). */
export function isChanged(ind: Indicator, revised: number, original: number | undefined): boolean {
  if (original === undefined) return true;
  return roundTo(revised, ind.decimals) !== roundTo(original, ind.decimals);
}

/** Whether a change makes the target easier to meet, given the indicator's polarity. */
export function loosens(ind: Pick<Indicator, 'polarity'>, revised: number, original: number): boolean {
  if (ind.polarity === 'lower') return revised > original;
  if (ind.polarity === 'higher') return revised < original;
  return false;
}

export function compare(value: number, comparison: Comparison, reference: number): boolean {
  const eps = 1e-9;
  switch (comparison) {
    case 'lt': return value < reference - eps;
    case 'le': return value <= reference + eps;
    case 'eq': return Math.abs(value - reference) <= eps;
    case 'ge': return value >= reference - eps;
    case 'gt': return value > reference + eps;
  }
}

const COMPARISON_TEXT: Record<Comparison, string> = { lt: '<', le: '≤', eq: '=', ge: '≥', gt: '>' };

const SCOPE_WORDS: Record<ReferenceScope, Words> = {
  nasional: { id: 'nasional', en: 'national' },
  provinsi: { id: 'provinsi', en: 'provincial' },
  kabupaten: { id: 'kabupaten/kota', en: 'regency/city' },
};

/** A reference's rule in words: '< 10,00 % pada 2024', 'perubahan per tahun ≤ -1,00 poin persen'. */
function referenceRule(ind: Indicator, ref: ReferenceTarget): Words {
  const value = `${COMPARISON_TEXT[ref.comparison]} ${fmt(ind, ref.value)}`;
  if (ref.kind === 'level') {
    const year = ref.year === null ? '' : ` pada ${ref.year}`;
    const yearEn = ref.year === null ? '' : ` in ${ref.year}`;
    return { id: `${value} ${ind.unit}${year}`, en: `${value} ${ind.unit}${yearEn}` };
  }
  const unit = changeUnit(ind);
  return { id: `perubahan per tahun ${value} ${unit.id}`, en: `change per year ${value} ${unit.en}` };
}

function populationWords(p: PopulationUsed, year: number, growth: number): Words {
  switch (p.basis) {
    case 'scenario':
      return { id: 'jumlah penduduk skenario', en: "the scenario's population" };
    case 'projection':
      return { id: 'proyeksi penduduk', en: 'the population projection' };
    case 'implied':
      return { id: `penduduk tersirat dari persentase dan jumlah penduduk miskin ${year}`, en: `the population implied by the ${year} poverty rate and count` };
    case 'carried': {
      const g = formatSignedNumber(growth * 100, 2);
      return growth === 0
        ? { id: `penduduk Susenas ${p.from ?? ''} dibawa tetap`, en: `the Susenas population of ${p.from ?? ''} carried flat` }
        : { id: `penduduk Susenas ${p.from ?? ''} dibawa ${g} % per tahun`, en: `the Susenas population of ${p.from ?? ''} carried at ${g} % a year` };
    }
  }
}

function startWords(ind: Indicator, s: ChangeStart): Words {
  const v = fmt(ind, s.value);
  switch (s.kind) {
    case 'realisation': return { id: `realisasi ${s.year} ${v}`, en: `realisation ${s.year} ${v}` };
    case 'target': return { id: `target ${s.year} ${v}`, en: `target ${s.year} ${v}` };
    case 'baseline': return { id: `kondisi awal ${s.year} ${v}`, en: `baseline ${s.year} ${v}` };
  }
}

/**
 * Year by year, the revised target of `at` must not exceed that of `bound` (P0E ≤ P0, P1 ≤ P0…);
 * `words` gets the year, at's value and bound's value. Findings are located at `at`.
 */
function notAbove(ctx: Context, at: Indicator, bound: Indicator, out: Finding[], check: Pick<CheckDefinition, 'id' | 'severity'>, words: (year: number, a: number, b: number) => Words): void {
  for (const year of ctx.years()) {
    const a = ctx.revised(at, year);
    const b = ctx.revised(bound, year);
    if (a === undefined || b === undefined || a <= b) continue;
    const w = words(year, a, b);
    out.push(finding(check, at, year, w.id, w.en));
  }
}

export const CHECKS: readonly CheckDefinition[] = [
  {
    id: 'range',
    severity: 'error',
    title: { id: 'Nilai di luar rentang indikator', en: 'Value outside the indicator range' },
    rule: { id: 'Setiap target perubahan berada dalam rentang indikator (mis. 0–100 untuk persentase).', en: 'Every revised target lies within the indicator range (e.g. 0–100 for a percentage).' },
    run(ctx, ind, out) {
      for (const year of ctx.years()) {
        const v = ctx.revised(ind, year);
        if (v === undefined || !checkCellValue(ind, v)) continue;
        const range = `${ind.minValue ?? '−∞'}–${ind.maxValue ?? '∞'} ${ind.unit}`;
        out.push(finding(this, ind, year, `${ind.nameId} ${year}: ${fmt(ind, v)} di luar rentang ${range}`, `${ind.nameEn} ${year}: ${fmt(ind, v)} is outside ${range}`));
      }
    },
  },
  {
    id: 'realised_year_changed',
    severity: 'error',
    title: { id: 'Target tahun yang sudah terealisasi diubah', en: 'Target of a realised year changed' },
    rule: {
      id: 'Tahun sebelum tahun tanggal perubahan sudah terealisasi (realisasinya terbit): targetnya sejarah dan tidak diubah. Tidak berlaku untuk jumlah turunan dan indikator netral.',
      en: 'Years before the year of the revision date are realised (their realisation is published): their targets are history and are not changed. Derived counts and neutral indicators are exempt.',
    },
    run(ctx, ind, out) {
      // Population and the poverty line are inputs, not targets; a derived count follows its rate.
      if (ctx.revisionDate === null || ind.polarity === 'neutral') return;
      const date = { id: formatRevisionDate(ctx.revisionDate, 'id'), en: formatRevisionDate(ctx.revisionDate, 'en') };
      for (const year of ctx.years()) {
        if (!ctx.realised(year)) break;
        const cell = ctx.revisedCell(ind, year);
        if (!cell || cell.origin === 'derived') continue;
        const orig = ctx.original(ind, year);
        if (!isChanged(ind, cell.value, orig)) continue;
        const was = orig === undefined ? '–' : fmt(ind, orig);
        out.push(finding(
          this, ind, year,
          `${ind.nameId} ${year} sudah terealisasi pada tanggal perubahan ${date.id}, tetapi targetnya diubah (${was} → ${fmt(ind, cell.value)}): target tahun yang sudah terealisasi adalah sejarah`,
          `${ind.nameEn} ${year} is realised at the revision date ${date.en}, yet its target changed (${was} → ${fmt(ind, cell.value)}): a realised year's target is history`,
        ));
      }
    },
  },
  {
    id: 'count_le_population',
    severity: 'error',
    title: { id: 'Jumlah penduduk miskin melebihi jumlah penduduk', en: 'Count of poor above population' },
    rule: { id: 'Jumlah penduduk miskin (dan miskin ekstrem) tidak melebihi jumlah penduduk yang dipakai angka kemiskinan.', en: 'The count of poor (and extreme poor) people does not exceed the population poverty figures use.' },
    run(ctx, ind, out) {
      if (!RATE_COUNT_PAIRS.some((pair) => pair.count === ind.code)) return;
      for (const year of ctx.years()) {
        const n = ctx.revised(ind, year);
        const pop = ctx.population(year);
        if (n === undefined || pop === undefined || n <= pop.value) continue;
        const w = populationWords(pop, year, ctx.susenas.growth);
        out.push(finding(this, ind, year, `${ind.nameId} ${year}: ${fmt(ind, n)} jiwa melebihi jumlah penduduk ${formatNumber(pop.value, 0)} (${w.id})`, `${ind.nameEn} ${year}: ${fmt(ind, n)} people exceeds the population of ${formatNumber(pop.value, 0)} (${w.en})`));
      }
    },
  },
  {
    id: 'extreme_le_poverty',
    severity: 'error',
    title: { id: 'Kemiskinan ekstrem melebihi kemiskinan', en: 'Extreme poverty above poverty' },
    rule: { id: 'Persentase penduduk miskin ekstrem ≤ persentase penduduk miskin, dan jumlah penduduk miskin ekstrem ≤ jumlah penduduk miskin, pada tahun yang sama.', en: 'The extreme poverty rate ≤ the poverty rate, and the number of extreme poor ≤ the number of poor, in the same year.' },
    run(ctx, ext, out) {
      if (ext.code === 'P0E') {
        const pov = ctx.byCode.get('P0');
        if (!pov) return;
        notAbove(ctx, ext, pov, out, this, (year, e, p) => ({
          id: `${year}: kemiskinan ekstrem ${fmt(ext, e)} % melebihi kemiskinan ${fmt(pov, p)} %`,
          en: `${year}: extreme poverty ${fmt(ext, e)} % exceeds poverty ${fmt(pov, p)} %`,
        }));
      } else if (ext.code === 'JPME') {
        const pov = ctx.byCode.get('JPM');
        if (!pov) return;
        notAbove(ctx, ext, pov, out, this, (year, e, p) => ({
          id: `${year}: jumlah penduduk miskin ekstrem ${fmt(ext, e)} jiwa melebihi jumlah penduduk miskin ${fmt(pov, p)} jiwa`,
          en: `${year}: ${fmt(ext, e)} people in extreme poverty exceeds ${fmt(pov, p)} poor people`,
        }));
      }
    },
  },
  {
    id: 'p1_le_p0',
    severity: 'error',
    title: { id: 'P1 melebihi persentase penduduk miskin (P0)', en: 'P1 above the poverty rate (P0)' },
    rule: {
      id: 'Indeks kedalaman kemiskinan (P1) ≤ persentase penduduk miskin (P0) pada tahun yang sama: P1 adalah rata-rata kesenjangan relatif penduduk miskin (paling besar 1) dikali P0, pada skala persen yang sama.',
      en: 'The poverty gap index (P1) ≤ the poverty rate (P0) in the same year: P1 is the poor\'s average relative gap (at most 1) times P0, on the same percentage scale.',
    },
    run(ctx, p1, out) {
      if (p1.code !== 'P1') return;
      const p0 = ctx.byCode.get('P0');
      if (!p0) return;
      notAbove(ctx, p1, p0, out, this, (year, a, b) => ({
        id: `${year}: indeks kedalaman kemiskinan (P1) ${fmt(p1, a)} melebihi persentase penduduk miskin (P0) ${fmt(p0, b)} %; P1 tidak dapat melebihi P0`,
        en: `${year}: poverty gap index (P1) ${fmt(p1, a)} exceeds the poverty rate (P0) ${fmt(p0, b)} %; P1 cannot exceed P0`,
      }));
    },
  },
  {
    id: 'p2_le_p1',
    severity: 'warning',
    title: { id: 'P2 melebihi P1', en: 'P2 above P1' },
    rule: { id: 'Indeks keparahan kemiskinan (P2) ≤ indeks kedalaman kemiskinan (P1) pada tahun yang sama.', en: 'The poverty severity index (P2) ≤ the poverty gap index (P1) in the same year.' },
    run(ctx, p2, out) {
      if (p2.code !== 'P2') return;
      const p1 = ctx.byCode.get('P1');
      if (!p1) return;
      notAbove(ctx, p2, p1, out, this, (year, b, a) => ({
        id: `${year}: indeks keparahan (P2) ${fmt(p2, b)} melebihi indeks kedalaman (P1) ${fmt(p1, a)}`,
        en: `${year}: severity index (P2) ${fmt(p2, b)} exceeds gap index (P1) ${fmt(p1, a)}`,
      }));
    },
  },
  {
    id: 'count_rate_consistency',
    severity: 'warning',
    title: { id: 'Jumlah tidak sesuai persentase × penduduk', en: 'Count inconsistent with rate × population' },
    rule: {
      id: 'Setiap tahun: jumlah = persentase × penduduk ÷ 100, dengan toleransi pembulatan persentase dan jumlah. Penduduk = baris penduduk skenario, jika tidak ada penduduk Susenas (proyeksi, tersirat dari pasangan persentase–jumlah yang terbit, atau dibawa dengan laju pertumbuhan daerah) — bukan sensus.',
      en: 'Every year: count = rate × population ÷ 100, within the rounding of rate and count. Population = the scenario\'s population row, else the Susenas population (projection, implied by a published rate–count pair, or carried at the region\'s growth) — not the census.',
    },
    run(ctx, count, out) {
      for (const pair of RATE_COUNT_PAIRS) {
        if (pair.count !== count.code) continue;
        const rate = ctx.byCode.get(pair.rate);
        if (!rate) continue;
        for (const year of ctx.years()) {
          const r = ctx.revised(rate, year);
          const n = ctx.revised(count, year);
          const pop = ctx.population(year);
          if (r === undefined || n === undefined || pop === undefined) continue;
          let consistent: boolean;
          try {
            consistent = isCountConsistent(r, n, pop.value, rate.decimals);
          } catch {
            continue; // out-of-range values are reported by 'range' and 'count_le_population'
          }
          if (consistent) continue;
          const expected = formatNumber((r / 100) * pop.value, 0);
          const w = populationWords(pop, year, ctx.susenas.growth);
          const p = formatNumber(pop.value, 0);
          out.push(finding(this, count, year, `${count.nameId} ${year}: ${fmt(count, n)} tidak sesuai ${fmt(rate, r)} % × ${p} (${w.id}) ≈ ${expected}`, `${count.nameEn} ${year}: ${fmt(count, n)} does not match ${fmt(rate, r)} % × ${p} (${w.en}) ≈ ${expected}`));
        }
      }
    },
  },
  {
    id: 'justification_missing',
    severity: 'error',
    title: { id: 'Target diubah tanpa alasan perubahan yang memadai', en: 'Target changed without a sufficient justification' },
    rule: {
      id: `Target yang diubah memerlukan alasan perubahan yang berisi: paling sedikit ${JUSTIFICATION_MIN_WORDS} kata dan ${JUSTIFICATION_MIN_LETTERS} huruf ('x', '-', 'ok' atau satu kata dihitung tidak ada). Jumlah turunan dan indikator netral tidak memerlukannya.`,
      en: `A changed target needs a justification that says something: at least ${JUSTIFICATION_MIN_WORDS} words and ${JUSTIFICATION_MIN_LETTERS} letters ('x', '-', 'ok' or a single word count as none). Derived counts and neutral indicators need none.`,
    },
    run(ctx, ind, out) {
      // Population and the poverty line are inputs, not targets; a derived count follows its rate.
      if (ind.polarity === 'neutral') return;
      const text = ctx.justification(ind);
      const problem = justificationProblem(text);
      if (problem === null) return;
      const shown = text.trim().length > 30 ? `${text.trim().slice(0, 30)}…` : text.trim();
      for (const year of ctx.years()) {
        const cell = ctx.revisedCell(ind, year);
        if (!cell || cell.origin === 'derived') continue;
        const orig = ctx.original(ind, year);
        if (!isChanged(ind, cell.value, orig)) continue;
        const was = orig === undefined ? '–' : fmt(ind, orig);
        const change = `(${was} → ${fmt(ind, cell.value)})`;
        if (problem === 'missing') {
          out.push(finding(this, ind, year, `${ind.nameId} ${year} diubah ${change} tanpa alasan perubahan`, `${ind.nameEn} ${year} changed ${change} without a justification`, 'justification'));
        } else {
          out.push(finding(
            this, ind, year,
            `${ind.nameId} ${year} diubah ${change}; alasan perubahan "${shown}" terlalu pendek: tulis paling sedikit ${JUSTIFICATION_MIN_WORDS} kata dan ${JUSTIFICATION_MIN_LETTERS} huruf`,
            `${ind.nameEn} ${year} changed ${change}; the justification "${shown}" is too short: write at least ${JUSTIFICATION_MIN_WORDS} words and ${JUSTIFICATION_MIN_LETTERS} letters`,
            'justification',
          ));
        }
      }
    },
  },
  {
    id: 'loosening',
    severity: 'warning',
    title: { id: 'Target dilonggarkan dari target awal', en: 'Target loosened from the original' },
    rule: { id: 'Target perubahan yang lebih mudah dicapai daripada target awal (sesuai polaritas) diperingatkan; perubahan indikator dalam % dinyatakan dalam poin persen.', en: 'A revised target easier to reach than the original (by polarity) is a warning; a change of a % indicator is given in percentage points.' },
    run(ctx, ind, out) {
      const unit = changeUnit(ind);
      for (const year of ctx.years()) {
        const v = ctx.revised(ind, year);
        const orig = ctx.original(ind, year);
        if (v === undefined || orig === undefined || !isChanged(ind, v, orig) || !loosens(ind, v, orig)) continue;
        const d = fmtDelta(ind, v - orig);
        out.push(finding(this, ind, year, `${ind.nameId} ${year} dilonggarkan ${d} ${unit.id} (${fmt(ind, orig)} → ${fmt(ind, v)})`, `${ind.nameEn} ${year} loosened by ${d} ${unit.en} (${fmt(ind, orig)} → ${fmt(ind, v)})`));
      }
    },
  },
  {
    id: 'ambitious',
    severity: 'warning',
    title: { id: 'Target ambisius dibanding riwayat daerah', en: "Target ambitious against the region's record" },
    rule: {
      id: `Untuk indikator dalam %: perbaikan target dalam satu tahun melebihi ${formatNumber(AMBITION_FACTOR, 1)} × perbaikan tahunan terbesar dalam realisasi daerah (rata-rata per tahun antar-realisasi berurutan, hanya yang terbit sebelum tanggal perubahan, tidak melintasi perubahan metode) dan paling sedikit ${formatNumber(AMBITION_FLOOR, 2)} poin persen. Tahun guncangan, tahun terealisasi dan tahun perubahan metode tidak diuji; perubahan dihitung dari realisasi tahun sebelumnya bila tahun itu sudah terealisasi.`,
      en: `For indicators in %: a target's improvement in one year beyond ${formatNumber(AMBITION_FACTOR, 1)} × the largest annual improvement in the region's realisations (average per year between successive realisations, only those published before the revision date, not across a method change) and beyond at least ${formatNumber(AMBITION_FLOOR, 2)} percentage points. Shock years, realised years and years of a method change are not tested; the change counts from the previous year's realisation when that year is realised.`,
    },
    run(ctx, ind, out) {
      if (ind.polarity === 'neutral' || !isPercentUnit(ind)) return;
      const h = ctx.history(ind);
      if (!h) return;
      const limit = Math.max(AMBITION_FACTOR * h.best, AMBITION_FLOOR);
      const unit = changeUnit(ind);
      const [lo, hi] = [fmtDelta(ind, h.min), fmtDelta(ind, h.max)];
      const rangeId = lo === hi ? lo : `${lo} sampai ${hi}`;
      const rangeEn = lo === hi ? lo : `${lo} to ${hi}`;
      const span = h.firstYear === h.lastYear ? `${h.firstYear}` : `${h.firstYear}–${h.lastYear}`;
      for (const year of ctx.years()) {
        if (ctx.shock.has(year) || ctx.realised(year) || ctx.breakBetween(ind, year - 1, year)) continue;
        const v = ctx.revised(ind, year);
        const start = ctx.changeStart(ind, year);
        if (v === undefined || start === undefined) continue;
        const d = roundTo(v - start.value, ind.decimals);
        const improvement = ind.polarity === 'lower' ? -d : d;
        if (improvement <= limit + 1e-9) continue;
        const from = startWords(ind, start);
        out.push(finding(
          this, ind, year,
          `${ind.nameId} ${year}: ${fmtDelta(ind, d)} ${unit.id} dalam setahun (${from.id} → ${fmt(ind, v)}), jauh di luar riwayat daerah ${rangeId} ${unit.id} per tahun (${span}); batas ${fmt(ind, limit)} ${unit.id} per tahun`,
          `${ind.nameEn} ${year}: ${fmtDelta(ind, d)} ${unit.en} in one year (${from.en} → ${fmt(ind, v)}), far beyond the region's record of ${rangeEn} ${unit.en} a year (${span}); limit ${fmt(ind, limit)} ${unit.en} a year`,
        ));
      }
    },
  },
  {
    id: 'inside_sampling_error',
    severity: 'info',
    title: { id: 'Perubahan di dalam galat sampling', en: 'Change inside the sampling error' },
    rule: {
      id: `Target perubahan yang selisihnya dari realisasi tahun dasar berada di dalam selang kepercayaan 95 % realisasi itu (realisasi ± ${formatNumber(SE_Z95, 2)} × galat baku) tidak dapat dibedakan dari kondisi sekarang oleh Susenas yang akan menilainya. Tahun dasar: tahun terakhir yang terealisasi pada tanggal perubahan dengan realisasi dan galat bakunya.`,
      en: `A revised target whose change from the base year's realisation lies inside that realisation's 95 % interval (realisation ± ${formatNumber(SE_Z95, 2)} × standard error) cannot be told apart from today's level by the Susenas that will judge it. Base year: the latest year realised at the revision date with a realisation and its standard error.`,
    },
    run(ctx, ind, out) {
      const base = ctx.samplingBase(ind);
      if (!base) return;
      const [lo, hi] = confidenceInterval(base.value, base.se, ind.minValue, ind.maxValue);
      const interval = `${fmt(ind, lo)}–${fmt(ind, hi)}`;
      const se = fmt(ind, base.se);
      for (const year of ctx.years()) {
        if (year <= base.year) continue;
        const v = ctx.revised(ind, year);
        if (v === undefined || v < lo - 1e-9 || v > hi + 1e-9) continue;
        const unit = changeUnit(ind);
        const d = fmtDelta(ind, roundTo(v - base.value, ind.decimals));
        out.push(finding(
          this, ind, year,
          `${ind.nameId} ${year}: target ${fmt(ind, v)} (${d} ${unit.id} dari realisasi ${base.year} ${fmt(ind, base.value)}) berada di dalam selang kepercayaan 95 % realisasi ${base.year}, ${interval} (galat baku ${se}): Susenas tidak dapat membedakannya dari kondisi ${base.year}`,
          `${ind.nameEn} ${year}: target ${fmt(ind, v)} (${d} ${unit.en} from the ${base.year} realisation ${fmt(ind, base.value)}) lies inside the 95 % interval of the ${base.year} realisation, ${interval} (standard error ${se}): Susenas cannot tell it apart from the ${base.year} level`,
        ));
      }
    },
  },
  {
    id: 'reversal',
    severity: 'info',
    title: { id: 'Arah jalur target berbalik tanpa tahun guncangan', en: 'Target path reverses without a shock year' },
    rule: { id: 'Jalur target yang berbalik arah (turun lalu naik, atau sebaliknya) di luar tahun guncangan dicatat.', en: 'A target path that turns (down then up, or the reverse) outside the shock years is noted.' },
    run(ctx, ind, out) {
      if (ind.polarity === 'neutral') return;
      const unit = changeUnit(ind);
      for (const year of ctx.years()) {
        const v = ctx.revised(ind, year);
        const prev = ctx.previous(ind, year);
        const prev2 = ctx.previous(ind, year - 1);
        if (v === undefined || prev === undefined || prev2 === undefined) continue;
        const d1 = roundTo(prev - prev2, ind.decimals);
        const d2 = roundTo(v - prev, ind.decimals);
        if (d1 === 0 || d2 === 0 || Math.sign(d1) === Math.sign(d2)) continue;
        if (ctx.shock.has(year) || ctx.shock.has(year - 1)) continue;
        out.push(finding(this, ind, year, `${ind.nameId}: arah jalur target berbalik pada ${year} (${fmtDelta(ind, d1)} lalu ${fmtDelta(ind, d2)} ${unit.id}) tanpa tahun guncangan`, `${ind.nameEn}: the target path reverses in ${year} (${fmtDelta(ind, d1)} then ${fmtDelta(ind, d2)} ${unit.en}) with no shock year`));
      }
    },
  },
  {
    id: 'reference',
    severity: 'warning',
    title: { id: 'Tidak selaras dengan target acuan', en: 'Not aligned with a reference target' },
    rule: {
      id: 'Hanya acuan tingkat kabupaten/kota (mengikat setiap kabupaten/kota): tingkat pada tahun acuan dalam periode rencana; laju perubahan per tahun pada tahun yang direncanakan (bukan tahun guncangan atau tahun terealisasi).',
      en: 'Only references at the regency/city level (binding each regency): a level in its year within the plan; an annual pace in the years the revision plans (not shock years or realised years).',
    },
    run(ctx, ind, out) {
      for (const ref of ctx.referencesOf.get(ind.code) ?? []) {
        if (ref.scope !== 'kabupaten') continue; // context: 'reference_context'
        const want = `${COMPARISON_TEXT[ref.comparison]} ${fmt(ind, ref.value)}`;
        if (ref.kind === 'level') {
          // Outside the plan (Inpres 4/2022 for 2024 in a plan ending 2023): 'reference_not_evaluated'.
          if (ref.year === null || !ctx.inPlan(ref.year)) continue;
          const v = ctx.revised(ind, ref.year) ?? ctx.original(ind, ref.year);
          if (v === undefined || compare(v, ref.comparison, ref.value)) continue;
          out.push(finding(this, ind, ref.year, `${ind.nameId} ${ref.year}: ${fmt(ind, v)}, acuan ${ref.label}: ${want} ${ind.unit}`, `${ind.nameEn} ${ref.year}: ${fmt(ind, v)}, reference ${ref.label}: ${want} ${ind.unit}`));
        } else {
          const unit = changeUnit(ind);
          for (const year of ctx.years()) {
            // A shock year (COVID-19) is what the revision answers; a realised year is history.
            if (ctx.shock.has(year) || ctx.realised(year) || ctx.breakBetween(ind, year - 1, year)) continue;
            const v = ctx.revised(ind, year);
            const start = ctx.changeStart(ind, year);
            if (v === undefined || start === undefined) continue;
            const change = roundTo(v - start.value, ind.decimals);
            if (compare(change, ref.comparison, ref.value)) continue;
            out.push(finding(this, ind, year, `${ind.nameId} ${year}: perubahan ${fmtDelta(ind, change)} ${unit.id} per tahun, acuan ${ref.label}: ${want} ${unit.id}`, `${ind.nameEn} ${year}: change of ${fmtDelta(ind, change)} ${unit.en} a year, reference ${ref.label}: ${want} ${unit.en}`));
          }
        }
      }
    },
  },
  {
    id: 'reference_context',
    severity: 'info',
    title: { id: 'Acuan nasional atau provinsi: konteks', en: 'National or provincial reference: context' },
    rule: { id: 'Acuan nasional atau provinsi (mis. laju provinsi turun ≥ 1 poin persen per tahun) adalah target wilayah lain: ditampilkan sebagai konteks, tidak diuji pada target kabupaten/kota.', en: 'A national or provincial reference (e.g. the province falling ≥ 1 percentage point a year) is another level\'s target: shown as context, not tested against the regency\'s targets.' },
    run(ctx, ind, out) {
      for (const ref of ctx.referencesOf.get(ind.code) ?? []) {
        if (ref.scope === 'kabupaten') continue;
        const scope = SCOPE_WORDS[ref.scope];
        const r = referenceRule(ind, ref);
        const year = ref.kind === 'level' ? ref.year : null;
        out.push(finding(
          this, ind, year,
          `Acuan ${scope.id} ${ref.label} (${r.id}) adalah target ${scope.id}: konteks, tidak diuji pada target kabupaten/kota`,
          `${scope.en[0]!.toUpperCase()}${scope.en.slice(1)} reference ${ref.label} (${r.en}) is a ${scope.en} target: context, not tested against the regency's targets`,
        ));
      }
    },
  },
  {
    id: 'reference_not_evaluated',
    severity: 'info',
    title: { id: 'Acuan tidak dievaluasi', en: 'Reference not evaluated' },
    rule: { id: 'Acuan kabupaten/kota untuk tahun di luar periode rencana, atau tahun tanpa target, dicantumkan sebagai tidak dievaluasi — tidak dilewati diam-diam.', en: 'A regency/city reference for a year outside the plan period, or a year without a target, is listed as not evaluated — never silently skipped.' },
    run(ctx, ind, out) {
      const { firstYear } = ctx.input.plan;
      const lastYear = horizonOf(ctx.input.plan);
      for (const ref of ctx.referencesOf.get(ind.code) ?? []) {
        if (ref.scope !== 'kabupaten' || ref.kind !== 'level') continue;
        const r = referenceRule(ind, ref);
        let why: Words | null = null;
        if (ref.year === null) why = { id: 'tanpa tahun', en: 'it has no year' };
        else if (ref.year > lastYear) {
          why = lastYear > ctx.input.plan.lastYear
            ? { id: `cakrawala RPKD/RPD berakhir ${lastYear}`, en: `the RPKD/RPD horizon ends in ${lastYear}` }
            : { id: `rencana berakhir ${lastYear}`, en: `the plan ends in ${lastYear}` };
        }
        else if (ref.year < firstYear) why = { id: `rencana dimulai ${firstYear}`, en: `the plan starts in ${firstYear}` };
        else if (ctx.revised(ind, ref.year) === undefined && ctx.original(ind, ref.year) === undefined) why = { id: `tidak ada target ${ref.year}`, en: `there is no target for ${ref.year}` };
        if (!why) continue;
        const at = ref.year === null ? '' : ` (${ref.year})`;
        out.push(finding(this, ind, ref.year, `Acuan ${ref.label}${at} tidak dievaluasi: ${why.id}; syarat ${r.id}`, `Reference ${ref.label}${at} not evaluated: ${why.en}; rule ${r.en}`));
      }
    },
  },
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Codes whose findings read another indicator's targets: an edit of the key indicator changes
 * the findings located at the listed ones (population → counts; rate → its count; P0 → P0E and
 * P1; P1 → P2; JPM → JPME).
 */
const CROSS_READERS: Readonly<Record<string, readonly string[]>> = { P0: ['P0E', 'P1'], P1: ['P2'], JPM: ['JPME'] };

function readersOf(code: string): readonly string[] {
  const readers: string[] = [];
  for (const pair of RATE_COUNT_PAIRS) {
    if (code === POPULATION_CODE || code === pair.rate) readers.push(pair.count);
  }
  if (Object.prototype.hasOwnProperty.call(CROSS_READERS, code)) readers.push(...CROSS_READERS[code]!);
  return readers;
}

/** The findings located at one indicator, by severity then year (ties in check order). */
function findingsAt(ctx: Context, ind: Indicator): Finding[] {
  const out: Finding[] = [];
  for (const check of CHECKS) check.run(ctx, ind, out);
  if (out.length > 1) out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.year ?? 0) - (b.year ?? 0));
  return out;
}

export interface IndicatorUpdate {
  indicatorId: number;
  /** The indicator's revised targets now (all of its years). */
  targets: readonly TargetCell[];
  /** Its justification text now ('' or null: none). */
  justification: string | null;
}

/**
 * Every check's findings for one scenario, kept per indicator so that an edit recomputes only
 * what it can change: the edited indicators and the ones whose checks read them (readersOf).
 * findings() always equals runChecks() on the same input.
 */
export class CheckState {
  private readonly ctx: Context;
  private readonly at = new Map<number, Finding[]>();

  constructor(input: CheckInput) {
    this.ctx = new Context(input);
    for (const ind of input.indicators) this.at.set(ind.id, findingsAt(this.ctx, ind));
  }

  /** Replaces the targets and justification of some indicators, then recomputes their findings. */
  update(changes: readonly IndicatorUpdate[]): void {
    const byId = new Map(this.ctx.input.indicators.map((i) => [i.id, i]));
    const dirty = new Set<Indicator>();
    for (const c of changes) {
      const ind = byId.get(c.indicatorId);
      if (!ind) continue;
      this.ctx.replace(c.indicatorId, c.targets, c.justification);
      dirty.add(ind);
      for (const code of readersOf(ind.code)) {
        const reader = this.ctx.byCode.get(code);
        if (reader) dirty.add(reader);
      }
    }
    for (const ind of dirty) this.at.set(ind.id, findingsAt(this.ctx, ind));
  }

  /** Sorted by severity, then indicator order, then year — as runChecks. */
  findings(): Finding[] {
    const out: Finding[] = [];
    for (const severity of SEVERITIES) {
      for (const ind of this.ctx.input.indicators) {
        for (const f of this.at.get(ind.id) ?? []) if (f.severity === severity) out.push(f);
      }
    }
    return out;
  }
}

/** Runs every check; findings sorted by severity, then indicator order, then year. */
export function runChecks(input: CheckInput): Finding[] {
  return new CheckState(input).findings();
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The check definitions for a legend: id, severity, title and rule in both languages. */
export function checkCatalogue(): { id: string; severity: Severity; title: Words; rule: Words }[] {
  return CHECKS.map(({ id, severity, title, rule }) => ({ id, severity, title, rule }));
}
