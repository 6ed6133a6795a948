/**
 * Intervensi (shared/model/interventions.ts; docs/METHODS.md, "Programmes and the poverty path
 * (Intervensi)") on Muara Enim-like numbers: P0 without programmes 12,32 %, σ = 0,3497922627201769
 * (the base fit from P1 1,85, as in feasibility.test.ts), the Susenas population 643.425, the
 * poverty line Rp 472.000 per person a month (the figure cited for ~2024), an illustrative poor
 * household of 4,5 people; a PKH-like programme of 10.000 households × Rp 250.000 a month × 80 %
 * accuracy, a BPNT-like one of 12.000 × Rp 200.000 × 70 %.
 *
 * Expected literals were computed independently of this code with Python's mpmath at 40 digits
 * (mp.ncdf for Φ, √2·erfinv(2p − 1) for Φ⁻¹) and are written as the nearest doubles, e.g. the
 * PKH-like programme:
 *   python3 -c "from mpmath import *; mp.dps=40; p=mpf('0.1232'); s=mpf(0.3497922627201769);
 *     a=sqrt(2)*erfinv(2*p-1); W=p*643425; c=10000*mpf('0.8')*mpf('4.5')/W; r=(250000/mpf('4.5'))/472000;
 *     print(c, c*(ncdf(a)-ncdf(a+log(1-r)/s)))"
 *   (statistics.NormalDist gives the same to 15 digits.)
 * By hand: W = 0,1232 × 643.425 = 79.269,96 poor; PKH reaches 10.000 × 0,8 × 4,5 = 36.000 of
 * them, c = 36.000 ÷ 79.269,96 = 0,45414…; τ = 250.000 ÷ 4,5 = 55.555,56 Rp, r = τ ÷ 472.000 =
 * 0,117702….
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandShare,
  interventionEffects,
  liftedShare,
  nestedLayers,
  type InterventionInput,
  type InterventionReport,
  type InterventionYearInput,
  type ProgrammeYear,
} from '../../shared/model/interventions.js';
import { phiInverse } from '../../shared/model/lognormal.js';

const SIGMA = 0.3497922627201769;
const P0 = 0.1232;
const A = phiInverse(P0); // −1,1591378494800573
const POP = 643425;
const GK = 472000;
const H = 4.5;

function near(actual: number | null | undefined, expected: number, relTol = 1e-12): void {
  if (actual === null || actual === undefined || !Number.isFinite(actual)) throw new Error(`expected ${expected}, got ${actual}`);
  const err = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  if (!(err <= relTol)) throw new Error(`${actual} differs from ${expected} by ${err.toExponential(2)} (relative), more than ${relTol}`);
}

const PKH: ProgrammeYear = { programmeId: 1, name: 'PKH (ilustrasi)', households: 10000, benefitPerHouseholdMonth: 250000, accuracy: 0.8, budget: 30_000_000_000 };
const BPNT: ProgrammeYear = { programmeId: 2, name: 'BPNT (ilustrasi)', households: 12000, benefitPerHouseholdMonth: 200000, accuracy: 0.7, budget: 20_160_000_000 };

function year(spec: Partial<InterventionYearInput> = {}): InterventionYearInput {
  return { year: 2024, p0Without: P0, target: null, population: POP, povertyLine: GK, programmes: [PKH], ...spec };
}
function input(spec: Partial<InterventionInput> = {}, years: InterventionYearInput[] = [year()]): InterventionInput {
  return { sigma: SIGMA, householdSize: H, years, ...spec };
}

/** Every number of the report is finite; every null is named in the fields of a problem. Returns the nulls. */
function walk(r: InterventionReport): string[] {
  const nulls: string[] = [];
  const visit = (path: string, v: unknown): void => {
    if (v === null) nulls.push(path);
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`${path} is ${v}`);
    } else if (Array.isArray(v)) {
      // Programmes are named by their id in problems' fields, everything else by position.
      if (path.endsWith('.programmes')) for (const p of v as { programmeId: number }[]) visit(`${path}.${p.programmeId}`, p);
      else v.forEach((x, i) => visit(`${path}.${i}`, x));
    } else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) visit(`${path}.${k}`, x);
  };
  for (const y of r.years) visit(`years.${y.year}`, y);
  const named = new Set(r.problems.flatMap((p) => p.fields));
  const unexplained = nulls.filter((n) => !named.has(n));
  if (unexplained.length > 0) throw new Error(`nulls without a problem: ${unexplained.join(', ')}`);
  for (const p of r.problems) {
    expect(p.message.id.length, p.code).toBeGreaterThan(10);
    expect(p.message.en.length, p.code).toBeGreaterThan(10);
    expect(p.message.id + p.message.en, p.code).not.toMatch(/NaN|undefined|Infinity/);
  }
  return nulls;
}

