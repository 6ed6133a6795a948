/**
 * Riwayat (issue 15, item 8) on the demo workbook, in Chromium through the browser host: an edit
 * and a paste followed by undo (made through the API, as the planner's profile), then the view —
 * the net change per cell shows the edit (semula → menjadi in id-ID numbers, who with NIP) and not
 * the undone paste; every step shows both; filters by scenario, indicator, person and date; an
 * entry followed to its cell opens the Target view with that indicator and year focused. Screenshots
 * at 1366 × 768 in Indonesian and English.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { IndicatorValue, Scenario, WorkbookSummary } from '../../shared/domain.js';
import { E2E_PERSON, callApi as call, expect, test, watchPage } from './host.js';

test.use({ hostOptions: { file: 'history' } });

const SHOTS = path.resolve('test-results/screenshots');
const SCENARIO = 'Uji Riwayat';
const WHY = 'Kemiskinan naik akibat pandemi COVID-19 (12,32 % pada 2020).';

/** id-ID by hand: 11.3 → "11,30". */
const idNumber = (x: number, decimals: number) => x.toFixed(decimals).replace('.', ',');

function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: /Navigasi utama|Main navigation/ }).getByRole('button', { name, exact: true });
}

/** The scenario, P0 2022 edited to 11,50, P0 2023 pasted then undone, a justification for P0 (through the API). */
async function setUp(page: Page): Promise<{ scenarioId: number; semula: number }> {
  const summary = await call<WorkbookSummary>(page, 'workbook.current');
  const p0 = summary.indicators.find((i) => i.code === 'P0')!;
  const original = await call<IndicatorValue[]>(page, 'workbook.values', { series: ['original_target'] });
  const semula = original.find((v) => v.indicatorId === p0.id && v.year === 2022)!.value!;
  const s = await call<Scenario>(page, 'scenario.create', { name: SCENARIO, from: { kind: 'original' } });
  await call(page, 'targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2022, value: 11.5 }] });
  await call(page, 'targets.set', { scenarioId: s.id, action: 'target.paste', cells: [{ indicatorId: p0.id, year: 2023, value: 13.2 }] });
  await call(page, 'history.undo');
  await call(page, 'justification.set', { scenarioId: s.id, indicatorId: p0.id, text: WHY });
  return { scenarioId: s.id, semula };
}

const rowsAt = (page: Page, code: string, year: number) => page.locator(`.history-table tbody tr[data-indicator="${code}"][data-year="${year}"]`);

test.describe('Riwayat (demo workbook)', () => {
  test('an edit is in the history, net and step by step, and its entry opens its cell in Target', async ({ page, host }) => {
    test.setTimeout(120_000);
    const watch = watchPage(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
    const { scenarioId, semula } = await setUp(page);
    await page.reload();

    // Riwayat follows Pemeriksaan in the navigation.
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('button')).toHaveText(['Buku Kerja', 'Target', 'Bandingkan', 'Intervensi', 'Pemeriksaan', 'Riwayat', 'Ekspor', 'Provinsi']);
    await nav(page, 'Riwayat').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Riwayat perubahan' })).toBeVisible();
    await expect(nav(page, 'Riwayat')).toHaveAttribute('aria-current', 'page');

    // Net change per cell (the default): the edit, semula → menjadi, who with NIP; not the undone paste.
    await expect(page.getByRole('button', { name: 'Perubahan bersih per sel' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByLabel('Skenario', { exact: true }).selectOption({ label: SCENARIO });
    const edit = rowsAt(page, 'P0', 2022);
    await expect(edit).toHaveCount(1);
    await expect(edit.locator('td').nth(1)).toContainText(E2E_PERSON.name);
    await expect(edit.locator('td').nth(1)).toContainText(`NIP ${E2E_PERSON.nip}`);
    await expect(edit.locator('td').nth(2)).toHaveText('Target diubah');
    await expect(edit.locator('td').nth(3)).toContainText('Persentase Penduduk Miskin · 2022');
    await expect(edit.locator('td').nth(3)).toContainText(SCENARIO);
    await expect(edit.locator('td').nth(4)).toHaveText(idNumber(semula, 2));
    await expect(edit.locator('td').nth(5)).toHaveText('11,50');
    // The justification in force now (written after the edit).
    await expect(edit.locator('td').nth(6)).toHaveText(WHY);
    await expect(rowsAt(page, 'P0', 2023)).toHaveCount(0);
    // The count follows the rate (derived), worded so.
    await expect(rowsAt(page, 'JPM', 2022).locator('td').nth(2)).toHaveText('Target diubah (turunan)');
    // Numbers the Indonesian way: the count is a whole number with dots.
    await expect(rowsAt(page, 'JPM', 2022).locator('td').nth(5)).toHaveText(/^\d{1,3}(\.\d{3})+$/);

    await page.mouse.move(0, 0);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'riwayat-id.png') });

    // Every step: the paste and its undo are there, worded.
    await page.getByRole('button', { name: 'Setiap langkah' }).click();
    await expect(page.getByRole('button', { name: 'Setiap langkah' })).toHaveAttribute('aria-pressed', 'true');
    const paste = rowsAt(page, 'P0', 2023);
    await expect(paste).toHaveCount(2);
    await expect(paste.nth(0)).toHaveAttribute('data-kind', 'undo');
    await expect(paste.nth(0).locator('td').nth(2)).toHaveText('Target ditempel (diurungkan)');
    await expect(paste.nth(0).locator('td').nth(4)).toHaveText('13,20');
    await expect(paste.nth(1).locator('td').nth(2)).toHaveText('Target ditempel');
    await expect(page.locator('.history-table tbody tr[data-action="scenario.create"]')).toHaveCount(1);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, 'riwayat-langkah-id.png') });

    // Filters: indicator and person keep the edit; a date range before it empties the table, in words.
    await page.getByLabel('Indikator', { exact: true }).selectOption({ label: 'Persentase Penduduk Miskin' });
    await expect(page.locator('.history-table tbody tr[data-action="scenario.create"]')).toHaveCount(0);
    await expect(rowsAt(page, 'P0', 2022)).toHaveCount(1);
    await expect(page.locator('.history-table tbody tr[data-indicator="JPM"]')).toHaveCount(0);
    await page.getByLabel('Orang', { exact: true }).selectOption({ label: `${E2E_PERSON.name} (NIP ${E2E_PERSON.nip})` });
    await expect(rowsAt(page, 'P0', 2022)).toHaveCount(1);
    const today = (await page.evaluate('(() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, "0"), String(d.getDate()).padStart(2, "0")].join("-"); })()')) as string;
    const from = page.getByLabel('Dari tanggal');
    await from.fill(today);
    await from.press('Enter');
    await expect(rowsAt(page, 'P0', 2022)).toHaveCount(1);
    const to = page.getByLabel('Sampai tanggal');
    await to.fill('2000-13-01');
    await to.press('Enter');
    await expect(page.getByText('Tulis tanggal sebagai tttt-bb-hh, misalnya 2021-08-23.')).toBeVisible();
    await expect(to).toHaveAttribute('aria-invalid', 'true');
    await from.fill('');
    await from.press('Enter');
    await to.fill('2000-01-31');
    await to.press('Enter');
    await expect(page.getByTestId('history-empty')).toContainText('Tidak ada perubahan yang cocok dengan saringan ini.');
    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await expect(page.getByLabel('Sampai tanggal')).toHaveValue('');
    await expect(page.getByLabel('Skenario', { exact: true })).toHaveValue('');

    // Back to the net change, this scenario: follow the entry to its cell with the keyboard.
    await page.getByRole('button', { name: 'Perubahan bersih per sel' }).click();
    await page.getByLabel('Skenario', { exact: true }).selectOption({ label: SCENARIO });
    const link = page.getByRole('button', { name: `Buka Persentase Penduduk Miskin 2022 di Target (skenario ${SCENARIO})` });
    await link.focus();
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeVisible();
    await expect(nav(page, 'Target')).toHaveAttribute('aria-current', 'page');
    const focused = page.locator('.target-grid .ag-cell-focus');
    await expect(focused).toHaveCount(1);
    await expect(focused).toHaveAttribute('col-id', 'rev-2022');
    await expect(page.locator('.target-grid [row-id="indicator:P0"] .ag-cell-focus')).toHaveCount(1);
    await expect(focused).toHaveText('11,50');
    // The focused cell is inside the window.
    const box = (await focused.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    void scenarioId;

    // Back in Riwayat the filters are as left.
    await nav(page, 'Riwayat').click();
    await expect(page.getByLabel('Skenario', { exact: true })).toHaveValue(String(scenarioId));
    await expect(rowsAt(page, 'P0', 2022)).toHaveCount(1);

    // A justification's entry opens the indicator's justification cell.
    await page.getByRole('button', { name: 'Setiap langkah' }).click();
    await page.getByRole('button', { name: `Buka alasan perubahan Persentase Penduduk Miskin di Target (skenario ${SCENARIO})` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeVisible();
    await expect(page.locator('.target-grid [row-id="indicator:P0"] .ag-cell-focus')).toHaveAttribute('col-id', 'justification');
    await nav(page, 'Riwayat').click();
    await page.getByRole('button', { name: 'Perubahan bersih per sel' }).click();
    await expect(rowsAt(page, 'P0', 2022)).toHaveCount(1);

    // English: the same rows in English words, numbers still id-ID.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Change history' })).toBeVisible();
    await expect(rowsAt(page, 'P0', 2022).locator('td').nth(2)).toHaveText('Target edited');
    await expect(rowsAt(page, 'P0', 2022).locator('td').nth(3)).toContainText('Poverty rate');
    await expect(rowsAt(page, 'P0', 2022).locator('td').nth(5)).toHaveText('11,50');
    await expect(page.getByRole('button', { name: 'Net change per cell' })).toHaveAttribute('aria-pressed', 'true');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, 'riwayat-en.png') });
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Riwayat perubahan' })).toBeVisible();

    await watch.expectClean();
  });

  test('a filter no entry matches says so in words', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
    await nav(page, 'Riwayat').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Riwayat perubahan' })).toBeVisible();
    // A filter no entry matches: the empty state, not an empty table.
    await page.getByLabel('Dari tanggal').fill('2100-01-01');
    await page.getByLabel('Dari tanggal').press('Enter');
    await expect(page.getByTestId('history-empty')).toContainText('Tidak ada perubahan yang cocok dengan saringan ini.');
    await expect(page.locator('.history-table')).toHaveCount(0);
  });
});
