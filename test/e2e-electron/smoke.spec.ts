/**
 * Electron smoke test (Playwright `_electron`). Runs only where an Electron binary exists; on
 * our offline machines the binary cannot be downloaded, so it skips and says why. The renderer
 * itself is tested in Chromium through the browser host (test/e2e).
 */
import type { ElectronApplication, Page } from '@playwright/test';
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, findElectronBinary } from '../../scripts/electron-binary.mjs';
import { ensureElectronNative } from '../../scripts/electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = findElectronBinary(electronPackageDir(root));
const skipReason = binary.available
  ? null
  : `Electron binary not installed (offline machine): ${binary.reason}. The renderer is covered by the Chromium suite (test/e2e).`;
if (skipReason) console.log(`[electron smoke] skipped — ${skipReason}`);

test.describe('Electron shell', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let home: string;

  test.beforeAll(async () => {
    if (!binary.available) return;
    const mainBundle = path.join(root, 'dist/electron/main.cjs');
    if (!fs.existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run node scripts/build.mjs first`);
    // The store worker needs better-sqlite3 built for Electron's ABI (built once into .native/;
    // a first compile can take minutes).
    test.setTimeout(20 * 60_000);
    const native = ensureElectronNative({ root, electronVersion: binary.version ?? '' });
    test.skip(!native.ok, native.ok ? '' : `better-sqlite3 could not be built for Electron: ${native.reason}`);
    if (!native.ok) return;

    home = fs.mkdtempSync(path.join(os.tmpdir(), 'rpjmd-electron-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    env.RPJMD_WORKBENCH_HOME = home; // its own profile: the user's data and any running instance are untouched
    env.RPJMD_WORKBENCH_NATIVE_BINDING = native.path;
    // Chromium refuses to start as root (CI containers) with its OS sandbox; the renderer's
    // `sandbox: true` webPreference, asserted below, is unaffected.
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({ executablePath: binary.path, args: [...rootArgs, mainBundle], env, cwd: root });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  test('shows the Buku Kerja view of the demo workbook from app://workbench', async () => {
    await expect(page.getByText('Persentase Penduduk Miskin').first()).toBeVisible({ timeout: 30_000 });
    expect(page.url()).toMatch(/^app:\/\/workbench\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toMatch(/muara-enim-demo\.rpjmd/);
  });

  test('runs the renderer isolated, sandboxed and without Node', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // Undocumented but present getter for the preferences the renderer actually got.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown> | null;
      };
      const p = contents?.getLastWebPreferences?.();
      return p ? { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity } : null;
    });
    expect(prefs, 'webContents.getLastWebPreferences() is gone from this Electron').not.toBeNull();
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });

    // Page-side code is passed as strings: the Node-side tsconfig has no DOM types.
    expect(await page.evaluate('typeof window.require')).toBe('undefined');
    expect(await page.evaluate('typeof process')).toBe('undefined');
    expect(await page.evaluate('typeof module')).toBe('undefined');
    expect(await page.evaluate('Object.keys(window.workbench).sort()')).toEqual(['invoke', 'onMenuCommand', 'setUiLanguage']);
    // The per-launch style nonce replaced the placeholder in index.html.
    expect(await page.evaluate(`document.querySelector('meta[name="workbench-style-nonce"]')?.content ?? null`)).not.toBe('__WORKBENCH_STYLE_NONCE__');
  });

  test('answers contract methods over IPC and refuses others', async () => {
    expect(await page.evaluate(`window.workbench.invoke('app.info', {})`)).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(await page.evaluate(`window.workbench.invoke('fs.readFile', { path: '/etc/passwd' })`)).toMatchObject({ ok: false, code: 'unknown_method' });
    expect(await page.evaluate(`window.workbench.invoke('workbook.open', { path: 42 })`)).toMatchObject({ ok: false, code: 'bad_input' });
  });

  test('refuses IPC from a window that is not ours, even with our preload', async () => {
    const preload = path.join(root, 'dist/electron/preload.cjs');
    const answer = await app.evaluate(async ({ BrowserWindow }, preloadPath) => {
      const foreign = new BrowserWindow({ show: false, webPreferences: { preload: preloadPath, sandbox: true, contextIsolation: true } });
      try {
        await foreign.loadURL('data:text/html,<title>foreign</title>');
        return await foreign.webContents.executeJavaScript(`window.workbench ? window.workbench.invoke('app.info', {}) : 'no bridge'`);
      } finally {
        foreign.destroy();
      }
    }, preload);
    // The bridge is there (same preload), and main refuses the frame: it is not one of our windows.
    expect(answer).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await page.evaluate(`window.workbench.invoke('app.info', {})`)).toMatchObject({ ok: true });
  });

  test('refuses window.open and navigation to another origin', async () => {
    const opened = await page.evaluate(`window.open('https://example.com/', '_blank') === null`);
    expect(opened).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

    const before = page.url();
    await page.evaluate(`location.href = 'https://example.com/'`);
    await page.waitForTimeout(500); // a navigation that is refused leaves no event to wait for
    expect(page.url()).toBe(before);
    await expect(page.getByText('Persentase Penduduk Miskin').first()).toBeVisible();
  });
});
