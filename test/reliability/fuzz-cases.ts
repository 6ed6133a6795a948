/**
 * Hostile files for the fuzz suite (fuzz.test.ts runs them in fuzz-child.ts). Every case is a
 * pure function of (seed, index), so `FUZZ_SEED=s FUZZ_ONLY=i` replays one case exactly.
 *
 * Importer cases start from real files (our annex in both languages, the template empty and
 * filled, CSVs) and mutate them: byte flips, truncation, XML edits inside the zip (hostile
 * values, formulas, `__proto__`/`constructor` keys in every attribute, huge strings, absurd
 * references, merged/column ranges, invalid UTF-8), wrong extensions, zip bombs (declared,
 * lying, overlapping, many parts, ZIP64), a million rows, and generated CSVs.
 * Store cases mutate a real workbook file: byte flips (anywhere, the header, page 1),
 * truncation, zeroed or swapped pages, header fields (application_id, user_version, page size);
 * a few are crafted schemas, valid SQLite files with a schema of their own (an extra trigger, a
 * table replaced by a recursive view, a dropped guard, plan years of ±100 000 000), which must be
 * refused at open and left byte-identical.
 *
 * Generating a case must itself stay linear in the case's size (the child times it): a regular
 * expression retried at every character of a 300 000-character hostile text is quadratic.
 */
import zlib from 'node:zlib';
import { rng, type Rand } from '../helpers/rng.js';
import { zip, type Part } from '../helpers/xlsx-craft.js';

export { rng, type Rand };

/** The generator of case `index` under `seed` (independent of every other case). */
export function caseRand(seed: number, index: number): Rand {
  return rng((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0);
}

const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;

/** Seed files the child builds from the demo workbook. */
export interface Corpus {
  xlsx: { name: string; bytes: Buffer }[];
  csv: { name: string; bytes: Buffer }[];
  /** A closed, valid workbook file (.rpjmd). */
  workbook: Buffer;
  /** Valid SQLite workbook files whose schema or plan was crafted (must be refused at open). */
  crafted: { label: string; bytes: Buffer }[];
}

export type ImportSeries = 'realisation' | 'original_target' | 'baseline' | 'projection' | 'revised_target';

export interface ImportCase {
  kind: 'import';
  label: string;
  fileName: string;
  bytes: Buffer;
  series: ImportSeries;
  /** The file must be refused (AppError 'refused_file'), never read. */
  mustRefuse?: boolean;
  /** Keys this case put in the file, probed on Object.prototype afterwards. */
  probes: string[];
}

export interface StoreCase {
  kind: 'store';
  label: string;
  bytes: Buffer;
  /** The file must be refused at open (a located AppError), never opened. */
  mustRefuse?: boolean;
}

/** SQL that turns a valid demo workbook into a crafted one (fuzz-corpus.ts applies it). */
export const CRAFTED_SCHEMAS: readonly { label: string; sql: string }[] = [
  { label: 'extra-trigger', sql: 'CREATE TRIGGER rewrite AFTER INSERT ON scenario_target BEGIN UPDATE scenario_target SET value = 42 WHERE rowid = new.rowid; END;' },
  {
    label: 'recursive-view',
    sql: "DROP TABLE shock_year; CREATE VIEW shock_year AS WITH RECURSIVE n(year, reason) AS (SELECT 1, 'x' UNION ALL SELECT year + 1, 'x' FROM n) SELECT * FROM n;",
  },
  { label: 'guard-dropped', sql: 'DROP TRIGGER change_entry_no_update;' },
  { label: 'plan-years-1e8', sql: 'UPDATE plan SET baseline_year = -100000000, first_year = -99999999, last_year = 100000000;' },
];

export type FuzzCase = ImportCase | StoreCase;

// ---------------------------------------------------------------- hostile values

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'polluted'];

function hugeText(r: Rand): string {
  const n = pick(r, [1_000, 40_000, 300_000, 2_000_000]);
  switch (int(r, 8)) {
    case 0: return 'A'.repeat(n);
    case 1: return `Skenario: P${' '.repeat(n)}x`;
    case 2: return `Indikator${' '.repeat(n)}(`;
    case 3: return '('.repeat(n);
    case 4: return `${'9'.repeat(n)}`;
    case 5: return `1${',0'.repeat(n >> 1)}`;
    case 6: return `Persentase Penduduk Miskin ${'( '.repeat(n >> 1)}`;
    default: return '\u0301'.repeat(n);
  }
}

