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
}

export interface Excluded {
  file: string;
  /** A store refusal code (refused_newer, refused_corrupt, refused_not_workbook, …) or other_province, other_plan_period, duplicate_region. */
  reason: string;
  message: string;
}

export interface AggregateSeries {
  /** Year → Σ rateₖ × popₖ ÷ Σ popₖ (percent). */
  rate: YearMap;
  /** Year → how many regions the year's figure covers. */
  coverage: Record<string, number>;
  /** Year → Σ popₖ of the covered regions. */
  population: YearMap;
}

export interface ProvinceFlags {
  /** Regions whose 2024 P0 (revised, else original, within their horizon) is not below 10 %, or that have none. */
  notBelowTenIn2024: { name: string; file: string; value: number | null; from: 'revised' | 'original' | null }[];
  /** Regions whose workbook fails its own error-level checks (on its usulan). */
  failingChecks: { name: string; file: string; errors: number }[];
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
  };
  excluded: Excluded[];
  flags: ProvinceFlags;
}

/** The Governor's target for every regency: P0 below 10 % by 2024. */
export const GOVERNOR_TARGET = { year: 2024, below: 10 } as const;

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
      excluded.push({ file: r.file, reason: 'other_province', message: `${r.file}: ${r.name} is in ${r.province}, not ${chosen.province}` });
    } else if (chosen && (r.firstYear !== chosen.firstYear || r.lastYear !== chosen.lastYear)) {
      excluded.push({
        file: r.file,
        reason: 'other_plan_period',
        message: `${r.file}: its plan is ${r.firstYear}–${r.lastYear}, not ${chosen.firstYear}–${chosen.lastYear}`,
      });
    } else if (names.has(r.name)) {
      excluded.push({ file: r.file, reason: 'duplicate_region', message: `${r.file}: ${r.name} is already in the aggregate from another file` });
    } else {
      names.add(r.name);
      regions.push(r);
    }
  }
  excluded.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const realised = weightedMean(regions.map((r) => ({ rate: r.p0, population: r.population })));
  const target = weightedMean(regions.map((r) => ({ rate: targetPath(r), population: r.population })));
  const flags: ProvinceFlags = {
    notBelowTenIn2024: regions.flatMap((r) => {
      const t = target2024(r);
      return t.value !== null && t.value < GOVERNOR_TARGET.below ? [] : [{ name: r.name, file: r.file, ...t }];
    }),
    failingChecks: regions.filter((r) => r.checkErrors > 0).map((r) => ({ name: r.name, file: r.file, errors: r.checkErrors })),
  };
  return {
    province: chosen?.province ?? null,
    period: chosen ? { firstYear: chosen.firstYear, lastYear: chosen.lastYear } : null,
    regions,
    aggregate: { p0: realised.rate, coverage: realised.coverage, population: realised.population, target },
    excluded,
    flags,
  };
}
