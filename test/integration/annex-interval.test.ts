/**
 * Issue 16, item 1 in the annex: Lampiran II shows the 95 % interval (realisasi ± 1,96 × galat
 * baku, shared/model/checks.ts confidenceInterval) beside each realisation with a standard error,
 * an empty cell beside one without, a note naming the rule and the SE's source; the importer still
 * reads the Realisasi column beside it (round trip at zero changes, an edited realisation found
 * in column E). The xlsx read back with exceljs, the PDF with poppler.
 */
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AnnexBytesResult, ImportApplyResult, ImportPreview } from '../../shared/annex.js';
import { tempDir } from '../helpers/files.js';
import { DATE, SIGNER, demoWithUsulan, findCell, ok, readXlsx, type Demo } from '../helpers/annex.js';
import { pdfPages, poppler, words } from '../helpers/pdf.js';

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64');

/** Imports standard errors (series se) from a CSV, as `npm run cli -- import --series se` does. */
async function importSe(demo: Demo, csv: string): Promise<void> {
  const p = await ok<ImportPreview>(demo.dispatch('import.preview', { source: { name: 'se.csv', base64: b64(csv) }, target: { series: 'se' } }));
  expect(p.rejected).toEqual([]);
  await ok<ImportApplyResult>(demo.dispatch('import.apply', { previewId: p.previewId }));
}

/**
 * P0 2020 (12,32 %) with SE 0,60; JPM 2020 (79.270 jiwa) with SE 4.000; P0E 2020 (4,44 %) with SE
 * 2,50, whose lower bound 4,44 − 4,90 is cut at 0. P0 2018 and 2019 have none.
 */
const SE_CSV = 'Kode,Indikator,Satuan,2020\nP0,Persentase Penduduk Miskin,%,"0,60"\nJPM,Jumlah Penduduk Miskin,jiwa,4000\nP0E,Persentase Penduduk Miskin Ekstrem,%,"2,50"\n';

async function annexXlsx(demo: Demo, language: 'id' | 'en' = 'id'): Promise<{ buffer: Buffer; book: ExcelJS.Workbook }> {
  const r = await ok<AnnexBytesResult>(demo.dispatch('annex.exportBytes', { date: DATE, signer: SIGNER, language }));
  const buffer = Buffer.from(r.base64, 'base64');
  return { buffer, book: await readXlsx(buffer) };
}

/** The table's first header row (column A says No). */
function headerRow(ws: ExcelJS.Worksheet): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (!found && row.getCell(1).value === 'No') found = r;
  });
  return found;
}

/** The row of an indicator (its name, merged over its rows, read as the master's value) and a year in column D. */
function rowOf(ws: ExcelJS.Worksheet, name: string, year: number): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (!found && row.getCell(2).value === name && String(row.getCell(4).value) === String(year)) found = r;
  });
  if (!found) throw new Error(`no row for ${name} ${year}`);
  return found;
}

