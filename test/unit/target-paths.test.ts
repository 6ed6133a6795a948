import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelErrorCode } from '../../shared/model/errors.js';
import {
  cagrPath,
  compoundRate,
  constantChangePath,
  DEFAULT_GROWTH_ELASTICITY,
  elasticityPath,
  estimateElasticity,
  linearPath,
  MAX_PATH_YEARS,
  shockRecoveryPath,
  targetPath,
  type YearValue,
} from '../../shared/model/target-paths.js';

const modelError = (code: ModelErrorCode) => expect.objectContaining({ name: 'ModelError', code });

/** Checks years exactly and values to 10 decimals (the hand-worked literals carry 12+). */
function expectPath(actual: YearValue[], expected: [number, number][]): void {
  expect(actual.map((p) => p.year)).toEqual(expected.map(([y]) => y));
  expected.forEach(([, v], i) => expect(actual[i]?.value).toBeCloseTo(v, 10));
}

describe('linearPath', () => {
  it('goes from the anchor year (excluded) to the end value in equal steps', () => {
    // 12,32 (2020) → 10,00 (2023): step = (10 − 12.32)/3 = −0.773333…
    // 2021 = 12.32 − 0.773333… = 11.546666…; 2022 = 12.32 − 1.546666… = 10.773333…; 2023 = 10
    const path = linearPath({ startValue: 12.32, endValue: 10, fromYear: 2021, toYear: 2023 });
    expectPath(path, [
      [2021, 11.546666666666667],
      [2022, 10.773333333333333],
      [2023, 10],
    ]);
  });

  it('lands exactly on the end value', () => {
    // 0.1 + (0.3 − 0.1)·1 is 0.30000000000000004 in floating point; the end must be exact.
    const path = linearPath({ startValue: 0.1, endValue: 0.3, fromYear: 2021, toYear: 2021 });
    expect(path).toEqual([{ year: 2021, value: 0.3 }]);
  });

  it('accepts an earlier anchor and fills only the range', () => {
    // Muara Enim has no 2021 rate: anchor 12,32 in 2020, fill 2022..2023 towards 10,00 in 2023.
    // 2022 = 12.32 − 2·2.32/3 = 10.773333…
    const path = linearPath({ startYear: 2020, startValue: 12.32, endValue: 10, fromYear: 2022, toYear: 2023 });
    expectPath(path, [
      [2022, 10.773333333333333],
      [2023, 10],
    ]);
  });

  it('rises as well as falls', () => {
    // IPM 68,86 (2021) → 70,00 (2023): 2022 = 68.86 + 1.14/2 = 69.43
    expectPath(linearPath({ startValue: 68.86, endValue: 70, fromYear: 2022, toYear: 2023 }), [
      [2022, 69.43],
      [2023, 70],
    ]);
  });
});

describe('constantChangePath', () => {
  it('applies the Sumsel governor’s −1 pp a year', () => {
    // 12,32 (2020), d = −1: 2021 = 11.32, 2022 = 10.32, 2023 = 9.32, 2024 = 8.32
    expectPath(constantChangePath({ startValue: 12.32, changePerYear: -1, fromYear: 2021, toYear: 2024 }), [
      [2021, 11.32],
      [2022, 10.32],
      [2023, 9.32],
      [2024, 8.32],
    ]);
  });

  it('floors a rate at zero only when asked', () => {
    // extreme poverty 1,52 (2021), d = −0.6: 2022 = 0.92, 2023 = 0.32, 2024 = 1.52 − 1.8 = −0.28
    const input = { startValue: 1.52, changePerYear: -0.6, fromYear: 2022, toYear: 2024 };
    expectPath(constantChangePath(input), [
      [2022, 0.92],
      [2023, 0.32],
      [2024, -0.28],
    ]);
    expectPath(constantChangePath({ ...input, floorAtZero: true }), [
      [2022, 0.92],
      [2023, 0.32],
      [2024, 0],
    ]);
  });

  it('counts the change from an earlier anchor', () => {
    // anchor 2020 = 12.32, d = −0.5, range 2022..2022: 12.32 − 0.5·2 = 11.32
    expectPath(constantChangePath({ startYear: 2020, startValue: 12.32, changePerYear: -0.5, fromYear: 2022, toYear: 2022 }), [[2022, 11.32]]);
  });
});

