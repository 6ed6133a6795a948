// npm run dist [-- electron-builder args]: the installers (electron-builder.yml).
//   1. checks that the Electron runtime zip for every target can be had (scripts/dist-preflight.mjs:
//      ELECTRON_OVERRIDE_DIST_PATH, the Electron cache, or a mirror answering within 5 s) and
//      otherwise stops at once with exit code 1 and the offline routes, in Indonesian and English;
//      offline, electron-builder itself would retry downloads and end in a stack trace;
//   2. builds (scripts/build.mjs);
//   3. runs node_modules/.bin/electron-builder with the given args, plus -c.electronDist or
//      -c.electronDownload.cache when step 1 found Electron there.
// RPJMD_DIST_SKIP_PREFLIGHT=1 skips step 1 (e.g. behind a proxy that only electron-builder's
// downloader is set up for).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decideElectronSource, targetsFromArgs } from './dist-preflight.mjs';
import { electronPackageDir, findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** The Electron version electron-builder packages: the installed package's, else package.json's pin. */
function electronVersion() {
  const dir = electronPackageDir(root);
  try {
    if (dir) return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    // fall back to the pin
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return String(pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');
}

/** True when the URL answers 2xx/3xx within timeoutMs (HEAD, or a 1-byte GET where HEAD is refused). */
async function probe(url, timeoutMs) {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    let res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal });
    if (res.status === 405 || res.status === 501) {
      res = await fetch(url, { method: 'GET', headers: { Range: 'bytes=0-0' }, redirect: 'follow', signal });
      await res.body?.cancel();
    }
    return res.status < 400;
  } catch {
    return false;
  }
}

function run(command, commandArgs) {
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let builderArgs = [];
if (process.env.RPJMD_DIST_SKIP_PREFLIGHT === '1') {
  console.log('dist: RPJMD_DIST_SKIP_PREFLIGHT=1, not checking for the Electron runtime');
} else {
  const version = electronVersion();
  const result = await decideElectronSource({
    version,
    targets: targetsFromArgs(args),
    env: process.env,
    fs: { existsSync: fs.existsSync, readdirSync: (p) => fs.readdirSync(p) },
    probe,
    findBinary: (env) => findElectronBinary(electronPackageDir(root), env),
    homedir: os.homedir(),
  });
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  console.log(`dist: Electron ${version} from ${result.via === 'override' ? 'ELECTRON_OVERRIDE_DIST_PATH' : result.via === 'cache' ? 'the Electron cache' : 'the mirror'} (${result.detail})`);
  builderArgs = result.builderArgs;
}

run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
run(bin, [...args, ...builderArgs]);
