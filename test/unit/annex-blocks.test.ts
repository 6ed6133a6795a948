/**
 * A section drawn as blocks (document.ts DocBlock: tables on the sheet's grid, lines of text) by
 * both renderers: the xlsx writes them in order with no header rows repeated or frozen, and never
 * ends a page with a heading whose first line is on the next; the PDF draws the same words, the
 * heading kept with its first line.
 */
import { describe, expect, it } from 'vitest';
import type { AnnexDocument, DocCell, DocCellStyle, DocSection } from '../../electron/annex/document.js';
import { pdfDefinition } from '../../electron/annex/pdf.js';
import { PAGE_ROW_POINTS } from '../../electron/annex/sheet-style.js';
import { renderXlsx } from '../../electron/annex/xlsx.js';

const t = (text: string, extra: { colSpan?: number; style?: DocCellStyle } = {}): DocCell => ({ kind: 'text', text, ...extra });
/** exceljs keeps the manual page breaks (Row.addPageBreak) in a field its types leave out. */
const breaksOf = (ws: object): number[] => (ws as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id);
const columns = Array.from({ length: 4 }, () => ({ width: 30 }));

/** A table of `rows` one-line rows, then a heading with two lines of text. */
function section(rows: number): DocSection {
  return {
    sheet: 'Blok',
    headerBlock: [],
    titles: ['BLOK'],
    table: { columns, header: [], body: [] },
    blocks: [
      {
        kind: 'table',
        table: {
          columns,
          header: [[t('A  Judul tabel', { colSpan: 4, style: { bold: true, fill: 'group' } })], ['Tahun', 'Nilai', 'Catatan', 'Lain'].map((h) => t(h, { style: { bold: true, fill: 'header' } }))],
          body: Array.from({ length: rows }, (_, i) => [t(String(2000 + i)), { kind: 'number', value: i + 0.5, decimals: 2 }, t('x'), t('y')]),
        },
      },
      { kind: 'lines', heading: 'Yang belum dapat dihitung:', lines: ['(1) Galat — P1 2020, realisasi: isi P1.', '(2) Info — P2 2020, realisasi: isi P2.'] },
    ],
    notes: [],
    footer: 'Blok — uji',
  };
}

const doc = (s: DocSection): AnnexDocument => ({ language: 'id', paper: 'A4', title: 'Uji', sections: [s] });

function rowOfText(ws: ReturnType<ReturnType<typeof renderXlsx>['getWorksheet']>, text: string): number {
  let found = 0;
  ws!.eachRow((row, r) => {
    if (!found && row.getCell(1).value === text) found = r;
  });
  return found;
}

describe('annex section as blocks', () => {
  it('xlsx: the table, then the heading and its lines across the grid; no print titles, no frozen rows', () => {
    const ws = renderXlsx(doc(section(3)), { date: '2021-08-23', subject: 'uji' }).getWorksheet('Blok')!;
    const caption = rowOfText(ws, 'A  Judul tabel');
    expect(ws.getCell(caption + 1, 1).value).toBe('Tahun');
    expect(ws.getCell(caption + 2, 2).value).toBe(0.5);
    const heading = rowOfText(ws, 'Yang belum dapat dihitung:');
    // After the table's three rows and an 8-point gap row.
    expect(heading).toBe(caption + 2 + 3 + 1);
    expect(ws.getCell(heading, 1).font?.bold).toBe(true);
    expect(ws.getCell(heading + 1, 1).value).toBe('(1) Galat — P1 2020, realisasi: isi P1.');
    // The lines run across the whole grid (merged A:D).
    expect(ws.getCell(heading + 1, 4).isMerged).toBe(true);
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    expect(ws.views).toEqual([]);
    expect(breaksOf(ws)).toEqual([]);
  });

  it('xlsx: a heading that would end a page goes to the next with its first line', () => {
    // Find a table length that leaves room for the heading but not its first line: the break then
    // falls right before the heading.
    let tried = 0;
    for (let rows = 20; rows < 60; rows++) {
      const ws = renderXlsx(doc(section(rows)), { date: '2021-08-23', subject: 'uji' }).getWorksheet('Blok')!;
      const heading = rowOfText(ws, 'Yang belum dapat dihitung:');
      let used = 0;
      for (let r = 1; r < heading; r++) used += ws.getRow(r).height ?? 15;
      const h = ws.getRow(heading).height!;
      const first = ws.getRow(heading + 1).height!;
      if (used + h <= PAGE_ROW_POINTS.A4 && used + h + first > PAGE_ROW_POINTS.A4) {
        tried++;
        const breaks = breaksOf(ws);
        // exceljs records a break after row id: the heading starts the next page.
        expect(breaks).toContain(heading - 1);
        expect(breaks).not.toContain(heading);
      }
    }
    expect(tried).toBeGreaterThan(0);
  });

  it('PDF: the same words in order, the heading unbreakable with its first line', () => {
    const def = pdfDefinition(doc(section(3)));
    const json = JSON.stringify(def.content);
    const order = ['A  Judul tabel', 'Tahun', '2000', 'Yang belum dapat dihitung:', '(1) Galat — P1 2020', '(2) Info — P2 2020'].map((w) => json.indexOf(w));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    const body = (def.content as { section: unknown[] }[])[0]!.section as Record<string, unknown>[];
    const kept = body.find((c) => c.unbreakable === true) as { stack: { text: string }[] } | undefined;
    expect(kept?.stack.map((s) => s.text)).toEqual(['Yang belum dapat dihitung:', '(1) Galat — P1 2020, realisasi: isi P1.']);
  });
});