describe('the core: bandShare, nestedLayers, liftedShare', () => {
  it('the band within a transfer of the line is Φ(a) − Φ(a + ln(1 − r)/σ), all the poor from r = 1, nothing at r = 0', () => {
    // mpmath: Φ(a) − Φ(a + ln(1 − 0,1177…)/σ) = 0,05858416252423223509834173
    near(bandShare(A, SIGMA, 250000 / H / GK), 0.058584162524232236);
    near(bandShare(A, SIGMA, 1), P0, 1e-15);
    near(bandShare(A, SIGMA, 7.5), P0, 1e-15);
    expect(bandShare(A, SIGMA, 0)).toBe(0);
    expect(() => bandShare(A, 0, 0.1)).toThrow();
    expect(() => bandShare(A, SIGMA, -0.1)).toThrow();
    expect(() => liftedShare(A, SIGMA, [{ share: 1.2, transferShareOfLine: 0.1 }])).toThrow();
  });

  it('nested layers: sorted by coverage, each layer Δ = c(j) − c(j+1) of the poor with the sum of the transfers', () => {
    const layers = nestedLayers([
      { coveredShare: 0.3, transferShareOfLine: 0.1 },
      { coveredShare: 0.5, transferShareOfLine: 0.2 },
      { coveredShare: 0.1, transferShareOfLine: 0.05 },
    ]);
    expect(layers.map((l) => l.members)).toEqual([[1], [1, 0], [1, 0, 2]]);
    near(layers[0]!.share, 0.2);
    near(layers[1]!.share, 0.2);
    near(layers[2]!.share, 0.1);
    near(layers[0]!.transferShareOfLine, 0.2);
    near(layers[1]!.transferShareOfLine, 0.3);
    near(layers[2]!.transferShareOfLine, 0.35);
    // Equal coverages: one layer holds both; the empty layer between them is left out.
    expect(nestedLayers([{ coveredShare: 0.4, transferShareOfLine: 0.1 }, { coveredShare: 0.4, transferShareOfLine: 0.2 }]).map((l) => [l.members, l.share])).toEqual([[[0, 1], 0.4]]);
    expect(nestedLayers([])).toEqual([]);
  });
});

