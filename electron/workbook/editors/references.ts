/** Reference targets (RPJMN, Inpres, the Governor) as workbook data: saved and deleted as edits. */
import { AppError } from '../../../shared/api/result.js';
import type { ReferenceTarget } from '../../../shared/domain.js';
import type { Actor } from '../edit.js';
import type { Workbook } from '../store.js';

/** Adds (no id) or updates a reference target. */
export function saveReference(wb: Workbook, actor: Actor, ref: Omit<ReferenceTarget, 'id'> & { id?: number | undefined }): void {
  wb.edit(actor, 'reference.save', null, (tx) => {
    const row = {
      indicator_code: ref.indicatorCode, scope: ref.scope, kind: ref.kind, comparison: ref.comparison,
      year: ref.kind === 'level' ? ref.year : null, value: ref.value, label: ref.label, source: ref.source,
    };
    if (ref.id === undefined) tx.insert('reference_target', row);
    else if (!tx.put('reference_target', { id: ref.id, ...row })) {
      throw new AppError('not_found', `Reference ${ref.id} does not exist`, { id: ref.id }, 'id');
    }
    tx.note({ indicatorCode: ref.indicatorCode, detail: `${ref.label}: ${ref.kind} ${ref.comparison} ${ref.value}${ref.year ? ` (${ref.year})` : ''}` });
  });
}

export function deleteReference(wb: Workbook, actor: Actor, id: number): void {
  wb.edit(actor, 'reference.delete', null, (tx) => {
    const before = tx.remove('reference_target', { id });
    if (!before) throw new AppError('not_found', `Reference ${id} does not exist`, { id }, 'id');
    tx.note({ indicatorCode: before.indicator_code as string, detail: JSON.stringify(before) });
  });
}
