import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelErrorCode } from '../../shared/model/errors.js';
import { countFromRate, isCountConsistent, rateFromCount } from '../../shared/model/rate-count.js';
import { roundTo } from '../../shared/model/rounding.js';

const modelError = (code: ModelErrorCode) => expect.objectContaining({ name: 'ModelError', code });

describe('countFromRate', () => {
  it('is rate/100 × population rounded to whole people', () => {
    // 12,32 % × 643.425 = 0.1232 × 643,425 = 79,269.96 → 79,270 (the 2020 count of poor)
    expect(countFromRate(12.32, 643425)).toBe(79270);
    // 4,44 % × 642.793 = 28,540.0092 → 28,540 (the 2020 count of extremely poor)
    expect(countFromRate(4.44, 642793)).toBe(28540);
    // 50 % × 3 = 1.5 → 2 (half away from zero)
    expect(countFromRate(50, 3)).toBe(2);
    expect(countFromRate(0, 612900)).toBe(0);
    expect(countFromRate(100, 612900)).toBe(612900);
  });

  it('refuses a population at or below zero and a rate outside 0–100', () => {
    expect(() => countFromRate(12.32, 0)).toThrow(modelError('invalid_population'));
    expect(() => countFromRate(12.32, -5)).toThrow(modelError('invalid_population'));
    expect(() => countFromRate(12.32, Number.NaN)).toThrow(modelError('not_finite'));
    expect(() => countFromRate(-0.1, 1000)).toThrow(modelError('rate_out_of_range'));
    expect(() => countFromRate(140, 1000)).toThrow(modelError('rate_out_of_range'));
    expect(() => countFromRate(Number.NaN, 1000)).toThrow(modelError('not_finite'));
  });
});

describe('rateFromCount', () => {
  it('is count / population × 100 at full precision', () => {
    // 79,270 / 643,425 × 100 = 12.3200062167…, shown with 2 decimals as 12,32
    const rate = rateFromCount(79270, 643425);
    expect(rate).toBeCloseTo(12.320006216730777, 10);
    expect(roundTo(rate, 2)).toBe(12.32);
    // 28,540 / 612,900 × 100 = 4.6565508239…
    expect(rateFromCount(28540, 612900)).toBeCloseTo(4.656550823951705, 10);
    expect(rateFromCount(0, 612900)).toBe(0);
    expect(rateFromCount(612900, 612900)).toBe(100);
  });

  it('refuses a negative count, a count above the population and a bad population', () => {
    expect(() => rateFromCount(-1, 1000)).toThrow(modelError('count_out_of_range'));
    expect(() => rateFromCount(1001, 1000)).toThrow(modelError('count_out_of_range'));
    expect(() => rateFromCount(10, 0)).toThrow(modelError('invalid_population'));
    expect(() => rateFromCount(Number.POSITIVE_INFINITY, 1000)).toThrow(modelError('not_finite'));
  });
});

describe('isCountConsistent', () => {
  it('accepts a count within the rounding of the rate', () => {
    // population 643,425, 2 decimals: tolerance = 0.005/100 × 643,425 + 0.5 = 32.17 + 0.5 = 32.67;
    // expected 79,269.96, so 79,270 (off 0.04), 79,302 (off 32.04) and 79,238 (off 31.96) fit,
    // 79,303 (off 33.04) and 79,237 (off 32.96) do not
    expect(isCountConsistent(12.32, 79270, 643425, 2)).toBe(true);
    expect(isCountConsistent(12.32, 79302, 643425, 2)).toBe(true);
    expect(isCountConsistent(12.32, 79238, 643425, 2)).toBe(true);
    expect(isCountConsistent(12.32, 79303, 643425, 2)).toBe(false);
    expect(isCountConsistent(12.32, 79237, 643425, 2)).toBe(false);
  });

  it('tells apart a count made against another population', () => {
    // SP2020's 612,900: 12.32 % → 75,509.28 expected, 79,270 is 3,760.72 off, tolerance 31.145
    expect(isCountConsistent(12.32, 79270, 612900, 2)).toBe(false);
  });

  it('includes the boundary', () => {
    // population 10,000, 1 decimal: tolerance = 0.05/100 × 10,000 + 0.5 = 5.5; 12.3 % → 1,230
    expect(isCountConsistent(12.3, 1235, 10000, 1)).toBe(true); // off 5
    expect(isCountConsistent(12.3, 1235.5, 10000, 1)).toBe(true); // off 5.5, on the boundary
    expect(isCountConsistent(12.3, 1236, 10000, 1)).toBe(false); // off 6
    expect(isCountConsistent(12.3, 1224.5, 10000, 1)).toBe(true); // off −5.5
    // 0 decimals: tolerance = 0.5/100 × 1,000 + 0.5 = 5.5; 12 % → 120
    expect(isCountConsistent(12, 125, 1000, 0)).toBe(true);
    expect(isCountConsistent(12, 126, 1000, 0)).toBe(false);
  });

  it('accepts what the conversions produce (property)', () => {
    const population = fc.integer({ min: 1, max: 10_000_000 });
    const decimals = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), population, (hundredths, pop) => {
        const rate = hundredths / 100;
        expect(isCountConsistent(rate, countFromRate(rate, pop), pop, 2)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(population, fc.double({ min: 0, max: 1, noNaN: true }), decimals, (pop, share, d) => {
        const count = Math.floor(share * pop);
        const shown = roundTo(rateFromCount(count, pop), d);
        expect(isCountConsistent(shown, count, pop, d)).toBe(true);
      }),
    );
  });

  it('refuses bad inputs like the conversions do', () => {
    expect(() => isCountConsistent(101, 10, 1000, 2)).toThrow(modelError('rate_out_of_range'));
    expect(() => isCountConsistent(10, -1, 1000, 2)).toThrow(modelError('count_out_of_range'));
    expect(() => isCountConsistent(10, 100, 0, 2)).toThrow(modelError('invalid_population'));
    expect(() => isCountConsistent(10, 100, 1000, -1)).toThrow(modelError('invalid_argument'));
    expect(() => isCountConsistent(10, 100, 1000, 1.5)).toThrow(modelError('invalid_argument'));
  });
});
