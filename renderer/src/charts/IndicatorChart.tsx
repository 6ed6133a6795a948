/**
 * One indicator's line chart: realisation, original target and revised target(s) over the plan
 * years, shock years shaded, level references drawn as labelled dashed lines, illustrative values
 * dashed with hollow points, realisations published after the revision date as triangles
 * (monitoring, named in the legend), provisional figures said in the tooltip, the 95 % sampling
 * interval of each realisation with a standard error drawn around it (a band, or an error bar
 * for a year standing alone) and said in the tooltip. Labels follow the UI language, numbers are id-ID (formatNumber).
 * A toolbar copies or saves the chart as PNG.
 */
import type { Chart as ChartInstance, ChartConfiguration, LegendItem, ScriptableLineSegmentContext } from 'chart.js';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceTarget } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import { ChartCanvas } from './ChartCanvas.js';
import { copyCanvasPng, pngFileName, saveCanvasPng } from './png.js';
import { CHART_PLUGINS } from './plugins.js';
import { COMPARISON_SIGN, samplingRuns, samplingWords, type ChartLine, type IndicatorChartModel, type LineKind } from './series.js';
// The chart's box, caption and swatches (shared by Bandingkan and the Target preview).
import '../compare/compare.css';

type LineChart = ChartInstance<'line', (number | null)[], string>;
type LineConfig = ChartConfiguration<'line', (number | null)[], string>;

/** Line colours: distinct in hue and lightness (colour-blind safe pairs), ≥ 3:1 on white. */
export const LINE_COLORS: Record<LineKind, string> = {
  realisation: '#0f766e',
  original: '#1d4ed8',
  revised: '#c2410c',
  base_scenario: '#7e22ce',
};
const REFERENCE_COLOR = '#9f1239';
const SHOCK_FILL = 'rgba(82, 96, 109, 0.14)';
const SHOCK_TEXT = '#3e4c59';
/**
 * The sampling band: the realisation's teal, translucent (the lines over it keep ≥ 4:1), edged
 * and its error bars drawn at 0,8 opacity (≥ 3:1 on white).
 */
export const SAMPLING_FILL = 'rgba(15, 118, 110, 0.16)';
export const SAMPLING_STROKE = 'rgba(15, 118, 110, 0.8)';
const DASH = [6, 4];
const SOLID: number[] = [];

interface Props {
  model: IndicatorChartModel;
  /** Small-multiples size: no legend, smaller type. */
  compact?: boolean;
  /** Words for the PNG file name (scenario name…), after the indicator code. */
  fileParts: string[];
  /** A compact chart with no legend of its own: name the sampling band under it when it has one. */
  bandKey?: boolean;
}

function allIllustrative(line: ChartLine): boolean {
  const known = line.points.filter((p) => p !== null);
  return known.length > 0 && known.every((p) => p.illustrative);
}

