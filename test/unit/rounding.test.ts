import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelErrorCode } from '../../shared/model/errors.js';
import { roundTo } from '../../shared/model/rounding.js';

const modelError = (code: ModelErrorCode) => expect.objectContaining({ name: 'ModelError', code });

describe('roundTo (half away from zero, as the decimal a reader sees)', () => {
  it('rounds values whose binary form sits just below the half', () => {
    // 1.005 is stored as 1.00499999999999989…; Math.round(1.005 * 100) / 100 gives 1.
    expect(roundTo(1.005, 2)).toBe(1.01);
    // 1.45 is stored as 1.4499999999999999…; (1.45).toFixed(1) gives "1.4".
    expect(roundTo(1.45, 1)).toBe(1.5);
    expect(roundTo(8.575, 2)).toBe(8.58);
    expect(roundTo(1.255, 2)).toBe(1.26);
  });

  it('rounds halves away from zero on both sides', () => {
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.5, 0)).toBe(1);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(-0.125, 2)).toBe(-0.13);
  });

  it('rounds model results to indicator decimals', () => {
    // 12.32 − 2.32/3 = 11.54666… → 11.55
    expect(roundTo(11.546666666666667, 2)).toBe(11.55);
    // 12.32 % × 643,425 = 79,269.96 people → 79,270
    expect(roundTo(79269.96, 0)).toBe(79270);
    expect(roundTo(0.360449, 3)).toBe(0.36);
    expect(roundTo(12.32, 2)).toBe(12.32);
    expect(roundTo(123456789.125, 2)).toBe(123456789.13);
  });

  it('never returns minus zero', () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 0), 0)).toBe(true);
    expect(Object.is(roundTo(-0.4, 0), 0)).toBe(true);
  });

  it('handles values written in exponent notation and huge values', () => {
    expect(roundTo(1e-7, 2)).toBe(0);
    // 1.23e-5 shifted by 6 places = 12.3 → 12 → 0.000012
    expect(roundTo(1.23e-5, 6)).toBe(0.000012);
    expect(roundTo(1e21, 2)).toBe(1e21);
    expect(roundTo(Number.MAX_VALUE, 2)).toBe(Number.MAX_VALUE);
    expect(roundTo(-Number.MAX_VALUE, 15)).toBe(-Number.MAX_VALUE);
  });

  it('refuses non-finite values and bad decimals with a ModelError', () => {
    expect(() => roundTo(Number.NaN, 2)).toThrow(modelError('not_finite'));
    expect(() => roundTo(Number.POSITIVE_INFINITY, 2)).toThrow(modelError('not_finite'));
    expect(() => roundTo(1, 1.5)).toThrow(modelError('invalid_argument'));
    expect(() => roundTo(1, -1)).toThrow(modelError('invalid_argument'));
    expect(() => roundTo(1, 16)).toThrow(modelError('invalid_argument'));
    expect(roundTo(1, 15)).toBe(1);
  });

  it('rounds every written half away from zero (property)', () => {
    // (10k + 5)·10^−(d+1) lies halfway between k·10^−d and (k+1)·10^−d, whatever its binary form.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), (k, d) => {
        const half = Number(`${10 * k + 5}e-${d + 1}`);
        expect(roundTo(half, d)).toBe(Number(`${k + 1}e-${d}`));
        expect(roundTo(-half, d)).toBe(-Number(`${k + 1}e-${d}`));
      }),
    );
  });

  it('moves a value by at most half a unit, keeps what is already rounded, and is symmetric (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const r = roundTo(x, d);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(x) * Number.EPSILON);
        expect(roundTo(r, d)).toBe(r);
        expect(roundTo(-x, d)).toBe(r === 0 ? 0 : -r);
      }),
    );
  });

  it('gives exactly what the decimal shift gives, fast path or not (property)', () => {
    // The reference: shift the shortest decimal text, round, shift back (no binary multiply).
    const shift = (x: number, places: number) => {
      const [m, e = '0'] = String(x).split('e');
      return Number(`${m}e${Number(e) + places}`);
    };
    const reference = (x: number, d: number) => {
      if (Number.isInteger(x)) return x === 0 ? 0 : x;
      const r = shift(Math.round(shift(Math.abs(x), d)), -d);
      const s = x < 0 ? -r : r;
      return s === 0 ? 0 : s;
    };
    const values = fc.oneof(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 8 })).map(([k, e]) => Number(`${k}e-${e}`)),
    );
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 15 }), (x, d) => {
        expect(roundTo(x, d)).toBe(reference(x, d));
      }),
      { numRuns: 20_000 },
    );
  });
});
