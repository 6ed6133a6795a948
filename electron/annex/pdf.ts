/**
 * The annex as a PDF: the second renderer of the one AnnexDocument (document.ts; the first is the
 * xlsx). pdfmake lays it out in plain JavaScript, so the desktop app, the browser host and the CLI
 * write the same file with no office suite on the planner's machine.
 *
 *  - Each DocSection is a pdfmake `section`: it starts a new page, landscape A4 (841,89 × 595,28
 *    pt) or F4 (215 × 330 mm = 935,43 × 609,45 pt), with its own footer "Lampiran I — … |
 *    Halaman n dari m" numbered within the section (see sectionPages).
 *  - The header block sits at the top right of the section's first page, the titles centred
 *    above the table, the notes and the signature block under it.
 *  - Table columns take the document's widths (character units) scaled to the printable width;
 *    header rows repeat on every page; colSpan/rowSpan as in the document. A table too wide for
 *    legible type is split by width into column groups, each on its own pages with the
 *    document's repeatColumns (No, Indikator…) at the left, as a spreadsheet prints.
 *  - Body type never below DOC_MIN_PT; numbers are printed as the annex language writes them
 *    (id: 12,60 and 79.270 through formatNumber; en: 12.60 and 79,270), "*" for angka sementara.
 *  - Deterministic: the creation date is the annex date, pdfkit's font subset tags and file ID
 *    derive from the content, so the same document gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { AnnexLanguage, AnnexPaper } from '../../shared/annex.js';
import { formatNumber } from '../../shared/format/number.js';
import { writeAnnexFile } from './annex-file.js';
import type { AnnexDocument, DocCell, DocCellStyle, DocFill, DocNote, DocSection, DocTable } from './document.js';
import { DOC_BODY_PT, DOC_MIN_PT } from './document.js';
import { fontsDir, PDF_FONT_FAMILY, pdfFontFaces } from './fonts.js';
import { COLORS } from './sheet-style.js';

/** Landscape page sizes in points: A4 297 × 210 mm; F4 (Indonesian folio) 330 × 215 mm. */
export const PDF_PAGE: Record<AnnexPaper, { width: number; height: number }> = {
  A4: { width: 841.89, height: 595.28 },
  F4: { width: (330 / 25.4) * 72, height: (215 / 25.4) * 72 },
};

/** Page margins [left, top, right, bottom] in points: 1,5 cm at the sides, room for the footer below. */
const MARGINS: [number, number, number, number] = [42, 34, 42, 42];
/** Cell padding left and right, and the rule between cells. */
const CELL_PAD_X = 2;
const RULE = 0.5;
/**
 * The narrowest a character unit of a column may become (points per unit) before a table is split
 * by width: about the mean advance of DejaVu Sans Condensed at the body size, so a column keeps
 * roughly the characters the document gave it.
 */
const MIN_PT_PER_UNIT = DOC_BODY_PT * 0.45;

const PAGE_WORDS: Record<AnnexLanguage, (n: number, m: number) => string> = {
  id: (n, m) => `Halaman ${n} dari ${m}`,
  en: (n, m) => `Page ${n} of ${m}`,
};

/** ARGB (sheet-style.ts COLORS, shared with the xlsx) → #RRGGBB. */
const FILL: Record<DocFill, string> = {
  header: `#${COLORS.header.slice(2)}`,
  group: `#${COLORS.group.slice(2)}`,
  changed: `#${COLORS.changed.slice(2)}`,
  illustrative: `#${COLORS.illustrative.slice(2)}`,
  error: `#${COLORS.error.slice(2)}`,
  warning: `#${COLORS.warning.slice(2)}`,
};

const enFormats = new Map<number, Intl.NumberFormat>();

/** A number as the annex language writes it: id-ID through the app's one formatter, en with a decimal point. */
export function pdfNumber(value: number, decimals: number, lang: AnnexLanguage): string {
  if (lang === 'id') return formatNumber(value, decimals);
  const d = Math.min(6, Math.max(0, Math.trunc(decimals)));
  let f = enFormats.get(d);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: true, signDisplay: 'negative' });
    enFormats.set(d, f);
  }
  return Number.isFinite(value) ? f.format(value) : '';
}

