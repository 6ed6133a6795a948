// Decides, before electron-builder runs, whether the Electron runtime zip for each target can be
// had: electron-builder downloads it (through @electron/get) and, offline, hangs on retries and
// ends with a network stack trace. scripts/dist.mjs runs this first and stops with a clear
// message instead. Pure apart from the injected fs, env and probe, so it is unit-tested
// (test/unit/dist-preflight.test.ts).
//
// The routes, in order (the first that works wins):
//   1. ELECTRON_OVERRIDE_DIST_PATH: a folder with an unpacked Electron for this machine (the same
//      variable the electron package and `npm start` honour; found with scripts/electron-binary.mjs).
//      Passed on as -c.electronDist=<folder>. Only for targets of this platform and architecture.
//   2. The zip electron-v<version>-<platform>-<arch>.zip already in @electron/get's cache
//      (ELECTRON_CACHE / electron_config_cache, else ~/.cache/electron, ~/Library/Caches/electron,
//      %LOCALAPPDATA%\electron\Cache), flat or in @electron/get's <hash>/ folders. A cache other
//      than the default is passed on as -c.electronDownload.cache=<folder>.
//   3. A mirror that answers within 5 s: ELECTRON_MIRROR (or npm_config_electron_mirror), else
//      GitHub's releases, as @electron/get builds the URL (mirror + v<version>/ + zip name).
import path from 'node:path';

export const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';
export const PROBE_TIMEOUT_MS = 5000;

const PLATFORM_FLAGS = { '--linux': 'linux', '-l': 'linux', '--win': 'win32', '--windows': 'win32', '-w': 'win32', '--mac': 'darwin', '--macos': 'darwin', '-m': 'darwin', '-o': 'darwin' };
const ARCH_FLAGS = { '--x64': 'x64', '--ia32': 'ia32', '--armv7l': 'armv7l', '--arm64': 'arm64', '--universal': 'universal' };

/**
 * The platform/arch pairs an electron-builder command line builds (its -l/-w/-m and --x64/--arm64
 * flags; none means this machine's platform and architecture).
 * @param {string[]} args
 * @param {string} hostPlatform
 * @param {string} hostArch
 * @returns {{ platform: string, arch: string }[]}
 */
export function targetsFromArgs(args, hostPlatform = process.platform, hostArch = process.arch) {
  const platforms = [...new Set(args.map((a) => PLATFORM_FLAGS[a]).filter(Boolean))];
  const archs = [...new Set(args.map((a) => ARCH_FLAGS[a]).filter(Boolean))];
  const targets = [];
  for (const platform of platforms.length ? platforms : [hostPlatform]) {
    for (const arch of archs.length ? archs : [hostArch]) targets.push({ platform, arch });
  }
  return targets;
}

/** The runtime zip's file name, as @electron/get names it. */
export function electronZipName(version, platform, arch) {
  return `electron-v${version}-${platform}-${arch}.zip`;
}

/** The first non-empty value of these env variables, or undefined. */
function firstEnv(env, names) {
  for (const name of names) if (env[name]) return env[name];
  return undefined;
}

/**
 * @electron/get's cache folder: ELECTRON_CACHE or electron_config_cache when set, else its
 * default for the platform (env-paths('electron').cache).
 * @returns {{ dir: string, custom: boolean }}
 */
export function electronCacheDir(env, platform = process.platform, homedir = '') {
  const custom = firstEnv(env, ['ELECTRON_CACHE', 'electron_config_cache', 'npm_config_electron_cache']);
  if (custom) return { dir: custom, custom: true };
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'darwin') return { dir: join(homedir, 'Library', 'Caches', 'electron'), custom: false };
  if (platform === 'win32') return { dir: join(env.LOCALAPPDATA || join(homedir, 'AppData', 'Local'), 'electron', 'Cache'), custom: false };
  return { dir: join(env.XDG_CACHE_HOME || join(homedir, '.cache'), 'electron'), custom: false };
}

