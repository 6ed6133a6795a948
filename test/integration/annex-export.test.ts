/** The annex (lampiran): exported through the services, read back with exceljs. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { AnnexBytesResult, AnnexExportResult, Signer } from '../../shared/annex.js';
import { ANNEX_SHEETS } from '../../shared/annex.js';
import type { Scenario } from '../../shared/domain.js';
import { COLORS } from '../../electron/annex/sheet-style.js';
import { listing, tempDir } from '../helpers/files.js';
import { DATE, SIGNER, cellDump, demoWithUsulan, findCell, ok, readXlsx } from '../helpers/annex.js';

async function exportDemo(opts: Record<string, unknown> = {}) {
  const demo = await demoWithUsulan();
  const dir = tempDir('rpjmd-annex-');
  const file = path.join(dir, 'lampiran.xlsx');
  const result = await ok<AnnexExportResult>(demo.dispatch('annex.export', { path: file, date: DATE, signer: SIGNER, ...opts }));
  return { ...demo, dir, file, result, book: await readXlsx(file) };
}

/** The row of an indicator (merged name cells read as their master's value) and a year. */
function rowOf(ws: ExcelJS.Worksheet, name: string, year?: number, yearCol = 4): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (found) return;
    if (row.getCell(2).value === name && (year === undefined || row.getCell(yearCol).value === year)) found = r;
  });
  if (!found) throw new Error(`no row for ${name} ${year ?? ''}`);
  return found;
}

