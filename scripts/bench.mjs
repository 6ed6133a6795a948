// `npm run bench`: the scale figures of issue #7 (docs/PERFORMANCE.md). Never part of `npm test`.
// Bundles bench/run.ts (and bench/browser/index.ts when it exists) with esbuild into dist/bench/,
// the way scripts/build.mjs bundles the hosts, then runs it with the arguments given:
//   npm run bench                      every measure, regency + rpjmd + rpjmd10x
//   npm run bench -- --quick           fewer runs, no rpjmd10x (fast iteration)
//   npm run bench -- --no-browser      skip the Chromium measure
//   npm run bench -- --generate rpjmd FILE [SEED]   only write a synthetic workbook
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/bench');
const browserEntry = path.join(root, 'bench/browser/index.ts');
const hasBrowser = fs.existsSync(browserEntry);

await build({
  entryPoints: { run: path.join(root, 'bench/run.ts'), ...(hasBrowser ? { browser: browserEntry } : {}) },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // Packages (better-sqlite3, exceljs, zod, playwright…) load from node_modules as in the app.
  packages: 'external',
  external: ['electron'],
  logLevel: 'warning',
  absWorkingDir: root,
});

const args = [...process.argv.slice(2)];
if (hasBrowser) args.push('--browser-module', path.join(outdir, 'browser.mjs'));
const r = spawnSync(process.execPath, ['--expose-gc', path.join(outdir, 'run.mjs'), ...args], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
