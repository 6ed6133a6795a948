import { describe, expect, it } from 'vitest';
import type { MethodBreak } from '../../shared/domain.js';
import {
  assessCapaian,
  BAND_SCALES,
  capaian,
  capaianBand,
  capaianContext,
  DEFAULT_BAND_SCALE,
  DEFAULT_LOWER_FORMULA,
  formulaFor,
  methodBreakFor,
  targetStatus,
  type CapaianResult,
} from '../../shared/model/capaian.js';
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

describe('formulaFor: the formula chosen per indicator', () => {
  it('lower is better: the planner\'s lower_a / lower_b, else lower_a', () => {
    expect(formulaFor('lower')).toBe('lower_a');
    expect(formulaFor('lower', null)).toBe('lower_a');
    expect(formulaFor('lower', 'lower_b')).toBe('lower_b');
    expect(formulaFor('lower', 'lower_a')).toBe('lower_a');
    // a choice that does not fit the polarity falls back to its default
    expect(formulaFor('lower', 'higher')).toBe('lower_a');
  });

  it('higher is better is always realisasi ÷ target; neutral has none', () => {
    expect(formulaFor('higher')).toBe('higher');
    expect(formulaFor('higher', 'lower_b')).toBe('higher');
    expect(formulaFor('neutral', 'lower_a')).toBeNull();
  });
});

describe('capaianBand, Permendagri 86/2017 (the default scale)', () => {
  const band = (p: number) => capaianBand(p, 'permendagri_86_2017');

  it('is the default', () => {
    expect(DEFAULT_BAND_SCALE).toBe('permendagri_86_2017');
    expect(capaianBand(94.97)).toBe('sangat_tinggi');
  });

  it('≥ 91 sangat tinggi', () => {
    expect(band(91)).toBe('sangat_tinggi');
    expect(band(150)).toBe('sangat_tinggi');
    expect(band(90.99)).toBe('tinggi'); // edge: just below
  });

  it('76–90 tinggi (76 ≤ p < 91)', () => {
    expect(band(76)).toBe('tinggi');
    expect(band(90)).toBe('tinggi');
    expect(band(75.99)).toBe('sedang'); // edge
  });

  it('66–75 sedang (66 ≤ p < 76)', () => {
    expect(band(66)).toBe('sedang');
    expect(band(75.5)).toBe('sedang'); // 75,5 lies between the printed 75 and 76: half-open, so sedang
    expect(band(65.99)).toBe('rendah'); // edge
  });

  it('51–65 rendah (51 ≤ p < 66)', () => {
    expect(band(51)).toBe('rendah');
    expect(band(65)).toBe('rendah');
    expect(band(50.99)).toBe('sangat_rendah'); // edge
  });

  it('≤ 50 sangat rendah (p < 51), negative included', () => {
    expect(band(50)).toBe('sangat_rendah');
    expect(band(0)).toBe('sangat_rendah');
    expect(band(-20)).toBe('sangat_rendah');
  });

  it('hand-computed capaian in each band (lower is better, target ÷ realisasi, target 10)', () => {
    const pct = (realisation: number) => {
      const r = capaian({ polarity: 'lower', target: 10, realisation });
      if (r.kind !== 'value') throw new Error('no value');
      return r.percent;
    };
    expect(pct(10.5)).toBeCloseTo(95.23809523809524, 10); // 10/10,5 = 95,24 %
    expect(band(pct(10.5))).toBe('sangat_tinggi');
    expect(pct(12.5)).toBeCloseTo(80, 10); // 10/12,5 = 80 %
    expect(band(pct(12.5))).toBe('tinggi');
    expect(pct(14)).toBeCloseTo(71.42857142857143, 10); // 10/14 = 71,43 %
    expect(band(pct(14))).toBe('sedang');
    expect(pct(18)).toBeCloseTo(55.55555555555556, 10); // 10/18 = 55,56 %
    expect(band(pct(18))).toBe('rendah');
    expect(pct(25)).toBeCloseTo(40, 10); // 10/25 = 40 %
    expect(band(pct(25))).toBe('sangat_rendah');
  });

  it('publishes its ranges for legends', () => {
    expect(BAND_SCALES.permendagri_86_2017.map((r) => [r.band, r.min, r.max])).toEqual([
      ['sangat_tinggi', 91, null],
      ['tinggi', 76, 90],
      ['sedang', 66, 75],
      ['rendah', 51, 65],
      ['sangat_rendah', null, 50],
    ]);
  });
});

