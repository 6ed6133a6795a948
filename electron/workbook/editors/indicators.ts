/**
 * An indicator's own data that a planner edits: its Perangkat Daerah penanggung jawab (the
 * regency agency answerable for it, a column of the Raperda annex). One edit each: undoable, in
 * the change log; the open workbook's indicator index is read again after it (caches.ts).
 */
import { AppError } from '../../../shared/api/result.js';
import { fieldChangesDetail } from '../../../shared/changes.js';
import type { Indicator } from '../../../shared/domain.js';
import { storedText } from '../../../shared/raperda.js';
import type { Actor } from '../edit.js';
import type { Workbook } from '../store.js';

/** Sets (text) or clears (null or empty) an indicator's Perangkat Daerah; returns the indicators. */
export function setResponsibleUnit(wb: Workbook, actor: Actor, indicatorId: number, responsibleUnit: string | null): Indicator[] {
  const ind = wb.indicatorIndex().byId.get(indicatorId);
  if (!ind) throw new AppError('not_found', `Indicator ${indicatorId} does not exist`, { indicatorId }, 'indicatorId');
  const unit = storedText(responsibleUnit);
  wb.edit(actor, 'indicator.update', null, (tx) => {
    const before = tx.put('indicator', { id: indicatorId, responsible_unit: unit });
    const old = (before?.responsible_unit as string | null | undefined) ?? null;
    if (old !== unit) tx.note({ indicatorCode: ind.code, detail: fieldChangesDetail([['responsible_unit', old, unit]]) });
  });
  return wb.indicators();
}
