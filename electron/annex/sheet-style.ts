/** Small helpers for the annex sheets: borders, fills, number formats and print setup (exceljs). */
import type ExcelJS from 'exceljs';
import type { AnnexLanguage, AnnexPaper } from '../../shared/annex.js';
import { xmlSafeText } from '../../shared/text-rules.js';

export const FONT = 'Arial';
export const COLORS = {
  header: 'FFD9D9D9',
  group: 'FFF2F2F2',
  /** Changed targets: light yellow, still readable when printed in grey. */
  changed: 'FFFFE699',
  /** Illustrative numbers (ilustrasi), with italic type: light blue, lighter than the header grey in print. */
  illustrative: 'FFDDEBF7',
  error: 'FFF4CCCC',
  warning: 'FFFFF2CC',
} as const;

const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
export const BORDER_ALL: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/**
 * SpreadsheetML paper sizes: 9 = A4 (210 × 297 mm), 14 = Folio 8½ × 13 in (215,9 × 330,2 mm),
 * which is what Indonesian offices call F4 (215 × 330 mm). LibreOffice prints 14 as 13 × 8½ in
 * landscape (936 × 612 pt), checked in test/integration/annex-libreoffice.test.ts.
 */
export const PAPER_SIZE: Record<AnnexPaper, number> = { A4: 9, F4: 14 };

/**
 * Number format with an indicator's decimals. For Indonesian exports the format carries the
 * Indonesian language tag [$-421]: LibreOffice then shows 12,32 and 79.270 whatever the reader's
 * locale; Excel shows the separators of the reader's Windows locale (it uses the tag only for
 * date and currency names). English exports leave separators to the reader's locale.
 * `provisional` appends a literal "*" (BPS's mark for angka sementara): the cell stays a number
 * and shows 12,32*. The format never holds "%", which the importer reads as a percent format.
 */
export function numFmt(decimals: number, lang: AnnexLanguage, provisional = false): string {
  const d = Math.min(6, Math.max(0, Math.trunc(decimals)));
  const cache = NUM_FMTS[(lang === 'id' ? 0 : 1) + (provisional ? 2 : 0)]!;
  let f = cache[d];
  if (f === undefined) {
    const base = d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
    cache[d] = f = `${lang === 'id' ? '[$-421]' : ''}${base}${provisional ? '"*"' : ''}`;
  }
  return f;
}

/** numFmt's strings, built once: [id, en, id provisional, en provisional] × decimals. */
const NUM_FMTS: (string | undefined)[][] = [[], [], [], []];

/** Escapes text for a header/footer string, where & starts a code. */
export function hfText(text: string): string {
  return xmlSafeText(text).replace(/&/g, '&&');
}

export function columnLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  numFmt?: string;
  fill?: string;
  border?: boolean;
  h?: ExcelJS.Alignment['horizontal'];
  v?: ExcelJS.Alignment['vertical'];
  wrap?: boolean;
  /**
   * Excel's quote prefix (the cell's text is text even when it starts with =, +, - or @): set on
   * every text cell that begins with one, so a reviewer who edits it does not make it a live
   * formula. exceljs has no such style attribute; see QUOTE_PREFIX.
   */
  quote?: boolean;
}

/**
 * exceljs 4.4 cannot write an xf's quotePrefix attribute. A quote-prefixed cell carries this
 * protection object (locked, Excel's default, so nothing changes for protection), and xlsx.ts
 * teaches exceljs's style writer to add quotePrefix="1" to the xf of exactly this marker.
 */
export const QUOTE_PREFIX = { locked: true, hidden: false, quotePrefix: true } as ExcelJS.Protection;