describe('compoundRate and cagrPath', () => {
  it('gives the constant relative change between two values', () => {
    // 100 → 121 in 2 years: r = √1.21 − 1 = 0.1
    expect(compoundRate(100, 121, 2)).toBeCloseTo(0.1, 12);
    // 12,32 → 10,00 in 3 years: 10/12.32 = 0.8116883…, cube root 0.9328170 (0.932817³ = 0.811688), r = −0.0671830
    expect(compoundRate(12.32, 10, 3)).toBeCloseTo(-0.0671830461915055, 12);
  });

  it('compounds yearly from the anchor and lands on the end value', () => {
    // 100 (2020) → 121 (2022): 2021 = 100·1.1 = 110, 2022 = 121
    expectPath(cagrPath({ startValue: 100, endValue: 121, fromYear: 2021, toYear: 2022 }), [
      [2021, 110],
      [2022, 121],
    ]);
    // 12,32 (2020) → 10,00 (2023), factor 0.9328169538:
    // 2021 = 12.32·0.9328169538 = 11.4923048709; 2022 = 11.4923048709·0.9328169538 = 10.7202168219; 2023 = 10
    const path = cagrPath({ startValue: 12.32, endValue: 10, fromYear: 2021, toYear: 2023 });
    expectPath(path, [
      [2021, 11.492304870920652],
      [2022, 10.720216821930727],
      [2023, 10],
    ]);
    expect(path[2]?.value).toBe(10);
  });

  it('refuses a start at or below zero and an end below or at zero, each with its own code', () => {
    const range = { fromYear: 2021, toYear: 2024 };
    expect(() => cagrPath({ ...range, startValue: 0, endValue: 1 })).toThrow(modelError('cagr_start_not_positive'));
    expect(() => cagrPath({ ...range, startValue: -1, endValue: 1 })).toThrow(modelError('cagr_start_not_positive'));
    expect(() => cagrPath({ ...range, startValue: 4.44, endValue: -0.1 })).toThrow(modelError('cagr_end_negative'));
    // Inpres 4/2022's 0 % extreme poverty in 2024 cannot be reached by a constant relative change.
    expect(() => cagrPath({ ...range, startValue: 4.44, endValue: 0 })).toThrow(modelError('cagr_end_zero'));
    expect(() => cagrPath({ ...range, startValue: 4.44, endValue: 0 })).toThrow(/never reaches 0/);
    expect(() => compoundRate(1, 2, 0)).toThrow(modelError('invalid_argument'));
  });
});

