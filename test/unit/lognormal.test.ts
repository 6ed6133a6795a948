/**
 * The lognormal behind the poverty figures (shared/model/lognormal.ts; docs/METHODS.md,
 * "Feasibility from the distribution (Kelayakan)").
 *
 * Expected literals were computed independently of this code with Python's mpmath at 40
 * significant digits (mp.ncdf for Φ, √2·erfinv(2p − 1) for Φ⁻¹, mp.findroot for the P1
 * equation), e.g.
 *   python3 -c "import mpmath as mp; mp.mp.dps=40; a=mp.sqrt(2)*mp.erfinv(2*mp.mpf('0.1232')-1);
 *     print(mp.findroot(lambda s: mp.ncdf(a)-mp.e**(-a*s+s*s/2)*mp.ncdf(a-s)-mp.mpf('0.0185'), 0.5))"
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualGrowth,
  fitLognormal,
  giniOfSigma,
  headcountAfterGrowth,
  phi,
  phiInverse,
  povertyMeasures,
  requiredGrowth,
  SIGMA_MAX,
  sigmaFromGap,
  sigmaOfGini,
} from '../../shared/model/lognormal.js';

/** |actual − expected| ≤ tol·max(1, |expected|)… as a relative tolerance for small numbers. */
function near(actual: number, expected: number, relTol: number): void {
  expect(Number.isFinite(actual)).toBe(true);
  const err = Math.abs(actual - expected) / Math.abs(expected);
  if (!(err <= relTol)) throw new Error(`${actual} differs from ${expected} by ${err.toExponential(2)} (relative), more than ${relTol}`);
}

// (a, σ) → P0, P1, P2 by mpmath (see the header), as the nearest doubles.
const KNOWN: { a: number; sigma: number; p0: number; p1: number; p2: number }[] = [
  { a: -1, sigma: 0.5, p0: 0.15865525393145705, p1: 0.03384297023355213, p2: 0.010989704236550787 },
  { a: 0.3, sigma: 1.2, p0: 0.6179114221889527, p1: 0.354092630481779, p2: 0.24517868866347295 },
  { a: -2.5, sigma: 0.3, p0: 0.006209665325776135, p1: 0.0005514799698989799, p2: 8.50238123823888e-05 },
  // P0 → 0: a headcount of about one in a trillion.
  { a: -7, sigma: 0.6, p0: 1.279812543885835e-12, p1: 9.768770914174278e-14, p2: 1.3675064328843109e-14 },
];

describe('Φ and Φ⁻¹ (stdlib)', () => {
  it('match the standard normal', () => {
    near(phi(-1), 0.15865525393145705, 1e-15);
    near(phiInverse(0.1232), -1.1591378494800573, 1e-15);
    expect(phi(0)).toBe(0.5);
    expect(phiInverse(0)).toBe(-Infinity);
    expect(phiInverse(1)).toBe(Infinity);
  });
});

describe('povertyMeasures', () => {
  it.each(KNOWN)('gives the closed forms for a = $a, σ = $sigma', ({ a, sigma, p0, p1, p2 }) => {
    const m = povertyMeasures(a, sigma);
    near(m.p0, p0, 1e-14);
    // P1 and P2 are differences of near-equal terms: a few more ulps.
    near(m.p1, p1, 1e-11);
    near(m.p2, p2, 1e-9);
  });

  it('never gives ∞ × 0 for a very unequal distribution', () => {
    const m = povertyMeasures(0.5, 40);
    for (const v of [m.p0, m.p1, m.p2]) expect(Number.isFinite(v)).toBe(true);
    expect(m.p1).toBeLessThanOrEqual(m.p0);
  });
});

describe('the P1 equation has one root in σ', () => {
  it('P1 rises strictly with σ for a fixed a, from 0 towards P0', () => {
    for (const a of [-3, -1.16, 0, 0.8]) {
      let prev = 0;
      for (let s = 0.01; s <= SIGMA_MAX; s += 0.01) {
        const p1 = povertyMeasures(a, s).p1;
        expect(p1).toBeGreaterThan(prev);
        expect(p1).toBeLessThan(phi(a));
        prev = p1;
      }
    }
  });

  it('sigmaFromGap has no root where P1 ≥ P0 or P1 ≤ 0', () => {
    const a = phiInverse(0.1232);
    expect(sigmaFromGap(a, 0.1232)).toBeNull();
    expect(sigmaFromGap(a, 0.2)).toBeNull();
    expect(sigmaFromGap(a, 0)).toBeNull();
    expect(sigmaFromGap(a, -0.01)).toBeNull();
    // Just below P0: the root would lie beyond SIGMA_MAX (a Gini of 1 − 10⁻¹²).
    expect(sigmaFromGap(a, 0.1231)).toBeNull();
  });
});

