/** A fresh --workbook file: the host creates a workbook with the standard indicators and no values. */
import { expect, test, watchPage } from './host.js';

test.use({ hostOptions: { workbook: 'baru.rpjmd' } });

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
