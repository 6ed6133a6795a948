/**
 * The regions' paths and the province's: every region's target path (revised, else original)
 * as a thin muted dashed line and its realisations as a thin solid one, the aggregate bold (its
 * target dashed, its realisations solid with points) — drawn only for years that cover every
 * region — and, for P0, the Governor's 10 % as a labelled reference line. The legend names the
 * four kinds of line once; the tooltip names the region.
 */
import type { ChartConfiguration, LegendItem, TooltipItem } from 'chart.js';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format/number.js';
import { GOVERNOR_TARGET, type ProvinceIndicator } from '../../../shared/model/province.js';
import { ChartCanvas } from '../charts/ChartCanvas.js';
import { CHART_PLUGINS } from '../charts/plugins.js';
import { decimalsOf, provinceValue, targetOf, type IndicatorAggregate, type RegionRow } from './model.js';

type LineConfig = ChartConfiguration<'line', (number | null)[], string>;

/** Muted region lines, still ≥ 3:1 on white (targets 3,2:1, realisations 5,3:1); the aggregate in the app's target/realisation hues. */
const REGION_TARGET = '#87929f';
const REGION_REALISED = '#616e7c';
const AGG_TARGET = '#1d4ed8';
const AGG_REALISED = '#0f766e';
const REFERENCE = '#9f1239';

interface Props {
  rows: RegionRow[];
  years: number[];
  indicator: ProvinceIndicator;
  aggregate: IndicatorAggregate | undefined;
  total: number;
}

export function ProvinceChart({ rows, years, indicator, aggregate, total }: Props) {
  const { t, i18n } = useTranslation();
  const decimals = decimalsOf(indicator);

  const config = useMemo<LineConfig>(() => {
    const labels = years.map(String);
    const names: string[] = [];
    const datasets: LineConfig['data']['datasets'] = [];
    const legendIndexes = new Set<number>();
    rows.forEach((r, i) => {
      if (i === 0) legendIndexes.add(datasets.length);
      names.push(r.name);
      datasets.push({
        label: t('province.chart.regionTarget'),
        data: years.map((y) => targetOf(r.series, y)),
        borderColor: REGION_TARGET,
        backgroundColor: REGION_TARGET,
        borderWidth: 1,
        borderDash: [4, 3],
        pointRadius: 0,
        pointHitRadius: 4,
        spanGaps: true,
        order: 3,
      });
      if (i === 0) legendIndexes.add(datasets.length);
      names.push(r.name);
      datasets.push({
        label: t('province.chart.regionRealised'),
        data: years.map((y) => r.series.realised[String(y)] ?? null),
        borderColor: REGION_REALISED,
        backgroundColor: REGION_REALISED,
        borderWidth: 1,
        pointRadius: 1.5,
        pointHitRadius: 4,
        spanGaps: false,
        order: 2,
      });
    });
    const aggregateName = t('province.table.aggregate');
    legendIndexes.add(datasets.length);
    names.push(aggregateName);
    datasets.push({
      label: t('province.chart.aggregateTarget'),
      data: years.map((y) => provinceValue(aggregate?.target, y, total)),
      borderColor: AGG_TARGET,
      backgroundColor: AGG_TARGET,
      borderWidth: 3,
      borderDash: [8, 4],
      pointRadius: 2.5,
      spanGaps: false,
      order: 1,
    });
    legendIndexes.add(datasets.length);
    names.push(aggregateName);
    datasets.push({
      label: t('province.chart.aggregateRealised'),
      data: years.map((y) => provinceValue(aggregate?.realised, y, total)),
      borderColor: AGG_REALISED,
      backgroundColor: AGG_REALISED,
      borderWidth: 3,
      pointRadius: 4,
      spanGaps: false,
      order: 0,
    });
    return {
      type: 'line',
      data: { labels, datasets },
      plugins: CHART_PLUGINS,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          y: { ticks: { callback: (v) => formatNumber(Number(v), decimals === 0 ? 0 : 1) } },
        },
        plugins: {
          legend: {
            position: 'bottom',
            labels: { filter: (item: LegendItem) => item.datasetIndex !== undefined && legendIndexes.has(item.datasetIndex), boxHeight: 2 },
            // A click would hide only the first region's line: the legend only names.
            onClick: () => {},
          },
          tooltip: {
            callbacks: {
              label: (ctx: TooltipItem<'line'>) => `${names[ctx.datasetIndex] ?? ''} (${ctx.dataset.label ?? ''}): ${formatNumber(ctx.parsed.y, decimals)}`,
            },
          },
          canvasBackground: { color: '#ffffff' },
          referenceLines: {
            lines: indicator === 'P0' ? [{ value: GOVERNOR_TARGET.below, label: t('province.chart.governorLine'), color: REFERENCE }] : [],
          },
        },
      },
    };
    // i18n.language: the labels follow the language switch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, years, aggregate, total, indicator, decimals, t, i18n.language]);

  return (
    <figure className="province-chart">
      <ChartCanvas config={config} label={t('province.chart.label', { count: rows.length })} className="province-chart-box" />
      <figcaption className="hint">{t('province.chart.note')}</figcaption>
    </figure>
  );
}