/** The text a cell prints. */
export function cellText(cell: DocCell, lang: AnnexLanguage): string {
  if (cell.kind === 'text') return cell.text;
  if (cell.kind === 'number') return `${pdfNumber(cell.value, cell.decimals, lang)}${cell.provisional ? '*' : ''}`;
  return '';
}

/**
 * Table type is drawn at the scale the xlsx prints at (90 %, gather.ts PAGE_UNITS), so a column
 * holds the characters the document gave it: 9 pt body → 8,1 pt; never below DOC_MIN_PT.
 */
const TYPE_SCALE = 0.9;
const size = (s: DocCellStyle | undefined): number => Math.max(DOC_MIN_PT, Math.round((s?.size ?? DOC_BODY_PT) * TYPE_SCALE * 10) / 10);

function styled(text: string, style: DocCellStyle | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { text, fontSize: size(style) };
  if (style?.bold) out.bold = true;
  if (style?.italic) out.italics = true;
  if (style?.underline) out.decoration = 'underline';
  if (style?.align) out.alignment = style.align;
  return out;
}

/** A document cell as a pdfmake table cell (spans set by the caller). */
function pdfCell(cell: DocCell, lang: AnnexLanguage): Record<string, unknown> {
  const style = cell.style;
  const out = styled(cellText(cell, lang), { ...(cell.kind === 'number' ? { align: 'right' as const } : {}), ...style });
  if (style?.fill) out.fillColor = FILL[style.fill];
  if (style?.valign) out.verticalAlignment = style.valign;
  return out;
}

/** A cell at its place in the table's grid: `col` counts the columns that rowSpans from above occupy. */
interface Placed {
  row: number;
  col: number;
  cell: DocCell;
  colSpan: number;
  rowSpan: number;
}

/**
 * Places every cell of `rows` on the column grid (cells omitted under a colSpan or a rowSpan from
 * above take no entry in their row, as document.ts says).
 */
export function placeCells(rows: DocCell[][], columns: number): Placed[] {
  const taken: boolean[][] = rows.map(() => new Array<boolean>(columns).fill(false));
  const placed: Placed[] = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < columns && taken[r]![c]) c++;
      if (c >= columns) break;
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, columns - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) taken[rr]![cc] = true;
      placed.push({ row: r, col: c, cell, colSpan, rowSpan });
      c += colSpan;
    }
  });
  return placed;
}

/**
 * The column groups a table prints in: all columns when they fit at MIN_PT_PER_UNIT, else runs of
 * columns that do, each led by the `repeat` columns. A group ends where no header cell spans
 * across the boundary when such a place exists (a year's Semula | Menjadi stay together).
 */
export function columnGroups(widths: number[], repeat: number, printable: number, header: Placed[]): number[][] {
  const total = widths.reduce((a, b) => a + b, 0);
  const cost = (units: number, count: number) => units * MIN_PT_PER_UNIT + count * (2 * CELL_PAD_X + RULE);
  if (cost(total, widths.length) <= printable || widths.length <= repeat + 1) return [widths.map((_, i) => i)];
  const lead = Array.from({ length: Math.min(repeat, widths.length - 1) }, (_, i) => i);
  const leadUnits = lead.reduce((a, i) => a + widths[i]!, 0);
  const crosses = (boundary: number) => header.some((p) => p.col < boundary && p.col + p.colSpan > boundary);
  const groups: number[][] = [];
  let start = lead.length;
  while (start < widths.length) {
    let end = start;
    let units = leadUnits;
    while (end < widths.length && cost(units + widths[end]!, lead.length + end - start + 1) <= printable) units += widths[end++]!;
    if (end === start) end = start + 1; // one column wider than the page: alone, scaled down
    if (end < widths.length) {
      let clean = end;
      while (clean > start + 1 && crosses(clean)) clean--;
      if (!crosses(clean)) end = clean;
    }
    groups.push([...lead, ...Array.from({ length: end - start }, (_, i) => start + i)]);
    start = end;
  }
  return groups;
}

