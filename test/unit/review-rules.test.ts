/**
 * The small rules of the evaluation round trip (issue 18 item 4): a note's identity (no duplicate
 * when Excel re-wraps a cell), the dates and region names an evaluation workbook may carry, and
 * how a follow-up reads in the change log.
 */
import { describe, expect, it } from 'vitest';
import { catchesUpByIndicator, describeEntryDetail, fieldChangesDetail, makesImportStale } from '../../shared/changes.js';
import { normaliseNoteText, reviewNoteKey } from '../../shared/review.js';
import { reviewDateOf, sameRegion } from '../../electron/annex/review-import.js';

describe("a note's identity", () => {
  it('ignores the whitespace a spreadsheet adds or changes, not the words or their case', () => {
    expect(normaliseNoteText('  Target 2022\r\nterlalu\tlonggar.  ')).toBe('Target 2022 terlalu longgar.');
    const a = { indicatorId: 6, year: 2022, note: 'Target 2022 terlalu longgar.' };
    expect(reviewNoteKey({ ...a, note: 'Target 2022\nterlalu  longgar. ' })).toBe(reviewNoteKey(a));
    expect(reviewNoteKey({ ...a, note: 'target 2022 terlalu longgar.' })).not.toBe(reviewNoteKey(a));
    expect(reviewNoteKey({ ...a, year: null })).not.toBe(reviewNoteKey(a));
    expect(reviewNoteKey({ ...a, indicatorId: 7 })).not.toBe(reviewNoteKey(a));
  });
});

describe('the evaluation date of a title block', () => {
  const text = (t: string) => reviewDateOf({ kind: 'text', text: t, mergedCopy: false }, t);
  it('reads an Excel date, its serial number, dd/mm/yyyy and yyyy-mm-dd as YYYY-MM-DD', () => {
    // exceljs gives a date cell as 'other' with its ISO day.
    expect(reviewDateOf({ kind: 'other', text: '2021-09-01' }, '2021-09-01')).toBe('2021-09-01');
    // 44440 is 1 September 2021 in Excel's 1900 date system (44197 = 1 January 2021, + 243 days).
    expect(reviewDateOf({ kind: 'number', value: 44440, percent: false, formula: false, mergedCopy: false }, '44440')).toBe('2021-09-01');
    expect(text('01/09/2021')).toBe('2021-09-01');
    expect(text('1-9-2021')).toBe('2021-09-01');
    expect(text('14.09.2021')).toBe('2021-09-14');
    expect(text('2021-9-14')).toBe('2021-09-14');
  });
  it('refuses what is no real day', () => {
    expect(text('31/02/2021')).toBeNull();
    expect(text('09/31/2021')).toBeNull();
    expect(text('1 September 2021')).toBeNull();
    expect(text('2021')).toBeNull();
  });
});

describe('the region of a title block against the workbook’s', () => {
  it('ignores case, spacing and a missing Kabupaten/Kota word, never a different one', () => {
    expect(sameRegion('Kabupaten Muara Enim', 'kabupaten  muara enim')).toBe(true);
    expect(sameRegion('Muara Enim', 'Kabupaten Muara Enim')).toBe(true);
    expect(sameRegion('Kab. Muara Enim', 'Kabupaten Muara Enim')).toBe(true);
    expect(sameRegion('Kota Palembang', 'Kabupaten Muara Enim')).toBe(false);
    // Kabupaten Bandung and Kota Bandung are two regions.
    expect(sameRegion('Kota Bandung', 'Kabupaten Bandung')).toBe(false);
  });
});

describe('evaluation notes in the change log', () => {
  it('words a follow-up in the reader’s language, the status too', () => {
    const detail = fieldChangesDetail([['status', 'belum', 'ditindaklanjuti'], ['response', '', 'Target diturunkan.']]);
    expect(describeEntryDetail({ action: 'review.respond', detail }, 'id')).toBe('status tindak lanjut: belum ditindaklanjuti → ditindaklanjuti; tindak lanjut: – → Target diturunkan.');
    expect(describeEntryDetail({ action: 'review.respond', detail }, 'en')).toBe('follow-up status: not yet followed up → followed up; follow-up: – → Target diturunkan.');
    expect(describeEntryDetail({ action: 'review.import', detail: 'Impor: evaluasi.xlsx (Tim Evaluasi, 2021-09-01)' }, 'en')).toBe('Import: evaluasi.xlsx (Tim Evaluasi, 2021-09-01)');
  });
  it('an import of notes makes a pending import preview stale and the kept checks start over', () => {
    expect(makesImportStale('review.import')).toBe(true);
    expect(catchesUpByIndicator('review.import')).toBe(false);
  });
});
