/**
 * The governor's evaluation round trip (issue 18, items 3–4): the evaluation workbook the province
 * writes for one region, its notes (catatan evaluasi) imported into that region's workbook, and
 * the regency's follow-up (tindak lanjut). Types and the words that are contracts live here; the
 * storage is electron/workbook/editors/reviews.ts, the file electron/annex/review-workbook.ts.
 */

/** A note's follow-up state: not yet answered, or followed up (ditindaklanjuti). */
export const REVIEW_STATUSES = ['belum', 'ditindaklanjuti'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_LIMITS = { note: 2000, response: 2000, evaluator: 120 } as const;

/** One evaluation note as the regency's workbook keeps it. */
export interface ReviewNote {
  id: number;
  indicatorId: number;
  indicatorCode: string;
  /** The year the note is about; null: the indicator as a whole. */
  year: number | null;
  note: string;
  evaluator: string;
  /** The evaluation's date as the evaluation workbook gives it (YYYY-MM-DD). */
  reviewDate: string;
  /** The revised target the evaluator saw in the evaluation workbook (Target Perubahan), if any. */
  seenTarget: number | null;
  /** The usulan the evaluation workbook was written from, by name. */
  scenarioName: string | null;
  /** The evaluation workbook's file name. */
  sourceFile: string;
  /** When it was imported (ISO instant). */
  importedAt: string;
  /** The regency's follow-up (tindak lanjut); empty until answered. */
  response: string;
  status: ReviewStatus;
  respondedAt: string | null;
  respondedBy: string | null;
}

/** What the evaluation workbook export returns (province.reviewBytes). */
export interface ReviewWorkbookResult {
  fileName: string;
  /** The .xlsx, base64. */
  base64: string;
  region: string;
  /** Indicator × year rows written. */
  rows: number;
}

/** The years a note may name: the plan's target years to the RPKD/RPD horizon (firstYear … horizon). */
export function reviewYears(plan: { firstYear: number; lastYear: number; horizonYear?: number | undefined }): [number, number] {
  return [plan.firstYear, Math.max(plan.lastYear, plan.horizonYear ?? plan.lastYear)];
}

/**
 * A note's text as its identity compares it: whitespace runs (line breaks Excel or LibreOffice
 * put in a wrapped cell included) become one space, ends trimmed. Case is kept: an evaluator who
 * corrects a note's wording has written another note.
 */
export function normaliseNoteText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A note's identity: indicator, year (null: the indicator as a whole), whitespace-normalised text. */
export function reviewNoteKey(n: { indicatorId: number; year: number | null; note: string }): string {
  return `${n.indicatorId}|${n.year ?? ''}|${normaliseNoteText(n.note)}`;
}

/**
 * The evaluation workbook's layout, a contract (README "Evaluation notes"): the sheet, the title
 * block's labels (each label's value is the next filled cell to its right on the same row) and
 * the table's header row, in this order. The importer also knows the English words.
 */
export const REVIEW_WORKBOOK = {
  sheet: 'Evaluasi',
  instructionsSheet: 'Petunjuk',
  title: 'LEMBAR EVALUASI RANCANGAN PERUBAHAN RPJMD',
  labels: {
    province: 'Provinsi',
    region: 'Kabupaten/Kota',
    file: 'Berkas',
    scenario: 'Usulan',
    evaluator: 'Nama Evaluator',
    date: 'Tanggal Evaluasi',
  },
  headers: ['Kode', 'Indikator', 'Satuan', 'Tahun', 'Realisasi', 'Target Awal', 'Target Perubahan', 'Catatan Evaluasi'],
  /** What a Tahun cell may say for a note on the indicator as a whole (besides leaving it empty). */
  allYears: ['Semua', 'Semua tahun', 'All', 'All years'],
} as const;

/** The header words the importer accepts for each column and title label (Indonesian first, then English). */
export const REVIEW_WORDS = {
  code: ['Kode', 'Code'],
  indicator: ['Indikator', 'Indicator'],
  unit: ['Satuan', 'Unit'],
  year: ['Tahun', 'Year'],
  realisation: ['Realisasi', 'Realisation', 'Realization'],
  original: ['Target Awal', 'Original Target'],
  revised: ['Target Perubahan', 'Revised Target'],
  note: ['Catatan Evaluasi', 'Evaluation Note', 'Evaluation Notes'],
  province: ['Provinsi', 'Province'],
  region: ['Kabupaten/Kota', 'Kabupaten / Kota', 'Regency/City', 'Region'],
  file: ['Berkas', 'File'],
  scenario: ['Usulan', 'Proposal', 'Scenario'],
  evaluator: ['Nama Evaluator', 'Evaluator', 'Evaluator Name'],
  date: ['Tanggal Evaluasi', 'Evaluation Date', 'Date'],
} as const;
