/**
 * The Target view on the demo workbook, in Chromium through the browser host (issue 3, "Done
 * when"): a scenario from the original targets, typing, a spreadsheet paste, a linear path, a
 * justification, reload, undo across reloads, rate ↔ count through the scenario's population,
 * and a paste with refused cells that writes nothing until confirmed. At a laptop's 1366 × 768
 * (issue 15 items 2, 4, 7): a refused value stays in its cell with the reason beside it inside
 * the window, the years being revised and a dozen rows in view, the chart panel's choice
 * remembered, a finding's cell brought into view with the chart following it, Excel's Home/End.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ScenarioTargets, WorkbookSummary } from '../../shared/domain.js';
import { expect, test, watchPage, callApi as call } from './host.js';

// The demo without its worked example (demo-example.e2e.ts covers that): these tests make their own scenarios.
test.use({ hostOptions: { file: 'target', emptyDemo: true }, viewport: { width: 1366, height: 768 } });
const VIEWPORT = { width: 1366, height: 768 };

const SHOTS = path.resolve('test-results/screenshots');

function cell(page: Page, code: string, colId: string): Locator {
  return page.locator(`.target-grid [row-id="indicator:${code}"] [col-id="${colId}"]`);
}
const rev = (page: Page, code: string, year: number) => cell(page, code, `rev-${year}`);

/**
 * Browser-side code is passed as strings: this file is type-checked with the Node-side config,
 * which has no DOM types (the renderer's own config has them).
 */
const inPage = <T>(page: Page, body: string, arg: unknown): Promise<T> => page.evaluate(`(async (arg) => { ${body} })(${JSON.stringify(arg)})`) as Promise<T>;

async function targetsByKey(page: Page, scenarioId: number): Promise<Map<string, number>> {
  const [summary, t] = await Promise.all([
    call<WorkbookSummary>(page, 'workbook.current'),
    call<ScenarioTargets>(page, 'scenario.targets', { scenarioId }),
  ]);
  const code = new Map(summary.indicators.map((i) => [i.id, i.code]));
  return new Map(t.targets.map((c) => [`${code.get(c.indicatorId)} ${c.year}`, c.value]));
}

