import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TYPED_SERIES, type Indicator, type IndicatorValue, type TypedSeries, type WorkbookSummary } from '../../../shared/domain.js';
import { cellProblemText, isCellProblem } from '../../../shared/model/cell-rules.js';
import { formatForEditing } from '../../../shared/format/number.js';
import { IndicatorGrid } from '../grid/IndicatorGrid.js';
import { SELECTABLE_SERIES, type SelectableSeries } from '../grid/rows.js';
import { RevisionSettings } from '../workbook/RevisionSettings.js';
import { ProfileCard } from '../components/ProfileParts.js';
import { AnnexSettings } from '../workbook/AnnexSettings.js';
import { NextSteps } from '../workbook/NextSteps.js';
import type { ViewId } from './registry.js';
import type { ApiClient } from '../../../shared/api/client.js';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  values: IndicatorValue[];
  busy: boolean;
  onClose: () => void;
  onChanged: () => Promise<void>;
  /** Opens another view (the next-steps card's buttons). */
  onOpenView: (view: ViewId) => void;
}

/** Buku Kerja: the plan, the file, the scenarios and the indicator table. */
export function WorkbookView({ api, summary, values, busy, onClose, onChanged, onOpenView }: Props) {
  const { t, i18n } = useTranslation();
  const [series, setSeries] = useState<SelectableSeries>('realisation');
  const seriesId = useId();
  const sourceId = useId();
  const { plan } = summary;
  // The source typed values get, per series ("BPS, Data dan Informasi Kemiskinan 2020"): a number without one is refused.
  const [sources, setSources] = useState<Record<TypedSeries, string>>({ realisation: '', se: '' });
  const typed = (TYPED_SERIES as readonly string[]).includes(series) ? (series as TypedSeries) : null;
  // Not tied to `busy`: the reload after a save must not swallow the next cell's keystrokes.
  const editable = typed !== null && !summary.readOnly;

  const setValue = useCallback(
    async ({ indicator, year, value }: { indicator: Indicator; year: number; value: number | null }): Promise<string | null> => {
      if (!typed) return null;
      const cell = t('target.edit.cell', { indicator: i18n.language === 'en' ? indicator.nameEn : indicator.nameId, year: String(year) });
      const source = sources[typed].trim();
      if (value !== null && !source) return t('workbook.typed.sourceMissing', { cell });
      const r = await api.call('values.set', { cells: [{ indicatorId: indicator.id, year, series: typed, value, source }] });
      if (r.ok) {
        await onChanged();
        return null;
      }
      const problem = r.params?.problem;
      if (typeof problem === 'string' && isCellProblem(problem)) {
        const reason = cellProblemText(problem, { value: value === null ? '' : formatForEditing(value, 0), decimals: indicator.decimals }, i18n.language === 'en' ? 'en' : 'id');
        return t('target.edit.refused', { cell, reason });
      }
      return t('workbook.typed.failed', { cell });
    },
    [api, i18n.language, onChanged, sources, t, typed],
  );

  return (
    <div className="workbook-view">
      <header className="page-header">
        <div>
          <h1 className="page-title">{plan.region}</h1>
          <p className="page-subtitle">
            {plan.province} · {t('workbook.planTitle', { first: String(plan.firstYear), last: String(plan.lastYear) })}
          </p>
        </div>
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t('workbook.closeWorkbook')}
        </button>
      </header>

      <NextSteps api={api} summary={summary} onChanged={onChanged} onOpenView={onOpenView} />

      <div className="cards">
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title" className="card-title">
            {t('workbook.facts')}
          </h2>
          <dl className="facts facts-grid">
            <dt>{t('workbook.region')}</dt>
            <dd>{plan.region}</dd>
            <dt>{t('workbook.province')}</dt>
            <dd>{plan.province}</dd>
            <dt>{t('workbook.period')}</dt>
            <dd>{t('workbook.periodValue', { first: String(plan.firstYear), last: String(plan.lastYear) })}</dd>
            <dt>{t('workbook.baselineYear')}</dt>
            <dd>{String(plan.baselineYear)}</dd>
            <dt>{t('workbook.path')}</dt>
            <dd className="path" data-testid="workbook-path">
              {summary.path}
            </dd>
            <dt>{t('workbook.schemaVersion')}</dt>
            <dd>{String(summary.schemaVersion)}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="scenarios-title">
          <h2 id="scenarios-title" className="card-title">
            {t('workbook.scenarios')}
          </h2>
          {summary.scenarios.length === 0 ? (
            <p className="muted">{t('workbook.scenariosNone')}</p>
          ) : (
            <ul className="scenario-list">
              {summary.scenarios.map((s) => (
                <li key={s.id} className="scenario-item">
                  <span className="scenario-name">{s.name}</span>
                  <span className={`badge badge-${s.status}`}>{t(`workbook.scenarioStatus.${s.status}`)}</span>
                  {s.description && <span className="scenario-description">{s.description}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card card-wide" aria-labelledby="indicators-title">
        <div className="card-toolbar">
          <h2 id="indicators-title" className="card-title">
            {t('workbook.indicators')}{' '}
            <span className="count">{t('workbook.indicatorCount', { count: summary.indicators.length })}</span>
          </h2>
          <div className="field-inline">
            <label htmlFor={seriesId}>{t('series.label')}</label>
            <select
              id={seriesId}
              className="select"
              value={series}
              onChange={(e) => setSeries(e.target.value as SelectableSeries)}
            >
              {SELECTABLE_SERIES.map((s) => (
                <option key={s} value={s}>
                  {t(`series.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {typed && !summary.readOnly && (
          <div className="typed-source">
            <label htmlFor={sourceId}>{t('workbook.typed.source')}</label>
            <input
              id={sourceId}
              className="input"
              value={sources[typed]}
              maxLength={300}
              placeholder={t(`workbook.typed.sourcePlaceholder.${typed}`)}
              onChange={(e) => setSources((s) => ({ ...s, [typed]: e.target.value }))}
            />
            <p className="hint">{t(`workbook.typed.hint.${typed}`)}</p>
          </div>
        )}
        <IndicatorGrid
          plan={plan}
          indicators={summary.indicators}
          values={values}
          series={series}
          editable={editable}
          onSetValue={setValue}
        />
      </section>

      <RevisionSettings api={api} summary={summary} readOnly={summary.readOnly} onChanged={onChanged} />

      <AnnexSettings api={api} summary={summary} readOnly={summary.readOnly} onChanged={onChanged} />

      <ProfileCard />
    </div>
  );
}
