/**
 * A small line chart of one indicator's path: target awal, target perubahan now, and the preview.
 * chart.js draws on a canvas and injects no style elements (it sets canvas sizes through the
 * CSSOM, which the CSP allows); only the components a line chart needs are registered. The
 * numbers are in the preview table beside it, so the canvas is one labelled image.
 */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import { useEffect, useRef } from 'react';
import { formatNumber } from '../../../shared/format/number.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  /** Values by position in `years`; null = no value. */
  values: (number | null)[];
  color: string;
  dashed?: boolean;
  emphasis?: boolean;
}

interface Props {
  years: number[];
  series: ChartSeries[];
  decimals: number;
  label: string;
}

function datasets(series: ChartSeries[]): ChartDataset<'line', (number | null)[]>[] {
  return series.map((s) => ({
    label: s.label,
    data: s.values,
    borderColor: s.color,
    backgroundColor: s.color,
    borderWidth: s.emphasis ? 3 : 2,
    borderDash: s.dashed ? [5, 4] : [],
    pointRadius: s.emphasis ? 3.5 : 2.5,
    pointStyle: s.dashed ? 'rect' : s.emphasis ? 'circle' : 'triangle',
    spanGaps: false,
    tension: 0,
  }));
}

export function PathChart({ years, series, decimals, label }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', (number | null)[], string> | null>(null);
  // Read by chart.js's tick and tooltip callbacks; set before each redraw below.
  const decimalsRef = useRef(decimals);

  useEffect(() => {
    if (!canvas.current) return;
    const c = new Chart<'line', (number | null)[], string>(canvas.current, {
      type: 'line',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: 'id-ID',
        interaction: { mode: 'index', intersect: false },
        scales: {
          y: {
            ticks: { callback: (v) => formatNumber(Number(v), decimalsRef.current), color: '#52606d', font: { size: 11 } },
            grid: { color: '#e4e9f0' },
          },
          x: { ticks: { color: '#52606d', font: { size: 11 } }, grid: { display: false } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 18, boxHeight: 2, color: '#1f2933', font: { size: 11 }, usePointStyle: true } },
          tooltip: {
            callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${formatNumber(ctx.parsed.y, decimalsRef.current)}` },
          },
        },
      },
    });
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    decimalsRef.current = decimals;
    const c = chart.current;
    if (!c) return;
    c.data.labels = years.map(String);
    c.data.datasets = datasets(series);
    c.update('none');
  }, [years, series, decimals]);

  return (
    <div className="path-chart">
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
