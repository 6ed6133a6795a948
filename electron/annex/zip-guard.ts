/**
 * Looks inside an .xlsx (a zip) before exceljs loads it, and refuses what could hurt: zip bombs
 * (declared and actual inflated sizes capped), macro-enabled or binary workbooks, and the
 * exceljs 4.4 memory blow-up on huge merged ranges or data-validation ranges (exceljs creates a
 * cell object for every cell those ranges cover), as well as sheets with more cells than the cap.
 *
 * Only the central directory is trusted for names and offsets; every part we read is inflated with
 * a hard output cap, so a lying size header cannot make us allocate more than that.
 *
 * Every scan of a part's XML is linear: a tag pattern never reads past the next `<` (which an XML
 * tag or attribute value cannot hold), so thousands of unclosed `<c `, `<mergeCell ref="` or `<f `
 * before a long run of text cost one pass, not one pass each (a 4 KB file used to take minutes
 * here, and a refusal of the file only came after that).
 */
import zlib from 'node:zlib';
import { AppError } from '../../shared/api/result.js';
import { IMPORT_LIMITS } from './limits.js';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function refuse(file: string, message: string, reason: string): never {
  throw new AppError('refused_file', `${file}: ${message}`, { file, reason });
}

function readEntries(buf: Buffer, file: string): ZipEntry[] {
  const notZip = () => refuse(file, 'is not a valid .xlsx file (not a zip archive)', 'not_xlsx');
  // End of central directory: 22 bytes plus an optional comment of up to 65 535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) notZip();
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) refuse(file, 'is a ZIP64 archive, which a spreadsheet of this size never needs', 'zip64');
  if (count > IMPORT_LIMITS.maxZipEntries) refuse(file, `has ${count} parts inside; at most ${IMPORT_LIMITS.maxZipEntries} are accepted`, 'too_many_parts');
  if (cdOffset + cdSize > eocd) notZip();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) notZip();
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function inflate(buf: Buffer, e: ZipEntry, file: string, cap: number): string {
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) refuse(file, `part ${e.name} is damaged`, 'damaged');
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  try {
    if (e.method === 0) {
      if (data.length > cap) throw new RangeError('too large');
      return data.toString('utf8');
    }
    if (e.method !== 8) refuse(file, `part ${e.name} uses an unsupported compression method (${e.method})`, 'damaged');
    return zlib.inflateRawSync(data, { maxOutputLength: cap }).toString('utf8');
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      refuse(file, `part ${e.name} unpacks to more than ${Math.round(cap / 1024 / 1024)} MB (a zip bomb?)`, 'too_large');
    }
    refuse(file, `part ${e.name} is damaged (${(err as Error).message})`, 'damaged');
  }
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells a range like "A1:C3" (or "B2") covers; absurd inputs give a huge number, never NaN. */
export function rangeArea(ref: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim().toUpperCase());
  if (!m) return 0;
  const c1 = colNumber(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

/**
 * Names JavaScript objects inherit (`__proto__`, `constructor`, `toString`…). exceljs 4.4 keeps
 * sheet names, relationship ids and defined names as keys of plain objects, so a defined name
 * pointing at a sheet called `'__proto__'` writes into Object.prototype. Cell text may say
 * anything (it is only ever a Map value), so shared strings and notes are not searched, and in
 * sheets only attributes and formulas are.
 */
const INHERITED = ['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype).filter((n) => n !== '__proto__')];
const INHERITED_WORD = new RegExp(`(?<![\\w$])(${INHERITED.map((n) => n.replace(/\$/g, '\\$')).join('|')})(?![\\w$])`);

function unsafeName(part: string, xml: string): string | null {
  if (/^docProps\//i.test(part) || /^xl\/(sharedStrings|comments\d*)\.xml$/i.test(part) || /^xl\/media\//i.test(part)) return null;
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(part)) {
    for (const m of xml.matchAll(/="([^"<]*)"|<f\b[^<>]*>([^<]*)<\/f>/g)) {
      const hit = INHERITED_WORD.exec(m[1] ?? m[2] ?? '');
      if (hit) return hit[1]!;
    }
    return null;
  }
  return INHERITED_WORD.exec(xml)?.[1] ?? null;
}

const CONTENT_TYPE_MACRO = /macroEnabled|vbaProject|ms-excel\.sheet\.binary|ms-excel\.addin|vnd\.ms-office\.activeX/i;
const WORKBOOK_MAIN = /ContentType="application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.(sheet|template)\.main\+xml"/;

export interface ZipReport {
  /** Cells the sheets declare (<c> elements). */
  cells: number;
  /** Whether the file carries cell notes (comments); they are ignored, never evaluated. */
  hasNotes: boolean;
}

/** Throws AppError 'refused_file' when the .xlsx must not be handed to exceljs. */
export function inspectXlsx(buf: Buffer, file: string): ZipReport {
  const entries = readEntries(buf, file);
  const L = IMPORT_LIMITS;
  let declared = 0;
  for (const e of entries) {
    if (e.name.includes('..') || e.name.startsWith('/') || e.name.includes('\\')) refuse(file, `has a part with an unsafe name (${e.name.slice(0, 80)})`, 'damaged');
    if (/vbaProject|\.bin$/i.test(e.name)) refuse(file, 'contains macros (VBA) or binary parts; save it as a plain .xlsx workbook (Excel Workbook, not macro-enabled) and import that', 'macros');
    if (e.uncompressedSize > L.maxPartBytes) refuse(file, `part ${e.name} is larger than ${L.maxPartBytes / 1024 / 1024} MB unpacked`, 'too_large');
    declared += e.uncompressedSize;
  }
  if (declared > L.maxUnpackedBytes) refuse(file, `unpacks to more than ${L.maxUnpackedBytes / 1024 / 1024} MB`, 'too_large');

  const types = entries.find((e) => e.name === '[Content_Types].xml');
  if (!types) refuse(file, 'is not a valid .xlsx file (no [Content_Types].xml)', 'not_xlsx');
  const typesXml = inflate(buf, types, file, 1024 * 1024);
  if (CONTENT_TYPE_MACRO.test(typesXml)) refuse(file, 'is a macro-enabled or binary workbook (.xlsm/.xlsb); save it as a plain .xlsx workbook and import that', 'macros');
  if (!WORKBOOK_MAIN.test(typesXml)) refuse(file, 'is not an Excel workbook (.xlsx)', 'not_xlsx');

  let cells = 0;
  let rows = 0;
  let unpacked = 0;
  for (const e of entries) {
    // Every part is inflated (capped), not only the sheets: exceljs inflates them all without a
    // cap, so a part lying about its size in the directory (the shared strings, a style sheet, a
    // media file, or hundreds of entries sharing one deflate stream) must be measured here.
    const xml = inflate(buf, e, file, Math.min(L.maxPartBytes, L.maxUnpackedBytes - unpacked + 1));
    unpacked += xml.length;
    if (unpacked > L.maxUnpackedBytes) refuse(file, `unpacks to more than ${L.maxUnpackedBytes / 1024 / 1024} MB`, 'too_large');
    const unsafe = unsafeName(e.name, xml);
    if (unsafe) refuse(file, `part ${e.name} uses the name "${unsafe}" where a sheet, relationship or style name belongs; such names are refused because they can corrupt the importer's memory`, 'damaged');
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    cells += (xml.match(/<c[\s>/]/g) ?? []).length;
    if (cells > L.maxCells) refuse(file, `has more than ${L.maxCells.toLocaleString('en')} cells; split it into smaller files`, 'too_many_cells');
    const sheet = e.name.replace(/^xl\/worksheets\//, '');
    rows += (xml.match(/<row[\s>/]/g) ?? []).length;
    if (rows > L.maxRows) refuse(file, `has more than ${L.maxRows.toLocaleString('en')} rows; split it into smaller files`, 'too_many_cells');
    // Rows and cells past Excel's last row or column (XFD1048576): exceljs keeps rows and cells in
    // arrays indexed by number and walks every hole up to the highest one.
    for (const m of xml.matchAll(/<(row|c)\b[^<>]*?\br="([A-Za-z]*)(\d*)"/g)) {
      const col = m[2]!.length <= 3 ? colNumber(m[2]!.toUpperCase()) : Infinity;
      const row = Number(m[3]);
      if (row > L.maxRow || col > L.maxColumn) refuse(file, `${sheet} has a ${m[1] === 'row' ? 'row' : 'cell'} at ${`${m[2]}${m[3]}`.slice(0, 24)}, beyond Excel's last row or column (XFD${L.maxRow})`, 'damaged');
    }
    for (const m of xml.matchAll(/<col\b[^<>]*>/g)) {
      for (const a of m[0].matchAll(/\b(min|max)="([^"]*)"/g)) {
        const n = Number(a[2]);
        if (!(n >= 0 && n <= L.maxColumn)) refuse(file, `${sheet} declares column ${a[1]} ${a[2]!.slice(0, 20)}, beyond Excel's last column (${L.maxColumn}, XFD)`, 'damaged');
      }
    }
    let merges = 0;
    let mergedArea = 0;
    for (const m of xml.matchAll(/<mergeCell\b[^<>]*\bref="([^"<]*)"/g)) {
      merges++;
      mergedArea += rangeArea(m[1]!);
    }
    if (merges > L.maxMerges || mergedArea > L.maxMergedArea) {
      refuse(file, `${e.name.replace(/^xl\/worksheets\//, '')} has ${merges} merged ranges covering ${mergedArea.toLocaleString('en')} cells; at most ${L.maxMergedArea.toLocaleString('en')} merged cells are accepted`, 'too_many_merges');
    }
    let validationArea = 0;
    for (const m of xml.matchAll(/<(?:x14:)?dataValidation\b[^<>]*\bsqref="([^"<]*)"/g)) {
      for (const ref of m[1]!.split(/\s+/)) validationArea += rangeArea(ref);
    }
    for (const m of xml.matchAll(/<xm:sqref>([^<]*)<\/xm:sqref>/g)) {
      for (const ref of m[1]!.split(/\s+/)) validationArea += rangeArea(ref);
    }
    if (validationArea > L.maxMergedArea) {
      refuse(file, `${e.name.replace(/^xl\/worksheets\//, '')} has data-validation rules covering ${validationArea.toLocaleString('en')} cells; at most ${L.maxMergedArea.toLocaleString('en')} are accepted`, 'too_many_merges');
    }
  }
  return { cells, hasNotes: entries.some((e) => /^xl\/comments\d*\.xml$/i.test(e.name)) };
}
