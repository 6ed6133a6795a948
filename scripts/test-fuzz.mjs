// `npm run test:fuzz`: the full hostile-file fuzz run (2000 files, a fresh seed each run unless
// FUZZ_SEED is set; the seed is printed). `npm test` runs 200 files with a fixed seed.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';

const seed = process.env.FUZZ_SEED ?? String(crypto.randomInt(1, 2 ** 31));
console.log(`fuzz: FUZZ_SEED=${seed} FUZZ_N=${process.env.FUZZ_N ?? '2000'} (set FUZZ_SEED to replay this run)`);
const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/reliability/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_N: process.env.FUZZ_N ?? '2000', FUZZ_SEED: seed },
});
// The seed once more at the end, where a failing run's last lines are read.
console.log(`fuzz: FUZZ_SEED=${seed} ${r.status === 0 ? 'passed' : `FAILED (exit ${r.status ?? r.signal})`}`);
process.exit(r.status ?? 1);
