/**
 * Workbook values a planner types in the Buku Kerja table: realisations and their standard
 * errors (TYPED_SERIES), each with the source a reader would cite. One edit per call (one undo
 * step, a change-log entry per cell), checked by the write path's rules (electron/workbook/edit.ts:
 * the indicator's range and decimals; a standard error never negative).
 */
import { AppError } from '../../../shared/api/result.js';
import type { IndicatorValue, TypedSeries } from '../../../shared/domain.js';
import type { Actor } from '../edit.js';
import type { Workbook } from '../store.js';

export interface TypedValue {
  indicatorId: number;
  year: number;
  series: TypedSeries;
  /** null removes the value. */
  value: number | null;
  source: string;
}

/** Writes the cells as one edit; a value without a source is refused, naming the cell. Returns every value. */
export function setTypedValues(wb: Workbook, actor: Actor, cells: readonly TypedValue[]): IndicatorValue[] {
  const byId = wb.indicatorIndex().byId;
  cells.forEach((c, i) => {
    const ind = byId.get(c.indicatorId);
    if (!ind) throw new AppError('not_found', `Indicator ${c.indicatorId} does not exist`, { indicatorId: c.indicatorId }, `cells.${i}.indicatorId`);
    if (c.value !== null && !c.source.trim()) {
      throw new AppError('bad_input', `${ind.code} ${c.year}: a typed value needs its source (where a reader can find the number)`, {
        reason: 'source_missing', indicatorId: ind.id, indicatorCode: ind.code, year: c.year, series: c.series,
      }, `cells.${i}.source`);
    }
  });
  wb.edit(actor, 'value.edit', null, (tx) => {
    tx.setValues(cells.map((c) => ({
      indicatorId: c.indicatorId,
      year: c.year,
      series: c.series,
      value: c.value,
      source: c.source.trim(),
      // Typed by the planner from a cited source: neither a stand-in nor BPS's provisional mark.
      illustrative: false,
      provisional: false,
    })));
  });
  return wb.values();
}