describe('interventionEffects: one programme', () => {
  it('a PKH-like programme gives the closed-form change in P0 of the fitted lognormal', () => {
    const r = interventionEffects(input());
    const y = r.years[0]!;
    const p = y.programmes[0]!;
    // mpmath: c = 36.000 ÷ 79.269,96; τ = 55.555,5…; r = τ ÷ 472.000; L = c × band.
    near(p.coveredShare, 0.4541442937526397);
    near(p.poorReached, 36000);
    near(p.transferPerCapita, 55555.555555555555);
    near(p.transferShareOfLine, 0.11770244821092278);
    expect(p.capped).toBe(false);
    expect(p.budget).toBe(30_000_000_000);
    near(y.liftedShare, 0.02660566311465731, 1e-11);
    near(y.p0With, 0.09659433688534269, 1e-12);
    expect(y.p0Without).toBe(P0);
    // L × 643.425 = 17.118,75 → 17.119; the poor without: 79.269,96 → 79.270.
    expect(y.peopleLifted).toBe(17119);
    expect(y.poorWithout).toBe(79270);
    expect(y.budget).toBe(30_000_000_000);
    near(y.costPerPersonLifted, 30_000_000_000 / 17119);
    near(y.coveredShare, 0.4541442937526397);
    expect(y.layers).toHaveLength(1);
    expect(y.layers[0]!.programmeIds).toEqual([1]);
    expect(r.label).toEqual({ id: 'perkiraan model', en: 'model estimate' });
    expect(r.assumptions.length).toBeGreaterThan(0);
    walk(r);
  });

  it('zero accuracy, zero benefit or zero households changes nothing, and says so', () => {
    for (const change of [{ accuracy: 0 }, { benefitPerHouseholdMonth: 0 }, { households: 0 }]) {
      const r = interventionEffects(input({}, [year({ programmes: [{ ...PKH, ...change }] })]));
      const y = r.years[0]!;
      expect(y.p0With).toBe(y.p0Without);
      expect(y.liftedShare).toBe(0);
      expect(y.peopleLifted).toBe(0);
      expect(y.costPerPersonLifted).toBeNull();
      expect(r.problems.find((q) => q.code === 'programme_no_effect')).toMatchObject({ severity: 'info', indicator: 'programme', programmeId: 1, year: 2024 });
      expect(r.problems.find((q) => q.code === 'nothing_lifted')!.fields).toContain('years.2024.costPerPersonLifted');
      walk(r);
    }
  });

  it('coverage never exceeds the poor: capped at 1, named, and no more lifted than reached or than the poor', () => {
    // 30.000 × 0,9 × 4,5 = 121.500 poor reached, more than the 79.269,96 poor.
    const big: ProgrammeYear = { ...PKH, households: 30000, accuracy: 0.9 };
    const r = interventionEffects(input({}, [year({ programmes: [big] })]));
    const y = r.years[0]!;
    expect(y.programmes[0]!.coveredShare).toBe(1);
    expect(y.programmes[0]!.capped).toBe(true);
    expect(y.coveredShare).toBe(1);
    const capped = r.problems.find((q) => q.code === 'coverage_capped')!;
    expect(capped).toMatchObject({ severity: 'info', indicator: 'programme', programmeId: 1, year: 2024, value: 121500 });
    expect(capped.message.id).toContain('PKH (ilustrasi)');
    expect(capped.message.id).toContain('121.500');
    expect(capped.message.en).toContain('79.270');
    // Everyone covered: L = the band itself (mpmath 0,05858416…), 37.694,0 people.
    near(y.liftedShare, 0.058584162524232236, 1e-11);
    expect(y.peopleLifted).toBeLessThanOrEqual(y.poorWithout!);
    expect(y.peopleLifted).toBeLessThanOrEqual(30000 * 0.9 * H);
    walk(r);

    // Property: whatever the programme, lifted ≤ households × accuracy × h and ≤ the poor.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.005, max: 0.6, noNaN: true }),
        fc.double({ min: 0.1, max: 1.5, noNaN: true }),
        fc.integer({ min: 1000, max: 5_000_000 }),
        (households, benefit, accuracy, p0, sigma, pop) => {
          const rep = interventionEffects(input({ sigma }, [year({ p0Without: p0, population: pop, programmes: [{ ...PKH, households, benefitPerHouseholdMonth: benefit, accuracy }] })]));
          const yy = rep.years[0]!;
          expect(yy.programmes[0]!.coveredShare!).toBeLessThanOrEqual(1);
          // round() may add half a person to a non-integer reach (and Φ(Φ⁻¹(p)) = p only to the last bits).
          const reach = households * accuracy * H;
          expect(yy.peopleLifted!).toBeLessThanOrEqual(reach + 0.5 + reach * 1e-12);
          expect(yy.peopleLifted!).toBeLessThanOrEqual(yy.poorWithout!);
          expect(yy.p0With!).toBeGreaterThanOrEqual(0);
          expect(yy.p0With!).toBeLessThanOrEqual(p0);
          walk(rep);
        },
      ),
      { numRuns: 300, seed: 17 },
    );
  });

  it('a benefit above the gap of every covered poor (τ ≥ z) lifts exactly the covered share', () => {
    // τ = z needs 472.000 × 4,5 = 2.124.000 Rp a household a month.
    for (const benefit of [2_124_000, 3_000_000]) {
      const r = interventionEffects(input({}, [year({ programmes: [{ ...PKH, benefitPerHouseholdMonth: benefit }] })]));
      const y = r.years[0]!;
      const c = y.programmes[0]!.coveredShare!;
      near(c, 0.4541442937526397);
      expect(y.programmes[0]!.transferShareOfLine).toBeGreaterThanOrEqual(1);
      near(y.p0With, P0 * (1 - c), 1e-14);
      // c × 79.269,96 = 36.000 people: all the poor reached.
      expect(y.peopleLifted).toBe(36000);
    }
  });
});

