/**
 * The province's consolidated view of its regencies' workbooks (issue 18, item 1): pure.
 *
 * The provincial poverty rate is the population-weighted mean of its regions' rates, each
 * weighted by the population its own Susenas estimate uses (shared/model/population.ts, never
 * the census):  P0(year) = Σ P0ₖ × popₖ ÷ Σ popₖ, over the regions that have both that year
 * (the coverage says how many). Rates stay in percent as workbooks store them (12,32 → 12.32).
 *
 * Which workbooks belong together: the province and plan period most of the readable workbooks
 * name (ties: the first file by name); a workbook of another province or plan period is listed
 * with its reason and left out, as is a second workbook of a region already taken.
 */

/** Year → value; JSON-friendly (keys are years as strings). */
export type YearMap = Record<string, number>;

/**
 * The standard poverty indicators the province reads beside P0, and how each adds up over the
 * regions. P0, P0E, P1 and P2 are Foster–Greer–Thorbecke measures, which are additively
 * decomposable by population share: the province's value is exactly Σ vₖ × popₖ ÷ Σ popₖ with each
 * region's own Susenas population. JPM and JPME are counts of people: they add up. (Indices such
 * as IPM or Gini, and rates over another base such as TPT's labour force, do not aggregate this
 * way, so the province view leaves them out rather than show a wrong mean.)
 */
export const PROVINCE_INDICATORS = ['P0', 'P0E', 'P1', 'P2', 'JPM', 'JPME'] as const;
export type ProvinceIndicator = (typeof PROVINCE_INDICATORS)[number];
export const AGGREGATION: Readonly<Record<ProvinceIndicator, 'weighted' | 'sum'>> = {
  P0: 'weighted',
  P0E: 'weighted',
  P1: 'weighted',
  P2: 'weighted',
  JPM: 'sum',
  JPME: 'sum',
};

/** One indicator of one region: realisations, original targets, the usulan's revised targets. */
export interface RegionSeries {
  realised: YearMap;
  original: YearMap;
  /** null when the workbook has no usulan. */
  revised: YearMap | null;
}

export interface RegionInput {
  /** The region as its plan names it ("Kabupaten Muara Enim"). */
  name: string;
  /** The file's name in the folder. */
  file: string;
  province: string;
  firstYear: number;
  lastYear: number;
  /** The RPKD/RPD horizon (the plan's last year when none). */
  horizonYear: number;
  /** The Susenas population the region's rate ↔ count uses, by year. */
  population: YearMap;
  /** P0 realisations, by year (percent). */
  p0: YearMap;
  /** P0 original targets (target awal), by year. */
  original: YearMap;
  /** P0 revised targets of the usulan scenario, by year; null when the workbook has no usulan. */
  revised: YearMap | null;
  /** The usulan's name, when there is one. */
  usulan: string | null;
  /** Error-level findings of the workbook's own checks on its usulan (0 without one). */
  checkErrors: number;
  /** Every standard poverty indicator the workbook has (P0 included, the same numbers as above). */
  indicators: Partial<Record<ProvinceIndicator, RegionSeries>>;
  /**
   * Which series of which indicators hold values marked ilustrasi (not published figures), e.g.
   * the demo Muara Enim's original targets { P0: ['original'] } while its realisations are sourced.
   * (A scenario's revised targets carry no such mark.)
   */
  illustrative: Partial<Record<ProvinceIndicator, ('realised' | 'original')[]>>;
}

export interface Excluded {
  file: string;
  /** A store refusal code (refused_newer, refused_corrupt, refused_not_workbook, …) or other_province, other_plan_period, duplicate_region. */
  reason: string;
  message: string;
  /**
   * What the page words the reason with: other_province { region, province, expected },
   * other_plan_period { region, period, expected }, duplicate_region { region }, refused_newer
   * { fileVersion, supportedVersion } (a store refusal's own params).
   */
  params: Record<string, string | number>;
}

export interface AggregateSeries {
  /** Year → Σ rateₖ × popₖ ÷ Σ popₖ (percent). */
  rate: YearMap;
  /** Year → how many regions the year's figure covers. */
  coverage: Record<string, number>;
  /** Year → Σ popₖ of the covered regions. */
  population: YearMap;
}

