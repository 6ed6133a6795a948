/** The Raperda header's and the Perangkat Daerah's rules (shared/raperda.ts), shared by the contract and the form. */
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract.js';
import { parseDocumentYear, RAPERDA_LIMITS, raperdaTextProblem, storedText } from '../../shared/raperda.js';

describe('Raperda header and Perangkat Daerah rules', () => {
  it('holds text to its length after trimming and to the text rules; empty clears', () => {
    expect(raperdaTextProblem('annexDocumentNumber', `  ${'1'.repeat(60)}  `)).toBeNull();
    expect(raperdaTextProblem('annexDocumentNumber', '1'.repeat(61))).toEqual({ kind: 'too_long', max: 60, length: 61 });
    expect(raperdaTextProblem('amendedRegulation', 'P'.repeat(401))).toMatchObject({ kind: 'too_long', max: 400 });
    expect(raperdaTextProblem('responsibleUnit', 'D'.repeat(201))).toMatchObject({ kind: 'too_long', max: RAPERDA_LIMITS.responsibleUnit });
    expect(raperdaTextProblem('responsibleUnit', 'Dinas\u0007Sosial')).toMatchObject({ kind: 'text', text: { kind: 'control', codePoint: 'U+0007' } });
    expect(raperdaTextProblem('amendedRegulation', 'a\nb')).toMatchObject({ kind: 'text', text: { kind: 'control' } });
    expect(raperdaTextProblem('responsibleUnit', '')).toBeNull();
    expect(storedText('  Dinas Sosial ')).toBe('Dinas Sosial');
    expect(storedText('   ')).toBeNull();
    expect(storedText(null)).toBeNull();
  });

  it('reads a typed year: four digits within 1945–2100, or empty for none', () => {
    expect(parseDocumentYear(' 2021 ')).toEqual({ value: 2021 });
    expect(parseDocumentYear('')).toEqual({ value: null });
    for (const bad of ['21', '1900', '2101', '2021.5', '2.021', 'MMXXI', '+2021']) expect(parseDocumentYear(bad), bad).toHaveProperty('problem.kind', 'not_a_year');
  });

  it('agrees with the contract on what it refuses', () => {
    const settings = contract['settings.update'].input;
    const indicators = contract['indicators.update'].input;
    for (const text of ['1'.repeat(60), '1'.repeat(61), ' 12 ', 'No.\u000712', '\u202E12', '']) {
      expect(settings.safeParse({ annexDocumentNumber: text }).success, JSON.stringify(text)).toBe(raperdaTextProblem('annexDocumentNumber', text) === null);
    }
    for (const text of ['Dinas Sosial', 'D'.repeat(200), 'D'.repeat(201), 'Dinas\uFFFE', '']) {
      expect(indicators.safeParse({ indicatorId: 1, responsibleUnit: text }).success, JSON.stringify(text)).toBe(raperdaTextProblem('responsibleUnit', text) === null);
    }
    for (const y of [1944, 1945, 2021, 2100, 2101]) {
      expect(settings.safeParse({ annexDocumentYear: y }).success, String(y)).toBe('value' in parseDocumentYear(String(y)));
    }
    expect(settings.safeParse({ annexDocumentYear: null, annexDocumentNumber: null, amendedRegulation: null }).success).toBe(true);
    expect(indicators.safeParse({ indicatorId: 1, responsibleUnit: null }).success).toBe(true);
    expect(indicators.safeParse({ indicatorId: 1 }).success).toBe(false);
  });
});
