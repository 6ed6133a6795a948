/**
 * Kelayakan: what each P0 target asks of the economy, from the region's own distribution
 * (shared/model/feasibility.ts computes everything; this panel only words and formats it). Every
 * number is labelled a model estimate with its assumptions; a number the model cannot give is
 * replaced by the located problem that says which figure to enter — never a blank or NaN.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import { formatNumber, formatShare, formatSignedNumber } from '../../../shared/format/number.js';
import type { FeasibilityRating, FeasibilityReport } from '../../../shared/model/feasibility.js';
import './feasibility.css';

/** A share (0,1232) as a percentage with 2 decimals ("12,32"). */
const pct = formatShare;
/** A growth fraction (0,0145) as a signed percentage ("+1,45"). */
const growth = (g: number) => formatSignedNumber(g * 100, 2);

/**
 * Loads the report for a scenario; `version` (anything that changes when the targets or the
 * workbook do) reloads it. null while loading; 'failed' when the service refused.
 */
export function useFeasibility(api: ApiClient, scenarioId: number | null, version: unknown): FeasibilityReport | null | 'failed' {
  const [state, setState] = useState<{ key: unknown; report: FeasibilityReport | 'failed' } | null>(null);
  useEffect(() => {
    if (scenarioId === null) return;
    let live = true;
    void api.call('feasibility.get', { scenarioId }).then((r) => {
      if (live) setState({ key: version, report: r.ok ? r.value : 'failed' });
    });
    return () => {
      live = false;
    };
  }, [api, scenarioId, version]);
  // A report for older targets is not shown as if it were for these.
  return scenarioId === null || !state || state.key !== version ? null : state.report;
}

interface Props {
  report: FeasibilityReport | null | 'failed';
  /** The panel's element id (its title is `${id}-title`). */
  id: string;
  /** Bandingkan: the original target (target awal) and the growth a year it needed, beside the revised. */
  withOriginal?: boolean;
}

function RatingBadge({ rating, limit }: { rating: FeasibilityRating; limit: number | null }) {
  const { t } = useTranslation();
  return (
    <span className={`rating rating-${rating}`} title={t(`feasibility.ratingTitle.${rating}`, { limit: limit === null ? '–' : pct(limit) })}>
      {t(`feasibility.rating.${rating}`)}
    </span>
  );
}

