/**
 * Issue 18 item 4 in Chromium through the browser host, at 1366 × 768: the evaluation workbook
 * the province writes for Muara Enim (province.reviewBytes, from the demo province) with notes
 * typed into its Catatan Evaluasi cells (exceljs, as Excel or LibreOffice would save them) is
 * chosen in Ekspor → Impor, previewed (the notes the file would add), applied; the notes show in
 * Pemeriksaan as open items, their Target cells carry the comment marker and the header counts
 * them; a follow-up marked ditindaklanjuti without a response is refused in words, with one it is
 * saved (one undo step) and the count drops. Indonesian, then English. Screenshots:
 * test-results/screenshots/review-*.png.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { HistoryState } from '../../shared/domain.js';
import type { ReviewWorkbookResult } from '../../shared/review.js';
import { callApi as call, expect, test, watchPage } from './host.js';

test.use({ hostOptions: { file: 'review-notes' } });

const SHOTS = path.resolve('test-results/screenshots');
const NOTE_2022 = 'Target P0 2022 perlu diselaraskan dengan penurunan provinsi (≥ 1 poin persen per tahun).';
const NOTE_2023 = 'Jelaskan program yang mendukung penurunan ke 11,40 %.';

/** The demo province's 17 workbooks (npm run demo -- --province DIR). */
async function demoProvince(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rpjmd-e2e-province-'));
  const made = spawnSync(process.execPath, [path.resolve('dist/node/serve.mjs'), '--make-demo', '--province', dir], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`npm run demo -- --province failed:\n${made.stderr}`);
  return dir;
}

/**
 * The evaluation workbook with `notes` typed into the Catatan Evaluasi cell of their P0 year rows,
 * and one more note on the first row, whose Kode and Indikator an evaluator overtyped with "XYZ".
 */
async function withNotes(base64: string, notes: Record<number, string>): Promise<{ buffer: Buffer; bogusRow: number }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = book.getWorksheet('Evaluasi')!;
  let header = 0;
  ws.eachRow((row, r) => {
    if (!header && row.getCell(1).value === 'Kode') header = r;
  });
  expect(header).toBeGreaterThan(0);
  const noteCol = (ws.getRow(header).values as unknown[]).indexOf('Catatan Evaluasi');
  expect(noteCol).toBeGreaterThan(0);
  let typed = 0;
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const year = Number(ws.getCell(r, 4).value);
    if (ws.getCell(r, 1).value === 'P0' && notes[year]) {
      ws.getCell(r, noteCol).value = notes[year]!;
      typed++;
    }
  }
  expect(typed).toBe(Object.keys(notes).length);
  const bogusRow = header + 1;
  ws.getCell(bogusRow, 1).value = 'XYZ';
  ws.getCell(bogusRow, 2).value = 'XYZ';
  ws.getCell(bogusRow, noteCol).value = 'Catatan pada baris yang kodenya tertimpa.';
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), bogusRow };
}

