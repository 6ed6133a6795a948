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

/** The sheets of the annex, in order. Fixed names (also in English exports) so files round-trip. */
export const ANNEX_SHEETS = ['Lampiran I', 'Lampiran II', 'Lampiran III', 'Catatan Perubahan', 'Sumber Data'] as const;

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
}

export interface AnnexBytesResult extends AnnexExportResult {
  /** The .xlsx file, base64. */
  base64: string;
}

/**
 * What a spreadsheet is imported into. `revised_target` needs the scenario. For our own annex
 * the sheets say which series each column is; `scenarioId` then overrides the scenario named
 * in the annex title for the Menjadi columns.
 */
export const IMPORT_SERIES = ['realisation', 'original_target', 'baseline', 'projection', 'revised_target'] as const;
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
] as const;
export type ImportRejection = (typeof IMPORT_REJECTIONS)[number];

/** Things the planner should know that did not stop a cell (footnote marks, ignored notes…). */
export const IMPORT_NOTICES = ['footnote_stripped', 'note_ignored', 'percent_format', 'formula_cached_value', 'sheet_skipped', 'too_many_rejections'] as const;
export type ImportNotice = (typeof IMPORT_NOTICES)[number];

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
}

export interface ImportIssue<C extends string> extends CellLocation {
  code: C;
  message: string;
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
}

export interface ImportApplyResult {
  applied: number;
  new: number;
  changed: number;
  /** The undo step (label 'import.apply'); null when nothing changed. */
  undoLabel: string | null;
}
