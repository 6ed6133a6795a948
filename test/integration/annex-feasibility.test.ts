/**
 * Issue 16, item 2 in the annex: the sheet "Kelayakan Target" lays out the Kelayakan report of the
 * exported scenario (services/feasibility.ts, the same as feasibility.get) — the base year's fit,
 * the region's record and pass-through, the growth each P0 target needs, the people leaving
 * poverty, the economic growth needed, a rating in words — with a located sentence for every
 * number it cannot give, never NaN. Expected numbers computed by hand (Python mpmath, 40 digits)
 * from the issue's case: the demo with P1 2020 = 1,85 and a proposal of P0 12,60 / 12,10 / 11,50.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AnnexBytesResult, ImportApplyResult, ImportPreview } from '../../shared/annex.js';
import { ANNEX_SHEETS } from '../../shared/annex.js';
import type { Scenario, WorkbookSummary } from '../../shared/domain.js';
import type { FeasibilityReport } from '../../shared/model/feasibility.js';
import { createServices } from '../../electron/services/index.js';
import { tempDir } from '../helpers/files.js';
import { DATE, SIGNER, demoWithUsulan, findCell, ok, readXlsx, type Demo } from '../helpers/annex.js';
import { pageText, pdfPages, poppler } from '../helpers/pdf.js';

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64');

async function importCsv(demo: Pick<Demo, 'dispatch'>, csv: string, series: 'realisation' | 'se' = 'realisation'): Promise<void> {
  const p = await ok<ImportPreview>(demo.dispatch('import.preview', { source: { name: 'data.csv', base64: b64(csv) }, target: { series } }));
  expect(p.rejected).toEqual([]);
  await ok<ImportApplyResult>(demo.dispatch('import.apply', { previewId: p.previewId }));
}

/** The P1, P2 and Gini realisations of 2020 removed: the demo's own (if any) never decide what a test sees. */
const WITHOUT_2020_DISPERSION = "DELETE FROM value WHERE series = 'realisation' AND year = 2020 AND indicator_id IN (SELECT id FROM indicator WHERE code IN ('P1', 'P2', 'GINI'))";

type Opened = Pick<Demo, 'dispatch' | 'close' | 'ind'>;

/** The demo with its proposal, `statements` run on the file (closed), then opened again. */
async function demoWith(statements: string[]): Promise<Opened> {
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
  const summary = await ok<WorkbookSummary>(services.dispatch('workbook.open', { path: file }));
  return { dispatch: services.dispatch, close: services.close, ind: (code: string) => summary.indicators.find((i) => i.code === code)! };
}

/**
 * The issue's case: P1 2020 = 1,85 imported (no P2 or Gini of 2020), and a scenario "Uji
 * kelayakan" with P0 12,60 / 12,10 / 11,50 for 2021–2023.
 */
async function issueCase(): Promise<{ demo: Opened; s: Scenario }> {
  const demo = await demoWith([WITHOUT_2020_DISPERSION]);
  await importCsv(demo, 'Kode,Indikator,Satuan,2020\nP1,Indeks Kedalaman Kemiskinan (P1),indeks,"1,85"\n');
  const s = await ok<Scenario>(demo.dispatch('scenario.create', { name: 'Uji kelayakan', from: { kind: 'original' } }));
  const p0 = demo.ind('P0');
  await ok(demo.dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [2021, 2022, 2023].map((year, i) => ({ indicatorId: p0.id, year, value: [12.6, 12.1, 11.5][i] })) }));
  await ok(demo.dispatch('justification.set', { scenarioId: s.id, indicatorId: p0.id, text: 'Uji: target dari issue 16.' }));
  return { demo, s };
}