describe('interventionEffects: several programmes (nested)', () => {
  it('two programmes by the nested rule, hand-computed, and no more than disjoint coverage would lift', () => {
    const r = interventionEffects(input({}, [year({ programmes: [PKH, BPNT] })]));
    const y = r.years[0]!;
    // BPNT c = 12.000 × 0,7 × 4,5 ÷ 79.269,96 = 0,47685…, τ = 44.444,4…; PKH c = 0,45414…, τ = 55.555,5….
    // Layers: BPNT alone (0,47685 − 0,45414 = 0,02271 of the poor) with 44.444,4; both (0,45414) with 100.000.
    const cB = 0.4768515084402717;
    const cP = 0.4541442937526397;
    near(y.programmes[1]!.coveredShare, cB);
    expect(y.layers.map((l) => l.programmeIds)).toEqual([[2], [2, 1]]);
    near(y.layers[0]!.share, cB - cP, 1e-11);
    near(y.layers[1]!.share, cP);
    near(y.layers[0]!.transferPerCapita, 44444.444444444445);
    near(y.layers[1]!.transferPerCapita, 100000);
    near(y.coveredShare, cB);
    // mpmath: nested L = (cB − cP) × band(44.444,4) + cP × band(100.000) = 0,04211124209961809715136239.
    near(y.liftedShare, 0.0421112420996181, 1e-11);
    near(y.p0With, 0.0810887579003819, 1e-12);
    expect(y.peopleLifted).toBe(27095); // 27.095,43
    expect(y.budget).toBe(50_160_000_000);
    // Disjoint (each programme its own poor, cB + cP ≤ 1): mpmath 0,04974696086393391069445118, more.
    const disjoint = liftedShare(A, SIGMA, [
      { share: cB, transferShareOfLine: 200000 / H / GK },
      { share: cP, transferShareOfLine: 250000 / H / GK },
    ]);
    near(disjoint, 0.04974696086393391, 1e-11);
    expect(y.liftedShare!).toBeLessThan(disjoint);
    // The order of entry does not matter.
    const swapped = interventionEffects(input({}, [year({ programmes: [BPNT, PKH] })])).years[0]!;
    expect(swapped.liftedShare).toBe(y.liftedShare);
    expect(r.problems.some((q) => q.code === 'nested_not_conservative')).toBe(false);
    walk(r);
  });

  it('nested never lifts more than disjoint while the line lies below the mode (a ≤ −σ)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1.2, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.array(fc.record({ c: fc.double({ min: 0, max: 1, noNaN: true }), r: fc.double({ min: 0, max: 1.2, noNaN: true }) }), { minLength: 1, maxLength: 5 }),
        (sigma, extra, progs) => {
          const a = -sigma - extra;
          const total = progs.reduce((s, p) => s + p.c, 0);
          const scaled = progs.map((p) => ({ coveredShare: total > 1 ? p.c / total : p.c, transferShareOfLine: p.r }));
          const nested = liftedShare(a, sigma, nestedLayers(scaled));
          const disjoint = liftedShare(a, sigma, scaled.map((p) => ({ share: p.coveredShare, transferShareOfLine: p.transferShareOfLine })));
          expect(nested).toBeLessThanOrEqual(disjoint * (1 + 1e-12) + 1e-15);
        },
      ),
      { numRuns: 500, seed: 17 },
    );
  });

  it('says when the line lies above the mode, where nested need not be the conservative rule', () => {
    // P0 40 % with σ 0,35: a = −0,253 > −σ.
    const r = interventionEffects(input({}, [year({ p0Without: 0.4, programmes: [PKH, BPNT] })]));
    expect(r.problems.find((q) => q.code === 'nested_not_conservative')).toMatchObject({ severity: 'info', year: 2024 });
    walk(r);
  });
});