describe('Lampiran II: the 95 % interval beside each realisation', () => {
  it('12,32 ± 1,96 × 0,60 = "11,14–13,50"; 79.270 ± 1,96 × 4.000 = "71.430–87.110"; 4,44 ± 4,90 cut at 0 = "0,00–9,34"; empty without an SE; the note names rule and source', async () => {
    const demo = await demoWithUsulan();
    await importSe(demo, SE_CSV);
    const { book } = await annexXlsx(demo);
    const ws = book.getWorksheet('Lampiran II')!;
    const h = headerRow(ws);
    // Realisasi stays in column E; the interval is beside it, in F, and the targets move one right.
    expect([4, 5, 6, 7].map((c) => ws.getCell(h, c).value)).toEqual(['Tahun', 'Realisasi', 'Selang kepercayaan 95 %', 'Target Semula']);
    const p0 = rowOf(ws, 'Persentase Penduduk Miskin', 2020);
    expect(ws.getCell(p0, 5).value).toBe(12.32);
    expect(ws.getCell(p0, 6).value).toBe('11,14–13,50');
    expect(ws.getCell(rowOf(ws, 'Jumlah Penduduk Miskin', 2020), 6).value).toBe('71.430–87.110');
    expect(ws.getCell(rowOf(ws, 'Persentase Penduduk Miskin Ekstrem', 2020), 6).value).toBe('0,00–9,34');
    // No SE for P0 2019: an empty cell, never an invented interval.
    const p0of2019 = rowOf(ws, 'Persentase Penduduk Miskin', 2019);
    expect(ws.getCell(p0of2019, 5).value).toBe(12.41);
    expect(ws.getCell(p0of2019, 6).value).toBeNull();
    // The capaian beside it is where it was, one column on: 11,70 / 12,32 = 94,97 %.
    expect([ws.getCell(p0, 7).value, ws.getCell(p0, 8).value]).toEqual([11.7, 94.97]);
    const note = findCell(ws, (t) => t.startsWith('Selang kepercayaan 95 % = realisasi ± 1,96 × galat baku (SE), sumber: '));
    expect(note).not.toBeNull();
    expect(String(ws.getCell(...note!).value)).toContain('sumber: Impor: se.csv, CSV!D2');
    expect(note![0]).toBeGreaterThan(p0);

    const en = (await annexXlsx(demo, 'en')).book.getWorksheet('Lampiran II')!;
    expect([5, 6].map((c) => en.getCell(headerRow(en), c).value)).toEqual(['Realisation', '95 % confidence interval']);
    expect(en.getCell(rowOf(en, 'Poverty rate (P0)', 2020), 6).value).toBe('11,14–13,50');
    expect(findCell(en, (t) => t.startsWith('95 % confidence interval = realisation ± 1,96 × standard error (SE), source: Impor: se.csv'))).not.toBeNull();
    demo.close();
  });

  it('without any standard error there is no interval column (Target Semula right after Realisasi) and no note', async () => {
    const demo = await demoWithUsulan();
    const ws = (await annexXlsx(demo)).book.getWorksheet('Lampiran II')!;
    expect([5, 6].map((c) => ws.getCell(headerRow(ws), c).value)).toEqual(['Realisasi', 'Target Semula']);
    expect(findCell(ws, (t) => t.includes('Selang kepercayaan'))).toBeNull();
    demo.close();
  });

  it('round trip: the annex with the interval reads back at zero changes; an edited realisation is found in column E, the interval ignored', async () => {
    const demo = await demoWithUsulan();
    await importSe(demo, SE_CSV);
    const { buffer, book } = await annexXlsx(demo);
    const p = await ok<ImportPreview>(demo.dispatch('import.preview', { source: { name: 'lampiran.xlsx', base64: b64(buffer) } }));
    expect(p.layout).toBe('annex');
    expect([p.new.length, p.changed.length, p.rejected.length]).toEqual([0, 0, 0]);
    // Every realisation up to 2020 (the revision date's) was read, as before the interval came.
    const reals = (await demo.values('realisation')).filter((v) => v.year <= 2020);
    expect(p.unchanged).toBeGreaterThanOrEqual(reals.length);

    const ws = book.getWorksheet('Lampiran II')!;
    const r = rowOf(ws, 'Persentase Penduduk Miskin', 2020);
    ws.getCell(r, 5).value = 12.33;
    ws.getCell(r, 6).value = '1,00–2,00'; // a reviewer's edit of the interval changes nothing
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    const pc = await ok<ImportPreview>(demo.dispatch('import.preview', { source: { name: 'lampiran-edit.xlsx', base64: b64(edited) } }));
    expect(pc.changed.map((c) => [c.indicatorCode, c.year, c.series, c.oldValue, c.newValue, `${c.sheet}!${c.column}${c.row}`])).toEqual([
      ['P0', 2020, 'realisation', 12.32, 12.33, `Lampiran II!E${r}`],
    ]);
    expect([pc.new.length, pc.rejected.length]).toEqual([0, 0]);
    demo.close();
  });

  it.skipIf(!poppler)('the PDF prints "11,14–13,50" inside the page, A4 and F4, and the note under the table', { timeout: 120_000 }, async () => {
    const demo = await demoWithUsulan();
    await importSe(demo, SE_CSV);
    const dir = tempDir('rpjmd-annex-interval-');
    for (const paper of ['A4', 'F4'] as const) {
      const r = await ok<AnnexBytesResult>(demo.dispatch('annex.exportBytes', { format: 'pdf', paper, date: DATE, signer: SIGNER }));
      const file = path.join(dir, `lampiran-${paper}.pdf`);
      fs.writeFileSync(file, Buffer.from(r.base64, 'base64'));
      const width = Number(/^([\d.]+) x/.exec(pdfPages(file).size)?.[1]);
      expect(width).toBeGreaterThan(800); // landscape
      const all = words(file);
      const hits = all.filter((w) => w.text === '11,14–13,50');
      // Lampiran II's P0 2020, and Lampiran III's finding that names the interval.
      expect(hits.length).toBeGreaterThanOrEqual(1);
      for (const w of [...hits, ...all.filter((x) => x.text === '71.430–87.110' || x.text === 'kepercayaan')]) {
        expect(w.xMin).toBeGreaterThan(20);
        expect(w.xMax, `${w.text} on page ${w.page}`).toBeLessThan(width - 20);
      }
      expect(all.some((w) => w.text === '71.430–87.110')).toBe(true);
      // No dot decimals in the interval column: "11.14" would be the en-US form.
      expect(all.some((w) => /^\d+\.\d{2}–/.test(w.text))).toBe(false);
      const text = all.map((w) => w.text).join(' ');
      expect(text).toContain('Selang kepercayaan 95 % = realisasi ± 1,96 × galat baku (SE), sumber: Impor: se.csv');
    }
    demo.close();
  });
});
