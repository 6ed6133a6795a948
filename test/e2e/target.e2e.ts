/**
 * The Target view on the demo workbook, in Chromium through the browser host (issue 3, "Done
 * when"): a scenario from the original targets, typing, a spreadsheet paste, a linear path, a
 * justification, reload, undo across reloads, rate ↔ count through the scenario's population,
 * and a paste with refused cells that writes nothing until confirmed.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { ScenarioTargets, WorkbookSummary } from '../../shared/domain.js';
import { expect, test, watchPage, callApi as call } from './host.js';

test.use({ hostOptions: { file: 'target' } });

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

/** Left edge of a header cell, in page pixels. */
function headerLeft(page: Page, colId: string): Promise<number> {
  return inPage(page, `return document.querySelector('.target-grid .ag-header-cell[col-id="' + arg + '"]')?.getBoundingClientRect().left ?? 0;`, colId);
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

    // Invalid typing: an inline alert naming the cell; nothing is sent.
    const before0 = await targetsByKey(page, scenarioId);
    await typeInto(page, rev(page, 'P0', 2022), 'abc');
    const alert = page.getByTestId('target-alert');
    await expect(alert).toContainText('Persentase Penduduk Miskin 2022');
    await expect(alert).toContainText('bukan angka');
    await typeInto(page, rev(page, 'P0', 2022), '140');
    await expect(alert).toContainText('di luar rentang 0–100');
    expect(changedKeys(before0, await targetsByKey(page, scenarioId))).toEqual([]);

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
    await expect(rev(page, 'P0', 2021)).toHaveText('11,55');
    await expect(rev(page, 'P0', 2022)).toHaveText('10,77');
    await expect(rev(page, 'P0', 2023)).toHaveText('10,00');
    await expect(cell(page, 'P0', 'end')).toHaveText('10,00');
    await expect(page.getByTestId('undo-button')).toHaveText(/Urungkan: jalur target/);

    // The Target view at 1280×800, Bahasa Indonesia.
    await mkdir(SHOTS, { recursive: true });
    // Scroll the grid so the COVID years (2020 onwards) start at its left edge, beside the pinned names.
    await cell(page, 'P0', 'unit').click();
    const offset = (await headerLeft(page, 'orig-2020')) - (await headerLeft(page, 'unit'));
    await cell(page, 'P0', 'unit').hover();
    await page.mouse.wheel(offset, 0);
    await expect.poll(() => headerLeft(page, 'orig-2020')).toBeLessThan(480);
    await page.mouse.move(0, 0);
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
});
