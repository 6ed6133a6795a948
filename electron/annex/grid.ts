/**
 * Spreadsheets as sparse grids of raw cells, read from .xlsx (exceljs, after zip-guard) or .csv.
 * Only cells that exist are visited, so a sheet that declares a huge used range costs nothing.
 * Cell notes are never evaluated (exceljs 4.4 merges note objects unsafely when writing them):
 * only whether a cell has one is recorded, so the preview can say it was ignored.
 */
import ExcelJS from 'exceljs';
import type { ImportEncoding } from '../../shared/annex.js';
import { AppError } from '../../shared/api/result.js';
import { IMPORT_LIMITS } from './limits.js';
import { inspectXlsx } from './zip-guard.js';

export type RawCell =
  | { kind: 'number'; value: number; percent: boolean; formula: boolean; mergedCopy: boolean }
  | { kind: 'text'; text: string; mergedCopy: boolean }
  | { kind: 'formula_without_value' }
  | { kind: 'error'; text: string }
  | { kind: 'other'; text: string };

export interface Grid {
  name: string;
  /** Row number → column number → cell; both 1-based. */
  rows: Map<number, Map<number, RawCell>>;
  /** Cells that carry a note (comment), which the import ignores. */
  notes: { row: number; col: number }[];
  /** A CSV's text encoding (absent for .xlsx sheets). */
  encoding?: ImportEncoding;
  /** For a CSV read as Windows-1252: the first field with a character beyond ASCII, where the planner can check it. */
  encodingAt?: { row: number; col: number; text: string };
}

export function cellAt(g: Grid, row: number, col: number): RawCell | undefined {
  return g.rows.get(row)?.get(col);
}

/** The text of a label cell ('' when empty); numbers as they would be typed. */
export function textAt(g: Grid, row: number, col: number): string {
  const c = cellAt(g, row, col);
  if (!c) return '';
  if (c.kind === 'text') return c.text.trim();
  if (c.kind === 'number') return String(c.value);
  return '';
}

export function sortedRows(g: Grid): number[] {
  return [...g.rows.keys()].sort((a, b) => a - b);
}

function fail(file: string, message: string, reason: string): never {
  throw new AppError('refused_file', `${file}: ${message}`, { file, reason });
}

// ---------------------------------------------------------------- xlsx

function richText(v: { richText: { text?: unknown }[] }): string {
  return Array.isArray(v.richText) ? v.richText.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('') : '';
}

function rawOf(cell: ExcelJS.Cell): RawCell | undefined {
  const mergedCopy = cell.isMerged && cell.master !== cell;
  const v = cell.value as unknown;
  const percent = typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return { kind: 'number', value: v, percent, formula: false, mergedCopy };
  if (typeof v === 'string') return v.trim() === '' ? undefined : { kind: 'text', text: v, mergedCopy };
  if (typeof v === 'boolean') return { kind: 'other', text: String(v) };
  if (v instanceof Date) return { kind: 'other', text: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      // Formulas are never evaluated: their cached result (what the author last saw) is read.
      const r = o.result;
      if (typeof r === 'number') return { kind: 'number', value: r, percent, formula: true, mergedCopy };
      if (typeof r === 'string') return r.trim() === '' ? { kind: 'formula_without_value' } : { kind: 'text', text: r, mergedCopy };
      if (r && typeof r === 'object' && 'error' in (r as object)) return { kind: 'error', text: String((r as { error: unknown }).error) };
      return { kind: 'formula_without_value' };
    }
    if ('richText' in o) {
      const t = richText(o as { richText: { text?: unknown }[] });
      return t.trim() === '' ? undefined : { kind: 'text', text: t, mergedCopy };
    }
    if ('error' in o) return { kind: 'error', text: String(o.error) };
    if ('text' in o && typeof o.text === 'string') return { kind: 'text', text: o.text, mergedCopy };
  }
  return { kind: 'other', text: '' };
}

export async function readXlsx(bytes: Buffer, file: string): Promise<Grid[]> {
  const report = inspectXlsx(bytes, file);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    fail(file, `could not be read as an .xlsx workbook (${(err as Error).message})`, 'not_xlsx');
  }
  const grids: Grid[] = [];
  let cells = 0;
  for (const ws of book.worksheets) {
    const g: Grid = { name: ws.name, rows: new Map(), notes: [] };
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (++cells > IMPORT_LIMITS.maxCells) fail(file, `has more than ${IMPORT_LIMITS.maxCells.toLocaleString('en')} cells; split it into smaller files`, 'too_many_cells');
        // Only whether a note exists: its contents are never read or merged.
        if (report.hasNotes && cell.note !== undefined) g.notes.push({ row: r, col: c });
        const raw = rawOf(cell);
        if (!raw) return;
        let line = g.rows.get(r);
        if (!line) g.rows.set(r, (line = new Map()));
        line.set(c, raw);
      });
    });
    grids.push(g);
  }
  return grids;
}

// ---------------------------------------------------------------- csv