/** The mirror @electron/get will use (.npmrc / package.json config / ELECTRON_MIRROR) and whether it is the default. */
export function electronMirror(env) {
  const mirror = firstEnv(env, ['npm_config_electron_mirror', 'NPM_CONFIG_ELECTRON_MIRROR', 'npm_package_config_electron_mirror', 'ELECTRON_MIRROR']);
  return { base: mirror || DEFAULT_MIRROR, custom: Boolean(mirror) };
}

/** The download URL @electron/get builds for a target (ELECTRON_CUSTOM_DIR / _FILENAME honoured). */
export function electronZipUrl(env, version, platform, arch) {
  const { base } = electronMirror(env);
  const dir = (firstEnv(env, ['npm_config_electron_custom_dir', 'ELECTRON_CUSTOM_DIR']) ?? `v${version}`).replace('{{ version }}', version);
  const file = firstEnv(env, ['npm_config_electron_custom_filename', 'ELECTRON_CUSTOM_FILENAME']) ?? electronZipName(version, platform, arch);
  return `${base.endsWith('/') ? base : `${base}/`}${dir}/${file}`;
}

/**
 * Where a zip is in the cache: <cache>/<zip> (electron-download's flat layout) or
 * <cache>/<sha256 of the URL's folder>/<zip> (@electron/get). Null when absent.
 * @param {{ existsSync(p: string): boolean, readdirSync(p: string): string[] }} fs
 */
