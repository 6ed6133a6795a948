/**
 * Bandingkan: a scenario's revised targets against the original RPJMD targets or another
 * scenario — the table (what changed, by how much, why, against what happened) and the charts.
 */
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Indicator, IndicatorGroup, IndicatorValue, WorkbookSummary } from '../../../shared/domain.js';
import { GROUPS } from '../../../shared/domain.js';
import { IndicatorChart } from '../charts/IndicatorChart.js';
import { buildIndicatorChart, hasData, type ChartScenario } from '../charts/series.js';
import { capaianContext } from '../../../shared/model/capaian.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { CompareTable } from '../compare/CompareTable.js';
import { summaryVersion, useLoad } from '../compare/data.js';
import { FeasibilityPanel, useFeasibility } from '../feasibility/FeasibilityPanel.js';
import { useCurrentScenario } from '../current-scenario.js';
import { arrangeRows, buildCompareRows, summarise, type CompareBase, type CompareSort } from '../compare/model.js';
import { ReviewCompareList } from '../review/ReviewCompareList.js';
import { useReviewNotes } from '../review/useReviewNotes.js';
import '../compare/compare.css';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  values: IndicatorValue[];
}

/** The indicator the chart opens on: poverty rate when the workbook has it. */
const DEFAULT_CHART_CODE = 'P0';

