/** The Buku Kerja view on the demo workbook, in Chromium through the browser host. */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, watchPage } from './host.js';

test.use({ hostOptions: { file: 'buku-kerja' } });

/** The row of the indicator table whose name cell reads exactly `name`. */
function indicatorRow(page: Page, name: string | RegExp) {
  const exact = typeof name === 'string' ? new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : name;
  return page.locator('.ag-row').filter({ has: page.locator('[col-id="name"]', { hasText: exact }) });
}

function yearCell(page: Page, name: string | RegExp, year: number) {
  return indicatorRow(page, name).locator(`[col-id="y${year}"]`);
}

test.describe('Buku Kerja (demo workbook)', () => {
  test('shows the indicators in id-ID format, marks illustrative values, switches language', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    // The page trades the printed token for a session secret and takes the token out of the address bar.
    await expect(page).not.toHaveURL(/token=/);

    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
    await expect(page.getByRole('navigation')).toContainText('Buku Kerja');
    await expect(page.getByTestId('open-file')).toContainText(/\.rpjmd/);
    await expect(page.getByTestId('workbook-path')).toContainText(host.home);

    await expect(yearCell(page, 'Persentase Penduduk Miskin', 2020)).toHaveText('12,32');
    await expect(yearCell(page, 'Jumlah Penduduk Miskin', 2020)).toHaveText('79.270');
    await expect(page.getByRole('columnheader', { name: '2020' })).toBeVisible();
    // Realisations are sourced: no marker on them.
    await expect(yearCell(page, 'Persentase Penduduk Miskin', 2020).locator('[data-illustrative]')).toHaveCount(0);

    // Original RPJMD targets are illustrative: a marker with an accessible label and the source in the tooltip.
    await page.getByLabel('Seri data').selectOption('original_target');
    const marker = page.locator('.indicator-grid .ag-row [data-illustrative="true"]').first();
    await expect(marker).toBeVisible();
    await expect(marker).toHaveAccessibleName('Nilai ilustrasi');
    const markedCell = page.locator('.indicator-grid [role="gridcell"]').filter({ has: page.locator('[data-illustrative]') }).first();
    await markedCell.hover();
    const tooltip = page.locator('.ag-tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Sumber:');
    await expect(tooltip).toContainText(/ilustrasi/i);
    // The same text is reachable from the keyboard: the focused cell's detail line.
    await markedCell.click();
    await expect(page.locator('.grid-detail')).toContainText('Sumber:');
    await page.getByLabel('Seri data').selectOption('realisation');

    // A sourced value names its source too.
    await yearCell(page, 'Persentase Penduduk Miskin', 2020).click();
    await expect(page.locator('.grid-detail')).toContainText(/12,32.*Sumber: \S+/);

    // The screenshot the README shows: the Buku Kerja view at 1280×800 in Bahasa Indonesia.
    await page.mouse.move(0, 0);
    await page.locator('.main').click({ position: { x: 4, y: 4 } });
    await expect(tooltip).toHaveCount(0);
    const shot = path.resolve('test-results/screenshots/buku-kerja.png');
    await mkdir(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    // The README's copy is refreshed on request only, so a test run leaves the work tree clean.
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
      await mkdir(path.resolve('docs'), { recursive: true });
      await copyFile(shot, path.resolve('docs/screenshot-buku-kerja.png'));
    }

    // English, which survives a reload; numbers stay id-ID.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('navigation')).toContainText('Workbook');
    await expect(indicatorRow(page, /Poverty rate/)).toHaveCount(1);
    await page.reload();
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(yearCell(page, /Poverty rate/, 2020)).toHaveText('12,32');
    await expect(page.getByLabel('Data series')).toBeVisible();

    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect(page.getByRole('navigation')).toContainText('Buku Kerja');

    await watch.expectClean();
  });

  test('Perubahan dan metode: the revision date sets the realised years; the population poverty figures use, not the census', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    const card = page.getByRole('region', { name: 'Perubahan dan metode' });
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByLabel('Tanggal perubahan')).toHaveValue('2021-08-23');
    await expect(card.getByTestId('realised-years')).toContainText('Perubahan 23 Agustus 2021: tahun terealisasi s.d. 2020');
    // 79.270 ÷ 12,32 % = 643.425 people, implied by the published pair; the census (612.900) is not used.
    const population = card.getByTestId('population-table');
    const yearRow = (year: number) => population.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${year}$`) }) });
    await expect(yearRow(2020)).toContainText('643.425');
    await expect(yearRow(2020)).toContainText('tersirat dari persentase dan jumlah penduduk miskin');
    await expect(yearRow(2022)).toContainText('dibawa dari 2020');
    await expect(population).not.toContainText('612.900');
    await expect(card.getByTestId('method-breaks')).toContainText('Indeks Pembangunan Manusia, mulai 2023');
    await page.screenshot({ path: path.resolve('test-results/screenshots/buku-kerja-revision.png') });

    // A later revision date moves the realised years; one undo step takes it back.
    await card.getByLabel('Tanggal perubahan').fill('2022-09-30');
    await card.getByRole('button', { name: 'Simpan' }).click();
    await expect(card.getByTestId('realised-years')).toContainText('tahun terealisasi s.d. 2021');
    // Ctrl+Z anywhere outside a text field undoes it (the change is one edit like any other).
    await card.getByRole('button', { name: 'Simpan' }).focus();
    await page.keyboard.press('Control+z');
    await expect(card.getByTestId('realised-years')).toContainText('s.d. 2020');

    // In English too, with the same id-ID numbers.
    await page.getByRole('button', { name: 'English' }).click();
    const cardEn = page.getByRole('region', { name: 'Revision and methods' });
    await expect(cardEn.getByTestId('realised-years')).toContainText('Revision of 23 August 2021: realised years up to 2020');
    await expect(cardEn.getByTestId('population-table')).toContainText('643.425');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await watch.expectClean();
  });

  test('Lampiran Raperda: the header and a Perangkat Daerah per indicator, saved on Enter or leaving the field, kept after a reload', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    const card = page.getByRole('region', { name: 'Lampiran Raperda' });
    await card.scrollIntoViewIfNeeded();
    // The demo names the Perda it amends; the Raperda's number and year are not known yet.
    await expect(card.getByLabel('Perda yang diubah')).toHaveValue(/^Peraturan Daerah Kabupaten Muara Enim Nomor 7 Tahun 2019 tentang Rencana Pembangunan Jangka Menengah Daerah/);
    await expect(card.getByLabel('Nomor Raperda')).toHaveValue('');
    await expect(card.getByLabel('Tahun', { exact: true })).toHaveValue('');
    const p0 = card.getByLabel('Perangkat Daerah Persentase Penduduk Miskin', { exact: true });
    const jpm = card.getByLabel('Perangkat Daerah Jumlah Penduduk Miskin', { exact: true });
    await expect(p0).toHaveValue('Dinas Sosial');
    // Fits 1366×768: nothing wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    const box = await card.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);

    // Enter saves a Perangkat Daerah: one edit, confirmed beside the field.
    await p0.fill('Dinas Sosial; Bappeda (Sekretariat TKPK)');
    await p0.press('Enter');
    const p0Row = card.locator('tr[data-indicator="P0"]');
    await expect(p0Row).toContainText('✓ Tersimpan');
    await expect(card.getByTestId('raperda-unit-status')).toHaveText('Perangkat Daerah Persentase Penduduk Miskin tersimpan.');

    // What is wrong is said beside the field, in the UI's language, and nothing is sent.
    await jpm.fill('D'.repeat(201));
    await expect(card.locator('tr[data-indicator="JPM"]')).toContainText('Terlalu panjang: 201 karakter, paling banyak 200.');
    await expect(jpm).toHaveAttribute('aria-invalid', 'true');
    await jpm.press('Escape');
    await expect(jpm).toHaveValue('Dinas Sosial');
    // From the keyboard: Shift+Tab back to P0, Tab to JPM, type, Tab away — leaving the field saves it.
    await jpm.press('Shift+Tab');
    await expect(p0).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(jpm).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Dinas Sosial (PKH)');
    await page.keyboard.press('Tab');
    await expect(card.locator('tr[data-indicator="JPM"]')).toContainText('✓ Tersimpan');

    // The header: a year that is not one is refused beside it; Enter saves the three fields.
    const year = card.getByLabel('Tahun', { exact: true });
    await year.fill('21');
    await expect(card).toContainText('Tulis tahun empat angka antara 1945 dan 2100, atau kosongkan.');
    await expect(card.getByRole('button', { name: 'Simpan kepala lampiran' })).toBeDisabled();
    await year.fill('2021');
    await card.getByLabel('Nomor Raperda').fill('12');
    await card.getByLabel('Nomor Raperda').press('Enter');
    await expect(card.getByTestId('raperda-header-status')).toHaveText('Kepala lampiran tersimpan.');
    await page.screenshot({ path: path.resolve('test-results/screenshots/buku-kerja-raperda.png'), fullPage: false });

    // Kept in the workbook: a reload shows them.
    await page.reload();
    const again = page.getByRole('region', { name: 'Lampiran Raperda' });
    await again.scrollIntoViewIfNeeded();
    await expect(again.getByLabel('Perangkat Daerah Persentase Penduduk Miskin', { exact: true })).toHaveValue('Dinas Sosial; Bappeda (Sekretariat TKPK)');
    await expect(again.getByLabel('Perangkat Daerah Jumlah Penduduk Miskin', { exact: true })).toHaveValue('Dinas Sosial (PKH)');
    await expect(again.getByLabel('Nomor Raperda')).toHaveValue('12');
    await expect(again.getByLabel('Tahun', { exact: true })).toHaveValue('2021');

    // Ctrl+Z outside a text field takes back the last step (the header), then the JPM agency.
    await again.getByRole('button', { name: 'Simpan kepala lampiran' }).focus();
    await page.keyboard.press('Control+z');
    await expect(again.getByLabel('Nomor Raperda')).toHaveValue('');
    await page.keyboard.press('Control+z');
    await expect(again.getByLabel('Perangkat Daerah Jumlah Penduduk Miskin', { exact: true })).toHaveValue('Dinas Sosial');

    // In English: the same card and the same check in English words.
    await page.getByRole('button', { name: 'English' }).click();
    const cardEn = page.getByRole('region', { name: 'Raperda annex' });
    const p0En = cardEn.getByLabel('Responsible agency of Poverty rate (P0)', { exact: true });
    await expect(p0En).toHaveValue('Dinas Sosial; Bappeda (Sekretariat TKPK)');
    await cardEn.getByLabel('Year', { exact: true }).fill('1900');
    await expect(cardEn).toContainText('Write a four-digit year between 1945 and 2100, or leave it empty.');
    await cardEn.getByLabel('Year', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await watch.expectClean();
  });

  test('is reachable from the keyboard with visible focus', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    await expect(yearCell(page, 'Persentase Penduduk Miskin', 2020)).toHaveText('12,32');
    // Tab from the top: the skip link first, then the language switch.
    await page.keyboard.press('Tab');
    await expect(page.locator('.skip-link')).toBeFocused();
    await page.keyboard.press('Tab');
    const idButton = page.getByRole('button', { name: 'Bahasa Indonesia' });
    await expect(idButton).toBeFocused();
    await expect(idButton).toHaveCSS('outline-style', 'solid');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'English' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Buku Kerja', exact: true })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Buku Kerja', exact: true })).toHaveCSS('outline-style', 'solid');
    // Then every other view in the navigation, in order.
    const navNames = await page.getByRole('navigation').getByRole('button').allInnerTexts();
    for (const name of navNames.slice(1)) {
      await page.keyboard.press('Tab');
      await expect(page.getByRole('navigation').getByRole('button', { name: name.trim(), exact: true })).toBeFocused();
    }
    // Close, then open the demo again, all from the keyboard.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Tutup buku kerja' })).toBeFocused();
    await page.keyboard.press('Enter');
    const openDemo = page.getByRole('button', { name: 'Buka buku kerja demo' });
    await expect(openDemo).toBeVisible();
    await expect(page.getByTestId('open-file')).toContainText('Tidak ada buku kerja terbuka');
    await openDemo.focus();
    await page.keyboard.press('Enter');
    await expect(yearCell(page, 'Persentase Penduduk Miskin', 2020)).toHaveText('12,32');
    // The series selector and the grid cells are keyboard reachable too.
    await page.getByLabel('Seri data').focus();
    await expect(page.getByLabel('Seri data')).toHaveCSS('outline-style', 'solid');
    await watch.expectClean();
  });
  test('standard errors typed in the table with their source: refused without one or below 0, then the check names the interval', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    await page.getByLabel('Seri data').selectOption('se');
    const cell = yearCell(page, 'Persentase Penduduk Miskin', 2020);
    await expect(cell).toHaveText('');

    // Without a source nothing is saved, and the reason is drawn beside the cell, in view.
    await cell.dblclick();
    await page.keyboard.type('0,60');
    await page.keyboard.press('Enter');
    const problem = page.getByTestId('cell-problem');
    await expect(problem).toContainText('isi sumber angka dulu');
    await expect(problem).toBeInViewport();
    await expect(cell).toHaveText('');
    await page.keyboard.press('Escape');
    await expect(problem).toHaveCount(0);

    await page.getByLabel('Sumber angka yang diketik').fill('BPS, Data dan Informasi Kemiskinan Kabupaten/Kota 2020');
    // A negative standard error is refused before it is sent.
    await cell.dblclick();
    await page.keyboard.type('-0,6');
    await page.keyboard.press('Enter');
    await expect(problem).toContainText('di luar rentang');
    await page.keyboard.press('Escape');

    await cell.dblclick();
    await page.keyboard.type('0,60');
    await page.keyboard.press('Enter');
    await expect(cell).toHaveText('0,60');
    await cell.click();
    await expect(page.locator('.grid-detail')).toContainText('Galat baku (SE): 0,60 %. Sumber: BPS, Data dan Informasi Kemiskinan Kabupaten/Kota 2020');
    // The realisation of the same year is its own series, unchanged.
    await page.getByLabel('Seri data').selectOption('realisation');
    await expect(cell).toHaveText('12,32');

    // Pemeriksaan: the worked example's 2021 target (12,20) lies inside 12,32 ± 1,96 × 0,60.
    await page.getByRole('navigation').getByText('Pemeriksaan').click();
    await expect(page.getByText(/berada di dalam selang kepercayaan 95 % realisasi 2020, 11,14–13,50/).first()).toBeVisible();
    await watch.expectClean();
  });
});
