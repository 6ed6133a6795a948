// `npm run test:crash`: the full crash-safety run (200 kills per mode); `npm test` runs 20.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/reliability'], {
  stdio: 'inherit',
  env: { ...process.env, CRASH_N: process.env.CRASH_N ?? '200' },
});
process.exit(r.status ?? 1);