/** An indicator added up over the regions: the weighted mean (rates, indices) or the sum (counts). */
export interface Aggregate {
  value: YearMap;
  /** Year → how many regions the year's figure covers. */
  coverage: Record<string, number>;
  /** Year → Σ popₖ of the covered regions (the weights; for a sum, the regions' population too). */
  population: YearMap;
}

/** A region whose revised P0 target is looser (higher) than its original one, at its loosest year. */
export interface Loosening {
  name: string;
  file: string;
  year: number;
  original: number;
  revised: number;
  /** revised − original, in percentage points (> 0). */
  change: number;
}

/** The aggregate target path's fall from one year to the next against the province's ≥ 1 pp a year. */
export interface YearlyFall {
  year: number;
  /** The year before: its realisation when every region has one, else its target. */
  from: number;
  fromSeries: 'realised' | 'target';
  to: number;
  /** from − to, in percentage points. */
  fall: number;
  meets: boolean;
  /** Whether both years' aggregates cover every region read; a partial year is not comparable. */
  complete: boolean;
}

/** The province's own targets checked on the aggregate target path (../shared/data/sumatera-selatan.md). */
export interface ProvinceTargets {
  /** The province's rate falling at least 1 pp a year, over the revised years (from the first year any region revised). */
  yearlyFall: YearlyFall[];
  /** The provincial 2021 target 9,9–10,78 %. */
  range2021: { year: number; low: number; high: number; value: number | null; within: boolean | null; complete: boolean };
}

export interface ProvinceFlags {
  /** Regions whose 2024 P0 (revised, else original, within their horizon) is not below 10 %, or that have none. */
  notBelowTenIn2024: { name: string; file: string; value: number | null; from: 'revised' | 'original' | null }[];
  /** Regions whose workbook fails its own error-level checks (on its usulan). */
  failingChecks: { name: string; file: string; errors: number }[];
  /** The regions that loosen MOST: the first LOOSEST_FLAGGED of the report's `loosening` (ties by file name). */
  loosening: Loosening[];
}

export interface ProvinceReport {
  province: string | null;
  period: { firstYear: number; lastYear: number } | null;
  regions: RegionInput[];
  aggregate: {
    /** Realisations. */
    p0: YearMap;
    coverage: Record<string, number>;
    population: YearMap;
    /** Targets: each region's revised target, else its original one. */
    target: AggregateSeries;
    /** Every standard poverty indicator, realisations and targets (revised, else original). */
    indicators: Partial<Record<ProvinceIndicator, { realised: Aggregate; target: Aggregate }>>;
  };
  excluded: Excluded[];
  /** Every region whose revised P0 is looser than its original in some year, the loosest first. */
  loosening: Loosening[];
  flags: ProvinceFlags;
  provinceTargets: ProvinceTargets;
}

/** The Governor's target for every regency: P0 below 10 % by 2024. */
export const GOVERNOR_TARGET = { year: 2024, below: 10 } as const;
/**
 * How many of the loosest regions are flagged. Every loosening is shown (a column, sortable); the
 * flag singles out the few an evaluator reads first — with most regions loosening after COVID-19,
 * a flag on every one of them would say nothing.
 */
export const LOOSEST_FLAGGED = 3;
/** The province's own targets for its rate: falling at least 1 pp a year; 9,9–10,78 % in 2021. */
export const PROVINCE_TARGETS = { yearlyFallPp: 1, range: { year: 2021, low: 9.9, high: 10.78 } } as const;

/** Σ vₖ over the regions that have the year (a count's province total), with coverage. */
export function sumOver(regions: readonly { rate: YearMap; population: YearMap }[]): Aggregate {
  const sums = new Map<string, { total: number; population: number; n: number }>();
  for (const r of regions) {
    for (const [year, v] of Object.entries(r.rate)) {
      if (!Number.isFinite(v)) continue;
      const s = sums.get(year) ?? { total: 0, population: 0, n: 0 };
      s.total += v;
      s.population += r.population[year] ?? 0;
      s.n += 1;
      sums.set(year, s);
    }
  }
  const out: Aggregate = { value: {}, coverage: {}, population: {} };
  for (const year of [...sums.keys()].sort()) {
    const s = sums.get(year)!;
    out.value[year] = s.total;
    out.coverage[year] = s.n;
    out.population[year] = s.population;
  }
  return out;
}

