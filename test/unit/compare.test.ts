import { describe, expect, it } from 'vitest';
import { deltaAbsolute, deltaRelative } from '../../shared/model/compare.js';

describe('Δ absolute (revised − original)', () => {
  it('subtracts without binary noise: 12,60 − 11,30 = 1,30', () => {
    expect(12.6 - 11.3).not.toBe(1.3);
    expect(deltaAbsolute(12.6, 11.3)).toBe(1.3);
    expect(deltaAbsolute(11.3, 12.6)).toBe(-1.3);
    expect(deltaAbsolute(70500, 72700)).toBe(-2200);
  });

  it('is 0 (never −0) for an unchanged target', () => {
    expect(Object.is(deltaAbsolute(0.312, 0.312), 0)).toBe(true);
  });

  it('refuses non-finite numbers', () => {
    expect(() => deltaAbsolute(Number.NaN, 1)).toThrow(expect.objectContaining({ code: 'not_finite' }));
    expect(() => deltaAbsolute(1, Number.POSITIVE_INFINITY)).toThrow(expect.objectContaining({ code: 'not_finite' }));
  });
});

describe('Δ relative ((revised − original) / |original| × 100)', () => {
  it('1,3 / 11,3 × 100 = 11,504… for the 2021 poverty revision', () => {
    expect(deltaRelative(12.6, 11.3)).toBeCloseTo(11.504424778761061, 12);
  });

  it('keeps the direction of the change when the original is negative', () => {
    // growth −2 % revised to −1 %: up by half of its magnitude
    expect(deltaRelative(-1, -2)).toBe(50);
    expect(deltaRelative(-3, -2)).toBe(-50);
  });

  it('has no relative change from an original of 0', () => {
    expect(deltaRelative(1, 0)).toBeNull();
    expect(deltaRelative(0, 0)).toBeNull();
  });

  it('is 0 for an unchanged target', () => {
    expect(deltaRelative(68, 68)).toBe(0);
  });
});
