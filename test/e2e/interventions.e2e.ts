/**
 * Intervensi (issue 17) on the demo workbook, in Chromium through the browser host: a programme
 * with two years added through the form and listed in Indonesian numbers; an accuracy of 120
 * refused by the service and worded in Indonesian beside its field; the programme edited, deleted
 * and brought back by undo (the view's button and Ctrl+Z); the household size and the horizon set,
 * refused when out of range, and kept after a reload; the view in English with none of its own
 * words left in Indonesian. Screenshots at 1366 × 768 in both languages.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { interventionsEn } from '../../renderer/src/interventions/interventions.en.js';
import { interventionsId } from '../../renderer/src/interventions/interventions.id.js';
import { expect, test, watchPage } from './host.js';

test.use({ hostOptions: { file: 'interventions' } });

const SHOTS = path.resolve('test-results/screenshots');
const NAME = 'Bantuan Pangan Daerah Uji';

function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: /Navigasi utama|Main navigation/ }).getByRole('button', { name, exact: true });
}

const group = (page: Page, name: string) => page.locator(`tbody.programme-group[data-programme="${name}"]`);
const cell = (page: Page, name: string, year: number, field: string) => group(page, name).locator(`tr[data-year="${year}"] td[data-field="${field}"]`);

/**
 * The view's own Indonesian words that English must not show: every fixed part of every
 * interventions.id string (placeholders cut out) that its English counterpart does not contain.
 */
function indonesianOnly(): string[] {
  const out = new Set<string>();
  const walk = (idNode: unknown, enNode: unknown) => {
    if (typeof idNode === 'string') {
      const en = typeof enNode === 'string' ? enNode : '';
      for (const part of idNode.split(/\{\{[^}]*\}\}/)) {
        const words = part.trim().replace(/^[\s.,:;()“”–—·-]+|[\s.,:;()“”–—·-]+$/g, '');
        if (words.length >= 4 && !en.includes(words)) out.add(words);
      }
      return;
    }
    if (idNode && typeof idNode === 'object') {
      for (const [k, v] of Object.entries(idNode)) walk(v, (enNode as Record<string, unknown> | undefined)?.[k]);
    }
  };
  walk(interventionsId, interventionsEn);
  // The app-wide words the view borrows (undo, redo, cancel).
  for (const w of ['Urungkan', 'Ulangi', 'Batal', 'langkah terakhir']) out.add(w);
  return [...out];
}