describe('elasticityPath', () => {
  // Illustrative 2021 growth, then 8,73 % (2022) and 8,58 % (2023) as reported for Muara Enim.
  const growth = { 2021: 5, 2022: 8.73, 2023: 8.58 };

  it('defaults to INDEF’s −0,88', () => {
    expect(DEFAULT_GROWTH_ELASTICITY).toBe(-0.88);
  });

  it("'relative': P_t = P_{t−1}·(1 + ε·g_t/100)", () => {
    // 2021 = 12.32·(1 − 0.88·5/100) = 12.32·0.956 = 11.77792
    // 2022 = 11.77792·(1 − 0.88·8.73/100) = 11.77792·0.923176 = 10.87309307392
    // 2023 = 10.87309307392·(1 − 0.88·8.58/100) = 10.87309307392·0.924496 = 10.0521310544667…
    const path = elasticityPath({ startValue: 12.32, growth, variant: 'relative', fromYear: 2021, toYear: 2023 });
    expectPath(path, [
      [2021, 11.77792],
      [2022, 10.87309307392],
      [2023, 10.052131054466743],
    ]);
  });

  it("'points': P_t = P_{t−1} + ε·g_t", () => {
    // ε = −0.1: 2021 = 12.32 − 0.5 = 11.82; 2022 = 11.82 − 0.873 = 10.947; 2023 = 10.947 − 0.858 = 10.089
    const path = elasticityPath({ startValue: 12.32, growth, elasticity: -0.1, variant: 'points', fromYear: 2021, toYear: 2023 });
    expectPath(path, [
      [2021, 11.82],
      [2022, 10.947],
      [2023, 10.089],
    ]);
  });

  it('floors at zero and builds on the floored value', () => {
    // points with ε = −0.88: 2021 = 12.32 − 4.4 = 7.92; 2022 = 7.92 − 7.6824 = 0.2376;
    // 2023 = 0.2376 − 7.5504 = −7.3128 → 0
    const input = { startValue: 12.32, growth, variant: 'points' as const, fromYear: 2021, toYear: 2023 };
    expectPath(elasticityPath(input), [
      [2021, 7.92],
      [2022, 0.2376],
      [2023, -7.3128],
    ]);
    expectPath(elasticityPath({ ...input, floorAtZero: true }), [
      [2021, 7.92],
      [2022, 0.2376],
      [2023, 0],
    ]);
  });

  it('reads growth from a Map, a record or a list alike', () => {
    // ε = −0.1, 'points', one year: 12.32 − 0.1·5 = 11.82
    const one = { startValue: 12.32, elasticity: -0.1, variant: 'points' as const, fromYear: 2021, toYear: 2021 };
    expectPath(elasticityPath({ ...one, growth: new Map([[2021, 5]]) }), [[2021, 11.82]]);
    expectPath(elasticityPath({ ...one, growth: [{ year: 2021, value: 5 }] }), [[2021, 11.82]]);
    expectPath(elasticityPath({ ...one, growth: { 2021: 5 } }), [[2021, 11.82]]);
  });

  it('walks from an earlier anchor, needing growth for the skipped years too', () => {
    // anchor 2020; 2021 = 11.82 (not returned); 2022 = 11.82 − 0.873 = 10.947
    const input = { startYear: 2020, startValue: 12.32, elasticity: -0.1, variant: 'points' as const, fromYear: 2022, toYear: 2022 };
    expectPath(elasticityPath({ ...input, growth }), [[2022, 10.947]]);
    expect(() => elasticityPath({ ...input, growth: { 2022: 8.73 } })).toThrow(modelError('missing_growth'));
  });

  it('names the first year without growth', () => {
    const run = () => elasticityPath({ startValue: 12.32, growth: { 2021: 5, 2023: 8.58 }, variant: 'relative', fromYear: 2021, toYear: 2023 });
    expect(run).toThrow(expect.objectContaining({ code: 'missing_growth', params: { year: 2022 } }));
    expect(run).toThrow(/2022/);
  });

  it('refuses an unknown variant and a non-finite growth or elasticity', () => {
    const base = { startValue: 12.32, growth, fromYear: 2021, toYear: 2021 };
    expect(() => elasticityPath({ ...base, variant: 'log' as never })).toThrow(modelError('invalid_argument'));
    expect(() => elasticityPath({ ...base, variant: 'points', elasticity: Number.NaN })).toThrow(modelError('not_finite'));
    expect(() => elasticityPath({ ...base, variant: 'points', growth: { 2021: Number.NaN } })).toThrow(modelError('not_finite'));
  });
});

describe('shockRecoveryPath', () => {
  // Illustrative original targets.
  const base = { 2019: 12.3, 2020: 12.0, 2021: 11.5, 2022: 11.0, 2023: 10.5 };

  it('adds the rise in the shock year, then returns to the base over k years', () => {
    // shock 2020, x = 1.5, k = 3:
    // 2019 = 12.30 (before); 2020 = 12.00 + 1.5 = 13.50; 2021 = 11.50 + 1.5·(1 − 1/3) = 12.50;
    // 2022 = 11.00 + 1.5·(1 − 2/3) = 11.50; 2023 = 10.50 (t = 2020 + 3, back on the base)
    const path = shockRecoveryPath({ base, shockFromYear: 2020, shockToYear: 2020, rise: 1.5, recoveryYears: 3, fromYear: 2019, toYear: 2023 });
    expectPath(path, [
      [2019, 12.3],
      [2020, 13.5],
      [2021, 12.5],
      [2022, 11.5],
      [2023, 10.5],
    ]);
  });

  it('holds the rise through consecutive shock years and recovers after the last', () => {
    // shocks 2020–2021, x = 1, k = 2: 2020 = 13.0; 2021 = 12.5; 2022 = 11.0 + 1·(1 − 1/2) = 11.5; 2023 = 10.5
    const path = shockRecoveryPath({ base, shockFromYear: 2020, shockToYear: 2021, rise: 1, recoveryYears: 2, fromYear: 2020, toYear: 2023 });
    expectPath(path, [
      [2020, 13],
      [2021, 12.5],
      [2022, 11.5],
      [2023, 10.5],
    ]);
  });

  it('with k = 1 is back on the base the year after the shock', () => {
    const path = shockRecoveryPath({ base, shockFromYear: 2020, shockToYear: 2020, rise: 1.5, recoveryYears: 1, fromYear: 2020, toYear: 2021 });
    expectPath(path, [
      [2020, 13.5],
      [2021, 11.5],
    ]);
  });

  it('lets a shock before the range shape the recovery years', () => {
    // the 2020 shock is history (a realisation); the targets 2021..2023 still recover from it
    const path = shockRecoveryPath({ base, shockFromYear: 2020, shockToYear: 2020, rise: 1.5, recoveryYears: 3, fromYear: 2021, toYear: 2023 });
    expectPath(path, [
      [2021, 12.5],
      [2022, 11.5],
      [2023, 10.5],
    ]);
  });

  it('floors a negative rise at zero when asked', () => {
    // base 0.5 in 2024, rise −1 → −0.5 → 0
    const input = { base: { 2024: 0.5 }, shockFromYear: 2024, shockToYear: 2024, rise: -1, recoveryYears: 1, fromYear: 2024, toYear: 2024 };
    expectPath(shockRecoveryPath(input), [[2024, -0.5]]);
    expectPath(shockRecoveryPath({ ...input, floorAtZero: true }), [[2024, 0]]);
  });

  it('names the first year without a base value and checks its inputs', () => {
    const input = { base: { 2021: 11.5, 2023: 10.5 }, shockFromYear: 2021, shockToYear: 2021, rise: 1, recoveryYears: 2, fromYear: 2021, toYear: 2023 };
    expect(() => shockRecoveryPath(input)).toThrow(expect.objectContaining({ code: 'missing_base', params: { year: 2022 } }));
    const ok = { ...input, base };
    expect(() => shockRecoveryPath({ ...ok, shockFromYear: 2022 })).toThrow(modelError('invalid_years'));
    expect(() => shockRecoveryPath({ ...ok, recoveryYears: 0 })).toThrow(modelError('invalid_argument'));
    expect(() => shockRecoveryPath({ ...ok, recoveryYears: 1.5 })).toThrow(modelError('invalid_argument'));
    expect(() => shockRecoveryPath({ ...ok, rise: Number.NaN })).toThrow(modelError('not_finite'));
  });
});

