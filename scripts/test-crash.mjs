// `npm run test:crash`: the full crash-safety run (200 kills per mode; CRASH_N to change); `npm test` runs 20.
// Arguments replace the default target and go to vitest as they are, e.g.
// `npm run test:crash -- test/reliability/crash.test.ts -t edits` (only the kills during edits).
// The crash test's summary lines (where the kills landed, what was lost) are repeated at the end.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...(args.length > 0 ? args : ['test/reliability'])], {
  stdio: ['inherit', 'pipe', 'inherit'],
  env: { ...process.env, CRASH_N: process.env.CRASH_N ?? '200' },
});
const summary = [];
let rest = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (rest + chunk.toString('utf8')).split('\n');
  rest = lines.pop() ?? '';
  // Lines as the test prints them, less any colour codes vitest puts around them.
  for (const line of lines) {
    const plain = line.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
    if (plain.startsWith('crash/')) summary.push(plain);
  }
});
child.on('close', (code, signal) => {
  if (summary.length > 0) process.stdout.write(`\nCrash-safety summary (CRASH_N=${process.env.CRASH_N ?? '200'}):\n${summary.map((l) => `  ${l}`).join('\n')}\n`);
  process.exit(code ?? (signal ? 1 : 0));
});
