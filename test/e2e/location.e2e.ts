/**
 * Issue 6, concurrency and file location, in Chromium through the browser host:
 * - a workbook on a network share is edited through a local copy; the page says so, shows when
 *   the original lacks changes, and saves back on request;
 * - a workbook another process has open is refused with the reason and a way to open it read-only.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { WorkbookSummary } from '../../shared/domain.js';
import { expect, test, watchPage, callApi as call } from './host.js';

test.use({ hostOptions: { file: 'location', networkShare: true } });

const SHOTS = path.resolve('test-results/screenshots');

test('a network workbook: local copy notice, unsaved state, save back; a locked file opens read-only on request', async ({ page, host }) => {
  const watch = watchPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
  await expect(page.getByTestId('location-notice')).toHaveCount(0);
  const demo = (await call<WorkbookSummary>(page, 'workbook.current')).path;

  // Save As onto the share: from then on the page works on a local copy.
  const share = path.join(host.home, 'share');
  await mkdir(share, { recursive: true });
  const original = path.join(share, 'muara-enim-bersama.rpjmd');
  await call(page, 'workbook.saveAs', { path: original });
  await page.reload();
  const notice = page.getByTestId('location-notice');
  await expect(notice).toContainText('Berkas ini ada di folder jaringan');
  await expect(notice.getByRole('status')).toHaveText('Semua perubahan sudah ada di berkas asli.');
  await expect(page.getByTestId('open-file')).toContainText('salinan lokal');
  await expect(page.getByTestId('open-file')).toContainText(original);
  await expect(notice.getByRole('button', { name: 'Simpan ke berkas asli' })).toBeDisabled();

  // An edit in the Target view marks the original as behind.
  const summary = await call<WorkbookSummary>(page, 'workbook.current');
  const p0 = summary.indicators.find((i) => i.code === 'P0')!.id;
  const scenario = await call<{ id: number }>(page, 'scenario.create', { name: 'Perubahan 2021', from: { kind: 'original' } });
  await call(page, 'targets.set', { scenarioId: scenario.id, action: 'target.edit', cells: [{ indicatorId: p0, year: 2021, value: 12.6 }] });
  await page.reload();
  await expect(page.getByTestId('unsaved-badge')).toHaveText('belum disimpan ke berkas asli');
  await expect(notice.getByRole('status')).toHaveText('Ada perubahan yang belum disimpan ke berkas asli.');
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'network-share.png'), fullPage: true });

  await notice.getByRole('button', { name: 'Simpan ke berkas asli' }).click();
  await expect(notice.getByRole('status')).toHaveText('Tersimpan ke berkas asli.');
  await expect(page.getByTestId('unsaved-badge')).toHaveCount(0);

  // The demo file is now held by another live process on this computer (this test runner).
  const lock = path.join(path.dirname(demo), `.${path.basename(demo)}.lock`);
  await writeFile(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }));
  try {
    await page.getByRole('button', { name: 'Tutup buku kerja' }).click();
    await page.getByRole('button', { name: `Buka ${path.basename(demo)}` }).click();
    const alert = page.getByRole('alert').first();
    await expect(alert).toContainText('sedang dibuka di jendela atau proses lain');
    await alert.getByRole('button', { name: 'Buka hanya-baca' }).click();
    await expect(page.getByTestId('open-file')).toContainText('hanya-baca');
    await expect(page.getByTestId('open-file')).toContainText(path.basename(demo));
    await expect(page.getByRole('alert').first()).toBeEmpty();
  } finally {
    await rm(lock, { force: true });
  }
  // The refused open answered 409, which the browser logs as a failed resource load.
  await watch.expectClean({ allow: [/Failed to load resource: .* 409/] });
});
