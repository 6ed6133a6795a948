/**
 * Workbook settings that are not an indicator's numbers: the revision date and the capaian band
 * scale (on the plan row), the capaian formula chosen per indicator, and method changes (a year
 * from which an indicator's values are not comparable with earlier ones). Each is one edit.
 */
import { AppError } from '../../../shared/api/result.js';
import type { CapaianBandScale, CapaianSetting, MethodBreak, WorkbookSettings } from '../../../shared/domain.js';
import type { Actor } from '../edit.js';
import type { Workbook } from '../store.js';

export function updateSettings(wb: Workbook, actor: Actor, changes: { revisionDate?: string | null | undefined; capaianBands?: CapaianBandScale | undefined }): WorkbookSettings {
  const before = wb.settings();
  wb.edit(actor, 'plan.update', null, (tx) => {
    const row: Record<string, unknown> = { id: 1 };
    if (changes.revisionDate !== undefined) row.revision_date = changes.revisionDate;
    if (changes.capaianBands !== undefined) row.capaian_bands = changes.capaianBands;
    tx.put('plan', row);
    const parts: string[] = [];
    if (changes.revisionDate !== undefined && changes.revisionDate !== before.revisionDate) parts.push(`revision_date:${before.revisionDate ?? ''}→${changes.revisionDate ?? ''}`);
    if (changes.capaianBands !== undefined && changes.capaianBands !== before.capaianBands) parts.push(`capaian_bands:${before.capaianBands}→${changes.capaianBands}`);
    if (parts.length) tx.note({ detail: parts.join('; ') });
  });
  return wb.settings();
}

export function setCapaianFormula(wb: Workbook, actor: Actor, indicatorId: number, formula: CapaianSetting['formula'] | null): CapaianSetting[] {
  const ind = wb.indicatorIndex().byId.get(indicatorId);
  if (!ind) throw new AppError('bad_input', `Indicator ${indicatorId} does not exist`, { indicatorId }, 'indicatorId');
  if (formula !== null && ind.polarity === 'neutral') {
    throw new AppError('bad_input', `${ind.code} has no better direction, so no capaian formula`, { indicatorId, indicatorCode: ind.code }, 'formula');
  }
  if (formula !== null && (formula === 'higher') !== (ind.polarity === 'higher')) {
    throw new AppError('bad_input', `${ind.code} is ${ind.polarity === 'higher' ? 'higher' : 'lower'}-is-better; formula ${formula} is for the other direction`, { indicatorId, indicatorCode: ind.code, formula }, 'formula');
  }
  wb.edit(actor, 'capaian.set', null, (tx) => {
    const before = formula === null ? tx.remove('capaian_setting', { indicator_id: indicatorId }) : tx.put('capaian_setting', { indicator_id: indicatorId, formula });
    const old = (before?.formula as string | undefined) ?? null;
    if (old !== formula) tx.note({ indicatorCode: ind.code, detail: `${old ?? 'default'}→${formula ?? 'default'}` });
  });
  return wb.capaianSettings();
}

export function saveMethodBreak(wb: Workbook, actor: Actor, b: MethodBreak): MethodBreak[] {
  if (!wb.indicatorIndex().byCode.has(b.indicatorCode)) {
    throw new AppError('bad_input', `Indicator ${b.indicatorCode} is not in this workbook`, { indicatorCode: b.indicatorCode }, 'indicatorCode');
  }
  wb.edit(actor, 'method_break.save', null, (tx) => {
    tx.put('method_break', { indicator_code: b.indicatorCode, year: b.year, note: b.note });
    tx.note({ indicatorCode: b.indicatorCode, detail: `${b.year}: ${b.note}` });
  });
  return wb.methodBreaks();
}

export function deleteMethodBreak(wb: Workbook, actor: Actor, indicatorCode: string, year: number): MethodBreak[] {
  wb.edit(actor, 'method_break.delete', null, (tx) => {
    const before = tx.remove('method_break', { indicator_code: indicatorCode, year });
    if (!before) throw new AppError('not_found', `No method change for ${indicatorCode} in ${year}`, { indicatorCode, year }, 'year');
    tx.note({ indicatorCode, detail: `${year}: ${before.note as string}` });
  });
  return wb.methodBreaks();
}