async function sheet(demo: Pick<Demo, 'dispatch'>, opts: Record<string, unknown> = {}): Promise<ExcelJS.Worksheet> {
  const r = await ok<AnnexBytesResult>(demo.dispatch('annex.exportBytes', { date: DATE, signer: SIGNER, ...opts }));
  expect(r.sheets).toEqual([...ANNEX_SHEETS]);
  const book = await readXlsx(Buffer.from(r.base64, 'base64'));
  expect(book.worksheets.map((w) => w.name)).toEqual([...ANNEX_SHEETS]);
  return book.getWorksheet('Kelayakan Target')!;
}

/** Every cell of a row from column A, merged copies left out (a merged cell reads as its master's value). */
function rowValues(ws: ExcelJS.Worksheet, r: number): unknown[] {
  const out: unknown[] = [];
  ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
    if (cell.isMerged && cell.master !== cell) return;
    out.push(cell.value);
  });
  return out;
}

/** The row under the caption row starting with `caption` whose first cell is `first`. */
function rowAfter(ws: ExcelJS.Worksheet, caption: string, first: unknown): number {
  const at = findCell(ws, (t) => t.startsWith(caption));
  if (!at) throw new Error(`no caption ${caption}`);
  for (let r = at[0] + 1; r < at[0] + 30; r++) if (ws.getCell(r, 1).value === first) return r;
  throw new Error(`no row ${String(first)} under ${caption}`);
}

