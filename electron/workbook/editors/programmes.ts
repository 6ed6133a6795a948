/**
 * Programmes (multiple interventions, issue 17): a programme and its reach per year, saved or
 * deleted as one edit each (undoable, in the change log). Every number is checked here with a
 * located refusal (programme, year, field) before anything is written; the schema's CHECKs are the
 * last line, not the message.
 */
import { AppError } from '../../../shared/api/result.js';
import { horizonOf, type Programme, type ProgrammeYearValues } from '../../../shared/domain.js';
import type { Actor, EditTx } from '../edit.js';
import type { Workbook } from '../store.js';

/**
 * A programme to save: id absent for a new one; the mark optional (not ilustrasi); the years all
 * of them (a year not listed is removed).
 */
export type ProgrammeInput = Omit<Programme, 'id' | 'illustrative' | 'years'> & {
  id?: number | undefined;
  illustrative?: boolean | undefined;
  years: readonly ProgrammeYearValues[];
};

/** Largest household count a regency programme can name (every household of a province ×10). */
export const MAX_HOUSEHOLDS = 50_000_000;

/** Refuses a year's numbers naming programme, year and field ('programme_value', params for the UI's words). */
function refuse(name: string, year: number, field: string, problem: string, message: string): never {
  throw new AppError('bad_input', `${name} ${year}: ${message}`, { reason: 'programme_value', programme: name, year, field, problem }, `years.${year}.${field}`);
}

export function checkProgramme(wb: Workbook, p: ProgrammeInput): void {
  const name = p.name.trim();
  if (!name) throw new AppError('bad_input', 'A programme needs a name', { reason: 'programme_name_missing' }, 'name');
  const plan = wb.plan();
  const last = horizonOf(plan);
  const seen = new Set<number>();
  for (const y of p.years) {
    if (!Number.isInteger(y.year) || y.year < plan.firstYear || y.year > last) {
      refuse(name, y.year, 'year', 'year_outside_plan', `the year is outside ${plan.firstYear}–${last}`);
    }
    if (seen.has(y.year)) refuse(name, y.year, 'year', 'duplicate', 'the year appears twice');
    seen.add(y.year);
    if (!Number.isInteger(y.households) || y.households < 0 || y.households > MAX_HOUSEHOLDS) {
      refuse(name, y.year, 'households', 'households', `households must be a whole number from 0 to ${MAX_HOUSEHOLDS}`);
    }
    if (!Number.isFinite(y.benefit) || y.benefit < 0 || y.benefit > 1e9 || !Number.isInteger(y.benefit)) {
      refuse(name, y.year, 'benefit', 'benefit', 'the benefit is whole rupiah per household per month, from 0');
    }
    if (!Number.isFinite(y.accuracy) || y.accuracy < 0 || y.accuracy > 100) refuse(name, y.year, 'accuracy', 'accuracy', 'targeting accuracy is a percentage from 0 to 100');
    if (y.budget !== null && (!Number.isFinite(y.budget) || y.budget < 0 || !Number.isInteger(y.budget) || y.budget > Number.MAX_SAFE_INTEGER)) {
      refuse(name, y.year, 'budget', 'budget', 'the budget is whole rupiah, from 0');
    }
  }
}

function writeProgramme(tx: EditTx, p: ProgrammeInput, existing: Programme | undefined): number {
  const row = {
    name: p.name.trim(), cluster: p.cluster, strategy: p.strategy, agency: p.agency.trim(), benefit_kind: p.benefitKind,
    source: p.source.trim(), illustrative: p.illustrative ? 1 : 0,
  };
  let id: number;
  if (existing) {
    id = existing.id;
    tx.put('programme', { id, ...row });
  } else {
    id = tx.insert('programme', row);
  }
  const keep = new Set(p.years.map((y) => y.year));
  for (const old of existing?.years ?? []) if (!keep.has(old.year)) tx.remove('programme_year', { programme_id: id, year: old.year });
  for (const y of p.years) {
    tx.put('programme_year', { programme_id: id, year: y.year, households: y.households, benefit: y.benefit, accuracy: y.accuracy, budget: y.budget, source: y.source.trim() });
  }
  return id;
}

