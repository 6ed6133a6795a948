/**
 * Bandingkan's short list of the governor's evaluation notes still open on the indicators the
 * table shows (its group and "only changed" filters apply): indicator, year, note, status. The
 * follow-up itself is written in Pemeriksaan. Not drawn for a workbook without notes.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../shared/domain.js';
import type { ReviewNote } from '../../../shared/review.js';
import { longDate, sortNotes } from './useReviewNotes.js';
import './review.css';

interface Props {
  /** Every note of the workbook (null while loading). */
  notes: readonly ReviewNote[] | null;
  indicators: readonly Indicator[];
  /** The indicators the table shows. */
  shown: ReadonlySet<number>;
}

export function ReviewCompareList({ notes, indicators, shown }: Props) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const byId = useMemo(() => new Map(indicators.map((i) => [i.id, i])), [indicators]);
  const order = useMemo(() => new Map(indicators.map((i, k) => [i.id, k])), [indicators]);
  const open = useMemo(() => sortNotes((notes ?? []).filter((n) => n.status === 'belum' && shown.has(n.indicatorId)), order), [notes, shown, order]);
  if (!notes || notes.length === 0) return null;
  const nameOf = (n: ReviewNote) => {
    const ind = byId.get(n.indicatorId);
    return ind ? (i18n.language === 'en' ? ind.nameEn : ind.nameId) : n.indicatorCode;
  };
  return (
    <section className="card card-wide" aria-labelledby={titleId} data-testid="review-compare">
      <div className="card-toolbar">
        <h2 id={titleId} className="card-title">
          {t('review.compareTitle')}
        </h2>
        <p className="hint">{t('review.compareHint')}</p>
      </div>
      {open.length === 0 ? (
        <p className="muted">{t('review.compareNone')}</p>
      ) : (
        <table className="review-compare-table">
          <thead>
            <tr>
              <th scope="col">{t('review.col.indicator')}</th>
              <th scope="col">{t('review.col.year')}</th>
              <th scope="col">{t('review.col.note')}</th>
              <th scope="col">{t('review.col.evaluator')}</th>
              <th scope="col">{t('review.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((n) => (
              <tr key={n.id}>
                <td>{nameOf(n)}</td>
                <td>{n.year === null ? t('review.allYears') : n.year}</td>
                <td className="review-compare-note">{n.note}</td>
                <td>{t('review.evaluatorOn', { evaluator: n.evaluator, date: longDate(n.reviewDate, i18n.language) })}</td>
                <td>
                  <span className={`badge review-status review-status-${n.status}`}>{t(`review.status.${n.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
