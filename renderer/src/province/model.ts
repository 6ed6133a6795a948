/**
 * The province view's model (pure): the report of province.read (shared/model/province.ts) as
 * rows per region for one indicator, their flags as codes, filtering and ordering, and how much
 * of the province a year's aggregate covers. The renderer words and formats it; nothing here
 * computes a new figure — the aggregate and the flags are the report's own.
 */
import {
  AGGREGATION,
  GOVERNOR_TARGET,
  PROVINCE_INDICATORS,
  type Aggregate,
  type ProvinceIndicator,
  type ProvinceReport,
  type RegionInput,
  type RegionSeries,
  type YearMap,
} from '../../../shared/model/province.js';

export type FlagCode = 'not_below_10' | 'loosening' | 'failing_checks';
export const FLAG_CODES: readonly FlagCode[] = ['not_below_10', 'loosening', 'failing_checks'];
export type RegionKind = 'kabupaten' | 'kota' | 'other';

export interface RegionRow {
  name: string;
  file: string;
  kind: RegionKind;
  usulan: string | null;
  /** Any of the chosen indicator's series holds values marked ilustrasi (not published figures). */
  illustrative: boolean;
  /** Which of them: the realisations, the original targets (a scenario's revised targets carry no mark). */
  illustrativeSeries: ('realised' | 'original')[];
  /** The chosen indicator's series (empty maps when the workbook lacks the indicator). */
  series: RegionSeries;
  /** The 2024 P0 target the region is held to (revised, else original), null when it has none. */
  target2024: number | null;
  /** The largest revised − original P0 (pp) and its year; null when nowhere looser. */
  loosening: { change: number; year: number } | null;
  checkErrors: number;
  flags: FlagCode[];
}

/** Decimals an indicator is shown with: rates and indices two, counts of people none. */
export function decimalsOf(code: ProvinceIndicator): number {
  return AGGREGATION[code] === 'sum' ? 0 : 2;
}

/** "Kota Palembang" → kota, "Kabupaten Lahat" → kabupaten (the plan's own name says it). */
export function regionKind(name: string): RegionKind {
  if (/^kota\b/i.test(name.trim())) return 'kota';
  if (/^kab(upaten|\.)?\b/i.test(name.trim())) return 'kabupaten';
  return 'other';
}

/** A region's series of one indicator; P0 falls back to the report's P0 fields. */
export function seriesOf(r: RegionInput, code: ProvinceIndicator): RegionSeries {
  const own = r.indicators?.[code];
  if (own) return own;
  if (code === 'P0') return { realised: r.p0, original: r.original, revised: r.revised };
  return { realised: {}, original: {}, revised: null };
}

/** The indicators at least one region has, in the standard order (P0 always). */
export function availableIndicators(report: ProvinceReport): ProvinceIndicator[] {
  return PROVINCE_INDICATORS.filter((code) => code === 'P0' || report.regions.some((r) => r.indicators?.[code] !== undefined));
}

/** One row per region included in the aggregate, in the report's order, with its flags. */
export function regionRows(report: ProvinceReport, code: ProvinceIndicator): RegionRow[] {
  const below = new Map(report.flags.notBelowTenIn2024.map((f) => [f.file, f]));
  const failing = new Map(report.flags.failingChecks.map((f) => [f.file, f]));
  const loose = new Map(report.loosening.map((f) => [f.file, f]));
  const loosest = new Set(report.flags.loosening.map((f) => f.file));
  return report.regions.map((r) => {
    const flags: FlagCode[] = [];
    if (below.has(r.file)) flags.push('not_below_10');
    const l = loose.get(r.file);
    if (loosest.has(r.file)) flags.push('loosening');
    if (failing.has(r.file)) flags.push('failing_checks');
    const t = below.get(r.file);
    const target = t ? t.value : (r.revised?.[String(GOVERNOR_TARGET.year)] ?? r.original[String(GOVERNOR_TARGET.year)] ?? null);
    return {
      name: r.name,
      file: r.file,
      kind: regionKind(r.name),
      usulan: r.usulan,
      illustrative: (r.illustrative[code] ?? []).length > 0,
      illustrativeSeries: r.illustrative[code] ?? [],
      series: seriesOf(r, code),
      target2024: target,
      loosening: l ? { change: l.change, year: l.year } : null,
      checkErrors: r.checkErrors,
      flags,
    };
  });
}