describe('interventionEffects: the gap to the target', () => {
  it('the gap and the budget that would close it at the same cost per person (hand example)', () => {
    const r = interventionEffects(input({}, [year({ target: 0.09 })]));
    const y = r.years[0]!;
    // gap = 0,09659433688534268891 − 0,09 = 0,0065943368853426889 (0,66 poin persen);
    // × 643.425 = 4.242,96 → 4.243 people; cost = 30.000.000.000 ÷ 17.119 = 1.752.438,81 Rp;
    // budget to close = 4.243 × 1.752.438,81 = 7.435.597.873,71 Rp.
    near(y.gapPp, 0.006594336885342689, 1e-10);
    expect(y.gapPeople).toBe(4243);
    near(y.costPerPersonLifted, 1752438.8106781938);
    near(y.budgetToClose, 7435597873.707577);
    expect(y.closableByScaling).toBe(true);
    expect(y.target).toBe(0.09);
    walk(r);
  });

  it('a target the programmes reach: negative gap, nothing to close (null, said)', () => {
    const r = interventionEffects(input({}, [year({ target: 0.1 })]));
    const y = r.years[0]!;
    near(y.gapPp, 0.09659433688534269 - 0.1, 1e-10);
    expect(y.gapPeople).toBe(-2191); // −0,0034057 × 643.425 = −2.191,30, half away from zero
    expect(y.budgetToClose).toBeNull();
    const met = r.problems.find((q) => q.code === 'target_met')!;
    expect(met.fields).toContain('years.2024.budgetToClose');
    expect(met.message.id).toContain('10,00 %');
    walk(r);
  });

  it('a gap beyond what more of the same programmes can reach is given as a lower bound, with a warning', () => {
    // Scaling PKH to all the poor lifts at most L ÷ c = 5,86 pp; 12,32 − 1 = 11,32 pp are needed.
    const r = interventionEffects(input({}, [year({ target: 0.01 })]));
    const y = r.years[0]!;
    expect(y.budgetToClose).not.toBeNull();
    expect(y.closableByScaling).toBe(false);
    expect(r.problems.find((q) => q.code === 'gap_beyond_reach')).toMatchObject({ severity: 'warning', year: 2024 });
    walk(r);
  });

  it('no target: no gap, said', () => {
    const r = interventionEffects(input());
    expect(r.years[0]!.gapPp).toBeNull();
    expect(r.problems.find((q) => q.code === 'target_missing')!.fields).toEqual(expect.arrayContaining(['years.2024.gapPp', 'years.2024.gapPeople', 'years.2024.budgetToClose']));
    walk(r);
  });
});

