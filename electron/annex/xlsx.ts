/**
 * The xlsx renderer: draws an AnnexDocument with exceljs, a sheet per section — the Raperda
 * header block at the top right, the title lines, the table (header rows repeated on every page,
 * merged cells, borders, fills, number formats in the annex language), legend lines, the
 * signature block — with row heights that fit their wrapped text, print areas anchored, page
 * numbers per sheet. It decides nothing a reviewer reads: that is the document's (sections/*.ts).
 */
import ExcelJS from 'exceljs';
// @ts-expect-error exceljs ships no types for its internal style writer (patched below for quotePrefix)
import StyleXform from 'exceljs/lib/xlsx/xform/style/style-xform.js';
import { xmlSafeText } from '../../shared/text-rules.js';
import type { AnnexDocument, DocCell, DocCellStyle, DocNote, DocSection } from './document.js';
import { DOC_BODY_PT } from './document.js';
import { PAGE_UNITS } from './gather.js';
import { LABELS } from './labels.js';
import { boxAll, COLORS, firstPageLastColumn, mergeRange, needsQuotePrefix, numFmt, PAGE_ROW_POINTS, printSetup, put, rowHeightFor, wrappedLines, type CellStyle } from './sheet-style.js';

// ---------------------------------------------------------------- quotePrefix

interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
}
type StyleModel = { protection?: { quotePrefix?: boolean } & Record<string, unknown> } & Record<string, unknown>;
const styleWriter = (StyleXform as { prototype?: { render?: (this: unknown, xml: XmlStream, model: StyleModel) => void; quotePrefixPatched?: boolean } } | undefined)?.prototype;
if (styleWriter?.render && !styleWriter.quotePrefixPatched) {
  const render = styleWriter.render;
  styleWriter.render = function (this: unknown, xml: XmlStream, model: StyleModel) {
    if (model?.protection?.quotePrefix !== true) return render.call(this, xml, model);
    const { quotePrefix: _marker, ...protection } = model.protection;
    const openNode = xml.openNode;
    xml.openNode = function (this: XmlStream, name: string, attributes?: Record<string, unknown>) {
      xml.openNode = openNode;
      return openNode.call(this, name, name === 'xf' ? { ...attributes, quotePrefix: '1' } : attributes);
    };
    try {
      return render.call(this, xml, { ...model, protection });
    } finally {
      xml.openNode = openNode;
    }
  };
  styleWriter.quotePrefixPatched = true;
}

// ---------------------------------------------------------------- cells

function cellStyle(s: DocCellStyle | undefined, extra: CellStyle = {}): CellStyle {
  return {
    ...(s?.bold ? { bold: true } : {}),
    ...(s?.italic ? { italic: true } : {}),
    ...(s?.underline ? { underline: true } : {}),
    ...(s?.size !== undefined ? { size: s.size } : {}),
    ...(s?.fill ? { fill: COLORS[s.fill] } : {}),
    ...(s?.align ? { h: s.align } : {}),
    ...(s?.valign ? { v: s.valign } : {}),
    ...(s?.wrap ? { wrap: true } : {}),
    ...extra,
  };
}

function writeCell(ws: ExcelJS.Worksheet, row: number, col: number, cell: DocCell, lang: AnnexDocument['language']): void {
  if (cell.kind === 'number') {
    put(ws, row, col, cell.value, cellStyle(cell.style, { numFmt: numFmt(cell.decimals, lang, cell.provisional ?? false), h: cell.style?.align ?? 'right', wrap: false }));
  } else if (cell.kind === 'text') {
    const t = xmlSafeText(cell.text);
    put(ws, row, col, t, cellStyle(cell.style, needsQuotePrefix(t) ? { quote: true } : {}));
  } else {
    put(ws, row, col, null, cellStyle(cell.style));
  }
}

/** The text a cell shows, for its row height. */
function shownText(cell: DocCell): string {
  return cell.kind === 'text' ? cell.text : '';
}