/** Saves a programme (new, or replacing the one with `id`) as one edit; returns every programme. */
export function saveProgramme(wb: Workbook, actor: Actor, p: ProgrammeInput): Programme[] {
  checkProgramme(wb, p);
  const all = wb.reads.programmes();
  const existing = p.id === undefined ? undefined : all.find((x) => x.id === p.id);
  if (p.id !== undefined && !existing) throw new AppError('not_found', `Programme ${p.id} does not exist`, { programmeId: p.id }, 'id');
  const clash = all.find((x) => x.name.toLowerCase() === p.name.trim().toLowerCase() && x.id !== p.id);
  if (clash) throw new AppError('already_exists', `A programme named "${clash.name}" already exists`, { reason: 'programme_name_taken', programme: clash.name }, 'name');
  wb.edit(actor, 'programme.save', null, (tx) => {
    writeProgramme(tx, p, existing);
    tx.note({ detail: `${p.name.trim()} (${p.years.length})` });
  });
  return wb.reads.programmes();
}

/** Saves several programmes as ONE edit (an import): each by name, new or replacing its years. */
export function saveProgrammes(wb: Workbook, actor: Actor, list: readonly ProgrammeInput[], detail: string): Programme[] {
  for (const p of list) checkProgramme(wb, p);
  const all = wb.reads.programmes();
  wb.edit(actor, 'programme.save', null, (tx) => {
    for (const p of list) {
      const existing = all.find((x) => x.name.toLowerCase() === p.name.trim().toLowerCase());
      writeProgramme(tx, p, existing);
    }
    tx.note({ detail });
  });
  return wb.reads.programmes();
}

/** A programme as an import gives it: the years of the file, merged into the stored programme's. */
export interface ProgrammeImportInput extends Omit<ProgrammeInput, 'years'> {
  /** The years the file gives: each replaces the stored year of that number; the programme's other years stay. */
  years: readonly ProgrammeYearValues[];
}

/**
 * Writes an import's programmes as ONE edit ('programme.save'): each found by `id` (or, without
 * one, by name, case ignored) or created, its fields replaced and the file's years merged into
 * its own — a year the file does not name is kept, unlike saveProgramme. Every merged programme
 * is checked as a saved one is (located refusals) before anything is written.
 */
export function importProgrammes(wb: Workbook, actor: Actor, list: readonly ProgrammeImportInput[], detail: string): Programme[] {
  const all = wb.reads.programmes();
  const merged = list.map((p) => {
    const existing = p.id !== undefined ? all.find((x) => x.id === p.id) : all.find((x) => x.name.toLowerCase() === p.name.trim().toLowerCase());
    if (p.id !== undefined && !existing) throw new AppError('not_found', `Programme ${p.id} does not exist`, { programmeId: p.id }, 'id');
    const given = new Set(p.years.map((y) => y.year));
    const years = [...(existing?.years ?? []).filter((y) => !given.has(y.year)), ...p.years].sort((a, b) => a.year - b.year);
    const input: ProgrammeInput = { ...p, ...(existing ? { id: existing.id, name: existing.name } : {}), years };
    checkProgramme(wb, input);
    return { input, existing };
  });
  const names = new Set<string>();
  for (const { input } of merged) {
    const key = input.name.trim().toLowerCase();
    if (names.has(key)) throw new AppError('bad_input', `The programme "${input.name.trim()}" is given twice`, { reason: 'programme_name_taken', programme: input.name.trim() }, 'name');
    names.add(key);
  }
  if (merged.length === 0) return all;
  wb.edit(actor, 'programme.save', null, (tx) => {
    for (const { input, existing } of merged) writeProgramme(tx, input, existing);
    tx.note({ detail });
  });
  return wb.reads.programmes();
}

/** Deletes a programme and its years as one edit (its years first, so undo puts them back after it). */
export function deleteProgramme(wb: Workbook, actor: Actor, id: number): Programme[] {
  const p = wb.reads.programmes().find((x) => x.id === id);
  if (!p) throw new AppError('not_found', `Programme ${id} does not exist`, { programmeId: id }, 'id');
  wb.edit(actor, 'programme.delete', null, (tx) => {
    for (const y of p.years) tx.remove('programme_year', { programme_id: id, year: y.year });
    tx.remove('programme', { id });
    tx.note({ detail: p.name });
  });
  return wb.reads.programmes();
}
