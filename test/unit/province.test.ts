/**
 * The province's aggregate (shared/model/province.ts) on hand-computed numbers.
 *
 * Three regions, 2020:
 *   A 12,00 % of 600.000, B 8,00 % of 200.000, C 20,00 % of 200.000
 *   Σ P0 × pop = 72.000 + 16.000 + 40.000 = 128.000 (in % × people); Σ pop = 1.000.000
 *   → 12,80 %, 3 regions.
 * 2021: C has no P0 → (12 × 600.000 + 9 × 200.000) ÷ 800.000 = (7.200.000 + 1.800.000) ÷ 800.000 = 11,25 %, 2 regions.
 * 2022: B has a P0 but no population → A alone, 11,00 %, 1 region.
 */
import { describe, expect, it } from 'vitest';
import { provinceReport, target2024, targetPath, weightedMean, type RegionInput } from '../../shared/model/province.js';

function region(over: Partial<RegionInput> & Pick<RegionInput, 'name' | 'file'>): RegionInput {
  return {
    province: 'Sumatera Selatan',
    firstYear: 2018,
    lastYear: 2023,
    horizonYear: 2026,
    population: {},
    p0: {},
    original: {},
    revised: null,
    usulan: null,
    checkErrors: 0,
    ...over,
  };
}

const A = region({ name: 'A', file: 'a.rpjmd', population: { 2020: 600_000, 2021: 600_000, 2022: 600_000 }, p0: { 2020: 12, 2021: 12, 2022: 11 } });
const B = region({ name: 'B', file: 'b.rpjmd', population: { 2020: 200_000, 2021: 200_000 }, p0: { 2020: 8, 2021: 9, 2022: 7 } });
const C = region({ name: 'C', file: 'c.rpjmd', population: { 2020: 200_000, 2021: 200_000 }, p0: { 2020: 20 } });

describe('weightedMean', () => {
  it('weights each rate by its population, per year, over the regions that have both', () => {
    const m = weightedMean([A, B, C].map((r) => ({ rate: r.p0, population: r.population })));
    expect(m.rate['2020']).toBeCloseTo(12.8, 12);
    expect(m.coverage['2020']).toBe(3);
    expect(m.population['2020']).toBe(1_000_000);
    expect(m.rate['2021']).toBeCloseTo(11.25, 12);
    expect(m.coverage['2021']).toBe(2);
    expect(m.rate['2022']).toBeCloseTo(11, 12);
    expect(m.coverage['2022']).toBe(1);
  });

  it('is not the plain mean of the rates', () => {
    const m = weightedMean([A, C].map((r) => ({ rate: r.p0, population: r.population })));
    // (12 × 600.000 + 20 × 200.000) ÷ 800.000 = 14, where the plain mean is 16.
    expect(m.rate['2020']).toBeCloseTo(14, 12);
  });
});

describe('targets and the 2024 flag', () => {
  it('takes the revised target where there is one, else the original', () => {
    const r = region({ name: 'R', file: 'r.rpjmd', original: { 2023: 10.5, 2024: 9.9 }, revised: { 2024: 11 } });
    expect(targetPath(r)).toEqual({ 2023: 10.5, 2024: 11 });
    expect(target2024(r)).toEqual({ value: 11, from: 'revised' });
    expect(target2024({ ...r, revised: null })).toEqual({ value: 9.9, from: 'original' });
    expect(target2024({ ...r, horizonYear: 2023 })).toEqual({ value: null, from: null });
  });

  it('flags regions not below 10 % in 2024 (or without a 2024 target) and those failing their checks', () => {
    const ok = region({ name: 'Ok', file: 'ok.rpjmd', revised: { 2024: 9.99 } });
    const at = region({ name: 'At', file: 'at.rpjmd', revised: { 2024: 10 } });
    const none = region({ name: 'None', file: 'none.rpjmd', checkErrors: 2 });
    const r = provinceReport([ok, at, none]);
    expect(r.flags.notBelowTenIn2024.map((f) => f.name)).toEqual(['At', 'None']);
    expect(r.flags.failingChecks).toEqual([{ name: 'None', file: 'none.rpjmd', errors: 2 }]);
  });
});

describe('provinceReport', () => {
  it('aggregates the majority province and plan period, listing the others with their reason', () => {
    const other = region({ name: 'Kota Jambi', file: 'jambi.rpjmd', province: 'Jambi', population: { 2020: 1e6 }, p0: { 2020: 50 } });
    const period = region({ name: 'D', file: 'd.rpjmd', firstYear: 2019, lastYear: 2024, population: { 2020: 1e6 }, p0: { 2020: 50 } });
    const dup = region({ name: 'A', file: 'z-copy.rpjmd', population: { 2020: 1e6 }, p0: { 2020: 50 } });
    const refused = { file: 'x.rpjmd', reason: 'refused_not_workbook', message: 'x.rpjmd is not a workbook' };
    const r = provinceReport([C, other, B, period, A, dup], [refused]);
    expect(r.province).toBe('Sumatera Selatan');
    expect(r.period).toEqual({ firstYear: 2018, lastYear: 2023 });
    expect(r.regions.map((x) => x.name)).toEqual(['A', 'B', 'C']);
    expect(r.excluded.map((e) => [e.file, e.reason])).toEqual([
      ['d.rpjmd', 'other_plan_period'],
      ['jambi.rpjmd', 'other_province'],
      ['x.rpjmd', 'refused_not_workbook'],
      ['z-copy.rpjmd', 'duplicate_region'],
    ]);
    expect(r.aggregate.p0['2020']).toBeCloseTo(12.8, 12);
    expect(r.aggregate.coverage['2020']).toBe(3);
  });

  it('aggregates the target path (revised, else original)', () => {
    const a = { ...A, original: { 2023: 10 }, revised: { 2023: 12 } };
    const b = { ...B, population: { 2023: 200_000 }, original: { 2023: 8 } };
    const withPop = { ...a, population: { 2023: 600_000 } };
    const r = provinceReport([withPop, b]);
    // (12 × 600.000 + 8 × 200.000) ÷ 800.000 = 11
    expect(r.aggregate.target.rate['2023']).toBeCloseTo(11, 12);
    expect(r.aggregate.target.coverage['2023']).toBe(2);
  });

  it('an empty folder gives an empty report', () => {
    const r = provinceReport([]);
    expect(r.province).toBeNull();
    expect(r.aggregate.p0).toEqual({});
  });
});
