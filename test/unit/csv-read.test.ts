/**
 * The CSV reader cuts fields from the text in runs and decodes Windows-1252 by table (both were
 * character-at-a-time, which a hostile file made take seconds). What a planner relies on: the
 * same fields as Excel writes them — quoted separators, doubled quotes, line breaks inside
 * quotes, CRLF — and the same characters from an "ANSI" CSV. The earlier char-by-char parser is
 * kept here as the oracle for a property test over random CSV-ish text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252, readCsv } from '../../electron/annex/grid.js';

/** The earlier parser, character at a time (the reference). */
function oracle(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** readCsv's grid back as rows of field texts (blank fields are not kept as cells). */
function fields(text: string): Map<number, Map<number, string>> {
  const [g] = readCsv(Buffer.from(text, 'utf8'), 't.csv');
  return new Map([...g!.rows].map(([r, line]) => [r, new Map([...line].map(([c, cell]) => [c, cell.kind === 'text' ? cell.text : '?']))]));
}

function fromOracle(text: string, sep: string): Map<number, Map<number, string>> {
  const out = new Map<number, Map<number, string>>();
  oracle(text, sep).forEach((fs, i) => {
    const line = new Map<number, string>();
    fs.forEach((f, j) => {
      if (f.trim() !== '') line.set(j + 1, f);
    });
    if (line.size > 0) out.set(i + 1, line);
  });
  return out;
}

describe('reading a CSV', () => {
  it('keeps Excel\'s quoting: separators, doubled quotes and line breaks inside quotes, CRLF', () => {
    const rows = fields('Indikator;Catatan;2021\r\n"P0";"Angka ""sementara""; BPS";"12,32"\r\nJPM;"dua\nbaris";79.270\r\n');
    expect(rows.get(1)).toEqual(new Map([[1, 'Indikator'], [2, 'Catatan'], [3, '2021']]));
    expect(rows.get(2)).toEqual(new Map([[1, 'P0'], [2, 'Angka "sementara"; BPS'], [3, '12,32']]));
    expect(rows.get(3)).toEqual(new Map([[1, 'JPM'], [2, 'dua\nbaris'], [3, '79.270']]));
  });

  it('reads any text exactly as the character-at-a-time parser did', () => {
    const alphabet = fc.constantFrom('a', 'B', '1', ',', ';', '"', '\n', '\r', ' ', 'é');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        const text = `x;y\n${chars.join('')}`;
        expect(fields(text)).toEqual(fromOracle(text, ';'));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes every Windows-1252 byte as the WHATWG table does (€ for 0x80, curly quotes, Ÿ)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, b) => b);
    const expected = new TextDecoder('windows-1252')
      .decode(all)
      .replace(/[\u0080-\u009f]/g, (c) => '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'[c.charCodeAt(0) - 0x80]!);
    expect(decodeWindows1252(all)).toBe(expected);
    expect(decodeWindows1252(Uint8Array.of(0x80, 0x93, 0x94, 0x9f))).toBe('€“”Ÿ');
  });
});
