/** Small helpers for the annex sheets: borders, fills, number formats and print setup (exceljs). */
import type ExcelJS from 'exceljs';
import type { AnnexLanguage, AnnexPaper } from '../../shared/annex.js';

export const FONT = 'Arial';
export const COLORS = {
  header: 'FFD9D9D9',
  group: 'FFF2F2F2',
  /** Changed targets: light yellow, still readable when printed in grey. */
  changed: 'FFFFE699',
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
 */
export function numFmt(decimals: number, lang: AnnexLanguage): string {
  const d = Math.min(6, Math.max(0, Math.trunc(decimals)));
  const base = d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
  return lang === 'id' ? `[$-421]${base}` : base;
}

/** Escapes text for a header/footer string, where & starts a code. */
export function hfText(text: string): string {
  return text.replace(/&/g, '&&');
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

/** Sets a cell's value and style in one call. */
export function put(
  ws: ExcelJS.Worksheet,
  row: number,
  col: number,
  value: ExcelJS.CellValue,
  style: {
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
  } = {},
): ExcelJS.Cell {
  const cell = ws.getCell(row, col);
  cell.value = value;
  cell.font = {
    name: FONT,
    size: style.size ?? 9,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.underline ? { underline: true } : {}),
  };
  if (style.numFmt) cell.numFmt = style.numFmt;
  if (style.fill) cell.fill = solid(style.fill);
  if (style.border) cell.border = BORDER_ALL;
  cell.alignment = { vertical: style.v ?? 'middle', horizontal: style.h ?? 'left', wrapText: style.wrap ?? false };
  return cell;
}

/** Thin borders on every cell of a rectangle (merged cells included). */
export function boxAll(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) ws.getCell(r, c).border = BORDER_ALL;
}

/** Merged title line across the table width. */
export function titleRow(ws: ExcelJS.Worksheet, row: number, lastCol: number, text: string, size = 11, bold = true): void {
  ws.mergeCells(row, 1, row, lastCol);
  put(ws, row, 1, text, { bold, size, h: 'center' });
  ws.getRow(row).height = size >= 11 ? 16 : 13;
}

/**
 * A row tall enough for its wrapped texts: exceljs cannot measure text, and Excel does not re-fit
 * rows when it opens a file, so the height is estimated from characters per line (Arial 9 pt
 * fits about 1,15 characters per unit of column width).
 */
export function fitRowHeight(ws: ExcelJS.Worksheet, row: number, texts: { text: string; width: number }[], minLines = 1): void {
  let lines = minLines;
  for (const t of texts) {
    const perLine = Math.max(4, Math.floor(t.width * 1.15));
    const n = t.text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  }
  ws.getRow(row).height = Math.max(13, lines * 11.5 + 2);
}

export interface PrintOptions {
  paper: AnnexPaper;
  headerRows: [number, number];
  lastRow: number;
  lastCol: number;
  freezeCols: number;
  footerLeft: string;
  pageWord: string;
  ofWord: string;
}

/** Landscape, one page wide, header rows repeated, frozen panes, page numbers in the footer. */
export function printSetup(ws: ExcelJS.Worksheet, p: PrintOptions): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_SIZE[p.paper] as ExcelJS.PaperSize,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
    printArea: `A1:${columnLetter(p.lastCol)}${p.lastRow}`,
    printTitlesRow: `${p.headerRows[0]}:${p.headerRows[1]}`,
  };
  ws.headerFooter = {
    oddFooter: `&L&8${hfText(p.footerLeft)}&C&8${hfText(p.pageWord)} &P ${hfText(p.ofWord)} &N`,
  };
  ws.views = [{ state: 'frozen', xSplit: p.freezeCols, ySplit: p.headerRows[1], topLeftCell: `${columnLetter(p.freezeCols + 1)}${p.headerRows[1] + 1}`, activeCell: 'A1' }];
}