/** RFC 4180 with the separator given; quotes may hold separators and line breaks. */
function parseCsv(text: string, sep: string): string[][] {
  // Fields are cut from the text in runs (`seg` is where the current run starts), not built a
  // character at a time: a hostile file with a few megabytes in one field would otherwise spend
  // seconds in string building and garbage collection.
  const SEP = sep.charCodeAt(0);
  const QUOTE = 34;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let seg = 0;
  let quoted = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        field += text.slice(seg, i);
        if (text.charCodeAt(i + 1) === QUOTE) {
          field += '"';
          i++;
        } else quoted = false;
        seg = i + 1;
      }
      continue;
    }
    // A quote opens a quoted field only at the field's start.
    if (c === QUOTE && field === '' && seg === i) {
      quoted = true;
      seg = i + 1;
    } else if (c === SEP) {
      row.push(field + text.slice(seg, i));
      field = '';
      seg = i + 1;
    } else if (c === 10 || c === 13) {
      row.push(field + text.slice(seg, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      rows.push(row);
      row = [];
      field = '';
      seg = i + 1;
    }
  }
  field += text.slice(seg, n);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Semicolon when the header line has more semicolons than commas outside quotes (id-ID Excel). */
export function detectSeparator(text: string): ';' | ',' {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (semi + comma > 0) break;
    } else if (!quoted && ch === ';') semi++;
    else if (!quoted && ch === ',') comma++;
  }
  return semi > 0 && semi >= comma ? ';' : ',';
}

/**
 * Bytes 0x80–0x9F in the WHATWG windows-1252 table (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ;
 * 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay as they are). Node 20's TextDecoder('windows-1252') decodes
 * these as Latin-1 control characters, so they are mapped here; a decoder that already follows
 * the table leaves none of them to map.
 */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Every byte's character: Latin-1, with 0x80–0x9F from WINDOWS_1252_C1. */
const WINDOWS_1252 = Uint16Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_C1.charCodeAt(b - 0x80) : b));
const UTF16 = new TextDecoder('utf-16le');

/**
 * Windows-1252 ("ANSI" on an Indonesian or English Windows: what Excel's plain "CSV" writes) as
 * text: one table lookup per byte into UTF-16 code units, decoded at once (a replace callback per
 * character took seconds on a hostile file of many C1 bytes).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) units[i] = WINDOWS_1252[bytes[i]!]!;
  return UTF16.decode(units);
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise Windows-1252, never refused for its encoding. */
export function decodeCsv(bytes: Buffer): { text: string; encoding: ImportEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // A UTF-8 BOM on a file that is not UTF-8 after all: the BOM is not part of the text.
    const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

export function readCsv(bytes: Buffer, file: string): Grid[] {
  const decoded = decodeCsv(bytes);
  let text = decoded.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) fail(file, 'is not a text file', 'not_csv');
  const sep = detectSeparator(text);
  const g: Grid = { name: 'CSV', rows: new Map(), notes: [], encoding: decoded.encoding };
  let cells = 0;
  parseCsv(text, sep).forEach((fields, i) => {
    const line = new Map<number, RawCell>();
    fields.forEach((f, j) => {
      if (++cells > IMPORT_LIMITS.maxCells) fail(file, `has more than ${IMPORT_LIMITS.maxCells.toLocaleString('en')} cells; split it into smaller files`, 'too_many_cells');
      if (f.trim() !== '') line.set(j + 1, { kind: 'text', text: f, mergedCopy: false });
      if (decoded.encoding === 'windows-1252' && !g.encodingAt && /[^\t\n\r\u0020-\u007e]/.test(f)) g.encodingAt = { row: i + 1, col: j + 1, text: f.trim().slice(0, 60) };
    });
    if (line.size > 0) g.rows.set(i + 1, line);
  });
  return [g];
}

const MACRO_EXTENSIONS = new Set(['.xlsm', '.xltm', '.xlsb', '.xlam', '.xls', '.xlt']);

/** Reads a file as grids, refusing (AppError 'refused_file') what the caps or the format forbid. */
export async function readGrids(fileName: string, bytes: Buffer): Promise<Grid[]> {
  const ext = (/\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? '');
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    fail(fileName, `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB can be imported`, 'too_large');
  }
  if (MACRO_EXTENSIONS.has(ext)) {
    fail(fileName, `${ext} files are not imported (they may hold macros or use the old binary format); save the sheet as .xlsx or CSV UTF-8 and import that`, 'macros');
  }
  const zip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  const ole = bytes.length >= 8 && bytes.readUInt32LE(0) === 0xe011cfd0;
  if (ext === '.xlsx') {
    if (!zip) fail(fileName, 'is not a valid .xlsx file', 'not_xlsx');
    return readXlsx(bytes, fileName);
  }
  if (ext === '.csv' || ext === '.txt') {
    if (zip || ole) fail(fileName, 'is a spreadsheet file named .csv; import it under its own extension (.xlsx)', 'not_csv');
    return readCsv(bytes, fileName);
  }
  fail(fileName, 'is neither .xlsx nor .csv', 'unsupported');
}
