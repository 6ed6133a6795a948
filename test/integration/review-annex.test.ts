/**
 * Issue 18 item 4 in the annex: the demo workbook with evaluation notes imported through the one
 * write path (editors/reviews.ts) and one answered, exported through the services as the
 * reviewer gets it — the xlsx read back with exceljs shows each note on "Tindak Lanjut Hasil
 * Evaluasi" with its response, status and the change made (hand-computed from the target the
 * evaluator saw and the demo usulan's: P0 2021 12,20, 2022 11,80), in Indonesian and English;
 * the PDF (poppler's pdftotext) carries the sheet's title and a note. And the round trip of the
 * issue's "done when": the evaluation workbook written for Muara Enim from the demo province, a
 * note typed into its Catatan Evaluasi cell, imported into that workbook — the next annex shows it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ANNEX_SHEETS, type AnnexBytesResult, type ImportApplyResult, type ImportPreview } from '../../shared/annex.js';
import type { ReviewWorkbookResult } from '../../shared/review.js';
import { createServices } from '../../electron/services/index.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { createDemoProvince } from '../../electron/workbook/province-demo.js';
import { importReviewNotes, respondToNote, type ReviewNoteInput } from '../../electron/workbook/editors/reviews.js';
import { DATE, SIGNER, ok, readXlsx } from '../helpers/annex.js';
import { tempDir } from '../helpers/files.js';
import { pageText, pdfPages, poppler } from '../helpers/pdf.js';

const ACTOR = { user: 'perencana', person: { name: 'Rina Perencana', nip: '19800101 200501 2 001', title: 'Analis' } };
const SHEET = 'Tindak Lanjut Hasil Evaluasi';

/** The demo (its usulan "Perubahan 2021 (contoh)": P0 12,20 / 11,80 / 11,40 for 2021–2023) with three notes, the first answered. */
async function withNotes() {
  const dir = tempDir('rpjmd-review-annex-');
  const file = path.join(dir, 'muara-enim.rpjmd');
  const wb = await createDemoWorkbook(file);
  const id = (code: string) => wb.indicatorIndex().byCode.get(code)!.id;
  const base = { evaluator: 'Tim Evaluasi Provinsi', reviewDate: '2021-09-14', scenarioName: 'Perubahan 2021 (contoh)', sourceFile: 'evaluasi-muara-enim.xlsx' };
  const notes: ReviewNoteInput[] = [
    { ...base, indicatorId: id('P0'), year: 2021, seenTarget: 12.6, note: 'P0 2021 dilonggarkan terlalu jauh; mohon ditinjau.' },
    { ...base, indicatorId: id('P0'), year: 2022, seenTarget: 11.8, note: 'Selaraskan dengan target provinsi.' },
    { ...base, indicatorId: id('JPM'), year: null, seenTarget: null, note: 'Jumlah penduduk miskin: sebutkan sumber proyeksi penduduk.' },
  ];
  const imported = importReviewNotes(wb, ACTOR, notes, 'evaluasi-muara-enim.xlsx');
  expect(imported.added).toBe(3);
  const first = imported.notes.find((n) => n.year === 2021)!;
  respondToNote(wb, ACTOR, first.id, 'Target 2021 diturunkan ke 12,20 %.', 'ditindaklanjuti');
  wb.close();
  const services = createServices({ dataDir: tempDir('rpjmd-review-annex-home-'), host: 'browser', appVersion: 'test' });
  await ok(services.dispatch('workbook.open', { path: file }));
  return { services, dir };
}

/** Every row of the sheet from the table's header row down, as the cells' text. */
function table(ws: ExcelJS.Worksheet, header: string): string[][] {
  let top = 0;
  ws.eachRow((row, r) => {
    if (!top && row.getCell(1).value === header) top = r;
  });
  expect(top, `the header "${header}"`).toBeGreaterThan(0);
  const out: string[][] = [];
  for (let r = top; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!/^\d+$|^No$/.test(String(row.getCell(1).value ?? ''))) break;
    out.push(Array.from({ length: 8 }, (_, c) => String(row.getCell(c + 1).value ?? '')));
  }
  return out;
}

