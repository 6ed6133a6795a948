/**
 * The evaluation workbook (issue 18 item 3): what the governor's evaluation team fills in for one
 * region of a province folder and sends back. Written from the region's workbook opened
 * READ-ONLY (no lock, no write: the file stays byte-identical). Its layout is a contract the
 * importer reads back (electron/annex/import.ts, layout 'review'; README "Evaluation notes"):
 *
 *   sheet "Evaluasi": a title, then the title block — Provinsi, Kabupaten/Kota, Berkas, Usulan,
 *   Nama Evaluator, Tanggal Evaluasi (label in column A, value in column C) —, then the header
 *   row `Kode | Indikator | Satuan | Tahun | Realisasi | Target Awal | Target Perubahan |
 *   Catatan Evaluasi` and one row per standard indicator × year (the plan's first year to its
 *   horizon): numbers as numbers, empty where the workbook has none. Only Catatan Evaluasi and
 *   the evaluator's name and date are unlocked (the sheet is protected without a password, so
 *   the workbook's numbers are not overtyped by accident).
 *   sheet "Petunjuk": how to fill it in.
 */
import ExcelJS from 'exceljs';
import { reviewYears, REVIEW_WORKBOOK } from '../../shared/review.js';
import { STANDARD_INDICATORS } from '../workbook/standard-indicators.js';
import type { Workbook } from '../workbook/store.js';
import { BORDER_ALL, COLORS, FONT, hfText, mergeRange, numFmt, PAPER_SIZE, put, solid } from './sheet-style.js';

const STANDARD_CODES: ReadonlySet<string> = new Set(STANDARD_INDICATORS.map((i) => i.code));

/** The fill of the cells to fill in (Catatan Evaluasi, the evaluator's name and date): light yellow, readable in grey print. */
const TO_FILL = COLORS.changed;

/** Column widths: Kode, Indikator, Satuan, Tahun, three numbers, the note (wide: it wraps). */
const WIDTHS = [9, 34, 13, 7, 13, 13, 15, 60];
const NOTE_COL = 8;

/** The title block's rows (label in A, value in C), from row 3. */
const BLOCK_TOP = 3;
const BLOCK = ['province', 'region', 'file', 'scenario', 'evaluator', 'date'] as const;
/** The header row: after the block and an empty row. */
export const REVIEW_HEADER_ROW = BLOCK_TOP + BLOCK.length + 1;

/** The cell to fill: unlocked, wrapping, highlighted. One shared style object (exceljs writes an xf per object). */
const FILL_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 9 },
  fill: solid(TO_FILL),
  border: BORDER_ALL,
  alignment: { vertical: 'top', horizontal: 'left', wrapText: true },
  protection: { locked: false },
};
const DATE_STYLE: Partial<ExcelJS.Style> = { ...FILL_STYLE, numFmt: 'dd/mm/yyyy', alignment: { vertical: 'middle', horizontal: 'left' } };

const INSTRUCTIONS: readonly string[] = [
  'Petunjuk pengisian lembar evaluasi',
  '',
  '1. Isi Nama Evaluator dan Tanggal Evaluasi di bagian atas lembar "Evaluasi" (tanggal sebagai tanggal Excel, atau ditulis dd/mm/yyyy).',
  '2. Tulis catatan pada kolom Catatan Evaluasi (berwarna kuning) di baris indikator dan tahun yang dimaksud. Satu sel, satu catatan; baris baru di dalam sel boleh.',
  '3. Baris tanpa catatan diabaikan saat diimpor. Jangan mengubah Kode, Tahun, atau judul kolom: kabupaten/kota memakainya untuk mencocokkan catatan dengan indikatornya.',
  '4. Angka Realisasi, Target Awal dan Target Perubahan diambil dari buku kerja kabupaten/kota (Target Perubahan: skenario usulan). Sel kosong: angka tidak tersedia.',
  '5. Lembar dilindungi tanpa kata sandi agar angka tidak tertimpa; bila perlu, buka perlindungannya lewat Tinjau › Buka Proteksi Lembar.',
  '6. Kirim berkas ini kembali ke kabupaten/kota. Berkas diimpor di aplikasi (Ekspor & Impor › Impor); catatan yang sama tidak tercatat dua kali, dan setiap catatan mendapat tindak lanjut.',
];

export interface ReviewBookInput {
  /** The workbook's file name (shown in the title block). */
  file: string;
  evaluator: string;
  /** YYYY-MM-DD. */
  date: string;
}

/** "Kabupaten Muara Enim" → "kabupaten-muara-enim". */
export function regionSlug(region: string): string {
  return region.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'wilayah';
}

