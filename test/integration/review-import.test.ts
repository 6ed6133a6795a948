/**
 * Issue 18 item 4, the round trip: the evaluation workbook written for Muara Enim, a note typed in
 * its Catatan Evaluasi column (with exceljs, as Excel saves a typed cell; and once more through
 * LibreOffice), imported back into Muara Enim's workbook through the usual preview — recognised by
 * its header, the note on its indicator and year with status belum, no duplicate on a re-import,
 * answered (ditindaklanjuti), undone — and shown on the next annex's Tindak Lanjut Hasil Evaluasi.
 * Refused: another region's evaluation (both names and the cell), an unknown indicator or a year
 * outside the plan (located), a title block without evaluator or date.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnexBytesResult, ImportApplyResult, ImportPreview } from '../../shared/annex.js';
import type { HistoryState } from '../../shared/domain.js';
import type { ReviewNote, ReviewWorkbookResult } from '../../shared/review.js';
import { REVIEW_HEADER_ROW } from '../../electron/annex/review-workbook.js';
import { createServices, type Services } from '../../electron/services/index.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { createIllustrativeWorkbook, PROVINCE_REGIONS } from '../../electron/workbook/province-demo.js';
import { DATE, SIGNER, ok, readXlsx } from '../helpers/annex.js';
import { sha256, tempDir } from '../helpers/files.js';

const MUARA_ENIM = 'kabupaten-muara-enim.rpjmd';
const PALEMBANG = 'kota-palembang.rpjmd';
const NOTE = 'Target 2022 melonggar dari 10,90 % menjadi 11,80 %;\nmohon diselaraskan dengan target provinsi (turun ≥ 1 poin per tahun).';

/** The row of an indicator and year in the Evaluasi sheet. */
function rowOf(ws: ExcelJS.Worksheet, code: string, year: number): number {
  for (let r = REVIEW_HEADER_ROW + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code && ws.getCell(r, 4).value === year) return r;
  throw new Error(`no row ${code} ${year}`);
}

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && fs.existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  return null;
}
const soffice = which('soffice');
if (!soffice) console.warn('review-import: the LibreOffice round trip is SKIPPED — soffice is not installed (apt-get install libreoffice-calc-nogui)');

