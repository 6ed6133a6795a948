/**
 * The annex sheet "Tindak Lanjut Hasil Evaluasi" as laid out (electron/annex/sections/review.ts):
 * each evaluation note with the regency's response and status, and the change made derived from
 * what the evaluator saw against the exported scenario's target now — hand-computed here — in
 * Indonesian and English; a workbook without notes gets the sheet with one line.
 */
import { describe, expect, it } from 'vitest';
import { ANNEX_SHEETS } from '../../shared/annex.js';
import type { Indicator } from '../../shared/domain.js';
import type { ReviewNote } from '../../shared/review.js';
import type { DocCell, DocSection } from '../../electron/annex/document.js';
import type { AnnexData } from '../../electron/annex/gather.js';
import { LABELS } from '../../electron/annex/labels.js';
import { changeText, reviewSection } from '../../electron/annex/sections/review.js';

const P0 = { id: 1, code: 'P0', nameId: 'Persentase Penduduk Miskin', nameEn: 'Poverty rate', decimals: 2 } as Indicator;
const JPM = { id: 2, code: 'JPM', nameId: 'Jumlah Penduduk Miskin', nameEn: 'Number of poor people', decimals: 0 } as Indicator;

let nextId = 1;
function note(p: Partial<ReviewNote> & Pick<ReviewNote, 'indicatorId' | 'year' | 'seenTarget'>): ReviewNote {
  return {
    id: nextId++,
    indicatorCode: p.indicatorId === 1 ? 'P0' : 'JPM',
    note: 'Target terlalu longgar dibanding provinsi.',
    evaluator: 'Tim Evaluasi Provinsi',
    reviewDate: '2021-09-14',
    scenarioName: 'Perubahan 2021',
    sourceFile: 'evaluasi-muara-enim.xlsx',
    importedAt: '2021-09-15T02:00:00.000Z',
    response: '',
    status: 'belum',
    respondedAt: null,
    respondedBy: null,
    ...p,
  };
}

/** The scenario's revised targets now: P0 2021 12,40, 2022 11,80, 2023 11,40; JPM 2021 79.270. */
const NOW = new Map([
  ['1:2021', 12.4],
  ['1:2022', 11.8],
  ['1:2023', 11.4],
  ['2:2021', 79270],
]);

/** What the section reads of the gathered annex data. */
function data(lang: 'id' | 'en', reviews: ReviewNote[]): AnnexData {
  return {
    plan: { region: 'Kabupaten Muara Enim', province: 'Sumatera Selatan', firstYear: 2018, lastYear: 2023 },
    indicators: [P0, JPM],
    scenario: { id: 1, name: 'Perubahan 2021', status: 'usulan' },
    reviews,
    reviewTarget: (indicatorId: number, year: number) => NOW.get(`${indicatorId}:${year}`),
    lang,
    L: LABELS[lang],
    opts: { language: lang, paper: 'A4', signer: null, date: '2021-09-20' },
    pageUnits: 122,
  } as unknown as AnnexData;
}

const cellText = (c: DocCell) => (c.kind === 'text' ? c.text : c.kind === 'number' ? String(c.value) : '');
const rows = (s: DocSection) => s.table.body.map((r) => r.map(cellText));

const NOTES = [
  note({ indicatorId: 1, year: 2021, seenTarget: 12.6, note: 'P0 2021 dilonggarkan; mohon diturunkan.', response: 'Diturunkan ke 12,40 sesuai arahan.', status: 'ditindaklanjuti' }),
  note({ indicatorId: 1, year: 2022, seenTarget: 11.8 }),
  note({ indicatorId: 1, year: null, seenTarget: null, note: 'Sertakan sumber BPS.' }),
  note({ indicatorId: 2, year: 2021, seenTarget: 80428 }),
  note({ indicatorId: 1, year: 2023, seenTarget: null }),
];