describe('range validation shared by the generators', () => {
  const ok = { startValue: 12.32, endValue: 10, fromYear: 2021, toYear: 2023 };

  it('refuses reversed, fractional and overlong ranges and a bad anchor', () => {
    expect(() => linearPath({ ...ok, fromYear: 2024 })).toThrow(modelError('invalid_years'));
    expect(() => linearPath({ ...ok, fromYear: 2021.5 })).toThrow(modelError('invalid_years'));
    expect(() => linearPath({ ...ok, startYear: 2021 })).toThrow(modelError('invalid_years'));
    expect(() => linearPath({ ...ok, startYear: 2022 })).toThrow(modelError('invalid_years'));
    expect(() => linearPath({ ...ok, fromYear: 2021, toYear: 2021 + MAX_PATH_YEARS })).toThrow(modelError('invalid_years'));
    expect(() => linearPath({ ...ok, startYear: 2023 - MAX_PATH_YEARS - 1 })).toThrow(modelError('invalid_years'));
    expect(linearPath({ ...ok, startYear: 2023 - MAX_PATH_YEARS })).toHaveLength(3);
  });

  it('refuses non-finite values', () => {
    expect(() => linearPath({ ...ok, startValue: Number.NaN })).toThrow(modelError('not_finite'));
    expect(() => linearPath({ ...ok, endValue: Number.POSITIVE_INFINITY })).toThrow(modelError('not_finite'));
    expect(() => constantChangePath({ ...ok, changePerYear: Number.NaN })).toThrow(modelError('not_finite'));
  });
});

describe('targetPath', () => {
  it('dispatches on the method', () => {
    const linear = { startValue: 12.32, endValue: 10, fromYear: 2021, toYear: 2023 };
    expect(targetPath({ method: 'linear', ...linear })).toEqual(linearPath(linear));
    expect(targetPath({ method: 'cagr', ...linear })).toEqual(cagrPath(linear));
    const change = { startValue: 12.32, changePerYear: -1, fromYear: 2021, toYear: 2023 };
    expect(targetPath({ method: 'constant_change', ...change })).toEqual(constantChangePath(change));
    const elasticity = { startValue: 12.32, growth: { 2021: 5 }, variant: 'relative' as const, fromYear: 2021, toYear: 2021 };
    expect(targetPath({ method: 'elasticity', ...elasticity })).toEqual(elasticityPath(elasticity));
    const shock = { base: { 2021: 11 }, shockFromYear: 2021, shockToYear: 2021, rise: 1, recoveryYears: 1, fromYear: 2021, toYear: 2021 };
    expect(targetPath({ method: 'shock_recovery', ...shock })).toEqual([{ year: 2021, value: 12 }]);
    expect(() => targetPath({ method: 'spline' } as never)).toThrow(modelError('invalid_argument'));
  });
});

