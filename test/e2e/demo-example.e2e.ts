/**
 * The demo tells the story (#15 item 1), in Chromium through the browser host on a fresh profile:
 * the demo ships "Perubahan 2021 (contoh)", the usulan, labelled illustrative; Bandingkan draws
 * its table and charts and Pemeriksaan lists findings (no error) without the planner creating
 * anything; the Buku Kerja's next-steps card opens the example in Target (frozen) and makes the
 * planner's own draft from it; the card speaks English in the English UI.
 */
import type { Locator, Page } from '@playwright/test';
import type { ScenarioTargets, WorkbookSummary } from '../../shared/domain.js';
import { expect, test, watchPage, callApi as call } from './host.js';

test.use({ hostOptions: { file: 'demo-example' } });

const EXAMPLE = 'Perubahan 2021 (contoh)';

function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

async function openView(page: Page, name: string, heading: string) {
  await nav(page, name).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test.describe('the demo ships a worked example of the 2021 revision', () => {
  test('Bandingkan and Pemeriksaan show the example on first start, creating nothing', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
    const before = await call<WorkbookSummary>(page, 'workbook.current');
    expect(before.scenarios.map((s) => [s.name, s.status])).toEqual([[EXAMPLE, 'usulan']]);
    await expect(page.getByTestId('current-scenario')).toContainText(EXAMPLE);
    // The Skenario card lists it, described as an illustrative example.
    await expect(page.locator('.scenario-item')).toContainText(EXAMPLE);
    await expect(page.locator('.scenario-item')).toContainText('Contoh kerja (ilustrasi)');

    await openView(page, 'Bandingkan', 'Bandingkan target');
    const rows = page.getByTestId('compare-table').locator('tbody tr[data-row-id]');
    await expect(rows.first()).toBeVisible();
    const p0 = page.getByTestId('compare-table').locator('tr[data-row-id="P0:2023"]');
    await expect(p0.locator('.c-before .value-number')).toHaveText('10,50');
    await expect(p0.locator('.c-after .value-number')).toHaveText('11,40');
    // The justification is shown with the indicator.
    await expect(page.getByTestId('compare-table')).toContainText('Ilustrasi. Pandemi COVID-19 menghentikan penurunan kemiskinan');
    await expect(page.locator('.chart-section figure[data-indicator="P0"] canvas')).toHaveAttribute('aria-label', new RegExp(`Target perubahan: ${EXAMPLE.replace(/[()]/g, '\\$&')}`));

    await openView(page, 'Pemeriksaan', 'Pemeriksaan');
    await expect(page.getByTestId('count-error')).toHaveAttribute('data-count', '0');
    await expect(page.locator('.finding[data-severity="warning"][data-check="loosening"]').first()).toBeVisible();
    // The RPKD/RPD horizon (2026) brings 2024 in: the example's 11,00 % misses the Governor's < 10 %.
    await expect(page.locator('.finding[data-check="reference"]').first()).toContainText('Gubernur Sumsel');

    // Nothing was created by looking.
    const after = await call<WorkbookSummary>(page, 'workbook.current');
    expect(after.scenarios).toEqual(before.scenarios);
    await watch.expectClean();
  });

  test('the next-steps card opens the example (frozen) in Target and makes the planner\'s own draft from it', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    await openView(page, 'Buku Kerja', 'Kabupaten Muara Enim');
    const card = page.getByTestId('next-steps');
    await expect(card.getByRole('heading', { name: 'Langkah berikutnya' })).toBeVisible();
    await expect(card).toContainText('ilustrasi');

    await card.getByRole('button', { name: 'Buka contoh di Target' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeVisible();
    await expect(page.getByTestId('proposal-banner')).toContainText('Usulan ini dikunci.');

    await openView(page, 'Buku Kerja', 'Kabupaten Muara Enim');
    await card.getByRole('button', { name: 'Salin dari contoh' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeVisible();
    await expect(page.getByTestId('current-scenario')).toContainText('Perubahan 2021');
    await expect(page.getByTestId('current-scenario')).not.toContainText('contoh');
    await expect(page.getByTestId('proposal-banner')).toHaveCount(0);
    const summary = await call<WorkbookSummary>(page, 'workbook.current');
    const own = summary.scenarios.find((s) => s.name === 'Perubahan 2021')!;
    const example = summary.scenarios.find((s) => s.name === EXAMPLE)!;
    expect(own.status).toBe('draft');
    const a = await call<ScenarioTargets>(page, 'scenario.targets', { scenarioId: own.id });
    const b = await call<ScenarioTargets>(page, 'scenario.targets', { scenarioId: example.id });
    expect(a.targets.map((t) => [t.indicatorId, t.year, t.value])).toEqual(b.targets.map((t) => [t.indicatorId, t.year, t.value]));
    expect(a.justifications.map((j) => j.text)).toEqual(b.justifications.map((j) => j.text));

    // From the original targets: another name of its own.
    await openView(page, 'Buku Kerja', 'Kabupaten Muara Enim');
    await card.getByRole('button', { name: 'Mulai dari target awal' }).click();
    await expect(page.getByTestId('current-scenario')).toContainText('Perubahan 2021 (2)');

    // In English the card speaks English; the stored name stays as it is.
    await openView(page, 'Buku Kerja', 'Kabupaten Muara Enim');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(card.getByRole('heading', { name: 'Next steps' })).toBeVisible();
    await expect(card).toContainText(`the scenario “${EXAMPLE}”`);
    await expect(card.getByRole('button', { name: 'Open the example in Target' })).toBeVisible();
    await card.getByRole('button', { name: 'Export' }).click();
    await expect(nav(page, 'Export')).toHaveAttribute('aria-current', 'page');
    await watch.expectClean();
  });
});
