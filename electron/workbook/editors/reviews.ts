/**
 * Evaluation notes (catatan evaluasi, issue 18 item 4) through the one write path: the notes of
 * an evaluation workbook imported as one edit ('review.import'), and the regency's follow-up
 * (tindak lanjut: a response and a status) as one edit each ('review.respond'). Both undoable
 * and in the change log. Every note is checked here with a located refusal before anything is
 * written; the schema's CHECKs are the last line, not the message.
 *
 * A note's identity is (indicator, year, whitespace-normalised text): importing the same
 * evaluation workbook again adds nothing, and a note already kept keeps its response and status.
 */
import { AppError } from '../../../shared/api/result.js';
import { fieldChangesDetail, type FieldChange } from '../../../shared/changes.js';
import { normaliseNoteText, REVIEW_LIMITS, REVIEW_STATUSES, reviewNoteKey, reviewYears, type ReviewNote, type ReviewStatus } from '../../../shared/review.js';
import { isIsoDate } from '../../../shared/model/revision.js';
import type { Actor } from '../edit.js';
import type { Workbook } from '../store.js';

/** A note as an evaluation workbook gives it (electron/annex/review-import.ts, layout 'review'): a ReviewNote before it is kept. */
export type ReviewNoteInput = Pick<ReviewNote, 'indicatorId' | 'year' | 'note' | 'evaluator' | 'reviewDate' | 'seenTarget' | 'scenarioName' | 'sourceFile'>;

export interface ReviewImportResult {
  /** Notes written. */
  added: number;
  /** Notes the workbook already kept (left as they were, response and status included). */
  unchanged: number;
  notes: ReviewNote[];
}

function refuse(i: number, field: string, problem: string, message: string, params: Record<string, string | number> = {}): never {
  throw new AppError('bad_input', `Note ${i + 1}: ${message}`, { reason: 'review_note', note: i, field, problem, ...params }, `notes.${i}.${field}`);
}

/** Refuses a note the workbook cannot keep, naming the note (its place in the list) and the field. */
export function checkReviewNote(wb: Workbook, n: ReviewNoteInput, i: number): void {
  const ind = wb.indicatorIndex().byId.get(n.indicatorId);
  if (!ind) refuse(i, 'indicatorId', 'unknown_indicator', `indicator ${n.indicatorId} does not exist`, { indicatorId: n.indicatorId });
  const [first, last] = reviewYears(wb.plan());
  if (n.year !== null && (!Number.isInteger(n.year) || n.year < first || n.year > last)) {
    refuse(i, 'year', 'year_outside_plan', `${ind.code} ${n.year}: the year is outside ${first}–${last}`, { indicatorCode: ind.code, year: n.year, first, last });
  }
  const text = normaliseNoteText(n.note);
  if (!text) refuse(i, 'note', 'empty', 'the note is empty');
  if (n.note.trim().length > REVIEW_LIMITS.note) refuse(i, 'note', 'too_long', `the note is longer than ${REVIEW_LIMITS.note} characters`, { max: REVIEW_LIMITS.note });
  const evaluator = n.evaluator.trim();
  if (!evaluator) refuse(i, 'evaluator', 'empty', "the evaluator's name is missing");
  if (evaluator.length > REVIEW_LIMITS.evaluator) refuse(i, 'evaluator', 'too_long', `the evaluator's name is longer than ${REVIEW_LIMITS.evaluator} characters`, { max: REVIEW_LIMITS.evaluator });
  if (!isIsoDate(n.reviewDate)) refuse(i, 'reviewDate', 'not_a_date', `the evaluation date "${n.reviewDate.slice(0, 40)}" is not a date YYYY-MM-DD`);
  if (n.seenTarget !== null && !Number.isFinite(n.seenTarget)) refuse(i, 'seenTarget', 'not_a_number', 'the revised target seen is not a number');
  if (n.sourceFile.length > 255 || (n.scenarioName?.length ?? 0) > 255) refuse(i, 'sourceFile', 'too_long', 'the file or scenario name is longer than 255 characters');
}

