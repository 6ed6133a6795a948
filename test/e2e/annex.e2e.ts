/**
 * The Ekspor view in Chromium through the browser host (issue 5): the annex downloads as an
 * xlsx, export is refused while a check fails, and the downloaded file imports back with zero
 * changes (round trip) through the preview.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { WorkbookSummary } from '../../shared/domain.js';
import { expect, test, watchPage, callApi as call } from './host.js';

// The demo without its worked example (demo-example.e2e.ts covers that): these tests make their own scenarios.
test.use({ hostOptions: { file: 'annex', emptyDemo: true } });

const SHOTS = path.resolve('test-results/screenshots');

test.describe('Ekspor (demo workbook)', () => {
  test('refused while a check fails; downloads the annex; the annex imports back with no change', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();

    const summary = await call<WorkbookSummary>(page, 'workbook.current');
    const p0 = summary.indicators.find((i) => i.code === 'P0')!.id;
    const scenario = await call<{ id: number }>(page, 'scenario.create', { name: 'Perubahan 2021', from: { kind: 'original' } });
    // A draft (a proposal is frozen): the Ekspor view exports the current scenario, this one.
    await call(page, 'targets.set', { scenarioId: scenario.id, action: 'target.edit', cells: [{ indicatorId: p0, year: 2021, value: 12.6 }] });
    await page.reload();

    await page.getByRole('navigation').getByRole('button', { name: 'Ekspor', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ekspor lampiran dan impor data' })).toBeVisible();
    await expect(page.getByLabel('Skenario')).toHaveValue(String(scenario.id));

    // A changed target without a justification: the export is refused and says why.
    await page.getByRole('button', { name: 'Ekspor lampiran' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Ekspor ditolak' });
    await expect(refused).toBeVisible();
    // In Indonesian only: the count and the finding in the UI's words, not the service's English.
    await expect(refused).toContainText('1 kesalahan');
    await expect(refused).not.toContainText('Cannot export');
    await expect(refused).not.toContainText('without a justification');
    await expect(page.getByRole('button', { name: 'Buka Pemeriksaan' })).toBeVisible();

    await call(page, 'justification.set', { scenarioId: scenario.id, indicatorId: p0, text: 'Dampak pandemi COVID-19' });
    await page.getByLabel('Nama').fill('Ir. Contoh Perencana');
    await page.getByLabel('Jabatan').fill('Kepala Bappeda');
    await page.getByLabel('NIP').fill('19700101 199503 1 001');
    await page.getByLabel('Tempat').fill('Muara Enim');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor lampiran' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(SHOTS, '..', 'downloads', download.suggestedFilename());
    await mkdir(path.dirname(saved), { recursive: true });
    await download.saveAs(saved);
    expect((await stat(saved)).size).toBeGreaterThan(10_000);
    await expect(page.getByRole('status')).toContainText('diunduh');

    // The signer is remembered.
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Ekspor', exact: true }).click();
    await expect(page.getByLabel('NIP')).toHaveValue('19700101 199503 1 001');

    // Round trip: the annex back in as realisations changes nothing.
    await page.getByLabel('Berkas').setInputFiles(saved);
    const preview = page.getByTestId('import-preview');
    await expect(preview).toContainText('0 baru, 0 berubah');
    await expect(page.getByRole('button', { name: /Terapkan 0 perubahan/ })).toBeDisabled();

    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'ekspor.png'), fullPage: true });

    // A CSV with one new realisation and one unknown indicator: cancel writes nothing, apply writes one.
    const csv = { name: 'bps.csv', mimeType: 'text/csv', buffer: Buffer.from('Indikator;Satuan;2021\nP0;%;12,77\nTidak Ada;%;1,5\n') };
    await page.getByLabel('Berkas').setInputFiles(csv);
    await expect(preview).toContainText('1 ditolak');
    await expect(preview.getByRole('table').last()).toContainText('Indikator tidak dikenal');
    await expect(preview).toContainText('12,77');
    await page.getByRole('button', { name: 'Batal' }).click();
    await expect(page.getByRole('status')).toContainText('tidak ada yang ditulis');
    await page.getByLabel('Berkas').setInputFiles(csv);
    await page.getByRole('button', { name: /Terapkan 1 perubahan/ }).click();
    await expect(page.getByRole('status')).toContainText('1 nilai diterapkan');
    await page.screenshot({ path: path.join(SHOTS, 'ekspor-impor.png'), fullPage: true });
    // The refused export answered 409, which the browser logs as a failed resource load.
    await watch.expectClean({ allow: [/Failed to load resource: .* 409/] });
  });
});
