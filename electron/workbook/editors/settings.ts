/**
 * Workbook settings that are not an indicator's numbers: the revision date, the capaian band
 * scale and the Raperda annex header (its number and year, the Perda it amends) on the plan
 * row, the capaian formula chosen per indicator, and method changes (a year from which an
 * indicator's values are not comparable with earlier ones). Each is one edit.
 */
import { AppError } from '../../../shared/api/result.js';
import { fieldChangesDetail, type FieldChange } from '../../../shared/changes.js';
import { MAX_HORIZON_YEARS, type CapaianBandScale, type CapaianSetting, type MethodBreak, type WorkbookSettings } from '../../../shared/domain.js';
import { storedText } from '../../../shared/raperda.js';
import type { Actor } from '../edit.js';
import type { Workbook } from '../store.js';

export interface SettingsChanges {
  revisionDate?: string | null | undefined;
  capaianBands?: CapaianBandScale | undefined;
  /** The Raperda annex header: text is trimmed, empty clears it (validated by the contract, shared/raperda.ts). */
  annexDocumentNumber?: string | null | undefined;
  annexDocumentYear?: number | null | undefined;
  amendedRegulation?: string | null | undefined;
  /** The RPKD/RPD horizon (null: the plan's last year); at most 10 years after it. */
  horizonYear?: number | null | undefined;
  poorHouseholdSize?: number | null | undefined;
  poorHouseholdSizeSource?: string | null | undefined;
}


/** Setting (as WorkbookSettings names it) → its plan column. */
const COLUMNS = {
  revisionDate: 'revision_date',
  capaianBands: 'capaian_bands',
  annexDocumentNumber: 'annex_document_number',
  annexDocumentYear: 'annex_document_year',
  amendedRegulation: 'amended_regulation',
  horizonYear: 'horizon_year',
  poorHouseholdSize: 'poor_household_size',
  poorHouseholdSizeSource: 'poor_household_size_source',
} as const satisfies Record<keyof SettingsChanges, string>;

/** The settings given, one edit (one undo step, one change-log entry naming what changed). */
export function updateSettings(wb: Workbook, actor: Actor, changes: SettingsChanges): WorkbookSettings {
  const before = wb.settings();
  const given: Partial<Record<keyof SettingsChanges, string | number | null>> = {};
  if (changes.revisionDate !== undefined) given.revisionDate = changes.revisionDate;
  if (changes.capaianBands !== undefined) given.capaianBands = changes.capaianBands;
  if (changes.annexDocumentNumber !== undefined) given.annexDocumentNumber = storedText(changes.annexDocumentNumber);
  if (changes.annexDocumentYear !== undefined) given.annexDocumentYear = changes.annexDocumentYear;
  if (changes.amendedRegulation !== undefined) given.amendedRegulation = storedText(changes.amendedRegulation);
  if (changes.horizonYear !== undefined) given.horizonYear = checkedHorizon(wb, changes.horizonYear);
  if (changes.poorHouseholdSize !== undefined) given.poorHouseholdSize = changes.poorHouseholdSize;
  if (changes.poorHouseholdSizeSource !== undefined) given.poorHouseholdSizeSource = storedText(changes.poorHouseholdSizeSource);
  wb.edit(actor, 'plan.update', null, (tx) => {
    const row: Record<string, unknown> = { id: 1 };
    const parts: FieldChange[] = [];
    for (const [key, value] of Object.entries(given) as [keyof SettingsChanges, string | number | null][]) {
      row[COLUMNS[key]] = value;
      if (value !== before[key]) parts.push([COLUMNS[key], before[key], value]);
    }
    tx.put('plan', row);
    if (parts.length) tx.note({ detail: fieldChangesDetail(parts) });
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

/**
 * A horizon is the plan's last year (stored as null) up to MAX_HORIZON_YEARS after it; one that
 * would leave targets, values, programme years or evaluation notes beyond it is refused, naming how many and the first.
 */
function checkedHorizon(wb: Workbook, year: number | null): number | null {
  const plan = wb.plan();
  if (year !== null && (!Number.isInteger(year) || year < plan.lastYear || year > plan.lastYear + MAX_HORIZON_YEARS)) {
    throw new AppError('bad_input', `The horizon must be a year from ${plan.lastYear} to ${plan.lastYear + MAX_HORIZON_YEARS}`, {
      reason: 'horizon_out_of_range', from: plan.lastYear, to: plan.lastYear + MAX_HORIZON_YEARS,
    }, 'horizonYear');
  }
  // Back to the plan's own last year (stored as null) is a horizon too: nothing may lie after it.
  const last = year ?? plan.lastYear;
  const beyond = wb.reads.yearsBeyond(last);
  if (beyond.count > 0) {
    throw new AppError('bad_input', `${beyond.count} target(s), value(s), programme year(s) or evaluation note(s) lie after ${last} (first: ${beyond.first}); clear them before shortening the horizon`, {
      reason: 'horizon_below_data', year: last, count: beyond.count, first: beyond.first ?? '',
    }, 'horizonYear');
  }
  return last === plan.lastYear ? null : last;
}