/** The rows of one column group as pdfmake rows: each row has exactly one entry per column, spans clipped to the group. */
function groupRows(placed: Placed[], rowCount: number, group: number[], lang: AnnexLanguage): TableCell[][] {
  const index = new Map(group.map((col, i) => [col, i]));
  const rows: TableCell[][] = Array.from({ length: rowCount }, () => group.map(() => ({ text: '' }) as TableCell));
  for (const p of placed) {
    const cols: number[] = [];
    for (let c = p.col; c < p.col + p.colSpan; c++) if (index.has(c)) cols.push(index.get(c)!);
    if (cols.length === 0) continue;
    const cell = pdfCell(p.cell, lang);
    if (cols.length > 1) cell.colSpan = cols.length;
    if (p.rowSpan > 1) cell.rowSpan = p.rowSpan;
    rows[p.row]![cols[0]!] = cell as TableCell;
  }
  return rows;
}

/** The section's table (one per column group) at the printable width. */
function tables(table: DocTable, printable: number, lang: AnnexLanguage): ContentTable[] {
  const n = table.columns.length;
  if (n === 0) return [];
  const widths = table.columns.map((c) => Math.max(1, c.width));
  const all = [...table.header, ...table.body];
  const placed = placeCells(all, n);
  const headerPlaced = placed.filter((p) => p.row < table.header.length);
  const groups = columnGroups(widths, table.repeatColumns ?? 0, printable, headerPlaced);
  return groups.map((group, gi) => {
    const units = group.reduce((a, c) => a + widths[c]!, 0);
    const content = printable - group.length * 2 * CELL_PAD_X - (group.length + 1) * RULE;
    return {
      table: {
        headerRows: table.header.length,
        // A header never ends a page without a body row under it.
        keepWithHeaderRows: table.body.length > 0 ? 1 : 0,
        widths: group.map((c) => Math.max(4, (content * widths[c]!) / units)),
        body: groupRows(placed, all.length, group, lang),
      },
      layout: {
        hLineWidth: () => RULE,
        vLineWidth: () => RULE,
        paddingLeft: () => CELL_PAD_X,
        paddingRight: () => CELL_PAD_X,
        paddingTop: () => 1.5,
        paddingBottom: () => 1.5,
      },
      ...(gi > 0 ? { pageBreak: 'before' as const } : {}),
    } as ContentTable;
  });
}

/** The legend lines, each with its swatch cell (the fill or type it explains) when it has one. */
function notesContent(section: DocSection, lang: AnnexLanguage): Content[] {
  const details: DocNote[] = section.noteDetails && section.noteDetails.length === section.notes.length ? section.noteDetails : section.notes.map((text) => ({ text }));
  if (details.length === 0) return [];
  const anySwatch = details.some((d) => d.swatch);
  return [
    {
      margin: [0, 8, 0, 0],
      table: {
        widths: anySwatch ? [28, '*'] : ['*'],
        dontBreakRows: true,
        body: details.map((d) => {
          const line = { text: d.text, fontSize: DOC_MIN_PT, italics: true };
          if (!anySwatch) return [line];
          const sw = d.swatch;
          const swatch = sw ? { ...pdfCell({ kind: 'text', text: sw.text, style: { size: DOC_MIN_PT, align: 'center', ...sw.style } }, lang) } : { text: '' };
          return [swatch, line];
        }),
      },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: () => 2,
        paddingRight: () => 4,
        paddingTop: () => 1,
        paddingBottom: () => 1,
      },
    } as Content,
  ];
}

function signatureContent(section: DocSection): Content[] {
  const s = section.signature;
  if (!s) return [];
  return [
    {
      margin: [0, 14, 0, 0],
      unbreakable: true,
      columns: [
        { width: '*', text: '' },
        {
          width: 250,
          stack: [
            { text: s.placeAndDate, fontSize: 10, alignment: 'center' },
            { text: s.title, fontSize: 10, bold: true, alignment: 'center' },
            { text: ' ', fontSize: 10, margin: [0, 0, 0, 36] },
            { text: s.name, fontSize: 10, bold: true, decoration: 'underline', alignment: 'center' },
            { text: s.nipLine, fontSize: 10, alignment: 'center' },
          ],
        },
      ],
    } as Content,
  ];
}

