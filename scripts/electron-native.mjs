// Keeps an Electron-ABI build of better-sqlite3 BESIDE the Node build, never instead of it:
//   node_modules/better-sqlite3/build/Release/better_sqlite3.node   Node ABI: tests, browser host
//   .native/electron-<version>/better_sqlite3.node                 Electron ABI: `npm start`
// main.ts hands the second path to the store worker, which passes it to better-sqlite3 as
// `nativeBinding`, so nobody ever switches builds by hand.
//
// The build works on a copy of node_modules/better-sqlite3 and first tries the prebuilt binary
// (prebuild-install, from the better-sqlite3 GitHub releases), then compiles with node-gyp against
// Electron's headers (electronjs.org). Both need the internet; offline it fails with a reason and
// scripts/start.mjs falls back to the browser host.
//
// Usage: node scripts/electron-native.mjs   (prints the binding path, exit 1 with the reason on failure)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BINDING_NAME = 'better_sqlite3.node';

function packageDir(root, name) {
  return path.dirname(createRequire(path.join(root, 'noop.js')).resolve(`${name}/package.json`));
}

function readVersion(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

export function electronNativeDir(root, electronVersion) {
  return path.join(root, '.native', `electron-${electronVersion}`);
}

/** What the binding in a folder was built from; a different better-sqlite3 or platform means rebuild. */
function buildInfo(electronVersion, sqliteVersion) {
  return { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
}

/** One line saying why a build step failed; the whole output is in build.log. */
function summarise(output, status) {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const offline = lines.find((l) => /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo/.test(l));
  if (offline) return `no network access (${offline})`;
  if (lines.some((l) => /network connectivity/.test(l))) return 'no network access (could not download the Electron headers)';
  const telling = lines.filter((l) => /error|fail|not found|unable/i.test(l));
  return (telling.at(-1) ?? lines.at(-1) ?? `exit code ${status}`).slice(0, 300);
}

function run(cmd, args, cwd, logFile, timeoutMs) {
  fs.appendFileSync(logFile, `\n$ ${[cmd, ...args].join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, npm_config_runtime: 'electron' } });
  fs.appendFileSync(logFile, `${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.error) return { ok: false, why: r.error.message };
  if (r.status !== 0) return { ok: false, why: summarise(`${r.stderr ?? ''}${r.stdout ?? ''}`, r.status) };
  return { ok: true };
}

/**
 * Ensures .native/electron-<version>/better_sqlite3.node exists for this platform.
 * @returns {{ ok: true, path: string } | { ok: false, reason: string }}
 */
export function ensureElectronNative({ root, electronVersion, log = (m) => console.error(m) }) {
  let sqliteDir;
  try {
    sqliteDir = packageDir(root, 'better-sqlite3');
  } catch {
    return { ok: false, reason: 'better-sqlite3 is not installed (run npm install)' };
  }
  const sqliteVersion = readVersion(sqliteDir);
  const outDir = electronNativeDir(root, electronVersion);
  const target = path.join(outDir, BINDING_NAME);
  const infoFile = path.join(outDir, 'build-info.json');
  const wanted = buildInfo(electronVersion, sqliteVersion);
  if (fs.existsSync(target) && fs.existsSync(infoFile)) {
    try {
      const have = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
      if (JSON.stringify(have) === JSON.stringify(wanted)) return { ok: true, path: target };
    } catch {
      // rebuild below
    }
  }

  log(`Preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (one time; needs the internet)…`);
  fs.mkdirSync(outDir, { recursive: true });
  const work = path.join(outDir, 'work');
  const logFile = path.join(outDir, 'build.log');
  fs.rmSync(work, { recursive: true, force: true });
  fs.writeFileSync(logFile, `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} on ${process.platform}-${process.arch}\n`);
  // A copy without its build/ folder: the Node build in node_modules stays exactly as it is.
  fs.cpSync(sqliteDir, work, {
    recursive: true,
    filter: (src) => path.relative(sqliteDir, src).split(path.sep)[0] !== 'build',
  });

  const common = [`--target=${electronVersion}`, `--arch=${process.arch}`];
  const attempts = [];
  try {
    const prebuild = path.join(packageDir(root, 'prebuild-install'), 'bin.js');
    attempts.push(['prebuilt binary', process.execPath, [prebuild, '--runtime=electron', `--platform=${process.platform}`, ...common], 3 * 60_000]);
  } catch {
    // prebuild-install is optional; compile instead
  }
  try {
    const gyp = path.join(packageDir(root, 'node-gyp'), 'bin', 'node-gyp.js');
    const devdir = path.join(os.homedir(), '.electron-gyp'); // where @electron/rebuild keeps Electron headers too
    attempts.push([
      'node-gyp build',
      process.execPath,
      [gyp, 'rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers', '--runtime=electron', `--devdir=${devdir}`],
      20 * 60_000,
    ]);
  } catch {
    // reported below if the prebuilt binary also failed
  }
  if (attempts.length === 0) return { ok: false, reason: 'neither prebuild-install nor node-gyp is installed' };

  const failures = [];
  for (const [label, cmd, args, timeout] of attempts) {
    const r = run(cmd, args, work, logFile, timeout);
    const built = path.join(work, 'build', 'Release', BINDING_NAME);
    if (r.ok && fs.existsSync(built)) {
      // Copy then rename, so an interrupted copy never leaves a half-written binding behind.
      fs.copyFileSync(built, `${target}.tmp`);
      fs.renameSync(`${target}.tmp`, target);
      fs.writeFileSync(infoFile, JSON.stringify(wanted));
      fs.rmSync(work, { recursive: true, force: true });
      log(`better-sqlite3 for Electron ready (${label}): ${path.relative(root, target)}`);
      return { ok: true, path: target };
    }
    failures.push(`${label}: ${r.ok ? 'no binary produced' : r.why}`);
  }
  fs.rmSync(work, { recursive: true, force: true });
  return { ok: false, reason: `${failures.join('; ')} (log: ${path.relative(root, logFile)})` };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const electronVersion = readVersion(packageDir(root, 'electron'));
  const r = ensureElectronNative({ root, electronVersion });
  if (r.ok) console.log(r.path);
  else {
    console.error(`Could not build better-sqlite3 for Electron ${electronVersion}: ${r.reason}`);
    process.exit(1);
  }
}
