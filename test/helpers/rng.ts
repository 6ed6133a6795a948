/** Deterministic PRNG (mulberry32, shared/seeded-random.ts): the same seed gives the same run, so a failure can be replayed. */
export { mulberry32 as rng, type Rand } from '../../shared/seeded-random.js';