describe('annex sheet Tindak Lanjut Hasil Evaluasi with notes', () => {
  it('xlsx: each note with its response, status and the change made, in Indonesian and English', async () => {
    const { services } = await withNotes();
    const r = await ok<AnnexBytesResult>(services.dispatch('annex.exportBytes', { date: DATE, signer: SIGNER }));
    expect(r.sheets).toEqual([...ANNEX_SHEETS]);
    const book = await readXlsx(Buffer.from(r.base64, 'base64'));
    expect(book.worksheets.map((w) => w.name).at(-1)).toBe(SHEET);
    const ws = book.getWorksheet(SHEET)!;
    expect(table(ws, 'No')).toEqual([
      ['No', 'Indikator', 'Tahun', 'Catatan Evaluasi', 'Evaluator, Tanggal', 'Tanggapan (Tindak Lanjut)', 'Status', 'Perubahan yang Dilakukan'],
      ['1', 'Persentase Penduduk Miskin', '2021', 'P0 2021 dilonggarkan terlalu jauh; mohon ditinjau.', 'Tim Evaluasi Provinsi, 14 September 2021', 'Target 2021 diturunkan ke 12,20 %.', 'ditindaklanjuti', '12,60 → 12,20'],
      ['2', 'Persentase Penduduk Miskin', '2022', 'Selaraskan dengan target provinsi.', 'Tim Evaluasi Provinsi, 14 September 2021', '–', 'belum', 'tidak berubah'],
      ['3', 'Jumlah Penduduk Miskin', 'semua tahun', 'Jumlah penduduk miskin: sebutkan sumber proyeksi penduduk.', 'Tim Evaluasi Provinsi, 14 September 2021', '–', 'belum', '–'],
    ]);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts).toContain('TINDAK LANJUT HASIL EVALUASI');
    expect(texts).toContain('3 catatan evaluasi: 1 ditindaklanjuti, 2 belum.');
    // A table with one header: repeated on every printed page.
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);

    const en = await ok<AnnexBytesResult>(services.dispatch('annex.exportBytes', { date: DATE, signer: SIGNER, language: 'en' }));
    const wsEn = (await readXlsx(Buffer.from(en.base64, 'base64'))).getWorksheet(SHEET)!;
    const rows = table(wsEn, 'No');
    expect(rows[0]).toEqual(['No', 'Indicator', 'Year', 'Evaluation note', 'Evaluator, date', 'Response (follow-up)', 'Status', 'Change made']);
    expect(rows.slice(1).map((x) => [x[2], x[6], x[7]])).toEqual([
      ['2021', 'followed up', '12,60 → 12,20'],
      ['2022', 'open', 'unchanged'],
      ['all years', 'open', '–'],
    ]);
  }, 60_000);

  it.skipIf(!poppler)('PDF: the sheet\'s title and the note on its own section, the last', async () => {
    const { services, dir } = await withNotes();
    const r = await ok<AnnexBytesResult>(services.dispatch('annex.exportBytes', { format: 'pdf', date: DATE, signer: SIGNER }));
    const pdf = path.join(dir, 'lampiran.pdf');
    fs.writeFileSync(pdf, Buffer.from(r.base64, 'base64'));
    const { pages } = pdfPages(pdf);
    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1).replace(/\s+/g, ' '));
    const start = texts.findIndex((t) => t.includes('TINDAK LANJUT HASIL EVALUASI'));
    expect(start).toBeGreaterThan(0);
    const section = texts.slice(start).join(' ');
    // The note wraps in its column (pdftotext -layout reads row by row): its first line.
    expect(section).toContain('P0 2021 dilonggarkan terlalu jauh; mohon');
    expect(section).toContain('12,60 → 12,20');
    expect(section).toContain('Target 2021 diturunkan ke 12,20 %.');
  }, 120_000);

  it('round trip: the evaluation workbook for Muara Enim, a note typed in, imported — the next annex shows it', async () => {
    const folder = tempDir('rpjmd-review-province-');
    await createDemoProvince(folder);
    const file = fs.readdirSync(folder).find((f) => /muara-enim/i.test(f))!;
    const services = createServices({ dataDir: tempDir('rpjmd-review-rt-home-'), host: 'browser', appVersion: 'test' });
    const out = await ok<ReviewWorkbookResult>(services.dispatch('province.reviewBytes', { folder, file, evaluator: 'Tim Evaluasi Provinsi', date: '2021-09-14' }));

    // Typed into the Catatan Evaluasi cell of P0 2022, as Excel would save it.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Evaluasi')!;
    let target = 0;
    let noteCol = 0;
    ws.eachRow((row, r) => {
      const values = row.values as unknown[];
      if (!noteCol && values.includes('Catatan Evaluasi')) noteCol = values.indexOf('Catatan Evaluasi');
      else if (noteCol && !target && row.getCell(1).value === 'P0' && Number(row.getCell(4).value) === 2022) target = r;
    });
    expect([noteCol, target].every((n) => n > 0)).toBe(true);
    ws.getCell(target, noteCol).value = 'Target 2022 perlu diselaraskan dengan provinsi.';
    const typed = Buffer.from(await book.xlsx.writeBuffer());

    await ok(services.dispatch('workbook.open', { path: path.join(folder, file) }));
    const preview = await ok<ImportPreview>(services.dispatch('import.preview', { source: { name: out.fileName, base64: typed.toString('base64') } }));
    expect(preview.reviews?.new).toBe(1);
    expect((await ok<ImportApplyResult>(services.dispatch('import.apply', { previewId: preview.previewId }))).applied).toBe(1);

    const r = await ok<AnnexBytesResult>(services.dispatch('annex.exportBytes', { date: DATE, signer: SIGNER }));
    const sheet = (await readXlsx(Buffer.from(r.base64, 'base64'))).getWorksheet(SHEET)!;
    // The usulan's P0 2022 is what the evaluator saw: unchanged; open, not answered yet.
    expect(table(sheet, 'No')[1]).toEqual(['1', 'Persentase Penduduk Miskin', '2022', 'Target 2022 perlu diselaraskan dengan provinsi.', 'Tim Evaluasi Provinsi, 14 September 2021', '–', 'belum', 'tidak berubah']);
  }, 120_000);
});
