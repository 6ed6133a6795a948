/**
 * The annex as a document, before it is a file: one source of truth, two renderers. The builder
 * (export.ts and the section builders beside it) reads the workbook once and lays every sheet out
 * here — title lines, the table with its header rows, body rows and merged cells, legends, the
 * signature block; the xlsx renderer (exceljs) and the PDF renderer (pdf.ts) only draw it. What a
 * reviewer reads is decided here, so the two files cannot disagree on a number, a word or a mark.
 *
 * Numbers travel as numbers with their decimals (the xlsx keeps them as numbers with a number
 * format; the PDF prints formatNumber's id-ID/en text); text travels as text.
 */
import type { AnnexLanguage, AnnexPaper } from '../../shared/annex.js';

/** Fills a cell may carry; each renderer maps them to its own colours (sheet-style.ts COLORS). */
export type DocFill = 'header' | 'group' | 'changed' | 'illustrative' | 'error' | 'warning';

export interface DocCellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Type size in points; default DOC_BODY_PT. Never below DOC_MIN_PT on paper. */
  size?: number;
  fill?: DocFill;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  /** Text wraps inside the cell (the row grows); numbers never wrap. */
  wrap?: boolean;
}

/** A cell of a table body or header. `colSpan`/`rowSpan` merge it over the cells right/below, which are then omitted from their rows. */
export type DocCell = (
  | { kind: 'text'; text: string }
  /** A number shown with `decimals`; `provisional` appends "*" (BPS angka sementara). */
  | { kind: 'number'; value: number; decimals: number; provisional?: boolean }
  | { kind: 'empty' }
) & { style?: DocCellStyle; colSpan?: number; rowSpan?: number };

export interface DocColumn {
  /** Width in character units of the body font (exceljs column width). */
  width: number;
}

export interface DocTable {
  columns: DocColumn[];
  /** Header rows, repeated on every printed page. */
  header: DocCell[][];
  body: DocCell[][];
  /** Columns repeated at the left of every page when a table is split across pages by width (0: none). */
  repeatColumns?: number;
  /** Columns kept in view when scrolling sideways (xlsx frozen panes; the PDF may ignore it). */
  freezeColumns?: number;
}

/** A legend line under a table, optionally led by a sample cell (the fill or type it explains). */
export interface DocNote {
  text: string;
  swatch?: { text: string; style: DocCellStyle };
}

/** The block in which the annex is signed. */
export interface DocSignature {
  /** "Muara Enim, 23 Agustus 2021". */
  placeAndDate: string;
  title: string;
  name: string;
  /** "NIP 19…" or the blank to fill. */
  nipLine: string;
}

/**
 * A part of a section drawn in order when the section has `blocks` (a sheet of several small
 * tables, e.g. Kelayakan Target): a table on the section's column grid (`DocSection.table.columns`,
 * which every block table repeats; its cells span columns to fit; its first header row may be its
 * caption), or lines of text across the page (sentences; `style` bold/italic only) under an
 * optional bold heading, which never ends a page without its first line.
 */
export type DocBlock =
  | { kind: 'table'; table: DocTable }
  | { kind: 'lines'; heading?: string; lines: string[]; style?: Pick<DocCellStyle, 'bold' | 'italic'> };

export interface DocSection {
  /** The sheet name (ANNEX_SHEETS); also the PDF section's bookmark. */
  sheet: string;
  /** The Raperda header block printed at the top right of the section's first page (may be empty). */
  headerBlock: string[];
  /** Title lines, centred above the table; the first is the heading. */
  titles: string[];
  /**
   * The section's table. With `blocks` it only gives the sheet's column grid (`columns`; header
   * and body empty) and the blocks are drawn in its place, with no header rows repeated.
   */
  table: DocTable;
  blocks?: DocBlock[];
  /** Lines printed left-aligned between the titles and the table (e.g. Lampiran III's count of findings). */
  intro?: string[];
  /** Legend and note lines under the table. */
  notes: string[];
  /** The same legend lines with their swatches, when any has one (notes[i] = noteDetails[i].text). */
  noteDetails?: DocNote[];
  signature?: DocSignature;
  /** Left part of the page footer ("Lampiran I — …"); the renderer adds "Halaman n dari m" per section. */
  footer: string;
}

export interface AnnexDocument {
  language: AnnexLanguage;
  paper: AnnexPaper;
  /** Document title for file metadata. */
  title: string;
  sections: DocSection[];
}

/** Body type size on paper, and the floor the issue "legible on paper" sets. */
export const DOC_BODY_PT = 9;
export const DOC_MIN_PT = 8;
