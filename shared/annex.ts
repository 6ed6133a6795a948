/**
 * The annex (lampiran) and spreadsheet import: option and result types shared by the services,
 * the API contract and the renderer's Ekspor/Impor views. The work is done in electron/annex/.
 */
import type { ProgrammeCluster, ProgrammeStrategy, ProgrammeYearValues, Severity } from './domain.js';

export const ANNEX_LANGUAGES = ['id', 'en'] as const;
export type AnnexLanguage = (typeof ANNEX_LANGUAGES)[number];

/**
 * A4: 210 × 297 mm (SpreadsheetML paperSize 9). F4: the Indonesian folio, 215 × 330 mm, written
 * as SpreadsheetML paperSize 14 "Folio 8½ × 13 in" (215,9 × 330,2 mm) — Excel and LibreOffice
 * both know it by that number; printers list it as "Folio" or "F4".
 */
export const ANNEX_PAPERS = ['A4', 'F4'] as const;
export type AnnexPaper = (typeof ANNEX_PAPERS)[number];
/** The annex's two renderings of one document: the workbook (xlsx) and the PDF (electron/annex/pdf.ts). */
export const ANNEX_FORMATS = ['xlsx', 'pdf'] as const;
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];

/** The official who signs the annex (remembered outside the workbook). */
export interface Signer {
  /** Place of signing ("Muara Enim"); defaults to the region without "Kabupaten"/"Kota". */
  place?: string | undefined;
  name: string;
  /** Jabatan, e.g. "Bupati Muara Enim" or "Kepala Bappeda". */
  title: string;
  /** Nomor Induk Pegawai (may be empty for elected officials). */
  nip: string;
}

/**
 * How Catatan Perubahan shows the scenario's change log: `net` (default) — the net change per cell
 * (semula → menjadi, when, who, why; changes undone leave nothing); `full` — every step in order,
 * undo and redo included, marked in words.
 */
export const CHANGE_LOG_MODES = ['net', 'full'] as const;
export type ChangeLogMode = (typeof CHANGE_LOG_MODES)[number];

/**
 * The sheets of the annex, in order. Fixed names (also in English exports) so files round-trip;
 * a new sheet is only ever appended. Lampiran IV (Rencana Intervensi) covers the programmes' years
 * to the RPKD/RPD horizon, past the RPJMD period the other sheets keep.
 */
export const ANNEX_SHEETS = ['Lampiran I', 'Lampiran II', 'Lampiran III', 'Catatan Perubahan', 'Sumber Data', 'Kelayakan Target', 'Lampiran IV', 'Tindak Lanjut Hasil Evaluasi'] as const;

export interface AnnexExportResult {
  /** Where the file was written (annex.export) or the name to offer for download (exportBytes). */
  path: string | null;
  fileName: string;
  scenarioId: number;
  scenarioName: string;
  sheets: string[];
  /** Check findings at export time (all of them are in Lampiran III). */
  findings: Record<Severity, number>;
  bytes: number;
  /** Which file was made: the workbook (xlsx) or the PDF. */
  format: AnnexFormat;
}

export interface AnnexBytesResult extends AnnexExportResult {
  /** The file (.xlsx or .pdf, as `format` says), base64. */
  base64: string;
}

/**
 * What a spreadsheet is imported into. `revised_target` needs the scenario. For our own annex
 * the sheets say which series each column is; `scenarioId` then overrides the scenario named
 * in the annex title for the Menjadi columns.
 */
export const IMPORT_SERIES = ['realisation', 'original_target', 'baseline', 'projection', 'se', 'revised_target'] as const;
export type ImportSeries = (typeof IMPORT_SERIES)[number];

export interface ImportTarget {
  series: ImportSeries;
  scenarioId?: number | undefined;
}

/**
 * annex: our own export (round trip); template: `[Kode |] Indikator | Satuan | <year> …` into the
 * series the caller picks; programmes: a programme list (`Program | Klaster | Perangkat Daerah |
 * Tahun | Rumah Tangga Sasaran | Manfaat per Rumah Tangga per Bulan (Rp) | Ketepatan Sasaran (%)`
 * [| Anggaran] [| Sumber]), whatever series the caller picked (the header decides); review: an
 * evaluation workbook of the province (electron/annex/review-workbook.ts: a header row with Kode,
 * Indikator, Tahun and Catatan Evaluasi), whose notes go to the workbook's evaluation notes.
 */
export const IMPORT_LAYOUTS = ['annex', 'template', 'programmes', 'review'] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

