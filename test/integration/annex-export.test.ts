/** The annex (lampiran): exported through the services, read back with exceljs. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { AnnexBytesResult, AnnexExportResult, Signer } from '../../shared/annex.js';
import { ANNEX_SHEETS } from '../../shared/annex.js';
import type { Scenario, WorkbookSummary } from '../../shared/domain.js';
import { COLORS, put } from '../../electron/annex/sheet-style.js';
import { isOurAnnex } from '../../electron/annex/export.js';
import { createServices } from '../../electron/services/index.js';
import { listing, sha256, tempDir } from '../helpers/files.js';
import { DATE, SIGNER, cellDump, demoWithUsulan, findCell, ok, readXlsx, toDraft } from '../helpers/annex.js';

async function exportDemo(opts: Record<string, unknown> = {}) {
  const demo = await demoWithUsulan();
  const dir = tempDir('rpjmd-annex-');
  const file = path.join(dir, 'lampiran.xlsx');
  const result = await ok<AnnexExportResult>(demo.dispatch('annex.export', { path: file, date: DATE, signer: SIGNER, ...opts }));
  return { ...demo, dir, file, result, book: await readXlsx(file) };
}

/** The table's first header row: the row whose column A says No. */
function headerRow(ws: ExcelJS.Worksheet): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (!found && row.getCell(1).value === 'No') found = r;
  });
  if (!found) throw new Error(`no header row in ${ws.name}`);
  return found;
}

/** The column whose header (in the table's first header row) is `text`. */
function colOfHeader(ws: ExcelJS.Worksheet, text: string | RegExp): number {
  const h = headerRow(ws);
  let found = 0;
  ws.getRow(h).eachCell((cell, c) => {
    const v = String(cell.value);
    if (!found && (typeof text === 'string' ? v === text : text.test(v))) found = c;
  });
  if (!found) throw new Error(`no column ${String(text)} in ${ws.name}`);
  return found;
}

/** A part of the xlsx file itself (what exceljs does not read back: quotePrefix, the print area as written). */
async function part(file: string, name: string): Promise<string> {
  return (await JSZip.loadAsync(fs.readFileSync(file))).file(name)!.async('string');
}

/** The row of an indicator (merged name cells read as their master's value) and a year. */
function rowOf(ws: ExcelJS.Worksheet, name: string, year?: number, yearCol = 4): number {
  let found = 0;
  ws.eachRow((row, r) => {
    if (found) return;
    if (row.getCell(2).value === name && (year === undefined || String(row.getCell(yearCol).value) === String(year))) found = r;
  });
  if (!found) throw new Error(`no row for ${name} ${year ?? ''}`);
  return found;
}

