/**
 * Four tiny chart.js plugins instead of chartjs-plugin-annotation:
 * - shockBands: shades runs of shock years (COVID-19 2020–2021) behind the lines, labelled;
 * - samplingBands: the 95 % sampling interval around the realisation (series.ts samplingBands),
 *   a translucent band between consecutive years and an error bar where a year stands alone,
 *   behind the lines (drawn here rather than with the Filler plugin between two extra datasets:
 *   a fill cannot show a lone year, and extra datasets would sit in the legend and the tooltip);
 * - referenceLines: horizontal dashed lines at reference levels (Sumsel < 10 %), labelled;
 * - canvasBackground: paints the canvas white so a copied or saved PNG is not transparent.
 * Each reads its options from `options.plugins.<id>`.
 */
import type { ChartType, Plugin } from 'chart.js';

export interface ShockBand {
  /** Indexes into the category labels, inclusive. */
  from: number;
  to: number;
  label: string;
}

export interface ShockBandsOptions {
  bands: ShockBand[];
  color: string;
  textColor: string;
}

export interface ReferenceLine {
  value: number;
  label: string;
  color: string;
}

export interface ReferenceLinesOptions {
  lines: ReferenceLine[];
}

export interface SamplingBandPoint {
  /** Index into the category labels. */
  index: number;
  lo: number;
  hi: number;
}

export interface SamplingBandsOptions {
  /** Runs of consecutive years (series.ts samplingRuns): two or more make a band, one an error bar. */
  runs: SamplingBandPoint[][];
  /** The realisation's dataset: the band shows while that line does. */
  datasetIndex: number;
  fill: string;
  stroke: string;
  /** Half the width of an error bar's caps, in CSS pixels. */
  capHalfWidth: number;
}

export interface CanvasBackgroundOptions {
  color: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    shockBands?: ShockBandsOptions;
    samplingBands?: SamplingBandsOptions;
    referenceLines?: ReferenceLinesOptions;
    canvasBackground?: CanvasBackgroundOptions;
  }
}

const LABEL_FONT = "11px system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, 'Noto Sans', Arial, sans-serif";

export const shockBandsPlugin: Plugin<'line', ShockBandsOptions> = {
  id: 'shockBands',
  beforeDatasetsDraw(chart, _args, options) {
    const x = chart.scales.x;
    const area = chart.chartArea;
    if (!x || !area || !options?.bands?.length) return;
    const count = chart.data.labels?.length ?? 0;
    const step = count > 1 ? Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) : area.right - area.left;
    const { ctx } = chart;
    ctx.save();
    for (const band of options.bands) {
      const left = Math.max(area.left, x.getPixelForValue(band.from) - step / 2);
      const right = Math.min(area.right, x.getPixelForValue(band.to) + step / 2);
      if (right <= left) continue;
      ctx.fillStyle = options.color;
      ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
      ctx.fillStyle = options.textColor;
      ctx.font = LABEL_FONT;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      ctx.fillText(band.label, (left + right) / 2, area.top + 4, right - left - 4);
    }
    ctx.restore();
  },
};

export const samplingBandsPlugin: Plugin<'line', SamplingBandsOptions> = {
  id: 'samplingBands',
  beforeDatasetsDraw(chart, _args, options) {
    const x = chart.scales.x;
    const y = chart.scales.y;
    const area = chart.chartArea;
    if (!x || !y || !area || !options?.runs?.length) return;
    if (options.datasetIndex < 0 || !chart.isDatasetVisible(options.datasetIndex)) return;
    const { ctx } = chart;
    ctx.save();
    // Inside the plot area, widened by a cap so an error bar on the first or last year shows whole.
    const margin = options.capHalfWidth + 1;
    ctx.beginPath();
    ctx.rect(area.left - margin, area.top, area.right - area.left + 2 * margin, area.bottom - area.top);
    ctx.clip();
    ctx.strokeStyle = options.stroke;
    ctx.setLineDash([]);
    for (const run of options.runs) {
      const pts = run.map((p) => ({ x: x.getPixelForValue(p.index), lo: y.getPixelForValue(p.lo), hi: y.getPixelForValue(p.hi) }));
      if (pts.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.lo) || !Number.isFinite(p.hi))) continue;
      const first = pts[0];
      if (!first) continue;
      if (pts.length === 1) {
        // A year standing alone: an error bar from lo to hi with caps.
        const w = options.capHalfWidth;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(first.x, first.lo);
        ctx.lineTo(first.x, first.hi);
        ctx.moveTo(first.x - w, first.lo);
        ctx.lineTo(first.x + w, first.lo);
        ctx.moveTo(first.x - w, first.hi);
        ctx.lineTo(first.x + w, first.hi);
        ctx.stroke();
        continue;
      }
      // Consecutive years: the band between them, outlined along its upper and lower edges.
      ctx.beginPath();
      ctx.moveTo(first.x, first.hi);
      for (const p of pts.slice(1)) ctx.lineTo(p.x, p.hi);
      for (const p of [...pts].reverse()) ctx.lineTo(p.x, p.lo);
      ctx.closePath();
      ctx.fillStyle = options.fill;
      ctx.fill();
      ctx.lineWidth = 1;
      for (const edge of ['hi', 'lo'] as const) {
        ctx.beginPath();
        ctx.moveTo(first.x, first[edge]);
        for (const p of pts.slice(1)) ctx.lineTo(p.x, p[edge]);
        ctx.stroke();
      }
    }
    ctx.restore();
  },
};

export const referenceLinesPlugin: Plugin<'line', ReferenceLinesOptions> = {
  id: 'referenceLines',
  afterDatasetsDraw(chart, _args, options) {
    const y = chart.scales.y;
    const area = chart.chartArea;
    if (!y || !area || !options?.lines?.length) return;
    const { ctx } = chart;
    ctx.save();
    for (const line of options.lines) {
      const py = y.getPixelForValue(line.value);
      if (!Number.isFinite(py) || py < area.top - 0.5 || py > area.bottom + 0.5) continue;
      ctx.strokeStyle = line.color;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([8, 4]);
      ctx.beginPath();
      ctx.moveTo(area.left, py);
      ctx.lineTo(area.right, py);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = LABEL_FONT;
      const width = ctx.measureText(line.label).width;
      const below = py - area.top < 18;
      const ty = below ? py + 3 : py - 16;
      const tx = area.right - width - 6;
      ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
      ctx.fillRect(tx - 3, ty, width + 6, 14);
      ctx.fillStyle = line.color;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(line.label, tx, ty + 1);
    }
    ctx.restore();
  },
};

export const canvasBackgroundPlugin: Plugin<'line', CanvasBackgroundOptions> = {
  id: 'canvasBackground',
  beforeDraw(chart, _args, options) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = options?.color ?? '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export const CHART_PLUGINS = [canvasBackgroundPlugin, shockBandsPlugin, samplingBandsPlugin, referenceLinesPlugin];
