/**
 * Intervensi's effect card (issue 17, item 3) on the demo as shipped: the usulan's P0 path with
 * the demo's illustrative programmes, labelled a model estimate, the 2024 gap to the Governor's
 * < 10 % with the budget that would close it, in id and en. The numbers are the service's
 * (test/integration/interventions-service.test.ts recomputes them from the model's closed form);
 * here they must reach the screen as the report has them.
 */
import type { Page } from '@playwright/test';
import type { WorkbookSummary } from '../../shared/domain.js';
import type { InterventionsView } from '../../shared/interventions.js';
import { formatNumber } from '../../shared/format/number.js';
import { callApi as call, expect, test, watchPage } from './host.js';

test.use({ hostOptions: { file: 'intervention-effect' } });

function nav(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

test('the effect of the programmes on the usulan path, a model estimate with the 2024 gap', async ({ page, host }) => {
  const watch = watchPage(page);
  await page.goto(host.url);
  const summary = await call<WorkbookSummary>(page, 'workbook.current');
  const usulan = summary.scenarios.find((s) => s.status === 'usulan')!;
  const report = await call<InterventionsView>(page, 'interventions.get', { scenarioId: usulan.id });
  const y2024 = report.report.years.find((y) => y.year === 2024)!;

  await nav(page, 'Intervensi').click();
  const card = page.getByTestId('interventions-effect');
  await expect(card).toContainText('perkiraan model');
  await expect(card).toContainText('memakai nilai ilustrasi');
  const row = card.locator('tr[data-year="2024"]');
  await expect(row).toContainText('2024 (RPKD/RPD)');
  await expect(row).toContainText(formatNumber(y2024.p0With! * 100, 2));
  await expect(row).toContainText(formatNumber(y2024.peopleLifted!, 0));
  await expect(row).toContainText(`+${formatNumber(y2024.gapPp! * 100, 2)}`);
  await expect(row).toContainText('Gubernur Sumsel');
  await expect(row).toContainText(formatNumber(Math.round(y2024.budgetToClose!), 0));
  // 2021: no programme yet, the path unchanged.
  await expect(card.locator('tr[data-year="2021"] td').nth(0)).toHaveText('12,20');
  await expect(card.locator('tr[data-year="2021"] td').nth(1)).toHaveText('12,20');
  await expect(card).not.toContainText('NaN');
  await expect(card).toContainText('Jalur tanpa program adalah lintasan skenario');

  await page.locator('.lang-button[lang="en"]').click();
  await expect(card).toContainText('model estimate');
  await expect(card).toContainText('Path without the programmes: the P0 targets of scenario');
  await expect(card).not.toContainText('perkiraan model');
  await page.locator('.lang-button[lang="id"]').click();
  await watch.expectClean();
});