describe('annex export', () => {
  it('has the seven sheets, written through a temp file beside the target', async () => {
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
    expect(ws.getCell(headerRow(ws), 5).value).toBe('Realisasi');
    const r = rowOf(ws, 'Persentase Penduduk Miskin', 2020);
    const cell = ws.getCell(r, 5);
    expect(cell.value).toBe(12.32);
    expect(typeof cell.value).toBe('number');
    expect(cell.numFmt).toBe('[$-421]#,##0.00');
    // Counts have no decimals: 79.270 jiwa.
    const jpm = ws.getCell(rowOf(ws, 'Jumlah Penduduk Miskin', 2020), 5);
    expect([jpm.value, jpm.numFmt]).toEqual([79270, '[$-421]#,##0']);
    // Extreme poverty 2020 has no target: no capaian, shown as –.
    expect(ws.getCell(rowOf(ws, 'Persentase Penduduk Miskin Ekstrem', 2020), 6).value).toBe('–');
    close();
  });

  it('Lampiran II: 12,32 against 11,70 is 94,97 % "Sangat tinggi" (Permendagri 86/2017) and says "Tidak tercapai, selisih 0,62 poin persen"', async () => {
    const { book, close } = await exportDemo();
    const ws = book.getWorksheet('Lampiran II')!;
    // Semula: Target | Capaian (%) | Kategori | Ketercapaian; Menjadi: the same four; Rumus; Sumber.
    const h = headerRow(ws);
    expect([...[6, 7, 8, 9, 10, 11, 12, 13].map((c) => ws.getCell(h + 1, c).value), ws.getCell(h, 14).value, ws.getCell(h, 15).value]).toEqual([
      'Target', 'Capaian (%)', 'Kategori', 'Ketercapaian', 'Target', 'Capaian (%)', 'Kategori', 'Ketercapaian', 'Rumus Capaian', 'Sumber (Realisasi)',
    ]);
    const r = rowOf(ws, 'Persentase Penduduk Miskin', 2020);
    // Lower is better, target ÷ realisasi × 100 = 11,70/12,32 × 100 = 94,97 %, against the original and the (unchanged) revised target.
    for (const col of [6, 10]) {
      expect(ws.getCell(r, col).value).toBe(11.7);
      // Stored as shown: 94,97 (not 94,9675…), so what a reviewer copies is what the page says.
      expect(ws.getCell(r, col + 1).value).toBe(94.97);
      expect(ws.getCell(r, col + 2).value).toBe('Sangat tinggi');
      expect(ws.getCell(r, col + 3).value).toBe('Tidak tercapai, selisih 0,62 poin persen');
    }
    expect(String(ws.getCell(r, 14).value)).toMatch(/^Target ÷ Realisasi × 100% \(makin rendah makin baik, praktik SIPD\)$/);
    // A count's gap is in its unit: 79.270 against the original 2020 target (whatever the demo holds).
    const rj = rowOf(ws, 'Jumlah Penduduk Miskin', 2020);
    const target = ws.getCell(rj, 6).value as number;
    expect(ws.getCell(rj, 9).value).toBe(`Tidak tercapai, selisih ${(79270 - target).toLocaleString('id-ID')} jiwa`);
    // A reached target: economic growth 2019, 7,02 against 5,80 (higher is better) = 121,03 %.
    const pe = rowOf(ws, 'Pertumbuhan Ekonomi', 2019);
    expect([ws.getCell(pe, 8).value, ws.getCell(pe, 9).value]).toEqual(['Sangat tinggi', 'Tercapai']);
    // The legend names the scale and what tidak tercapai means.
    expect(findCell(ws, (t) => t.startsWith('Kategori capaian (Permendagri No. 86 Tahun 2017): ≥ 91 sangat tinggi; 76–90 tinggi; 66–75 sedang; 51–65 rendah; ≤ 50 sangat rendah.'))).not.toBeNull();
    expect(findCell(ws, (t) => t.startsWith('Tidak tercapai: realisasi belum mencapai target menurut arah indikator'))).not.toBeNull();
    close();
  });

  it('Lampiran II dated 23 August 2021 shows only the realisations published by then (up to 2020) and names the later years left out', async () => {
    const { book, close } = await exportDemo();
    const ws = book.getWorksheet('Lampiran II')!;
    const partA = findCell(ws, (t) => t.startsWith('Realisasi yang sudah terbit pada tanggal perubahan (23 Agustus 2021): sampai tahun 2020'));
    expect(partA).toEqual([headerRow(ws) + 2, 2]);
    const years: number[] = [];
    ws.eachRow((row, r) => {
      const y = Number(row.getCell(4).value);
      if (/^\d{4}$/.test(String(row.getCell(4).value)) && r > headerRow(ws) + 1) years.push(y);
    });
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((y) => y <= 2020)).toBe(true);
    expect(findCell(ws, (t) => t.startsWith('Realisasi yang terbit sesudah 23 Agustus 2021 (2021, 2022, 2023) tidak dimuat'))).not.toBeNull();
    close();
  });

  it('Lampiran II: IPM 2023 is "Tidak sebanding" across the method break, the break\'s note under the table; IPM 2021 is a number', async () => {
    // Without a revision date every realisation is shown (the demo's, of August 2021, stops at 2020).
    const { book, close } = await demoEdited(['UPDATE plan SET revision_date = NULL']);
    const ws = book.getWorksheet('Lampiran II')!;
    const r = rowOf(ws, 'Indeks Pembangunan Manusia', 2023);
    expect(ws.getCell(r, 7).value).toBe('Tidak sebanding: metode berubah sejak 2023 (lihat catatan di bawah tabel)');
    expect(ws.getCell(r, 9).isMerged && ws.getCell(r, 9).master.address).toBe(ws.getCell(r, 7).address);
    expect(ws.getCell(r, 11).value).toBe('Tidak sebanding: metode berubah sejak 2023 (lihat catatan di bawah tabel)');
    expect(findCell(ws, (t) => /^Tidak sebanding — Indeks Pembangunan Manusia, sejak 2023: BPS merevisi metode IPM/.test(t))).not.toBeNull();
    const r2021 = rowOf(ws, 'Indeks Pembangunan Manusia', 2021);
    // 68,86 / 68,00 × 100 = 101,26 %
    expect(ws.getCell(r2021, 7).value).toBe(101.26);
    close();
  });

  it('Lampiran II marks illustrative targets (and capaian computed from them) in italic on a light fill, with a legend line', async () => {
    const { book, close } = await exportDemo();
    const ws = book.getWorksheet('Lampiran II')!;
    const r = rowOf(ws, 'Persentase Penduduk Miskin', 2020);
    const fill = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    for (const col of [6, 7, 10, 11]) {
      expect([ws.getCell(r, col).font?.italic, fill(ws.getCell(r, col))]).toEqual([true, COLORS.illustrative]);
    }
    // The realisation is BPS's: not marked.
    expect(ws.getCell(r, 5).font?.italic).toBeFalsy();
    expect(findCell(ws, (t) => t.startsWith('Angka bercetak miring berlatar biru muda = ilustrasi (bukan angka Perda/BPS)'))).not.toBeNull();
    close();
  });

  it('Lampiran II (no revision date: every realisation): the raised 2022 target is the planner\'s, not marked; the original 10,90 is', async () => {
    const { book, close } = await demoEdited(['UPDATE plan SET revision_date = NULL']);
    const ws = book.getWorksheet('Lampiran II')!;
    const r22 = rowOf(ws, 'Persentase Penduduk Miskin', 2022);
    expect([ws.getCell(r22, 10).value, ws.getCell(r22, 10).font?.italic]).toEqual([12.1, undefined]);
    expect([ws.getCell(r22, 6).value, ws.getCell(r22, 6).font?.italic]).toEqual([10.9, true]);
    close();
  });

  it('Lampiran I: the Raperda header block, title rows, header rows, group rows, Semula and Menjadi rows per indicator, Perangkat Daerah, justification', async () => {
    const { book, close } = await exportDemo();
    const ws = book.getWorksheet('Lampiran I')!;
    // The header block at the top right: from the region and the settings (the demo: Perda 7/2019 amended; number and year not set yet, so blanks).
    const block = [1, 2, 3, 4, 5].map((r) => ws.getRow(r).values as unknown[]).map((v) => v.find((x) => typeof x === 'string'));
    expect(block.slice(0, 4)).toEqual(['LAMPIRAN I', 'RANCANGAN PERATURAN DAERAH KABUPATEN MUARA ENIM', 'NOMOR …… TAHUN ……', 'TENTANG']);
    expect(String(block[4])).toMatch(/^PERUBAHAN ATAS PERATURAN DAERAH KABUPATEN MUARA ENIM NOMOR 7 TAHUN 2019/);
    const blockCol = findCell(ws, (t) => t === 'LAMPIRAN I')![1];
    expect(blockCol).toBeGreaterThan(5);
    const title = findCell(ws, (t) => t === 'LAMPIRAN I — INDIKATOR MAKRO DAN KEMISKINAN')!;
    expect(title[1]).toBe(1);
    expect([1, 2, 3, 4].map((k) => ws.getCell(title[0] + k, 1).value)).toEqual([
      'Rancangan Perubahan RPJMD', 'Kabupaten Muara Enim, Provinsi Sumatera Selatan — RPJMD 2018–2023', 'Skenario: Perubahan 2021 (usulan)', 'Tanggal: 23 Agustus 2021',
    ]);
    const h = headerRow(ws);
    const head = (c: number) => ws.getCell(h, c).value;
    // No | Indikator | Satuan | Perangkat Daerah | Kondisi Awal | Target | 2018…2023 | Kondisi Akhir | Perubahan; the justification is a row of its own.
    expect([1, 2, 3, 4, 5, 6, 7, 13, 14, 15].map(head)).toEqual([
      'No', 'Indikator', 'Satuan', 'Perangkat Daerah', 'Kondisi Awal (2017)', 'Target', 'Target Tahun', 'Kondisi Akhir (2023)', 'Perubahan (Menjadi − Semula)', null,
    ]);
    expect([7, 8, 9, 10, 11, 12].map((c) => ws.getCell(h + 1, c).value)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023']);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining([`A${h}:A${h + 1}`, `D${h}:D${h + 1}`, `G${h}:L${h}`, `N${h}:N${h + 1}`]));
    expect(ws.getCell(h, 2).font?.bold).toBe(true);
    expect(ws.getCell(h, 2).border?.top?.style).toBe('thin');
    expect([ws.getCell(h + 2, 1).value, ws.getCell(h + 2, 2).value]).toEqual(['A', 'Indikator Makro']);

    const r = rowOf(ws, 'Persentase Penduduk Miskin');
    // Two rows: Semula above Menjadi; indicator, unit, Perangkat Daerah, kondisi awal and change span both. Under
    // them the justification, labelled across No…Target and written across the years (it is prose, not a narrow column).
    expect([ws.getCell(r, 6).value, ws.getCell(r + 1, 6).value]).toEqual(['Semula', 'Menjadi']);
    expect(merges).toEqual(expect.arrayContaining([`B${r}:B${r + 1}`, `D${r}:D${r + 1}`, `E${r}:E${r + 1}`, `N${r}:N${r + 1}`, `A${r + 2}:F${r + 2}`, `G${r + 2}:N${r + 2}`]));
    expect(ws.getCell(r + 2, 1).value).toBe('Alasan Perubahan');
    const colOf = (year: number) => 7 + (year - 2018);
    // 2021: Semula 11,30 → Menjadi 12,60 (changed, filled); 2020 unchanged (no fill).
    expect([ws.getCell(r, colOf(2021)).value, ws.getCell(r + 1, colOf(2021)).value]).toEqual([11.3, 12.6]);
    expect((ws.getCell(r + 1, colOf(2021)).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe(COLORS.changed);
    expect((ws.getCell(r + 1, colOf(2020)).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe(COLORS.changed);
    // Kondisi akhir repeats 2023.
    expect([ws.getCell(r, 13).value, ws.getCell(r + 1, 13).value]).toEqual([ws.getCell(r, colOf(2023)).value, ws.getCell(r + 1, colOf(2023)).value]);
    expect(ws.getCell(r, 5).value).toBe(12.9);
    expect(String(ws.getCell(r + 2, 7).value)).toMatch(/^Dampak pandemi COVID-19/);
    expect(ws.getCell(r, 4).value).toBe('Dinas Sosial');
    close();
  });

  it('Lampiran I: the Perangkat Daerah column says "–" where none is set; the header block shows the number and year once set', async () => {
    const { book, close } = await demoEdited([
      "UPDATE indicator SET responsible_unit = NULL WHERE code = 'TPT'",
      "UPDATE plan SET annex_document_number = '12', annex_document_year = 2021",
    ]);
    const ws = book.getWorksheet('Lampiran I')!;
    expect(ws.getCell(rowOf(ws, 'Tingkat Pengangguran Terbuka'), 4).value).toBe('–');
    expect(findCell(ws, (t) => t === 'NOMOR 12 TAHUN 2021')).not.toBeNull();
    expect(findCell(ws, (t) => t.includes('……') && t.startsWith('NOMOR'))).toBeNull();
    await close();
  });

  it('Lampiran I: the loosening of P0 reads "+1,30 poin persen"; a count\'s change is in jiwa', async () => {
    const { book, close } = await exportDemo();
    const ws = book.getWorksheet('Lampiran I')!;
    const r = rowOf(ws, 'Persentase Penduduk Miskin');
    const delta = colOfHeader(ws, 'Perubahan (Menjadi − Semula)');
    // 12,60 − 11,30 = +1,30 (2021); 12,10 − 10,90 = +1,20 (2022): raised poverty targets, loosened.
    expect(ws.getCell(r, delta).value).toBe('2021: +1,30 poin persen (dilonggarkan)\n2022: +1,20 poin persen (dilonggarkan)');
    expect(String(ws.getCell(rowOf(ws, 'Jumlah Penduduk Miskin'), delta).value)).toMatch(/^2021: \+\d{1,3}(\.\d{3})* jiwa \(dilonggarkan\)/);
    // Unchanged indicators have no change to state.
    expect(ws.getCell(rowOf(ws, 'Indeks Pembangunan Manusia'), delta).value).toBe('');
    close();
  });

  it('Lampiran I marks its illustrative numbers as ilustrasi: italic on a light fill, with a legend line', async () => {
    const { book, close } = await exportDemo();
    const ws = book.getWorksheet('Lampiran I')!;
    const r = rowOf(ws, 'Persentase Penduduk Miskin');
    const colOf = (year: number) => 7 + (year - 2018);
    const mark = (c: ExcelJS.Cell) => [c.font?.italic ?? false, (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb];
    // Kondisi awal 12,90 and every Semula are illustrative stand-ins (Perda 7/2019 not found).
    expect(mark(ws.getCell(r, 5))).toEqual([true, COLORS.illustrative]);
    for (const y of [2018, 2019, 2020, 2021, 2022, 2023]) expect(mark(ws.getCell(r, colOf(y)))).toEqual([true, COLORS.illustrative]);
    // Menjadi 2020 is the illustrative 11,70 carried over unchanged: marked too; 2021's 12,60 is the planner's.
    expect(mark(ws.getCell(r + 1, colOf(2020)))).toEqual([true, COLORS.illustrative]);
    expect(mark(ws.getCell(r + 1, colOf(2021)))).toEqual([false, COLORS.changed]);
    const legend = findCell(ws, (t) => t.startsWith('Angka bercetak miring berlatar biru muda = ilustrasi (bukan angka Perda/BPS)'));
    expect(legend).not.toBeNull();
    expect(legend![0]).toBeGreaterThan(rowOf(ws, 'Garis Kemiskinan'));
    expect(mark(ws.getCell(legend![0], 1))).toEqual([true, COLORS.illustrative]);
    expect(findCell(ws, (t) => t === 'Tanggal perubahan: 23 Agustus 2021. Realisasi yang sudah terbit pada tanggal itu: sampai tahun 2020 (Lampiran II).')).not.toBeNull();
    close();
  });

  it('prints landscape at 90 % (9-point type prints at 8,1 pt), header rows repeated, print areas anchored, pages numbered per sheet, signature under the table', async () => {
    const { book, file, close } = await exportDemo();
    const ws = book.getWorksheet('Lampiran I')!;
    const ps = ws.pageSetup;
    expect([ps.orientation, ps.paperSize, ps.fitToPage, ps.scale, ps.firstPageNumber]).toEqual(['landscape', 9, false, 90, 1]);
    const h = headerRow(ws);
    expect(ps.printTitlesRow).toBe(`${h}:${h + 1}`);
    const area = /^A1:N(\d+)$/.exec(String(ps.printArea));
    expect(area).not.toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 4, ySplit: h + 1 });
    // Anchored as written in the file: $A$1:$N$n.
    expect(await part(file, 'xl/workbook.xml')).toContain(`&apos;Lampiran I&apos;!$A$1:$N$${area![1]}</definedName>`);
    // The page count is the sheet's own (LibreOffice's &N would count the whole workbook's pages), as many as its page breaks make.
    for (const [i, sheet] of book.worksheets.entries()) {
      const footer = String(sheet.headerFooter.oddFooter);
      const pages = Number(/Halaman &P dari (\d+)$/.exec(footer)?.[1]);
      const breaks = (await part(file, `xl/worksheets/sheet${i + 1}.xml`)).match(/<brk /g)?.length ?? 0;
      expect(pages, sheet.name).toBe(breaks + 1);
      expect([sheet.pageSetup.orientation, sheet.pageSetup.scale, sheet.pageSetup.firstPageNumber]).toEqual(['landscape', 90, 1]);
      // Kelayakan Target and Lampiran IV are several small tables, and Tindak Lanjut Hasil Evaluasi
      // of a workbook without evaluation notes (this one) is one line: no one header to repeat.
      if (sheet.name === 'Kelayakan Target' || sheet.name === 'Lampiran IV' || sheet.name === 'Tindak Lanjut Hasil Evaluasi') expect(sheet.pageSetup.printTitlesRow).toBeUndefined();
      else expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    }

    const lastTableRow = rowOf(ws, 'Garis Kemiskinan') + 1;
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
    // Every row holds its wrapped text: at least a line of 9-point type per line the text takes.
    const r = rowOf(ws, 'Persentase Penduduk Miskin');
    const lines = String(ws.getCell(r, 14).value).split('\n').length;
    expect((ws.getRow(r).height ?? 0) + (ws.getRow(r + 1).height ?? 0)).toBeGreaterThanOrEqual(lines * 11.7);
    close();
  });

  it('text that Excel would read as a formula (=, +, -, @) carries the quote prefix', async () => {
    const demo = await demoWithUsulan();
    await toDraft(demo);
    await ok(demo.dispatch('justification.set', { scenarioId: demo.usulan.id, indicatorId: demo.ind('P0').id, text: '=HYPERLINK("x") dan - turun' }));
    await ok(demo.dispatch('justification.set', { scenarioId: demo.usulan.id, indicatorId: demo.ind('JPM').id, text: '-1.200 jiwa karena pandemi' }));
    const file = path.join(tempDir('rpjmd-annex-'), 'lampiran.xlsx');
    await ok(demo.dispatch('annex.export', { path: file, date: DATE, signer: SIGNER, scenarioId: demo.usulan.id }));
    const book = await readXlsx(file);
    const ws = book.getWorksheet('Lampiran I')!;
    const r = rowOf(ws, 'Persentase Penduduk Miskin');
    expect(ws.getCell(r + 2, 7).value).toBe('=HYPERLINK("x") dan - turun');
    // exceljs does not read quotePrefix back: the cell's style (xf) in the file says it.
    const xfs = [...(await part(file, 'xl/styles.xml')).split('<cellXfs')[1]!.split('</cellXfs>')[0]!.matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    const sheetXml = await part(file, 'xl/worksheets/sheet1.xml');
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheetXml)?.[1]);
    const quoted = (ref: string) => xfs[styleOf(ref)]!.includes('quotePrefix="1"');
    expect(quoted(`G${r + 2}`)).toBe(true);
    expect(quoted(`G${rowOf(ws, 'Jumlah Penduduk Miskin') + 2}`)).toBe(true);
    expect(quoted(`B${r}`)).toBe(false);
    // Only those: no other cell's style carries it.
    expect(xfs.filter((x) => x.includes('quotePrefix')).length).toBeGreaterThan(0);
    demo.close();
  });

  it('F4 is written as paper size 14 (Folio 8½ × 13 in) on every sheet', async () => {
    const { book, close } = await exportDemo({ paper: 'F4' });
    expect(book.worksheets.map((w) => w.pageSetup.paperSize)).toEqual(ANNEX_SHEETS.map(() => 14));
    close();
  });

  it('Lampiran III lists every finding, Catatan Perubahan the change log, Sumber Data every source with ilustrasi marked', async () => {
    const { book, result, close } = await exportDemo();
    const checks = book.getWorksheet('Lampiran III')!;
    const total = result.findings.error + result.findings.warning + result.findings.info;
    const hc = headerRow(checks);
    expect(String(checks.getCell(hc - 1, 1).value)).toBe(`Temuan saat ekspor: 0 galat, ${result.findings.warning} peringatan, ${result.findings.info} info (semua ditampilkan).`);
    expect(checks.getCell(hc + total, 1).value).toBe(String(total));
    expect(checks.getCell(hc + 1 + total, 1).value).toBeNull();
    expect(findCell(checks, (t) => /dilonggarkan/.test(t))).not.toBeNull();

    // Catatan Perubahan (change-log-section.ts): the net change per cell by default — P0 and JPM, 2021 and 2022.
    const log = book.getWorksheet('Catatan Perubahan')!;
    expect(findCell(log, (t) => t.startsWith('Perubahan bersih per sel'))).not.toBeNull();
    const numbered: string[] = [];
    log.eachRow((row, r) => {
      if (r > headerRow(log) && /^\d+$/.test(String(row.getCell(1).value))) numbered.push(String(row.getCell(1).value));
    });
    expect(numbered.length).toBeGreaterThanOrEqual(4);
    expect(findCell(log, (t) => /^(target|scenario|justification|undo:)/.test(t))).toBeNull();

    const src = book.getWorksheet('Sumber Data')!;
    let p0 = 0;
    src.eachRow((row, r) => {
      if (row.getCell(2).value === 'Persentase Penduduk Miskin' && row.getCell(4).value === 'Realisasi' && row.getCell(5).value === '2020') p0 = r;
    });
    expect([src.getCell(p0, 6).value, src.getCell(p0, 8).value]).toEqual([12.32, '']);
    expect(String(src.getCell(p0, 7).value)).toMatch(/Rakor TKPK 2021/);
    let illustrative = 0;
    let carried = 0;
    src.eachRow((row) => {
      if (row.getCell(8).value !== 'ilustrasi') return;
      expect(row.getCell(6).font?.italic).toBe(true);
      if (row.getCell(4).value === 'Target perubahan') {
        // A revised target carried over unchanged from an illustrative original is still that stand-in.
        carried++;
        expect(String(row.getCell(7).value)).toMatch(/^Skenario "Perubahan 2021" \(diisi perencana; sama dengan target awal ilustrasi\)$/);
      } else {
        illustrative++;
        expect(String(row.getCell(7).value)).toMatch(/^Ilustrasi/);
      }
    });
    expect(illustrative).toBeGreaterThan(40);
    expect(carried).toBeGreaterThan(20);
    let p0rev2021 = 0;
    src.eachRow((row, r) => {
      if (row.getCell(2).value === 'Persentase Penduduk Miskin' && row.getCell(4).value === 'Target perubahan' && row.getCell(5).value === '2021') p0rev2021 = r;
    });
    expect([src.getCell(p0rev2021, 6).value, src.getCell(p0rev2021, 8).value]).toEqual([12.6, '']);
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
    expect(findCell(ws, (t) => t === 'ANNEX I — MACRO AND POVERTY INDICATORS')).not.toBeNull();
    expect(findCell(ws, (t) => t === 'DRAFT REGIONAL REGULATION (RAPERDA) OF KABUPATEN MUARA ENIM')).not.toBeNull();
    const h = headerRow(ws);
    expect([2, 4, 6, 14].map((c) => ws.getCell(h, c).value)).toEqual(['Indicator', 'Responsible Agency', 'Target', 'Change (Revised − Original)']);
    const r = rowOf(ws, 'Poverty rate (P0)');
    expect(ws.getCell(r + 2, 1).value).toBe('Justification');
    expect([ws.getCell(r, 6).value, ws.getCell(r + 1, 6).value]).toEqual(['Original', 'Revised']);
    expect(findCell(ws, (t) => t === 'Scenario: Perubahan 2021 (proposal)')).not.toBeNull();
    expect(ws.headerFooter.oddFooter).toMatch(/Page &P of \d+$/);
    expect(String(ws.getCell(r, 14).value)).toMatch(/^2021: \+1,30 percentage points \(loosened\)/);
    const l2 = book.getWorksheet('Lampiran II')!;
    const r2 = rowOf(l2, 'Poverty rate (P0)', 2020);
    expect([l2.getCell(r2, 8).value, l2.getCell(r2, 9).value]).toEqual(['Very high', 'Not achieved, gap 0,62 percentage points']);
    expect(findCell(l2, (t) => t.startsWith('Realisations published after 23 August 2021 (2021, 2022, 2023) are left out'))).not.toBeNull();
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
    expect(await dispatch('annex.export', { path: path.join(dir, 'x.docx') })).toMatchObject({ ok: false, code: 'bad_input', field: 'path' });
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

/**
 * The demo with its file changed the way any SQLite tool could (the workbook is the user's
 * document), then reopened through the services: settings that have no editor in this test.
 */
async function demoEdited(statements: string[]) {
  const demo = await demoWithUsulan();
  const file = demo.summary.path;
  await demo.close();
  const db = new Database(file);
  try {
    for (const sql of statements) db.prepare(sql).run();
  } finally {
    db.close();
  }
  const services = createServices({ dataDir: demo.dataDir, host: 'browser', appVersion: 'test' });
  await ok<WorkbookSummary>(services.dispatch('workbook.open', { path: file }));
  const out = path.join(tempDir('rpjmd-annex-'), 'lampiran.xlsx');
  await ok<AnnexExportResult>(services.dispatch('annex.export', { path: out, date: DATE, signer: SIGNER }));
  return { ...services, book: await readXlsx(out) };
}

describe('annex export follows the workbook\'s capaian settings', () => {
  it('the formula chosen for P0 ((2 − realisasi ÷ target), lower_b) is used and named', async () => {
    const { book, close } = await demoEdited(["INSERT INTO capaian_setting (indicator_id, formula) SELECT id, 'lower_b' FROM indicator WHERE code = 'P0'"]);
    const ws = book.getWorksheet('Lampiran II')!;
    const r = rowOf(ws, 'Persentase Penduduk Miskin', 2020);
    // (2 − 12,32/11,70) × 100 = 94,70 %: still sangat tinggi, still not achieved
    expect(ws.getCell(r, 7).value).toBe(94.7);
    expect([ws.getCell(r, 8).value, ws.getCell(r, 9).value]).toEqual(['Sangat tinggi', 'Tidak tercapai, selisih 0,62 poin persen']);
    expect(ws.getCell(r, 14).value).toBe('(2 − Realisasi ÷ Target) × 100% (makin rendah makin baik, PermenPANRB)');
    // Other lower-is-better indicators keep the default.
    expect(String(ws.getCell(rowOf(ws, 'Jumlah Penduduk Miskin', 2020), 14).value)).toMatch(/^Target ÷ Realisasi/);
    await close();
  });

  it('the LAKIP scale when the workbook chooses it', async () => {
    const { book, close } = await demoEdited(["UPDATE plan SET capaian_bands = 'lakip'"]);
    const ws = book.getWorksheet('Lampiran II')!;
    const r = rowOf(ws, 'Persentase Penduduk Miskin', 2020);
    expect([ws.getCell(r, 8).value, ws.getCell(r, 9).value]).toEqual(['Sangat baik', 'Tidak tercapai, selisih 0,62 poin persen']);
    expect(findCell(ws, (t) => t.startsWith('Kategori capaian (skala LAKIP daerah): ≥ 91 sangat baik; 81–90 baik; 71–80 cukup; ≤ 70 kurang.'))).not.toBeNull();
    await close();
  });

  it('without a revision date: every realisation in one part, as before', async () => {
    const { book, close } = await demoEdited(['UPDATE plan SET revision_date = NULL']);
    const ws = book.getWorksheet('Lampiran II')!;
    expect(findCell(ws, (t) => t.includes('tidak dimuat'))).toBeNull();
    expect(findCell(ws, (t) => t.startsWith('Realisasi yang sudah terbit'))).toBeNull();
    expect(ws.getCell(headerRow(ws) + 2, 2).value).toBe('Pertumbuhan Ekonomi');
    const p0 = rowOf(ws, 'Persentase Penduduk Miskin', 2018);
    expect([2018, 2019, 2020, 2022, 2023].map((_, i) => Number(ws.getCell(p0 + i, 4).value))).toEqual([2018, 2019, 2020, 2022, 2023]);
    expect(findCell(book.getWorksheet('Lampiran I')!, (t) => t.startsWith('Tanggal perubahan'))).toBeNull();
    await close();
  });

  it('a provisional figure (angka sementara) shows as 12,32* and is explained', async () => {
    const { book, close } = await demoEdited([
      "UPDATE value SET provisional = 1 WHERE series = 'realisation' AND year = 2020 AND indicator_id = (SELECT id FROM indicator WHERE code = 'P0')",
    ]);
    const ws = book.getWorksheet('Lampiran II')!;
    const cell = ws.getCell(rowOf(ws, 'Persentase Penduduk Miskin', 2020), 5);
    expect([cell.value, cell.numFmt]).toEqual([12.32, '[$-421]#,##0.00"*"']);
    expect(findCell(ws, (t) => t === 'Tanda * di belakang angka = angka sementara (BPS).')).not.toBeNull();
    const src = book.getWorksheet('Sumber Data')!;
    let note: unknown = null;
    src.eachRow((row) => {
      if (row.getCell(2).value === 'Persentase Penduduk Miskin' && row.getCell(4).value === 'Realisasi' && row.getCell(5).value === '2020') note = row.getCell(8).value;
    });
    expect(note).toBe('sementara');
    await close();
  });
});

describe('annex export: paths with bounds', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function xlsxBy(creator: string): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    book.creator = creator;
    book.addWorksheet('Anggaran').getCell(1, 1).value = 'Belanja 2021';
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('replaces only an annex this app wrote; any other file at that name is refused untouched, in the same words', async () => {
    const { dispatch, file, dir, summary, close } = await exportDemo();
    expect(isOurAnnex(file)).toBe(true);
    const others: [string, Buffer | string][] = [
      ['catatan.xlsx', 'Bukan lampiran, hanya catatan rapat.\n'],
      ['anggaran.xlsx', await xlsxBy('Microsoft Excel')],
      ['tanpa-pembuat.xlsx', await xlsxBy('')],
      ['kosong.xlsx', ''],
    ];
    for (const [name, bytes] of others) fs.writeFileSync(path.join(dir, name), bytes);
    fs.mkdirSync(path.join(dir, 'map.xlsx'));
    const names = listing(dir);
    for (const name of [...others.map(([n]) => n), 'map.xlsx']) {
      const target = path.join(dir, name);
      const before = fs.statSync(target).isFile() ? sha256(target) : null;
      expect(isOurAnnex(target), name).toBe(false);
      expect(await dispatch('annex.export', { path: target, date: DATE })).toMatchObject({ ok: false, code: 'already_exists', message: `${name} already exists` });
      expect(await dispatch('annex.export', { path: target, date: DATE, overwrite: true })).toEqual({
        ok: false,
        code: 'already_exists',
        message: `${name} cannot be replaced: it is not an annex made by this app`,
        field: 'path',
        params: { file: name, reason: 'not_an_annex' },
      });
      if (before !== null) expect(sha256(target)).toBe(before);
    }
    expect(listing(dir)).toEqual(names);
    // Our own annex is replaced when asked.
    expect(await dispatch('annex.export', { path: file, date: DATE, overwrite: true })).toMatchObject({ ok: true });
    // The open workbook under an .xlsx name (a hard link) is the open workbook.
    const link = path.join(dir, 'buku-kerja.xlsx');
    fs.linkSync(summary.path, link);
    expect(await dispatch('annex.export', { path: link, date: DATE, overwrite: true })).toMatchObject({ ok: false, code: 'bad_input', field: 'path' });
    close();
  });

  it('a read-only folder is an io_error in words with a reason to translate, and nothing is written', async () => {
    const { dispatch, close } = await demoWithUsulan();
    const locked = tempDir('rpjmd-annex-');
    const real = fs.openSync as (...args: unknown[]) => number;
    vi.spyOn(fs, 'openSync').mockImplementation(((...args: unknown[]) => {
      const [p, flags] = args;
      if (typeof p === 'string' && p.startsWith(locked + path.sep) && typeof flags === 'string' && /[wa+]/.test(flags)) {
        throw Object.assign(new Error(`EROFS: read-only file system, open '${p}'`), { code: 'EROFS' });
      }
      return real.apply(fs, args);
    }) as never);
    const r = await dispatch('annex.export', { path: path.join(locked, 'lampiran.xlsx'), date: DATE, signer: SIGNER });
    expect(r).toMatchObject({
      ok: false,
      code: 'io_error',
      message: `Could not write the annex lampiran.xlsx: the folder ${locked} is read-only`,
      params: { file: 'lampiran.xlsx', folder: locked, reason: 'read_only_folder' },
    });
    vi.restoreAllMocks();
    expect(listing(locked)).toEqual([]);
    close();
  });
});

describe('annex export: text XML cannot carry', () => {
  it('put writes U+FFFE/U+FFFF and stray controls as U+FFFD, so the sheet stays well-formed XML', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('S');
    put(ws, 1, 1, 'Skenario\uFFFE lama\uFFFF');
    put(ws, 2, 1, 'a\u0000b\ud800c');
    put(ws, 3, 1, 12.32);
    put(ws, 4, 1, 'Baris 1\nBaris 2\tTab 🚀');
    const back = await readXlsx(Buffer.from(await book.xlsx.writeBuffer()));
    const read = back.getWorksheet('S')!;
    expect(read.getCell(1, 1).value).toBe('Skenario\uFFFD lama\uFFFD');
    expect(read.getCell(2, 1).value).toBe('a\uFFFDb\uFFFDc');
    expect(read.getCell(3, 1).value).toBe(12.32);
    expect(read.getCell(4, 1).value).toBe('Baris 1\nBaris 2\tTab 🚀');
  });

  it('an older workbook holding U+FFFE/U+FFFF in a justification, a source and a method-change note exports a readable annex', async () => {
    const { book, close } = await demoEdited([
      "UPDATE justification SET text = 'Dampak pandemi\uFFFF COVID-19\uFFFE'",
      "UPDATE value SET source = 'BPS\uFFFF Muara Enim' WHERE series = 'realisation' AND year = 2020 AND indicator_id = (SELECT id FROM indicator WHERE code = 'P0')",
      "UPDATE method_break SET note = note || '\uFFFE'",
    ]);
    const lampiran = book.getWorksheet('Lampiran I')!;
    expect(findCell(lampiran, (t) => t === 'Dampak pandemi\uFFFD COVID-19\uFFFD')).not.toBeNull();
    expect(findCell(book.getWorksheet('Sumber Data')!, (t) => t === 'BPS\uFFFD Muara Enim')).not.toBeNull();
    for (const ws of book.worksheets) expect(findCell(ws, (t) => /[\uFFFE\uFFFF]/.test(t)), ws.name).toBeNull();
    await close();
  });
});
