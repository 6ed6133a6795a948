// Finds the Electron executable WITHOUT require('electron'): that require runs the package's
// index.js, which tries to download the binary when it is missing (and fails offline).
// Mirrors node_modules/electron/index.js: path.txt names the executable inside dist/, and
// ELECTRON_OVERRIDE_DIST_PATH points at a folder holding a locally provided Electron.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The installed electron package's folder, or null when the package is not installed. */
export function electronPackageDir(fromDir = process.cwd()) {
  try {
    const require = createRequire(path.join(fromDir, 'noop.js'));
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * @param {string | null} electronDir  the electron package folder (node_modules/electron)
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ available: true, path: string, version: string | null } | { available: false, reason: string }}
 */
export function findElectronBinary(electronDir, env = process.env) {
  if (!electronDir || !fs.existsSync(path.join(electronDir, 'package.json'))) {
    return { available: false, reason: 'the electron package is not installed' };
  }
  let version = null;
  try {
    version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version ?? null;
  } catch {
    // a version is informative only
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return fs.existsSync(candidate)
      ? { available: true, path: candidate, version }
      : { available: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${path.basename(candidate)}` };
  }
  if (!executable) return { available: false, reason: 'node_modules/electron/path.txt is missing (the binary was never downloaded)' };
  const full = path.join(electronDir, 'dist', executable);
  if (!fs.existsSync(full)) return { available: false, reason: `node_modules/electron/dist/${executable} is missing` };
  return { available: true, path: full, version };
}
