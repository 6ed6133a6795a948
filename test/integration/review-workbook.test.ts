/**
 * Issue 18 item 3: the evaluation workbook for one region of a province folder — its layout (a
 * contract the importer reads back), the workbook's numbers in it, the column to fill — written
 * from the region's workbook opened read-only (the folder's files byte-identical afterwards), by
 * province.reviewBytes and by `npm run cli -- province --region NAME --review-out FILE.xlsx`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/result.js';
import { REVIEW_HEADER_ROW } from '../../electron/annex/review-workbook.js';
import { reviewWorkbookBytes } from '../../electron/services/reviews.js';
import { createDemoProvince } from '../../electron/workbook/province-demo.js';
import { listing, sha256, tempDir } from '../helpers/files.js';
import { readXlsx } from '../helpers/annex.js';

const cliEntry = path.resolve('dist/node/cli.mjs');
const MUARA_ENIM = 'kabupaten-muara-enim.rpjmd';

function snapshot(dir: string): Map<string, string> {
  return new Map(listing(dir).map((f) => [f, sha256(path.join(dir, f))]));
}

/** The row of an indicator and year in the Evaluasi sheet: [Kode, Indikator, Satuan, Tahun, Realisasi, Target Awal, Target Perubahan, Catatan]. */
function rowOf(ws: ExcelJS.Worksheet, code: string, year: number): ExcelJS.Row {
  for (let r = REVIEW_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(1).value === code && row.getCell(4).value === year) return row;
  }
  throw new Error(`no row ${code} ${year}`);
}