describe('fitLognormal', () => {
  it.each(KNOWN)('recovers a = $a and σ = $sigma from P0 and P1, and predicts P2 within 1e-6', ({ a, sigma, p0, p1, p2 }) => {
    const fit = fitLognormal({ p0, p1, p2 });
    if (!fit.ok) throw new Error(`fit failed: ${fit.problem}`);
    expect(fit.from).toBe('p1');
    near(fit.a, a, 1e-14);
    near(fit.sigma, sigma, 1e-12);
    expect(Math.abs(fit.p2Predicted - p2)).toBeLessThan(1e-6);
    near(fit.p2Predicted, p2, 1e-11);
    expect(Math.abs(fit.p2Gap!)).toBeLessThan(1e-6);
  });

  it('recovers (a, σ) of any plausible lognormal (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -4, max: 1.5, noNaN: true }), fc.double({ min: 0.05, max: 3, noNaN: true }), (a, sigma) => {
        const m = povertyMeasures(a, sigma);
        const fit = fitLognormal({ p0: m.p0, p1: m.p1, p2: m.p2 });
        if (!fit.ok) return false;
        return Math.abs(fit.a - a) <= 1e-12 * Math.max(1, Math.abs(a)) && Math.abs(fit.sigma - sigma) <= 1e-10 * sigma && Math.abs(fit.p2Gap!) < 1e-6;
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('fits Muara Enim 2020: P0 12,32 %, P1 1,85 (hypothetical)', () => {
    const fit = fitLognormal({ p0: 0.1232, p1: 0.0185 });
    if (!fit.ok) throw new Error(fit.problem);
    // mpmath: a = Φ⁻¹(0,1232), σ the root of the P1 equation; P2 and Gini of that lognormal.
    near(fit.a, -1.1591378494800573, 1e-15);
    near(fit.sigma, 0.3497922627201769, 1e-14);
    near(fit.p2Predicted, 0.004419253841956459, 1e-11);
    expect(fit.p2Gap).toBeNull();
    near(giniOfSigma(fit.sigma), 0.19535526748491183, 1e-13);
  });

  it('takes σ from the Gini ratio without P1: G = 2Φ(σ/√2) − 1', () => {
    const fit = fitLognormal({ p0: 0.1232, gini: 0.32 });
    if (!fit.ok) throw new Error(fit.problem);
    expect(fit.from).toBe('gini');
    // mpmath: σ = √2·Φ⁻¹(1,32/2); that lognormal's P1 at a = Φ⁻¹(0,1232).
    near(fit.sigma, 0.5833109516348841, 1e-14);
    near(fit.p1, 0.028296602170916292, 1e-12);
    near(giniOfSigma(sigmaOfGini(0.32)), 0.32, 1e-14);
  });

  it('prefers P1 to the Gini ratio when both are known', () => {
    const fit = fitLognormal({ p0: 0.1232, p1: 0.0185, gini: 0.32 });
    expect(fit.ok && fit.from).toBe('p1');
  });

  it('names what is wrong with the inputs', () => {
    const problem = (input: Parameters<typeof fitLognormal>[0]) => {
      const f = fitLognormal(input);
      return f.ok ? 'ok' : `${f.problem}${f.detail ? `:${f.detail}` : ''}`;
    };
    expect(problem({ p0: null, p1: 0.0185 })).toBe('p0_missing');
    expect(problem({ p0: undefined })).toBe('p0_missing');
    expect(problem({ p0: 0, p1: 0.0185 })).toBe('p0_out_of_range');
    expect(problem({ p0: 1, p1: 0.0185 })).toBe('p0_out_of_range');
    expect(problem({ p0: -0.01, p1: 0.0185 })).toBe('p0_out_of_range');
    expect(problem({ p0: Number.NaN, p1: 0.0185 })).toBe('p0_out_of_range:not_finite');
    expect(problem({ p0: 0.1232 })).toBe('dispersion_missing');
    expect(problem({ p0: 0.1232, p1: null, gini: null })).toBe('dispersion_missing');
    expect(problem({ p0: 0.1232, p1: 0.1232 })).toBe('p1_inconsistent:not_below_p0');
    expect(problem({ p0: 0.1232, p1: 0.15 })).toBe('p1_inconsistent:not_below_p0');
    expect(problem({ p0: 0.1232, p1: 0 })).toBe('p1_inconsistent:not_positive');
    expect(problem({ p0: 0.1232, p1: 0.1231 })).toBe('p1_inconsistent:no_root');
    // An inconsistent P1 is not papered over by the Gini ratio.
    expect(problem({ p0: 0.1232, p1: 0.2, gini: 0.32 })).toBe('p1_inconsistent:not_below_p0');
    expect(problem({ p0: 0.1232, gini: 0 })).toBe('gini_out_of_range');
    expect(problem({ p0: 0.1232, gini: 1 })).toBe('gini_out_of_range');
    expect(problem({ p0: 0.1232, gini: 32 })).toBe('gini_out_of_range');
    expect(problem({ p0: 0.1232, gini: -0.1 })).toBe('gini_out_of_range');
  });

  it('fits a headcount next to 0 (P0 → 0)', () => {
    const fit = fitLognormal({ p0: 1e-9, p1: 1e-10 });
    if (!fit.ok) throw new Error(fit.problem);
    near(povertyMeasures(fit.a, fit.sigma).p1, 1e-10, 1e-9);
  });
});

describe('requiredGrowth', () => {
  const sigma = 0.3497922627201769;
  it('is the closed form exp(σ(Φ⁻¹(P0₀) − Φ⁻¹(P0ₜ))) − 1', () => {
    // mpmath, base P0 12,32 % with the σ above: to 12,60 / 12,10 / 11,50 %.
    near(requiredGrowth(sigma, 0.1232, 0.126)!, -0.0047572918620593175, 1e-12);
    near(requiredGrowth(sigma, 0.1232, 0.121)!, 0.0038075687756161467, 1e-12);
    near(requiredGrowth(sigma, 0.1232, 0.115)!, 0.014523242023840147, 1e-12);
    expect(requiredGrowth(sigma, 0.1232, 0.1232)).toBe(0);
    // Annualised over 3 years: (1 + g)^(1/3) − 1.
    near(annualGrowth(requiredGrowth(sigma, 0.1232, 0.115)!, 3)!, 0.004817831894078763, 1e-12);
  });

  it('applied to the lognormal (a − ln(1 + g)/σ) lands on the target P0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.6, noNaN: true }),
        fc.double({ min: 0.001, max: 0.6, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        (from, to, s) => {
          const g = requiredGrowth(s, from, to);
          if (g === null) return false;
          return Math.abs(headcountAfterGrowth(phiInverse(from), s, g) - to) <= 1e-13 * to;
        },
      ),
      { numRuns: 500, seed: 16 },
    );
    const g = requiredGrowth(sigma, 0.1232, 0.115)!;
    near(headcountAfterGrowth(phiInverse(0.1232), sigma, g), 0.115, 1e-15);
  });

  it('is null where no growth reaches the target', () => {
    expect(requiredGrowth(sigma, 0.1232, 0)).toBeNull();
    expect(requiredGrowth(sigma, 0.1232, 1)).toBeNull();
    expect(requiredGrowth(sigma, 0, 0.1)).toBeNull();
    expect(requiredGrowth(0, 0.1232, 0.1)).toBeNull();
    expect(requiredGrowth(Number.NaN, 0.1232, 0.1)).toBeNull();
    expect(annualGrowth(0.1, 0)).toBeNull();
    expect(annualGrowth(-1, 2)).toBeNull();
  });
});

describe('Φ⁻¹ in the tails', () => {
  it('is accurate where stdlib’s √2·erfinv(2p − 1) loses digits', () => {
    // mpmath: Φ(−7) = 1,2798125438858350044e-12; Φ(−20) = 2,7536241186062336951e-89.
    near(phiInverse(1.279812543885835e-12), -7, 1e-14);
    near(phiInverse(2.7536241186062337e-89), -20, 1e-14);
    // Near 1, p itself keeps only ~4 digits of 1 − p (ulp 1,1·10⁻¹⁶ of 1,28·10⁻¹²): that is all there is to recover.
    near(phiInverse(1 - 1.279812543885835e-12), 7, 1e-5);
    expect(phiInverse(0.5)).toBe(0);
    for (const x of [-35, -8.5, -3, -1.1591378494800573, -0.2, 0.4, 2.5]) near(phiInverse(phi(x)), x, 2e-14);
    expect(phiInverse(-0.1)).toBeNaN();
    expect(phiInverse(1.1)).toBeNaN();
  });
});