describe('annex sheet Tindak Lanjut Hasil Evaluasi (sections/review.ts)', () => {
  it('the change made: seen → now at the indicator\'s decimals, "tidak berubah", "–" without a year', () => {
    const R = LABELS.id.review;
    expect(changeText(R, P0, { year: 2021, seenTarget: 12.6 }, 12.4)).toBe('12,60 → 12,40');
    expect(changeText(R, P0, { year: 2022, seenTarget: 11.8 }, 11.8)).toBe('tidak berubah');
    // Equal at the indicator's decimals: 11,804 prints as 11,80 both sides.
    expect(changeText(R, P0, { year: 2022, seenTarget: 11.8 }, 11.804)).toBe('tidak berubah');
    expect(changeText(R, P0, { year: null, seenTarget: 12.6 }, undefined)).toBe('–');
    expect(changeText(R, JPM, { year: 2021, seenTarget: 80428 }, 79270)).toBe('80.428 → 79.270');
    expect(changeText(R, P0, { year: 2023, seenTarget: null }, 11.4)).toBe('– → 11,40');
    expect(changeText(R, P0, { year: 2024, seenTarget: 10.2 }, undefined)).toBe('10,20 → –');
    expect(changeText(LABELS.en.review, P0, { year: 2022, seenTarget: 11.8 }, 11.8)).toBe('unchanged');
  });

  it('a row per note in the indicators\' order (the whole indicator before its years), response and status, in Indonesian', () => {
    const s = reviewSection(data('id', NOTES));
    expect(s.sheet).toBe('Tindak Lanjut Hasil Evaluasi');
    expect(s.sheet).toBe(ANNEX_SHEETS[7]);
    expect(s.titles[0]).toBe('TINDAK LANJUT HASIL EVALUASI');
    expect(s.table.header[0]!.map(cellText)).toEqual(['No', 'Indikator', 'Tahun', 'Catatan Evaluasi', 'Evaluator, Tanggal', 'Tanggapan (Tindak Lanjut)', 'Status', 'Perubahan yang Dilakukan']);
    expect(rows(s)).toEqual([
      ['1', 'Persentase Penduduk Miskin', 'semua tahun', 'Sertakan sumber BPS.', 'Tim Evaluasi Provinsi, 14 September 2021', '–', 'belum', '–'],
      ['2', 'Persentase Penduduk Miskin', '2021', 'P0 2021 dilonggarkan; mohon diturunkan.', 'Tim Evaluasi Provinsi, 14 September 2021', 'Diturunkan ke 12,40 sesuai arahan.', 'ditindaklanjuti', '12,60 → 12,40'],
      ['3', 'Persentase Penduduk Miskin', '2022', 'Target terlalu longgar dibanding provinsi.', 'Tim Evaluasi Provinsi, 14 September 2021', '–', 'belum', 'tidak berubah'],
      ['4', 'Persentase Penduduk Miskin', '2023', 'Target terlalu longgar dibanding provinsi.', 'Tim Evaluasi Provinsi, 14 September 2021', '–', 'belum', '– → 11,40'],
      ['5', 'Jumlah Penduduk Miskin', '2021', 'Target terlalu longgar dibanding provinsi.', 'Tim Evaluasi Provinsi, 14 September 2021', '–', 'belum', '80.428 → 79.270'],
    ]);
    expect(s.intro).toEqual(['5 catatan evaluasi: 1 ditindaklanjuti, 4 belum.']);
    expect(s.notes[0]).toContain('target perubahan skenario Perubahan 2021 sekarang');
    expect(s.notes[1]).toBe('Berkas evaluasi: evaluasi-muara-enim.xlsx.');
    // An open note's status stands out (the warning fill); a followed-up one does not.
    expect(s.table.body[0]![6]!.style?.fill).toBe('warning');
    expect(s.table.body[1]![6]!.style?.fill).toBeUndefined();
    // Never wider than the page.
    expect(s.table.columns.reduce((a, c) => a + c.width, 0)).toBeLessThanOrEqual(122);
  });

  it('in English: the sheet name kept, the words in English', () => {
    const s = reviewSection(data('en', NOTES));
    expect(s.sheet).toBe('Tindak Lanjut Hasil Evaluasi');
    expect(s.titles[0]).toBe('FOLLOW-UP TO THE EVALUATION');
    expect(s.table.header[0]!.map(cellText)).toEqual(['No', 'Indicator', 'Year', 'Evaluation note', 'Evaluator, date', 'Response (follow-up)', 'Status', 'Change made']);
    expect(rows(s)[0]).toEqual(['1', 'Poverty rate', 'all years', 'Sertakan sumber BPS.', 'Tim Evaluasi Provinsi, 14 September 2021', '–', 'open', '–']);
    expect(rows(s)[1]!.slice(6)).toEqual(['followed up', '12,60 → 12,40']);
    expect(rows(s)[2]![7]).toBe('unchanged');
    expect(s.intro).toEqual(['5 evaluation notes: 1 followed up, 4 open.']);
  });

  it('no notes: the sheet is still there (the sheets\' order is fixed) and says so in one line', () => {
    for (const lang of ['id', 'en'] as const) {
      const s = reviewSection(data(lang, []));
      expect(s.sheet).toBe('Tindak Lanjut Hasil Evaluasi');
      expect(s.table.body).toEqual([]);
      expect(s.blocks).toEqual([{ kind: 'lines', lines: [LABELS[lang].review.noNotes] }]);
    }
    expect(LABELS.id.review.noNotes).toBe('Tidak ada catatan evaluasi gubernur yang diimpor ke buku kerja ini.');
  });
});