const asAggregate = (a: AggregateSeries): Aggregate => ({ value: a.rate, coverage: a.coverage, population: a.population });

/** The first year any region's usulan revises P0 (the revision's first year), or null. */
export function firstRevisedYear(regions: readonly RegionInput[]): number | null {
  const years = regions.flatMap((r) => Object.keys(r.revised ?? {}).filter((y) => r.revised![y] !== r.original[y]).map(Number));
  return years.length === 0 ? null : Math.min(...years);
}

/** The loosest year of a region's revised P0 against its original, or null when nowhere looser. */
export function loosening(r: RegionInput): Loosening | null {
  let worst: Loosening | null = null;
  for (const [year, revised] of Object.entries(r.revised ?? {})) {
    const original = r.original[year];
    if (original === undefined) continue;
    // Rounded to the hundredth the figures are kept in, so 0,1 + 0,2 noise never flags a region.
    const change = Math.round((revised - original) * 100) / 100;
    if (change > 0 && (worst === null || change > worst.change)) worst = { name: r.name, file: r.file, year: Number(year), original, revised, change };
  }
  return worst;
}

/**
 * The province's own targets on the aggregate target path; a year is complete when every region
 * read is in it. The yearly fall is checked over the revised years (from `fromYear`, the first
 * year any region revised): each year against the year before — its realisation when every region
 * has one (the revision starts from what happened), else its target.
 */
export function provinceTargets(target: AggregateSeries, realised: AggregateSeries, regionCount: number, fromYear: number | null): ProvinceTargets {
  const complete = (a: AggregateSeries, year: string) => regionCount > 0 && a.coverage[year] === regionCount;
  const years = Object.keys(target.rate).map(Number).sort((a, b) => a - b);
  const yearlyFall: YearlyFall[] = [];
  for (const year of years) {
    if (fromYear === null || year < fromYear) continue;
    const before = String(year - 1);
    const useRealised = realised.rate[before] !== undefined && complete(realised, before);
    const from = useRealised ? realised.rate[before]! : target.rate[before];
    const to = target.rate[String(year)]!;
    if (from === undefined) continue;
    const fall = from - to;
    yearlyFall.push({
      year,
      from,
      fromSeries: useRealised ? 'realised' : 'target',
      to,
      fall,
      // Compared at the hundredth the rates are published in.
      meets: Math.round(fall * 100) >= PROVINCE_TARGETS.yearlyFallPp * 100,
      complete: (useRealised || complete(target, before)) && complete(target, String(year)),
    });
  }
  const { year, low, high } = PROVINCE_TARGETS.range;
  const value = target.rate[String(year)] ?? null;
  return {
    yearlyFall,
    range2021: { year, low, high, value, within: value === null ? null : value >= low && value <= high, complete: complete(target, String(year)) },
  };
}

/** Σ rateₖ × popₖ ÷ Σ popₖ per year over the regions that have both. */
export function weightedMean(regions: readonly { rate: YearMap; population: YearMap }[]): AggregateSeries {
  const sums = new Map<string, { weighted: number; population: number; n: number }>();
  for (const r of regions) {
    for (const [year, rate] of Object.entries(r.rate)) {
      const pop = r.population[year];
      if (pop === undefined || !(pop > 0) || !Number.isFinite(rate)) continue;
      const s = sums.get(year) ?? { weighted: 0, population: 0, n: 0 };
      s.weighted += rate * pop;
      s.population += pop;
      s.n += 1;
      sums.set(year, s);
    }
  }
  const out: AggregateSeries = { rate: {}, coverage: {}, population: {} };
  for (const year of [...sums.keys()].sort()) {
    const s = sums.get(year)!;
    out.rate[year] = s.weighted / s.population;
    out.coverage[year] = s.n;
    out.population[year] = s.population;
  }
  return out;
}

/** A region's target per year: revised where the usulan has one, else the original. */
export function targetPath(r: Pick<RegionInput, 'original' | 'revised'>): YearMap {
  return { ...r.original, ...(r.revised ?? {}) };
}

