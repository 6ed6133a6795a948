/**
 * The two-parameter lognormal of per-capita consumption behind a region's poverty figures (issue
 * 16, "Feasibility from the distribution"; docs/METHODS.md, "Feasibility from the distribution
 * (Kelayakan)"). Pure, isomorphic, full precision: nothing here rounds.
 *
 * With consumption y ~ LN(μ, σ²), poverty line z and a = (ln z − μ)/σ (López & Servén 2006):
 *   P0 = Φ(a)
 *   P1 = Φ(a) − e^{−aσ + σ²/2} Φ(a − σ)
 *   P2 = Φ(a) − 2 e^{−aσ + σ²/2} Φ(a − σ) + e^{−2aσ + 2σ²} Φ(a − 2σ)
 * (P0, P1, P2 as shares: 12,32 % is 0,1232; BPS's P1 of 1,85 is 0,0185). The Gini ratio of the
 * lognormal is G = 2Φ(σ/√2) − 1.
 *
 * The products e^{…}·Φ(…) are taken as exp(… + ln Φ(…)), so a large σ never gives ∞ × 0.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Φ: the standard normal distribution function. */
export function phi(x: number): number {
  return normalCdf(x, 0, 1);
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Φ⁻¹: the standard normal quantile; −∞ at 0, +∞ at 1, NaN outside [0, 1].
 *
 * stdlib's quantile is √2·erfinv(2p − 1), and 2p − 1 drops the low digits of a small p (at
 * p = 1,28·10⁻¹² it is off by 3·10⁻⁷). So it is only the start: Newton steps on Φ(x) = p, whose
 * Φ (erfc) is accurate to the last digits in the lower tail, take it to full precision; the upper
 * half by symmetry, Φ⁻¹(p) = −Φ⁻¹(1 − p) (1 − p is exact for p ≥ ½).
 */
