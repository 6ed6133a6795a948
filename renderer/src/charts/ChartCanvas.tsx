/**
 * Our thin React wrapper around chart.js: one <canvas>, a chart made when the configuration
 * changes (charts here are small, so rebuilding beats diffing) and destroyed on unmount.
 */
import type { Chart as ChartInstance, ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';
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
  const onChartRef = useRef(onChart);
  onChartRef.current = onChart;

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const chart = new Chart(el, config);
    onChartRef.current?.(chart);
    return () => {
      onChartRef.current?.(null);
      chart.destroy();
    };
  }, [config]);

  return (
    <div className={className ? `chart-box ${className}` : 'chart-box'}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