/** Whether a text would be read as a formula (or a signed number) when typed into Excel. */
export function needsQuotePrefix(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/**
 * Style objects shared by every cell that looks the same. exceljs serialises a cell's style to
 * XML once per style *object* it meets (a WeakMap), so a style object per cell cost five XML
 * serialisations per cell; the annex has a few dozen distinct styles. Shared objects are never
 * mutated: a change (a border added by boxAll) goes to another shared object.
 */
const sharedStyles = new Map<string, Partial<ExcelJS.Style>>();
const shared = new WeakSet<object>();
const withBorders = new WeakMap<object, Partial<ExcelJS.Style>>();

function share(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  shared.add(style);
  return style;
}

const BORDER_ONLY = share({ border: BORDER_ALL });

const H_CODES: Record<string, number> = { left: 1, center: 2, right: 3, fill: 4, justify: 5, centerContinuous: 6, distributed: 7 };
const V_CODES: Record<string, number> = { top: 1, middle: 2, bottom: 3, distributed: 4, justify: 5 };
/** Shared styles by a number for the flags, size and alignment, then numFmt, then fill: no key string per cell. */
const styleIndex = new Map<number, Map<string, Map<string, Partial<ExcelJS.Style>>>>();

function styleOf(style: CellStyle): Partial<ExcelJS.Style> {
  const h = style.h === undefined ? 0 : H_CODES[style.h];
  const v = style.v === undefined ? 0 : V_CODES[style.v];
  const size = style.size ?? 9;
  if (h === undefined || v === undefined || !Number.isInteger(size) || size < 0 || size > 400) return styleByText(style);
  const code =
    (style.bold ? 1 : 0) | (style.italic ? 2 : 0) | (style.underline ? 4 : 0) | (style.border ? 8 : 0) | (style.wrap ? 16 : 0) | (h << 5) | (v << 8) | (size << 11) | (style.quote ? 1 << 20 : 0);
  let byFmt = styleIndex.get(code);
  if (!byFmt) styleIndex.set(code, (byFmt = new Map()));
  const fmt = style.numFmt ?? '';
  let byFill = byFmt.get(fmt);
  if (!byFill) byFmt.set(fmt, (byFill = new Map()));
  const fill = style.fill ?? '';
  let s = byFill.get(fill);
  if (!s) byFill.set(fill, (s = styleByText(style)));
  return s;
}

function styleByText(style: CellStyle): Partial<ExcelJS.Style> {
  const key = `${style.bold ? 1 : 0}${style.italic ? 1 : 0}${style.underline ? 1 : 0}|${style.size ?? 9}|${style.numFmt ?? ''}|${style.fill ?? ''}|${style.border ? 1 : 0}|${style.h ?? ''}|${style.v ?? ''}|${style.wrap ? 1 : 0}|${style.quote ? 1 : 0}`;
  let s = sharedStyles.get(key);
  if (!s) {
    s = {};
    applyStyle(s, style);
    sharedStyles.set(key, share(s));
  }
  return s;
}

/** What put() sets on a style, in place. */
function applyStyle(target: Partial<ExcelJS.Style>, style: CellStyle): void {
  target.font = {
    name: FONT,
    size: style.size ?? 9,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.underline ? { underline: true } : {}),
  };
  if (style.numFmt) target.numFmt = style.numFmt;
  if (style.fill) target.fill = solid(style.fill);
  if (style.border) target.border = BORDER_ALL;
  target.alignment = { vertical: style.v ?? 'middle', horizontal: style.h ?? 'left', wrapText: style.wrap ?? false };
  if (style.quote) target.protection = QUOTE_PREFIX;
}

const isBlank = (style: object) => {
  for (const _ in style) return false;
  return true;
};

/**
 * Sets a cell's value and style in one call. Text is written as XML can carry it: a character XML
 * refuses (U+FFFE, U+FFFF, a lone surrogate, a control character an older workbook may hold)
 * becomes U+FFFD instead of making the sheet's XML malformed.
 */
export function put(ws: ExcelJS.Worksheet, row: number, col: number, value: ExcelJS.CellValue, style: CellStyle = {}): ExcelJS.Cell {
  const cell = ws.getCell(row, col);
  cell.value = typeof value === 'string' ? xmlSafeText(value) : value;
  if (!cell.isMerged && isBlank(cell.style)) {
    cell.style = styleOf(style);
  } else {
    // A merged cell shares its style object with the cells it covers, and a cell styled before
    // keeps what put() does not set: change the cell's own style in place, as exceljs does.
    if (shared.has(cell.style)) cell.style = { ...cell.style };
    applyStyle(cell.style, style);
  }
  return cell;
}

/** Thin borders on every cell of a rectangle (merged cells included). */
export function boxAll(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r, c);
      const style = cell.style;
      if (shared.has(style)) {
        let bordered = withBorders.get(style);
        if (!bordered) withBorders.set(style, (bordered = share({ ...style, border: BORDER_ALL })));
        cell.style = bordered;
      } else if (!cell.isMerged && isBlank(style)) {
        cell.style = BORDER_ONLY;
      } else {
        cell.border = BORDER_ALL;
      }
    }
  }
}

/**
 * ws.mergeCells without exceljs's overlap check, which compares each new merge with every merge
 * of the sheet (quadratic: 18.000 merges in Lampiran II of a 6.000-indicator workbook took
 * minutes). The annex never overlaps its merges. exceljs is pinned (4.4.0); should its private
 * merge index ever change shape, this falls back to ws.mergeCells.
 */
export function mergeRange(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  const sheet = ws as unknown as { _merges?: Record<string, unknown> };
  const merges = sheet._merges;
  if (!merges || typeof merges !== 'object' || Array.isArray(merges)) {
    ws.mergeCells(top, left, bottom, right);
    return;
  }
  // Merge against an empty index (nothing to compare with), then put the new entry into the real one.
  sheet._merges = {};
  try {
    ws.mergeCells(top, left, bottom, right);
    Object.assign(merges, sheet._merges);
  } finally {
    sheet._merges = merges;
  }
}

/** Merged title line across the table width. */
export function titleRow(ws: ExcelJS.Worksheet, row: number, lastCol: number, text: string, size = 11, bold = true): void {
  mergeRange(ws, row, 1, row, lastCol);
  put(ws, row, 1, text, { bold, size, h: 'center' });
  ws.getRow(row).height = size >= 11 ? 16 : 13;
}

