/**
 * The import preview of an evaluation workbook (layout 'review', ImportPreview.reviews): its title
 * block (region, evaluator, date, the usulan it was written from) and each note at its Catatan
 * Evaluasi cell — indicator, year, the note, the target the evaluator saw — marked new (apply adds
 * it, status belum) or already present (left as it is, its follow-up kept).
 */
import { useTranslation } from 'react-i18next';
import type { ImportReviews } from '../../../shared/annex.js';
import type { Indicator } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import { longDate } from './useReviewNotes.js';
import './review.css';

interface Props {
  part: ImportReviews;
  indicators: readonly Indicator[];
}

export function ReviewImportPart({ part, indicators }: Props) {
  const { t, i18n } = useTranslation();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const nameOf = (id: number, code: string) => {
    const ind = byId.get(id);
    return ind ? (i18n.language === 'en' ? ind.nameEn : ind.nameId) : code;
  };
  const shown = part.notes.slice(0, 200);
  return (
    <div className="import-reviews" data-testid="import-reviews">
      <p>
        {t('review.import.titleBlock', { region: part.region, evaluator: part.evaluator, date: longDate(part.reviewDate, i18n.language) })}
        {part.scenarioName ? `; ${t('review.import.titleScenario', { scenario: part.scenarioName })}` : ''}.
      </p>
      <h3 className="subheading">{t('review.import.heading', { count: part.notes.length })}</h3>
      {part.present > 0 && <p className="hint">{t('review.import.presentHint')}</p>}
      <table className="data-table import-table">
        <thead>
          <tr>
            <th scope="col">{t('review.import.col.indicator')}</th>
            <th scope="col">{t('review.import.col.year')}</th>
            <th scope="col">{t('review.import.col.note')}</th>
            <th scope="col" className="num">{t('review.import.col.seen')}</th>
            <th scope="col">{t('review.import.col.status')}</th>
            <th scope="col">{t('review.import.col.where')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((n) => (
            <tr key={`${n.sheet}!${n.column}${n.row}`} data-status={n.status}>
              <td>{nameOf(n.indicatorId, n.indicatorCode)}</td>
              <td>{n.year === null ? t('review.allYears') : n.year}</td>
              <td className="review-compare-note">{n.note}</td>
              <td className="num nowrap">{n.seenTarget === null ? '–' : formatNumber(n.seenTarget, byId.get(n.indicatorId)?.decimals ?? 2)}</td>
              <td>{t(`review.import.status.${n.status}`)}</td>
              <td className="mono">{`${n.sheet}!${n.column}${n.row}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {part.notes.length > shown.length && <p className="muted">{t('annex.import.more', { count: part.notes.length - shown.length })}</p>}
    </div>
  );
}
