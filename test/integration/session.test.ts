import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/index.js';
import { demoWorkbookPath } from '../../electron/services/paths.js';
import { sha256, tempDir } from '../helpers/files.js';
import { foreignSqlite } from '../helpers/fixtures.js';

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