describe('capaianBand, the LAKIP scale (the option)', () => {
  it('follows the LAKIP bands with half-open intervals for fractions', () => {
    const band = (p: number) => capaianBand(p, 'lakip');
    expect(band(150)).toBe('sangat_baik');
    expect(band(91)).toBe('sangat_baik');
    expect(band(90.99)).toBe('baik');
    expect(band(81)).toBe('baik');
    expect(band(80.99)).toBe('cukup');
    expect(band(71)).toBe('cukup');
    expect(band(70.99)).toBe('kurang');
    expect(band(70)).toBe('kurang');
    expect(band(-20)).toBe('kurang');
    // the gap-closure example above, 85.81 %
    expect(band(85.8108108108108)).toBe('baik');
  });

  it('bands the value as shown when given its decimals', () => {
    // 90.996 is shown as 91,00 with 2 decimals, so it reads sangat baik / sangat tinggi
    expect(capaianBand(90.996, 'lakip')).toBe('baik');
    expect(capaianBand(90.996, 'lakip', 2)).toBe('sangat_baik');
    expect(capaianBand(80.994, 'lakip', 2)).toBe('cukup');
    expect(capaianBand(90.996, 'permendagri_86_2017', 2)).toBe('sangat_tinggi');
    expect(capaianBand(75.994, 'permendagri_86_2017', 2)).toBe('sedang');
  });

  it('refuses a non-finite percent and an unknown scale', () => {
    expect(() => capaianBand(Number.NaN)).toThrow(modelError('not_finite'));
    expect(() => capaianBand(90, 'sakip' as never)).toThrow(modelError('invalid_argument'));
  });
});

describe('targetStatus: tercapai / tidak tercapai with the gap', () => {
  it('lower is better, missed: realisasi 12,32 against target 11,70 → tidak tercapai by 0,62 (poin persen)', () => {
    expect(targetStatus('lower', 11.7, 12.32, 2)).toEqual({ status: 'not_achieved', gap: 0.62 });
  });

  it('lower is better, reached: 10,93 against 11,00; equal at the decimals shown is reached', () => {
    expect(targetStatus('lower', 11, 10.93, 2)).toEqual({ status: 'achieved', gap: 0 });
    expect(targetStatus('lower', 11.7, 11.704, 2)).toEqual({ status: 'achieved', gap: 0 }); // shown 11,70 = 11,70
    expect(targetStatus('lower', 11.7, 11.706, 2)).toEqual({ status: 'not_achieved', gap: 0.01 }); // shown 11,71
  });

  it('higher is better: IPM 68,86 against 70,00 is missed by 1,14 (indeks); 70,10 reaches it', () => {
    expect(targetStatus('higher', 70, 68.86, 2)).toEqual({ status: 'not_achieved', gap: 1.14 });
    expect(targetStatus('higher', 70, 70.1, 2)).toEqual({ status: 'achieved', gap: 0 });
  });

  it('a count in people: 79.270 against 75.281 is missed by 3.989 jiwa; neutral has no status', () => {
    expect(targetStatus('lower', 75281, 79270, 0)).toEqual({ status: 'not_achieved', gap: 3989 });
    expect(targetStatus('neutral', 654000, 612900, 0)).toBeNull();
  });
});

describe('methodBreakFor: tidak sebanding across a change of method', () => {
  const ipm: MethodBreak = { indicatorCode: 'IPM', year: 2023, note: 'BPS merevisi metode IPM' };
  const p0e: MethodBreak = { indicatorCode: 'P0E', year: 2021, note: 'seri BPS Sumsel' };

  it('a realisation in the break year or later, against a plan drawn from a kondisi awal before it', () => {
    expect(methodBreakFor([ipm, p0e], 'IPM', 2023, 2017)).toBe(ipm);
    expect(methodBreakFor([ipm, p0e], 'IPM', 2024, 2017)).toBe(ipm);
    expect(methodBreakFor([ipm, p0e], 'P0E', 2021, 2017)).toBe(p0e);
  });

  it('comparable: before the break, another indicator, or a break in/before the kondisi awal year', () => {
    expect(methodBreakFor([ipm, p0e], 'IPM', 2022, 2017)).toBeNull();
    expect(methodBreakFor([ipm, p0e], 'P0', 2023, 2017)).toBeNull();
    expect(methodBreakFor([{ ...ipm, year: 2017 }], 'IPM', 2023, 2017)).toBeNull();
    expect(methodBreakFor([], 'IPM', 2023, 2017)).toBeNull();
  });

  it('the latest of several breaks', () => {
    const later = { ...ipm, year: 2025, note: 'again' };
    expect(methodBreakFor([later, ipm], 'IPM', 2026, 2017)).toBe(later);
    expect(methodBreakFor([later, ipm], 'IPM', 2024, 2017)).toBe(ipm);
  });
});