/** Every text cell of the sheet. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => void (typeof c.value === 'string' && out.push(c.value))));
  return out;
}

describe('annex sheet Kelayakan Target', () => {
  it('the issue\'s case: σ 0,3498 from P1, record 0,26 / 0,15 % (pass-through 0,058), 2021–2023 need −0,48 / 0,38 / 1,45 % (0,19 and 0,48 % a year): realistis, realistis, di luar riwayat daerah', async () => {
    const { demo, s } = await issueCase();
    const ws = await sheet(demo, { scenarioId: s.id });
    expect(ws.getCell(1, 1).value).toBe('KELAYAKAN TARGET');
    expect(findCell(ws, (t) => t === 'Skenario: Uji kelayakan (draf)')).not.toBeNull();

    // A: the fit. a = Φ⁻¹(0,1232) = −1,1591; σ solves P1 = 0,0185: 0,34979; P2 model 0,4419; Gini model 0,1954.
    const fit = rowAfter(ws, 'A  Sebaran konsumsi tahun dasar 2020', '2020');
    expect(rowValues(ws, fit)).toEqual(['2020', 12.32, 1.85, 0.3498, 'P1', '– (1)', 0.195, '– (2)', 0.442, '– (2)']);
    expect(ws.getCell(fit, 4).numFmt).toBe('[$-421]#,##0.0000');
    // The blanks name their problems: (1) no Gini ratio 2020, (2) no P2 2020 to check the fit with.
    expect(findCell(ws, (t) => t.startsWith('(1) Info — GINI 2020, realisasi: '))).not.toBeNull();
    expect(findCell(ws, (t) => t.startsWith('(2) Info — P2 2020, realisasi: '))).not.toBeNull();

    // B: the record. 2019: 12,56 → 12,41 implies exp(σ(Φ⁻¹(0,1256) − Φ⁻¹(0,1241))) − 1 = 0,2554 %, PE 7,02;
    // 2020: 12,41 → 12,32, 0,1542 %, PE 0,03. Mean 0,2048, best 0,2554, pass-through 0,4096 ÷ 7,05 = 0,0581.
    expect(rowValues(ws, rowAfter(ws, 'B  Catatan daerah', '2019'))).toEqual(['2019', 12.56, 12.41, 0.26, 7.02]);
    expect(rowValues(ws, rowAfter(ws, 'B  Catatan daerah', '2020'))).toEqual(['2020', 12.41, 12.32, 0.15, 0.03]);
    expect(rowValues(ws, rowAfter(ws, 'B  Catatan daerah', 'Rata-rata'))).toEqual(['Rata-rata', 0.2, '"realistis" ≤ 0,20 %']);
    expect(rowValues(ws, rowAfter(ws, 'B  Catatan daerah', 'Tahun terbaik'))).toEqual(['Tahun terbaik', 0.26, '"ambisius" ≤ 0,26 %']);
    expect(rowValues(ws, rowAfter(ws, 'B  Catatan daerah', 'Pass-through daerah (Σ pertumbuhan tersirat ÷ Σ pertumbuhan ekonomi)'))[1]).toBe(0.058);

    // C: per target year. 2021 (12,60 %, above the base): −0,4757 %, so the economy may shrink
    // (−0,4757 ÷ 0,0581 = −8,19 %); 2022: 0,3808 % (0,1902 a year, 3,27 % PDRB); 2023: 1,4523 % (0,4818 a year, 8,29 %).
    const people = (await ok<FeasibilityReport>(demo.dispatch('feasibility.get', { scenarioId: s.id }))).years.map((y) => y.peopleOut);
    expect(people.every((n) => Number.isInteger(n))).toBe(true);
    const c = (year: number) => rowValues(ws, rowAfter(ws, 'C  Target P0 skenario', String(year)));
    expect(c(2021)).toEqual(['2021', 12.6, -0.48, -0.48, people[0], -8.19, 'realistis']);
    expect(c(2022)).toEqual(['2022', 12.1, 0.38, 0.19, people[1], 3.27, 'realistis']);
    expect(c(2023)).toEqual(['2023', 11.5, 1.45, 0.48, people[2], 8.29, 'di luar riwayat daerah']);
    // 12,32 % → 12,60 %: poverty allowed to rise, so fewer than none leave it.
    expect(people[0]).toBeLessThan(0);

    const all = texts(ws);
    expect(all.find((t) => t.startsWith('Penilaian: "realistis" bila'))).toContain('≤ rata-rata catatan daerah (paling kecil 0): ≤ 0,20 %; "ambisius" bila ≤ tahun terbaik daerah: ≤ 0,26 %');
    const footnote = all.find((t) => t.startsWith('Perkiraan model (lognormal, pertumbuhan netral-distribusi); bukan proyeksi. Asumsi: (1) pertumbuhan netral-distribusi'));
    expect(footnote).toContain('(3) angka Susenas dipakai sebagai nilai sebenarnya, tanpa galat sampelnya; (4) pertumbuhan ekonomi (PDRB riil) bukan pertumbuhan konsumsi');
    // Nothing illustrative went in: no ilustrasi line.
    expect(all.some((t) => t.startsWith('Miring berlatar biru muda'))).toBe(false);
    expect(all.some((t) => /NaN|undefined|Infinity/.test(t))).toBe(false);
    demo.close();
  });

  it('in English: the same numbers, the ratings in words, the sheet name kept', async () => {
    const { demo, s } = await issueCase();
    const ws = await sheet(demo, { scenarioId: s.id, language: 'en' });
    expect(ws.getCell(1, 1).value).toBe('TARGET FEASIBILITY');
    expect(rowValues(ws, rowAfter(ws, 'C  The scenario\'s P0 targets', '2023')).at(-1)).toBe('beyond the region\'s record');
    expect(rowValues(ws, rowAfter(ws, 'C  The scenario\'s P0 targets', '2022')).at(-1)).toBe('realistic');
    expect(texts(ws).some((t) => t.startsWith('Model estimate (lognormal, distribution-neutral growth); not a projection. Assumptions: (1) distribution-neutral growth'))).toBe(true);
    expect(texts(ws).some((t) => t.startsWith('(1) Info — GINI 2020, realisation: The Gini ratio of 2020 is missing'))).toBe(true);
    demo.close();
  });

  it('without P1 and Gini 2020: no tables, the located request first — "(1) Galat — P1 2020, realisasi: Isi realisasi P1 … atau Rasio Gini 2020"', async () => {
    const demo = await demoWith([WITHOUT_2020_DISPERSION]);
    const ws = await sheet(demo);
    const all = texts(ws);
    expect(findCell(ws, (t) => t.startsWith('A  '))).toBeNull();
    expect(findCell(ws, (t) => t.startsWith('C  '))).toBeNull();
    const noFit = findCell(ws, (t) => t.startsWith('Sebaran konsumsi tahun dasar belum dapat diestimasi'))!;
    const request = findCell(ws, (t) => t.startsWith('(1) Galat — P1 2020, realisasi: Isi realisasi P1 (Indeks Kedalaman Kemiskinan) 2020, atau Rasio Gini 2020'))!;
    const footnote = findCell(ws, (t) => t.startsWith('Perkiraan model (lognormal'))!;
    expect(noFit[0]).toBeLessThan(request[0]);
    expect(request[0]).toBeLessThan(footnote[0]);
    expect(all.some((t) => /NaN|undefined|Infinity/.test(t))).toBe(false);
    // No number pretends: the sheet holds no numeric cell at all.
    let numbers = 0;
    ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'number' && numbers++)));
    expect(numbers).toBe(0);
    demo.close();
  });

  it('a fit from an illustrative P1 marks its numbers ilustrasi (italic on the light fill) and says so', async () => {
    const services = await demoWith([
      WITHOUT_2020_DISPERSION,
      "INSERT INTO value (indicator_id, year, series, value, source, illustrative, provisional) SELECT id, 2020, 'realisation', 1.85, 'contoh issue 16', 1, 0 FROM indicator WHERE code = 'P1'",
    ]);
    const ws = await sheet(services);
    const fit = rowAfter(ws, 'A  Sebaran konsumsi tahun dasar 2020', '2020');
    const sigma = ws.getCell(fit, 4);
    expect(sigma.value).toBe(0.3498);
    expect(sigma.font?.italic).toBe(true);
    expect((sigma.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDDEBF7');
    // The record's implied growth uses that σ: marked too; the record's P0 (not illustrative) is not.
    const y2020 = rowAfter(ws, 'B  Catatan daerah', '2020');
    expect([ws.getCell(y2020, 5).value, ws.getCell(y2020, 5).font?.italic]).toEqual([12.32, undefined]);
    expect([ws.getCell(y2020, 7).value, ws.getCell(y2020, 7).font?.italic]).toEqual([0.15, true]);
    // The line explaining the marks comes first under the tables.
    const line = findCell(ws, (t) => t === 'Miring berlatar biru muda = ilustrasi: angka dari masukan bertanda ilustrasi (bukan angka BPS).')!;
    expect(line[0]).toBeLessThan(findCell(ws, (t) => t.startsWith('Perkiraan model'))![0]);
    services.close();
  });

  it.skipIf(!poppler)('the PDF: a section of its own, numbered within itself, the numbers in id-ID form', { timeout: 120_000 }, async () => {
    const { demo, s } = await issueCase();
    const r = await ok<AnnexBytesResult>(demo.dispatch('annex.exportBytes', { format: 'pdf', scenarioId: s.id, date: DATE, signer: SIGNER }));
    const file = path.join(tempDir('rpjmd-annex-kelayakan-'), 'lampiran.pdf');
    fs.writeFileSync(file, Buffer.from(r.base64, 'base64'));
    const { pages } = pdfPages(file);
    // Its page: the one titled so (Lampiran IV follows it).
    const texts = Array.from({ length: pages }, (_, i) => pageText(file, i + 1));
    const page = texts.find((t) => t.includes('KELAYAKAN TARGET'))!;
    expect(page).toBeDefined();
    expect(page).toMatch(/Kelayakan Target — Rancangan Perubahan RPJMD Kabupaten Muara Enim\s+Halaman 1 dari 1/);
    for (const t of ['0,3498', '0,058', '-0,48', '1,45', '8,29', 'di luar riwayat daerah', 'bukan proyeksi']) expect(page).toContain(t);
    expect(page).not.toMatch(/NaN|undefined/);
    demo.close();
  });
});