/**
 * How many lines a text takes in a cell `width` column units wide at `size` points, wrapped at
 * spaces the way Excel and LibreOffice wrap (a word longer than the line is broken). exceljs
 * cannot measure text, and neither Excel nor LibreOffice re-fits a row's height when it opens a
 * file, so the height is estimated: Arial (Liberation Sans) 9 pt fits about 1,1 characters per
 * unit of column width (the estimate leans long: a row a line too tall is harmless, a line too
 * short cuts text off the page).
 */
export function wrappedLines(text: string, width: number, size = 9, bold = false): number {
  const perLine = Math.max(3, Math.floor(((width - 0.8) * 1.1 * 9) / size / (bold ? 1.08 : 1)));
  let lines = 0;
  for (const part of text.split('\n')) {
    let used = 0;
    let n = 1;
    for (const word of part.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used === 0) {
        n += Math.ceil(len / perLine) - 1;
        used = len % perLine || perLine;
      } else if (used + 1 + len <= perLine) {
        used += 1 + len;
      } else {
        n += Math.ceil(len / perLine);
        used = len % perLine || perLine;
      }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** The height of a row of `lines` lines of `size`-point type, in points. */
export function rowHeightFor(lines: number, size = 9): number {
  return Math.max(13, Math.ceil(lines * size * 1.3 + 3));
}

export interface PrintOptions {
  paper: AnnexPaper;
  /** The table's header rows, repeated at the top of every printed page and frozen; null: none (a sheet of several tables). */
  headerRows: [number, number] | null;
  lastRow: number;
  lastCol: number;
  freezeCols: number;
  footerLeft: string;
  pageWord: string;
  ofWord: string;
  /**
   * How many pages the sheet prints on (its manual page breaks): "Halaman 2 dari 3" counts the
   * sheet's own pages. Null for a table printed across pages by width, whose count depends on
   * the client's font metrics: its pages say "Halaman 2" only.
   */
  pages: number | null;
  /** Columns repeated at the left of every page when the table prints across pages by width (0: none). */
  repeatCols?: number;
}

/**
 * The print scale of every sheet: 90 %, so 9-point type prints at 8,1 pt. Fixed rather than
 * fit-to-width (which shrinks the type by whatever the width asks, and makes Excel ignore manual
 * page breaks): the sections lay their tables out within the printable width at this scale
 * (gather.ts PAGE_UNITS), and the renderer breaks the pages itself (xlsx.ts).
 */
export const PRINT_SCALE = 90;

/**
 * The height a page holds for rows, in row points before scaling: the paper's landscape height
 * less the top (0,5 in) and bottom (0,6 in) margins, with 5 % to spare for rounding in the
 * renderers, divided by the print scale.
 */
export const PAGE_ROW_POINTS: Record<AnnexPaper, number> = {
  A4: Math.floor(((595.3 - 36 - 43.2) * 0.95) / (PRINT_SCALE / 100)),
  F4: Math.floor(((612 - 36 - 43.2) * 0.95) / (PRINT_SCALE / 100)),
};

/**
 * The last column (1-based) the first printed page shows, for a page that holds `pageUnits` of
 * column width (gather.ts PAGE_UNITS, the width every annex table is laid out within); the last
 * column when the whole table fits one page's width.
 */
export function firstPageLastColumn(widths: readonly number[], pageUnits: number): number {
  let used = 0;
  for (let c = 0; c < widths.length; c++) {
    used += widths[c]!;
    if (used > pageUnits) return Math.max(1, c);
  }
  return widths.length;
}

/**
 * Landscape at PRINT_SCALE, header rows repeated, frozen panes, the print area anchored
 * ($A$1:$T$40), page numbers per sheet: the sheet's first page is page 1 (firstPageNumber) and
 * the count is the sheet's own — written as a number, since LibreOffice's &N counts the pages of
 * the whole workbook.
 */
export function printSetup(ws: ExcelJS.Worksheet, p: PrintOptions): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_SIZE[p.paper] as ExcelJS.PaperSize,
    orientation: 'landscape',
    fitToPage: false,
    scale: PRINT_SCALE,
    horizontalCentered: true,
    firstPageNumber: 1,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
    // exceljs puts a $ before each part: "A$1:T$40" is written $A$1:$T$40.
    printArea: `A$1:${columnLetter(p.lastCol)}$${p.lastRow}`,
    ...(p.headerRows ? { printTitlesRow: `${p.headerRows[0]}:${p.headerRows[1]}` } : {}),
    ...(p.repeatCols ? { printTitlesColumn: `A:${columnLetter(p.repeatCols)}` } : {}),
  };
  ws.headerFooter = {
    oddFooter: `&L&9${hfText(p.footerLeft)}&R&9${hfText(p.pageWord)} &P${p.pages === null ? '' : ` ${hfText(p.ofWord)} ${p.pages}`}`,
  };
  if (p.headerRows) ws.views = [{ state: 'frozen', xSplit: p.freezeCols, ySplit: p.headerRows[1], topLeftCell: `${columnLetter(p.freezeCols + 1)}${p.headerRows[1] + 1}`, activeCell: 'A1' }];
}