/**
 * Per-section page numbering. pdfmake calls a page's header for every page before any footer
 * (LayoutBuilder.addHeadersAndFooters), with the global page number; each section's header (which
 * prints nothing) records its pages, so its footer knows the section's first page and count.
 */
class SectionPages {
  private readonly pages = new Map<number, Set<number>>();

  record(section: number, page: number): void {
    let set = this.pages.get(section);
    if (!set) this.pages.set(section, (set = new Set()));
    set.add(page);
  }

  /** [n, m]: the page's number within its section and the section's page count. */
  of(section: number, page: number): [number, number] {
    const set = this.pages.get(section);
    if (!set || !set.has(page)) return [page, page];
    return [page - Math.min(...set) + 1, set.size];
  }
}

function sectionContent(section: DocSection, index: number, doc: AnnexDocument, numbering: SectionPages): Content {
  const page = PDF_PAGE[doc.paper];
  const printable = page.width - MARGINS[0] - MARGINS[2];
  const lang = doc.language;
  const body: Content[] = [];
  if (section.headerBlock.length > 0) {
    body.push({
      columns: [
        { width: '*', text: '' },
        { width: Math.min(330, printable * 0.45), stack: section.headerBlock.map((line) => ({ text: line, fontSize: 9 })) },
      ],
      margin: [0, 0, 0, 8],
    } as Content);
  }
  section.titles.forEach((title, i) => {
    body.push({
      text: title,
      alignment: 'center',
      bold: i < 2,
      fontSize: i === 0 ? 12 : i === 1 ? 11 : 10,
      margin: [0, 0, 0, i === section.titles.length - 1 ? 8 : 1],
      ...(i === 0 ? { outline: true, outlineText: section.sheet } : {}),
    } as Content);
  });
  for (const line of section.intro ?? []) body.push({ text: line, italics: true, fontSize: DOC_BODY_PT, margin: [0, 0, 0, 4] } as Content);
  if (section.blocks) {
    section.blocks.forEach((b, k) => {
      if (b.kind === 'table') {
        const parts = tables(b.table, printable, lang);
        if (k > 0 && parts[0]) (parts[0] as { margin?: number[] }).margin = [0, 8, 0, 0];
        body.push(...parts);
      } else {
        const top = k > 0 ? 8 : 0;
        const lines: Content[] = b.lines.map((text) => ({ text, fontSize: DOC_BODY_PT, bold: b.style?.bold ?? false, italics: b.style?.italic ?? false, margin: [0, 0, 0, 2] }) as Content);
        if (b.heading !== undefined) {
          // The heading never ends a page without its first line.
          const heading = { text: b.heading, fontSize: DOC_BODY_PT, bold: true, margin: [0, 0, 0, 4] } as Content;
          body.push({ unbreakable: true, stack: [heading, ...lines.slice(0, 1)], margin: [0, top, 0, 0] } as Content, ...lines.slice(1));
        } else {
          if (lines[0]) (lines[0] as { margin: number[] }).margin = [0, top, 0, 2];
          body.push(...lines);
        }
      }
    });
  } else {
    body.push(...tables(section.table, printable, lang));
  }
  body.push(...notesContent(section, lang));
  body.push(...signatureContent(section));
  return {
    section: body,
    pageSize: { width: page.width, height: page.height },
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    header: (currentPage: number) => {
      numbering.record(index, currentPage);
      return null;
    },
    footer: (currentPage: number) => {
      const [n, m] = numbering.of(index, currentPage);
      return {
        margin: [MARGINS[0], 14, MARGINS[2], 0],
        columns: [
          { text: section.footer, fontSize: DOC_MIN_PT, width: '*' },
          { text: PAGE_WORDS[lang](n, m), fontSize: DOC_MIN_PT, width: 'auto', alignment: 'right' },
        ],
      };
    },
  } as unknown as Content;
}

