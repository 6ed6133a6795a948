// `npm run cli -- <command>`: builds the Node side when dist/node/cli.mjs is missing or older
// than the sources, then runs the batch command line (electron/host/cli.ts) with the arguments.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/node/cli.mjs');

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!fs.existsSync(entry)) return true;
  const sources = Math.max(...['electron', 'shared', 'resources'].map((d) => newestMtime(path.join(root, d))));
  return sources > fs.statSync(entry).mtimeMs;
}

if (needsBuild()) {
  console.error('cli: building first…');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--node-only'], { cwd: root, stdio: ['ignore', 2, 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit' });
process.exit(r.status ?? 1);