describe('the evaluation round trip for Muara Enim', () => {
  const folder = tempDir('rpjmd-review-folder-');
  const work = tempDir('rpjmd-review-work-');
  let services: Services;
  const call = <T>(method: string, input: unknown = {}) => ok<T>(services.dispatch(method, input));

  beforeAll(async () => {
    (await createDemoWorkbook(path.join(folder, MUARA_ENIM))).close();
    const palembang = PROVINCE_REGIONS.find((r) => r.name === 'Palembang')!;
    (await createIllustrativeWorkbook(path.join(folder, PALEMBANG), palembang, 7)).close();
    services = createServices({ dataDir: tempDir('rpjmd-review-home-'), host: 'browser', appVersion: 'test' });
  }, 60_000);

  /** The evaluation workbook of `file`, edited as the evaluator would in a spreadsheet, saved as `name` in the work folder. */
  async function evaluation(file: string, name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
    const made = await call<ReviewWorkbookResult>('province.reviewBytes', { folder, file, evaluator: 'Tim Evaluasi Provinsi', date: '2021-09-01' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(made.base64, 'base64') as unknown as ArrayBuffer);
    edit(book.getWorksheet('Evaluasi')!);
    const out = path.join(work, name);
    await book.xlsx.writeFile(out);
    return out;
  }

  const typeNote = (code: string, year: number, text: string) => (ws: ExcelJS.Worksheet) => {
    ws.getCell(rowOf(ws, code, year), 8).value = text;
  };

  it('writes, imports (one undo step), keeps no duplicate on re-import, answers and undoes', async () => {
    const before = sha256(path.join(folder, MUARA_ENIM));
    const file = await evaluation(MUARA_ENIM, 'evaluasi-muara-enim.xlsx', typeNote('P0', 2022, NOTE));
    // Writing it read the regency's workbook only.
    expect(sha256(path.join(folder, MUARA_ENIM))).toBe(before);

    await call('workbook.open', { path: path.join(folder, MUARA_ENIM) });
    // The caller's series does not matter: the header decides, and it is not read as a template.
    const preview = await call<ImportPreview>('import.preview', { source: { path: file }, target: { series: 'realisation' } });
    expect(preview.layout).toBe('review');
    expect([preview.new, preview.changed, preview.unchanged, preview.rejected]).toEqual([[], [], 0, []]);
    expect(preview.reviews).toMatchObject({ region: 'Kabupaten Muara Enim', evaluator: 'Tim Evaluasi Provinsi', reviewDate: '2021-09-01', scenarioName: 'Perubahan 2021 (contoh)', new: 1, present: 0 });
    expect(preview.reviews!.notes).toEqual([
      // P0 2022 sits in row 11 + 6 indicators × 9 years + 4 (2018…2022): row 69, column H.
      { sheet: 'Evaluasi', row: 69, column: 'H', indicatorId: expect.any(Number), indicatorCode: 'P0', year: 2022, note: NOTE, seenTarget: 11.8, status: 'new', noteId: null },
    ]);
    const applied = await call<ImportApplyResult>('import.apply', { previewId: preview.previewId });
    expect(applied).toEqual({ applied: 1, new: 1, changed: 0, undoLabel: 'review.import' });
    expect((await call<HistoryState>('history.state')).undoLabel).toBe('review.import');

    let notes = await call<ReviewNote[]>('reviews.list');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      indicatorCode: 'P0', year: 2022, note: NOTE, evaluator: 'Tim Evaluasi Provinsi', reviewDate: '2021-09-01', seenTarget: 11.8,
      scenarioName: 'Perubahan 2021 (contoh)', sourceFile: 'evaluasi-muara-enim.xlsx', status: 'belum', response: '', respondedAt: null,
    });

    // The same file again: the note is already kept; nothing is written.
    const again = await call<ImportPreview>('import.preview', { source: { path: file } });
    expect(again.reviews).toMatchObject({ new: 0, present: 1 });
    expect(again.reviews!.notes[0]).toMatchObject({ status: 'present', noteId: notes[0]!.id });
    expect(await call<ImportApplyResult>('import.apply', { previewId: again.previewId })).toEqual({ applied: 0, new: 0, changed: 0, undoLabel: null });
    expect(await call<ReviewNote[]>('reviews.list')).toHaveLength(1);

    notes = await call<ReviewNote[]>('reviews.respond', { id: notes[0]!.id, response: 'Target 2022 diturunkan menjadi 11,40 %.', status: 'ditindaklanjuti' });
    expect(notes[0]).toMatchObject({ status: 'ditindaklanjuti', response: 'Target 2022 diturunkan menjadi 11,40 %.' });
    expect(notes[0]!.respondedAt).not.toBeNull();

    // Re-imported after the answer: still one note, the answer kept.
    const third = await call<ImportPreview>('import.preview', { source: { path: file } });
    await call('import.apply', { previewId: third.previewId });
    expect((await call<ReviewNote[]>('reviews.list')).map((n) => [n.status, n.response])).toEqual([['ditindaklanjuti', 'Target 2022 diturunkan menjadi 11,40 %.']]);

    // The next annex carries it on Tindak Lanjut Hasil Evaluasi.
    const annex = await call<AnnexBytesResult>('annex.exportBytes', { date: DATE, signer: SIGNER });
    const sheet = (await readXlsx(Buffer.from(annex.base64, 'base64'))).getWorksheet('Tindak Lanjut Hasil Evaluasi')!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts).toContain(NOTE);
    expect(texts).toContain('Target 2022 diturunkan menjadi 11,40 %.');

    await call('history.undo');
    expect((await call<ReviewNote[]>('reviews.list'))[0]).toMatchObject({ status: 'belum', response: '' });
    await call('history.undo');
    expect(await call<ReviewNote[]>('reviews.list')).toEqual([]);
    await call('workbook.close');
  });

  it('reads a note on the indicator as a whole ("Semua"), a date typed as text, and several notes at once', async () => {
    const file = await evaluation(MUARA_ENIM, 'teks.xlsx', (ws) => {
      const jpm = rowOf(ws, 'JPM', 2018);
      ws.getCell(jpm, 4).value = 'Semua';
      ws.getCell(jpm, 8).value = 'Sebutkan sumber proyeksi penduduk.';
      ws.getCell(rowOf(ws, 'P0E', 2024), 8).value = 'Target ekstrem 0 % pada 2024 (Inpres 4/2022).';
      ws.getCell(8, 3).value = '14/09/2021';
    });
    await call('workbook.open', { path: path.join(folder, MUARA_ENIM) });
    const p = await call<ImportPreview>('import.preview', { source: { path: file } });
    expect(p.rejected).toEqual([]);
    expect(p.reviews!.reviewDate).toBe('2021-09-14');
    // A note on the whole indicator saw no one year's target; P0E 2024 saw the usulan's 0,6 % (resources/demo).
    expect(p.reviews!.notes.map((n) => [n.indicatorCode, n.year, n.seenTarget])).toEqual([['JPM', null, null], ['P0E', 2024, 0.6]]);
    await call('import.apply', { previewId: p.previewId });
    const notes = await call<ReviewNote[]>('reviews.list');
    expect(notes.map((n) => [n.indicatorCode, n.year, n.reviewDate])).toEqual([['JPM', null, '2021-09-14'], ['P0E', 2024, '2021-09-14']]);
    await call('history.undo');
    await call('workbook.close');
  });

  it('refuses another region’s evaluation, naming both regions and the cell; the workbook unchanged', async () => {
    const file = await evaluation(PALEMBANG, 'evaluasi-palembang.xlsx', typeNote('P0', 2022, 'Catatan untuk Palembang.'));
    await call('workbook.open', { path: path.join(folder, MUARA_ENIM) });
    const r = await services.dispatch('import.preview', { source: { path: file } });
    expect(r).toMatchObject({ ok: false, code: 'bad_input', params: { reason: 'review_region_mismatch', region: 'Kota Palembang', expected: 'Kabupaten Muara Enim', cell: 'Evaluasi!C4' } });
    expect((r as { message: string }).message).toBe('evaluasi-palembang.xlsx is the evaluation of Kota Palembang (Evaluasi!C4), not of Kabupaten Muara Enim, the workbook open; import it into Kota Palembang\'s workbook');
    expect(await call<ReviewNote[]>('reviews.list')).toEqual([]);
    await call('workbook.close');
  });

  it('locates an unknown indicator and a year outside the plan, and imports the rest', async () => {
    const file = await evaluation(MUARA_ENIM, 'salah.xlsx', (ws) => {
      const a = rowOf(ws, 'GK', 2020);
      ws.getCell(a, 1).value = 'XYZ';
      ws.getCell(a, 2).value = 'Indikator Karangan';
      ws.getCell(a, 8).value = 'Catatan pada indikator yang tidak ada.';
      const b = rowOf(ws, 'P0', 2026);
      ws.getCell(b, 4).value = 2031;
      ws.getCell(b, 8).value = 'Tahun di luar cakrawala.';
      ws.getCell(rowOf(ws, 'P0', 2023), 8).value = 'Catatan sah.';
    });
    await call('workbook.open', { path: path.join(folder, MUARA_ENIM) });
    const p = await call<ImportPreview>('import.preview', { source: { path: file } });
    const gk = rowOf((await readXlsx(file)).getWorksheet('Evaluasi')!, 'XYZ', 2020);
    expect(p.rejected.map((x) => [x.sheet, x.row, x.column, x.code])).toEqual([
      // P0 2026 (the row became 2031): after 6 indicators × 9 years from row 11, P0's ninth row.
      ['Evaluasi', 73, 'D', 'year_outside_plan'],
      ['Evaluasi', gk, 'A', 'unknown_indicator'],
    ]);
    expect(p.rejected[0]!.message).toBe('Evaluasi!D73: P0 2031 is outside 2018–2026 (the plan\'s target years and its horizon)');
    expect(p.rejected[1]!.message).toBe(`Evaluasi!A${gk}: "XYZ" is no indicator of this workbook (by Kode or Indikator)`);
    expect(p.reviews!.notes.map((n) => [n.indicatorCode, n.year, n.note])).toEqual([['P0', 2023, 'Catatan sah.']]);
    await call('workbook.close');
  });

  it('a title block without the evaluator’s name: located, and nothing written', async () => {
    const file = await evaluation(MUARA_ENIM, 'tanpa-nama.xlsx', (ws) => {
      ws.getCell(7, 3).value = null;
      ws.getCell(rowOf(ws, 'P0', 2021), 8).value = 'Catatan tanpa evaluator.';
    });
    await call('workbook.open', { path: path.join(folder, MUARA_ENIM) });
    const p = await call<ImportPreview>('import.preview', { source: { path: file } });
    expect(p.rejected.map((x) => [x.sheet, x.row, x.column, x.code])).toEqual([['Evaluasi', 7, 'C', 'missing_value']]);
    const r = await services.dispatch('import.apply', { previewId: p.previewId });
    expect(r).toMatchObject({ ok: false, code: 'bad_input', params: { reason: 'review_title_incomplete' } });
    expect(await call<ReviewNote[]>('reviews.list')).toEqual([]);
    await call('workbook.close');
  });

  it.skipIf(!soffice)('through LibreOffice: a note typed, the file saved by soffice as xlsx, imported', async () => {
    const typed = await evaluation(MUARA_ENIM, 'lo-input.xlsx', typeNote('P0', 2022, NOTE));
    const outDir = tempDir('rpjmd-review-lo-');
    const profile = tempDir('rpjmd-lo-profile-');
    const r = spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, typed], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const converted = path.join(outDir, 'lo-input.xlsx');
    expect(fs.existsSync(converted)).toBe(true);
    await call('workbook.open', { path: path.join(folder, MUARA_ENIM) });
    const p = await call<ImportPreview>('import.preview', { source: { path: converted } });
    expect(p.layout).toBe('review');
    expect(p.rejected).toEqual([]);
    // LibreOffice keeps the date a date, the numbers numbers and the line break in the note.
    expect(p.reviews).toMatchObject({ region: 'Kabupaten Muara Enim', evaluator: 'Tim Evaluasi Provinsi', reviewDate: '2021-09-01', new: 1 });
    expect(p.reviews!.notes.map((n) => [n.indicatorCode, n.year, n.note, n.seenTarget])).toEqual([['P0', 2022, NOTE, 11.8]]);
    await call('import.apply', { previewId: p.previewId });
    expect((await call<ReviewNote[]>('reviews.list')).map((n) => [n.indicatorCode, n.year, n.status])).toEqual([['P0', 2022, 'belum']]);
    await call('history.undo');
    await call('workbook.close');
  }, 180_000);
});