export function findCachedZip(fs, cacheDir, zipName) {
  const flat = path.join(cacheDir, zipName);
  if (fs.existsSync(flat)) return flat;
  let entries;
  try {
    entries = fs.readdirSync(cacheDir);
  } catch {
    return null;
  }
  for (const entry of entries) {
    const candidate = path.join(cacheDir, entry, zipName);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * Decides how electron-builder gets Electron, or that it cannot.
 * @param {object} o
 * @param {string} o.version              the electron version electron-builder packages
 * @param {{ platform: string, arch: string }[]} o.targets
 * @param {Record<string, string | undefined>} o.env
 * @param {{ existsSync(p: string): boolean, readdirSync(p: string): string[] }} o.fs
 * @param {(url: string, timeoutMs: number) => Promise<boolean>} o.probe   true when the URL answers (2xx/3xx)
 * @param {(env: Record<string, string | undefined>) => { available: boolean, path?: string, reason?: string }} o.findBinary
 *        scripts/electron-binary.mjs findElectronBinary for the installed electron package
 * @param {string} [o.hostPlatform]
 * @param {string} [o.hostArch]
 * @param {string} [o.homedir]
 * @returns {Promise<import('./dist-preflight.d.mts').PreflightResult>}
 */
export async function decideElectronSource(o) {
  const hostPlatform = o.hostPlatform ?? process.platform;
  const hostArch = o.hostArch ?? process.arch;
  const reasons = [];

  const override = o.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const found = o.findBinary(o.env);
    const foreign = o.targets.filter((t) => t.platform !== hostPlatform || t.arch !== hostArch);
    if (!found.available) reasons.push(`ELECTRON_OVERRIDE_DIST_PATH=${override}: ${found.reason}`);
    else if (foreign.length) {
      reasons.push(`ELECTRON_OVERRIDE_DIST_PATH holds Electron for ${hostPlatform}-${hostArch}, not for ${foreign.map((t) => `${t.platform}-${t.arch}`).join(', ')}`);
    } else {
      return { ok: true, via: 'override', detail: found.path ?? override, builderArgs: [`-c.electronDist=${override}`] };
    }
  }

  const cache = electronCacheDir(o.env, hostPlatform, o.homedir ?? '');
  const cached = o.targets.map((t) => findCachedZip(o.fs, cache.dir, electronZipName(o.version, t.platform, t.arch)));
  if (cached.every(Boolean)) {
    return { ok: true, via: 'cache', detail: cached.join(', '), builderArgs: cache.custom ? [`-c.electronDownload.cache=${cache.dir}`] : [] };
  }
  const missing = o.targets.filter((_, i) => !cached[i]).map((t) => electronZipName(o.version, t.platform, t.arch));
  reasons.push(`not in the Electron cache ${cache.dir}: ${missing.join(', ')}`);

  const mirror = electronMirror(o.env);
  const urls = o.targets.filter((_, i) => !cached[i]).map((t) => electronZipUrl(o.env, o.version, t.platform, t.arch));
  const answers = await Promise.all(urls.map((url) => o.probe(url, PROBE_TIMEOUT_MS).catch(() => false)));
  if (answers.every(Boolean)) return { ok: true, via: 'mirror', detail: urls.join(', '), builderArgs: [] };
  const failed = urls.filter((_, i) => !answers[i]);
  reasons.push(`${mirror.custom ? 'ELECTRON_MIRROR' : 'the default download site'} did not serve it within ${PROBE_TIMEOUT_MS / 1000} s (no answer or an error status): ${failed.join(', ')}`);

  return { ok: false, reasons, message: offlineMessage(o.version, reasons, missing[0]) };
}

/** The stop message: Indonesian first (the planners' and their IT staff's language), then English. */
export function offlineMessage(version, reasons, zip = electronZipName(version, 'win32', 'x64')) {
  return [
    `npm run dist: runtime Electron ${version} tidak tersedia — pemaketan dihentikan.`,
    `npm run dist: the Electron ${version} runtime cannot be obtained — packaging stopped.`,
    '',
    ...reasons.map((r) => `  - ${r}`),
    '',
    'ID  electron-builder mengunduh runtime Electron untuk setiap target. Tanpa internet, pilih salah satu:',
    '    1) ELECTRON_MIRROR: mirror (server kantor) yang menyediakan berkas rilis Electron, mis.',
    `         ELECTRON_MIRROR=https://mirror.kantor.example/electron/ npm run dist`,
    `       (berkas dicari di <mirror>v${version}/${zip}); atau salin zip itu ke cache Electron`,
    '       (~/.cache/electron, %LOCALAPPDATA%\\electron\\Cache, atau folder ELECTRON_CACHE).',
    '    2) ELECTRON_OVERRIDE_DIST_PATH: folder berisi Electron yang sudah diekstrak untuk mesin ini, mis.',
    `         ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v${version}-linux-x64 npm run dist -- --linux`,
    '    Modul better-sqlite3 juga harus dibangun ulang untuk ABI Electron; itu butuh header Electron dari',
    '    internet (atau dari mirror: npm_config_disturl=<mirror header Electron>, ELECTRON_MIRROR).',
    '    Target installer juga mengunduh alatnya sendiri (runtime AppImage, fpm untuk deb, NSIS), dari',
    '    ELECTRON_BUILDER_BINARIES_MIRROR atau cache electron-builder.',
    '',
    'EN  electron-builder downloads the Electron runtime for every target. Offline, use one of:',
    '    1) ELECTRON_MIRROR: a mirror (an office server) holding the Electron release files, e.g.',
    `         ELECTRON_MIRROR=https://mirror.office.example/electron/ npm run dist`,
    `       (it fetches <mirror>v${version}/${zip}); or copy that zip into the Electron cache`,
    '       (~/.cache/electron, %LOCALAPPDATA%\\electron\\Cache, or the ELECTRON_CACHE folder).',
    '    2) ELECTRON_OVERRIDE_DIST_PATH: a folder with an unpacked Electron for this machine, e.g.',
    `         ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v${version}-linux-x64 npm run dist -- --linux`,
    '    better-sqlite3 must also be rebuilt for Electron\'s ABI, which needs Electron\'s headers from the',
    '    internet (or a mirror: npm_config_disturl=<Electron headers mirror>, ELECTRON_MIRROR).',
    '    The installer targets fetch their own tools too (AppImage runtime, fpm for deb, NSIS), from',
    '    ELECTRON_BUILDER_BINARIES_MIRROR or electron-builder\'s cache.',
  ].join('\n');
}
