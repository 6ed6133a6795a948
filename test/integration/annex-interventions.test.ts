/**
 * Issue 17, item 4 in the annex: the sheet "Lampiran IV" (Rencana Intervensi) lays out the
 * Intervensi of the exported scenario (services/interventions.ts, the same as interventions.get)
 * — the programmes a row per programme and year, their effect per year under "Perkiraan model",
 * the gap to the reference target and the budget to close it, what the estimate rests on — to
 * the RPKD/RPD horizon, past the RPJMD period the other sheets keep. Exported from the demo
 * (illustrative programmes, the horizon 2026, the Governor's < 10 % in 2024), read back with
 * exceljs and, as a PDF, with pdftotext.
 */
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AnnexBytesResult } from '../../shared/annex.js';
import { ANNEX_SHEETS } from '../../shared/annex.js';
import type { Programme, WorkbookSummary } from '../../shared/domain.js';
import type { InterventionsView } from '../../shared/interventions.js';
import { roundTo } from '../../shared/model/rounding.js';
import { createServices } from '../../electron/services/index.js';
import { COLORS } from '../../electron/annex/sheet-style.js';
import { tempDir } from '../helpers/files.js';
import { DATE, SIGNER, findCell, ok, readXlsx } from '../helpers/annex.js';
import { pageText, pdfPages, poppler } from '../helpers/pdf.js';

/** The demo as a planner first opens it: "Perubahan 2021 (contoh)" (usulan), the illustrative programmes, the horizon 2026. */
async function demo() {
  const services = createServices({ dataDir: tempDir('rpjmd-annex-iv-'), host: 'browser', appVersion: 'test' });
  const summary = await ok<WorkbookSummary>(services.dispatch('workbook.openDemo', {}));
  const scenarioId = summary.scenarios.find((s) => s.status === 'usulan')!.id;
  const view = () => ok<InterventionsView>(services.dispatch('interventions.get', { scenarioId }));
  const programmes = () => ok<Programme[]>(services.dispatch('programmes.list', {}));
  return { ...services, summary, scenarioId, view, programmes };
}

async function sheet(d: Awaited<ReturnType<typeof demo>>, opts: Record<string, unknown> = {}): Promise<ExcelJS.Worksheet> {
  const r = await ok<AnnexBytesResult>(d.dispatch('annex.exportBytes', { date: DATE, signer: SIGNER, ...opts }));
  expect(r.sheets).toEqual([...ANNEX_SHEETS]);
  expect(ANNEX_SHEETS[6]).toBe('Lampiran IV');
  const book = await readXlsx(Buffer.from(r.base64, 'base64'));
  expect(book.worksheets.map((w) => w.name)).toEqual([...ANNEX_SHEETS]);
  return book.getWorksheet('Lampiran IV')!;
}

/** The first cell at or after row `from` whose text is exactly `label`. */
function cellAfter(ws: ExcelJS.Worksheet, from: number, label: string): [number, number] {
  let hit: [number, number] | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (hit || r < from) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (!hit && cell.value === label && (!cell.isMerged || cell.master === cell)) hit = [r, c];
    });
  });
  if (!hit) throw new Error(`no "${label}" after row ${from}`);
  return hit;
}

/** The row at or after `from` whose first cell is `first` (a year written as text). */
function rowFrom(ws: ExcelJS.Worksheet, from: number, first: string): number {
  for (let r = from; r < from + 200; r++) if (ws.getCell(r, 1).value === first) return r;
  throw new Error(`no row ${first} after ${from}`);
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => void (typeof c.value === 'string' && out.push(c.value))));
  return out;
}

