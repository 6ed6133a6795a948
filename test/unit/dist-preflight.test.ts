/**
 * What `npm run dist` decides before electron-builder runs (scripts/dist-preflight.mjs): where the
 * Electron runtime comes from, or the offline message. fs, env, the network probe and the
 * electron binary lookup are injected; nothing here touches the network or the real cache.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ElectronBinary } from '../../scripts/electron-binary.mjs';
import {
  DEFAULT_MIRROR,
  decideElectronSource,
  electronCacheDir,
  electronZipUrl,
  findCachedZip,
  targetsFromArgs,
  type PreflightOptions,
} from '../../scripts/dist-preflight.mjs';

const VERSION = '45.5.0';
const HOME = '/home/perencana';

/** A fake file system holding exactly these files (folders are implied by their paths). */
function fakeFs(files: string[]) {
  const set = new Set(files.map((f) => path.normalize(f)));
  return {
    existsSync: (p: string) => set.has(path.normalize(p)) || [...set].some((f) => f.startsWith(path.normalize(p) + path.sep)),
    readdirSync: (p: string) => {
      const dir = path.normalize(p) + path.sep;
      const names = [...set].filter((f) => f.startsWith(dir)).map((f) => f.slice(dir.length).split(path.sep)[0] ?? '');
      if (names.length === 0) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return [...new Set(names)];
    },
  };
}

function options(over: Partial<PreflightOptions> & { probed?: string[] } = {}): PreflightOptions {
  const probed = over.probed ?? [];
  return {
    version: VERSION,
    targets: [{ platform: 'linux', arch: 'x64' }],
    env: {},
    fs: fakeFs([]),
    probe: async (url) => {
      probed.push(url);
      return false;
    },
    findBinary: (): ElectronBinary => ({ available: false, reason: 'ELECTRON_OVERRIDE_DIST_PATH has no electron' }),
    hostPlatform: 'linux',
    hostArch: 'x64',
    homedir: HOME,
    ...over,
  };
}

describe('targetsFromArgs', () => {
  it("defaults to this machine's platform and architecture", () => {
    expect(targetsFromArgs([], 'linux', 'x64')).toEqual([{ platform: 'linux', arch: 'x64' }]);
  });
  it('reads electron-builder platform and arch flags', () => {
    expect(targetsFromArgs(['--win', '--linux', 'deb', '--arm64'], 'linux', 'x64')).toEqual([
      { platform: 'win32', arch: 'arm64' },
      { platform: 'linux', arch: 'arm64' },
    ]);
    expect(targetsFromArgs(['-w'], 'linux', 'x64')).toEqual([{ platform: 'win32', arch: 'x64' }]);
  });
});

