/**
 * Kelayakan (shared/model/feasibility.ts; docs/METHODS.md, "Feasibility from the distribution
 * (Kelayakan)") on Muara Enim: base 2020 P0 12,32 %, P1 1,85 (hypothetical), realisations 2018
 * 12,56 and 2019 12,41, PE 2019 7,02 and 2020 0,03, the Susenas population 643.425 carried flat,
 * revised targets 2021 12,60 / 2022 12,10 / 2023 11,50.
 *
 * Expected growths (as the nearest doubles) were computed independently with Python's mpmath at 40 digits (mp.ncdf for Φ,
 * √2·erfinv(2p − 1) for Φ⁻¹, mp.findroot for σ):
 *   σ = root of P1(a, σ) = 0,0185 at a = Φ⁻¹(0,1232)           = 0,34979226272017687943
 *   g(p → q) = exp(σ(Φ⁻¹(p) − Φ⁻¹(q))) − 1; per year (1 + g)^(1/n) − 1
 *   record 2019 g(0,1256 → 0,1241) = 0,002554259509846898806, 2020 g(0,1241 → 0,1232) = 0,0015421568233887481744
 *   pass-through = (0,00255425… + 0,00154215…) ÷ (0,0702 + 0,0003) = 0,058105196216108467808
 * People by hand: 12,32 % × 643.425 = 79.269,96 → 79.270; 12,60 % → 81.071,55 → 81.072;
 * 12,10 % → 77.854,425 → 77.854; 11,50 % → 73.993,875 → 73.994.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/domain.js';
import { feasibility, type FeasibilityInput, type FeasibilityReport, type MarkedValue } from '../../shared/model/feasibility.js';

const SIGMA = 0.3497922627201769; // mpmath 0,34979226272017687943 as the nearest double
const A = -1.1591378494800573; // Φ⁻¹(0,1232)

function near(actual: number | null | undefined, expected: number, relTol = 1e-12): void {
  if (actual === null || actual === undefined || !Number.isFinite(actual)) throw new Error(`expected ${expected}, got ${actual}`);
  const err = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  if (!(err <= relTol)) throw new Error(`${actual} differs from ${expected} by ${err.toExponential(2)} (relative), more than ${relTol}`);
}

const CODES = ['P0', 'P1', 'P2', 'GINI', 'PE', 'POP', 'JPM'];
const INDICATORS = new Map<string, Indicator>(
  CODES.map((code, i) => [
    code,
    { id: i + 1, code, nameId: code, nameEn: code, unit: '%', polarity: 'lower', decimals: 2, group: 'kemiskinan', definition: '', minValue: 0, maxValue: 100, responsibleUnit: null },
  ]),
);

interface Spec {
  revisionDate?: string | null;
  /** code → year → value, or [value, marks]. */
  realisation?: Record<string, Record<number, number | [number, Partial<MarkedValue>]>>;
  revised?: Record<number, number>;
  original?: Record<number, number>;
  population?: Record<number, number> | null;
}

const MUARA_ENIM: Required<Spec> = {
  revisionDate: '2021-08-23',
  realisation: {
    P0: { 2018: 12.56, 2019: 12.41, 2020: 12.32, 2022: 11.12 },
    P1: { 2020: 1.85 },
    PE: { 2019: 7.02, 2020: 0.03 },
  },
  revised: { 2018: 12.5, 2019: 12.1, 2020: 11.7, 2021: 12.6, 2022: 12.1, 2023: 11.5 },
  original: { 2021: 11.3, 2022: 10.9, 2023: 10.5 },
  population: Object.fromEntries([2017, 2018, 2019, 2020, 2021, 2022, 2023].map((y) => [y, 643425])),
};

function input(spec: Spec = {}): FeasibilityInput {
  const s = { ...MUARA_ENIM, ...spec };
  const marked = (v: number | [number, Partial<MarkedValue>] | undefined): MarkedValue | undefined =>
    v === undefined ? undefined : Array.isArray(v) ? { value: v[0], illustrative: false, provisional: false, ...v[1] } : { value: v, illustrative: false, provisional: false };
  return {
    plan: { region: 'Kabupaten Muara Enim', province: 'Sumatera Selatan', baselineYear: 2017, firstYear: 2018, lastYear: 2023 },
    revisionDate: s.revisionDate,
    indicators: INDICATORS,
    realisation: (code, year) => marked(s.realisation[code]?.[year]),
    revisedTarget: (year) => s.revised[year],
    originalTarget: (code, year) => (code === 'P0' && s.original[year] !== undefined ? { value: s.original[year]!, illustrative: true, provisional: false } : undefined),
    population: (year) => s.population?.[year],
  };
}

