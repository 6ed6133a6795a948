/**
 * Evaluation notes (issue 18 items 3–4): the evaluation workbook written for one region of a
 * province folder, and the notes kept in the regency's workbook with their follow-up.
 * SKELETON — being built (owner: the review helper).
 */
import { AppError } from '../../shared/api/result.js';
import type { ReviewNote, ReviewStatus, ReviewWorkbookResult } from '../../shared/review.js';
import type { Actor } from '../workbook/edit.js';
import { respondToNote as respondToNoteEdit } from '../workbook/editors/reviews.js';
import type { Workbook } from '../workbook/store.js';

export interface ReviewOutInput {
  folder: string;
  /** The region's workbook file name in the folder. */
  file: string;
  evaluator: string;
  /** YYYY-MM-DD; default today. */
  date?: string | undefined;
}

export async function reviewWorkbookBytes(_input: ReviewOutInput): Promise<ReviewWorkbookResult> {
  throw new AppError('internal', 'the evaluation workbook is not built yet');
}

/** The evaluation notes kept in the open workbook, with their follow-up. */
export function listReviewNotes(wb: Workbook): ReviewNote[] {
  return wb.reads.reviewNotes();
}

/** Answers a note (tindak lanjut) and sets its status: one undo step ('review.respond'). */
export function respondToNote(wb: Workbook, actor: Actor, id: number, response: string, status: ReviewStatus): ReviewNote[] {
  return respondToNoteEdit(wb, actor, id, response, status);
}
