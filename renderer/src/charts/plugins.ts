/**
 * Three tiny chart.js plugins instead of chartjs-plugin-annotation:
 * - shockBands: shades runs of shock years (COVID-19 2020–2021) behind the lines, labelled;
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

export interface CanvasBackgroundOptions {
  color: string;
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    shockBands?: ShockBandsOptions;
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

export const CHART_PLUGINS = [canvasBackgroundPlugin, shockBandsPlugin, referenceLinesPlugin];