describe('annex export', () => {
  it('has the five sheets, written through a temp file beside the target', async () => {
    const { book, result, dir, file, close } = await exportDemo();
    expect(book.worksheets.map((w) => w.name)).toEqual([...ANNEX_SHEETS]);
    expect(result).toMatchObject({ path: file, scenarioName: 'Perubahan 2021', sheets: [...ANNEX_SHEETS], findings: { error: 0 } });
    expect(result.findings.warning).toBeGreaterThan(0);
    expect(listing(dir)).toEqual(['lampiran.xlsx']);
    close();
  });

  it('Lampiran II holds 12.32 as a number in the 2020 realisation cell, with two decimals in an id-ID format', async () => {
    const { book, close } = await exportDemo();
    const ws = book.getWorksheet('Lampiran II')!;
    expect(ws.getCell('E7').value).toBe('Realisasi');
    const r = rowOf(ws, 'Persentase Penduduk Miskin', 2020);
    const cell = ws.getCell(r, 5);
    expect(cell.value).toBe(12.32);
    expect(typeof cell.value).toBe('number');
    expect(cell.numFmt).toBe('[$-421]#,##0.00');
    // Counts have no decimals: 79.270 jiwa.
    const jpm = ws.getCell(rowOf(ws, 'Jumlah Penduduk Miskin', 2020), 5);
    expect([jpm.value, jpm.numFmt]).toEqual([79270, '[$-421]#,##0']);
    // Capaian against the original target 11,70: lower is better, target ÷ realisasi × 100 = 94,97 %, sangat baik.
    expect(ws.getCell(r, 7).value).toBeCloseTo((11.7 / 12.32) * 100, 9);
    expect(ws.getCell(r, 8).value).toBe('Sangat baik');
    expect(String(ws.getCell(r, 12).value)).toMatch(/Target ÷ Realisasi × 100%/);
    // Extreme poverty 2020 has no target: no capaian, shown as –.
    expect(ws.getCell(rowOf(ws, 'Persentase Penduduk Miskin Ekstrem', 2020), 6).value).toBe('–');
    close();
  });

  it('Lampiran I: title rows, two-row merged header, group rows, changed cells highlighted, justification', async () => {
    const { book, close } = await exportDemo();
    const ws = book.getWorksheet('Lampiran I')!;
    expect(ws.getCell('A1').value).toBe('LAMPIRAN I — INDIKATOR MAKRO DAN KEMISKINAN');
    expect(ws.getCell('A2').value).toBe('Rancangan Perubahan RPJMD');
    expect(ws.getCell('A3').value).toBe('Kabupaten Muara Enim, Provinsi Sumatera Selatan — RPJMD 2018–2023');
    expect(ws.getCell('A4').value).toBe('Skenario: Perubahan 2021 (usulan)');
    expect(ws.getCell('A5').value).toBe('Tanggal: 23 Agustus 2021');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    // No | Indikator | Satuan | Kondisi awal span both header rows; each year spans Semula | Menjadi.
    expect(merges).toEqual(expect.arrayContaining(['A7:A8', 'B7:B8', 'C7:C8', 'D7:D8', 'E7:F7', 'Q7:R7', 'S7:S8']));
    expect(['A7', 'B7', 'C7', 'D7', 'E7', 'E8', 'F8', 'Q7', 'S7'].map((a) => ws.getCell(a).value)).toEqual([
      'No', 'Indikator', 'Satuan', 'Kondisi Awal (2017)', 2018, 'Semula', 'Menjadi', 'Kondisi Akhir (2023)', 'Alasan Perubahan',
    ]);
    expect(ws.getCell('A8').isMerged && ws.getCell('A8').master.address).toBe('A7');
    expect(ws.getCell('B7').font?.bold).toBe(true);
    expect(ws.getCell('B7').border?.top?.style).toBe('thin');
    expect([ws.getCell('A9').value, ws.getCell('B9').value]).toEqual(['A', 'Indikator Makro']);

    const r = rowOf(ws, 'Persentase Penduduk Miskin');
    const colOf = (year: number) => 5 + (year - 2018) * 2;
    // 2021: Semula 11,30 → Menjadi 12,60 (changed, filled); 2020 unchanged (no fill).
    expect([ws.getCell(r, colOf(2021)).value, ws.getCell(r, colOf(2021) + 1).value]).toEqual([11.3, 12.6]);
    expect((ws.getCell(r, colOf(2021) + 1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe(COLORS.changed);
    expect((ws.getCell(r, colOf(2020) + 1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
    expect(ws.getCell(r, 4).value).toBe(12.9);
    expect(String(ws.getCell(r, 19).value)).toMatch(/^Dampak pandemi COVID-19/);
    close();
  });

  it('Lampiran I prints landscape on A4, one page wide, header rows repeated, panes frozen, page numbers, signature under the table', async () => {
    const { book, close } = await exportDemo();
    const ws = book.getWorksheet('Lampiran I')!;
    const ps = ws.pageSetup;
    expect([ps.orientation, ps.paperSize, ps.fitToPage, ps.fitToWidth, ps.fitToHeight]).toEqual(['landscape', 9, true, 1, 0]);
    expect(ps.printTitlesRow).toBe('7:8');
    const area = /^A1:S(\d+)$/.exec(String(ps.printArea));
    expect(area).not.toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 8 });
    expect(ws.headerFooter.oddFooter).toMatch(/Halaman &P dari &N/);

    const lastTableRow = rowOf(ws, 'Garis Kemiskinan');
    const place = findCell(ws, (t) => t === 'Muara Enim, 23 Agustus 2021');
    const title = findCell(ws, (t) => t === SIGNER.title);
    const name = findCell(ws, (t) => t === SIGNER.name);
    const nip = findCell(ws, (t) => t === `NIP. ${SIGNER.nip}`);
    for (const hit of [place, title, name, nip]) {
      expect(hit).not.toBeNull();
      expect(hit![0]).toBeGreaterThan(lastTableRow);
      expect(hit![0]).toBeLessThanOrEqual(Number(area![1]));
    }
    expect(place![0] < title![0] && title![0] < name![0] && name![0] < nip![0]).toBe(true);
    expect(ws.getCell(name![0], name![1]).font?.underline).toBe(true);
    for (const sheet of ['Lampiran II', 'Lampiran III', 'Catatan Perubahan', 'Sumber Data']) {
      const s = book.getWorksheet(sheet)!;
      expect([s.pageSetup.orientation, s.pageSetup.fitToWidth, s.pageSetup.fitToHeight]).toEqual(['landscape', 1, 0]);
      expect(s.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    }
    close();
  });

  it('F4 is written as paper size 14 (Folio 8½ × 13 in) on every sheet', async () => {
    const { book, close } = await exportDemo({ paper: 'F4' });
    expect(book.worksheets.map((w) => w.pageSetup.paperSize)).toEqual([14, 14, 14, 14, 14]);
    close();
  });

  it('Lampiran III lists every finding, Catatan Perubahan the change log, Sumber Data every source with ilustrasi marked', async () => {
    const { book, result, dispatch, usulan, close } = await exportDemo();
    const checks = book.getWorksheet('Lampiran III')!;
    const total = result.findings.error + result.findings.warning + result.findings.info;
    expect(String(checks.getCell('A7').value)).toBe(`Temuan saat ekspor: 0 galat, ${result.findings.warning} peringatan, ${result.findings.info} info (semua ditampilkan).`);
    expect(checks.getCell(8 + total, 1).value).toBe(total);
    expect(checks.getCell(9 + total, 1).value).toBeNull();
    expect(findCell(checks, (t) => /dilonggarkan/.test(t))).not.toBeNull();

    const log = book.getWorksheet('Catatan Perubahan')!;
    const entries = await ok<unknown[]>(dispatch('changelog.list', { scenarioId: usulan.id }));
    expect(log.getCell(7 + entries.length, 1).value).toBe(entries.length);
    // Actions in the reader's words, not codes.
    expect(findCell(log, (t) => t === 'Target diubah')).not.toBeNull();
    expect(findCell(log, (t) => /^(target|scenario|justification)\./.test(t))).toBeNull();

    const src = book.getWorksheet('Sumber Data')!;
    let p0 = 0;
    src.eachRow((row, r) => {
      if (row.getCell(2).value === 'Persentase Penduduk Miskin' && row.getCell(4).value === 'Realisasi' && row.getCell(5).value === 2020) p0 = r;
    });
    expect([src.getCell(p0, 6).value, src.getCell(p0, 8).value]).toEqual([12.32, '']);
    expect(String(src.getCell(p0, 7).value)).toMatch(/Rakor TKPK 2021/);
    let illustrative = 0;
    src.eachRow((row) => {
      if (row.getCell(8).value === 'ilustrasi') {
        illustrative++;
        expect(String(row.getCell(7).value)).toMatch(/^Ilustrasi/);
      }
    });
    expect(illustrative).toBeGreaterThan(40);
    close();
  });

  it('is deterministic: two exports of the same workbook give the same cell contents', async () => {
    const { dispatch, file, dir, close } = await exportDemo();
    const second = path.join(dir, 'lagi.xlsx');
    await ok(dispatch('annex.export', { path: second, date: DATE, signer: SIGNER }));
    const bytes = await ok<AnnexBytesResult>(dispatch('annex.exportBytes', { date: DATE, signer: SIGNER }));
    const [a, b, c] = [cellDump(await readXlsx(file)), cellDump(await readXlsx(second)), cellDump(await readXlsx(Buffer.from(bytes.base64, 'base64')))];
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(bytes.fileName).toBe('Lampiran-Perubahan-RPJMD-Kabupaten-Muara-Enim-2018-2023.xlsx');
    close();
  });

  it('English labels with language en; the sheet names stay (so files round-trip)', async () => {
    const { book, close } = await exportDemo({ language: 'en' });
    const ws = book.getWorksheet('Lampiran I')!;
    expect(ws.getCell('A1').value).toBe('ANNEX I — MACRO AND POVERTY INDICATORS');
    expect(['B7', 'E8', 'F8', 'S7'].map((a) => ws.getCell(a).value)).toEqual(['Indicator', 'Original', 'Revised', 'Justification']);
    expect(ws.getCell('A4').value).toBe('Scenario: Perubahan 2021 (proposal)');
    expect(ws.headerFooter.oddFooter).toMatch(/Page &P of &N/);
    close();
  });

  it('refuses while an error-level check fails, naming it, and writes nothing', async () => {
    const { dispatch, ind, close } = await demoWithUsulan();
    const draft = await ok<Scenario>(dispatch('scenario.create', { name: 'Draf tanpa alasan', from: { kind: 'original' } }));
    await ok(dispatch('targets.set', { scenarioId: draft.id, action: 'target.edit', cells: [{ indicatorId: ind('TPT').id, year: 2021, value: 5.5 }] }));
    const dir = tempDir('rpjmd-annex-');
    const r = await dispatch('annex.export', { scenarioId: draft.id, path: path.join(dir, 'x.xlsx'), date: DATE });
    expect(r).toMatchObject({ ok: false, code: 'blocked' });
    expect(!r.ok && r.message).toMatch(/Cannot export the annex: 1 error\(s\).*Open unemployment rate 2021 changed/);
    const bytes = await dispatch('annex.exportBytes', { scenarioId: draft.id });
    expect(bytes).toMatchObject({ ok: false, code: 'blocked' });
    expect(listing(dir)).toEqual([]);
    close();
  });

  it('refuses to overwrite without being asked, a non-.xlsx target, and an export with no usulan', async () => {
    const { dispatch, file, dir, close } = await exportDemo();
    expect(await dispatch('annex.export', { path: file, date: DATE })).toMatchObject({ ok: false, code: 'already_exists' });
    expect(await dispatch('annex.export', { path: file, date: DATE, overwrite: true })).toMatchObject({ ok: true });
    expect(await dispatch('annex.export', { path: path.join(dir, 'x.pdf') })).toMatchObject({ ok: false, code: 'bad_input', field: 'path' });
    expect(await dispatch('annex.export', { path: path.join(dir, 'x.xlsx'), date: '23-08-2021' })).toMatchObject({ ok: false, code: 'bad_input', field: 'date' });
    const list = await ok<Scenario[]>(dispatch('scenario.setStatus', { scenarioId: 1, status: 'draft' }));
    expect(list.every((s) => s.status === 'draft')).toBe(true);
    expect(await dispatch('annex.exportBytes', {})).toMatchObject({ ok: false, code: 'not_found', field: 'scenarioId' });
    close();
  });

  it('remembers the signer outside the workbook and uses it when an export names none', async () => {
    const { dispatch, dataDir, dir, close } = await exportDemo();
    expect(await ok(dispatch('annex.signer.get', {}))).toBeNull();
    const signer: Signer = { name: '  Dra. Siti Aminah ', title: 'Kepala Bappeda', nip: '19751212 200003 2 002', place: 'Muara Enim' };
    expect(await ok(dispatch('annex.signer.set', signer))).toEqual({ name: 'Dra. Siti Aminah', title: 'Kepala Bappeda', nip: '19751212 200003 2 002', place: 'Muara Enim' });
    expect(fs.existsSync(path.join(dataDir, 'annex-signer.json'))).toBe(true);
    const file = path.join(dir, 'ttd.xlsx');
    await ok(dispatch('annex.export', { path: file, date: DATE }));
    const ws = (await readXlsx(file)).getWorksheet('Lampiran I')!;
    expect(findCell(ws, (t) => t === 'Dra. Siti Aminah')).not.toBeNull();
    expect(findCell(ws, (t) => t === 'NIP. 19751212 200003 2 002')).not.toBeNull();
    close();
  });
});
