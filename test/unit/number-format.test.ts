import { describe, expect, it } from 'vitest';
import { formatNumber, formatShare, NUMBER_LOCALE, numberFormat } from '../../shared/format/number.js';

describe('formatNumber (id-ID, indicator decimals)', () => {
  it('uses a decimal comma with the indicator decimals', () => {
    expect(formatNumber(12.32, 2)).toBe('12,32');
    expect(formatNumber(4.44, 2)).toBe('4,44');
    expect(formatNumber(0.03, 2)).toBe('0,03');
    expect(formatNumber(68.86, 2)).toBe('68,86');
  });

  it('groups thousands with a dot', () => {
    expect(formatNumber(79270, 0)).toBe('79.270');
    expect(formatNumber(28540, 0)).toBe('28.540');
    expect(formatNumber(612900, 0)).toBe('612.900');
    expect(formatNumber(1234, 0)).toBe('1.234');
    expect(formatNumber(113580000000000, 0)).toBe('113.580.000.000.000');
  });

  it('pads and rounds to exactly the given decimals', () => {
    expect(formatNumber(12, 2)).toBe('12,00');
    expect(formatNumber(9.456, 2)).toBe('9,46');
    expect(formatNumber(0.3604, 3)).toBe('0,360');
    expect(formatNumber(79270.4, 0)).toBe('79.270');
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
  });

  it('keeps unknown values empty, never 0 or NaN', () => {
    expect(formatNumber(null, 2)).toBe('');
    expect(formatNumber(undefined, 2)).toBe('');
    expect(formatNumber(Number.NaN, 2)).toBe('');
    expect(formatNumber(Number.POSITIVE_INFINITY, 0)).toBe('');
  });

  it('formats zero and negatives without a stray minus zero', () => {
    expect(formatNumber(0, 2)).toBe('0,00');
    expect(formatNumber(-0, 0)).toBe('0');
    expect(formatNumber(-0.001, 2)).toBe('0,00');
    expect(formatNumber(-1.25, 2)).toBe('-1,25');
  });

  it('treats odd decimals defensively', () => {
    expect(formatNumber(12.32)).toBe('12');
    expect(formatNumber(12.3456, -1)).toBe('12');
    expect(formatNumber(12.3456, 2.7)).toBe('12,35');
    expect(formatNumber(1, 99)).toBe('1,000000');
  });

  it('always uses id-ID and caches one formatter per decimals', () => {
    expect(NUMBER_LOCALE).toBe('id-ID');
    expect(numberFormat(2)).toBe(numberFormat(2));
    expect(numberFormat(2).resolvedOptions().locale).toBe('id-ID');
  });
});

describe('formatShare (a model share as a percentage)', () => {
  it('writes 0,1232 as "12,32" and keeps an empty share empty', () => {
    expect(formatShare(0.1232)).toBe('12,32');
    // 0,0145 of growth → "1,5" at one decimal.
    expect(formatShare(0.0145, 1)).toBe('1,5');
    expect(formatShare(null)).toBe('');
    expect(formatShare(Number.NaN)).toBe('');
  });
});