function hostileNumberText(r: Rand): string {
  return pick(r, [
    'NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '1e-400', '-0', '0x1F', '1_000', '12,32*', '12,01ᵉ', '12.345.678,9',
    '79.270', '١٢٫٣٢', 'Ｐ０', '12,,3', '--1', '+-1', '1e', '.', ',', '12%', '12 %', '(12)', '\u202e12', '9'.repeat(400),
    '4294967296', '9007199254740993', '-', '…', 'n/a', '', ' ', 'true', '#DIV/0!', '=1+1', '__proto__', '1'.repeat(20),
  ]);
}

export function hostileText(r: Rand): string {
  if (r() < 0.12) return hugeText(r);
  if (r() < 0.4) return hostileNumberText(r);
  return pick(r, [
    ...PROTO_KEYS, '{"__proto__":{"polluted":"yes"}}', '{"constructor":{"prototype":{"polluted":"yes"}}}', '__proto__.polluted', 'constructor.prototype.polluted',
    '=1+1', '=HYPERLINK("http://example.invalid","x")', "=cmd|' /C calc'!A0", '@SUM(A1:A2)', '+1+1', '=WEBSERVICE("http://x")',
    'Indikator', 'Satuan', 'Kode', 'Tahun', 'Realisasi', 'Semula', 'Menjadi', 'Kondisi Awal (2017)', 'Skenario: Perubahan 2021',
    'Skenario: __proto__', 'Persentase Penduduk Miskin', 'P0', 'jiwa', '%', 'indeks', '2021', '1944', '2101', '0000',
    '\u0000', '\ud800', '\uffff', '\u200b', '\u00a0', '\t\n\r', 'ä̃̈́', '𝟙𝟚', '<script>alert(1)</script>', '../../etc/passwd', '%s%n', '${7*7}', '{{7*7}}',
  ]);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Probes for a case: the prototype keys it may have planted (plus a fixed canary). */
function probesOf(...texts: string[]): string[] {
  const keys = new Set(['polluted']);
  for (const t of texts) for (const k of PROTO_KEYS) if (t.includes(k)) keys.add(k === '__proto__' || k === 'constructor' || k === 'prototype' ? 'polluted' : k);
  return [...keys];
}

// ---------------------------------------------------------------- zip parts

/** Reads the parts of a well-formed zip (our own seed files) by its central directory. */
export function unzipParts(buf: Buffer): Part[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('seed is not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const h = buf.readUInt32LE(p + 42);
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const raw = buf.subarray(start, start + size);
    parts.push({ name, data: method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw) });
    p += 46 + skip;
  }
  return parts;
}

const ELEMENTS = [
  '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
  '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="A1:C3"/></mergeCells>',
  '<cols><col min="1" max="16384" width="9"/></cols>',
  '<cols><col min="1" max="100000000" width="9"/></cols>',
  '<cols><col min="5" max="2" width="9"/></cols>',
  '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
  '<row r="99999999999"><c r="A99999999999"><v>1</v></c></row>',
  '<row r="0"><c r="A0"><v>1</v></c></row>',
  '<row r="7"><c r="ZZZZZ7"><v>1</v></c></row>',
  '<row r="7"><c r="H7" t="s"><v>999999999</v></c></row>',
  '<row r="7"><c r="H7" t="s"><v>-1</v></c></row>',
  '<row r="7"><c r="H7" s="999999"><v>12</v></c></row>',
  '<row r="7"><c r="H7" t="e"><v>#REF!</v></c></row>',
  '<row r="7"><c r="H7" t="b"><v>1</v></c></row>',
  '<row r="7"><c r="H7" t="d"><v>2021-13-45</v></c></row>',
  '<row r="7"><c r="H7"><f>1/0</f></c></row>',
  '<row r="7"><c r="H7"><f t="shared" ref="H7:H99999" si="0">A1*2</f><v>3</v></c><c r="H8"><f t="shared" si="0"/></c></row>',
  '<row r="7"><c r="H7" t="str"><f>"__proto__"</f><v>__proto__</v></c></row>',
  '<row r="7"><c r="H7" t="inlineStr"><is><t>__proto__</t></is></c></row>',
  '<dimension ref="A1:XFD1048576"/>',
  '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>',
  '<hyperlinks><hyperlink ref="A1:XFD1048576" r:id="rId99"/></hyperlinks>',
  '<hyperlinks><hyperlink ref="__proto__" r:id="__proto__"/></hyperlinks>',
  '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>',
  '<definedNames><definedName name="x">\'__proto__\'!$A$1</definedName></definedNames>',
  '<definedNames><definedName name="__proto__">Data!$A$1</definedName></definedNames>',
  '<definedNames><definedName name="y">constructor!$A$1:$B$2</definedName></definedNames>',
  '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="__proto__">\'toString\'!$A$1:$XFD$1048576</definedName></definedNames>',
  '<sheet name="__proto__" sheetId="99" r:id="rId1"/>',
  '<sheet name="x" sheetId="__proto__" r:id="__proto__"/>',
  '<Relationship Id="__proto__" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>',
  '<Relationship Id="rId77" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="__proto__"/>',
  '<Override PartName="/__proto__" ContentType="application/xml"/>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
  '&xxe;',
  '<![CDATA[__proto__]]>',
  '<si><t>__proto__</t></si>',
  '<numFmt numFmtId="__proto__" formatCode="0%"/>',
  '<xf numFmtId="9" fontId="99999" fillId="__proto__" borderId="0" xfId="0" applyNumberFormat="1"/>',
  '<legacyDrawing r:id="rId99"/>',
  '<tableParts count="1"><tablePart r:id="__proto__"/></tableParts>',
];

