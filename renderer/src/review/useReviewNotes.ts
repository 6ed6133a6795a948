/**
 * The governor's evaluation notes of the open workbook (reviews.list), shared by Pemeriksaan,
 * Target and Bandingkan. Reloaded like the review views' other data (compare/data.ts useLoad): on
 * mount, whenever the workbook summary is reloaded (useWorkbench reloads it after every write the
 * app makes, an undo or redo and an import included), when the window regains focus, and after a
 * response is saved (`set` with the service's answer, the notes as they now are).
 */
import { useMemo } from 'react';
import type { ApiClient } from '../../../shared/api/client.js';
import type { WorkbookSummary } from '../../../shared/domain.js';
import type { ReviewNote } from '../../../shared/review.js';
import { summaryVersion, useLoad, type Loaded } from '../compare/data.js';

export interface ReviewNotes extends Loaded<ReviewNote[]> {
  /** The notes still open (status belum). */
  open: ReviewNote[];
}

export function useReviewNotes(api: ApiClient, summary: WorkbookSummary): ReviewNotes {
  const loaded = useLoad(`reviews:${summary.path}:${summaryVersion(summary)}`, () => api.call('reviews.list'));
  const open = useMemo(() => (loaded.data ?? []).filter((n) => n.status === 'belum'), [loaded.data]);
  return { ...loaded, open };
}

/** Open notes first, then by indicator (the workbook's order) and year (the whole indicator first). */
export function sortNotes(notes: readonly ReviewNote[], order: ReadonlyMap<number, number>): ReviewNote[] {
  return [...notes].sort(
    (a, b) =>
      Number(a.status !== 'belum') - Number(b.status !== 'belum') ||
      (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0) ||
      (a.year ?? -Infinity) - (b.year ?? -Infinity) ||
      a.id - b.id,
  );
}

/** "2021-09-14" → "14 September 2021" in the UI's language (id-ID / en-GB). */
export function longDate(iso: string, lang: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}