/** Why a cell or row was not taken (the UI translates these; `message` is the English fallback). */
export const IMPORT_REJECTIONS = [
  'unknown_indicator',
  'ambiguous_indicator',
  'not_a_number',
  'out_of_range',
  /** A fraction of a person or rupiah, or more decimals than the indicator keeps. */
  'too_many_decimals',
  'year_outside_plan',
  'unit_mismatch',
  'duplicate',
  'formula_without_value',
  'cell_error',
  'unknown_scenario',
  /**
   * "80,100" (80,1 or 80.100?) in a column no convention applies to: the file writes decimals
   * both ways and nothing in this column says which it uses.
   */
  'ambiguous_number',
  /** "12.32" in a column whose other cells write decimals with a comma (or the reverse): read neither way. */
  'convention_mismatch',
  /** Programmes layout: a Klaster that is none of bantuan sosial, pemberdayaan, usaha mikro, layanan dasar (or their codes). */
  'unknown_cluster',
  /** Programmes layout: a cell the row needs is empty (params.field names it). */
  'missing_value',
  /** Programmes layout: a Klaster or Perangkat Daerah that differs from an earlier row of the same programme (params.first names it). */
  'programme_conflict',
  /** Review layout: the evaluation date is neither an Excel date nor text dd/mm/yyyy or yyyy-mm-dd (params.text). */
  'not_a_date',
] as const;
export type ImportRejection = (typeof IMPORT_REJECTIONS)[number];

/** Things the planner should know that did not stop a cell (footnote marks, ignored notes…). */
export const IMPORT_NOTICES = [
  'footnote_stripped',
  'note_ignored',
  'percent_format',
  'formula_cached_value',
  'sheet_skipped',
  'too_many_rejections',
  /** No cell decides the number convention: ambiguous cells were read the id-ID way (decimal comma). */
  'convention_assumed',
  /** A CSV that is not UTF-8, read as Windows-1252 (Excel's plain "CSV" on Windows). */
  'encoding_windows_1252',
  /** Programmes layout: the header has no strategy; a programme's Inpres 4/2022 strategy follows its cluster (params.programme, cluster, strategy). */
  'strategy_defaulted',
] as const;
export type ImportNotice = (typeof IMPORT_NOTICES)[number];

/** A cell and its text as the file has it, e.g. the cell that decided a number convention. */
export interface CellText extends CellLocation {
  text: string;
}

/**
 * How a file writes numbers: decimal comma (id-ID: 12,32 and 79.270) or decimal point (en: 12.32
 * and 79,270). Decided from the file's unambiguous cells; numbers stored as numbers (.xlsx)
 * need none.
 */
export interface NumberConvention {
  decimal: ',' | '.';
  /** The thousands separator the file's cells use ('.', ',' or ' ' for spaces); null when no cell groups thousands. */
  thousands: '.' | ',' | ' ' | null;
  /** The first unambiguous cell of this convention; null when no cell decides and id-ID is assumed. */
  decidedBy: CellText | null;
}

/** One column's own convention where a file mixes; decimal null: no convention applies (its ambiguous cells are refused). */
export interface ColumnConvention {
  sheet: string;
  column: string;
  decimal: ',' | '.' | null;
  thousands: '.' | ',' | ' ' | null;
  decidedBy: CellText | null;
}

export interface ImportConvention extends NumberConvention {
  /**
   * Present when the file mixes conventions: each column with numbers written as text, and the
   * convention it is read in. The fields above then give the convention of most columns.
   */
  perColumn?: ColumnConvention[];
}

/** The text encoding a CSV was read in. */
export const IMPORT_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** A place in the file: sheet name, 1-based row, column letter(s) as Excel shows them. */
export interface CellLocation {
  sheet: string;
  row: number;
  column: string;
}

export interface ImportCell extends CellLocation {
  indicatorId: number;
  indicatorCode: string;
  year: number;
  series: ImportSeries;
  /** Set for revised_target. */
  scenarioId: number | null;
  oldValue: number | null;
  newValue: number;
  /** Footnote mark stripped from the cell text ("*", "ᵉ"), if any. */
  footnote?: string | undefined;
  /**
   * BPS's provisional mark: "*" (angka sementara) or "**" (angka sangat sementara). Kept as the
   * value's status when written (not for revised targets, which are the planner's own).
   */
  provisional?: boolean | undefined;
  /** The value in the workbook was marked provisional (shown beside oldValue). */
  oldProvisional?: boolean | undefined;
}

export interface ImportIssue<C extends string> extends CellLocation {
  code: C;
  /** English, naming the cell: the CLI prints it, the UI shows it where it has no words of its own for the code. */
  message: string;
  /** The parts of the message, for codes the UI words itself (the number convention, the encoding). */
  params?: Record<string, string>;
}

