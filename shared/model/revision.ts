/**
 * The revision's date and the years it treats as history (issue "Numbers a reviewer can trust",
 * item 1). A regency's poverty figures for year Y come from the March Susenas of Y and are
 * published for kabupaten/kota late in Y or early in Y+1; so a revision made in year R has the
 * realisations of the years before R and none of R itself or later. Rule (documented in
 * docs/METHODS.md): year Y is realised by the revision date D when Y < year(D). The demo's
 * revision (23 August 2021) has realisations up to 2020.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** The last year whose realisation was published by the revision date; null without a date. */
export function lastRealisedYear(revisionDate: string | null): number | null {
  if (revisionDate === null || !isIsoDate(revisionDate)) return null;
  return Number(revisionDate.slice(0, 4)) - 1;
}

/** Whether a year's target is history at the revision date (its realisation was published). */
export function isRealisedYear(year: number, revisionDate: string | null): boolean {
  const last = lastRealisedYear(revisionDate);
  return last !== null && year <= last;
}
