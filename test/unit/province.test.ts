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
import { loosening, provinceReport, provinceTargets, sumOver, target2024, targetPath, weightedMean, type RegionInput } from '../../shared/model/province.js';

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
    indicators: {},
    illustrative: {},
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
    const refused = { file: 'x.rpjmd', reason: 'refused_not_workbook', message: 'x.rpjmd is not a workbook', params: {} };
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
    // What the page words each reason with.
    expect(r.excluded.map((e) => e.params)).toEqual([
      { region: 'D', period: '2019–2024', expected: '2018–2023' },
      { region: 'Kota Jambi', province: 'Jambi', expected: 'Sumatera Selatan' },
      {},
      { region: 'A' },
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

describe('the other standard indicators', () => {
  it('adds counts (JPM) and weights FGT indices (P1) by population', () => {
    // JPM 2020: 72.000 + 16.000 = 88.000 people over 2 regions.
    expect(sumOver([{ rate: { 2020: 72_000 }, population: { 2020: 600_000 } }, { rate: { 2020: 16_000 }, population: { 2020: 200_000 } }]).value).toEqual({ 2020: 88_000 });
    const a = region({ name: 'A', file: 'a.rpjmd', population: { 2020: 600_000 }, indicators: { P1: { realised: { 2020: 2 }, original: {}, revised: null }, JPM: { realised: { 2020: 72_000 }, original: {}, revised: null } } });
    const b = region({ name: 'B', file: 'b.rpjmd', population: { 2020: 200_000 }, indicators: { P1: { realised: { 2020: 1 }, original: {}, revised: null }, JPM: { realised: { 2020: 16_000 }, original: {}, revised: null } } });
    const r = provinceReport([a, b]);
    // P1: (2 × 600.000 + 1 × 200.000) ÷ 800.000 = 1.400.000 ÷ 800.000 = 1,75.
    expect(r.aggregate.indicators.P1!.realised.value['2020']).toBeCloseTo(1.75, 12);
    expect(r.aggregate.indicators.JPM!.realised.value['2020']).toBe(88_000);
    expect(r.aggregate.indicators.JPM!.realised.coverage['2020']).toBe(2);
    expect(r.aggregate.indicators.P0E).toBeUndefined();
  });
});

describe('loosening and the province\'s own targets', () => {
  it('names the loosest year of each region and sorts the loosest region first', () => {
    const x = region({ name: 'X', file: 'x.rpjmd', original: { 2021: 10, 2022: 9.5, 2023: 9 }, revised: { 2021: 10.5, 2022: 10.4, 2023: 8.9 } });
    // 2021 +0,50, 2022 +0,90 (the loosest), 2023 −0,10.
    expect(loosening(x)).toEqual({ name: 'X', file: 'x.rpjmd', year: 2022, original: 9.5, revised: 10.4, change: 0.9 });
    const y = region({ name: 'Y', file: 'y.rpjmd', original: { 2021: 12 }, revised: { 2021: 13.2 } });
    const z = region({ name: 'Z', file: 'z.rpjmd', original: { 2021: 12 }, revised: { 2021: 11.5 } });
    expect(loosening(z)).toBeNull();
    expect(provinceReport([x, y, z]).loosening.map((l) => [l.name, l.change])).toEqual([['Y', 1.2], ['X', 0.9]]);
    // Four loosening regions: all listed, the three loosest flagged (+1,20, +0,90, +0,60; not +0,10).
    const v = region({ name: 'V', file: 'v.rpjmd', original: { 2021: 12 }, revised: { 2021: 12.1 } });
    const w = region({ name: 'W', file: 'w.rpjmd', original: { 2021: 12 }, revised: { 2021: 12.6 } });
    const r = provinceReport([v, w, x, y, z]);
    expect(r.loosening.map((l) => l.name)).toEqual(['Y', 'X', 'W', 'V']);
    expect(r.flags.loosening.map((l) => l.name)).toEqual(['Y', 'X', 'W']);
  });

  it('checks the revised years of the aggregate target path against ≥ 1 pp a year and the 2021 range 9,9–10,78 %', () => {
    const target = { rate: { 2019: 12.5, 2020: 12, 2021: 10.8, 2022: 10.1, 2023: 9.1 }, coverage: { 2019: 2, 2020: 2, 2021: 2, 2022: 2, 2023: 1 }, population: {} };
    const realised = { rate: { 2020: 11.9 }, coverage: { 2020: 2 }, population: {} };
    const p = provinceTargets(target, realised, 2, 2021);
    // From 2021 only (2020 is no revised year). 2021 from the 2020 realisation: 11,9 − 10,8 = 1,1 ≥ 1;
    // 2022 from the 2021 target: 0,7 < 1; 2023: 1,0 (exactly 1 pp) but only 1 of 2 regions.
    expect(p.yearlyFall.map((f) => [f.year, f.fromSeries, Math.round(f.fall * 100) / 100, f.meets, f.complete])).toEqual([
      [2021, 'realised', 1.1, true, true],
      [2022, 'target', 0.7, false, true],
      [2023, 'target', 1, true, false],
    ]);
    // 10,80 is just above the range's 10,78.
    expect(p.range2021).toEqual({ year: 2021, low: 9.9, high: 10.78, value: 10.8, within: false, complete: true });
  });

  it('a realisation that covers only some regions is not the base of the fall', () => {
    const target = { rate: { 2021: 11, 2022: 10 }, coverage: { 2021: 2, 2022: 2 }, population: {} };
    const realised = { rate: { 2021: 12.5 }, coverage: { 2021: 1 }, population: {} };
    // 2022 from the 2021 target (11 − 10 = 1), not from a one-region realisation (12,5 − 10 = 2,5).
    expect(provinceTargets(target, realised, 2, 2022).yearlyFall.map((f) => [f.fromSeries, f.from])).toEqual([['target', 11]]);
  });
});
