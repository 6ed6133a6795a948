/**
 * The annex (lampiran) and spreadsheet import: option and result types shared by the services,
 * the API contract and the renderer's Ekspor/Impor views. The work is done in electron/annex/.
 */
import type { Severity } from './domain.js';

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

/** The sheets of the annex, in order. Fixed names (also in English exports) so files round-trip. */
export const ANNEX_SHEETS = ['Lampiran I', 'Lampiran II', 'Lampiran III', 'Catatan Perubahan', 'Sumber Data', 'Kelayakan Target'] as const;

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

export const IMPORT_LAYOUTS = ['annex', 'template'] as const;
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
  /** The undo step (label 'import.apply'); null when nothing changed. */
  undoLabel: string | null;
}
