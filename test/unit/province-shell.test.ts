/**
 * The Provinsi view's part of the desktop shell, run like shell-main-wiring.test.ts: the real
 * electron/main.ts in plain Node against the recording fake of 'electron', with the real store
 * worker and services. The page cannot name a province folder: province.read with a folder no
 * dialog granted is refused (the recent list never stands for one: province-path-policy.test.ts);
 * the folder dialog grants the chosen folder and hands it back, after which province.read
 * answers; the consolidated table is saved through main's Save dialog (the extension added, the
 * taskbar's busy bar shown), and a save naming a path, or a folder not granted, is refused.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CHANNEL, PROVINCE_FOLDER_CHANNEL, PROVINCE_SAVE_CHANNEL } from '../../shared/api/client.js';
import { NONCE_PLACEHOLDER } from '../../shared/security/csp.js';
import { createDemoProvince } from '../../electron/workbook/province-demo.js';
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


beforeAll(async () => {
  // Inside node_modules so the bundles resolve better-sqlite3 (the Node build) from the project.
  fs.mkdirSync(path.join(root, 'node_modules', '.cache'), { recursive: true });
  work = fs.mkdtempSync(path.join(root, 'node_modules', '.cache', 'shell-province-'));
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-province-home-'));
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

describe('the province in the desktop shell (fake electron, real services)', () => {
  it('refuses a folder the page names, grants the one chosen in the folder dialog, and reads it', async () => {
    const folder = path.join(home, 'sumsel');
    await createDemoProvince(folder);
    const frame = win.webContents.mainFrame;
    expect(await ipc(frame, 'province.read', { folder })).toMatchObject({ ok: false, code: 'forbidden', params: { reason: 'path_not_chosen' } });
    const choose = (senderFrame: unknown) => fake.ipcHandlers.get(PROVINCE_FOLDER_CHANNEL)!({ senderFrame }) as Promise<Any>;
    expect(await choose({ ...frame, url: 'https://example.com/' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await choose(frame)).toEqual({ ok: true, value: null }); // cancelled
    fake.openDialogAnswers.push({ canceled: false, filePaths: [folder] });
    expect(await choose(frame)).toEqual({ ok: true, value: folder });
    const read = await ipc(frame, 'province.read', { folder });
    expect(read).toMatchObject({ ok: true, value: { province: 'Sumatera Selatan' } });
    expect(read.value.regions).toHaveLength(17);
    // The grant is the folder's alone: a sibling is still refused.
    expect(await ipc(frame, 'province.read', { folder: path.join(home, 'elsewhere') })).toMatchObject({ ok: false, code: 'forbidden' });
    // province.export from the page names a file no dialog granted: refused, nothing written.
    const direct = path.join(home, 'direct.xlsx');
    expect(await ipc(frame, 'province.export', { folder, path: direct })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(fs.existsSync(direct)).toBe(false);
  }, 120_000);

  it('saves the consolidated table through the Save dialog, never a path from the page', async () => {
    const folder = path.join(home, 'sumsel');
    const frame = win.webContents.mainFrame;
    const save = (senderFrame: unknown, input: unknown) => fake.ipcHandlers.get(PROVINCE_SAVE_CHANNEL)!({ senderFrame }, input) as Promise<Any>;
    expect(await save({ ...frame, url: 'https://example.com/' }, { folder, format: 'pdf' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await save(frame, { folder, format: 'xlsx', path: path.join(home, 'x.xlsx') })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(await save(frame, { folder: path.join(home, 'elsewhere'), format: 'xlsx' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await save(frame, { folder, format: 'xlsx' })).toEqual({ ok: true, value: null }); // cancelled
    const target = path.join(home, 'konsolidasi'); // no extension: the format's is added
    const progressBefore = win.progress.length;
    fake.saveDialogAnswers.push({ canceled: false, filePath: target });
    const saved = await save(frame, { folder, format: 'xlsx', language: 'en' });
    expect(saved).toMatchObject({ ok: true, value: { format: 'xlsx', fileName: 'konsolidasi.xlsx', path: `${target}.xlsx`, regions: 17, excluded: 0 } });
    expect(fs.readFileSync(`${target}.xlsx`).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(win.progress.slice(progressBefore)).toEqual([2, -1]);
  }, 120_000);
});