describe('interventionEffects: located problems, never NaN', () => {
  it('σ missing (the base fit failed): no effect, said', () => {
    const r = interventionEffects(input({ sigma: null }, [year({ target: 0.09 })]));
    const y = r.years[0]!;
    expect(y.p0With).toBeNull();
    expect(y.peopleLifted).toBeNull();
    // Coverage and transfers need no σ.
    near(y.coveredShare, 0.4541442937526397);
    expect(y.programmes[0]!.transferPerCapita).not.toBeNull();
    const p = r.problems.find((q) => q.code === 'sigma_missing')!;
    expect(p).toMatchObject({ severity: 'error', year: null });
    expect(p.fields).toEqual(expect.arrayContaining(['years.2024.p0With', 'years.2024.gapPp', 'years.2024.budgetToClose', 'years.2024.costPerPersonLifted']));
    expect(p.message.en).toContain('Kelayakan');
    walk(r);
  });

  it('the poverty line missing for a year: located at GK of that year', () => {
    const r = interventionEffects(input({}, [year(), year({ year: 2025, povertyLine: null })]));
    expect(r.years[0]!.p0With).not.toBeNull();
    expect(r.years[1]!.p0With).toBeNull();
    expect(r.years[1]!.programmes[0]!.transferShareOfLine).toBeNull();
    expect(r.problems.find((q) => q.code === 'poverty_line_missing')).toMatchObject({ indicator: 'GK', year: 2025, severity: 'error' });
    walk(r);
  });

  it('household size missing or ≤ 0: no coverage, no transfer per person, said with the value', () => {
    for (const hh of [null, 0, -2]) {
      const r = interventionEffects(input({ householdSize: hh }));
      const y = r.years[0]!;
      expect(y.coveredShare).toBeNull();
      expect(y.programmes[0]!.transferPerCapita).toBeNull();
      expect(y.p0With).toBeNull();
      expect(y.budget).toBe(30_000_000_000);
      expect(r.problems.find((q) => q.code === 'household_size_missing')).toMatchObject({ indicator: 'household_size', severity: 'error' });
      walk(r);
    }
  });

  it('population missing: no poor people, coverage or effect; located at POP of the year', () => {
    const r = interventionEffects(input({}, [year({ population: null, target: 0.09 })]));
    const y = r.years[0]!;
    expect(y.poorWithout).toBeNull();
    expect(y.coveredShare).toBeNull();
    expect(y.p0With).toBeNull();
    expect(r.problems.find((q) => q.code === 'population_missing')).toMatchObject({ indicator: 'POP', year: 2024 });
    walk(r);
  });

  it('P0 without programmes missing or out of range; a target out of range', () => {
    for (const p0 of [null, 0, 1, 12.32]) {
      const r = interventionEffects(input({}, [year({ p0Without: p0 })]));
      expect(r.years[0]!.p0With).toBeNull();
      expect(r.problems.find((q) => q.code === (p0 === null ? 'p0_missing' : 'p0_out_of_range'))).toMatchObject({ indicator: 'P0', year: 2024 });
      walk(r);
    }
    const r = interventionEffects(input({}, [year({ target: 9 })]));
    expect(r.years[0]!.gapPp).toBeNull();
    expect(r.problems.find((q) => q.code === 'target_out_of_range')!.message.id).toContain('900,00 %');
  });

  it('a programme without a budget: the year has no budget or cost, the programme named', () => {
    const r = interventionEffects(input({}, [year({ programmes: [PKH, { ...BPNT, budget: null }], target: 0.05 })]));
    const y = r.years[0]!;
    expect(y.budget).toBeNull();
    expect(y.costPerPersonLifted).toBeNull();
    expect(y.budgetToClose).toBeNull();
    expect(y.peopleLifted).toBe(27095);
    const b = r.problems.find((q) => q.code === 'budget_missing')!;
    expect(b).toMatchObject({ programmeId: 2, indicator: 'programme', severity: 'warning' });
    expect(b.message.id).toContain('BPNT (ilustrasi)');
    expect(b.fields).toEqual(expect.arrayContaining(['years.2024.budget', 'years.2024.costPerPersonLifted', 'years.2024.budgetToClose', 'years.2024.programmes.2.budget']));
    walk(r);
  });

  it('an invalid programme (accuracy typed as 80, a negative count) is named and the year not computed', () => {
    const r = interventionEffects(input({}, [year({ programmes: [{ ...PKH, accuracy: 80 }, { ...BPNT, households: -5 }] })]));
    expect(r.years[0]!.p0With).toBeNull();
    const bad = r.problems.filter((q) => q.code === 'programme_invalid');
    expect(bad.map((q) => q.programmeId)).toEqual([1, 2]);
    expect(bad[0]!.message.id).toContain('8.000,00 %');
    walk(r);
  });

  it('a year without programmes: P0 unchanged, nothing lifted, said', () => {
    const r = interventionEffects(input({ sigma: null }, [year({ programmes: [], target: 0.1 })]));
    const y = r.years[0]!;
    expect(y.p0With).toBe(P0);
    expect(y.peopleLifted).toBe(0);
    expect(y.budget).toBe(0);
    expect(y.coveredShare).toBe(0);
    expect(r.problems.find((q) => q.code === 'no_programmes')!.fields).toContain('years.2024.costPerPersonLifted');
    expect(r.problems.some((q) => q.code === 'sigma_missing')).toBe(false);
    walk(r);
  });

  it('whatever comes in, every number is finite or null with a problem that names it', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(null));
    const anyNumber = fc.oneof(fc.double(), fc.integer({ min: -10, max: 2_000_000 }), fc.constantFrom(0, 1, -1, Number.NaN, Infinity, 1e300));
    const programme = fc.record({
      programmeId: fc.integer({ min: 1, max: 1_000_000 }),
      name: fc.string({ maxLength: 8 }),
      households: fc.oneof(fc.integer({ min: 0, max: 100_000 }), anyNumber),
      benefitPerHouseholdMonth: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), anyNumber),
      accuracy: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), anyNumber),
      budget: maybe(fc.oneof(fc.integer({ min: 0, max: 1e12 }), anyNumber)),
    });
    const yearArb = (y: number) =>
      fc.record({
        year: fc.constant(y),
        p0Without: maybe(fc.oneof(fc.double({ min: 0.001, max: 0.7, noNaN: true }), anyNumber)),
        target: maybe(fc.oneof(fc.double({ min: 0, max: 0.3, noNaN: true }), anyNumber)),
        population: maybe(fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), anyNumber)),
        povertyLine: maybe(fc.oneof(fc.integer({ min: 1, max: 2_000_000 }), anyNumber)),
        programmes: fc.uniqueArray(programme, { maxLength: 4, selector: (p) => p.programmeId }),
      });
    fc.assert(
      fc.property(
        maybe(fc.oneof(fc.double({ min: 0.05, max: 2, noNaN: true }), anyNumber)),
        maybe(fc.oneof(fc.double({ min: 1, max: 10, noNaN: true }), anyNumber)),
        yearArb(2024),
        yearArb(2025),
        (sigma, householdSize, y1, y2) => {
          const r = interventionEffects({ sigma, householdSize, years: [y1, y2] });
          walk(r);
          for (const y of r.years) {
            if (y.p0With !== null && y.p0Without !== null) expect(y.p0With).toBeLessThanOrEqual(y.p0Without);
            if (y.peopleLifted !== null) expect(y.peopleLifted).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 1000, seed: 17 },
    );
  });
});
