// `npm run serve`: builds when dist/ is missing or older than the sources, then starts the
// browser host (dist/node/serve.mjs) with the given arguments.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/node/serve.mjs');
const rendererIndex = path.join(root, 'dist/renderer/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!fs.existsSync(entry) || !fs.existsSync(rendererIndex)) return true;
  const built = Math.min(fs.statSync(entry).mtimeMs, fs.statSync(rendererIndex).mtimeMs);
  const sources = Math.max(...['electron', 'renderer', 'shared', 'resources'].map((d) => newestMtime(path.join(root, d))));
  return sources > built;
}

if (needsBuild()) {
  console.error('serve: building first…');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