/** Every null of the report, as the paths problems name in `fields`. */
function nullPaths(r: FeasibilityReport): string[] {
  const out: string[] = [];
  const scan = (prefix: string, o: object) => {
    for (const [k, v] of Object.entries(o)) if (v === null) out.push(`${prefix}.${k}`);
  };
  scan('base', r.base);
  scan('record', r.record);
  for (const y of r.record.years) scan(`record.years.${y.year}`, y);
  for (const y of r.years) scan(`years.${y.year}`, y);
  return out;
}

/** Every number in the report is finite, and every null is named by a problem. */
function expectWellFormed(r: FeasibilityReport): void {
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number') expect(Number.isFinite(v), `${path} = ${v}`).toBe(true);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(r, 'report');
  const named = new Set(r.problems.flatMap((p) => p.fields));
  for (const path of nullPaths(r)) expect(named.has(path), `${path} is null with no problem naming it`).toBe(true);
  // JSON keeps every number: nothing is NaN or Infinity that would turn into null.
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

const problem = (r: FeasibilityReport, code: string) => r.problems.find((p) => p.code === code);

describe('feasibility: Muara Enim, base 2020 with P1 1,85', () => {
  const r = feasibility(input());

  it('fits the base year from P0 and P1 of 2020', () => {
    expect(r.base.year).toBe(2020);
    expect(r.base.p0).toBe(0.1232);
    expect(r.base.p1).toBe(0.0185);
    expect(r.base.fittedFrom).toBe('p1');
    near(r.base.sigma, SIGMA, 1e-14);
    near(r.base.a, A, 1e-15);
    near(r.base.p2Predicted, 0.004419253841956459, 1e-11);
    near(r.base.giniPredicted, 0.19535526748491183, 1e-13);
    expect(r.base.population).toBe(643425);
    expect(r.base.poor).toBe(79270);
    expect(r.base.illustrative).toBe(false);
    expectWellFormed(r);
  });

  it('reads the record: the growth the realised falls implied, against the economy', () => {
    expect(r.record.years.map((y) => [y.year, y.p0From, y.p0To, y.economicGrowth])).toEqual([
      [2019, 0.1256, 0.1241, 0.0702],
      [2020, 0.1241, 0.1232, 0.0003],
    ]);
    near(r.record.years[0]!.impliedGrowth, 0.0025542595098468988);
    near(r.record.years[1]!.impliedGrowth, 0.0015421568233887483);
    near(r.record.meanImpliedGrowth, 0.0020482081666178234);
    near(r.record.bestImpliedGrowth, 0.0025542595098468988);
    near(r.record.passThrough, 0.05810519621610847);
    near(r.record.realisticUpTo, 0.0020482081666178234);
    near(r.record.ambitiousUpTo, 0.0025542595098468988);
  });

  it('gives each target year the growth it needs, the people leaving poverty and a rating', () => {
    // 2018–2020 are realised (their scenario targets are history); 2022's later realisation plays no part.
    expect(r.years.map((y) => [y.indicator, y.year, y.target])).toEqual([
      ['P0', 2021, 0.126],
      ['P0', 2022, 0.121],
      ['P0', 2023, 0.115],
    ]);
    const [y21, y22, y23] = r.years as [(typeof r.years)[0], (typeof r.years)[0], (typeof r.years)[0]];
    near(y21.requiredGrowth, -0.0047572918620593175);
    near(y21.requiredGrowthPerYear, -0.0047572918620593175);
    near(y22.requiredGrowth, 0.0038075687756161467);
    near(y22.requiredGrowthPerYear, 0.0019019756321554167);
    near(y23.requiredGrowth, 0.014523242023840147);
    near(y23.requiredGrowthPerYear, 0.004817831894078763);
    near(y21.requiredGrowthFromPrevious, -0.0047572918620593175);
    near(y22.requiredGrowthFromPrevious, 0.008605800944475118);
    near(y23.requiredGrowthFromPrevious, 0.010675027347417126);
    expect(r.years.map((y) => [y.poor, y.peopleOut])).toEqual([
      [81072, 79270 - 81072],
      [77854, 81072 - 77854],
      [73994, 77854 - 73994],
    ]);
    // 2021 lets poverty rise (no growth needed), 2022 asks 0,190 % a year ≤ the mean 0,205 %,
    // 2023 asks 0,482 % a year > the best year's 0,255 %.
    expect(r.years.map((y) => y.rating)).toEqual(['realistic', 'realistic', 'beyond_record']);
    near(y21.economicGrowthNeeded, -0.0818737767335937);
    near(y22.economicGrowthNeeded, 0.032733313989362856);
    near(y23.economicGrowthNeeded, 0.08291568065892047);
    expect(r.years.map((y) => y.originalTarget)).toEqual([0.113, 0.109, 0.105]);
    near(y21.originalRequiredGrowthPerYear, 0.018209336586094988);
    near(y23.originalRequiredGrowthPerYear, 0.011070846588888223);
    expect(r.years.every((y) => y.originalIllustrative && !y.illustrative)).toBe(true);
  });

  it('reports only the missing checks (no Gini, no P2) as info', () => {
    expect(r.problems.map((p) => [p.code, p.severity, p.indicator, p.year, p.series])).toEqual([
      ['gini_missing', 'info', 'GINI', 2020, 'realisation'],
      ['p2_missing', 'info', 'P2', 2020, 'realisation'],
    ]);
    expect(problem(r, 'p2_missing')!.indicatorId).toBe(3);
  });
});

describe('feasibility: the rating bands', () => {
  it('rates a target between the mean and the best year ambitious (the demo’s 12,20 for 2021)', () => {
    // mpmath: g(0,1232 → 0,1220) = 0,0020690855636705339494, between 0,0020482… and 0,0025542…
    const r = feasibility(input({ revised: { 2021: 12.2, 2022: 11.8, 2023: 11.4 } }));
    near(r.years[0]!.requiredGrowthPerYear, 0.002069085563670534);
    expect(r.years.map((y) => y.rating)).toEqual(['ambitious', 'beyond_record', 'beyond_record']);
  });

  it('keeps a target needing no growth realistic even when the record is a rise (floor 0)', () => {
    const r = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, P0: { 2019: 12.1, 2020: 12.32 } } }));
    expect(r.record.meanImpliedGrowth!).toBeLessThan(0);
    expect(r.record.realisticUpTo).toBe(0);
    // The best (only) year is negative too: everything needing growth is beyond the record.
    expect(r.years.map((y) => y.rating)).toEqual(['realistic', 'beyond_record', 'beyond_record']);
    // Poverty rose while the economy grew: no pass-through to reach a target through.
    expect(r.record.passThrough!).toBeLessThan(0);
    const p = problem(r, 'pass_through_not_positive')!;
    expect(r.years.every((y) => y.economicGrowthNeeded === null)).toBe(true);
    expect(p.fields).toContain('years.2023.economicGrowthNeeded');
    expectWellFormed(r);
  });

  it('says no_record with one realised year only', () => {
    const r = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, P0: { 2020: 12.32 } } }));
    expect(r.record.years).toEqual([]);
    expect(r.years.map((y) => y.rating)).toEqual(['no_record', 'no_record', 'no_record']);
    expect(problem(r, 'no_record')).toMatchObject({ severity: 'warning', indicator: 'P0', year: 2020, series: 'realisation' });
    expect(problem(r, 'no_record')!.message.en).toContain('P0 realisation of 2019');
    expectWellFormed(r);
  });

  it('leaves out of the pass-through a record year without PE, and says so', () => {
    const r = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, PE: { 2019: 7.02 } } }));
    // Only 2019: 0,00255425… ÷ 0,0702.
    near(r.record.passThrough, 0.0025542595098468988 / 0.0702);
    expect(problem(r, 'pe_missing')).toMatchObject({ severity: 'info', indicator: 'PE', year: 2020, series: 'realisation', fields: ['record.years.2020.economicGrowth'] });
    const none = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, PE: {} } }));
    expect(none.record.passThrough).toBeNull();
    expect(problem(none, 'pass_through_missing')).toMatchObject({ indicator: 'PE', series: 'realisation' });
    expect(none.years.every((y) => y.economicGrowthNeeded === null && y.rating !== null)).toBe(true);
    expectWellFormed(r);
    expectWellFormed(none);
  });
});