describe('path shapes (properties)', () => {
  const value = fc.double({ min: 0.01, max: 1000, noNaN: true });
  const range = fc.tuple(fc.integer({ min: 2000, max: 2040 }), fc.integer({ min: 0, max: 10 }));

  it('linear and CAGR paths end on the end value with equal steps or equal ratios', () => {
    fc.assert(
      fc.property(value, value, range, (v0, vT, [fromYear, span]) => {
        const toYear = fromYear + span;
        const linear = linearPath({ startValue: v0, endValue: vT, fromYear, toYear });
        const cagr = cagrPath({ startValue: v0, endValue: vT, fromYear, toYear });
        expect(linear.at(-1)).toEqual({ year: toYear, value: vT });
        expect(cagr.at(-1)).toEqual({ year: toYear, value: vT });
        const n = span + 1;
        const values = [v0, ...linear.map((p) => p.value)];
        const ratios = [v0, ...cagr.map((p) => p.value)];
        for (let i = 1; i <= n; i++) {
          expect(values[i]! - values[i - 1]!).toBeCloseTo((vT - v0) / n, 6);
          expect(ratios[i]! / ratios[i - 1]!).toBeCloseTo((vT / v0) ** (1 / n), 9);
        }
      }),
    );
  });

  it('zero growth leaves an elasticity path flat, a zero rise leaves the base', () => {
    fc.assert(
      fc.property(value, range, fc.double({ min: -3, max: 0, noNaN: true }), (v0, [fromYear, span], epsilon) => {
        const toYear = fromYear + span;
        const growth = new Map(Array.from({ length: span + 1 }, (_, i) => [fromYear + i, 0] as const));
        for (const variant of ['points', 'relative'] as const) {
          expect(elasticityPath({ startValue: v0, growth, elasticity: epsilon, variant, fromYear, toYear }).every((p) => p.value === v0)).toBe(true);
        }
        const base = Array.from({ length: span + 1 }, (_, i) => ({ year: fromYear + i, value: v0 + i }));
        expect(shockRecoveryPath({ base, shockFromYear: fromYear, shockToYear: fromYear, rise: 0, recoveryYears: 3, fromYear, toYear })).toEqual(base);
      }),
    );
  });
});

describe('estimateElasticity (the region’s own record)', () => {
  // Muara Enim realisations (../shared/data/muara-enim.md): P0 and economic growth.
  const p0 = new Map([[2018, 12.56], [2019, 12.41], [2020, 12.32], [2022, 11.12], [2023, 10.93]]);
  const pe = new Map([[2019, 7.02], [2020, 0.03], [2022, 8.73], [2023, 8.58]]);

  it('fits Δpoverty on growth through the origin over the years realised by the revision', () => {
    // By August 2021: 2019 (−1,1943 % with 7,02 %) and 2020 (−0,7252 % with 0,03 %).
    const r2019 = (12.41 / 12.56 - 1) * 100;
    const r2020 = (12.32 / 12.41 - 1) * 100;
    const expected = (r2019 * 7.02 + r2020 * 0.03) / (7.02 ** 2 + 0.03 ** 2);
    const e = estimateElasticity(p0, pe, 'relative', 2020)!;
    expect(e.years).toEqual([2019, 2020]);
    expect(e.elasticity).toBeCloseTo(expected, 12);
    expect(e.elasticity).toBeCloseTo(-0.1705, 3);
    // In points: (−0,15·7,02 − 0,09·0,03) / (7,02² + 0,03²) = −0,0214 pp per 1 % growth.
    expect(estimateElasticity(p0, pe, 'points', 2020)!.elasticity).toBeCloseTo((-0.15 * 7.02 - 0.09 * 0.03) / (7.02 ** 2 + 0.03 ** 2), 12);
    // With 2023 (2022 has no 2021 to compare with): about −0,19, far from the national −0,88.
    expect(estimateElasticity(p0, pe, 'relative')!.years).toEqual([2019, 2020, 2023]);
    expect(estimateElasticity(p0, pe, 'relative')!.elasticity).toBeCloseTo(-0.1877, 3);
  });

  it('needs two years of change with growth', () => {
    expect(estimateElasticity(new Map([[2019, 12.41], [2020, 12.32]]), pe, 'relative')).toBeNull();
    expect(estimateElasticity(p0, new Map(), 'relative')).toBeNull();
  });
});