function changedKeys(before: Map<string, number>, after: Map<string, number>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** A paste as Chromium delivers it from Excel: a ClipboardEvent with a DataTransfer on the focused grid cell. */
async function pasteText(page: Page, text: string, html = '') {
  await inPage(
    page,
    `const data = new DataTransfer();
     data.setData('text/plain', arg.text);
     if (arg.html) data.setData('text/html', arg.html);
     (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));`,
    { text, html },
  );
}

/** Ctrl+C as the browser delivers it: a copy event on the focused cell; answers what the page put on the clipboard. */
function copyFocused(page: Page): Promise<{ text: string; prevented: boolean }> {
  return inPage(
    page,
    `const data = new DataTransfer();
     const event = new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true });
     document.activeElement?.dispatchEvent(event);
     return { text: data.getData('text/plain'), prevented: event.defaultPrevented };`,
    null,
  );
}

/** The element is drawn entirely inside the browser window (not above or below the scrolled view). */
async function expectInWindow(target: Locator) {
  const box = await target.boundingBox();
  expect(box, 'drawn').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORT.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
}

/** Where the grid's keyboard focus is: the focused cell's row and column. */
function focusedCell(page: Page): Promise<{ row: string | null; col: string | null }> {
  return inPage(
    page,
    `const el = document.activeElement;
     return { row: el?.closest('[row-id]')?.getAttribute('row-id') ?? null, col: el?.getAttribute('col-id') ?? null };`,
    null,
  );
}

/**
 * In-page code: the part of the grid where scrolled cells are seen — right of the pinned names,
 * below the header, left of and above the scroll bars, inside the window.
 */
const BODY_BOX = `const grid = document.querySelector('.target-grid .ag-grid-viewport').getBoundingClientRect();
  const names = document.querySelector('.target-grid .ag-header-cell[col-id="name"]').getBoundingClientRect();
  const header = document.querySelector('.target-grid .ag-header').getBoundingClientRect();
  const vbar = document.querySelector('.target-grid .ag-body-vertical-scroll-viewport')?.getBoundingClientRect();
  const hbar = document.querySelector('.target-grid .ag-body-horizontal-scroll-viewport')?.getBoundingClientRect();
  const box = {
    left: names.right,
    // A flex column (alasan perubahan) runs under the vertical scroll bar: the grid's edge counts.
    right: grid.right,
    top: header.bottom,
    bottom: Math.min(hbar && hbar.height > 0 ? hbar.top : grid.bottom, window.innerHeight),
  };
  const inside = (r, horizontal = true, vertical = true) =>
    (!horizontal || (r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1)) && (!vertical || (r.top >= box.top - 1 && r.bottom <= box.bottom + 1));`;

/** Whether the element is drawn wholly inside the grid's visible body (see BODY_BOX). */
function insideGridBody(page: Page, selector: string): Promise<boolean> {
  return inPage(page, `${BODY_BOX} const el = document.querySelector(arg); return !!el && inside(el.getBoundingClientRect());`, selector);
}

/** Types into a grid cell the way a planner does: focus it, type, Enter. */
async function typeInto(page: Page, target: Locator, text: string) {
  await target.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function openTargetView(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Target', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeVisible();
}

test.describe('Target view (demo workbook)', () => {
  test('scenario, typing, paste, path, justification, reload, undo across reloads, rate ↔ count', async ({ page, host }) => {
    test.setTimeout(120_000);
    const watch = watchPage(page);
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();
    await openTargetView(page);
    await expect(page.getByText('Belum ada skenario perubahan')).toBeVisible();

    // Create "Perubahan 2021" from the original targets.
    await page.getByRole('button', { name: 'Skenario baru…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Skenario baru' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Nama skenario').fill('Perubahan 2021');
    await dialog.getByLabel('Keterangan').fill('Revisi setelah COVID-19 menaikkan kemiskinan 2020.');
    await expect(dialog.getByLabel('Target awal RPJMD')).toBeChecked();
    await dialog.getByRole('button', { name: 'Buat skenario' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('scenario-select')).toHaveValue(/\d+/);
    await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('Perubahan 2021');
    await expect(page.getByTestId('scenario-status')).toHaveText(/draf/);
    const summary = await call<WorkbookSummary>(page, 'workbook.current');
    const scenarioId = summary.scenarios.find((s) => s.name === 'Perubahan 2021')!.id;

    // The scenario starts as the original targets: 2021 P0 11,30, Δ 0.
    await expect(rev(page, 'P0', 2021)).toHaveText('11,30');
    await expect(cell(page, 'P0', 'orig-2021')).toContainText('11,30');

    // Invalid typing: the typed text stays in the cell, the reason beside it names the cell; nothing is sent.
    const before0 = await targetsByKey(page, scenarioId);
    await typeInto(page, rev(page, 'P0', 2022), 'abc');
    const problem = page.getByTestId('cell-problem');
    await expect(problem).toContainText('Persentase Penduduk Miskin 2022');
    await expect(problem).toContainText('bukan angka');
    await expect(rev(page, 'P0', 2022).locator('.refused-text')).toHaveText('abc');
    await typeInto(page, rev(page, 'P0', 2022), '140');
    await expect(problem).toContainText('di luar rentang 0–100');
    await expect(rev(page, 'P0', 2022).locator('.refused-text')).toHaveText('140');
    await page.keyboard.press('Escape');
    await expect(problem).toHaveCount(0);
    await expect(rev(page, 'P0', 2022)).toHaveText('10,90');
    expect(changedKeys(before0, await targetsByKey(page, scenarioId))).toEqual([]);
    const alert = page.getByTestId('target-alert');

    // Type 12,60 in 2021 for Persentase Penduduk Miskin: Δ +1,30, loosening.
    await typeInto(page, rev(page, 'P0', 2021), '12,60');
    await expect(rev(page, 'P0', 2021)).toHaveText('12,60');
    await expect(alert).toBeEmpty();
    const delta = cell(page, 'P0', 'delta-2021').locator('.delta');
    await expect(delta.locator('.delta-number')).toHaveText('+1,30');
    await expect(delta).toHaveAttribute('data-change', 'loosen');
    await expect(delta).toHaveAccessibleName(/melonggar|dilonggarkan/);
    await expect(delta.locator('.delta-cue')).toHaveText('longgar');
    await expect(page.getByTestId('undo-button')).toHaveText(/Urungkan: ubah target/);

    // A justification (written before the paste and the path, so the two undos below meet those two steps).
    await cell(page, 'P0', 'justification').click();
    await page.keyboard.type('Kemiskinan naik akibat COVID-19 (12,32 % pada 2020).');
    await page.keyboard.press('Enter');
    await expect(cell(page, 'P0', 'justification')).toHaveText('Kemiskinan naik akibat COVID-19 (12,32 % pada 2020).');

    // Every changed target is justified: the scenario can be marked usulan (and back).
    await page.getByRole('button', { name: 'Tandai usulan' }).click();
    await expect(page.getByTestId('scenario-status')).toHaveText(/usulan/);
    await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('Perubahan 2021 — usulan');
    await page.getByRole('button', { name: 'Kembalikan ke draf' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, kembalikan ke draf' }).click();
    await expect(page.getByTestId('scenario-status')).toHaveText(/draf/);

    // Paste a 3×2 block copied from a spreadsheet at P1 2021 (CRLF, trailing newline, decimal
    // commas; the third row lands on the poverty line, whole rupiah with thousands dots).
    const beforePaste = await targetsByKey(page, scenarioId);
    await rev(page, 'P1', 2021).click();
    await pasteText(page, '12,60\t12,10\r\n11,90\t11,50\r\n472.000\t480.500\r\n');
    await expect(rev(page, 'P1', 2021)).toHaveText('12,60');
    await expect(rev(page, 'P1', 2022)).toHaveText('12,10');
    await expect(rev(page, 'P2', 2021)).toHaveText('11,90');
    await expect(rev(page, 'P2', 2022)).toHaveText('11,50');
    await expect(rev(page, 'GK', 2021)).toHaveText('472.000');
    await expect(rev(page, 'GK', 2022)).toHaveText('480.500');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const afterPaste = await targetsByKey(page, scenarioId);
    expect(changedKeys(beforePaste, afterPaste)).toEqual(['GK 2021', 'GK 2022', 'P1 2021', 'P1 2022', 'P2 2021', 'P2 2022']);
    expect(afterPaste.get('GK 2021')).toBe(472_000);
    expect(afterPaste.get('P1 2022')).toBe(12.1);
    await expect(page.getByTestId('undo-button')).toHaveText(/Urungkan: tempel target/);

    // A linear path 2021→2023 through the dialog, previewed first.
    await rev(page, 'P0', 2021).click();
    await page.getByRole('button', { name: 'Modelkan jalur target…' }).click();
    const pathDialog = page.getByRole('dialog', { name: 'Modelkan jalur target' });
    await expect(pathDialog).toBeVisible();
    await expect(pathDialog.getByLabel('Indikator')).toHaveValue(String(summary.indicators.find((i) => i.code === 'P0')!.id));
    await expect(pathDialog.getByLabel('Dari tahun')).toHaveValue('2021');
    await pathDialog.getByLabel('Sampai tahun').selectOption('2023');
    await expect(pathDialog.getByLabel('Metode')).toHaveValue('linear');
    await expect(pathDialog.getByLabel('Nilai awal (2020)')).toHaveValue('12,32');
    await expect(pathDialog.getByText('Bawaan: realisasi 2020')).toBeVisible();
    await pathDialog.getByLabel('Nilai akhir (2023)').fill('10,00');
    const preview = pathDialog.getByTestId('path-preview');
    await expect(preview.locator('[data-year="2021"]')).toHaveText('11,55');
    await expect(preview.locator('[data-year="2022"]')).toHaveText('10,77');
    await expect(preview.locator('[data-year="2023"]')).toHaveText('10,00');
    await expect(pathDialog.locator('canvas')).toBeVisible();
    // A model error is translated: CAGR cannot reach 0.
    await pathDialog.getByLabel('Metode').selectOption('cagr');
    await pathDialog.getByLabel('Nilai akhir (2023)').fill('0');
    await expect(pathDialog.getByTestId('path-error')).toContainText('tidak pernah tepat mencapai 0');
    await expect(pathDialog.getByRole('button', { name: 'Terapkan' })).toBeDisabled();
    await pathDialog.getByLabel('Metode').selectOption('linear');
    await pathDialog.getByLabel('Nilai akhir (2023)').fill('10,00');
    await expect(preview.locator('[data-year="2022"]')).toHaveText('10,77');
    await mkdir(SHOTS, { recursive: true });
    await pathDialog.screenshot({ path: path.join(SHOTS, 'target-path.png') });
    await pathDialog.getByRole('button', { name: 'Terapkan' }).click();
    await expect(pathDialog).toBeHidden();
    // The confirmation is on screen, not only announced.
    const status = page.getByTestId('target-status');
    await expect(status).toHaveText(/Jalur target Persentase Penduduk Miskin diterapkan \(3 tahun\)/);
    await expectInWindow(status);
    await expect(rev(page, 'P0', 2021)).toHaveText('11,55');
    await expect(rev(page, 'P0', 2022)).toHaveText('10,77');
    await expect(rev(page, 'P0', 2023)).toHaveText('10,00');
    await expect(cell(page, 'P0', 'end')).toHaveText('10,00');
    await expect(page.getByTestId('undo-button')).toHaveText(/Urungkan: jalur target/);

    // The Target view at 1366×768, Bahasa Indonesia: it opens on the years being revised.
    await mkdir(SHOTS, { recursive: true });
    await page.mouse.move(0, 0);
    // (The dialog's element screenshot above scrolled the page to it; back to the top as the planner sees it.)
    await page.locator('.main').evaluate((el) => el.scrollTo(0, 0));
    await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeInViewport();
    await page.screenshot({ path: path.join(SHOTS, 'target.png') });

    // Reload: everything is still there (the view and the scenario are remembered too).
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeVisible();
    await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('Perubahan 2021');
    await expect(rev(page, 'P0', 2021)).toHaveText('11,55');
    await expect(rev(page, 'P0', 2023)).toHaveText('10,00');
    await expect(rev(page, 'P1', 2021)).toHaveText('12,60');
    await expect(rev(page, 'P2', 2022)).toHaveText('11,50');
    await expect(cell(page, 'P0', 'justification')).toContainText('COVID-19');
    await expect(page.getByTestId('undo-button')).toHaveText(/Urungkan: jalur target/);

    // Ctrl+Z undoes the path…
    await page.locator('.main').click({ position: { x: 4, y: 4 } });
    await page.keyboard.press('Control+z');
    await expect(rev(page, 'P0', 2021)).toHaveText('12,60');
    await expect(rev(page, 'P0', 2022)).toHaveText('10,90');
    await expect(rev(page, 'P0', 2023)).toHaveText('10,50');
    await expect(rev(page, 'P1', 2021)).toHaveText('12,60');
    await expect(page.getByTestId('undo-button')).toHaveText(/Urungkan: tempel target/);
    // …and after a reload the next Ctrl+Z undoes the paste.
    await page.reload();
    await expect(rev(page, 'P1', 2021)).toHaveText('12,60');
    await page.locator('.main').click({ position: { x: 4, y: 4 } });
    await page.keyboard.press('Control+z');
    await expect(rev(page, 'P1', 2021)).toHaveText('1,90');
    await expect(rev(page, 'P1', 2022)).toHaveText('1,85');
    await expect(rev(page, 'P2', 2021)).toHaveText('0,44');
    await expect(rev(page, 'GK', 2021)).toHaveText('');
    await expect(rev(page, 'P0', 2021)).toHaveText('12,60');
    await expect(cell(page, 'P0', 'justification')).toContainText('COVID-19');
    expect(changedKeys(beforePaste, await targetsByKey(page, scenarioId))).toEqual([]);
    // Redo brings the paste back (Ctrl+Y), undo again (the toolbar button).
    await page.keyboard.press('Control+y');
    await expect(rev(page, 'P1', 2021)).toHaveText('12,60');
    await page.getByTestId('undo-button').click();
    await expect(rev(page, 'P1', 2021)).toHaveText('1,90');

    // Population 640.000 typed for 2021: Jumlah Penduduk Miskin 2021 follows the rate, marked derived.
    await typeInto(page, rev(page, 'POP', 2021), '640.000');
    await expect(rev(page, 'POP', 2021)).toHaveText('640.000');
    const rateText = (await rev(page, 'P0', 2021).innerText()).trim();
    const rate = Number(rateText.replace(/\./g, '').replace(',', '.'));
    const expected = Math.round((rate * 640_000) / 100);
    expect(expected).toBe(80_640);
    await expect(rev(page, 'JPM', 2021).locator('.value-number')).toHaveText(new Intl.NumberFormat('id-ID').format(expected));
    await expect(rev(page, 'JPM', 2021).locator('[data-origin]')).toHaveAttribute('data-origin', 'derived');
    await expect(rev(page, 'JPM', 2021).locator('.derived-marker')).toHaveText('turunan');
    await expect(rev(page, 'JPM', 2021).locator('.value-number')).toHaveCSS('font-style', 'italic');
    await rev(page, 'JPM', 2021).click();
    await expect(page.getByTestId('target-detail')).toContainText('dihitung dari Persentase Penduduk Miskin × jumlah penduduk 2021'.replace('dihitung', 'Dihitung'));

    // F2 edits the stored value (full precision, id-ID); Escape cancels without a write.
    await rev(page, 'P0', 2021).click();
    await page.keyboard.press('F2');
    const editor = page.locator('.target-grid [row-id="indicator:P0"] [col-id="rev-2021"] input');
    await expect(editor).toHaveValue('12,60');
    await page.keyboard.type('5');
    await page.keyboard.press('Escape');
    await expect(editor).toHaveCount(0);
    await expect(rev(page, 'P0', 2021)).toHaveText('12,60');
    // Dot-decimal typing is read where unambiguous; Tab moves on.
    await rev(page, 'P2', 2021).click();
    await page.keyboard.type('0.43');
    await page.keyboard.press('Tab');
    await expect(rev(page, 'P2', 2021)).toHaveText('0,43');

    // Delete clears a revised target; Ctrl+Z with the grid cell focused brings it back.
    await rev(page, 'P2', 2023).click();
    await page.keyboard.press('Delete');
    await expect(rev(page, 'P2', 2023)).toHaveText('');
    await expect(page.getByTestId('undo-button')).toHaveText(/Urungkan: hapus target/);
    await page.keyboard.press('Control+z');
    await expect(rev(page, 'P2', 2023)).toHaveText('0,40');
    await expect(page.getByTestId('redo-button')).toHaveText(/Ulangi: hapus target/);

    // English: every label translated, numbers still id-ID.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Revised targets' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Model a target path…' })).toBeVisible();
    await expect(rev(page, 'P0', 2021)).toHaveText('12,60');
    await expect(page.locator('.target-view')).not.toContainText(/target\.[a-z]+\.|NaN/);
    await page.screenshot({ path: path.join(SHOTS, 'target-en.png') });
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeVisible();

    await watch.expectClean();
  });

  test('a paste with a text cell and an out-of-range rate lists both and writes nothing until confirmed', async ({ page, host }) => {
    const watch = watchPage(page);
    await page.goto(host.url);
    await openTargetView(page);
    // The scenario from the first test is remembered (same workbook file in this host).
    await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('Perubahan 2021');
    const summary = await call<WorkbookSummary>(page, 'workbook.current');
    const scenarioId = summary.scenarios.find((s) => s.name === 'Perubahan 2021')!.id;
    const before = await targetsByKey(page, scenarioId);

    await rev(page, 'P0', 2022).click();
    await pasteText(page, 'abc\t140\r\n70.000\t69.000\r\n');
    const dialog = page.getByRole('dialog', { name: /Tempel blok/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('paste-summary')).toContainText('2 sel valid, 2 sel ditolak');
    const rows = dialog.getByTestId('paste-rejected').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('baris 1, kolom 1');
    await expect(rows.nth(0)).toContainText('Persentase Penduduk Miskin 2022');
    await expect(rows.nth(0)).toContainText('teks bukan angka');
    await expect(rows.nth(1)).toContainText('baris 1, kolom 2');
    await expect(rows.nth(1)).toContainText('Persentase Penduduk Miskin 2023');
    await expect(rows.nth(1)).toContainText('di luar rentang 0–100');
    await page.screenshot({ path: path.join(SHOTS, 'target-paste-preview.png') });
    // Nothing written while the dialog asks.
    expect(changedKeys(before, await targetsByKey(page, scenarioId))).toEqual([]);

    // Batal writes nothing.
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect(dialog).toBeHidden();
    expect(changedKeys(before, await targetsByKey(page, scenarioId))).toEqual([]);

    // Again, and confirm: only the valid cells change.
    await rev(page, 'P0', 2022).click();
    await pasteText(page, 'abc\t140\r\n70.000\t69.000\r\n');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Terapkan 2 sel yang valid' }).click();
    await expect(dialog).toBeHidden();
    await expect(rev(page, 'JPM', 2022)).toHaveText('70.000');
    await expect(rev(page, 'JPM', 2023)).toHaveText('69.000');
    const after = await targetsByKey(page, scenarioId);
    // A typed count leads its rate through the Susenas population (643.425, implied by the
    // published 12,32 % and 79.270): 70.000 ÷ 643.425 = 10,88 %; 69.000 ÷ 643.425 = 10,72 %.
    expect(changedKeys(before, after)).toEqual(['JPM 2022', 'JPM 2023', 'P0 2022', 'P0 2023']);
    expect(after.get('P0 2022')).toBe(10.88);
    expect(after.get('P0 2023')).toBe(10.72);
    await expect(rev(page, 'P0', 2022)).toHaveText(/^10,88/);
    await expect(rev(page, 'P0', 2022)).toContainText('turunan');
    await expect(page.getByTestId('undo-button')).toHaveText(/Urungkan: tempel target/);

    // Copy (Ctrl+C) puts the focused cell on the clipboard as TSV.
    await rev(page, 'JPM', 2022).click();
    const copied = await copyFocused(page);
    expect(copied).toEqual({ text: '70.000\r\n', prevented: true });

    // Capaian shown for years with a realisation, with its status band.
    await page.getByLabel('Tampilkan capaian').check();
    await expect(cell(page, 'P0', 'real-2020')).toHaveText('12,32');
    const capaian = cell(page, 'P0', 'cap-2020').locator('.capaian');
    // lower is better: target ÷ realisasi × 100 = 11,70 / 12,32 × 100 = 94,97 % → sangat tinggi
    // (Permendagri 86/2017), yet the target was missed by 12,32 − 11,70 = 0,62 points: it says so.
    await expect(capaian).toContainText('94,97 %');
    await expect(capaian).toHaveAttribute('data-band', 'sangat_tinggi');
    await expect(capaian.locator('.band-pill')).toHaveText('sangat tinggi');
    await expect(capaian).toContainText('tidak tercapai');
    await expect(capaian).toContainText('0,62 poin persen');
    await page.getByLabel('Tampilkan capaian').uncheck();

    // Scenario management: duplicate, rename, mark usulan, delete (confirmed), all in the bar.
    await page.getByRole('button', { name: 'Duplikat…' }).click();
    const dup = page.getByRole('dialog', { name: 'Duplikat skenario' });
    await expect(dup.getByLabel('Nama skenario')).toHaveValue('Perubahan 2021 (salinan)');
    await dup.getByLabel('Nama skenario').fill('Optimis');
    await dup.getByRole('button', { name: 'Buat skenario' }).click();
    await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('Optimis');
    await expect(rev(page, 'JPM', 2022)).toHaveText('70.000');
    // Changed targets without a justification block usulan; the refusal names them in Indonesian.
    await page.getByRole('button', { name: 'Tandai usulan' }).click();
    await expect(page.getByTestId('target-alert')).toContainText('Belum dapat ditandai usulan');
    await expect(page.getByTestId('target-alert')).toContainText('Jumlah Penduduk Miskin');
    await expect(page.getByTestId('scenario-status')).toHaveText(/draf/);
    await page.getByRole('button', { name: 'Ubah nama/keterangan…' }).click();
    const edit = page.getByRole('dialog', { name: 'Ubah skenario' });
    await edit.getByLabel('Nama skenario').fill('Optimis 2021');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('Optimis 2021');
    await page.getByRole('button', { name: 'Hapus…' }).click();
    const del = page.getByRole('dialog', { name: 'Hapus skenario?' });
    await expect(del).toContainText('Optimis 2021');
    await del.getByRole('button', { name: 'Hapus skenario' }).click();
    await expect(del).toBeHidden();
    await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('Perubahan 2021');
    await expect(page.getByTestId('undo-button')).toHaveText(/Urungkan: hapus skenario/);

    // The refused usulan answered 409, which the browser logs as a failed resource load.
    await watch.expectClean({ allow: [/Failed to load resource: .* 409/] });
  });

  test('at 1366×768: the revision years and a dozen rows in view, a refused value beside its cell, Excel keys, a finding in view with its chart, the chart choice remembered', async ({ page, host }) => {
    test.setTimeout(90_000);
    const watch = watchPage(page);
    await page.goto(host.url);
    await openTargetView(page);
    await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText('Perubahan 2021');
    const summary = await call<WorkbookSummary>(page, 'workbook.current');
    const scenarioId = summary.scenarios.find((s) => s.name === 'Perubahan 2021')!.id;
    expect(summary.settings.revisionDate).toBe('2021-08-23');
    await expect(rev(page, 'P0', 2021)).toHaveText('12,60');

    // The chart panel starts closed in a window this low, so the grid has the height.
    const toggle = page.getByTestId('chart-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('target-preview')).toHaveCount(0);

    // The years after the revision date (2021–2023) are in view without scrolling: every column
    // of theirs lies inside the grid's visible width, beside the pinned indicator names.
    const headerInView = (colId: string) =>
      inPage<boolean>(page, `${BODY_BOX} const el = document.querySelector('.target-grid .ag-header-cell[col-id="' + arg + '"]'); return !!el && inside(el.getBoundingClientRect(), true, false);`, colId);
    for (const year of [2021, 2022, 2023]) {
      for (const kind of ['orig', 'rev', 'delta']) expect(await headerInView(`${kind}-${year}`), `${kind}-${year} in view`).toBe(true);
    }
    // Δ cells are never cut: the loosened P0 2021 shows its number and its cue whole.
    const delta2021 = cell(page, 'P0', 'delta-2021');
    await expect(delta2021.locator('.delta-cue')).toHaveText('longgar');
    expect(await inPage<boolean>(page, `const c = document.querySelector(arg); return c.scrollWidth <= c.clientWidth;`, '.target-grid [row-id="indicator:P0"] [col-id="delta-2021"]')).toBe(true);
    // At least twelve grid rows are drawn whole inside the grid and the window.
    const rowsInView = await inPage<number>(
      page,
      `${BODY_BOX} const ids = new Set([...document.querySelectorAll('.target-grid .ag-row[row-id]')].filter((r) => inside(r.getBoundingClientRect(), false, true)).map((r) => r.getAttribute('row-id')));
       return ids.size;`,
      null,
    );
    expect(rowsInView).toBeGreaterThanOrEqual(12);

    // Realised years can be hidden; the choice is remembered.
    await page.getByLabel('Sembunyikan tahun terealisasi').check();
    await expect(page.locator('.target-grid .ag-header-cell[col-id="rev-2020"]')).toHaveCount(0);
    await expect(page.locator('.target-grid .ag-header-cell[col-id="rev-2021"]')).toHaveCount(1);
    await page.reload();
    await expect(page.getByLabel('Sembunyikan tahun terealisasi')).toBeChecked();
    await expect(page.locator('.target-grid .ag-header-cell[col-id="rev-2020"]')).toHaveCount(0);
    await page.getByLabel('Sembunyikan tahun terealisasi').uncheck();
    await expect(page.locator('.target-grid .ag-header-cell[col-id="rev-2020"]')).toHaveCount(1);

    // Typing −3 into a poverty rate: the typed text stays in the cell, marked, and the reason, in
    // Indonesian, is drawn beside it inside the window; nothing is written.
    const before = await targetsByKey(page, scenarioId);
    const stored = (await rev(page, 'P0', 2023).locator('.value-number').innerText()).trim();
    await typeInto(page, rev(page, 'P0', 2023), '-3');
    const problem = page.getByTestId('cell-problem');
    await expect(problem).toContainText('Persentase Penduduk Miskin 2023: -3,00 di luar rentang 0–100. Tidak ada yang disimpan.');
    await expect(problem).toHaveAttribute('role', 'alert');
    await expectInWindow(problem);
    await expect(rev(page, 'P0', 2023).locator('[data-refused] .refused-text')).toHaveText('-3');
    await expect(rev(page, 'P0', 2023).getByRole('img', { name: 'Ditolak, tidak disimpan' })).toBeVisible();
    // The focus stays on the refused cell, so F2 opens it on what was typed.
    expect(await focusedCell(page)).toEqual({ row: 'indicator:P0', col: 'rev-2023' });
    await page.keyboard.press('F2');
    await expect(page.locator('.target-grid [row-id="indicator:P0"] [col-id="rev-2023"] input')).toHaveValue('-3');
    await page.keyboard.press('Escape');
    await expect(problem).toBeVisible();
    // Tutup pesan drops it and brings the focus back to the cell, showing the stored value again.
    await problem.getByRole('button', { name: 'Tutup pesan' }).click();
    await expect(problem).toHaveCount(0);
    await expect(rev(page, 'P0', 2023).locator('.value-number')).toHaveText(stored);
    expect(await focusedCell(page)).toEqual({ row: 'indicator:P0', col: 'rev-2023' });
    expect(changedKeys(before, await targetsByKey(page, scenarioId))).toEqual([]);

    // Excel's keys: Home/End stay in the row, Ctrl+Home/Ctrl+End go to the corners.
    await rev(page, 'P1', 2022).click();
    await page.keyboard.press('End');
    expect(await focusedCell(page)).toEqual({ row: 'indicator:P1', col: 'justification' });
    await page.keyboard.press('Home');
    expect(await focusedCell(page)).toEqual({ row: 'indicator:P1', col: 'name' });
    await page.keyboard.press('Control+End');
    expect(await focusedCell(page)).toEqual({ row: 'indicator:GK', col: 'justification' });
    await page.keyboard.press('Control+Home');
    expect(await focusedCell(page)).toEqual({ row: 'group:makro', col: 'name' });
    // Up from the first row enters the header; Tab goes back down into the cells rather than
    // along every header cell, and Shift+Tab from the header leaves the grid.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => inPage<boolean>(page, `return !!document.activeElement?.closest('.target-grid .ag-header');`, null)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedCell(page)).toEqual({ row: 'group:makro', col: 'name' });
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => inPage<boolean>(page, `return !document.activeElement?.closest('.target-grid');`, null)).toBe(true);

    // The chart panel opens, and stays open after a reload.
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('target-preview')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('chart-toggle')).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('target-preview')).toBeVisible();

    // A value typed and Enter: the focus moves down a row, the chart keeps the indicator just
    // edited (with the typed value in it); the arrow keys move it on with the focus again.
    const figure = page.locator('[data-testid="target-preview"] figure');
    await typeInto(page, rev(page, 'P0', 2022), '11,9');
    await expect(rev(page, 'P0', 2022).locator('.value-number')).toHaveText('11,90');
    const below = await focusedCell(page);
    expect(below.row).not.toBe('indicator:P0');
    await expect(figure).toHaveAttribute('data-indicator', 'P0');
    await page.keyboard.press('ArrowDown');
    const next = (await focusedCell(page)).row!.replace('indicator:', '');
    await expect(figure).toHaveAttribute('data-indicator', next);

    // A finding far down the grid (Indeks Keparahan Kemiskinan 2023 changed without a reason):
    // opened from Pemeriksaan, its cell is scrolled into the grid's view inside the window and the
    // chart shows that indicator.
    const p2 = summary.indicators.find((i) => i.code === 'P2')!;
    await call(page, 'targets.set', { scenarioId, action: 'target.edit', cells: [{ indicatorId: p2.id, year: 2023, value: 0.45 }] });
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Pemeriksaan', exact: true }).click();
    const finding = page.locator('.finding[data-severity="error"][data-indicator="P2"][data-year="2023"]');
    await expect(finding).toHaveCount(1);
    await finding.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeVisible();
    const focused = page.locator('.target-grid [row-id="indicator:P2"] .ag-cell-focus');
    await expect(focused).toHaveCount(1);
    const focusedCol = await focused.getAttribute('col-id');
    expect(focusedCol).toMatch(/^(rev-2023|justification)$/);
    await expectInWindow(focused);
    // (The chart draws after the focus, shrinking the grid: the cell is kept in view through that.)
    await expect.poll(() => insideGridBody(page, `.target-grid [row-id="indicator:P2"] [col-id="${focusedCol}"]`)).toBe(true);
    await expect(page.locator('[data-testid="target-preview"] figure')).toHaveAttribute('data-indicator', 'P2');
    await expect(page.getByTestId('target-preview').getByRole('img')).toHaveAccessibleName(/Indeks Keparahan Kemiskinan \(P2\)/);
    await page.screenshot({ path: path.join(SHOTS, 'target-finding.png') });

    // Closed again, the panel stays closed after a reload.
    await page.getByTestId('chart-toggle').click();
    await page.reload();
    await expect(page.getByTestId('chart-toggle')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByTestId('target-preview')).toHaveCount(0);

    // English: the refusal in English, numbers id-ID; nothing Indonesian left in the message.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Revised targets' })).toBeVisible();
    await typeInto(page, rev(page, 'P0', 2022), '150');
    await expect(problem).toContainText('Poverty rate (P0) 2022');
    await expect(problem).not.toContainText(/disimpan|rentang|Tutup/);
    await expectInWindow(problem);
    await page.screenshot({ path: path.join(SHOTS, 'target-refused-en.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await typeInto(page, rev(page, 'P0', 2022), '150');
    await expect(problem).toContainText('di luar rentang 0–100');
    await page.screenshot({ path: path.join(SHOTS, 'target-refused-id.png') });
    await page.keyboard.press('Escape');
    await expect(problem).toHaveCount(0);

    await watch.expectClean();
  });
});
