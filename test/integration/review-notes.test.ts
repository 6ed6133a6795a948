/**
 * Issue 18 item 4, the storage: evaluation notes (schema v8) kept in the regency's workbook
 * through the one write path — imported without duplicates, answered (tindak lanjut), undone —
 * and a file whose notes the app could not have written refused at open, naming table.column.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/result.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { importReviewNotes, respondToNote, type ReviewNoteInput } from '../../electron/workbook/editors/reviews.js';
import { MIGRATIONS } from '../../electron/workbook/migrations.js';
import { Workbook } from '../../electron/workbook/store.js';
import { TEST_PLAN } from '../helpers/fixtures.js';
import { sha256, tempDir } from '../helpers/files.js';

const ACTOR = { user: 'perencana', person: { name: 'Rina Perencana', nip: '19800101 200501 2 001', title: 'Analis' } };

async function demo(): Promise<Workbook> {
  return createDemoWorkbook(path.join(tempDir(), 'muara-enim.rpjmd'));
}

function note(wb: Workbook, code: string, year: number | null, text: string): ReviewNoteInput {
  return {
    indicatorId: wb.indicatorIndex().byCode.get(code)!.id, year, note: text, evaluator: 'Tim Evaluasi Provinsi', reviewDate: '2021-09-01',
    seenTarget: 12.6, scenarioName: 'Perubahan 2021', sourceFile: 'evaluasi-muara-enim-2021-09-01.xlsx',
  };
}

describe('schema v8: a v7 workbook', () => {
  it('is migrated on open with its data kept, and gains an empty review_note table', async () => {
    const file = path.join(tempDir(), 'v7.rpjmd');
    const v7 = await Workbook.create(file, { plan: TEST_PLAN }, { migrations: MIGRATIONS.filter((m) => m.version <= 7) });
    v7.close();
    const db = new Database(file);
    db.exec("INSERT INTO programme (name, cluster, strategy) VALUES ('PKH', 'bantuan_sosial', 'beban_pengeluaran')");
    const indicators = db.prepare('SELECT count(*) FROM indicator').pluck().get();
    db.close();

    const wb = await Workbook.open(file);
    expect(wb.schemaVersion).toBe(8);
    expect(wb.plan().region).toBe('Kabupaten Uji');
    expect(wb.reads.programmes().map((p) => p.name)).toEqual(['PKH']);
    expect(wb.indicators().length).toBe(indicators);
    expect(wb.reads.reviewNotes()).toEqual([]);
    wb.close();
    // The migration kept a copy of the v7 file beside it.
    expect(fs.readdirSync(path.dirname(file)).some((f) => /v7/.test(f) && f !== 'v7.rpjmd')).toBe(true);
  });
});

describe('evaluation notes through the one write path', () => {
  it('imported as one undo step, no duplicates on re-import, answered, undone', async () => {
    const wb = await demo();
    const notes = [note(wb, 'P0', 2022, 'Target 2022 terlalu longgar;\nsesuaikan dengan target provinsi.'), note(wb, 'JPM', null, 'Jumlah penduduk miskin belum konsisten.')];
    const first = importReviewNotes(wb, ACTOR, notes, 'evaluasi-muara-enim-2021-09-01.xlsx');
    expect([first.added, first.unchanged]).toEqual([2, 0]);
    // In indicator order (P0 before JPM), each open (belum) with no response yet.
    expect(first.notes.map((n) => [n.indicatorCode, n.year, n.status, n.response])).toEqual([['P0', 2022, 'belum', ''], ['JPM', null, 'belum', '']]);
    expect(first.notes[0]).toMatchObject({ evaluator: 'Tim Evaluasi Provinsi', reviewDate: '2021-09-01', seenTarget: 12.6, scenarioName: 'Perubahan 2021', sourceFile: 'evaluasi-muara-enim-2021-09-01.xlsx' });
    expect(wb.reads.history().undoLabel).toBe('review.import');

    const p0 = first.notes[0]!;
    respondToNote(wb, ACTOR, p0.id, 'Target 2022 diturunkan menjadi 11,9 %.', 'ditindaklanjuti');

    // The same file again, its note re-wrapped by Excel (other line breaks and spaces): nothing added, the answer kept.
    const again = importReviewNotes(wb, ACTOR, [{ ...notes[0]!, note: '  Target 2022 terlalu longgar; sesuaikan\r\ndengan target provinsi. ' }, notes[1]!], 'x.xlsx');
    expect([again.added, again.unchanged]).toEqual([0, 2]);
    expect(again.notes.length).toBe(2);
    expect(again.notes.find((n) => n.id === p0.id)).toMatchObject({ status: 'ditindaklanjuti', response: 'Target 2022 diturunkan menjadi 11,9 %.', respondedBy: 'Rina Perencana' });
    // Nothing new: no undo step was made for it.
    expect(wb.reads.history().undoLabel).toBe('review.respond');

    // A different year of the same text is another note.
    expect(importReviewNotes(wb, ACTOR, [{ ...notes[0]!, year: 2023 }], 'y.xlsx').added).toBe(1);
    wb.undo(ACTOR);
    expect(wb.reads.reviewNotes().length).toBe(2);

    wb.undo(ACTOR); // the response
    expect(wb.reads.reviewNotes().find((n) => n.id === p0.id)).toMatchObject({ status: 'belum', response: '', respondedAt: null });
    wb.undo(ACTOR); // the import
    expect(wb.reads.reviewNotes()).toEqual([]);
    wb.redo(ACTOR);
    expect(wb.reads.reviewNotes().map((n) => n.id)).toEqual(first.notes.map((n) => n.id));

    const log = wb.reads.changeLog(undefined, 100).filter((e) => e.action.startsWith('review.'));
    expect(log.some((e) => e.action === 'review.import' && e.indicatorCode === 'P0' && e.year === 2022 && e.kind === 'do')).toBe(true);
    expect(log.some((e) => e.action === 'review.respond' && e.kind === 'undo')).toBe(true);
    wb.close();
  });

  it('refuses a note it cannot keep, naming the note and field; and a follow-up without a response', async () => {
    const wb = await demo();
    const refused = (list: ReviewNoteInput[]) => {
      try {
        importReviewNotes(wb, ACTOR, list, 'f.xlsx');
      } catch (err) {
        if (err instanceof AppError) return err;
      }
      throw new Error('accepted');
    };
    expect(refused([note(wb, 'P0', 2022, 'ok'), note(wb, 'P0', 2031, 'terlalu jauh')])).toMatchObject({ code: 'bad_input', field: 'notes.1.year', params: { problem: 'year_outside_plan', first: 2018, last: 2026 } });
    expect(refused([{ ...note(wb, 'P0', null, 'x'), evaluator: ' ' }]).field).toBe('notes.0.evaluator');
    expect(refused([{ ...note(wb, 'P0', null, 'x'), reviewDate: '2021-02-30' }]).field).toBe('notes.0.reviewDate');
    expect(refused([{ ...note(wb, 'P0', null, 'x'), indicatorId: 999 }]).params).toMatchObject({ problem: 'unknown_indicator' });
    expect(wb.reads.reviewNotes()).toEqual([]);

    const [n] = importReviewNotes(wb, ACTOR, [note(wb, 'P0', null, 'Periksa P0')], 'f.xlsx').notes;
    expect(() => respondToNote(wb, ACTOR, n!.id, '  ', 'ditindaklanjuti')).toThrow(/needs a response/);
    expect(() => respondToNote(wb, ACTOR, 4242, 'x', 'belum')).toThrow(/does not exist/);
    // A response may be drafted while the note stays open.
    expect(respondToNote(wb, ACTOR, n!.id, 'Sedang dikaji.', 'belum')[0]).toMatchObject({ status: 'belum', response: 'Sedang dikaji.' });
    wb.close();
  });
});

describe('a workbook whose notes the app could not have written', () => {
  async function crafted(sql: (ids: { p0: number }) => string): Promise<string> {
    const wb = await demo();
    const file = wb.path;
    const p0 = wb.indicatorIndex().byCode.get('P0')!.id;
    importReviewNotes(wb, ACTOR, [note(wb, 'P0', 2022, 'Catatan sah')], 'f.xlsx');
    wb.close();
    const db = new Database(file);
    // As a hand-crafted file would: the table's CHECKs off while it is written.
    db.pragma('ignore_check_constraints = ON');
    db.exec(sql({ p0 }));
    db.close();
    return file;
  }

  const cases: [string, (ids: { p0: number }) => string, RegExp][] = [
    ['a status outside the enum', () => "UPDATE review_note SET status = 'selesai'", /review_note\.status of note 1 is "selesai", not one of belum, ditindaklanjuti/],
    ['a note longer than the limit', () => "UPDATE review_note SET note = printf('%.3000c', 'x')", /review_note\.note of note 1 is not text of 1 to 2,000 characters \(3000\)/],
    ['a response longer than the limit', () => "UPDATE review_note SET response = printf('%.2001c', 'x')", /review_note\.response of note 1/],
    ['an evaluator name longer than the limit', () => "UPDATE review_note SET evaluator = printf('%.121c', 'x')", /review_note\.evaluator of note 1/],
    ['an indicator that does not exist', () => 'PRAGMA foreign_keys = OFF; UPDATE review_note SET indicator_id = 999', /review_note\.indicator_id of note 1 names an indicator the workbook does not have/],
    ['a year outside the plan and horizon', () => 'UPDATE review_note SET year = 2050', /review_note\.year of note 1 \(2050\) is not a year from 2018 to 2026/],
    ['a year before the plan', ({ p0 }) => `INSERT INTO review_note (indicator_id, year, note, evaluator, review_date, source_file, imported_at) VALUES (${p0}, 2017, 'x', 'y', '2021-01-01', 'f', 'now')`, /review_note\.year of note 2 \(2017\)/],
    ['a date that is not YYYY-MM-DD', () => "UPDATE review_note SET review_date = '1 Sept 2021'", /review_note\.review_date of note 1 is not a date/],
  ];
  it.each(cases)('refuses %s at open, naming table.column, file unchanged', async (_name, sql, message) => {
    const file = await crafted(sql);
    const before = sha256(file);
    for (const readOnly of [false, true]) {
      const err = await Workbook.open(file, { readOnly }).then((wb) => (wb.close(), null), (e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('refused_corrupt');
      expect((err as AppError).message).toMatch(message);
    }
    expect(sha256(file)).toBe(before);
  });
});
