/**
 * Our thin React wrapper around chart.js: one <canvas>, one chart made on mount and destroyed on
 * unmount. A new configuration (same type and plugins) is drawn by the same chart — new data and
 * options, update without animation — since making a chart (fonts, layout, scales) costs several
 * times the drawing, and the Target view redraws its chart on every typed value.
 */
import type { Chart as ChartInstance, ChartConfiguration } from 'chart.js';
import { useEffect, useEffectEvent, useLayoutEffect, useRef } from 'react';
import { Chart } from './chartjs.js';

interface Props {
  config: ChartConfiguration<'line', (number | null)[], string>;
  /** What the chart shows, for assistive tech (the canvas is an image). */
  label: string;
  className?: string;
  /** Receives the chart when made and null when destroyed (for PNG export). */
  onChart?: (chart: ChartInstance<'line', (number | null)[], string> | null) => void;
}

export function ChartCanvas({ config, label, className, onChart }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // The latest onChart, without making a new chart when only the callback changed.
  const emitChart = useEffectEvent((chart: ChartInstance<'line', (number | null)[], string> | null) => onChart?.(chart));

  const chartRef = useRef<ChartInstance<'line', (number | null)[], string> | null>(null);
  const pluginsRef = useRef(config.plugins);

  // Drawn while React commits (a layout effect), before the browser paints and before the effects
  // of what comes after it in the page: the chart and the rest of the view show the same state in
  // every frame, and chart.js (which makes the browser bring the page's style up to date when it
  // sets a font) does so before a grid below it has changed its cells.
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const current = chartRef.current;
    if (current && pluginsRef.current === config.plugins) {
      current.data = config.data;
      current.options = config.options ?? {};
      current.update('none');
      return;
    }
    current?.destroy();
    const chart = new Chart(el, config);
    chartRef.current = chart;
    pluginsRef.current = config.plugins;
    emitChart(chart);
  }, [config]);

  useEffect(
    () => () => {
      emitChart(null);
      chartRef.current?.destroy();
      chartRef.current = null;
    },
    [],
  );

  return (
    <div className={className ? `chart-box ${className}` : 'chart-box'}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