export function CompareView({ api, summary, values }: Props) {
  const { t, i18n } = useTranslation();
  const ids = { scenario: useId(), base: useId(), group: useId(), sort: useId(), only: useId(), chart: useId() };
  const { selected, select } = useCurrentScenario();
  const [baseChoice, setBaseChoice] = useState<number | 'original'>('original');
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [group, setGroup] = useState<IndicatorGroup | null>(null);
  const [sort, setSort] = useState<CompareSort>('indicator');
  const [chartId, setChartId] = useState<number | null>(null);
  const chartSection = useRef<HTMLElement>(null);
  const version = summaryVersion(summary);
  const nameOf = useCallback((ind: Indicator) => (i18n.language === 'en' ? ind.nameEn : ind.nameId), [i18n.language]);

  const baseScenario = baseChoice === 'original' ? null : (summary.scenarios.find((s) => s.id === baseChoice && s.id !== selected?.id) ?? null);

  const targets = useLoad(selected ? `${selected.id}:${version}` : null, () => api.call('scenario.targets', { scenarioId: selected!.id }));
  const baseTargets = useLoad(baseScenario ? `${baseScenario.id}:${version}` : null, () => api.call('scenario.targets', { scenarioId: baseScenario!.id }));
  const refs = useLoad(`refs:${version}`, () => api.call('references.list'));
  const feasibility = useFeasibility(api, selected?.id ?? null, version);
  const capaianSettings = useLoad(`capaian:${version}`, () => api.call('capaian.list'));
  const methodBreaks = useLoad(`breaks:${version}`, () => api.call('methodBreaks.list'));
  // The workbook's band scale, formula per indicator and method changes, as the annex uses them.
  const capaian = useMemo(
    () => capaianContext({ plan: summary.plan, settings: summary.settings, capaianSettings: capaianSettings.data, methodBreaks: methodBreaks.data }),
    [summary.plan, summary.settings, capaianSettings.data, methodBreaks.data],
  );

  const base = useMemo((): CompareBase | null => {
    if (!baseScenario) return { kind: 'original' };
    return baseTargets.data?.scenarioId === baseScenario.id ? { kind: 'scenario', targets: baseTargets.data } : null;
  }, [baseScenario, baseTargets.data]);
  const ready = targets.data !== null && targets.data.scenarioId === selected?.id && base !== null;

  const rows = useMemo(
    () => (ready && base && targets.data ? buildCompareRows({ plan: summary.plan, indicators: summary.indicators, values, selected: targets.data, base, capaian }) : []),
    [ready, base, summary, values, targets.data, capaian],
  );
  const groups = useMemo(() => arrangeRows(rows, { onlyChanged, group, sort }), [rows, onlyChanged, group, sort]);
  // The governor's evaluation notes still open on the indicators the table shows.
  const reviewNotes = useReviewNotes(api, summary);
  const shownIndicators = useMemo(() => new Set(groups.flatMap((g) => g.rows.map((r) => r.indicator.id))), [groups]);
  const totals = summarise(rows);

  const chartIndicator =
    summary.indicators.find((i) => i.id === chartId) ?? summary.indicators.find((i) => i.code === DEFAULT_CHART_CODE) ?? summary.indicators[0] ?? null;

  const chartScenarios = useMemo((): ChartScenario[] => {
    const list: ChartScenario[] = [];
    if (selected && targets.data?.scenarioId === selected.id) list.push({ name: selected.name, targets: targets.data, role: 'revised' });
    if (baseScenario && baseTargets.data?.scenarioId === baseScenario.id) list.push({ name: baseScenario.name, targets: baseTargets.data, role: 'base_scenario' });
    return list;
  }, [selected, targets.data, baseScenario, baseTargets.data]);

  const chartModel = useCallback(
    (indicator: Indicator) =>
      buildIndicatorChart({
        plan: summary.plan,
        indicator,
        values,
        scenarios: chartScenarios,
        references: refs.data?.references ?? [],
        shockYears: refs.data?.shockYears ?? [],
        revisionDate: summary.settings.revisionDate,
      }),
    [summary.plan, summary.settings.revisionDate, values, chartScenarios, refs.data],
  );
  const mainChart = useMemo(() => (chartIndicator ? chartModel(chartIndicator) : null), [chartIndicator, chartModel]);
  const povertyCharts = useMemo(
    () => summary.indicators.filter((i) => i.group === 'kemiskinan').map(chartModel).filter(hasData),
    [summary.indicators, chartModel],
  );

  const showChart = (indicator: Indicator) => {
    setChartId(indicator.id);
    chartSection.current?.scrollIntoView({ block: 'start' });
    chartSection.current?.focus({ preventScroll: true });
  };

  if (!selected) {
    return (
      <div className="review-view compare-view">
        <header className="page-header">
          <h1 className="page-title">{t('compare.title')}</h1>
        </header>
        <section className="card review-empty">
          <p>{t('compare.noScenario')}</p>
          <p className="hint">{t('compare.noScenarioHint')}</p>
        </section>
      </div>
    );
  }

  const beforeLabel = baseScenario ? baseScenario.name : t('compare.originalTargets');
  const error = targets.error ?? baseTargets.error ?? refs.error;
  const fileParts = baseScenario ? [selected.name, 'vs', baseScenario.name] : [selected.name];

  return (
    <div className="review-view compare-view">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('compare.title')}</h1>
          <p className="page-subtitle">{t('compare.subtitle', { scenario: selected.name, base: beforeLabel })}</p>
        </div>
      </header>
      <ErrorAlert
        error={error}
        onDismiss={() => {
          targets.dismissError();
          baseTargets.dismissError();
          refs.dismissError();
        }}
      />

      <section className="card review-toolbar" aria-label={t('compare.controls')}>
        <div className="field-inline">
          <label htmlFor={ids.scenario}>{t('compare.scenario')}</label>
          <select id={ids.scenario} className="select" value={selected.id} onChange={(e) => select(Number(e.target.value))}>
            {summary.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.status === 'usulan' ? `${s.name} (${t('workbook.scenarioStatus.usulan')})` : s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor={ids.base}>{t('compare.compareWith')}</label>
          <select
            id={ids.base}
            className="select"
            value={baseScenario ? String(baseScenario.id) : 'original'}
            onChange={(e) => setBaseChoice(e.target.value === 'original' ? 'original' : Number(e.target.value))}
          >
            <option value="original">{t('compare.originalTargets')}</option>
            {summary.scenarios
              .filter((s) => s.id !== selected.id)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor={ids.group}>{t('compare.group')}</label>
          <select id={ids.group} className="select" value={group ?? ''} onChange={(e) => setGroup((e.target.value || null) as IndicatorGroup | null)}>
            <option value="">{t('compare.groupAll')}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`grid.group.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor={ids.sort}>{t('compare.sort')}</label>
          <select id={ids.sort} className="select" value={sort} onChange={(e) => setSort(e.target.value as CompareSort)}>
            <option value="indicator">{t('compare.sortIndicator')}</option>
            <option value="change">{t('compare.sortChange')}</option>
          </select>
        </div>
        <label className="check-inline" htmlFor={ids.only}>
          <input id={ids.only} type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
          {t('compare.onlyChanged')}
        </label>
      </section>

      <section className="card card-wide" aria-labelledby="compare-table-title">
        <div className="card-toolbar">
          <h2 id="compare-table-title" className="card-title">
            {t('compare.tableTitle')}
          </h2>
          <p className="compare-summary" data-testid="compare-summary" aria-live="polite">
            {ready ? t('compare.summary', { changed: totals.changed, cells: totals.cells, loosened: totals.loosened }) : t('common.loading')}
          </p>
        </div>
        {ready && <CompareTable groups={groups} beforeLabel={beforeLabel} afterLabel={selected.name} onShowChart={showChart} />}
        <ul className="grid-legend">
          <li>
            <span className="illustrative-marker" aria-hidden="true">
              *
            </span>{' '}
            {t('grid.legendIllustrative')}
          </li>
          <li>
            <span className="derived-marker" aria-hidden="true">
              ≈
            </span>{' '}
            {t('compare.table.derived')}
          </li>
          <li>{t('compare.legendDelta')}</li>
          <li>{t('compare.legendCapaian')}</li>
        </ul>
      </section>

      {ready && <ReviewCompareList notes={reviewNotes.data} indicators={summary.indicators} shown={shownIndicators} />}

      <section className="card card-wide chart-section" ref={chartSection} tabIndex={-1} aria-labelledby="compare-chart-title">
        <div className="card-toolbar">
          <h2 id="compare-chart-title" className="card-title">
            {t('compare.chartTitle')}
          </h2>
          <div className="field-inline">
            <label htmlFor={ids.chart}>{t('compare.chartIndicator')}</label>
            <select id={ids.chart} className="select" value={chartIndicator?.id ?? ''} onChange={(e) => setChartId(Number(e.target.value))}>
              {summary.indicators.map((i) => (
                <option key={i.id} value={i.id}>
                  {nameOf(i)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {mainChart && ready && <IndicatorChart model={mainChart} fileParts={fileParts} />}
      </section>

      <section className="card card-wide" aria-labelledby="compare-multiples-title">
        <h2 id="compare-multiples-title" className="card-title">
          {t('compare.multiplesTitle')}
        </h2>
        <ul className="multiples-legend" aria-label={t('compare.multiplesLegend')}>
          <li>
            <span className="swatch swatch-realisation" aria-hidden="true" />
            {t('compare.chart.realisation')}
          </li>
          <li>
            <span className="swatch swatch-original" aria-hidden="true" />
            {t('compare.chart.original')}
          </li>
          <li>
            <span className="swatch swatch-revised" aria-hidden="true" />
            {t('compare.chart.revised', { name: selected.name })}
          </li>
          {baseScenario && (
            <li>
              <span className="swatch swatch-base" aria-hidden="true" />
              {t('compare.chart.baseScenario', { name: baseScenario.name })}
            </li>
          )}
          <li>
            <span className="swatch swatch-shock" aria-hidden="true" />
            {t('compare.multiplesShock')}
          </li>
          {povertyCharts.some((m) => m.samplingBands.length > 0) && (
            <li>
              <span className="swatch swatch-sampling" aria-hidden="true" />
              {t('chartMarks.samplingLegend')}
            </li>
          )}
          <li>
            <span className="swatch swatch-reference" aria-hidden="true" />
            {t('compare.multiplesReference')}
          </li>
          <li>
            <span className="swatch swatch-illustrative" aria-hidden="true" />
            {t('compare.chart.illustrativeLegend')}
          </li>
        </ul>
        {ready && (
          <div className="multiples">
            {povertyCharts.map((m) => (
              <IndicatorChart key={m.indicator.id} model={m} compact fileParts={fileParts} />
            ))}
          </div>
        )}
      </section>

      {selected && <FeasibilityPanel id="compare-feasibility" report={feasibility} withOriginal />}
    </div>
  );
}