export function phiInverse(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -phiInverse(1 - p);
  let x = normalQuantile(p, 0, 1);
  if (!Number.isFinite(x)) {
    // 2p − 1 rounded to −1: start from the tail's asymptote, Φ(x) ≈ φ(x)/|x|.
    const l = -2 * Math.log(p);
    x = -Math.sqrt(l - Math.log(l) - Math.log(2 * Math.PI));
  }
  for (let i = 0; i < 8; i++) {
    const step = (phi(x) - p) / (Math.exp((-x * x) / 2) / SQRT_2PI);
    if (!Number.isFinite(step)) break;
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

export interface PovertyMeasures {
  /** Headcount ratio (share). */
  p0: number;
  /** Poverty gap index (share). */
  p1: number;
  /** Poverty severity index, the squared gap (share). */
  p2: number;
}

/** e^{k} · Φ(x), without overflow: 0 where Φ(x) underflows. */
function expTimesPhi(k: number, x: number): number {
  const p = phi(x);
  return p > 0 ? Math.exp(k + Math.log(p)) : 0;
}

/** P1 = Φ(a) − e^{−aσ + σ²/2} Φ(a − σ), σ > 0. */
function gapAt(a: number, sigma: number): number {
  return phi(a) - expTimesPhi(-a * sigma + (sigma * sigma) / 2, a - sigma);
}

/** P0, P1 and P2 (shares) of the lognormal with standardised poverty line a and dispersion σ > 0. */
export function povertyMeasures(a: number, sigma: number): PovertyMeasures {
  const p0 = phi(a);
  const h1 = expTimesPhi(-a * sigma + (sigma * sigma) / 2, a - sigma);
  const h2 = expTimesPhi(-2 * a * sigma + 2 * sigma * sigma, a - 2 * sigma);
  return { p0, p1: p0 - h1, p2: p0 - 2 * h1 + h2 };
}

/** The Gini ratio of a lognormal of dispersion σ: G = 2Φ(σ/√2) − 1. */
export function giniOfSigma(sigma: number): number {
  return 2 * phi(sigma / Math.SQRT2) - 1;
}

/** σ of the lognormal whose Gini ratio is G (0 < G < 1): σ = √2 Φ⁻¹((G + 1)/2). */
export function sigmaOfGini(gini: number): number {
  return Math.SQRT2 * phiInverse((gini + 1) / 2);
}

/**
 * The upper end of the σ the P1 equation is solved in. σ = 10 is a Gini ratio of 1 − 10⁻¹²: no
 * consumption distribution is that unequal (Indonesian regencies' Gini ratios are 0,25–0,45, σ
 * ≈ 0,45–0,85), so a P1 that needs a larger σ is reported as inconsistent with its P0.
 */
export const SIGMA_MAX = 10;

/**
 * The root of P1(a, σ) = p1 in (0, SIGMA_MAX], or null when there is none.
 *
 * One root: with a fixed, P1 rises strictly with σ. Write h(σ) = e^{σ²/2 − aσ} Φ(a − σ), so
 * P1 = Φ(a) − h. With u = a − σ, d ln h / dσ = (σ − a) − φ(u)/Φ(u) = −(u + φ(u)/Φ(u)) < 0,
 * since φ(u)/Φ(u) = −E[X | X < u] > −u for a standard normal X. So h falls strictly; h → Φ(a)
 * as σ → 0 (P1 → 0) and h → 0 as σ → ∞ (P1 → P0, as h ~ e^{−a²/2} / (√(2π)(σ − a))). Every
 * 0 < P1 < P0 has exactly one σ > 0.
 *
 * Bisection on the bracket (0, SIGMA_MAX] until the bracket cannot be halved in binary (the
 * midpoint equals an end): σ to the last bit the function's own rounding allows.
 */
export function sigmaFromGap(a: number, p1: number): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(p1) || !(p1 > 0) || !(p1 < phi(a))) return null;
  if (gapAt(a, SIGMA_MAX) < p1) return null;
  let lo = 0;
  let hi = SIGMA_MAX;
  for (let i = 0; i < 2000; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    if (gapAt(a, mid) < p1) lo = mid;
    else hi = mid;
  }
  // Of the two ends, the one whose P1 is nearer.
  return lo > 0 && Math.abs(gapAt(a, lo) - p1) < Math.abs(gapAt(a, hi) - p1) ? lo : hi;
}

export interface LognormalInput {
  /** Headcount ratio, share (0,1232). */
  p0: number | null | undefined;
  /** Poverty gap index, share (0,0185). */
  p1?: number | null | undefined;
  /** Gini ratio, 0–1. */
  gini?: number | null | undefined;
  /** Poverty severity index, share: a check on the fit, never used to fit. */
  p2?: number | null | undefined;
}

export type LognormalProblem = 'p0_missing' | 'p0_out_of_range' | 'dispersion_missing' | 'p1_inconsistent' | 'gini_out_of_range';

export type LognormalFit =
  | {
      ok: true;
      /** a = Φ⁻¹(P0) = (ln z − μ)/σ. */
      a: number;
      sigma: number;
      /** Which figure gave σ: the P1 equation, or the Gini ratio (without P1). */
      from: 'p1' | 'gini';
      /** P1 (share): the one fitted to (from 'p1'), or the fitted lognormal's (from 'gini'). */
      p1: number;
      /** The fitted lognormal's P2 (share). */
      p2Predicted: number;
      /** p2Predicted − P2 (share); null when P2 is not known. */
      p2Gap: number | null;
    }
  | {
      ok: false;
      problem: LognormalProblem;
      /**
       * What was wrong, for the caller's message (p1_inconsistent: P1 ≥ P0, P1 ≤ 0, or a root
       * beyond SIGMA_MAX; any: a number that is not finite).
       */
      detail?: 'not_below_p0' | 'not_positive' | 'no_root' | 'not_finite';
    };

const known = (x: number | null | undefined): x is number => x !== null && x !== undefined;

