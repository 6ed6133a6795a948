/**
 * The clipboard block parser for pasting into the target grid (issue 3, item 2) and its inverse
 * for Copy. ag-grid's clipboard is an Enterprise feature, so the grid hands us the raw
 * clipboard flavours and gets back a rectangle of raw cell strings; reading numbers out of them
 * is the locale module's job. Runs without the DOM (shared/ is isomorphic), so HTML is read by
 * a small tolerant tag scanner rather than DOMParser.
 */
import { ModelError } from './errors.js';

/** Larger blocks are refused: no planner pastes them, and a hostile clipboard must not hang the UI. */
export const MAX_PASTE_CELLS = 100_000;

/** The flavours a paste event offers (clipboardData.getData('text/plain' | 'text/html')). */
export interface ClipboardBlock {
  text?: string;
  html?: string;
}

/**
 * Collects rows, pads ragged ones with '' and enforces MAX_PASTE_CELLS on the padded rectangle
 * as it grows, so a huge input fails early instead of after allocating it.
 */
class Block {
  readonly rows: string[][] = [];
  private width = 0;

  /** Call whenever `row` (the row being built, not yet pushed) grows. */
  check(row: readonly string[]): void {
    const cells = (this.rows.length + 1) * Math.max(this.width, row.length);
    if (cells > MAX_PASTE_CELLS) {
      throw new ModelError('too_many_cells', `a pasted block may hold at most ${MAX_PASTE_CELLS} cells`, { limit: MAX_PASTE_CELLS });
    }
  }

  push(row: string[]): void {
    this.check(row);
    this.rows.push(row);
    this.width = Math.max(this.width, row.length);
  }

  result(): string[][] {
    for (const row of this.rows) while (row.length < this.width) row.push('');
    return this.rows;
  }
}

/**
 * Reads a quoted cell starting at the quote at `start`. Returns null when it is not a well-formed
 * quoted cell (no closing quote, or text after it before the next tab or line end): such a cell
 * is then taken literally, quotes and all, the way a spreadsheet shows `5" pipe`.
 */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) return null;
    if (text[q + 1] === '"') {
      value += text.slice(from, q) + '"';
      from = q + 2;
      continue;
    }
    value += text.slice(from, q);
    const end = q + 1;
    const next = text[end];
    return next === undefined || next === '\t' || next === '\r' || next === '\n' ? { value, end } : null;
  }
}

/** Index of the next tab, CR or LF at or after `from`, or text.length. */
function cellEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\t' || c === '\r' || c === '\n') break;
    i++;
  }
  return i;
}

/**
 * Parses text/plain as Excel and LibreOffice Calc write it: tab between cells, CRLF (Excel) or
 * LF (LibreOffice) after every row — including the last, so a trailing line end does not make
 * a phantom row, while "\r\n" alone is one empty cell. A cell that starts with a double quote
 * and closes it right before a tab or line end is quoted: it may hold tabs and line ends, and
 * "" stands for one quote. Ragged rows are padded with ''. A leading BOM is dropped.
 * @throws ModelError too_many_cells beyond MAX_PASTE_CELLS.
 */
export function parseTsv(text: string): string[][] {
  const block = new Block();
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let row: string[] = [];
  // A tab was just read, so one more cell follows even if the input ends here ("a\t").
  let cellDue = false;
  while (i < n) {
    const quoted = text[i] === '"' ? readQuoted(text, i) : null;
    const end = quoted ? quoted.end : cellEnd(text, i);
    row.push(quoted ? quoted.value : text.slice(i, end));
    cellDue = false;
    block.check(row);
    i = end;
    if (i >= n) break;
    if (text[i] === '\t') {
      i++;
      cellDue = true;
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    block.push(row);
    row = [];
  }
  if (cellDue) row.push('');
  if (row.length > 0) block.push(row);
  return block.result();
}

/** Quotes a cell the way Excel does when it holds a tab, line end or double quote. */
function tsvCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Writes rows as Excel's text/plain does: tab between cells, CRLF after every row (so
 * toTsv([]) is ''), cells with a tab, line end or double quote quoted with "" for a quote.
 * parseTsv(toTsv(rows)) gives rows back for any rectangular rows with at least one column.
 */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(tsvCell).join('\t') + '\r\n').join('');
}

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map(Object.entries({
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  minus: '\u2212',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  deg: '\u00b0',
  times: '\u00d7',
  middot: '\u00b7',
  euro: '\u20ac',
  copy: '\u00a9',
  reg: '\u00ae',
  shy: '\u00ad',
}));

