import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../electron/services/index.js';
import { demoWorkbookPath } from '../../electron/services/paths.js';
import { sha256, tempDir } from '../helpers/files.js';
import { foreignSqlite, textFile } from '../helpers/fixtures.js';

function start() {
  const dataDir = tempDir();
  return { dataDir, ...createServices({ dataDir, host: 'browser', appVersion: '0.0.0-test' }) };
}

describe('services session', () => {
  it('creates the demo workbook in the data folder on first use and reopens the same file later', async () => {
    const { dataDir, dispatch, close } = start();
    expect(await dispatch('workbook.current', {})).toEqual({ ok: true, value: null });
    const first = await dispatch('workbook.openDemo', {});
    expect(first).toMatchObject({ ok: true, value: { path: demoWorkbookPath(dataDir), plan: { region: 'Kabupaten Muara Enim' } } });
    const bytes = sha256(demoWorkbookPath(dataDir));
    await close();

    const again = createServices({ dataDir, host: 'browser', appVersion: '0.0.0-test' });
    await again.dispatch('workbook.openDemo', {});
    await again.close();
    expect(sha256(demoWorkbookPath(dataDir))).toBe(bytes);
  });

  it('a refused open keeps the current workbook open', async () => {
    const { dispatch, close } = start();
    await dispatch('workbook.openDemo', {});
    const foreign = foreignSqlite(tempDir());
    const refused = await dispatch('workbook.open', { path: foreign });
    expect(refused).toMatchObject({ ok: false, code: 'refused_foreign' });
    const current = await dispatch('workbook.current', {});
    expect(current).toMatchObject({ ok: true, value: { fileName: 'muara-enim-demo.rpjmd' } });
    await close();
  });

  it('creates an empty workbook with the standard indicators, remembers it, and Save As moves on to the copy', async () => {
    const { dispatch, close } = start();
    const dir = tempDir();
    const file = path.join(dir, 'baru.rpjmd');
    const created = await dispatch('workbook.create', { path: file });
    expect(created).toMatchObject({ ok: true, value: { fileName: 'baru.rpjmd' } });
    expect(await dispatch('workbook.values', {})).toEqual({ ok: true, value: [] });

    const copy = path.join(dir, 'salinan.rpjmd');
    expect(await dispatch('workbook.saveAs', { path: copy })).toMatchObject({ ok: true, value: { path: copy } });
    const recent = await dispatch('recent.list', {});
    expect(recent.ok && (recent.value as { path: string }[]).map((r) => r.path)).toEqual([copy, file]);

    expect(await dispatch('workbook.close', {})).toEqual({ ok: true, value: null });
    expect(await dispatch('workbook.values', {})).toMatchObject({ ok: false, code: 'no_workbook' });
    expect(fs.existsSync(file) && fs.existsSync(copy)).toBe(true);
    await close();
  });
});

/** Every write into `dir` fails as on a read-only medium (EROFS). */
function readOnlyFolder(dir: string): void {
  const inside = (p: unknown) => typeof p === 'string' && path.resolve(p).startsWith(path.resolve(dir) + path.sep);
  const erofs = (p: string) => Object.assign(new Error(`EROFS: read-only file system, open '${p}'`), { code: 'EROFS' });
  for (const name of ['openSync', 'writeFileSync', 'linkSync', 'renameSync'] as const) {
    const real = fs[name] as (...args: unknown[]) => unknown;
    vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
      const target = name === 'linkSync' || name === 'renameSync' ? args[1] : args[0];
      const writes = name !== 'openSync' || (typeof args[1] === 'string' && /[wa+]/.test(args[1]));
      if (writes && inside(target)) throw erofs(String(target));
      return real.apply(fs, args);
    }) as never);
  }
}

describe('services session: paths with bounds, one writer per real file', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('Save As over a text file is refused even with overwrite, and the file is unchanged', async () => {
    const { dispatch, close } = start();
    const dir = tempDir();
    await dispatch('workbook.create', { path: path.join(dir, 'a.rpjmd') });
    const text = textFile(dir);
    const before = sha256(text);
    expect(await dispatch('workbook.saveAs', { path: text })).toMatchObject({ ok: false, code: 'already_exists', message: 'catatan.rpjmd already exists' });
    expect(await dispatch('workbook.saveAs', { path: text, overwrite: true })).toEqual({
      ok: false,
      code: 'already_exists',
      message: 'catatan.rpjmd cannot be replaced: it is not a workbook of this app',
      field: 'path',
      params: { file: 'catatan.rpjmd', reason: 'not_a_workbook' },
    });
    expect(sha256(text)).toBe(before);
    expect(await dispatch('workbook.current', {})).toMatchObject({ ok: true, value: { fileName: 'a.rpjmd' } });
    await close();
  });

  it('a read-only folder is an io_error in words with a reason to translate, not an internal error', async () => {
    const { dispatch, close } = start();
    const dir = tempDir();
    await dispatch('workbook.create', { path: path.join(dir, 'a.rpjmd') });
    const locked = tempDir();
    readOnlyFolder(locked);
    const saved = await dispatch('workbook.saveAs', { path: path.join(locked, 'salinan.rpjmd') });
    expect(saved).toMatchObject({
      ok: false,
      code: 'io_error',
      message: `Could not save salinan.rpjmd: the folder ${locked} is read-only`,
      params: { file: 'salinan.rpjmd', folder: locked, reason: 'read_only_folder' },
    });
    const created = await dispatch('workbook.create', { path: path.join(locked, 'baru.rpjmd') });
    expect(created).toMatchObject({ ok: false, code: 'io_error', params: { reason: 'read_only_folder' } });
    vi.restoreAllMocks();
    expect(fs.readdirSync(locked)).toEqual([]);
    expect(await dispatch('workbook.current', {})).toMatchObject({ ok: true, value: { fileName: 'a.rpjmd' } });
    await close();
  });

  it('reopening the open workbook through a symlink keeps it; another host opening it through a link is refused as locked', async () => {
    const first = start();
    const dir = tempDir();
    const file = path.join(dir, 'a.rpjmd');
    await first.dispatch('workbook.create', { path: file });
    const symlink = path.join(tempDir(), 'pintasan.rpjmd');
    const hardLink = path.join(tempDir(), 'tautan.rpjmd');
    fs.symlinkSync(file, symlink);
    fs.linkSync(file, hardLink);
    expect(await first.dispatch('workbook.open', { path: symlink })).toMatchObject({ ok: true, value: { path: file, readOnly: false } });

    const second = start();
    for (const other of [symlink, hardLink]) {
      expect(await second.dispatch('workbook.open', { path: other })).toMatchObject({ ok: false, code: 'locked' });
    }
    expect(await second.dispatch('workbook.open', { path: hardLink, readOnly: true })).toMatchObject({ ok: true, value: { readOnly: true } });
    await second.close();
    await first.close();
  });
});
