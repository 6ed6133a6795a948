/** The number convention of an imported file: which cells decide it, and how each column is then read. */
import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from '../../electron/annex/grid.js';
import { ConventionTally, numberShape, readInConvention, type NumberShape } from '../../shared/format/number-convention.js';

const shape = (t: string) => numberShape(t, { allowFootnotes: true });
const read = (t: string, d: ',' | '.' | null) => {
  const r = readInConvention(t, d, { allowFootnotes: true });
  return r.ok ? r.value : r.reason;
};

describe('numberShape: which texts decide a convention', () => {
  it('a comma or point before exactly three digits, after 1–3 digits, is ambiguous', () => {
    for (const t of ['80,100', '79.270', '1.234', '-4,440', '80,100*', '999.999 %']) expect(shape(t).kind, t).toBe('ambiguous');
  });

  it('decimal comma: a comma before other than three digits, a leading 0, dots grouping, both marks with the comma last', () => {
    for (const t of ['12,32', '12,3', '12,3456', '0,100', ',5', '1234,567', '1.234,5', '1.234.567', '1 234,567', '12,32*'])
      expect(shape(t), t).toMatchObject({ kind: 'decisive', decimal: ',' });
  });

  it('decimal point: the same the other way round', () => {
    for (const t of ['12.32', '12.5', '0.125', '.5', '1234.567', '1,234.5', '1,234,567', '1 234.5'])
      expect(shape(t), t).toMatchObject({ kind: 'decisive', decimal: '.' });
  });

  it('plain numbers need no convention; what neither reads is invalid', () => {
    expect(shape('12')).toEqual({ kind: 'plain', group: null });
    expect(shape('79 270')).toEqual({ kind: 'plain', group: ' ' });
    for (const t of ['12,3,4', '1.23.456', 'abc', '1e5', '5,']) expect(shape(t).kind, t).toBe('invalid');
  });
});

describe('readInConvention', () => {
  it('reads an ambiguous text by the convention decided, and refuses it when none is', () => {
    expect(read('80,100', '.')).toBe(80_100);
    expect(read('80,100', ',')).toBe(80.1);
    expect(read('79.270', ',')).toBe(79_270);
    expect(read('79.270', '.')).toBe(79.27);
    expect(read('80,100', null)).toBe('ambiguous');
  });

  it('refuses a text only the other convention reads, never re-reading it', () => {
    expect(read('12.32', ',')).toBe('other_convention');
    expect(read('1.234,5', '.')).toBe('other_convention');
    expect(read('1,234.5', '.')).toBe(1234.5);
    expect(read('1.234,5', ',')).toBe(1234.5);
    // Unambiguous texts have one reading even where no convention applies.
    expect(read('12.32', null)).toBe(12.32);
    expect(read('12,32', null)).toBe(12.32);
  });
});

describe('ConventionTally.decide', () => {
  const tally = (cells: [string, number, string][]) => {
    const t = new ConventionTally();
    for (const [column, row, text] of cells) t.add({ sheet: 'S', row, column, text }, shape(text) as NumberShape);
    return t.decide();
  };

  it('one convention for the whole file when every deciding cell agrees; columns without one follow it', () => {
    const d = tally([['C', 2, '12.32'], ['C', 3, '79,270'], ['D', 3, '80,100']]);
    expect(d.summary).toEqual({ decimal: '.', thousands: ',', decidedBy: { sheet: 'S', row: 2, column: 'C', text: '12.32' } });
    expect(d.rule('S', 'D')).toMatchObject({ decimal: '.', scope: 'file' });
    expect(d.assumed).toBeNull();
  });

  it('id-ID assumed (and counted) when only ambiguous cells exist; no convention at all for plain numbers', () => {
    const d = tally([['C', 2, '80,100'], ['D', 2, '79.270']]);
    expect(d.summary).toEqual({ decimal: ',', thousands: '.', decidedBy: null });
    expect(d.assumed).toEqual({ first: { sheet: 'S', row: 2, column: 'C', text: '80,100' }, count: 2 });
    expect(tally([['C', 2, '12'], ['C', 3, '79 270']]).summary).toBeNull();
  });

  it('a column is decided by most of its cells; an even split, or no decider in a mixed file, decides nothing', () => {
    const d = tally([['C', 2, '12,32'], ['C', 3, '4,1'], ['C', 4, '5.5'], ['D', 2, '12.5'], ['E', 2, '1,5'], ['E', 3, '1.5'], ['F', 2, '80,100']]);
    expect(d.rule('S', 'C')).toMatchObject({ decimal: ',', decidedBy: { row: 2, column: 'C' } });
    expect(d.rule('S', 'D')).toMatchObject({ decimal: '.', scope: 'column' });
    expect(d.rule('S', 'E')).toMatchObject({ decimal: null, both: [{ text: '1,5' }, { text: '1.5' }] });
    expect(d.rule('S', 'F')).toMatchObject({ decimal: null });
    expect(d.summary?.perColumn?.map((c) => [c.column, c.decimal])).toEqual([['C', ','], ['D', '.'], ['E', null], ['F', null]]);
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte as the WHATWG table does, including 0x80–0x9F (€, curly quotes, dashes)', () => {
    expect(decodeWindows1252(Buffer.from([0x49, 0x6e, 0x64, 0xe9, 0x6b, 0x73]))).toBe('Indéks');
    expect(decodeWindows1252(Buffer.from([0x80, 0x93, 0x94, 0x96, 0x97, 0x85, 0x81]))).toBe('€“”–—…\u0081');
  });
});