describe('feasibility: located problems instead of blanks', () => {
  it('without P1 fits σ from the Gini ratio and says P1 would be better', () => {
    const r = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, P1: {}, GINI: { 2020: 0.32 } } }));
    expect(r.base.fittedFrom).toBe('gini');
    near(r.base.sigma, 0.5833109516348841, 1e-14); // mpmath √2·Φ⁻¹(0,66)
    near(r.base.p1Predicted, 0.028296602170916296, 1e-12);
    expect(r.base.p1).toBeNull();
    expect(problem(r, 'p1_missing')).toMatchObject({ severity: 'info', indicator: 'P1', year: 2020, series: 'realisation' });
    expect(r.years.every((y) => y.requiredGrowth !== null)).toBe(true);
    expectWellFormed(r);
  });

  it('without P1 and Gini names the number to enter, and still counts the people', () => {
    const r = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, P1: {} } }));
    expect(r.base).toMatchObject({ year: 2020, p0: 0.1232, sigma: null, a: null, fittedFrom: null, poor: 79270 });
    const p = problem(r, 'dispersion_missing')!;
    expect(p).toMatchObject({ severity: 'error', indicator: 'P1', indicatorId: 2, alternative: 'GINI', year: 2020, series: 'realisation' });
    expect(p.message.en).toBe('Enter the P1 (poverty gap index) realisation of 2020, or the Gini ratio of 2020: without one of them the consumption distribution cannot be fitted.');
    expect(p.message.id).toContain('Isi realisasi P1');
    expect(p.fields).toEqual(expect.arrayContaining(['base.sigma', 'base.a', 'years.2021.requiredGrowth', 'years.2023.rating', 'record.years.2019.impliedGrowth', 'record.meanImpliedGrowth']));
    expect(r.years.map((y) => [y.year, y.target, y.requiredGrowth, y.peopleOut])).toEqual([
      [2021, 0.126, null, -1802],
      [2022, 0.121, null, 3218],
      [2023, 0.115, null, 3860],
    ]);
    expectWellFormed(r);
  });

  it('P1 ≥ P0 is inconsistent, located at P1 2020', () => {
    const r = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, P1: { 2020: 13 }, GINI: { 2020: 0.32 } } }));
    expect(r.base.sigma).toBeNull();
    const p = problem(r, 'p1_inconsistent')!;
    expect(p).toMatchObject({ severity: 'error', indicator: 'P1', year: 2020, series: 'realisation', value: 13 });
    expect(p.message.en).toContain('is not below P0 (12,32 %)');
    expectWellFormed(r);
  });

  it('a Gini ratio out of range (32 for 0,32) is located at GINI 2020', () => {
    const r = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, P1: {}, GINI: { 2020: 32 } } }));
    expect(problem(r, 'gini_out_of_range')).toMatchObject({ severity: 'error', indicator: 'GINI', year: 2020, series: 'realisation', value: 32 });
    expectWellFormed(r);
  });

  it('a P0 of 0 in the base year is located there', () => {
    const r = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, P0: { 2019: 12.41, 2020: 0 } } }));
    expect(r.base).toMatchObject({ year: 2020, p0: 0, sigma: null, poor: 0 });
    expect(problem(r, 'p0_out_of_range')).toMatchObject({ severity: 'error', indicator: 'P0', year: 2020, series: 'realisation', value: 0 });
    expectWellFormed(r);
  });

  it('a target of 0 % needs more than any growth: located at the target, people still counted', () => {
    const r = feasibility(input({ revised: { 2021: 12.6, 2022: 12.1, 2023: 0 } }));
    const y23 = r.years[2]!;
    expect(y23).toMatchObject({ year: 2023, target: 0, requiredGrowth: null, rating: null, poor: 0, peopleOut: 77854 });
    expect(problem(r, 'p0_out_of_range')).toMatchObject({ indicator: 'P0', year: 2023, series: 'revised_target', value: 0 });
    expectWellFormed(r);
  });

  it('P0 → 0: a base of 0,01 % still fits and gives finite growth', () => {
    const r = feasibility(input({ realisation: { P0: { 2019: 0.02, 2020: 0.01 }, P1: { 2020: 0.001 }, PE: { 2020: 5 } }, revised: { 2021: 0.009, 2022: 0.008, 2023: 0.007 } }));
    expect(r.base.sigma).not.toBeNull();
    expect(r.years.every((y) => y.requiredGrowth !== null && y.requiredGrowth > 0)).toBe(true);
    expectWellFormed(r);
  });

  it('without a revision date nothing is realised: no base, said so', () => {
    const r = feasibility(input({ revisionDate: null }));
    expect(r.base.year).toBeNull();
    expect(problem(r, 'revision_date_missing')).toMatchObject({ severity: 'error', series: 'revision_date', year: null });
    // Every plan year with a target is listed, with its people, none with growth.
    expect(r.years.map((y) => y.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
    expect(r.years.every((y) => y.requiredGrowth === null)).toBe(true);
    expectWellFormed(r);
  });

  it('without any realised P0 says which to enter', () => {
    const r = feasibility(input({ realisation: { P1: { 2020: 1.85 } } }));
    expect(problem(r, 'p0_missing')).toMatchObject({ severity: 'error', indicator: 'P0', year: 2020, series: 'realisation' });
    expect(r.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    expectWellFormed(r);
  });

  it('an unknown population leaves that year’s people null, located at POP', () => {
    const population = { ...MUARA_ENIM.population };
    delete population[2022];
    const r = feasibility(input({ population }));
    expect(r.years.map((y) => y.peopleOut)).toEqual([-1802, null, null]);
    const p = problem(r, 'population_missing')!;
    expect(p).toMatchObject({ indicator: 'POP', year: 2022, series: 'projection' });
    expect(p.fields).toEqual(expect.arrayContaining(['years.2022.peopleOut', 'years.2022.poor', 'years.2023.peopleOut']));
    expect(r.problems.filter((q) => q.code === 'population_missing')).toHaveLength(1);
    expectWellFormed(r);
  });

  it('a target year whose year before has no target takes that year’s realisation (published later)', () => {
    // 2022 has no target but a realisation (11,12, published after the revision): 11,12 % × 643.425 = 71.548,86 → 71.549.
    const r = feasibility(input({ revised: { 2021: 12.6, 2023: 11.5 } }));
    expect(r.years.map((y) => [y.year, y.peopleOut])).toEqual([
      [2021, -1802],
      [2023, 71549 - 73994],
    ]);
    expect(problem(r, 'previous_p0_missing')).toBeUndefined();
  });

  it('a target year whose year before has no P0 gives no people or year-on-year growth, located', () => {
    const r = feasibility(input({ revised: { 2021: 12.6, 2023: 11.5 }, realisation: { ...MUARA_ENIM.realisation, P0: { 2018: 12.56, 2019: 12.41, 2020: 12.32 } } }));
    expect(r.years.map((y) => y.year)).toEqual([2021, 2023]);
    expect(r.years[1]).toMatchObject({ peopleOut: null, requiredGrowthFromPrevious: null });
    near(r.years[1]!.requiredGrowthPerYear, 0.004817831894078763);
    expect(problem(r, 'previous_p0_missing')).toMatchObject({ indicator: 'P0', year: 2022, series: 'revised_target' });
    expectWellFormed(r);
  });

  it('no revised target after the base year is said, not left blank', () => {
    const r = feasibility(input({ revised: { 2019: 12 } }));
    expect(r.years).toEqual([]);
    expect(problem(r, 'no_targets')).toMatchObject({ indicator: 'P0', year: 2021, series: 'revised_target' });
  });
});

describe('feasibility: marks', () => {
  it('carries ilustrasi and sementara from the inputs used', () => {
    const r = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, P1: { 2020: [1.85, { illustrative: true }] }, P0: { 2018: 12.56, 2019: 12.41, 2020: [12.32, { provisional: true }] } } }));
    expect(r.base).toMatchObject({ illustrative: true, provisional: true });
    expect(r.years.every((y) => y.illustrative)).toBe(true);
    expect(r.illustrative).toBe(true);
    const rec = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, PE: { 2019: [7.02, { illustrative: true }], 2020: 0.03 } } }));
    expect(rec.base.illustrative).toBe(false);
    expect(rec.record.years.map((y) => y.illustrative)).toEqual([true, false]);
    expect(rec.record.illustrative && rec.years.every((y) => y.illustrative)).toBe(true);
  });

  it('checks the fit against P2 where known', () => {
    const r = feasibility(input({ realisation: { ...MUARA_ENIM.realisation, P2: { 2020: 0.45 } } }));
    expect(r.base.p2).toBe(0.0045);
    near(r.base.p2Gap, 0.004419253841956459 - 0.0045, 1e-9);
    expect(problem(r, 'p2_missing')).toBeUndefined();
  });
});
