/**
 * Kelayakan (issue 16, item 2) in Chromium through the browser host: the demo's illustrative P1
 * 2020 deleted, the panel says which number to enter; with P1 2020 = 1,85 typed in Buku Kerja
 * with a source, the Target panel and Bandingkan show the growth each P0 target of the worked
 * example needs, in id and en.
 * Expected numbers were computed independently (Python statistics.NormalDist, bisection on the
 * P1 equation): σ = 0,3498; 2023 (11,40 %) needs +1,64 % cumulative, +0,54 % a year; the
 * record 2018–2020 implies +0,26 % and +0,15 % (mean +0,20 %), against 7,02 % and 0,03 %
 * economic growth: pass-through 0,058.
 */
import type { Page } from '@playwright/test';
import { expect, test, watchPage } from './host.js';

test.use({ hostOptions: { file: 'feasibility' } });

function nav(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

test('Kelayakan: a located request for P1 first, then the growth each target needs, rated against the record', async ({ page, host }) => {
  const watch = watchPage(page);
  await page.goto(host.url);
  // The demo's P1 2020 is illustrative (ilustrasi): Delete clears it (a source is needed only to type).
  const cell = page.locator('.ag-row[row-id="indicator:P1"] [col-id="y2020"]');
  await expect(cell).toHaveText(/1,85/);
  await cell.click();
  await page.keyboard.press('Delete');
  await expect(cell).toHaveText('');
  await nav(page, 'Target').click();
  await page.getByTestId('feasibility-toggle').click();
  const panel = page.getByTestId('feasibility-panel');
  await expect(panel).toBeVisible();
  // No P1 and no Gini for 2020: no table, and the panel names the number to enter.
  await expect(panel).toContainText('perkiraan model');
  await expect(panel.locator('[data-code="dispersion_missing"]')).toContainText('2020');
  await expect(panel.locator('[data-code="dispersion_missing"]')).toContainText('P1');
  await expect(page.getByTestId('feasibility-table')).toHaveCount(0);

  // P1 2020 = 1,85, typed with its source in Buku Kerja.
  await nav(page, 'Buku Kerja').click();
  await page.getByLabel('Sumber angka yang diketik').fill('Uji: P1 2020 hipotetis');
  await cell.click();
  await page.keyboard.type('1,85');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText('1,85');

  // The panel stays open (remembered) and follows the new value.
  await nav(page, 'Target').click();
  await expect(page.getByTestId('feasibility-base')).toContainText('realisasi 2020 — P0 12,32 %, P1 1,85 → σ = 0,350 (lognormal dari P1)');
  await expect(page.getByTestId('feasibility-record')).toContainText('rata-rata +0,20 % per tahun (terbaik +0,26 %)');
  await expect(page.getByTestId('feasibility-record')).toContainText('daya ungkit (pass-through) 0,058');
  const table = page.getByTestId('feasibility-table');
  const row = (year: number) => table.locator(`tr[data-year="${year}"]`);
  // 2021–2023 and the RPKD/RPD horizon's 2024–2026.
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await expect(row(2023)).toContainText('11,40');
  await expect(row(2023)).toContainText('+1,64 %');
  await expect(row(2023)).toContainText('+0,54 %');
  // 0,54 % a year is above the region's best year (0,26 %).
  await expect(row(2023)).toContainText('di luar riwayat daerah');
  // 2021: 12,32 → 12,20 a year needs +0,21 %: above the mean (0,20 %), within the best (0,26 %).
  await expect(row(2021)).toContainText('ambisius');
  await expect(panel).not.toContainText('NaN');

  await page.locator('.lang-button[lang="en"]').click();
  await expect(page.getByTestId('feasibility-base')).toContainText('Base: realisation 2020 — P0 12,32 %, P1 1,85 → σ = 0,350 (lognormal from P1)');
  await expect(row(2023)).toContainText("beyond the region's record");
  await expect(panel).toContainText('model estimate');

  // Bandingkan: the same, beside the original targets.
  await nav(page, 'Compare').click();
  const compare = page.locator('#compare-feasibility');
  await expect(compare.locator('tr[data-year="2023"]')).toContainText('10,50');
  await expect(compare.locator('tr[data-year="2023"]')).toContainText('+1,64 %');
  await page.locator('.lang-button[lang="id"]').click();
  await watch.expectClean();
});