describe('the evaluation workbook of Muara Enim in the demo province', () => {
  const dir = path.join(tempDir('rpjmd-review-'), 'sumsel');
  let before: Map<string, string>;

  beforeAll(async () => {
    await createDemoProvince(dir);
    before = snapshot(dir);
  }, 120_000);

  it('has the title block, the header row of the contract and one row per standard indicator × year with the workbook’s numbers', async () => {
    const made = await reviewWorkbookBytes({ folder: dir, file: MUARA_ENIM, evaluator: 'Tim Evaluasi Provinsi', date: '2021-09-01' });
    expect(made.fileName).toBe('evaluasi-kabupaten-muara-enim-2021-09-01.xlsx');
    expect(made.region).toBe('Kabupaten Muara Enim');
    // 13 standard indicators × the years 2018–2026 (the plan's target years and the RPKD/RPD horizon).
    expect(made.rows).toBe(13 * 9);

    const book = await readXlsx(Buffer.from(made.base64, 'base64'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Evaluasi', 'Petunjuk']);
    const ws = book.getWorksheet('Evaluasi')!;
    const label = (text: string) => {
      for (let r = 1; r < REVIEW_HEADER_ROW; r++) if (ws.getCell(r, 1).value === text) return ws.getCell(r, 3);
      throw new Error(`no label ${text}`);
    };
    expect(label('Provinsi').value).toBe('Sumatera Selatan');
    expect(label('Kabupaten/Kota').value).toBe('Kabupaten Muara Enim');
    expect(label('Berkas').value).toBe(MUARA_ENIM);
    expect(label('Usulan').value).toBe('Perubahan 2021 (contoh)');
    expect(label('Nama Evaluator').value).toBe('Tim Evaluasi Provinsi');
    // An Excel date (a number formatted as a date), not text.
    expect(label('Tanggal Evaluasi').value).toEqual(new Date(Date.UTC(2021, 8, 1)));
    expect(label('Tanggal Evaluasi').numFmt).toBe('dd/mm/yyyy');

    const header = ws.getRow(REVIEW_HEADER_ROW);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => header.getCell(c).value)).toEqual([
      'Kode', 'Indikator', 'Satuan', 'Tahun', 'Realisasi', 'Target Awal', 'Target Perubahan', 'Catatan Evaluasi',
    ]);
    expect(ws.rowCount).toBe(REVIEW_HEADER_ROW + 117);

    // P0 2022: realisation 11,12 % (BPS), original target 10,9, the usulan's revised target 11,8 (resources/demo).
    const p0 = rowOf(ws, 'P0', 2022);
    expect([2, 3, 5, 6, 7].map((c) => p0.getCell(c).value)).toEqual(['Persentase Penduduk Miskin', '%', 11.12, 10.9, 11.8]);
    expect(p0.getCell(5).numFmt).toBe('[$-421]#,##0.00');
    // 2026: only the usulan reaches the horizon (9,88 %); no realisation, no original target: empty cells.
    const p0h = rowOf(ws, 'P0', 2026);
    expect([5, 6, 7].map((c) => p0h.getCell(c).value)).toEqual([null, null, 9.88]);
    // A count is a whole number with thousands grouped: 79.270 people in 2020.
    const jpm = rowOf(ws, 'JPM', 2020);
    expect(jpm.getCell(5).value).toBe(79_270);
    expect(jpm.getCell(5).numFmt).toBe('[$-421]#,##0');
    // The rows in the workbook's indicator order, each indicator's years in order.
    const codes: string[] = [];
    for (let r = REVIEW_HEADER_ROW + 1; r <= ws.rowCount; r++) {
      const code = String(ws.getCell(r, 1).value);
      if (codes[codes.length - 1] !== code) codes.push(code);
    }
    expect(codes).toEqual(['PE', 'PDRBK', 'TPT', 'IPM', 'GINI', 'POP', 'P0', 'JPM', 'P0E', 'JPME', 'P1', 'P2', 'GK']);

    // The column to fill: unlocked, wrapping, highlighted; the numbers locked under a protection without password.
    const note = p0.getCell(8);
    expect(note.protection).toMatchObject({ locked: false });
    expect(note.alignment?.wrapText).toBe(true);
    expect((note.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFE699');
    expect(p0.getCell(7).protection?.locked).not.toBe(false);
    expect(label('Nama Evaluator').protection).toMatchObject({ locked: false });
    expect(ws.getColumn(8).width).toBeGreaterThanOrEqual(50);
    expect((ws as unknown as { sheetProtection: { sheet: boolean; hashValue?: string } }).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as unknown as { sheetProtection: { hashValue?: string } }).sheetProtection.hashValue).toBeUndefined();

    // Printed like the annex: landscape, fit to the page width, the header row on every page.
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${REVIEW_HEADER_ROW}:${REVIEW_HEADER_ROW}` });
    expect(String(book.getWorksheet('Petunjuk')!.getCell(3, 1).value)).toMatch(/Nama Evaluator dan Tanggal Evaluasi/);

    // The folder was read, never written.
    expect(snapshot(dir)).toEqual(before);
  });

  it('resolves the file inside the folder only, naming what it refuses', async () => {
    const refused = async (file: string) => reviewWorkbookBytes({ folder: dir, file, evaluator: '' }).then(() => null, (e: unknown) => e as AppError);
    for (const file of ['../sumsel/kabupaten-muara-enim.rpjmd', '..', 'sub/x.rpjmd', 'a\\b.rpjmd', path.join(dir, MUARA_ENIM)]) {
      const err = await refused(file);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'bad_input', field: 'file' });
    }
    const missing = await refused('kabupaten-atlantis.rpjmd');
    expect(missing).toMatchObject({ code: 'not_found', field: 'file' });
    expect(missing!.message).toMatch(/kabupaten-atlantis\.rpjmd is not a workbook of .*sumsel \(its workbooks: kabupaten-banyuasin\.rpjmd, /);
    expect(snapshot(dir)).toEqual(before);
  });

  it('cli: --region NAME --review-out FILE writes it (the region by name, any case, without "Kabupaten"); unknown → exit 2 listing the regions', () => {
    const outDir = tempDir('rpjmd-review-out-');
    const file = path.join(outDir, 'evaluasi.xlsx');
    const run = (args: string[]) => spawnSync(process.execPath, [cliEntry, 'province', '--folder', dir, ...args], { encoding: 'utf8', timeout: 120_000 });
    const r = run(['--region', 'muara enim', '--review-out', file, '--evaluator', 'Tim Evaluasi Provinsi', '--date', '2021-09-01']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/evaluation workbook of Kabupaten Muara Enim \(117 indicator × year rows/);
    expect(fs.existsSync(file)).toBe(true);
    // The source workbooks are byte-identical, with nothing left beside them (no lock, no journal).
    expect(snapshot(dir)).toEqual(before);

    // Refused over an existing file without --force; by file name and "Kota …" too.
    const again = run(['--region', 'Kabupaten Muara Enim', '--review-out', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists; give --force/);
    expect(run(['--region', 'kota-palembang.rpjmd', '--review-out', path.join(outDir, 'plg.xlsx')]).status).toBe(0);
    expect(run(['--region', 'KOTA PALEMBANG', '--review-out', path.join(outDir, 'plg.xlsx'), '--force']).status).toBe(0);

    const unknown = run(['--region', 'Atlantis', '--review-out', path.join(outDir, 'x.xlsx')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/No workbook in .* is of the region "Atlantis"; its regions: Kabupaten Banyuasin \(kabupaten-banyuasin\.rpjmd\), .*Kota Prabumulih \(kota-prabumulih\.rpjmd\)/);
    expect(fs.existsSync(path.join(outDir, 'x.xlsx'))).toBe(false);
    expect(run(['--region', 'Muara Enim', '--review-out', path.join(outDir, 'y.xlsx'), '--date', '2021-02-30']).status).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  }, 120_000);

  it('cli: the region imports the filled evaluation workbook back (cli import), and again without a duplicate', async () => {
    const outDir = tempDir('rpjmd-review-back-');
    const evaluation = path.join(outDir, 'evaluasi.xlsx');
    const made = spawnSync(process.execPath, [cliEntry, 'province', '--folder', dir, '--region', 'Muara Enim', '--review-out', evaluation, '--evaluator', 'Tim Evaluasi Provinsi', '--date', '2021-09-01'], { encoding: 'utf8', timeout: 120_000 });
    expect(made.status).toBe(0);
    // The evaluator types a note in P0 2022's Catatan Evaluasi cell, as Excel saves it.
    const book = await readXlsx(evaluation);
    const ws = book.getWorksheet('Evaluasi')!;
    rowOf(ws, 'P0', 2022).getCell(8).value = 'Target 2022 terlalu longgar dibanding target provinsi.';
    await book.xlsx.writeFile(evaluation);

    // The region's own copy (the folder's file stays the province's).
    const regency = path.join(outDir, MUARA_ENIM);
    fs.copyFileSync(path.join(dir, MUARA_ENIM), regency);
    const importIt = () => spawnSync(process.execPath, [cliEntry, 'import', '--workbook', regency, '--from', evaluation], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, RPJMD_WORKBENCH_HOME: tempDir() } });
    const first = importIt();
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/layout: review/);
    expect(first.stdout).toMatch(/evaluation of Kabupaten Muara Enim by Tim Evaluasi Provinsi, 2021-09-01/);
    expect(first.stdout).toMatch(/\+ new +Evaluasi!H\d+ P0 2022: Target 2022 terlalu longgar/);
    expect(first.stdout).toMatch(/Written: 1 evaluation note\(s\) \(1 new, 0 changed\) as one undo step/);
    const second = importIt();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/= kept +Evaluasi!H\d+ P0 2022/);
    expect(second.stdout).toMatch(/\n0 changes\./);
    expect(snapshot(dir)).toEqual(before);
  }, 120_000);
});