function widthOf(widths: readonly number[], col: number, span: number): number {
  let w = 0;
  for (let c = col; c < col + span; c++) w += widths[c - 1] ?? 9;
  return w;
}

/**
 * Writes a table's rows from `top`: each cell at the next free column (cells spanned from above
 * are omitted from their rows), merged over its span, rows as tall as their wrapped text
 * (a cell spanning rows shares its height among them). Returns the row after the table.
 */
function writeRows(ws: ExcelJS.Worksheet, top: number, rows: readonly DocCell[][], widths: readonly number[], lang: AnnexDocument['language'], page: Pager, minHeight = 13, keep: { from?: number; none?: boolean } = {}): number {
  const taken = new Set<string>();
  /** Rows that start a block no page break may split (a row and the rows its cells span). */
  const starts: number[] = [];
  let openUntil = -1;
  const heights: number[] = rows.map(() => minHeight);
  const spans: { first: number; count: number; need: number }[] = [];
  rows.forEach((cells, i) => {
    const r = top + i;
    if (i > openUntil) starts.push(i);
    for (const cell of cells) openUntil = Math.max(openUntil, i + Math.max(1, cell.rowSpan ?? 1) - 1);
    let c = 1;
    for (const cell of cells) {
      while (taken.has(`${r}:${c}`)) c++;
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${r + dr}:${c + dc}`);
      if (colSpan > 1 || rowSpan > 1) mergeRange(ws, r, c, r + rowSpan - 1, c + colSpan - 1);
      writeCell(ws, r, c, cell, lang);
      const size = cell.style?.size ?? DOC_BODY_PT;
      const shown = shownText(cell);
      const lines = shown === '' ? 1 : cell.style?.wrap ? wrappedLines(shown, widthOf(widths, c, colSpan), size, cell.style?.bold ?? false) : 1;
      const need = rowHeightFor(lines, size);
      if (rowSpan === 1) heights[i] = Math.max(heights[i]!, need);
      else spans.push({ first: i, count: rowSpan, need });
      c += colSpan;
    }
  });
  for (const s of spans) {
    const have = heights.slice(s.first, s.first + s.count).reduce((a, b) => a + b, 0);
    if (have < s.need) {
      const add = Math.ceil((s.need - have) / s.count);
      for (let k = s.first; k < s.first + s.count && k < heights.length; k++) heights[k]! += add;
    }
  }
  heights.forEach((h, i) => page.height(top + i, h));
  // keep.none: the caller blocks these rows with the next (a table's header with its first body
  // row); keep.from: the first block starts there instead (at that header).
  if (!keep.none) starts.forEach((i, k) => page.block(k === 0 && keep.from !== undefined ? keep.from : top + i, top + (starts[k + 1] ?? rows.length) - 1));
  return top + rows.length;
}

/**
 * The sheet's pages, broken by the renderer: it knows every row's height (it sets them), so it
 * puts a manual page break before any block (a table row with the rows its cells span, a legend
 * line, the signature) that would not fit the rest of the page, and counts the pages.
 */
class Pager {
  private readonly heights = new Map<number, number>();
  private used = 0;
  pages = 1;
  /** Height of the repeated header rows, added on every page after the first. */
  repeat = 0;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly capacity: number,
  ) {}

  height(row: number, h: number): void {
    this.heights.set(row, h);
    this.ws.getRow(row).height = h;
  }

  /** Rows first…last go on one page (when they fit one at all). */
  block(first: number, last: number): void {
    let h = 0;
    for (let r = first; r <= last; r++) h += this.heights.get(r) ?? 15;
    if (this.used + h > this.capacity && this.used > this.repeat) {
      this.ws.getRow(first - 1).addPageBreak();
      this.pages++;
      this.used = this.repeat;
    }
    this.used += h;
  }
}

/** A line of text merged over columns `from`…`to`, its row as tall as the wrapped text. */
function line(ws: ExcelJS.Worksheet, page: Pager, row: number, from: number, to: number, widths: readonly number[], textValue: string, style: CellStyle): void {
  if (to > from) mergeRange(ws, row, from, row, to);
  const t = xmlSafeText(textValue);
  put(ws, row, from, t, { wrap: true, ...style, ...(needsQuotePrefix(t) ? { quote: true } : {}) });
  const size = style.size ?? DOC_BODY_PT;
  page.height(row, t === '' ? 13 : rowHeightFor(wrappedLines(t, widthOf(widths, from, to - from + 1), size, style.bold ?? false), size));
}

/** An empty row between parts of the page. */
function gap(page: Pager, row: number, h = 8): void {
  page.height(row, h);
}

/** The first column of a block at the right of the table at least `share` of its width (and `min` units) wide. */
function rightBlockStart(widths: readonly number[], share: number, min: number): number {
  const total = widths.reduce((a, b) => a + b, 0);
  let w = 0;
  for (let c = widths.length; c >= 1; c--) {
    w += widths[c - 1]!;
    if (w >= Math.max(min, total * share)) return c;
  }
  return 1;
}

// ---------------------------------------------------------------- sections

function writeSection(book: ExcelJS.Workbook, doc: AnnexDocument, s: DocSection): void {
  const L = LABELS[doc.language];
  const ws = book.addWorksheet(s.sheet);
  const widths = s.table.columns.map((c) => c.width);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lastCol = widths.length;
  const page = new Pager(ws, PAGE_ROW_POINTS[doc.paper]);
  let row = 1;
  const first = row;

  // The Raperda header block: top right, its lines left-aligned within it.
  if (s.headerBlock.length > 0) {
    const from = rightBlockStart(widths, 0.4, 50);
    for (const text of s.headerBlock) line(ws, page, row++, from, lastCol, widths, text, { size: 9, v: 'top' });
    gap(page, row++);
  }
  // A table wider than a page prints across pages: its titles are centred over what the first
  // page shows, not over the whole width (which would put them on a middle page).
  const titleTo = firstPageLastColumn(widths, PAGE_UNITS[doc.paper]);
  const wide = titleTo < lastCol;
  // …and start after the columns every page repeats, which would otherwise print a slice of them on the later pages.
  const titleFrom = wide && !s.blocks && s.table.repeatColumns && s.table.repeatColumns < titleTo ? s.table.repeatColumns + 1 : 1;
  s.titles.forEach((text, i) => line(ws, page, row++, titleFrom, titleTo, widths, text, { bold: i < 2, size: i === 0 ? 12 : i === 1 ? 11 : 10, h: 'center' }));
  gap(page, row++);
  for (const text of s.intro ?? []) line(ws, page, row++, titleFrom, titleTo, widths, text, { italic: true });

  let headerRows: [number, number] | null = null;
  let lastRow: number;
  if (s.blocks) {
    // Several tables on the sheet's grid, and lines of text: no header rows repeated or frozen.
    page.block(first, row - 1);
    lastRow = row - 1;
    s.blocks.forEach((b, k) => {
      if (k > 0) {
        gap(page, row);
        page.block(row, row);
        row++;
      }
      if (b.kind === 'table') {
        const top = row;
        // The header rows (a caption among them) never end a page without the first body row.
        const glued = b.table.body.length > 0;
        row = writeRows(ws, row, b.table.header, widths, doc.language, page, 14, { none: glued });
        row = writeRows(ws, row, b.table.body, widths, doc.language, page, 13, glued ? { from: top } : {});
        boxAll(ws, top, 1, row - 1, lastCol);
      } else {
        const headingRow = b.heading === undefined ? null : row;
        if (b.heading !== undefined) line(ws, page, row++, 1, lastCol, widths, b.heading, { v: 'top', bold: true });
        b.lines.forEach((text, i) => {
          line(ws, page, row, 1, lastCol, widths, text, { v: 'top', ...(b.style?.bold ? { bold: true } : {}), ...(b.style?.italic ? { italic: true } : {}) });
          // The heading goes with the first line.
          page.block(i === 0 && headingRow !== null ? headingRow : row, row);
          row++;
        });
        if (b.lines.length === 0 && headingRow !== null) page.block(headingRow, headingRow);
      }
      lastRow = row - 1;
    });
  } else {
    const headerTop = row;
    row = writeRows(ws, row, s.table.header, widths, doc.language, page, 14);
    const headerBottom = row - 1;
    // The title part and the header rows start the first page together.
    page.block(first, headerBottom);
    let repeat = 0;
    for (let r = headerTop; r <= headerBottom; r++) repeat += ws.getRow(r).height ?? 14;
    page.repeat = repeat;
    row = writeRows(ws, row, s.table.body, widths, doc.language, page);
    boxAll(ws, headerTop, 1, row - 1, lastCol);
    headerRows = [headerTop, headerBottom];
    lastRow = row - 1;
  }

  // Legend lines after an empty row (the importer reads the table up to it).
  const notes: DocNote[] = s.noteDetails ?? s.notes.map((text) => ({ text }));
  if (notes.length > 0) {
    gap(page, row++);
    // Legends stay on the first page's width when the table prints across pages.
    const legendEnd = wide ? Math.max(2, titleTo) : Math.max(2, rightBlockStart(widths, 0.25, 0) - 1);
    for (const n of notes) {
      if (n.swatch) put(ws, row, 1, n.swatch.text, { ...cellStyle(n.swatch.style), border: true, h: 'center' });
      line(ws, page, row, 2, Math.max(2, legendEnd), widths, n.text, { italic: true, v: 'top' });
      page.block(row - (row === lastRow + 2 ? 1 : 0), row);
      lastRow = row++;
    }
  }
  if (s.signature) {
    gap(page, row++);
    const from = rightBlockStart(widths, 0.25, 30);
    const sig = s.signature;
    const lines: [string, CellStyle][] = [
      [sig.placeAndDate, {}],
      [sig.title, { bold: true }],
      ['', {}],
      ['', {}],
      ['', {}],
      [sig.name, { bold: true, underline: true }],
      [sig.nipLine, {}],
    ];
    const top = row;
    for (const [text, style] of lines) {
      line(ws, page, row, from, lastCol, widths, text, { ...style, size: 10, h: 'center' });
      lastRow = row++;
    }
    page.block(top - 1, lastRow);
  }
  printSetup(ws, {
    paper: doc.paper,
    headerRows,
    lastRow,
    lastCol,
    freezeCols: s.table.freezeColumns ?? 0,
    footerLeft: s.footer,
    pageWord: L.page,
    ofWord: L.of,
    // Across pages by width, each page repeats the table's naming columns (No, Indikator…), as the
    // PDF does; how many pages across depends on the client's fonts, so no total is printed.
    pages: wide ? null : page.pages,
    ...(wide && !s.blocks && s.table.repeatColumns ? { repeatCols: s.table.repeatColumns } : {}),
  });
}

/** The annex as an exceljs workbook; `date` (YYYY-MM-DD) stamps the document properties, so the file is deterministic. */
export function renderXlsx(doc: AnnexDocument, meta: { date: string; subject: string }): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const stamp = new Date(`${meta.date}T00:00:00Z`);
  book.creator = 'RPJMD Workbench';
  book.lastModifiedBy = 'RPJMD Workbench';
  book.created = stamp;
  book.modified = stamp;
  // Names from an older workbook may hold characters XML cannot carry (U+FFFE…): never written raw.
  book.title = xmlSafeText(doc.title);
  book.subject = xmlSafeText(meta.subject);
  for (const s of doc.sections) writeSection(book, doc, s);
  return book;
}