/**
 * Writes the notes of an evaluation workbook as ONE edit ('review.import'): each note the
 * workbook does not keep yet (by identity, see the header) is added with status 'belum'; one
 * already kept — or given twice in the list — is counted as unchanged and left alone. Nothing is
 * written (and no undo step made) when every note is already kept.
 */
export function importReviewNotes(wb: Workbook, actor: Actor, list: readonly ReviewNoteInput[], detail: string): ReviewImportResult {
  list.forEach((n, i) => checkReviewNote(wb, n, i));
  const seen = new Set(wb.reads.reviewNotes().map(reviewNoteKey));
  const fresh: ReviewNoteInput[] = [];
  for (const n of list) {
    const key = reviewNoteKey(n);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(n);
  }
  if (fresh.length > 0) {
    const byId = wb.indicatorIndex().byId;
    wb.edit(actor, 'review.import', null, (tx) => {
      const at = new Date().toISOString();
      for (const n of fresh) {
        const note = n.note.trim();
        tx.insert('review_note', {
          indicator_id: n.indicatorId, year: n.year, note, evaluator: n.evaluator.trim(), review_date: n.reviewDate,
          seen_target: n.seenTarget, scenario_name: n.scenarioName, source_file: n.sourceFile, imported_at: at,
          response: '', status: 'belum', responded_at: null, responded_by: null,
        });
        // One entry per note: the log names the indicator, the year and the note itself.
        tx.pushLog(false, null, null, byId.get(n.indicatorId)!.code, n.year, null, null, null, null, note);
      }
      tx.note({ detail });
    });
  }
  return { added: fresh.length, unchanged: list.length - fresh.length, notes: wb.reads.reviewNotes() };
}

/**
 * The regency's follow-up of one note (tindak lanjut) as one edit ('review.respond'): its
 * response and status. A note marked followed up (ditindaklanjuti) needs a response: the next
 * annex shows it. Nothing is written when both are as they were. Returns every note.
 */
export function respondToNote(wb: Workbook, actor: Actor, id: number, response: string, status: ReviewStatus): ReviewNote[] {
  const notes = wb.reads.reviewNotes();
  const note = notes.find((n) => n.id === id);
  if (!note) throw new AppError('not_found', `Evaluation note ${id} does not exist`, { reason: 'review_note_missing', noteId: id }, 'id');
  if (!(REVIEW_STATUSES as readonly string[]).includes(status)) {
    throw new AppError('bad_input', `"${String(status).slice(0, 40)}" is not a follow-up status (${REVIEW_STATUSES.join(', ')})`, { reason: 'review_status' }, 'status');
  }
  const text = response.trim();
  if (text.length > REVIEW_LIMITS.response) {
    throw new AppError('bad_input', `The response is longer than ${REVIEW_LIMITS.response} characters`, { reason: 'review_response_too_long', max: REVIEW_LIMITS.response }, 'response');
  }
  if (status === 'ditindaklanjuti' && !text) {
    throw new AppError('bad_input', `Note ${id} (${note.indicatorCode}): a note marked followed up (ditindaklanjuti) needs a response`, { reason: 'review_response_missing', noteId: id, indicatorCode: note.indicatorCode }, 'response');
  }
  if (text === note.response && status === note.status) return notes;
  const who = actor.person?.name?.trim() || actor.user;
  wb.edit(actor, 'review.respond', null, (tx) => {
    tx.put('review_note', { id, response: text, status, responded_at: new Date().toISOString(), responded_by: who.slice(0, 255) });
    const changes: FieldChange[] = [];
    if (status !== note.status) changes.push(['status', note.status, status]);
    if (text !== note.response) changes.push(['response', note.response, text]);
    tx.pushLog(false, null, null, note.indicatorCode, note.year, null, null, null, null, fieldChangesDetail(changes));
  });
  return wb.reads.reviewNotes();
}