describe('assessCapaian: what every display shows', () => {
  const P0 = { id: 3, code: 'P0', polarity: 'lower' as const, decimals: 2 };
  const IPM = { id: 1, code: 'IPM', polarity: 'higher' as const, decimals: 2 };
  const POP = { id: 2, code: 'POP', polarity: 'neutral' as const, decimals: 0 };
  const breaks: MethodBreak[] = [{ indicatorCode: 'IPM', year: 2023, note: 'BPS merevisi metode IPM pada 2024' }];
  const ctx = capaianContext({ plan: { baselineYear: 2017 }, methodBreaks: breaks });

  it('the issue\'s case: 12,32 against 11,70 → 94,97 % sangat tinggi BUT tidak tercapai, selisih 0,62', () => {
    const a = assessCapaian({ indicator: P0, year: 2020, target: 11.7, realisation: 12.32 }, ctx);
    expect(a.result).toMatchObject({ kind: 'value', formula: 'lower_a' });
    expect(a.result.kind === 'value' && a.result.percent).toBeCloseTo(94.96753246753246, 10); // 11,70/12,32 × 100
    expect(a).toMatchObject({ band: 'sangat_tinggi', status: 'not_achieved', gap: 0.62 });
  });

  it('the formula chosen for the indicator: lower_b gives (2 − 12,32/11,70) × 100 = 94,70 %', () => {
    const chosen = capaianContext({ plan: { baselineYear: 2017 }, capaianSettings: [{ indicatorId: 3, formula: 'lower_b' }] });
    const a = assessCapaian({ indicator: P0, year: 2020, target: 11.7, realisation: 12.32 }, chosen);
    expect(a.result).toMatchObject({ kind: 'value', formula: 'lower_b' });
    expect(a.result.kind === 'value' && a.result.percent).toBeCloseTo(94.70085470085471, 10);
    expect(a).toMatchObject({ band: 'sangat_tinggi', status: 'not_achieved', gap: 0.62 });
  });

  it('the LAKIP scale when the workbook chooses it', () => {
    const lakip = capaianContext({ plan: { baselineYear: 2017 }, settings: { capaianBands: 'lakip' } });
    // 10/12,5 × 100 = 80 → LAKIP cukup (Permendagri: tinggi)
    expect(assessCapaian({ indicator: P0, year: 2020, target: 10, realisation: 12.5 }, lakip).band).toBe('cukup');
    expect(assessCapaian({ indicator: P0, year: 2020, target: 10, realisation: 12.5 }, ctx).band).toBe('tinggi');
  });

  it('tidak sebanding across the IPM break (2023), a number before it (2021: 68,86/68,00 = 101,26 %, tercapai)', () => {
    const after = assessCapaian({ indicator: IPM, year: 2023, target: 68.8, realisation: 72.33 }, ctx);
    expect(after).toEqual({ result: { kind: 'not_comparable', methodBreak: breaks[0] }, band: null, status: null, gap: null });
    const before = assessCapaian({ indicator: IPM, year: 2021, target: 68, realisation: 68.86 }, ctx);
    expect(before.result.kind === 'value' && before.result.percent).toBeCloseTo(101.26470588235294, 10);
    expect(before).toMatchObject({ band: 'sangat_tinggi', status: 'achieved', gap: 0 });
  });

  it('neutral: not computable and no status; a zero realisation (lower_a) is not computable but reached', () => {
    expect(assessCapaian({ indicator: POP, year: 2020, target: 600000, realisation: 612900 }, ctx)).toEqual({
      result: { kind: 'not_computable', reason: 'neutral_polarity' }, band: null, status: null, gap: null,
    });
    expect(assessCapaian({ indicator: P0, year: 2020, target: 1, realisation: 0 }, ctx)).toEqual({
      result: { kind: 'not_computable', reason: 'zero_realisation' }, band: null, status: 'achieved', gap: 0,
    });
  });

  it('capaianContext takes defaults for what the workbook lacks', () => {
    const c = capaianContext({ plan: { baselineYear: 2017 }, settings: { capaianBands: 'other' as never } });
    expect([c.scale, c.formulas.size, c.breaks.length, c.baselineYear]).toEqual(['permendagri_86_2017', 0, 0, 2017]);
  });
});