/** The pdfmake document definition of an annex (exported for tests). */
export function pdfDefinition(doc: AnnexDocument, options: { date?: string } = {}): TDocumentDefinitions {
  const numbering = new SectionPages();
  const stamp = options.date && /^\d{4}-\d{2}-\d{2}$/.test(options.date) ? new Date(`${options.date}T00:00:00Z`) : new Date(0);
  return {
    info: {
      title: doc.title,
      author: 'RPJMD Workbench',
      creator: PDF_CREATOR,
      producer: 'RPJMD Workbench (pdfmake)',
      creationDate: stamp,
    },
    pageSize: PDF_PAGE[doc.paper],
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: DOC_BODY_PT, lineHeight: 1.05 },
    content: doc.sections.map((s, i) => sectionContent(s, i, doc, numbering)),
  } as TDocumentDefinitions;
}

/** What the Creator entry of an annex PDF says: isOurPdf looks for it before replacing a file. */
export const PDF_CREATOR = 'RPJMD Workbench';

type PdfMake = typeof import('pdfmake');
let loaded: Promise<PdfMake> | null = null;

/**
 * pdfmake, loaded on the first PDF (pdfkit and fontkit take about half a second to load: the CLI,
 * the browser host and the store worker do not pay it at start) and set up once.
 */
function pdfmake(): Promise<PdfMake> {
  loaded ??= import('pdfmake').then((m) => {
    const lib = ((m as { default?: PdfMake }).default ?? m) as PdfMake;
    const faces = pdfFontFaces();
    const dir = fontsDir();
    lib.setFonts({ [PDF_FONT_FAMILY]: faces });
    // The annex fetches nothing: no URL, and no local file but the font.
    lib.setUrlAccessPolicy(() => false);
    lib.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(dir + path.sep));
    return lib;
  });
  loaded.catch(() => (loaded = null)); // a font missing now may be there on the next try
  return loaded;
}

/** Renders the annex document to PDF bytes. `date` (YYYY-MM-DD, the annex date) becomes the creation date. */
export async function renderPdf(doc: AnnexDocument, options: { date?: string } = {}): Promise<Buffer> {
  const pdf = (await pdfmake()).createPdf(pdfDefinition(doc, options));
  return Buffer.from(await pdf.getBuffer());
}

/** A file larger than this is never taken for one of our PDFs (the annex of a province is a few MB). */
const OUR_PDF_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Whether `file` is a PDF this app wrote: its Info dictionary names RPJMD Workbench as the creator
 * (pdfkit writes the entry as a reference to a string object, somewhere in the file).
 */
export function isOurPdf(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > OUR_PDF_MAX_BYTES) return false;
    const text = fs.readFileSync(file).toString('latin1');
    if (!text.startsWith('%PDF-')) return false;
    if (text.includes(`/Creator (${PDF_CREATOR})`)) return true;
    for (const m of text.matchAll(/\/Creator (\d+) 0 R/g)) {
      if (new RegExp(`(^|[\\r\\n])${m[1]} 0 obj\\s*\\(${PDF_CREATOR}\\)\\s*endobj`).test(text)) return true;
    }
    return false;
  } catch {
    return false;
  }
}

/**
 * Writes annex PDF bytes to `target` (.pdf) as writeAnnex writes the xlsx: into a temp file beside
 * it, fsynced, then renamed; refuses to overwrite unless asked, replaces only a PDF this app wrote,
 * and never writes over the open workbook.
 */
export async function writePdfFile(bytes: () => Promise<Buffer>, target: string, workbookPath: string, overwrite = false): Promise<{ path: string; bytes: number }> {
  const written = await writeAnnexFile({ target, extension: '.pdf', kind: 'The PDF annex', workbookPath, overwrite, isOurs: isOurPdf }, async () => ({ buffer: await bytes() }));
  return { path: written.path, bytes: written.bytes };
}
