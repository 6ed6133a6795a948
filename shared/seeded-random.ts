/**
 * mulberry32: a small deterministic generator, the same numbers on every machine for a seed. The
 * demo province draws its illustrative figures from it (no Math.random); the tests replay their
 * random runs with it (test/helpers/rng.ts).
 */
export type Rand = () => number;

export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
