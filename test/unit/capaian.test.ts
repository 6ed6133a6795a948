import { describe, expect, it } from 'vitest';
import { capaian, capaianBand, DEFAULT_LOWER_FORMULA, type CapaianResult } from '../../shared/model/capaian.js';
import type { ModelErrorCode } from '../../shared/model/errors.js';

const modelError = (code: ModelErrorCode) => expect.objectContaining({ name: 'ModelError', code });

function expectValue(result: CapaianResult, percent: number, formula: string): void {
  expect(result.kind).toBe('value');
  if (result.kind !== 'value') return;
  expect(result.formula).toBe(formula);
  expect(result.percent).toBeCloseTo(percent, 10);
}

describe('capaian formulas', () => {
  it("'higher' = realisasi / target × 100", () => {
    // IPM 68,86 against a target of 70: 68.86/70 × 100 = 98.3714285714…
    expectValue(capaian({ polarity: 'higher', target: 70, realisation: 68.86 }), 98.37142857142857, 'higher');
    // growth target 5 %, realisation −2 %: −2/5 × 100 = −40 (kept as it is)
    expectValue(capaian({ polarity: 'higher', target: 5, realisation: -2 }), -40, 'higher');
  });

  it("'lower_a' (SIPD) = target / realisasi × 100, the default for lower is better", () => {
    expect(DEFAULT_LOWER_FORMULA).toBe('lower_a');
    // poverty target 11,00, realisation 11,12 (2022): 11/11.12 × 100 = 98.9208633093…
    expectValue(capaian({ polarity: 'lower', target: 11, realisation: 11.12 }), 98.92086330935253, 'lower_a');
    // beating the target: 10/9.79 × 100 = 102.1450459653…
    expectValue(capaian({ polarity: 'lower', lowerFormula: 'lower_a', target: 10, realisation: 9.79 }), 102.14504596527068, 'lower_a');
  });

  it("'lower_b' (PermenPANRB) = (2 − realisasi / target) × 100", () => {
    // (2 − 11.12/11) × 100 = (2 − 1.0109090909) × 100 = 98.9090909091
    expectValue(capaian({ polarity: 'lower', lowerFormula: 'lower_b', target: 11, realisation: 11.12 }), 98.9090909090909, 'lower_b');
    // more than twice the target goes below zero: (2 − 11/5) × 100 = −20
    expectValue(capaian({ polarity: 'lower', lowerFormula: 'lower_b', target: 5, realisation: 11 }), -20, 'lower_b');
    // realisation 0: (2 − 0) × 100 = 200
    expectValue(capaian({ polarity: 'lower', lowerFormula: 'lower_b', target: 1, realisation: 0 }), 200, 'lower_b');
  });

  it('uses gap closure for a lower-is-better target of 0, whichever lower formula is chosen', () => {
    // extreme poverty: baseline 4,44 (2020), target 0 (2024, Inpres 4/2022), realisation 0,63 (2024):
    // (4.44 − 0.63)/(4.44 − 0) × 100 = 3.81/4.44 × 100 = 85.8108108108…
    const input = { polarity: 'lower' as const, target: 0, realisation: 0.63, baseline: 4.44 };
    expectValue(capaian(input), 85.8108108108108, 'gap_closure');
    expectValue(capaian({ ...input, lowerFormula: 'lower_b' }), 85.8108108108108, 'gap_closure');
    // reaching the target closes the whole gap: (4.44 − 0)/4.44 × 100 = 100
    expectValue(capaian({ ...input, realisation: 0 }), 100, 'gap_closure');
    // getting worse than the baseline: (4.44 − 5)/4.44 × 100 = −12.6126126126…
    expectValue(capaian({ ...input, realisation: 5 }), -12.612612612612613, 'gap_closure');
  });

  it('says why it cannot compute', () => {
    const notComputable = (reason: string) => ({ kind: 'not_computable', reason });
    expect(capaian({ polarity: 'lower', target: 0, realisation: 0.63 })).toEqual(notComputable('zero_target_no_baseline'));
    expect(capaian({ polarity: 'lower', target: 0, realisation: 0.63, baseline: null })).toEqual(notComputable('zero_target_no_baseline'));
    expect(capaian({ polarity: 'lower', target: 0, realisation: 0, baseline: 0 })).toEqual(notComputable('baseline_equals_target'));
    expect(capaian({ polarity: 'neutral', target: 654000, realisation: 612900 })).toEqual(notComputable('neutral_polarity'));
    expect(capaian({ polarity: 'higher', target: 0, realisation: 3 })).toEqual(notComputable('zero_target'));
    expect(capaian({ polarity: 'lower', lowerFormula: 'lower_a', target: 1, realisation: 0 })).toEqual(notComputable('zero_realisation'));
    expect(capaian({ polarity: 'higher', target: -1, realisation: 2 })).toEqual(notComputable('negative_value'));
    expect(capaian({ polarity: 'lower', target: 5, realisation: -1 })).toEqual(notComputable('negative_value'));
    expect(capaian({ polarity: 'lower', target: 0, realisation: 1, baseline: -1 })).toEqual(notComputable('negative_value'));
  });

  it('throws on inputs no caller should pass', () => {
    expect(() => capaian({ polarity: 'lower', target: Number.NaN, realisation: 1 })).toThrow(modelError('not_finite'));
    expect(() => capaian({ polarity: 'lower', target: 0, realisation: 1, baseline: Number.NaN })).toThrow(modelError('not_finite'));
    expect(() => capaian({ polarity: 'up' as never, target: 1, realisation: 1 })).toThrow(modelError('invalid_argument'));
    expect(() => capaian({ polarity: 'lower', lowerFormula: 'lower_c' as never, target: 1, realisation: 1 })).toThrow(modelError('invalid_argument'));
  });
});

describe('capaianBand', () => {
  it('follows the LAKIP bands with half-open intervals for fractions', () => {
    expect(capaianBand(150)).toBe('sangat_baik');
    expect(capaianBand(91)).toBe('sangat_baik');
    expect(capaianBand(90.99)).toBe('baik');
    expect(capaianBand(81)).toBe('baik');
    expect(capaianBand(80.99)).toBe('cukup');
    expect(capaianBand(71)).toBe('cukup');
    expect(capaianBand(70.99)).toBe('kurang');
    expect(capaianBand(70)).toBe('kurang');
    expect(capaianBand(-20)).toBe('kurang');
    // the gap-closure example above, 85.81 %
    expect(capaianBand(85.8108108108108)).toBe('baik');
  });

  it('bands the value as shown when given its decimals', () => {
    // 90.996 is shown as 91,00 with 2 decimals, so it reads sangat baik
    expect(capaianBand(90.996)).toBe('baik');
    expect(capaianBand(90.996, 2)).toBe('sangat_baik');
    expect(capaianBand(80.994, 2)).toBe('cukup');
  });

  it('refuses a non-finite percent', () => {
    expect(() => capaianBand(Number.NaN)).toThrow(modelError('not_finite'));
  });
});