export function IndicatorChart({ model, compact = false, fileParts, bandKey = false }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const chartRef = useRef<LineChart | null>(null);
  const [status, setStatus] = useState('');
  const { indicator } = model;
  const name = lang === 'en' ? indicator.nameEn : indicator.nameId;
  const fmt = useCallback((v: number) => formatNumber(v, indicator.decimals), [indicator.decimals]);

  const lineLabel = useCallback(
    (line: ChartLine) => {
      if (line.kind === 'revised') return t('compare.chart.revised', { name: line.scenarioName ?? '' });
      if (line.kind === 'base_scenario') return t('compare.chart.baseScenario', { name: line.scenarioName ?? '' });
      return t(`compare.chart.${line.kind}`);
    },
    [t],
  );

  const refLabel = useCallback(
    (ref: ReferenceTarget) =>
      t('compare.chart.referenceLine', {
        label: ref.label,
        rule: `${COMPARISON_SIGN[ref.comparison]} ${fmt(ref.value)}`,
        unit: indicator.unit,
        year: ref.year === null ? '' : String(ref.year),
      }),
    [t, fmt, indicator.unit],
  );

  const config = useMemo((): LineConfig => {
    const lines = model.lines.filter((l) => l.points.some((p) => p !== null));
    const known = lines.flatMap((l) => l.points.filter((p) => p !== null).map((p) => p.value));
    const refValues = model.levels.map((r) => r.value);
    const realisationIndex = lines.findIndex((l) => l.kind === 'realisation');
    const bands = realisationIndex < 0 ? [] : model.samplingBands;
    const bandAt = new Map(bands.map((b) => [b.index, b]));
    const all = [...known, ...refValues, ...bands.flatMap((b) => [b.lo, b.hi])];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = hi > lo ? (hi - lo) * 0.08 : Math.abs(hi) * 0.1 || 1;
    const suggestedMin = indicator.minValue === null ? lo - pad : Math.max(indicator.minValue, lo - pad);
    const suggestedMax = indicator.maxValue === null ? hi + pad : Math.min(indicator.maxValue, hi + pad);
    const hasIllustrative = lines.some((l) => l.points.some((p) => p?.illustrative));
    const shockYears = model.shockRuns.flatMap((r) => r.years);

    const datasets = lines.map((line) => {
      const color = LINE_COLORS[line.kind];
      const ill = line.points.map((p) => p?.illustrative ?? false);
      return {
        label: lineLabel(line),
        data: line.points.map((p) => (p ? p.value : null)),
        borderColor: color,
        backgroundColor: color,
        // Revised lines are drawn under the others and wider, so they show where they coincide.
        borderWidth: line.kind === 'realisation' ? 2.5 : line.kind === 'original' ? 2 : 3.5,
        borderDash: allIllustrative(line) ? DASH : SOLID,
        pointRadius: compact ? 2.5 : 3.5,
        pointHoverRadius: compact ? 4 : 5,
        pointBorderWidth: 1.5,
        pointBorderColor: color,
        pointBackgroundColor: ill.map((i) => (i ? '#ffffff' : color)),
        pointStyle: line.points.map((p) => (p?.afterRevision ? 'triangle' : 'circle')),
        spanGaps: false,
        tension: 0,
        segment: {
          borderDash: (ctx: ScriptableLineSegmentContext) => (ill[ctx.p0DataIndex] || ill[ctx.p1DataIndex] ? DASH : SOLID),
        },
      };
    });

    const legendExtras: LegendItem[] = [];
    if (model.shockRuns.length > 0) {
      legendExtras.push({
        text: t('compare.chart.shockLegend', { years: shockYears.join(', '), reason: model.shockRuns[0]?.reason ?? '' }),
        fillStyle: SHOCK_FILL,
        strokeStyle: SHOCK_FILL,
        lineWidth: 0,
      });
    }
    if (hasIllustrative) {
      legendExtras.push({ text: t('compare.chart.illustrativeLegend'), fillStyle: '#ffffff', strokeStyle: '#52606d', lineWidth: 1.5, lineDash: [4, 2] });
    }
    if (lines.some((l) => l.points.some((p) => p?.afterRevision))) {
      legendExtras.push({ text: t('chartMarks.afterRevisionLegend'), fillStyle: LINE_COLORS.realisation, strokeStyle: LINE_COLORS.realisation, lineWidth: 1, pointStyle: 'triangle' });
    }

    return {
      type: 'line',
      data: { labels: model.years.map(String), datasets },
      plugins: CHART_PLUGINS,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        // Crisp PNGs: the canvas backing store is at least twice the CSS size.
        devicePixelRatio: Math.max(2, window.devicePixelRatio || 1),
        interaction: { mode: 'index', intersect: false },
        layout: { padding: compact ? 4 : 8 },
        scales: {
          x: { grid: { display: false }, ticks: { font: { size: compact ? 10 : 12 } } },
          y: {
            suggestedMin,
            suggestedMax,
            ticks: { font: { size: compact ? 10 : 12 }, maxTicksLimit: compact ? 5 : 8, callback: (v) => fmt(Number(v)) },
            title: { display: !compact, text: indicator.unit },
          },
        },
        plugins: {
          title: { display: true, text: compact ? name : `${name} (${indicator.unit})`, font: { size: compact ? 12 : 14, weight: 'bold' }, align: 'start' },
          legend: {
            display: !compact,
            position: 'bottom',
            labels: {
              boxWidth: 26,
              boxHeight: 10,
              generateLabels: (chart) => [
                ...chart.data.datasets.map((ds, i): LegendItem => {
                  const line = lines[i];
                  const dash = line ? allIllustrative(line) : false;
                  const color = line ? LINE_COLORS[line.kind] : '#1f2933';
                  return { text: ds.label ?? '', fillStyle: dash ? '#ffffff' : color, strokeStyle: color, lineWidth: 2, lineDash: dash ? [4, 2] : [], hidden: !chart.isDatasetVisible(i), datasetIndex: i };
                }),
                // The band shows with its realisation line (hidden with it from the legend).
                ...(bands.length > 0
                  ? [{ text: t('chartMarks.samplingLegend'), fillStyle: SAMPLING_FILL, strokeStyle: SAMPLING_STROKE, lineWidth: 1, hidden: !chart.isDatasetVisible(realisationIndex) }]
                  : []),
                ...legendExtras,
              ],
            },
            onClick: (_e, item, legend) => {
              if (item.datasetIndex === undefined) return;
              const chart = legend.chart;
              chart.setDatasetVisibility(item.datasetIndex, !chart.isDatasetVisible(item.datasetIndex));
              chart.update();
            },
          },
          tooltip: {
            callbacks: {
              title: (items) => items[0]?.label ?? '',
              label: (item) => {
                const line = lines[item.datasetIndex];
                const point = line?.points[item.dataIndex];
                const text = `${item.dataset.label ?? ''}: ${fmt(item.parsed.y ?? NaN)} ${indicator.unit}`;
                const band = line?.kind === 'realisation' ? bandAt.get(item.dataIndex) : undefined;
                const marks = [
                  point?.illustrative ? t('compare.illustrative') : '',
                  point?.provisional ? t('chartMarks.provisional') : '',
                  point?.afterRevision ? t('chartMarks.afterRevision') : '',
                  band ? t('chartMarks.samplingInterval', samplingWords(band, indicator.decimals)) : '',
                ].filter(Boolean);
                return marks.length ? `${text} (${marks.join('; ')})` : text;
              },
            },
          },
          shockBands: {
            bands: model.shockRuns.map((r) => ({ from: r.from, to: r.to, label: compact ? '' : r.reason })),
            color: SHOCK_FILL,
            textColor: SHOCK_TEXT,
          },
          samplingBands: {
            runs: samplingRuns(bands).map((run) => run.map((b) => ({ index: b.index, lo: b.lo, hi: b.hi }))),
            datasetIndex: realisationIndex,
            fill: SAMPLING_FILL,
            stroke: SAMPLING_STROKE,
            capHalfWidth: compact ? 4 : 6,
          },
          referenceLines: {
            lines: model.levels.map((r) => ({
              value: r.value,
              label: compact ? `${r.label} ${COMPARISON_SIGN[r.comparison]} ${fmt(r.value)}` : refLabel(r),
              color: REFERENCE_COLOR,
            })),
          },
          canvasBackground: { color: '#ffffff' },
        },
      },
    };
    // Labels are translated inside: t (and name) change with the language, so it rebuilds then.
  }, [model, compact, name, indicator, fmt, lineLabel, refLabel, t]);

  const visibleLines = model.lines.filter((l) => l.points.some((p) => p !== null));
  const bands = visibleLines.some((l) => l.kind === 'realisation') ? model.samplingBands : [];
  const bandText = bands.map((b) => `${b.year} ${samplingWords(b, indicator.decimals).interval}`).join(', ');
  const ariaLabel = [
    t('compare.chart.aria', { indicator: name, first: String(model.years[0] ?? ''), last: String(model.years.at(-1) ?? '') }),
    visibleLines.map(lineLabel).join(', '),
    ...model.shockRuns.map((r) => t('compare.chart.shockLegend', { years: r.years.join(', '), reason: r.reason })),
    ...(bands.length > 0 ? [`${t('chartMarks.samplingLegend')}: ${bandText}`] : []),
    ...model.levels.map(refLabel),
  ].join('. ');

  const onCopy = async () => {
    const canvas = chartRef.current?.canvas;
    if (!canvas) return;
    const outcome = await copyCanvasPng(canvas);
    setStatus(t(`compare.chart.copy_${outcome}`));
  };
  const onSave = () => {
    const canvas = chartRef.current?.canvas;
    if (!canvas) return;
    saveCanvasPng(canvas, pngFileName('grafik', indicator.code, ...fileParts));
    setStatus(t('compare.chart.saved'));
  };

  return (
    <figure
      className={compact ? 'indicator-chart compact' : 'indicator-chart'}
      data-indicator={indicator.code}
      data-lines={visibleLines.map((l) => l.kind).join(',')}
      data-references={model.levels.map((r) => String(r.value)).join(',')}
      data-shock-years={model.shockRuns.flatMap((r) => r.years).join(',')}
      data-sampling-years={bands.map((b) => b.year).join(',')}
    >
      <ChartCanvas
        config={config}
        label={ariaLabel}
        className={compact ? 'chart-small' : 'chart-large'}
        onChart={(c) => {
          chartRef.current = c;
        }}
      />
      <figcaption className="chart-caption">
        {compact && bandKey && bands.length > 0 && (
          <span className="chart-band-key" data-testid="sampling-band-key">
            <span className="swatch swatch-sampling" aria-hidden="true" />
            {t('chartMarks.samplingLegend')}
          </span>
        )}
        {!compact &&
          model.paces.map((r) => (
            <span key={r.id} className="chart-pace">
              {t('compare.chart.pace', { label: r.label, rule: `${COMPARISON_SIGN[r.comparison]} ${fmt(r.value)}`, unit: indicator.unit })}
            </span>
          ))}
        <span className="chart-actions">
          <button type="button" className="button button-small" onClick={() => void onCopy()} aria-label={t('compare.chart.copyFor', { indicator: name })}>
            {t('compare.chart.copy')}
          </button>
          <button type="button" className="button button-small" onClick={onSave} aria-label={t('compare.chart.saveFor', { indicator: name })}>
            {t('compare.chart.save')}
          </button>
          <span className="chart-status" role="status">
            {status}
          </span>
        </span>
      </figcaption>
    </figure>
  );
}