/** Today as YYYY-MM-DD (local calendar day). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Writes the evaluation workbook of an open (read-only) workbook. */
export async function buildReviewWorkbook(wb: Workbook, input: ReviewBookInput): Promise<{ fileName: string; buffer: Buffer; region: string; rows: number }> {
  const plan = wb.plan();
  const [first, last] = reviewYears(plan);
  const usulan = wb.scenarios().find((s) => s.status === 'usulan') ?? null;
  const indicators = wb.indicators().filter((i) => STANDARD_CODES.has(i.code));
  const values = new Map<string, { value: number; provisional: boolean }>();
  for (const v of wb.values(['realisation', 'original_target'])) values.set(`${v.series}:${v.indicatorId}:${v.year}`, { value: v.value, provisional: v.provisional });
  const revised = new Map<string, number>();
  if (usulan) for (const t of wb.reads.targets(usulan.id).targets) revised.set(`${t.indicatorId}:${t.year}`, t.value);

  const book = new ExcelJS.Workbook();
  book.creator = 'RPJMD Workbench';
  book.title = `${REVIEW_WORKBOOK.title} — ${plan.region}`;
  const ws = book.addWorksheet(REVIEW_WORKBOOK.sheet);
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lastCol = WIDTHS.length;

  mergeRange(ws, 1, 1, 1, lastCol);
  put(ws, 1, 1, `${REVIEW_WORKBOOK.title} — ${plan.region} ${plan.firstYear}–${plan.lastYear}`, { bold: true, size: 11 });
  ws.getRow(1).height = 16;

  const L = REVIEW_WORKBOOK.labels;
  const shown: Record<(typeof BLOCK)[number], string> = {
    province: plan.province,
    region: plan.region,
    file: input.file,
    scenario: usulan?.name ?? '–',
    evaluator: input.evaluator,
    date: input.date,
  };
  BLOCK.forEach((key, i) => {
    const r = BLOCK_TOP + i;
    mergeRange(ws, r, 1, r, 2);
    put(ws, r, 1, L[key], { bold: true });
    mergeRange(ws, r, 3, r, 5);
    if (key === 'evaluator' || key === 'date') {
      const cell = ws.getCell(r, 3);
      cell.value = key === 'date' ? excelDate(input.date) : input.evaluator;
      cell.style = key === 'date' ? DATE_STYLE : FILL_STYLE;
    } else {
      put(ws, r, 3, shown[key], {});
    }
  });

  const h = REVIEW_HEADER_ROW;
  REVIEW_WORKBOOK.headers.forEach((t, i) => put(ws, h, i + 1, t, { bold: true, h: 'center', wrap: true, border: true, fill: i + 1 === NOTE_COL ? TO_FILL : COLORS.header }));
  ws.getRow(h).height = 26;

  let row = h + 1;
  for (const ind of indicators) {
    for (let year = first; year <= last; year++) {
      put(ws, row, 1, ind.code, { border: true });
      put(ws, row, 2, ind.nameId, { border: true, wrap: true });
      put(ws, row, 3, ind.unit, { border: true, h: 'center' });
      put(ws, row, 4, year, { border: true, h: 'center', numFmt: '0' });
      const real = values.get(`realisation:${ind.id}:${year}`);
      const orig = values.get(`original_target:${ind.id}:${year}`);
      const rev = revised.get(`${ind.id}:${year}`);
      const num = (col: number, v: { value: number; provisional: boolean } | undefined) =>
        put(ws, row, col, v?.value ?? null, { border: true, h: 'right', ...(v ? { numFmt: numFmt(ind.decimals, 'id', v.provisional) } : {}) });
      num(5, real);
      num(6, orig);
      num(7, rev === undefined ? undefined : { value: rev, provisional: false });
      const note = ws.getCell(row, NOTE_COL);
      note.value = null;
      note.style = FILL_STYLE;
      row++;
    }
  }
  const lastRow = row - 1;

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: h, topLeftCell: `A${h + 1}`, activeCell: `H${h + 1}` }];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_SIZE.A4 as ExcelJS.PaperSize,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
    printArea: `A$1:H$${lastRow}`,
    printTitlesRow: `${h}:${h}`,
  };
  ws.headerFooter = { oddFooter: `&L&9${hfText(`${REVIEW_WORKBOOK.title} — ${plan.region}`)}&R&9Halaman &P` };
  // No password: the protection keeps the workbook's numbers from being overtyped, not a secret.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatCells: true, formatColumns: true, formatRows: true });

  const help = book.addWorksheet(REVIEW_WORKBOOK.instructionsSheet);
  help.getColumn(1).width = 120;
  INSTRUCTIONS.forEach((line, i) => put(help, i + 1, 1, line, { size: 10, wrap: true, bold: i === 0 }));

  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `evaluasi-${regionSlug(plan.region)}-${input.date}.xlsx`, buffer, region: plan.region, rows: lastRow - h };
}

/** A YYYY-MM-DD date as the instant exceljs writes as that day's Excel serial number. */
function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}