/**
 * Fits the lognormal to a year's P0 and P1 (else its Gini ratio): a = Φ⁻¹(P0); σ the root of the
 * P1 equation (sigmaFromGap), else σ = √2 Φ⁻¹((G + 1)/2). P2, where known, is only compared.
 * All inputs are shares (Gini 0–1).
 */
export function fitLognormal(input: LognormalInput): LognormalFit {
  const { p0, p1, gini, p2 } = input;
  if (!known(p0)) return { ok: false, problem: 'p0_missing' };
  if (!Number.isFinite(p0)) return { ok: false, problem: 'p0_out_of_range', detail: 'not_finite' };
  if (!(p0 > 0 && p0 < 1)) return { ok: false, problem: 'p0_out_of_range' };
  const a = phiInverse(p0);
  if (!Number.isFinite(a)) return { ok: false, problem: 'p0_out_of_range' };
  const check = (sigma: number) => {
    const m = povertyMeasures(a, sigma);
    return { measures: m, p2Gap: known(p2) && Number.isFinite(p2) ? m.p2 - p2 : null };
  };
  if (known(p1)) {
    if (!Number.isFinite(p1)) return { ok: false, problem: 'p1_inconsistent', detail: 'not_finite' };
    if (!(p1 > 0)) return { ok: false, problem: 'p1_inconsistent', detail: 'not_positive' };
    if (!(p1 < p0)) return { ok: false, problem: 'p1_inconsistent', detail: 'not_below_p0' };
    const sigma = sigmaFromGap(a, p1);
    if (sigma === null) return { ok: false, problem: 'p1_inconsistent', detail: 'no_root' };
    const { measures, p2Gap } = check(sigma);
    return { ok: true, a, sigma, from: 'p1', p1, p2Predicted: measures.p2, p2Gap };
  }
  if (known(gini)) {
    if (!Number.isFinite(gini)) return { ok: false, problem: 'gini_out_of_range', detail: 'not_finite' };
    if (!(gini > 0 && gini < 1)) return { ok: false, problem: 'gini_out_of_range' };
    const sigma = sigmaOfGini(gini);
    if (!(sigma > 0) || !Number.isFinite(sigma)) return { ok: false, problem: 'gini_out_of_range' };
    const { measures, p2Gap } = check(sigma);
    return { ok: true, a, sigma, from: 'gini', p1: measures.p1, p2Predicted: measures.p2, p2Gap };
  }
  return { ok: false, problem: 'dispersion_missing' };
}

/**
 * The cumulative distribution-neutral growth of mean consumption that takes the headcount from
 * p0From to p0To (shares) under dispersion σ: every consumption × (1 + g) moves a to
 * a − ln(1 + g)/σ, so g = exp(σ(Φ⁻¹(p0From) − Φ⁻¹(p0To))) − 1 (negative when the target is
 * above the start). Null when σ ≤ 0 or a headcount is not strictly between 0 and 1 (a lognormal
 * has no headcount of exactly 0: no finite growth reaches 0 %).
 */
export function requiredGrowth(sigma: number, p0From: number, p0To: number): number | null {
  if (!(sigma > 0) || !Number.isFinite(sigma)) return null;
  if (!(p0From > 0 && p0From < 1) || !(p0To > 0 && p0To < 1)) return null;
  const g = Math.expm1(sigma * (phiInverse(p0From) - phiInverse(p0To)));
  return Number.isFinite(g) ? g : null;
}

/** The yearly rate of a cumulative growth g over n > 0 years: (1 + g)^(1/n) − 1; null when g ≤ −1. */
export function annualGrowth(g: number, years: number): number | null {
  if (!(years > 0) || !Number.isFinite(g) || !(g > -1)) return null;
  return Math.expm1(Math.log1p(g) / years);
}

/** The headcount (share) after distribution-neutral growth g of mean consumption: Φ(a − ln(1 + g)/σ). */
export function headcountAfterGrowth(a: number, sigma: number, g: number): number {
  return phi(a - Math.log1p(g) / sigma);
}
