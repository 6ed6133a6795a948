/**
 * The population BPS poverty figures use (issue "Numbers a reviewer can trust", item 2): the one
 * home of which population turns a poverty rate into a count and back.
 *
 * BPS's poverty figures are Susenas estimates weighted to BPS's population projection, not to
 * the census: 12,32 % and 79.270 poor (Muara Enim 2020) imply 643.425 people, where SP2020
 * counted 612.900. So, for each year, in this order:
 *   1. projection — POP in the 'projection' series, entered by the planner with its source;
 *   2. implied    — count ÷ (rate ÷ 100) of a published pair in the same year (P0 with JPM,
 *                   else P0E with JPME, realisations), rounded to whole people;
 *   3. carried    — the nearest year that has 1 or 2, carried at the region's population growth.
 * The growth is the average annual rate between the earliest and latest years that have 1 or 2,
 * else between the census ('realisation' POP) years, else 0 (carried flat) — each is named
 * (`growthBasis`) so the app can say which it used. The census stays a series of its own.
 */
import { RATE_COUNT_PAIRS } from '../domain.js';

export type PopulationBasis = 'projection' | 'implied' | 'carried';
export type GrowthBasis = 'susenas' | 'census' | 'none';

export interface PopulationYear {
  value: number;
  basis: PopulationBasis;
  /** For 'carried': the year it was carried from. */
  from?: number;
}

export interface SusenasPopulation {
  byYear: ReadonlyMap<number, PopulationYear>;
  /** Average annual growth used to carry (0,012 = 1,2 % a year). */
  growth: number;
  growthBasis: GrowthBasis;
}

export interface PopulationInput {
  years: readonly number[];
  /** POP in the 'projection' series, by year. */
  projection: ReadonlyMap<number, number>;
  /** POP in the 'realisation' series (the census), by year. */
  census: ReadonlyMap<number, number>;
  /** Realisations by indicator code and year (P0, JPM, P0E, JPME are read). */
  realisation: (code: string, year: number) => number | undefined;
}

/** count ÷ (rate ÷ 100), whole people; undefined when the pair cannot imply one. */
export function impliedPopulation(rate: number | undefined, count: number | undefined): number | undefined {
  if (rate === undefined || count === undefined || !(rate > 0) || !(count > 0)) return undefined;
  return Math.round(count / (rate / 100));
}

function averageGrowth(points: readonly [number, number][]): number | null {
  if (points.length < 2) return null;
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const [y0, v0] = sorted[0]!;
  const [y1, v1] = sorted[sorted.length - 1]!;
  if (y1 === y0 || v0 <= 0 || v1 <= 0) return null;
  return (v1 / v0) ** (1 / (y1 - y0)) - 1;
}

export function susenasPopulation(input: PopulationInput): SusenasPopulation {
  const known = new Map<number, PopulationYear>();
  const allYears = new Set<number>([...input.years, ...input.projection.keys()]);
  for (const year of [...allYears].sort((a, b) => a - b)) {
    const projected = input.projection.get(year);
    if (projected !== undefined && projected > 0) {
      known.set(year, { value: projected, basis: 'projection' });
      continue;
    }
    for (const pair of RATE_COUNT_PAIRS) {
      const implied = impliedPopulation(input.realisation(pair.rate, year), input.realisation(pair.count, year));
      if (implied !== undefined) {
        known.set(year, { value: implied, basis: 'implied' });
        break;
      }
    }
  }
  let growth = averageGrowth([...known].map(([y, p]) => [y, p.value]));
  let growthBasis: GrowthBasis = 'susenas';
  if (growth === null) {
    growth = averageGrowth([...input.census]);
    growthBasis = growth === null ? 'none' : 'census';
  }
  const g = growth ?? 0;
  const byYear = new Map(known);
  if (known.size > 0) {
    for (const year of input.years) {
      if (byYear.has(year)) continue;
      let from = -1;
      for (const y of known.keys()) if (from < 0 || Math.abs(y - year) < Math.abs(from - year) || (Math.abs(y - year) === Math.abs(from - year) && y < from)) from = y;
      const base = known.get(from)!.value;
      byYear.set(year, { value: Math.round(base * (1 + g) ** (year - from)), basis: 'carried', from });
    }
  }
  return { byYear, growth: g, growthBasis };
}