const ATTR_VALUES = ['__proto__', 'constructor', 'prototype', 'toString', '-1', '0', '4294967296', '1e309', 'NaN', '', 'A1:XFD1048576', 'ZZZZ99999999', '../../x', '/xl/../../x'];

function mutateXml(r: Rand, xml: string, probes: string[]): string {
  let x = xml;
  const n = 1 + int(r, 4);
  for (let k = 0; k < n; k++) {
    const op = int(r, 10);
    const matches = (re: RegExp) => [...x.matchAll(re)];
    const replaceAt = (m: RegExpMatchArray, text: string) => (x = x.slice(0, m.index) + text + x.slice(m.index! + m[0].length));
    if (op === 0) {
      const ms = matches(/<v>([^<]*)<\/v>/g);
      if (ms.length) replaceAt(pick(r, ms), `<v>${escapeXml(hostileNumberText(r))}</v>`);
    } else if (op === 1 || op === 2) {
      const ms = matches(/<t(?: [^>]*)?>([^<]*)<\/t>/g);
      if (ms.length) {
        const m = op === 2 ? (ms.find((z) => /Skenario|Scenario|Indikator|Indicator/.test(z[1]!)) ?? pick(r, ms)) : pick(r, ms);
        const t = hostileText(r);
        probes.push(...probesOf(t));
        replaceAt(m, `<t xml:space="preserve">${r() < 0.9 ? escapeXml(t) : t}</t>`);
      }
    } else if (op === 3) {
      // Attribute names start where a letter run starts and are short: a bare `[A-Za-z:]+` retried
      // at every letter of a 300 000-letter hostile text is quadratic (seed 952318690, case 996
      // spent minutes here, between two cases, and the watchdog killed the child).
      const ms = matches(/(?<![A-Za-z:])([A-Za-z:]{1,64})="([^"<]*)"/g);
      if (ms.length) {
        const m = pick(r, ms);
        const v = pick(r, ATTR_VALUES);
        probes.push(...probesOf(v));
        replaceAt(m, `${m[1]}="${v}"`);
      }
    } else if (op === 4) {
      const ms = matches(/<c r="([A-Z]+\d+)"([^>]*?)>(?:<v>([^<]*)<\/v>)?<\/c>/g);
      if (ms.length) {
        const m = pick(r, ms);
        const forms = [
          `<c r="${m[1]}"><f>SUM(A1:A2)</f><v>${m[3] ?? 1}</v></c>`,
          `<c r="${m[1]}"><f>1/0</f></c>`,
          `<c r="${m[1]}" t="e"><f>1/0</f><v>#DIV/0!</v></c>`,
          `<c r="${m[1]}" t="str"><f>A1&amp;"x"</f><v>12,5</v></c>`,
          `<c r="${m[1]}" t="str"><f>A1</f><v></v></c>`,
          `<c r="${m[1]}"><f>WEBSERVICE("http://example.invalid")</f><v>7</v></c>`,
          `<c r="${m[1]}" s="9"><v>0.1232</v></c>`,
        ];
        replaceAt(m, pick(r, forms));
      }
    } else if (op === 5 && x.length > 10) {
      const a = int(r, x.length);
      x = x.slice(0, a) + x.slice(Math.min(x.length, a + 1 + int(r, 200)));
    } else if (op === 6 && x.length > 10) {
      const a = int(r, x.length);
      const piece = x.slice(a, a + 1 + int(r, 400));
      const at = int(r, x.length);
      x = x.slice(0, at) + piece.repeat(1 + int(r, 3)) + x.slice(at);
    } else if (op === 7 || op === 8) {
      const el = pick(r, ELEMENTS);
      probes.push(...probesOf(el));
      const anchors = ['<sheetData', '<sheets>', '</sheets>', '<definedNames>', '</Relationships>', '</Types>', '<sst ', '<cellXfs', '</worksheet>', '</workbook>'];
      const anchor = anchors.find((a) => x.includes(a) && r() < 0.6);
      if (anchor) x = x.replace(anchor, `${el}${anchor}`);
      else {
        const lts = matches(/</g);
        if (lts.length) {
          const m = pick(r, lts.slice(1));
          if (m) x = x.slice(0, m.index) + el + x.slice(m.index);
        }
      }
    } else {
      const ms = matches(/ r="([A-Z]*)(\d+)"/g);
      if (ms.length) {
        const m = pick(r, ms);
        replaceAt(m, ` r="${m[1]}${pick(r, ['0', '1048577', '99999999', '4294967297', '00001', '1'])}"`);
      }
    }
  }
  return x;
}

