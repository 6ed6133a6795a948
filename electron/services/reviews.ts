/**
 * Evaluation notes (issue 18 items 3–4): the evaluation workbook written for one region of a
 * province folder, and the notes kept in the regency's workbook with their follow-up.
 * SKELETON — being built (owner: the review helper).
 */
import { AppError } from '../../shared/api/result.js';
import type { ReviewNote, ReviewStatus, ReviewWorkbookResult } from '../../shared/review.js';
import type { Actor } from '../workbook/edit.js';
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

export function listReviewNotes(_wb: Workbook): ReviewNote[] {
  throw new AppError('internal', 'evaluation notes are not built yet');
}

export function respondToNote(_wb: Workbook, _actor: Actor, _id: number, _response: string, _status: ReviewStatus): ReviewNote[] {
  throw new AppError('internal', 'evaluation notes are not built yet');
}