/** Decodes character references; unknown names stay as written, invalid code points become U+FFFD. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES.get(name) ?? whole;
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    return valid ? String.fromCodePoint(cp) : '\ufffd';
  });
}

/** Whitespace a browser collapses in normal flow. */
const HTML_SPACE = /[\t\n\f\r ]+/g;

/**
 * A cell's text as a reader sees it: source whitespace collapsed, <br> kept as a line end,
 * no-break spaces as plain spaces, each line trimmed ("&nbsp;" alone, Excel's empty cell, is '').
 */
function cellText(raw: string): string {
  if (!raw.includes('\n') && !raw.includes('\u00a0')) return raw.includes('  ') ? raw.replace(/ {2,}/g, ' ').trim() : raw.trim();
  return raw
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Finds the '>' that ends a tag, ignoring any inside a quoted attribute value. */
function tagEnd(html: string, from: number): number {
  let quote: string | null = null;
  let lastNonSpace = '';
  for (let i = from; i < html.length; i++) {
    const c = html[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if ((c === '"' || c === "'") && lastNonSpace === '=') quote = c;
    else if (c === '>') return i;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') lastNonSpace = c;
  }
  return -1;
}

const SPAN_ATTR = {
  colspan: /(?:^|[\s"'])colspan\s*=\s*["']?(\d+)/i,
  rowspan: /(?:^|[\s"'])rowspan\s*=\s*["']?(\d+)/i,
};

function spanAttr(attrs: string, name: keyof typeof SPAN_ATTR, max: number): number {
  const m = SPAN_ATTR[name].exec(attrs);
  const n = m?.[1] === undefined ? 1 : Number.parseInt(m[1], 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** Elements whose content is not markup; skipped whole. */
const RAW_TEXT = new Set(['style', 'script', 'title', 'textarea', 'xml']);

/** The HTML limits a browser applies to spans. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/**
 * Reads the first top-level <table> of an HTML clipboard flavour (Excel: <html xmlns:o=…> with
 * <style>, <col>, conditional comments and class attributes; LibreOffice: <font> inside <td>)
 * into rows of cell text: <tr> rows of <td>/<th> cells, entities decoded, <br> as a line end,
 * colspan/rowspan cells padded with '' so the columns stay aligned. Tolerant of omitted end
 * tags. A nested table's text joins its cell. Returns null when there is no <table>.
 * @throws ModelError too_many_cells beyond MAX_PASTE_CELLS.
 */
export function parseHtmlTable(html: string): string[][] | null {
  const block = new Block();
  const tagRe = /<(\/?)([A-Za-z][A-Za-z0-9:_-]*)/y;
  let depth = 0;
  let found = false;
  let row: string[] | null = null;
  let occupied: boolean[] = [];
  /** carry[c]: rows below the current one that a rowspan still covers in column c. */
  const carry: number[] = [];
  let col = 0;
  let cell: { raw: string; colspan: number; rowspan: number } | null = null;

  const skipOccupied = (): void => {
    if (!row) return;
    while (occupied[col]) {
      row[col] = '';
      col++;
    }
  };
  const closeCell = (): void => {
    if (!cell || !row) return;
    skipOccupied();
    const start = col;
    row[col++] = cellText(cell.raw);
    for (let k = 1; k < cell.colspan; k++) row[col++] = '';
    if (cell.rowspan > 1) for (let c = start; c < col; c++) carry[c] = Math.max(carry[c] ?? 0, cell.rowspan - 1);
    cell = null;
    block.check(row);
  };
  const openRow = (): void => {
    row = [];
    col = 0;
    occupied = carry.map((left) => left > 0);
    for (let c = 0; c < carry.length; c++) if ((carry[c] ?? 0) > 0) carry[c] = (carry[c] ?? 0) - 1;
  };
  const closeRow = (): void => {
    closeCell();
    if (!row) return;
    // Columns a rowspan from above still covers count even when no cell of this row reaches them.
    const width = Math.max(col, occupied.lastIndexOf(true) + 1);
    const done: string[] = [];
    for (let c = 0; c < width; c++) done.push(row[c] ?? '');
    block.push(done);
    row = null;
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (cell && textEnd > i) cell.raw += decodeEntities(html.slice(i, textEnd).replace(HTML_SPACE, ' '));
    if (lt < 0) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      // <!DOCTYPE>, Office's <![if …]> / <![endif]>, processing instructions.
      const end = html.indexOf('>', i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    tagRe.lastIndex = i;
    const m = tagRe.exec(html);
    if (!m) {
      if (cell) cell.raw += '<';
      i++;
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase();
    const end = tagEnd(html, tagRe.lastIndex);
    if (end < 0) break;
    const attrs = html.slice(tagRe.lastIndex, end);
    i = end + 1;

    if (!closing && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}[\\s>/]`, 'gi');
      close.lastIndex = i;
      const cm = close.exec(html);
      if (!cm) break;
      const after = html.indexOf('>', cm.index);
      i = after < 0 ? html.length : after + 1;
      continue;
    }

    if (name === 'table') {
      if (!closing) {
        if (depth === 0 && found) break; // only the first top-level table
        depth++;
        found = true;
        if (depth > 1 && cell) cell.raw += ' ';
      } else if (depth > 0) {
        if (depth === 1) {
          closeRow();
          break;
        }
        depth--;
        if (cell) cell.raw += ' ';
      }
      continue;
    }
    if (depth === 0) continue;
    if (depth > 1) {
      // Inside a nested table: keep its words apart within the outer cell.
      if (cell && (name === 'td' || name === 'th' || name === 'tr' || name === 'br')) cell.raw += name === 'br' ? '\n' : ' ';
      continue;
    }
    switch (name) {
      case 'tr':
        if (closing) closeRow();
        else {
          closeRow();
          openRow();
        }
        break;
      case 'td':
      case 'th':
        if (closing) closeCell();
        else {
          closeCell();
          if (!row) openRow();
          cell = { raw: '', colspan: spanAttr(attrs, 'colspan', MAX_COLSPAN), rowspan: spanAttr(attrs, 'rowspan', MAX_ROWSPAN) };
        }
        break;
      case 'thead':
      case 'tbody':
      case 'tfoot':
        closeRow();
        break;
      case 'br':
        if (cell) cell.raw += '\n';
        break;
      case 'p':
      case 'div':
        if (cell && closing) cell.raw += '\n';
        break;
      default:
        break;
    }
  }
  if (!found) return null;
  closeRow();
  return block.result();
}

/**
 * The block a paste carries: the HTML flavour when it holds a table with at least one cell
 * (spreadsheets put both flavours on the clipboard, and the table keeps cells with tabs or line
 * ends unambiguous), else the text flavour. No flavour, or empty ones, give [].
 * @throws ModelError too_many_cells beyond MAX_PASTE_CELLS.
 */
export function parseClipboard(block: ClipboardBlock): string[][] {
  if (block.html) {
    const rows = parseHtmlTable(block.html);
    if (rows && rows.length > 0 && (rows[0]?.length ?? 0) > 0) return rows;
  }
  return block.text ? parseTsv(block.text) : [];
}
