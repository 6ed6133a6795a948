/**
 * Arranges the service's indicators and values into the rows the table shows. No arithmetic:
 * values are picked as stored, grouped in the order the service lists the indicators.
 */
import type { Indicator, IndicatorGroup, IndicatorValue, Plan, Series } from '../../../shared/domain.js';
import { yearsToHorizon } from '../../../shared/domain.js';

/**
 * The series a user can pick for the year columns. Kondisi awal fills the baseline year of the
 * realisation and original-target tables; a standard error is of its own year, the baseline's too.
 */
export const SELECTABLE_SERIES = ['realisation', 'se', 'original_target'] as const satisfies readonly Series[];
export type SelectableSeries = (typeof SELECTABLE_SERIES)[number];

export interface GroupRow {
  kind: 'group';
  id: string;
  group: IndicatorGroup;
}

export interface IndicatorRow {
  kind: 'indicator';
  id: string;
  indicator: Indicator;
  /** The value shown per year; a year without a key has no known value. */
  cells: Record<number, IndicatorValue>;
}

export type GridRow = GroupRow | IndicatorRow;

/**
 * One group header row, then its indicators. In the baseline year the kondisi awal value is shown
 * when the workbook has one; otherwise (and in every other year) the selected series.
 */
export function buildRows(indicators: Indicator[], values: IndicatorValue[], plan: Plan, series: SelectableSeries): GridRow[] {
  const byKey = new Map<string, IndicatorValue>();
  for (const v of values) byKey.set(`${v.indicatorId}|${v.year}|${v.series}`, v);
  // To the RPKD/RPD horizon: realisations and SEs of 2024–2026 are typed here too.
  const years = yearsToHorizon(plan);

  const groups: IndicatorGroup[] = [];
  for (const ind of indicators) if (!groups.includes(ind.group)) groups.push(ind.group);

  const rows: GridRow[] = [];
  for (const group of groups) {
    rows.push({ kind: 'group', id: `group:${group}`, group });
    for (const indicator of indicators) {
      if (indicator.group !== group) continue;
      const cells: Record<number, IndicatorValue> = {};
      for (const year of years) {
        const baseline = year === plan.baselineYear && series !== 'se' ? byKey.get(`${indicator.id}|${year}|baseline`) : undefined;
        const value = baseline ?? byKey.get(`${indicator.id}|${year}|${series}`);
        if (value) cells[year] = value;
      }
      rows.push({ kind: 'indicator', id: `indicator:${indicator.code}`, indicator, cells });
    }
  }
  return rows;
}