test('an evaluation workbook imported: notes open in Pemeriksaan, marked in Target, followed up, the count drops (id, en)', async ({ page, host }) => {
  const watch = watchPage(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: /Muara Enim/ })).toBeVisible();

  const folder = await demoProvince();
  const file = fs.readdirSync(folder).find((f) => /muara-enim/i.test(f))!;
  expect(file).toBeTruthy();
  const review = await call<ReviewWorkbookResult>(page, 'province.reviewBytes', { folder, file, evaluator: 'Tim Evaluasi Provinsi Sumatera Selatan', date: '2021-09-14' });
  const { buffer: xlsx, bogusRow } = await withNotes(review.base64, { 2022: NOTE_2022, 2023: NOTE_2023 });

  // Ekspor → Impor: the preview names the notes the file would add, at their cells.
  const nav = page.getByRole('navigation');
  await nav.getByRole('button', { name: 'Ekspor', exact: true }).click();
  await page.getByLabel('Berkas').setInputFiles({ name: review.fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('catatan evaluasi: 2 baru, 0 sudah ada; 1 ditolak');
  // The note whose row names no indicator: located (sheet, row, column) and worded.
  const rejected = preview.getByRole('table').filter({ hasText: 'Indikator tidak dikenal' });
  await expect(rejected.getByRole('row').filter({ hasText: 'Indikator tidak dikenal' })).toContainText(new RegExp(`Evaluasi\\s*${bogusRow}\\s*A`));
  await expect(rejected).toContainText('Tidak ada indikator yang cocok dengan "XYZ".');
  const part = preview.getByTestId('import-reviews');
  await expect(part).toContainText('Evaluasi Kabupaten Muara Enim oleh Tim Evaluasi Provinsi Sumatera Selatan, 14 September 2021');
  const row2022 = part.getByRole('row').filter({ hasText: NOTE_2022 });
  await expect(row2022).toContainText('Persentase Penduduk Miskin');
  await expect(row2022).toContainText('2022');
  await expect(row2022).toContainText('baru');
  await expect(row2022).toContainText(/Evaluasi!H\d+/);
  await mkdir(SHOTS, { recursive: true });
  await part.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'review-import-id.png') });
  await page.getByRole('button', { name: 'Terapkan 2 perubahan' }).click();
  await expect(page.getByText('2 catatan evaluasi ditambahkan: tanggapi di Pemeriksaan.')).toBeVisible();

  // Pemeriksaan: both open, with what the evaluator saw against the usulan now.
  await nav.getByRole('button', { name: 'Pemeriksaan', exact: true }).click();
  const panel = page.getByTestId('review-notes');
  await expect(panel.getByRole('heading', { name: 'Catatan Evaluasi Gubernur' })).toBeVisible();
  await expect(panel.getByTestId('review-notes-counts')).toHaveText('2 terbuka · 0 ditindaklanjuti');
  const item = panel.getByTestId('review-note').filter({ hasText: NOTE_2022 });
  await expect(item).toHaveAttribute('data-status', 'belum');
  await expect(item).toContainText('Persentase Penduduk Miskin · 2022');
  await expect(item).toContainText('Tim Evaluasi Provinsi Sumatera Selatan, 14 September 2021');
  await expect(item).toContainText('Target yang dilihat evaluator: 11,80');
  await expect(item).toContainText('Target sekarang di usulan Perubahan 2021 (contoh): 11,80');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'review-pemeriksaan-id.png') });

  // Target, opened from the note: its cell focused; the two cells marked like Excel comments, the
  // note in their label; the header counts them.
  await item.getByRole('button', { name: 'Buka di Target' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Target perubahan' })).toBeVisible();
  await expect(page.locator('.target-grid [row-id="indicator:P0"] .ag-cell-focus')).toHaveAttribute('col-id', 'rev-2022');
  // The focused cell's note is said under the grid too (the keyboard's way to it).
  await expect(page.getByTestId('target-detail')).toContainText(`Catatan evaluasi terbuka: ${NOTE_2022}`);
  await expect(page.getByTestId('review-count')).toHaveText('2 catatan evaluasi terbuka');
  const markers = page.locator('[data-review-note="open"]');
  await expect(markers).toHaveCount(2);
  await expect(page.getByRole('img', { name: `Catatan evaluasi terbuka: ${NOTE_2022}` })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'review-target-id.png') });

  // The follow-up: "ditindaklanjuti" without a response is refused, in words; with one it is saved.
  await nav.getByRole('button', { name: 'Pemeriksaan', exact: true }).click();
  await item.getByRole('radio', { name: 'ditindaklanjuti' }).check();
  await item.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
  await expect(item.getByRole('alert')).toHaveText('Tulis tanggapannya dulu: catatan yang ditandai "ditindaklanjuti" menyebut apa yang dilakukan.');
  await expect(item.getByLabel('Tanggapan (tindak lanjut)')).toHaveAttribute('aria-invalid', 'true');
  await item.getByLabel('Tanggapan (tindak lanjut)').fill('Target 2022 diturunkan bertahap; program BSTD diperluas (DPA 2022).');
  await item.getByRole('radio', { name: 'ditindaklanjuti' }).check();
  await item.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
  await expect(item.getByTestId('review-note-saved')).toHaveText('✓ Tindak lanjut Persentase Penduduk Miskin (2022) disimpan — status: ditindaklanjuti.');
  await expect(item).toHaveAttribute('data-status', 'ditindaklanjuti');
  await expect(panel.getByTestId('review-notes-counts')).toHaveText('1 terbuka · 1 ditindaklanjuti');
  // One undo step, named.
  expect((await call<HistoryState>(page, 'history.state')).undoLabel).toBe('review.respond');

  await nav.getByRole('button', { name: 'Target', exact: true }).click();
  await expect(page.getByTestId('review-count')).toHaveText('1 catatan evaluasi terbuka');
  await expect(markers).toHaveCount(1);
  await expect(page.getByRole('img', { name: `Catatan evaluasi terbuka: ${NOTE_2023}` })).toBeVisible();

  // English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('review-count')).toHaveText('1 open evaluation note');
  await expect(page.getByRole('img', { name: `Open evaluation note: ${NOTE_2023}` })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'review-target-en.png') });
  await nav.getByRole('button', { name: 'Checks', exact: true }).click();
  await expect(panel.getByRole('heading', { name: "Governor's evaluation notes" })).toBeVisible();
  await expect(panel.getByTestId('review-notes-counts')).toHaveText('1 open · 1 followed up');
  await expect(item).toContainText('Poverty rate (P0) · 2022');
  // The follow-up as saved: the response kept, the status marked.
  await expect(item.getByLabel('Response (follow-up)')).toHaveValue('Target 2022 diturunkan bertahap; program BSTD diperluas (DPA 2022).');
  await expect(item.getByRole('radio', { name: 'followed up' })).toBeChecked();
  await expect(panel.getByTestId('review-note').filter({ hasText: NOTE_2023 }).getByRole('radio', { name: 'open' })).toBeChecked();
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'review-pemeriksaan-en.png') });

  // Bandingkan lists the note still open.
  await nav.getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = page.getByTestId('review-compare');
  await expect(compare.getByRole('row').filter({ hasText: NOTE_2023 })).toContainText('open');
  await expect(compare).not.toContainText(NOTE_2022);

  await watch.expectClean();
});
