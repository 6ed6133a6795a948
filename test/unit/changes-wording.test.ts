/**
 * The change log's details worded for a reader in both languages (shared/changes.ts): what the
 * app stores today and what files from before schema v4 stored as English sentences — an
 * Indonesian reader meets no English and no codes.
 */
import { describe, expect, it } from 'vitest';
import { describeEntryAction, describeEntryDetail } from '../../shared/changes.js';

const id = (action: string, detail: string) => describeEntryDetail({ action, detail }, 'id');
const en = (action: string, detail: string) => describeEntryDetail({ action, detail }, 'en');

describe('change log details', () => {
  it('word where a scenario came from, now and before v4', () => {
    expect(id('scenario.create', 'from original targets')).toBe('dari target awal');
    expect(en('scenario.create', 'from original targets')).toBe('from the original targets');
    expect(id('scenario.create', 'from scenario "Dasar"')).toBe('dari skenario "Dasar"');
    expect(id('scenario.create', 'scenario:Dasar')).toBe('dari skenario "Dasar"');
    expect(id('scenario.create', 'from empty')).toBe('kosong');
  });

  it('word a status change with or without spaces around the arrow', () => {
    expect(id('scenario.status', 'draft → usulan')).toBe('draf → usulan');
    expect(id('scenario.status', 'usulan→draft')).toBe('usulan → draf');
    expect(en('scenario.status', 'usulan → draft')).toBe('proposal (usulan) → draft');
  });

  it('word a rename, now and before v4', () => {
    expect(id('scenario.update', 'Lama')).toBe('nama semula "Lama"');
    expect(id('scenario.update', 'name: "Lama" → "Baru"; description changed')).toBe('nama "Lama" → "Baru"; uraian diubah');
    expect(en('scenario.update', 'description changed')).toBe('description changed');
  });

  it('word the old justification ("was: …" before v4)', () => {
    expect(id('justification.set', 'was: Dampak COVID-19')).toBe('semula: Dampak COVID-19');
    expect(en('justification.set', 'Dampak COVID-19')).toBe('was: Dampak COVID-19');
  });

  it('word capaian formulas and references instead of their codes', () => {
    expect(id('capaian.set', 'default→lower_a')).toBe('bawaan menurut polaritas → target ÷ realisasi (makin rendah makin baik)');
    expect(en('capaian.set', 'lower_b→default')).toBe("2 − realisation ÷ target (lower is better) → the polarity's default");
    expect(id('reference.save', 'RPJMN 2020–2024: level le 7.5 (2024)')).toBe('RPJMN 2020–2024: tingkat ≤ 7,5 (2024)');
    expect(en('reference.save', 'Gubernur Sumsel: annual_change le -1')).toBe('Gubernur Sumsel: annual change ≤ -1');
    const row = JSON.stringify({ id: 3, indicator_code: 'P0', label: 'RPJMN', kind: 'level', comparison: 'ge', value: 6, year: 2024, source: 'x' });
    expect(id('reference.delete', row)).toBe('RPJMN: tingkat ≥ 6 (2024)');
  });

  it('word where an imported value came from in English; Indonesian keeps it as stored', () => {
    const where = 'Impor: lampiran.xlsx, Lampiran I!F12 (angka sementara "*")';
    expect(id('import.apply', where)).toBe(where);
    expect(en('import.apply', where)).toBe('Import: lampiran.xlsx, Lampiran I!F12 (provisional figure "*")');
    expect(en('target.edit', 'Impor: f.csv, CSV!C2 (catatan kaki "ᵉ" dibuang)')).toBe('Import: f.csv, CSV!C2 (footnote "ᵉ" dropped)');
  });

  it('mark undo and redo in words, never as codes', () => {
    expect(describeEntryAction({ action: 'target.paste', kind: 'undo', derived: false }, 'id')).toBe('Target ditempel (diurungkan)');
    expect(describeEntryAction({ action: 'target.paste', kind: 'redo', derived: false }, 'id')).toBe('Target ditempel (diulang)');
    expect(describeEntryAction({ action: 'target.edit', kind: 'undo', derived: false }, 'en')).toBe('Target edited (undone)');
  });
});