/** Case- and accent-blind text for the region filter ("ogan" finds "Ogan Komering Ilir"). */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface RowFilter {
  text: string;
  onlyFlagged: boolean;
}

/** The rows whose region name (or file) holds every typed word, and only the flagged ones when asked. */
export function filterRows(rows: readonly RegionRow[], filter: RowFilter): RegionRow[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (filter.onlyFlagged && r.flags.length === 0) return false;
    const hay = fold(`${r.name} ${r.file}`);
    return words.every((w) => hay.includes(w));
  });
}

/**
 * Order of two cells of a column: numbers by value, text by Indonesian collation, and an empty
 * cell (null) after every value whichever way the column is sorted — a region without a figure
 * is never taken for the best or the worst.
 */
export function compareCells(a: number | string | null | undefined, b: number | string | null | undefined, descending = false): number {
  const an = a === null || a === undefined || (typeof a === 'number' && !Number.isFinite(a));
  const bn = b === null || b === undefined || (typeof b === 'number' && !Number.isFinite(b));
  if (an || bn) {
    if (an && bn) return 0;
    // ag-grid reverses the comparator's answer when descending: undo that for empties.
    return (an ? 1 : -1) * (descending ? -1 : 1);
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'id', { sensitivity: 'base', numeric: true });
}

/** Rows ordered by one column's value (for tests and any caller outside the grid). */
export function sortRows<T>(rows: readonly T[], value: (row: T) => number | string | null, direction: 'asc' | 'desc'): T[] {
  const desc = direction === 'desc';
  return [...rows].sort((x, y) => {
    const c = compareCells(value(x), value(y), desc);
    return desc ? -c : c;
  });
}

export interface Coverage {
  year: number;
  /** Regions the year's figure covers. */
  n: number;
  /** Regions in the aggregate. */
  total: number;
  /** complete: every region; partial: some (not comparable with the province); none: no region. */
  state: 'complete' | 'partial' | 'none';
}

export function coverageOf(agg: Aggregate | undefined, year: number, total: number): Coverage {
  const n = agg?.coverage[String(year)] ?? 0;
  return { year, n, total, state: n === 0 ? 'none' : n >= total && total > 0 ? 'complete' : 'partial' };
}

/** The i18n key and params that say a coverage: "17/17 wilayah", "1/17 wilayah — tidak sebanding", "tidak ada data". */
export function coverageWords(c: Coverage): { key: 'province.coverage.complete' | 'province.coverage.partial' | 'province.coverage.none'; params: { n: number; total: number } } {
  return { key: `province.coverage.${c.state}`, params: { n: c.n, total: c.total } };
}

/** The aggregate's value a year shows as the province's: only where every region is in it. */
export function provinceValue(agg: Aggregate | undefined, year: number, total: number): number | null {
  if (!agg) return null;
  return coverageOf(agg, year, total).state === 'complete' ? (agg.value[String(year)] ?? null) : null;
}

export interface IndicatorAggregate {
  realised: Aggregate;
  target: Aggregate;
}

/** The aggregate of one indicator; P0 from the report's P0 fields when the per-indicator map lacks it. */
export function aggregateOf(report: ProvinceReport, code: ProvinceIndicator): IndicatorAggregate | undefined {
  const own = report.aggregate.indicators?.[code];
  if (own) return own;
  if (code !== 'P0') return undefined;
  const a = report.aggregate;
  return {
    realised: { value: a.p0, coverage: a.coverage, population: a.population },
    target: { value: a.target.rate, coverage: a.target.coverage, population: a.target.population },
  };
}

/** The years the table shows: the plan's first year to the last year any region has a figure of the indicator. */
export function tableYears(report: ProvinceReport, code: ProvinceIndicator): number[] {
  if (!report.period) return [];
  let last = report.period.lastYear;
  const see = (m: YearMap | null) => {
    for (const y of Object.keys(m ?? {})) last = Math.max(last, Number(y));
  };
  for (const r of report.regions) {
    const s = seriesOf(r, code);
    see(s.realised);
    see(s.original);
    see(s.revised);
  }
  const years: number[] = [];
  for (let y = report.period.firstYear; y <= last; y++) years.push(y);
  return years;
}

/** A region's target path: revised where the usulan has one, else the original (as the aggregate takes it). */
export function targetOf(s: RegionSeries, year: number): number | null {
  const k = String(year);
  return s.revised?.[k] ?? s.original[k] ?? null;
}