export function FeasibilityPanel({ report, id, withOriginal = false }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const titleId = `${id}-title`;

  const body = () => {
    if (report === null) return <p className="muted">{t('feasibility.loading')}</p>;
    if (report === 'failed') return <p className="feasibility-failed">{t('feasibility.failed')}</p>;
    const { base, record, years, problems } = report;
    const fitted = base.sigma !== null && base.year !== null && base.p0 !== null;
    const dispersion = base.fittedFrom === 'gini'
      ? t('feasibility.gini', { gini: formatNumber(base.gini ?? 0, 3) })
      : t('feasibility.p1', { p1: formatNumber((base.p1 ?? 0) * 100, 2) });
    const recordYears = record.years.filter((y) => y.impliedGrowth !== null);
    const span = recordYears.length ? `${recordYears[0]!.year - 1}–${recordYears[recordYears.length - 1]!.year}` : '';
    const limitOf = (r: FeasibilityRating) => (r === 'realistic' ? record.realisticUpTo : record.ambitiousUpTo);
    return (
      <>
        <div className="feasibility-facts">
          <p data-testid="feasibility-base">
            {fitted
              ? t('feasibility.base', {
                  year: String(base.year),
                  p0: pct(base.p0!),
                  dispersion,
                  sigma: formatNumber(base.sigma!, 3),
                  from: t(base.fittedFrom === 'gini' ? 'feasibility.fromGini' : 'feasibility.fromP1'),
                })
              : t('feasibility.baseMissing')}{' '}
            {fitted && base.p2Predicted !== null &&
              (base.p2 !== null && base.p2Gap !== null
                ? t('feasibility.p2Check', { predicted: pct(base.p2Predicted), known: pct(base.p2), gap: formatSignedNumber(base.p2Gap * 100, 2) })
                : t('feasibility.p2Predicted', { predicted: pct(base.p2Predicted) }))}
          </p>
          {fitted && (
            <p data-testid="feasibility-record">
              {record.meanImpliedGrowth !== null && record.bestImpliedGrowth !== null
                ? t('feasibility.record', { span, mean: growth(record.meanImpliedGrowth), best: growth(record.bestImpliedGrowth) })
                : t('feasibility.noRecord')}{' '}
              {record.meanImpliedGrowth !== null &&
                (record.passThrough !== null ? t('feasibility.passThrough', { value: formatNumber(record.passThrough, 3) }) : t('feasibility.noPassThrough'))}
            </p>
          )}
        </div>
        {fitted && years.length === 0 && <p className="muted">{t('feasibility.noYears')}</p>}
        {fitted && years.length > 0 && (
          <div className="estimate-table-wrap">
            <table className="estimate-table feasibility-table" data-testid="feasibility-table">
              <caption className="visually-hidden">{t('feasibility.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('feasibility.col.year')}</th>
                  {withOriginal && <th scope="col" className="num">{t('feasibility.col.original')}</th>}
                  {withOriginal && <th scope="col" className="num">{t('feasibility.col.originalPerYear')}</th>}
                  <th scope="col" className="num">{t('feasibility.col.target')}</th>
                  <th scope="col" className="num">{t('feasibility.col.cumulative', { year: String(base.year) })}</th>
                  <th scope="col" className="num">{t('feasibility.col.perYear')}</th>
                  <th scope="col" className="num">{t('feasibility.col.peopleOut')}</th>
                  <th scope="col" className="num">{t('feasibility.col.economy')}</th>
                  <th scope="col">{t('feasibility.col.rating')}</th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y.year} data-year={y.year}>
                    <th scope="row">{y.year}</th>
                    {withOriginal && (
                      <td className="num">
                        {y.originalTarget === null ? '–' : pct(y.originalTarget)}
                        {y.originalIllustrative && (
                          <span className="illustrative-marker" role="img" aria-label={t('value.illustrativeMarker')}>
                            *
                          </span>
                        )}
                      </td>
                    )}
                    {withOriginal && <td className="num">{y.originalRequiredGrowthPerYear === null ? '–' : `${growth(y.originalRequiredGrowthPerYear)} %`}</td>}
                    <td className="num">{pct(y.target)}</td>
                    <td className="num">{y.requiredGrowth === null ? '–' : `${growth(y.requiredGrowth)} %`}</td>
                    <td className="num">{y.requiredGrowthPerYear === null ? '–' : `${growth(y.requiredGrowthPerYear)} %`}</td>
                    <td className="num">{y.peopleOut === null ? '–' : formatSignedNumber(y.peopleOut, 0)}</td>
                    <td className="num">{y.economicGrowthNeeded === null ? '–' : `${formatNumber(y.economicGrowthNeeded * 100, 1)} %`}</td>
                    <td>{y.rating === null ? '–' : <RatingBadge rating={y.rating} limit={limitOf(y.rating)} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {problems.length > 0 && (
          <div className="feasibility-problems">
            <h3 className="feasibility-subtitle">{t('feasibility.problems')}</h3>
            <ul>
              {problems.map((p, i) => (
                <li key={`${p.code}-${p.indicator}-${p.year ?? ''}-${i}`} className={`feasibility-problem-${p.severity}`} data-code={p.code}>
                  {p.message[lang]}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="feasibility-assumptions">{t('feasibility.assumptions')}</p>
      </>
    );
  };

  return (
    <section className="card card-wide estimate-card feasibility-panel" aria-labelledby={titleId} id={id} data-testid="feasibility-panel">
      <h2 id={titleId} className="card-title">
        {t('feasibility.title')} <span className="badge badge-model">{t('feasibility.model')}</span>
        {report !== null && report !== 'failed' && report.illustrative && <span className="badge badge-illustrative">{t('feasibility.illustrative')}</span>}
      </h2>
      {body()}
    </section>
  );
}
