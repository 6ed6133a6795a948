/**
 * Runs the real electron/main.ts in plain Node against a recording fake of the 'electron' module
 * (fixtures/fake-electron.ts), with the real store worker and services behind it. Electron cannot
 * be downloaded on our machines, so this is what checks that main wires its policies together:
 * protocol + CSP, IPC sender checks, navigation, permissions, menu, dialogs, single instance, quit.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNEX_SAVE_CHANNEL, IPC_CHANNEL, LANGUAGE_CHANNEL, MENU_CHANNEL } from '../../shared/api/client.js';
import { buildCsp, NONCE_PLACEHOLDER } from '../../shared/security/csp.js';
import type { state as FakeState } from './fixtures/fake-electron.js';

const root = path.resolve(import.meta.dirname, '../..');
type Fake = typeof FakeState;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

let work: string;
let home: string;
let fake: Fake;
let win: Any;

async function until<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ipc = (senderFrame: unknown, method: unknown, input: unknown = {}) =>
  fake.ipcHandlers.get(IPC_CHANNEL)!({ senderFrame }, method, input) as Promise<Any>;

const fetchApp = (url: string, method = 'GET') =>
  fake.protocolHandlers.get('app')!({ url, method } as Request) as Promise<Response>;

const menuItem = (label: string): Any =>
  (fake.menu as Any[]).flatMap((m) => m.submenu ?? []).find((i: Any) => i.label === label);

beforeAll(async () => {
  // Inside node_modules so the bundles resolve better-sqlite3 (the Node build) from the project.
  fs.mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
  work = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'shell-main-'));
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-main-home-'));
  const common = { bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node20', logLevel: 'silent' as const };
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(root, 'electron/main.ts')],
      outfile: path.join(work, 'electron/main.cjs'),
      alias: { electron: path.join(root, 'test/unit/fixtures/fake-electron.ts') },
      external: ['better-sqlite3'],
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron/host/store-worker.ts')],
      outfile: path.join(work, 'electron/store-worker.cjs'),
      external: ['better-sqlite3', 'electron'],
    }),
  ]);
  fs.mkdirSync(path.join(work, 'renderer/assets'), { recursive: true });
  fs.writeFileSync(
    path.join(work, 'renderer/index.html'),
    `<!doctype html><meta name="workbench-style-nonce" content="${NONCE_PLACEHOLDER}"><script type="module" src="./assets/app.js"></script>`,
  );
  fs.writeFileSync(path.join(work, 'renderer/assets/app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(work, 'secret.txt'), 'outside the renderer');

  const argv = process.argv;
  process.env.RPJMD_WORKBENCH_HOME = home;
  process.argv = ['/opt/electron/electron']; // no file on the command line: the demo opens
  try {
    createRequire(import.meta.url)(path.join(work, 'electron/main.cjs'));
  } finally {
    process.argv = argv;
  }
  fake = (globalThis as Any).__fakeElectron;
  fake.ready();
  win = await until(() => fake.windows[0]?.loadedUrl && fake.windows[0], 'the window to load');
}, 60_000);

afterAll(async () => {
  delete process.env.RPJMD_WORKBENCH_HOME;
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

describe('main process wiring (fake electron, real services)', () => {
  it('registers app:// as a standard secure scheme and uses the shared data folder', () => {
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.paths.userData).toBe(home);
    expect(fake.lockData).toEqual({ file: null });
  });

  it('creates one secure window, opens the demo before loading the renderer', () => {
    expect(fake.windows).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      preload: path.join(work, 'electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win.loadedUrl).toBe('app://workbench/index.html');
    expect(win.title).toBe('muara-enim-demo.rpjmd — RPJMD Workbench');
    expect(fs.existsSync(path.join(home, 'workbooks', 'muara-enim-demo.rpjmd'))).toBe(true);
    expect(fake.messageBoxes).toEqual([]);
  });

  it('serves index.html with the CSP header and this launch’s nonce', async () => {
    const res = await fetchApp('app://workbench/');
    expect(res.status).toBe(200);
    const html = await res.text();
    const nonce = /content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(nonce).not.toBe(NONCE_PLACEHOLDER);
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    expect(res.headers.get('content-security-policy')).toBe(buildCsp(nonce));
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets and refuses what is not in the renderer folder', async () => {
    const html = await (await fetchApp('app://workbench/')).text();
    const nonce = /content="([^"]+)"/.exec(html)?.[1] ?? '';
    const js = await fetchApp('app://workbench/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // Every file carries the CSP (one resolver for app:// and the browser host).
    expect(js.headers.get('content-security-policy')).toBe(buildCsp(nonce));
    expect((await fetchApp('app://workbench/missing.js')).status).toBe(404);
    expect((await fetchApp('app://workbench/..%2fsecret.txt')).status).toBe(400);
    expect((await fetchApp('app://workbench/../secret.txt')).status).toBe(404); // normalised to /secret.txt inside
    expect((await fetchApp('app://evil/index.html')).status).toBe(403);
    expect((await fetchApp('app://workbench/index.html', 'POST')).status).toBe(405);
  });

  it('answers IPC from our main frame only, and only for contract methods', async () => {
    const frame = win.webContents.mainFrame;
    expect(await ipc(frame, 'app.info')).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(await ipc(frame, 'workbook.current')).toMatchObject({ ok: true, value: { fileName: 'muara-enim-demo.rpjmd' } });
    expect(await ipc(frame, 'nope')).toMatchObject({ ok: false, code: 'unknown_method' });
    expect(await ipc(frame, 'workbook.open', { path: 42 })).toMatchObject({ ok: false, code: 'bad_input', field: 'path' });
    expect(await ipc({ ...frame, routingId: 99 }, 'app.info')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await ipc({ ...frame, url: 'https://example.com/' }, 'app.info')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await ipc({ ...frame, parent: frame }, 'app.info')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await ipc(null, 'app.info')).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('keeps the window on the app and hands only allow-listed links to the browser', () => {
    const navigate = (url: string) => {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      for (const l of win.webContents.listeners.get('will-navigate') ?? []) l(event, url);
      return event.prevented;
    };
    expect(navigate('app://workbench/index.html')).toBe(false);
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('https://muaraenimkab.bps.go.id/')).toBe(true);
    expect(fake.opened).toEqual(['https://muaraenimkab.bps.go.id/']);
    expect(win.webContents.windowOpenHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler({ url: 'app://workbench/index.html' })).toEqual({ action: 'deny' });
    const redirect = { prevented: false, preventDefault() { this.prevented = true; } };
    for (const l of win.webContents.listeners.get('will-redirect') ?? []) l(redirect, 'http://127.0.0.1:9/');
    expect(redirect.prevented).toBe(true);
  });

  it('denies every permission request and check except a clipboard write from our page', () => {
    const request = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      fake.permissionRequest!({}, permission, (g: boolean) => (granted = g), { requestingUrl });
      return granted;
    };
    expect(request('media', 'app://workbench/index.html')).toBe(false);
    expect(request('clipboard-sanitized-write', 'app://workbench/index.html')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(fake.permissionCheck!({}, 'clipboard-read', 'app://workbench')).toBe(false);
    expect(fake.permissionCheck!({}, 'clipboard-sanitized-write', 'app://workbench')).toBe(true);
    expect(fake.permissionCheck!({}, 'clipboard-sanitized-write', 'app://workbench.evil')).toBe(false);
    expect(fake.devicePermission!({})).toBe(false);
  });

  it('has the Indonesian menu; Tentang tells the renderer to show About', () => {
    expect((fake.menu as Any[]).map((m) => m.label)).toEqual(['&Berkas', '&Sunting', 'Ban&tuan']);
    menuItem('Tentang RPJMD Workbench').click();
    expect(win.webContents.sent.at(-1)).toEqual([MENU_CHANNEL, 'about']);
  });

  it('menus follow the renderer’s language switch; a foreign frame or an unknown language changes nothing', () => {
    const frame = win.webContents.mainFrame;
    const say = (senderFrame: unknown, lang: unknown) => fake.ipcListeners.get(LANGUAGE_CHANNEL)!({ senderFrame }, lang);
    const top = () => (fake.menu as Any[]).map((m) => m.label);
    say({ ...frame, url: 'https://example.com/' }, 'en');
    say(frame, 'fr');
    expect(top()).toEqual(['&Berkas', '&Sunting', 'Ban&tuan']);
    say(frame, 'en');
    expect(top()).toEqual(['&File', '&Edit', '&Help']);
    say(frame, 'id');
    expect(top()).toEqual(['&Berkas', '&Sunting', 'Ban&tuan']);
  });

  it('closing with an edit in progress (the page cancels the unload) asks in the UI language: stay keeps the window, leave lets it close', () => {
    const preventUnload = () => {
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      win.webContents.emit('will-prevent-unload', event);
      return event.defaultPrevented;
    };
    fake.messageBoxSyncAnswers.push(1);
    expect(preventUnload()).toBe(false); // stay: the unload stays cancelled
    expect(fake.syncMessageBoxes.at(-1)).toMatchObject({ type: 'question', message: 'Ada isian yang sedang diubah dan belum disimpan.', buttons: ['Tutup tanpa menyimpan', 'Tetap di sini'], cancelId: 1 });
    fake.messageBoxSyncAnswers.push(0);
    expect(preventUnload()).toBe(true); // leave: the page's cancel is overridden
    const frame = win.webContents.mainFrame;
    fake.ipcListeners.get(LANGUAGE_CHANNEL)!({ senderFrame: frame }, 'en');
    expect(preventUnload()).toBe(false);
    expect(fake.syncMessageBoxes.at(-1)).toMatchObject({ message: 'An entry is being edited and is not saved yet.', buttons: ['Close without saving', 'Stay'] });
    fake.ipcListeners.get(LANGUAGE_CHANNEL)!({ senderFrame: frame }, 'id');
    expect(fake.syncMessageBoxes).toHaveLength(3);
  });

  it('Baru creates a workbook where the dialog says, then tells the renderer', async () => {
    const target = path.join(home, 'Revisi 2021'); // no extension: .rpjmd is added
    fake.saveDialogAnswers.push({ canceled: false, filePath: target });
    menuItem('Baru…').click();
    await until(() => win.webContents.sent.some((m: unknown[]) => m[1] === 'workbook-changed'), 'workbook-changed');
    expect(fs.existsSync(`${target}.rpjmd`)).toBe(true);
    expect(win.title).toBe('Revisi 2021.rpjmd — RPJMD Workbench');
  });

  it('Buka shows the service’s refusal in a message box and keeps the open workbook', async () => {
    const text = path.join(home, 'notes.txt');
    fs.writeFileSync(text, 'not a workbook');
    fake.openDialogAnswers.push({ canceled: false, filePaths: [text] });
    menuItem('Buka…').click();
    await until(() => fake.messageBoxes.length > 0, 'the error box');
    expect(fake.messageBoxes[0]).toMatchObject({ type: 'error', title: 'Perintah tidak dapat dijalankan' });
    expect((fake.messageBoxes[0] as Any).detail).toMatch(/notes\.txt|not .*workbook|SQLite/i);
    expect(win.title).toBe('Revisi 2021.rpjmd — RPJMD Workbench');
  });

  it('a file another process holds: the box says so and offers a read-only open, which it does', async () => {
    const held = path.join(home, 'Revisi 2021.rpjmd');
    const copy = path.join(home, 'dipegang.rpjmd');
    fs.copyFileSync(held, copy);
    // A live process on this computer (this test) holds it.
    fs.writeFileSync(path.join(home, '.dipegang.rpjmd.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), since: '' }));
    const boxes = fake.messageBoxes.length;
    const bytes = fs.readFileSync(copy);
    fake.openDialogAnswers.push({ canceled: false, filePaths: [copy] });
    menuItem('Buka…').click();
    await until(() => win.title.startsWith('dipegang.rpjmd'), 'the read-only open');
    expect(fake.messageBoxes[boxes]).toMatchObject({ type: 'warning', buttons: ['Buka hanya-baca', 'Batal'] });
    expect(await ipc(win.webContents.mainFrame, 'workbook.current')).toMatchObject({ ok: true, value: { readOnly: true } });
    expect(fs.readFileSync(copy).equals(bytes)).toBe(true);
  });

  it('a second instance focuses the window and opens its file', async () => {
    const sentBefore = win.webContents.sent.length;
    const demo = path.join(home, 'workbooks', 'muara-enim-demo.rpjmd');
    app().emit('second-instance', {}, ['/opt/electron/electron', 'ignored.rpjmd'], home, { file: demo });
    await until(() => win.title.startsWith('muara-enim-demo.rpjmd'), 'the title to follow');
    expect(win.webContents.sent.slice(sentBefore)).toContainEqual([MENU_CHANNEL, 'workbook-changed']);
  });

  it('Ekspor Lampiran opens the Ekspor view; its buttons save the annex through main’s Save dialog, never a path from the page', async () => {
    menuItem('Ekspor Lampiran…').click(undefined, win); // Electron passes the window the menu was used in
    expect(win.webContents.sent.at(-1)).toEqual([MENU_CHANNEL, 'export-annex']);
    const frame = win.webContents.mainFrame;
    const save = (senderFrame: unknown, input: unknown) => fake.ipcHandlers.get(ANNEX_SAVE_CHANNEL)!({ senderFrame }, input) as Promise<Any>;
    expect(await save({ ...frame, url: 'https://example.com/' }, { format: 'pdf' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await save(frame, { format: 'pdf', path: path.join(home, 'x.pdf') })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(await save(frame, { format: 'docx' })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(await save(frame, { format: 'pdf' })).toEqual({ ok: true, value: null }); // the dialog cancelled
    const scenario = await ipc(frame, 'scenario.create', { name: 'Ekspor', from: { kind: 'original' } });
    const target = path.join(home, 'lampiran'); // no extension: the format's is added
    fake.saveDialogAnswers.push({ canceled: false, filePath: target });
    const saved = await save(frame, { format: 'xlsx', scenarioId: scenario.value.id, date: '2021-08-23' });
    expect(saved).toMatchObject({ ok: true, value: { format: 'xlsx', fileName: 'lampiran.xlsx', path: `${target}.xlsx` } });
    expect(fs.existsSync(`${target}.xlsx`)).toBe(true);
    expect(win.progress).toEqual([2, -1]); // the taskbar's busy bar while the annex was built
  });

  it('Tutup closes the workbook; quitting waits for the store to close', async () => {
    menuItem('Tutup').click();
    await until(() => win.title === 'RPJMD Workbench', 'the title to reset');
    const quitsBefore = fake.quitCalls;
    app().quit();
    await until(() => fake.quitCalls === quitsBefore + 2, 'the second quit after the store closed');
  });
});

function app(): Any {
  return (globalThis as Any).__fakeElectronApp;
}