const marked = (cell: ExcelJS.Cell) => [cell.font?.italic === true, (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb];

describe('annex sheet Lampiran IV — Rencana Intervensi', () => {
  it('the demo: its programmes a row per year as entered, 2024\'s effect as the service gives it (P0 10,38 %, 3.969 lifted, 0,38 poin persen short of Gubernur Sumsel < 10 %), ilustrasi marked, to the horizon 2026', async () => {
    const d = await demo();
    const view = await d.view();
    const ws = await sheet(d);
    const all = texts(ws);

    // Titles: the heading, and the years it covers reaching past the RPJMD period.
    expect(findCell(ws, (t) => t === 'LAMPIRAN IV — RENCANA INTERVENSI')).not.toBeNull();
    expect(all).toContain('Tahun 2021–2026: program sampai cakrawala RPKD/RPD 2026, melewati periode RPJMD 2018–2023');
    expect(all).toContain('Skenario: Perubahan 2021 (contoh) (usulan)');
    expect(all).toContain('LAMPIRAN IV'); // the Raperda header block

    // A: every programme year as entered.
    const [hr] = cellAfter(ws, 1, 'Klaster');
    const col = (label: string) => cellAfter(ws, hr, label)[1];
    const c = { no: col('No'), name: col('Program'), cluster: col('Klaster'), strategy: col('Strategi (Inpres 4/2022)'), agency: col('Perangkat Daerah'), year: col('Tahun'), households: col('Rumah tangga sasaran'), benefit: col('Manfaat (Rp/RT/bulan)'), accuracy: col('Ketepatan sasaran (%)'), budget: col('Anggaran (Rp)') };
    const [captionB] = cellAfter(ws, hr, 'B  Efek program pada jalur kemiskinan dan selisih terhadap target acuan, per tahun');
    const rows: unknown[][] = [];
    for (let r = hr + 1; r < captionB; r++) {
      const v = (k: keyof typeof c) => ws.getCell(r, c[k]).value;
      if (v('year') === null) continue;
      rows.push([v('name'), v('cluster'), v('strategy'), v('agency'), Number(v('year')), v('households'), v('benefit'), v('accuracy'), v('budget')]);
    }
    const programmes = await d.programmes();
    expect(programmes.length).toBe(4);
    const cluster: Record<string, string> = { bantuan_sosial: 'Bantuan sosial', pemberdayaan: 'Pemberdayaan', usaha_mikro: 'Usaha mikro', layanan_dasar: 'Layanan dasar' };
    const strategy: Record<string, string> = { beban_pengeluaran: 'Pengurangan beban pengeluaran', pendapatan: 'Peningkatan pendapatan', kantong_kemiskinan: 'Penurunan kantong kemiskinan' };
    expect(rows).toEqual(programmes.flatMap((p) => [...p.years].sort((a, b) => a.year - b.year).map((y) => [p.name, cluster[p.cluster], strategy[p.strategy], p.agency, y.year, y.households, y.benefit, y.accuracy, y.budget])));
    expect(rows).toContainEqual(['Perluasan Bantuan Sosial Daerah (contoh)', 'Bantuan sosial', 'Pengurangan beban pengeluaran', 'Dinas Sosial', 2024, 1500, 200000, 80, 3600000000]);
    // Numbers stay numbers, whole rupiah in the Indonesian format; the illustrative programmes in italic on the light fill.
    const first = hr + 1;
    expect(ws.getCell(first, c.no).value).toBe('1');
    expect(ws.getCell(first, c.budget).numFmt).toBe('[$-421]#,##0');
    expect(marked(ws.getCell(first, c.name))).toEqual([true, COLORS.illustrative]);
    expect(marked(ws.getCell(first, c.households))).toEqual([true, COLORS.illustrative]);
    expect(all).toContain('Miring berlatar biru muda = ilustrasi: program contoh dan angka bertanda ilustrasi (bukan data Perangkat Daerah atau BPS), dan perkiraan yang dihitung darinya.');
    expect(all.some((t) => t.startsWith('Manfaat berupa efek pendapatan') && t.includes('Modal Usaha Mikro Keluarga Miskin (contoh)'))).toBe(true);

    // B: per year, the service's numbers as shown (× 100 for rates and the gap, rounded to what the page says).
    const b = (label: string) => cellAfter(ws, captionB, label)[1];
    expect(cellAfter(ws, captionB, 'Perkiraan model (bukan ramalan)')[0]).toBeGreaterThan(captionB);
    const e = { p0Without: b('P0 tanpa program, jalur skenario (%)'), label: b('Acuan'), target: b('P0 (%)'), budget: b('Anggaran program (Rp)'), p0With: b('P0 dengan program (%)'), lifted: b('Penduduk keluar dari kemiskinan (jiwa)'), cost: b('Biaya per orang keluar dari kemiskinan (Rp)'), gapPp: b('poin persen'), gapPeople: b('jiwa'), close: b('Rp'), note: b('Catatan') };
    expect(view.report.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    for (const y of view.report.years) {
      const r = rowFrom(ws, captionB, String(y.year));
      const v = (k: keyof typeof e) => ws.getCell(r, e[k]).value;
      expect([v('p0Without'), v('p0With'), v('lifted'), v('budget')], String(y.year)).toEqual([roundTo(y.p0Without! * 100, 2), roundTo(y.p0With! * 100, 2), y.peopleLifted, y.budget]);
      if (y.costPerPersonLifted !== null) expect(v('cost')).toBe(roundTo(y.costPerPersonLifted, 0));
      else expect(v('cost')).toBe('–');
    }
    const y2024 = view.report.years.find((y) => y.year === 2024)!;
    const r2024 = rowFrom(ws, captionB, '2024');
    const v = (k: keyof typeof e) => ws.getCell(r2024, e[k]).value;
    expect([v('label'), v('target'), v('p0With'), v('lifted'), v('gapPp'), v('gapPeople'), v('close')]).toEqual([
      'Gubernur Sumsel', 10, roundTo(y2024.p0With! * 100, 2), y2024.peopleLifted, roundTo(y2024.gapPp! * 100, 2), y2024.gapPeople, roundTo(y2024.budgetToClose!, 0),
    ]);
    expect([v('p0With'), v('lifted'), v('gapPp'), v('gapPeople')]).toEqual([10.38, 3969, 0.38, 2465]);
    expect(y2024.closableByScaling).toBe(true);
    expect(v('note') ?? '').toBe('');
    expect(ws.getCell(r2024, e.p0With).numFmt).toBe('[$-421]#,##0.00');
    expect(marked(ws.getCell(r2024, e.p0With))).toEqual([true, COLORS.illustrative]);
    // The path without the programmes and the target are the scenario's and the reference's, never marked.
    expect(ws.getCell(r2024, e.p0Without).font?.italic).toBeUndefined();
    // A year without a target: no gap, a dash.
    expect(ws.getCell(rowFrom(ws, captionB, '2025'), e.gapPp).value).toBe('–');

    // C: the poverty line per year and its basis, the household size, σ, the target, with sources.
    const [captionC] = cellAfter(ws, captionB, 'C  Dasar perhitungan: garis kemiskinan, rumah tangga miskin, sebaran konsumsi, target acuan');
    const [gkRow, gkCol] = cellAfter(ws, captionC, 'Garis kemiskinan (Rp/kapita/bulan)');
    const rowText = (r: number) => {
      const out: unknown[] = [];
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => void ((!cell.isMerged || cell.master === cell) && out.push(cell.value)));
      return out;
    };
    expect(gkCol).toBe(1);
    expect(rowText(gkRow).slice(0, 4)).toEqual(['Garis kemiskinan (Rp/kapita/bulan)', '2021–2023', 472000, 'dibawa dari 2024']);
    expect(String(rowText(gkRow)[4])).toMatch(/^Ilustrasi: angka contoh/);
    expect(rowText(gkRow + 1)).toEqual(['2024', 472000, 'realisasi']);
    expect(rowText(gkRow + 2)).toEqual(['2025–2026', 472000, 'dibawa dari 2024']);
    const [hRow] = cellAfter(ws, captionC, 'Rata-rata anggota rumah tangga miskin (orang)');
    expect(rowText(hRow).slice(0, 4)).toEqual(['Rata-rata anggota rumah tangga miskin (orang)', '–', 4.6, 'parameter buku kerja']);
    expect(String(rowText(hRow)[4])).toMatch(/^Ilustrasi: rata-rata anggota rumah tangga miskin/);
    const [sRow] = cellAfter(ws, captionC, 'σ sebaran konsumsi (lognormal)');
    expect(rowText(sRow)).toEqual(['σ sebaran konsumsi (lognormal)', '2020', roundTo(view.sigma!, 4), 'diestimasi dari P1, tahun dasar', 'Lembar Kelayakan Target, tabel A']);
    const [tRow] = cellAfter(ws, captionC, 'Target acuan P0 kabupaten (%)');
    expect(rowText(tRow).slice(0, 4)).toEqual(['Target acuan P0 kabupaten (%)', '2024', 10, 'Gubernur Sumsel: P0 < 10 %']);

    // The footnote: a model estimate, never a forecast, with the report's assumptions; the info said in one line.
    const footnote = all.find((t) => t.startsWith('Semua angka di bawah "Perkiraan model" adalah perkiraan model, bukan ramalan'));
    expect(footnote).toContain(`(1) ${view.report.assumptions[0]!.id}`);
    expect(footnote).toContain(`(${view.report.assumptions.length}) ${view.report.assumptions.at(-1)!.id}`);
    expect(all).toContain('Yang belum dapat dihitung, peringatan dan catatan:');
    expect(all).toContain('Info — tahun tanpa target acuan P0, jadi selisih tidak dihitung: 2021–2023, 2025–2026; tahun tanpa program, jadi P0 dengan program = P0 tanpa program: 2021.');
    expect(all.some((t) => /NaN|undefined|Infinity|\d\.\d{2}\b/.test(t))).toBe(false);
    d.close();
  });

  it('a gap the same programmes cannot close: the budget "batas bawah" with its warning; a programme without a budget leaves its year\'s budget and cost "– (n)", n naming the located warning', async () => {
    const d = await demo();
    await ok(d.dispatch('references.save', { indicatorCode: 'P0', scope: 'kabupaten', kind: 'level', comparison: 'le', year: 2026, value: 2, label: 'Uji batas', source: 'Uji: target yang tidak terjangkau program yang sama' }));
    await ok(d.dispatch('programmes.save', {
      name: 'Uji tanpa anggaran', cluster: 'pemberdayaan', strategy: 'pendapatan', agency: 'Dinas Sosial', benefitKind: 'income', source: 'Uji',
      years: [{ year: 2025, households: 100, benefit: 100000, accuracy: 50, budget: null, source: 'Uji' }],
    }));
    const view = await d.view();
    const y2026 = view.report.years.find((y) => y.year === 2026)!;
    expect(y2026.closableByScaling).toBe(false);
    const ws = await sheet(d);
    const all = texts(ws);
    const [captionB] = cellAfter(ws, 1, 'B  Efek program pada jalur kemiskinan dan selisih terhadap target acuan, per tahun');
    const b = (label: string) => cellAfter(ws, captionB, label)[1];
    const r2026 = rowFrom(ws, captionB, '2026');
    expect([ws.getCell(r2026, b('Acuan')).value, ws.getCell(r2026, b('P0 (%)')).value]).toEqual(['Uji batas', 2]);
    expect(ws.getCell(r2026, b('Rp')).value).toBe(roundTo(y2026.budgetToClose!, 0));
    expect(ws.getCell(r2026, b('Catatan')).value).toBe('batas bawah');
    expect(all.some((t) => t.startsWith('"batas bawah": program yang sama, walaupun menjangkau seluruh penduduk miskin'))).toBe(true);

    // The problems: warnings first, numbered; the cells they empty name them.
    const lines = all.filter((t) => /^\(\d+\) /.test(t));
    const budgetLine = lines.find((t) => t.includes('Peringatan — Program "Uji tanpa anggaran" 2025: Anggaran program "Uji tanpa anggaran" 2025 belum diisi'))!;
    const beyond = lines.find((t) => t.includes('Peringatan — P0 2026: Selisih 2026'))!;
    expect(budgetLine).toBeDefined();
    expect(beyond).toBeDefined();
    const n = /^\((\d+)\)/.exec(budgetLine)![1];
    const r2025 = rowFrom(ws, captionB, '2025');
    expect(ws.getCell(r2025, b('Anggaran program (Rp)')).value).toBe(`– (${n})`);
    expect(ws.getCell(r2025, b('Biaya per orang keluar dari kemiskinan (Rp)')).value).toBe(`– (${n})`);
    // Every error and warning of the report is listed.
    for (const p of view.report.problems.filter((q) => q.severity !== 'info')) expect(lines.some((t) => t.endsWith(p.message.id)), p.code).toBe(true);
    // The new programme's missing budget reads "belum diketahui" in A.
    expect(all).toContain('belum diketahui');
    d.close();
  });

  it('in English: the sheet name kept, the words in English', async () => {
    const d = await demo();
    const ws = await sheet(d, { language: 'en' });
    const all = texts(ws);
    expect(all).toContain('ANNEX IV — INTERVENTION PLAN');
    expect(all).toContain('Years 2021–2026: programmes to the RPKD/RPD horizon 2026, past the RPJMD period 2018–2023');
    expect(all).toContain('Model estimate (not a forecast)');
    expect(all.some((t) => t.startsWith('Every number under "Model estimate" is a model estimate, not a forecast'))).toBe(true);
    expect(all).toContain('carried from 2024');
    d.close();
  });

  it.skipIf(!poppler)('the PDF: Lampiran IV a section of its own after Kelayakan Target, the title with its years, the numbers in id-ID form', { timeout: 120_000 }, async () => {
    const d = await demo();
    const r = await ok<AnnexBytesResult>(d.dispatch('annex.exportBytes', { format: 'pdf', date: DATE, signer: SIGNER }));
    const file = path.join(tempDir('rpjmd-annex-iv-pdf-'), 'lampiran.pdf');
    fs.writeFileSync(file, Buffer.from(r.base64, 'base64'));
    const { pages } = pdfPages(file);
    const all = Array.from({ length: pages }, (_, i) => pageText(file, i + 1));
    const start = all.findIndex((t) => t.includes('LAMPIRAN IV — RENCANA INTERVENSI'));
    expect(start).toBeGreaterThan(all.findIndex((t) => t.includes('KELAYAKAN TARGET')));
    const text = all.slice(start).join('\n');
    expect(all[start]).toMatch(/Lampiran IV — Rancangan Perubahan RPJMD Kabupaten Muara Enim\s+Halaman 1 dari \d/);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Tahun 2021–2026: program sampai cakrawala RPKD/RPD 2026, melewati periode RPJMD 2018–2023');
    for (const t of ['Perluasan Bantuan Sosial Daerah (contoh)', '3.600.000.000', '10,38', '3.969', '0,38', '2.465', 'Gubernur Sumsel', 'dibawa dari 2024', '0,3498', 'bukan ramalan']) expect(flat).toContain(t);
    expect(text).not.toMatch(/NaN|undefined|\b\d+\.\d{2}\b/);
    d.close();
  });
});