/** `words` as whole words (so "Program" is not found in "Programmes"). */
const asWords = (words: string) => new RegExp(`(^|[^\\p{L}])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');

/** The texts that are the view's own words (not the planner's data): headings, labels, buttons, hints. */
async function ownWords(scope: Locator): Promise<string[]> {
  return scope
    .locator('h1, h2, legend, label, button, th[scope="col"], .hint, .page-subtitle, .programme-kind, .grid-legend, option, .interventions-readonly')
    .allInnerTexts();
}

test.describe('Intervensi (demo workbook)', () => {
  test('a programme added, refused, edited, deleted and brought back; the parameters kept; English throughout', async ({ page, host }) => {
    test.setTimeout(180_000);
    const watch = watchPage(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();

    // Intervensi follows Bandingkan in the navigation.
    const buttons = await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('button').allInnerTexts();
    expect(buttons.indexOf('Intervensi')).toBe(buttons.indexOf('Bandingkan') + 1);
    await nav(page, 'Intervensi').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Intervensi penanggulangan kemiskinan' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Dampak pada jalur kemiskinan' })).toBeVisible();

    // ---- add a programme with two years ----
    await page.getByRole('button', { name: 'Tambah program' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah program' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Nama program').fill(NAME);
    await dialog.getByLabel('Perangkat Daerah').fill('Dinas Sosial');
    await dialog.getByLabel('Klaster').selectOption({ label: 'Bantuan sosial' });
    await dialog.getByLabel('Strategi (Inpres 4/2022)').selectOption({ label: 'Pengurangan beban pengeluaran' });
    await dialog.getByLabel('Sumber program').fill('DPA Dinas Sosial 2022 (uji)');
    await dialog.getByRole('combobox', { name: 'Tahun' }).first().selectOption('2022');
    await dialog.getByLabel('Rumah tangga sasaran 2022').fill('1.250');
    await dialog.getByLabel('Manfaat (Rp/RT/bulan) 2022').fill('250.000');
    await dialog.getByLabel('Ketepatan sasaran (%) 2022').fill('120');
    await dialog.getByLabel('Anggaran (Rp) 2022').fill('3.750.000.000');
    await dialog.getByLabel('Sumber 2022').fill('SP2D 2022');
    await dialog.getByRole('button', { name: 'Tambah tahun' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Tahun' })).toHaveCount(2);
    await expect(dialog.getByRole('combobox', { name: 'Tahun' }).nth(1)).toHaveValue('2023');
    await dialog.getByLabel('Rumah tangga sasaran 2023').fill('1.500');
    await dialog.getByLabel('Manfaat (Rp/RT/bulan) 2023').fill('250.000');
    await dialog.getByLabel('Ketepatan sasaran (%) 2023').fill('87,5');

    // The service refuses 120 %: said in Indonesian beside the field, the dialog stays open, nothing saved.
    await dialog.getByRole('button', { name: 'Simpan program' }).click();
    const accuracy2022 = dialog.getByLabel('Ketepatan sasaran (%) 2022');
    await expect(accuracy2022).toHaveAttribute('aria-invalid', 'true');
    await expect(accuracy2022).toHaveAccessibleDescription('Ketepatan sasaran (%) 2022: harus persentase dari 0 sampai 100.');
    await expect(accuracy2022).toBeFocused();
    await expect(dialog.getByRole('alert')).toHaveText('Program belum disimpan: betulkan isian yang ditandai.');
    await expect(dialog).not.toContainText(/percentage|accuracy|must|refused/i);
    await page.mouse.move(0, 0);
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'intervensi-tolak-id.png') });

    // A text that is no number is the form's to say, before anything is sent.
    await accuracy2022.fill('85 persen');
    await dialog.getByRole('button', { name: 'Simpan program' }).click();
    await expect(accuracy2022).toHaveAccessibleDescription('Ketepatan sasaran (%) 2022: “85 persen” bukan angka; tulis misalnya 87,5.');

    await accuracy2022.fill('85');
    await dialog.getByRole('button', { name: 'Simpan program' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('interventions-status')).toHaveText(`✓ Program ${NAME} disimpan.`);

    // Listed in Indonesian numbers.
    await expect(group(page, NAME).locator('th')).toContainText(NAME);
    await expect(group(page, NAME).locator('th')).toContainText('Bantuan sosial · Pengurangan beban pengeluaran');
    await expect(group(page, NAME)).toContainText('Dinas Sosial');
    await expect(cell(page, NAME, 2022, 'households')).toHaveText('1.250');
    await expect(cell(page, NAME, 2022, 'benefit')).toHaveText('250.000');
    await expect(cell(page, NAME, 2022, 'accuracy')).toHaveText('85');
    await expect(cell(page, NAME, 2022, 'budget')).toHaveText('3.750.000.000');
    await expect(cell(page, NAME, 2022, 'source')).toHaveText('SP2D 2022');
    await expect(cell(page, NAME, 2023, 'households')).toHaveText('1.500');
    await expect(cell(page, NAME, 2023, 'accuracy')).toHaveText('87,5');
    await expect(cell(page, NAME, 2023, 'budget')).toHaveText('–');
    await expect(group(page, NAME).locator('.illustrative-marker')).toHaveCount(0);

    // ---- edit: the form starts from what is stored, written the Indonesian way ----
    await page.getByRole('button', { name: `Ubah program ${NAME}` }).click();
    const edit = page.getByRole('dialog', { name: /Ubah program/ });
    await expect(edit.getByLabel('Ketepatan sasaran (%) 2023')).toHaveValue('87,5');
    await expect(edit.getByLabel('Anggaran (Rp) 2022')).toHaveValue('3.750.000.000');
    await edit.getByLabel('Rumah tangga sasaran 2023').fill('2.000');
    await edit.getByLabel('Anggaran (Rp) 2023').fill('4.500.000.000');
    await edit.getByRole('button', { name: 'Simpan program' }).click();
    await expect(edit).toBeHidden();
    await expect(cell(page, NAME, 2023, 'households')).toHaveText('2.000');
    await expect(cell(page, NAME, 2023, 'budget')).toHaveText('4.500.000.000');

    // ---- delete, confirmed ----
    await page.getByRole('button', { name: `Hapus program ${NAME}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Hapus program?' });
    await expect(confirm).toContainText(`Program “${NAME}” dan 2 tahun jangkauannya akan dihapus dari buku kerja.`);
    await confirm.getByRole('button', { name: 'Hapus program' }).click();
    await expect(confirm).toBeHidden();
    await expect(group(page, NAME)).toHaveCount(0);
    await expect(page.getByTestId('interventions-status')).toHaveText(`✓ Program ${NAME} dihapus.`);

    // ---- undo brings it back (the view's button names the step), redo deletes again, Ctrl+Z brings it back ----
    const undo = page.getByTestId('interventions-undo');
    await expect(undo).toHaveText(/Urungkan: hapus program/);
    await undo.click();
    await expect(cell(page, NAME, 2023, 'households')).toHaveText('2.000');
    await page.getByRole('button', { name: /^↷?\s*Ulangi: hapus program/ }).click();
    await expect(group(page, NAME)).toHaveCount(0);
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+z');
    await expect(cell(page, NAME, 2022, 'accuracy')).toHaveText('85');
    await expect(cell(page, NAME, 2023, 'households')).toHaveText('2.000');

    // ---- the parameters: refused beside the field, then saved and kept after a reload ----
    const size = page.getByLabel('Rata-rata anggota rumah tangga miskin (orang)');
    const sizeSource = page.getByLabel('Sumber', { exact: true });
    await size.fill('25');
    await sizeSource.fill('BPS, Susenas Maret 2021');
    await sizeSource.press('Enter');
    await expect(size).toHaveAttribute('aria-invalid', 'true');
    await expect(size).toHaveAccessibleDescription('Rata-rata anggota rumah tangga miskin antara 1 dan 20 orang.');
    await size.fill('4,6');
    await size.press('Enter');
    await expect(page.getByTestId('interventions-settings-status')).toHaveText('Rata-rata anggota rumah tangga miskin tersimpan.');
    await expect(size).not.toHaveAttribute('aria-invalid', 'true');

    // The horizon: one year further than the workbook has it (the demo reaches 2026), chosen with the keyboard and Enter.
    const horizon = page.getByLabel('Cakrawala RPKD/RPD sampai tahun');
    await expect(horizon.locator('option').first()).toHaveText('2023 (akhir RPJMD)');
    const before = Number(await horizon.inputValue());
    const after = before + 1;
    await horizon.selectOption(String(after));
    await horizon.press('Enter');
    await expect(page.getByTestId('interventions-settings-status')).toHaveText('Cakrawala RPKD/RPD sampai tahun tersimpan.');
    await expect(page.locator('.page-subtitle')).toContainText(`untuk RPKD sampai ${after}`);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Intervensi penanggulangan kemiskinan' })).toBeVisible();
    await expect(size).toHaveValue('4,6');
    await expect(sizeSource).toHaveValue('BPS, Susenas Maret 2021');
    await expect(horizon).toHaveValue(String(after));
    await expect(cell(page, NAME, 2023, 'households')).toHaveText('2.000');

    // A programme year may now run to the new horizon…
    await page.getByRole('button', { name: `Ubah program ${NAME}` }).click();
    const form = page.getByRole('dialog', { name: /Ubah program/ });
    await form.getByRole('button', { name: 'Tambah tahun' }).click();
    const lastRow = form.getByRole('combobox', { name: 'Tahun' }).last();
    expect((await lastRow.locator('option').allInnerTexts()).at(-1)).toBe(String(after));
    await lastRow.selectOption(String(after));
    await form.getByLabel(`Rumah tangga sasaran ${after}`).fill('1.000');
    await form.getByLabel(`Manfaat (Rp/RT/bulan) ${after}`).fill('200.000');
    await form.getByLabel(`Ketepatan sasaran (%) ${after}`).fill('80');
    await form.getByRole('button', { name: 'Simpan program' }).click();
    await expect(form).toBeHidden();
    await expect(cell(page, NAME, after, 'households')).toHaveText('1.000');
    // …and the horizon cannot be drawn back before it: refused beside the field, in Indonesian.
    await horizon.selectOption(String(before));
    await horizon.press('Tab'); // leaving the field saves
    await expect(horizon).toHaveAttribute('aria-invalid', 'true');
    await expect(horizon).toHaveAccessibleDescription(new RegExp(`^Ada 1 target, nilai, tahun program atau catatan evaluasi setelah ${before} \\(mulai tahun ${after}\\); hapus dulu sebelum memendekkan cakrawala\\.`));
    // Escape puts the stored year back, and the refusal goes with it.
    await horizon.press('Escape');
    await expect(horizon).toHaveValue(String(after));
    await expect(horizon).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: `Ubah program ${NAME}` }).click();
    await form.getByRole('button', { name: `Hapus tahun ${after}` }).click();
    await form.getByRole('button', { name: 'Simpan program' }).click();
    await expect(form).toBeHidden();
    await expect(group(page, NAME).locator(`tr[data-year="${after}"]`)).toHaveCount(0);

    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, 'intervensi-id.png') });

    // ---- English: the view's own words all English, numbers still id-ID ----
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Poverty interventions' })).toBeVisible();
    await expect(nav(page, 'Interventions')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2, name: 'Effect on the poverty path' })).toBeVisible();
    await expect(cell(page, NAME, 2022, 'budget')).toHaveText('3.750.000.000');
    await expect(group(page, NAME).locator('th')).toContainText('Social assistance · Reduce the spending burden');
    await expect(page.getByLabel('Average size of a poor household (people)')).toHaveValue('4,6');
    const leftovers = indonesianOnly();
    const check = (texts: string[]) => {
      const found = texts.flatMap((text) => leftovers.filter((w) => asWords(w).test(text)).map((w) => `${w} ← ${text}`));
      expect(found).toEqual([]);
    };
    check(await ownWords(page.locator('main')));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, 'intervensi-en.png') });

    // The form in English, with a refusal worded in English.
    await page.getByRole('button', { name: `Edit programme ${NAME}` }).click();
    const en = page.getByRole('dialog', { name: /Edit programme/ });
    await en.getByLabel('Targeting accuracy (%) 2022').fill('120');
    await en.getByRole('button', { name: 'Save programme' }).click();
    await expect(en.getByLabel('Targeting accuracy (%) 2022')).toHaveAccessibleDescription('Targeting accuracy (%) 2022: must be a percentage from 0 to 100.');
    check(await ownWords(en));
    check([await en.getByRole('alert').innerText()]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, 'intervensi-form-en.png') });
    await en.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Intervensi penanggulangan kemiskinan' })).toBeVisible();

    // The four refusals (accuracy 120 twice, a household of 25, the horizon drawn back) are 400 answers.
    expect(watch.problems.filter((p) => /status of 400/.test(p))).toHaveLength(4);
    await watch.expectClean({ allow: [/Failed to load resource: .* 400/] });
  });
});