function flipBytes(r: Rand, bytes: Buffer, count: number, from = 0, to = bytes.length): Buffer {
  const b = Buffer.from(bytes);
  if (to <= from) return b;
  for (let k = 0; k < count; k++) {
    const at = from + int(r, to - from);
    b[at] = r() < 0.5 ? b[at]! ^ (1 << int(r, 8)) : int(r, 256);
  }
  return b;
}

function invalidUtf8(r: Rand, b: Buffer): Buffer {
  const junk = pick(r, [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xfe, 0xff], [0x00]]);
  const at = int(r, b.length + 1);
  return Buffer.concat([b.subarray(0, at), Buffer.from(junk), b.subarray(at)]);
}

// ---------------------------------------------------------------- cached big files

const cache = new Map<string, Buffer>();
function cached(key: string, make: () => Buffer): Buffer {
  let b = cache.get(key);
  if (!b) cache.set(key, (b = make()));
  return b;
}

const CT = '[Content_Types].xml';

function minimalParts(sheet: string | Buffer, extra: Part[] = [], sheetDeclaredSize?: number): Part[] {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
  return [
    { name: CT, data: types },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    { name: 'xl/workbook.xml', data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>' },
    { name: 'xl/_rels/workbook.xml.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>' },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...(sheetDeclaredSize !== undefined ? { declaredSize: sheetDeclaredSize } : {}) },
    ...extra,
  ];
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Indikator</t></is></c><c r="B1" t="inlineStr"><is><t>Satuan</t></is></c><c r="C1"><v>2021</v></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';
const SST_SMALL = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>P0</t></si></sst>';

/** A part of `size` bytes of spaces inside valid XML (compresses about 1000:1). */
function spacesXml(head: string, size: number, tail: string): Buffer {
  const b = Buffer.alloc(size, 0x20);
  b.write(head, 0);
  b.write(tail, size - Buffer.byteLength(tail));
  return b;
}

/** Zip whose central directory lists `copies` entries that all point at one local entry. */
function overlapping(base: Part[], bigName: string, big: Buffer, copies: number, nameOf: (i: number) => string): Buffer {
  const head = zip([...base, { name: bigName, data: big, declaredSize: 100 }]);
  // Re-read the directory and append extra central entries pointing at the big entry's header.
  const eocd = head.length - 22;
  const cdOffset = head.readUInt32LE(eocd + 16);
  const count = head.readUInt16LE(eocd + 10);
  const cd = head.subarray(cdOffset, eocd);
  let p = 0;
  let bigEntry: Buffer | null = null;
  for (let i = 0; i < count; i++) {
    const len = 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    if (cd.toString('utf8', p + 46, p + 46 + cd.readUInt16LE(p + 28)) === bigName) bigEntry = cd.subarray(p, p + len);
    p += len;
  }
  const extra: Buffer[] = [];
  for (let i = 0; i < copies; i++) {
    const name = Buffer.from(nameOf(i));
    const e = Buffer.from(bigEntry!.subarray(0, 46));
    e.writeUInt16LE(name.length, 28);
    e.writeUInt16LE(0, 30);
    e.writeUInt16LE(0, 32);
    extra.push(e, name);
  }
  const newCd = Buffer.concat([cd, ...extra]);
  const end = Buffer.from(head.subarray(eocd));
  end.writeUInt16LE(count + copies, 8);
  end.writeUInt16LE(count + copies, 10);
  end.writeUInt32LE(newCd.length, 12);
  return Buffer.concat([head.subarray(0, cdOffset), newCd, end]);
}

function bomb(r: Rand): { label: string; bytes: Buffer } {
  const variant = int(r, 9);
  switch (variant) {
    case 0:
      return { label: 'bomb/declared-sheet', bytes: cached('b0', () => zip(minimalParts(spacesXml(SHEET_HEAD, 60 << 20, SHEET_TAIL)))) };
    case 1:
      return { label: 'bomb/lying-sheet', bytes: cached('b1', () => zip(minimalParts(spacesXml(SHEET_HEAD, 60 << 20, SHEET_TAIL), [], 1000))) };
    case 2:
      // A lying size on a part the guard used to trust: the shared strings (800 MB of spaces).
      return { label: 'bomb/lying-shared-strings', bytes: cached('b2', () => zip(minimalParts(SHEET_HEAD + SHEET_TAIL, [{ name: 'xl/sharedStrings.xml', data: spacesXml('<?xml version="1.0"?><sst>', 400 << 20, '</sst>'), declaredSize: 500 }]))) };
    case 3:
      return { label: 'bomb/lying-styles', bytes: cached('b3', () => zip(minimalParts(SHEET_HEAD + SHEET_TAIL, [{ name: 'xl/styles.xml', data: spacesXml('<?xml version="1.0"?><styleSheet>', 300 << 20, '</styleSheet>'), declaredSize: 500 }]))) };
    case 4:
      // 900 directory entries sharing one 8 MB-unpacking entry (overlapping-file bomb).
      return { label: 'bomb/overlapping-media', bytes: cached('b4', () => overlapping(minimalParts(SHEET_HEAD + SHEET_TAIL), 'xl/media/image0.png', Buffer.alloc(8 << 20, 0), 900, (i) => `xl/media/image${i + 1}.png`)) };
    case 5:
      return { label: 'bomb/overlapping-sheets', bytes: cached('b5', () => overlapping(minimalParts(SHEET_HEAD + SHEET_TAIL), 'xl/worksheets/sheet2.xml', spacesXml(SHEET_HEAD, 8 << 20, SHEET_TAIL), 900, (i) => `xl/worksheets/sheet${i + 3}.xml`)) };
    case 6:
      return { label: 'bomb/many-parts', bytes: cached('b6', () => zip(minimalParts(SHEET_HEAD + SHEET_TAIL, Array.from({ length: 1001 }, (_, i) => ({ name: `xl/x${i}.xml`, data: '<a/>' }))))) };
    case 7: {
      const b = Buffer.from(cached('b7', () => zip(minimalParts(SHEET_HEAD + SHEET_TAIL))));
      b.writeUInt16LE(0xffff, b.length - 12);
      b.writeUInt16LE(0xffff, b.length - 10);
      return { label: 'bomb/zip64-marker', bytes: b };
    }
    default:
      // A deflate stream of 9 MB that would unpack to about 9 GB, declared as 900 bytes.
      return { label: 'bomb/lying-sheet-9GB', bytes: cached('b8', () => {
        const chunk = zlib.deflateRawSync(Buffer.alloc(64 << 20, 0x20), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
        const body = Buffer.concat([...Array(140).fill(chunk), zlib.deflateRawSync(Buffer.alloc(0))]);
        return rawZip(minimalParts(SHEET_HEAD + SHEET_TAIL).filter((p) => p.name !== 'xl/worksheets/sheet1.xml'), { name: 'xl/worksheets/sheet1.xml', body, declaredSize: 900 });
      }) };
  }
}

/** zip() with one entry given as a ready deflate body. */
function rawZip(parts: Part[], raw: { name: string; body: Buffer; declaredSize: number }): Buffer {
  const base = zip([...parts, { name: raw.name, data: Buffer.from('x') }]);
  const parsed = unzipEntriesRaw(base);
  const last = parsed[parsed.length - 1]!;
  const local = Buffer.from(base.subarray(last.header, last.dataStart));
  local.writeUInt32LE(raw.body.length, 18);
  local.writeUInt32LE(raw.declaredSize, 22);
  const before = base.subarray(0, last.header);
  const eocd = base.length - 22;
  const cdOffset = base.readUInt32LE(eocd + 16);
  const cd = Buffer.from(base.subarray(cdOffset, eocd));
  cd.writeUInt32LE(raw.body.length, last.cdPos + 20);
  cd.writeUInt32LE(raw.declaredSize, last.cdPos + 24);
  const newCdOffset = before.length + local.length + raw.body.length;
  const end = Buffer.from(base.subarray(eocd));
  end.writeUInt32LE(newCdOffset, 16);
  return Buffer.concat([before, local, raw.body, cd, end]);
}

function unzipEntriesRaw(buf: Buffer): { header: number; dataStart: number; cdPos: number }[] {
  const eocd = buf.length - 22;
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const out = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    const h = buf.readUInt32LE(p + 42);
    out.push({ header: h, dataStart: h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28), cdPos: p - cdOffset });
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

function millionRows(r: Rand): { label: string; fileName: string; bytes: Buffer } {
  const rows = (cell: (i: number) => string) => {
    const out: string[] = [SHEET_HEAD];
    for (let i = 2; i <= 1_000_001; i++) out.push(`<row r="${i}">${cell(i)}</row>`);
    out.push(SHEET_TAIL);
    return out.join('');
  };
  switch (int(r, 5)) {
    case 0:
      return { label: 'rows1e6/xlsx-cells', fileName: 'sejuta.xlsx', bytes: cached('r0', () => zip(minimalParts(rows((i) => `<c r="C${i}"><v>1</v></c>`)))) };
    case 1:
      return { label: 'rows1e6/xlsx-empty-rows', fileName: 'sejuta-kosong.xlsx', bytes: cached('r1', () => zip(minimalParts(rows(() => '')))) };
    case 2:
      return { label: 'rows1e6/csv', fileName: 'sejuta.csv', bytes: cached('r2', () => Buffer.from(`Indikator;Satuan;2021\n${'P0;%;1\n'.repeat(1_000_000)}`)) };
    case 3:
      return { label: 'rows1e6/csv-empty-lines', fileName: 'sejuta-baris.csv', bytes: cached('r3', () => Buffer.from(`Indikator;Satuan;2021\n${'\n'.repeat(1_000_000)}`)) };
    default:
      return { label: 'rows1e6/xlsx-styled-rows', fileName: 'sejuta-gaya.xlsx', bytes: cached('r4', () => zip(minimalParts(rows(() => '').replace(/<row r="(\d+)">/g, '<row r="$1" ht="30" customHeight="1">')))) };
  }
}

function generatedCsv(r: Rand): { bytes: Buffer; probes: string[] } {
  const sep = r() < 0.5 ? ';' : ',';
  const years = [2017, 2019, 2021, 2023];
  const lines: string[] = [];
  const probes: string[] = [];
  const head = ['Kode', 'Indikator', 'Satuan', ...years.map(String)];
  if (r() < 0.2) head[int(r, head.length)] = hostileText(r);
  lines.push(head.join(sep));
  const codes = ['P0', 'P1', 'P2', 'JPM', 'TPT', 'IPM', 'GR', 'PE', ...PROTO_KEYS];
  for (let i = 0, n = 1 + int(r, 30); i < n; i++) {
    const row = [pick(r, codes), r() < 0.3 ? hostileText(r) : '', pick(r, ['%', 'jiwa', 'indeks', '', '__proto__'])];
    for (const _ of years) row.push(r() < 0.5 ? String(Math.round(r() * 200000) / 100).replace('.', r() < 0.5 ? ',' : '.') : hostileText(r));
    for (const f of row) probes.push(...probesOf(f));
    const q = (f: string) => (r() < 0.3 || f.includes(sep) || f.includes('\n') ? `"${f.replace(/"/g, r() < 0.9 ? '""' : '"')}"` : f);
    lines.push(row.map(q).join(sep));
  }
  const eol = pick(r, ['\n', '\r\n', '\r']);
  let text = lines.join(eol);
  if (r() < 0.2) text = `\ufeff${text}`;
  if (r() < 0.1) text = `${text}"unterminated${sep}1`;
  let bytes: Buffer = Buffer.from(text, 'utf8');
  if (r() < 0.15) bytes = invalidUtf8(r, bytes);
  return { bytes, probes };
}

const SERIES: ImportSeries[] = ['realisation', 'original_target', 'baseline', 'projection'];
const WRONG_EXT = ['.csv', '.txt', '.xls', '.xlsm', '.xlsb', '.json', '.rpjmd', '', '.XLSX', '.xlsx.exe', '.CSV', '.ods', '.xltm'];

function withExt(name: string, ext: string): string {
  return name.replace(/\.[^.]+$/, '') + ext;
}

/** Case `index` of the run with `seed`: about one in five opens a workbook file. */
export function makeCase(seed: number, index: number, corpus: Corpus): FuzzCase {
  const r = caseRand(seed, index);
  const roll = r();
  if (roll < 0.015 && corpus.crafted.length) {
    const c = pick(r, corpus.crafted);
    return { kind: 'store', label: `store/crafted-${c.label}`, bytes: c.bytes, mustRefuse: true };
  }
  if (roll < 0.2) return storeCase(r, corpus.workbook);
  const series = r() < 0.8 ? 'realisation' : pick(r, SERIES);
  const xlsx = pick(r, corpus.xlsx);
  const csv = pick(r, corpus.csv);
  const probes = ['polluted'];
  const kind = int(r, 100);
  if (kind < 30) {
    const parts = unzipParts(xlsx.bytes);
    const weights = parts.map((p) => (/worksheets\//.test(p.name) ? 6 : /sharedStrings/.test(p.name) ? 5 : /workbook\.xml$/.test(p.name) ? 3 : 1));
    const times = 1 + int(r, 3);
    for (let t = 0; t < times; t++) {
      let w = r() * weights.reduce((a, b) => a + b, 0);
      let at = 0;
      while ((w -= weights[at]!) > 0) at++;
      const part = parts[at]!;
      let data: Buffer = Buffer.from(mutateXml(r, part.data.toString(), probes), 'utf8');
      if (r() < 0.1) data = invalidUtf8(r, data);
      parts[at] = { name: part.name, data };
    }
    return { kind: 'import', label: 'xlsx/xml-mutation', fileName: xlsx.name, bytes: zip(parts), series, probes };
  }
  if (kind < 42) return { kind: 'import', label: 'xlsx/byte-flips', fileName: xlsx.name, bytes: flipBytes(r, xlsx.bytes, 1 + int(r, 20)), series, probes };
  if (kind < 50) {
    const src = r() < 0.7 ? xlsx : csv;
    return { kind: 'import', label: `${src.name.endsWith('.csv') ? 'csv' : 'xlsx'}/truncated`, fileName: src.name, bytes: src.bytes.subarray(0, int(r, src.bytes.length)), series, probes };
  }
  if (kind < 55) {
    const parts = unzipParts(xlsx.bytes);
    const drop = int(r, parts.length);
    return { kind: 'import', label: `xlsx/missing-part`, fileName: xlsx.name, bytes: zip(parts.filter((_, i) => i !== drop)), series, probes };
  }
  if (kind < 63) {
    const src = pick(r, [...corpus.xlsx, ...corpus.csv, { name: 'x.rpjmd', bytes: corpus.workbook.subarray(0, 65536) }, { name: 'acak.bin', bytes: flipBytes(r, Buffer.alloc(2048), 2048) }]);
    const ext = pick(r, WRONG_EXT);
    const macro = ['.xls', '.xlsm', '.xlsb', '.xltm'].includes(ext);
    return { kind: 'import', label: `wrong-extension/${ext || '(none)'}`, fileName: withExt(src.name, ext), bytes: src.bytes, series, probes, ...(macro || ['.json', '.rpjmd', '', '.xlsx.exe', '.ods'].includes(ext) ? { mustRefuse: true } : {}) };
  }
  if (kind < 71) {
    const g = generatedCsv(r);
    return { kind: 'import', label: 'csv/generated', fileName: 'data.csv', bytes: g.bytes, series, probes: [...probes, ...g.probes] };
  }
  if (kind < 77) {
    const text = csv.bytes.toString('utf8');
    const lines = text.split('\n');
    const li = 1 + int(r, Math.max(1, lines.length - 1));
    const fields = (lines[li] ?? '').split(/[;,]/);
    const t = hostileText(r);
    probes.push(...probesOf(t));
    fields[int(r, fields.length)] = t.includes(';') || t.includes(',') || t.includes('\n') ? `"${t.replace(/"/g, '""')}"` : t;
    lines[li] = fields.join(text.includes(';') ? ';' : ',');
    let bytes: Buffer = Buffer.from(lines.join('\n'));
    if (r() < 0.3) bytes = invalidUtf8(r, bytes);
    return { kind: 'import', label: 'csv/hostile-cell', fileName: csv.name, bytes, series, probes };
  }
  if (kind < 81) return { kind: 'import', label: 'csv/byte-flips', fileName: csv.name, bytes: flipBytes(r, csv.bytes, 1 + int(r, 10)), series, probes };
  if (kind < 86) {
    const b = bomb(r);
    return { kind: 'import', label: b.label, fileName: 'bom.xlsx', bytes: b.bytes, series, probes, mustRefuse: true };
  }
  if (kind < 90) {
    const m = millionRows(r);
    return { kind: 'import', label: m.label, fileName: m.fileName, bytes: m.bytes, series, probes, mustRefuse: true };
  }
  if (kind < 95) {
    // A hostile element straight into a minimal sheet (each gets seen often, not only by luck).
    const el = pick(r, ELEMENTS);
    probes.push(...probesOf(el));
    const sheet = `${SHEET_HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>P0</t></is></c><c r="B2" t="inlineStr"><is><t>%</t></is></c><c r="C2"><v>12.5</v></c></row>${SHEET_TAIL}`;
    const parts = minimalParts(sheet, [{ name: 'xl/sharedStrings.xml', data: SST_SMALL }]);
    const target = pick(r, ['xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', CT, 'xl/sharedStrings.xml']);
    const i = parts.findIndex((p) => p.name === target);
    const xml = parts[i]!.data.toString();
    const anchor = ['<sheetData', '</sheets>', '</Relationships>', '</Types>', '</sst>'].find((a) => xml.includes(a))!;
    let data = xml.replace(anchor, `${el}${anchor}`);
    if (target === 'xl/workbook.xml' && el.startsWith('<sheet ')) data = xml.replace('</sheets>', `${el}</sheets>`);
    if (target === 'xl/workbook.xml' && el.startsWith('<definedNames')) data = xml.replace('</workbook>', `${el}</workbook>`);
    parts[i] = { name: target, data };
    return { kind: 'import', label: 'xlsx/hostile-element', fileName: 'elemen.xlsx', bytes: zip(parts), series, probes };
  }
  // Random bytes, empty files, text with NULs, under every extension.
  const bytes = pick(r, [Buffer.alloc(0), Buffer.from('PK\u0003\u0004'), Buffer.from('PK\u0005\u0006'.padEnd(22, '\u0000')), flipBytes(r, Buffer.alloc(1 + int(r, 5000)), 5000), Buffer.from('Indikator;Satuan;2021\u0000\nP0;%;1\n')]);
  return { kind: 'import', label: 'random-bytes', fileName: `acak${pick(r, ['.xlsx', '.csv', '.txt'])}`, bytes, series, probes };
}

function storeCase(r: Rand, wb: Buffer): StoreCase {
  const pageSize = wb.readUInt16BE(16) === 1 ? 65536 : wb.readUInt16BE(16);
  const pages = Math.floor(wb.length / pageSize);
  const v = int(r, 12);
  const b = Buffer.from(wb);
  switch (v) {
    case 0: return { kind: 'store', label: 'store/flips-anywhere', bytes: flipBytes(r, wb, 1 + int(r, 50)) };
    case 1: return { kind: 'store', label: 'store/flips-header', bytes: flipBytes(r, wb, 1 + int(r, 4), 0, 100) };
    case 2: return { kind: 'store', label: 'store/flips-page1', bytes: flipBytes(r, wb, 1 + int(r, 8), 100, pageSize) };
    case 3: return { kind: 'store', label: 'store/truncated', bytes: wb.subarray(0, int(r, wb.length)) };
    case 4: return { kind: 'store', label: 'store/truncated-page', bytes: wb.subarray(0, pageSize * int(r, pages)) };
    case 5: {
      const p = 1 + int(r, pages - 1);
      b.fill(r() < 0.5 ? 0 : 0xff, p * pageSize, (p + 1) * pageSize);
      return { kind: 'store', label: 'store/page-wiped', bytes: b };
    }
    case 6: {
      const p = 1 + int(r, pages - 1);
      const q = 1 + int(r, pages - 1);
      const tmp = Buffer.from(b.subarray(p * pageSize, (p + 1) * pageSize));
      b.copy(b, p * pageSize, q * pageSize, (q + 1) * pageSize);
      tmp.copy(b, q * pageSize);
      return { kind: 'store', label: 'store/pages-swapped', bytes: b };
    }
    case 7: {
      const field = pick(r, [[68, 'application_id'], [60, 'user_version'], [28, 'page_count'], [36, 'freelist'], [40, 'schema_cookie'], [44, 'schema_format'], [56, 'text_encoding']] as const);
      b.writeUInt32BE(pick(r, [0, 1, 2, 3, 0x7fffffff, 0xffffffff, int(r, 2 ** 32)]), field[0]);
      return { kind: 'store', label: `store/header-${field[1]}`, bytes: b };
    }
    case 8: {
      b.writeUInt16BE(pick(r, [0, 1, 3, 511, 1024, 8192, 0xffff]), 16);
      if (r() < 0.5) b[18] = pick(r, [0, 2, 3, 255]);
      if (r() < 0.5) b[20] = int(r, 256);
      return { kind: 'store', label: 'store/header-geometry', bytes: b };
    }
    case 9: return { kind: 'store', label: 'store/garbage-appended', bytes: Buffer.concat([wb, flipBytes(r, Buffer.alloc(1 + int(r, pageSize * 2)), 4096)]) };
    case 10: return { kind: 'store', label: 'store/random-bytes', bytes: Buffer.concat([wb.subarray(0, 100 * int(r, 2)), flipBytes(r, Buffer.alloc(int(r, 8192)), 8192)]) };
    default: {
      // Flip bytes in the schema table's SQL text (page 1 holds sqlite_schema).
      const page1 = b.subarray(0, pageSize);
      const at = page1.indexOf('CREATE TABLE', 100 + int(r, pageSize - 200));
      if (at > 0) for (let k = 0; k < 1 + int(r, 3); k++) b[at + int(r, 60)] = pick(r, [0x20, 0x28, 0x29, 0x27, 0x00, 0x41 + int(r, 26)]);
      return { kind: 'store', label: 'store/schema-sql', bytes: b };
    }
  }
}