/** The 2024 P0 target a region is held to (revised, else original), when within its horizon. */
export function target2024(r: RegionInput): { value: number | null; from: 'revised' | 'original' | null } {
  const year = String(GOVERNOR_TARGET.year);
  if (GOVERNOR_TARGET.year > r.horizonYear) return { value: null, from: null };
  const revised = r.revised?.[year];
  if (revised !== undefined) return { value: revised, from: 'revised' };
  const original = r.original[year];
  if (original !== undefined) return { value: original, from: 'original' };
  return { value: null, from: null };
}

/**
 * The consolidated report: picks the province and plan period, leaves out the workbooks that do
 * not belong (with their reason), aggregates and flags.
 */
export function provinceReport(read: readonly RegionInput[], refused: readonly Excluded[] = []): ProvinceReport {
  const sorted = [...read].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const groups = new Map<string, { count: number; first: RegionInput }>();
  for (const r of sorted) {
    const key = JSON.stringify([r.province, r.firstYear, r.lastYear]);
    const g = groups.get(key);
    if (g) g.count += 1;
    else groups.set(key, { count: 1, first: r });
  }
  let chosen: RegionInput | null = null;
  let best = 0;
  for (const g of groups.values()) {
    if (g.count > best) {
      best = g.count;
      chosen = g.first;
    }
  }
  const excluded: Excluded[] = [...refused];
  const regions: RegionInput[] = [];
  const names = new Set<string>();
  for (const r of sorted) {
    if (chosen && r.province !== chosen.province) {
      excluded.push({
        file: r.file,
        reason: 'other_province',
        message: `${r.file}: ${r.name} is in ${r.province}, not ${chosen.province}`,
        params: { region: r.name, province: r.province, expected: chosen.province },
      });
    } else if (chosen && (r.firstYear !== chosen.firstYear || r.lastYear !== chosen.lastYear)) {
      excluded.push({
        file: r.file,
        reason: 'other_plan_period',
        message: `${r.file}: its plan is ${r.firstYear}–${r.lastYear}, not ${chosen.firstYear}–${chosen.lastYear}`,
        params: { region: r.name, period: `${r.firstYear}–${r.lastYear}`, expected: `${chosen.firstYear}–${chosen.lastYear}` },
      });
    } else if (names.has(r.name)) {
      excluded.push({ file: r.file, reason: 'duplicate_region', message: `${r.file}: ${r.name} is already in the aggregate from another file`, params: { region: r.name } });
    } else {
      names.add(r.name);
      regions.push(r);
    }
  }
  excluded.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const realised = weightedMean(regions.map((r) => ({ rate: r.p0, population: r.population })));
  const target = weightedMean(regions.map((r) => ({ rate: targetPath(r), population: r.population })));
  const loosest = regions
    .map(loosening)
    .filter((l): l is Loosening => l !== null)
    .sort((a, b) => b.change - a.change || (a.file < b.file ? -1 : 1));
  const flags: ProvinceFlags = {
    notBelowTenIn2024: regions.flatMap((r) => {
      const t = target2024(r);
      return t.value !== null && t.value < GOVERNOR_TARGET.below ? [] : [{ name: r.name, file: r.file, ...t }];
    }),
    failingChecks: regions.filter((r) => r.checkErrors > 0).map((r) => ({ name: r.name, file: r.file, errors: r.checkErrors })),
    loosening: loosest.slice(0, LOOSEST_FLAGGED),
  };
  const indicators: ProvinceReport['aggregate']['indicators'] = {};
  for (const code of PROVINCE_INDICATORS) {
    const having = regions.filter((r) => r.indicators[code] !== undefined);
    if (having.length === 0) continue;
    const of = (pick: (s: RegionSeries) => YearMap) => having.map((r) => ({ rate: pick(r.indicators[code]!), population: r.population }));
    const add = (rs: { rate: YearMap; population: YearMap }[]) => (AGGREGATION[code] === 'sum' ? sumOver(rs) : asAggregate(weightedMean(rs)));
    indicators[code] = { realised: add(of((x) => x.realised)), target: add(of(targetPath)) };
  }
  return {
    province: chosen?.province ?? null,
    period: chosen ? { firstYear: chosen.firstYear, lastYear: chosen.lastYear } : null,
    regions,
    aggregate: { p0: realised.rate, coverage: realised.coverage, population: realised.population, target, indicators },
    excluded,
    loosening: loosest,
    flags,
    provinceTargets: provinceTargets(target, realised, regions.length, firstRevisedYear(regions)),
  };
}