describe('cache folder and download URL (as @electron/get builds them)', () => {
  it('uses ELECTRON_CACHE when set, else the platform default', () => {
    expect(electronCacheDir({ ELECTRON_CACHE: '/srv/cache' }, 'linux', HOME)).toEqual({ dir: '/srv/cache', custom: true });
    expect(electronCacheDir({}, 'linux', HOME)).toEqual({ dir: `${HOME}/.cache/electron`, custom: false });
    expect(electronCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', HOME).dir).toBe('/x/electron');
    expect(electronCacheDir({}, 'darwin', HOME).dir).toBe(`${HOME}/Library/Caches/electron`);
    expect(electronCacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', 'C:\\Users\\a').dir).toBe('C:\\Users\\a\\AppData\\Local\\electron\\Cache');
  });
  it('builds mirror + v<version>/ + zip name, with the default mirror when none is set', () => {
    expect(electronZipUrl({}, VERSION, 'win32', 'x64')).toBe(`${DEFAULT_MIRROR}v45.5.0/electron-v45.5.0-win32-x64.zip`);
    expect(electronZipUrl({ ELECTRON_MIRROR: 'http://mirror.local/electron' }, VERSION, 'linux', 'x64')).toBe(
      'http://mirror.local/electron/v45.5.0/electron-v45.5.0-linux-x64.zip',
    );
  });
  it('finds a zip flat in the cache or in a @electron/get hash folder', () => {
    const zip = 'electron-v45.5.0-linux-x64.zip';
    expect(findCachedZip(fakeFs([`/c/${zip}`]), '/c', zip)).toBe(`/c/${zip}`);
    expect(findCachedZip(fakeFs([`/c/ab12/${zip}`]), '/c', zip)).toBe(`/c/ab12/${zip}`);
    expect(findCachedZip(fakeFs([`/c/ab12/electron-v44.0.0-linux-x64.zip`]), '/c', zip)).toBeNull();
    expect(findCachedZip(fakeFs([]), '/c', zip)).toBeNull();
  });
});

describe('decideElectronSource', () => {
  it('takes ELECTRON_OVERRIDE_DIST_PATH when it holds the executable, and passes it as electronDist', async () => {
    const probed: string[] = [];
    const r = await decideElectronSource(
      options({
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
        findBinary: () => ({ available: true, path: '/opt/electron/electron', version: VERSION }),
        probed,
      }),
    );
    expect(r).toEqual({ ok: true, via: 'override', detail: '/opt/electron/electron', builderArgs: ['-c.electronDist=/opt/electron'] });
    expect(probed).toEqual([]);
  });

  it('does not use the override for another platform (it is an unpacked Electron for this machine)', async () => {
    const r = await decideElectronSource(
      options({
        env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
        findBinary: () => ({ available: true, path: '/opt/electron/electron', version: VERSION }),
        targets: [{ platform: 'win32', arch: 'x64' }],
      }),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reasons[0]).toMatch(/linux-x64, not for win32-x64/);
  });

  it('takes the zip from the default cache without extra args', async () => {
    const r = await decideElectronSource(options({ fs: fakeFs([`${HOME}/.cache/electron/9f3e/electron-v45.5.0-linux-x64.zip`]) }));
    expect(r).toMatchObject({ ok: true, via: 'cache', builderArgs: [] });
  });

  it('passes a custom ELECTRON_CACHE on to electron-builder (which reads only its own setting)', async () => {
    const r = await decideElectronSource(
      options({ env: { ELECTRON_CACHE: '/srv/electron-cache' }, fs: fakeFs(['/srv/electron-cache/electron-v45.5.0-linux-x64.zip']) }),
    );
    expect(r).toMatchObject({ ok: true, via: 'cache', builderArgs: ['-c.electronDownload.cache=/srv/electron-cache'] });
  });

  it('needs every target: a cached Linux zip does not cover a Windows build', async () => {
    const probed: string[] = [];
    const r = await decideElectronSource(
      options({
        targets: [{ platform: 'linux', arch: 'x64' }, { platform: 'win32', arch: 'x64' }],
        fs: fakeFs([`${HOME}/.cache/electron/electron-v45.5.0-linux-x64.zip`]),
        probed,
      }),
    );
    expect(r.ok).toBe(false);
    expect(probed).toEqual([`${DEFAULT_MIRROR}v45.5.0/electron-v45.5.0-win32-x64.zip`]);
  });

  it('goes ahead when the mirror answers, probing ELECTRON_MIRROR with a 5 s limit', async () => {
    const calls: [string, number][] = [];
    const r = await decideElectronSource(
      options({
        env: { ELECTRON_MIRROR: 'http://mirror.kantor.local/electron/' },
        probe: async (url, timeoutMs) => {
          calls.push([url, timeoutMs]);
          return true;
        },
      }),
    );
    expect(r).toMatchObject({ ok: true, via: 'mirror', builderArgs: [] });
    expect(calls).toEqual([['http://mirror.kantor.local/electron/v45.5.0/electron-v45.5.0-linux-x64.zip', 5000]]);
  });

  it('treats a probe that throws as no answer', async () => {
    const r = await decideElectronSource(options({ probe: () => Promise.reject(new Error('ENOTFOUND')) }));
    expect(r.ok).toBe(false);
  });

  it('stops with a message in Indonesian and English naming both offline routes and the headers', async () => {
    const r = await decideElectronSource(options({ env: { ELECTRON_OVERRIDE_DIST_PATH: '/nope' } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons).toHaveLength(3);
    expect(r.reasons[0]).toMatch(/ELECTRON_OVERRIDE_DIST_PATH=\/nope: .*has no electron/);
    expect(r.reasons[1]).toContain(`${HOME}/.cache/electron`);
    expect(r.reasons[2]).toMatch(/default download site/);
    const m = r.message;
    expect(m).toMatch(/tidak tersedia — pemaketan dihentikan/);
    expect(m).toMatch(/cannot be obtained — packaging stopped/);
    expect(m).toMatch(/ELECTRON_MIRROR=\S+ npm run dist/);
    expect(m).toMatch(/ELECTRON_OVERRIDE_DIST_PATH=\S+ npm run dist/);
    expect(m).toContain('electron-v45.5.0-linux-x64.zip');
    expect(m).toMatch(/better-sqlite3/);
    expect(m).toMatch(/npm_config_disturl/);
  });
});