export interface ImportPreview {
  previewId: string;
  fileName: string;
  layout: ImportLayout;
  /** The scenario Menjadi / revised_target cells go to, when there are any. */
  scenario: { id: number; name: string } | null;
  new: ImportCell[];
  changed: ImportCell[];
  /** Only counted (a round trip has hundreds). */
  unchanged: number;
  rejected: ImportIssue<ImportRejection>[];
  notices: ImportIssue<ImportNotice>[];
  /** How the numbers written as text were read; null when no cell needed a convention (numbers only, or no separators). */
  convention: ImportConvention | null;
  /** The encoding a CSV was read in; null for .xlsx. */
  encoding: ImportEncoding | null;
  /** Our annex only: the Alasan Perubahan of Lampiran I that differ from the scenario's (written with the cells, one undo step). */
  justifications?: ImportJustification[];
  /** Our annex only: the Perangkat Daerah of Lampiran I that differ from the workbook's. */
  responsibleUnits?: ImportResponsibleUnit[];
  /**
   * The programmes layout only (then `new`, `changed` are empty and `unchanged` is 0): every
   * programme the file names, with its year rows old → new; written by import.apply as one
   * 'programme.save' edit that merges the file's years into each programme's.
   */
  programmes?: ImportProgrammes;
  /**
   * The review layout only (then `new`, `changed` are empty and `unchanged` is 0): the evaluation
   * notes of the file, each new or already kept; written by import.apply as one 'review.import'
   * edit that adds the new ones.
   */
  reviews?: ImportReviews;
}

/**
 * Whether a note of an evaluation workbook is new to the workbook or already kept there (same
 * indicator, year and text, whitespace aside): a kept note is left as it is, its response and
 * status included.
 */
export const IMPORT_REVIEW_STATUSES = ['new', 'present'] as const;
export type ImportReviewStatus = (typeof IMPORT_REVIEW_STATUSES)[number];

/** One note of an evaluation workbook, at its Catatan Evaluasi cell. */
export interface ImportReviewNote extends CellLocation {
  indicatorId: number;
  indicatorCode: string;
  /** Null: the indicator as a whole (an empty or "Semua" Tahun). */
  year: number | null;
  note: string;
  /** The row's Target Perubahan (the revised target the evaluator saw); null when empty. */
  seenTarget: number | null;
  status: ImportReviewStatus;
  /** The kept note's id when present. */
  noteId: number | null;
}

/** What an evaluation workbook holds: its title block and its notes. */
export interface ImportReviews {
  /** The region its title block names (it matches the open workbook's). */
  region: string;
  evaluator: string;
  /** YYYY-MM-DD. */
  reviewDate: string;
  /** The usulan the evaluation workbook was written from; null when it names none. */
  scenarioName: string | null;
  notes: ImportReviewNote[];
  new: number;
  present: number;
}

/** Whether a row or programme of a programmes file adds, changes or repeats what the workbook has. */
export const IMPORT_ROW_STATUSES = ['new', 'changed', 'unchanged'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** One row of a programmes file: a programme's numbers in one year. The location is the row's Tahun cell. */
export interface ImportProgrammeYear extends CellLocation {
  year: number;
  status: ImportRowStatus;
  /** What the workbook has for this programme and year; null when new. */
  oldValues: ProgrammeYearValues | null;
  /**
   * What apply writes. An empty Anggaran keeps the stored budget (an import never clears a value);
   * the source is the row's Sumber, else the stored source when the numbers are unchanged, else
   * "Impor: <file>, <sheet>!<Tahun cell>".
   */
  newValues: ProgrammeYearValues;
}

/** A programme of a programmes file, at the Program cell of its first row. */
export interface ImportProgramme extends CellLocation {
  /** The workbook's programme of this name (case, accents and spacing ignored); null: a new one. */
  programmeId: number | null;
  /** The name as written (a new programme) or as the workbook has it. */
  name: string;
  status: ImportRowStatus;
  cluster: ProgrammeCluster;
  /** The strategy written: the stored one, or (a new programme, or a new cluster) the cluster's default. */
  strategy: ProgrammeStrategy;
  /** True when the strategy was set from the cluster (the header has no strategy): a 'strategy_defaulted' notice says so. */
  strategyDefaulted: boolean;
  agency: string;
  /** The mark the programme keeps: a stored ilustrasi mark goes only when the file gives every year the programme will have. */
  illustrative: boolean;
  /** The stored programme's fields, when it exists. */
  old: { cluster: ProgrammeCluster; strategy: ProgrammeStrategy; agency: string; illustrative: boolean } | null;
  years: ImportProgrammeYear[];
}

export interface ImportProgrammes {
  programmes: ImportProgramme[];
  /** Year rows. */
  new: number;
  changed: number;
  unchanged: number;
  /** What apply would write: new and changed year rows, and the programmes whose cluster, strategy, Perangkat Daerah or mark alone change. */
  changes: number;
}

/** An indicator's Alasan Perubahan read from an annex, for the scenario its Menjadi rows go to. */
export interface ImportJustification extends CellLocation {
  indicatorId: number;
  indicatorCode: string;
  scenarioId: number;
  oldText: string | null;
  newText: string;
}

/** An indicator's Perangkat Daerah read from an annex ("–": none). */
export interface ImportResponsibleUnit extends CellLocation {
  indicatorId: number;
  indicatorCode: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface ImportApplyResult {
  applied: number;
  new: number;
  changed: number;
  /** The undo step (label 'import.apply'; 'programme.save' for a programmes file; 'review.import' for an evaluation workbook); null when nothing changed. */
  undoLabel: string | null;
}
