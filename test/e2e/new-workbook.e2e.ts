/** A fresh --workbook file: the host creates a workbook with the standard indicators and no values. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, watchPage } from './host.js';

test.use({ hostOptions: { workbook: 'baru.rpjmd', file: 'new-workbook' } });

test.describe('Buku Kerja (new, empty workbook)', () => {
  test('lists the standard indicators with empty cells', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    await expect(page.getByTestId('open-file')).toContainText('baru.rpjmd');

    const nameCells = page.locator('.indicator-grid .ag-row [col-id="name"]');
    await expect(nameCells.filter({ hasText: /^Persentase Penduduk Miskin$/ })).toHaveCount(1);
    await expect(nameCells.filter({ hasText: /^Jumlah Penduduk Miskin$/ })).toHaveCount(1);

    // Every year cell is empty: never 0, never NaN.
    const yearCells = page.locator('.indicator-grid [role="gridcell"][col-id^="y"]');
    expect(await yearCells.count()).toBeGreaterThan(0);
    for (const text of await yearCells.allTextContents()) expect(text.trim()).toBe('');
    await expect(page.locator('.indicator-grid')).not.toContainText('NaN');
    await expect(page.locator('[data-illustrative]')).toHaveCount(0);
    await expect(page.getByText('Belum ada skenario perubahan.')).toBeVisible();

    await watch.expectClean();
  });
});

test.describe('Errors and the empty state', () => {
  test('a recent file that has gone shows the refusal in the alert region', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Tutup buku kerja' }).click();

    // No workbook: the calm empty state, with the demo button and the recent files.
    await expect(page.getByRole('heading', { level: 1, name: 'Belum ada buku kerja yang terbuka' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Buka buku kerja demo' })).toBeVisible();
    await expect(page.getByTestId('open-file')).toContainText('Tidak ada buku kerja terbuka');
    const openRecent = page.getByRole('button', { name: 'Buka baru.rpjmd' });
    await expect(openRecent).toBeVisible();

    await rm(path.join(host.home, 'baru.rpjmd'), { force: true });
    await openRecent.click();
    // The app's alert region (the empty state's path field has its own, empty here).
    const alert = page.getByRole('alert').and(page.locator('.alert-region'));
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('baru.rpjmd tidak ditemukan');
    await page.screenshot({ path: 'test-results/screenshots/alert.png' });
    await expect(page.getByRole('button', { name: 'Buka buku kerja demo' })).toBeVisible();

    await page.getByRole('button', { name: 'Tutup pesan' }).click();
    await expect(alert).toBeEmpty();

    // The demo opens from the empty state.
    await page.getByRole('button', { name: 'Buka buku kerja demo' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
    await expect(page.getByTestId('open-file')).toContainText('muara-enim-demo');

    // The failed open above answered 4xx, which the browser logs as a failed resource load.
    await watch.expectClean({ allow: [/Failed to load resource/] });
  });
});
