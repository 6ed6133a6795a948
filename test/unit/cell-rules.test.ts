/** The rules every stored number obeys (shared/model/cell-rules.ts), on hand-picked values. */
import { describe, expect, it } from 'vitest';
import { cellProblemText, checkCellValue, checkCountWithinPopulation, fitsDecimals } from '../../shared/model/cell-rules.js';

const HEADCOUNT = { minValue: 0, maxValue: null, decimals: 0 };
const RATE = { minValue: 0, maxValue: 100, decimals: 2 };

describe('cell rules', () => {
  it('counts decimals as a reader sees them, not as binary fractions', () => {
    expect(fitsDecimals(12.34, 2)).toBe(true); // 12.34 × 100 = 1233.9999999999998 in binary
    expect(fitsDecimals(12.345, 2)).toBe(false);
    expect(fitsDecimals(79_270, 0)).toBe(true);
    expect(fitsDecimals(4.2, 0)).toBe(false);
    expect(fitsDecimals(1e-7, 6)).toBe(false); // "1e-7": seven decimals
    expect(fitsDecimals(1.5e-5, 6)).toBe(true);
  });

  it('refuses a fraction of a person, a number too large to store exactly, and values out of range', () => {
    expect(checkCellValue(HEADCOUNT, 4.2)).toBe('too_many_decimals');
    expect(checkCellValue(HEADCOUNT, 79_270)).toBeNull();
    expect(checkCellValue(HEADCOUNT, 1e20)).toBe('too_large');
    expect(checkCellValue(HEADCOUNT, -1)).toBe('below_min');
    expect(checkCellValue(RATE, 140)).toBe('above_max');
    expect(checkCellValue(RATE, 12.32)).toBeNull();
    expect(checkCellValue(RATE, 12.325)).toBe('too_many_decimals');
    expect(checkCellValue(RATE, Number.NaN)).toBe('not_a_number');
  });

  it('keeps a count of people within the population of the same year', () => {
    expect(checkCountWithinPopulation(79_270, 643_400)).toBeNull();
    expect(checkCountWithinPopulation(643_401, 643_400)).toBe('above_population');
    expect(checkCountWithinPopulation(79_270, undefined)).toBeNull();
  });

  it('says why in the UI language', () => {
    expect(cellProblemText('too_many_decimals', { value: '4,2', decimals: 0 }, 'id')).toBe('4,2 bukan bilangan bulat; indikator ini hanya menerima bilangan bulat');
    expect(cellProblemText('too_many_decimals', { value: '12,345', decimals: 2 }, 'en')).toBe('12,345 has more than 2 decimals');
    expect(cellProblemText('above_population', { value: '700.000', population: '643.400' }, 'id')).toBe('700.000 melebihi jumlah penduduk tahun yang sama (643.400)');
  });
});
