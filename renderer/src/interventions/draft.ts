/**
 * A programme as the form holds it (text as typed, the Indonesian way) and the way back: read
 * with shared/format/number.ts parseNumber, checked only for what the form itself must know
 * (a number that is not one, a required field left empty, text the contract cannot carry).
 * Whether a number is acceptable (accuracy 0–100, whole rupiah, a year in the plan…) is the
 * service's rule (electron/workbook/editors/programmes.ts): its refusal comes back located at
 * programme, year and field and is worded here beside that field (`refusalProblem`), so the rule
 * lives in one place.
 */
import type { Failure } from '../../../shared/api/result.js';
import { VALUE_SOURCE_MAX, type Programme, type ProgrammeYearValues } from '../../../shared/domain.js';
import { formatForEditing, parseNumber, type ParseFailure } from '../../../shared/format/number.js';
import { textProblem, type TextProblem } from '../../../shared/text-rules.js';

/** Longest name and Perangkat Daerah the contract takes (shared/api/contract.ts programmes.save). */
export const NAME_MAX = 200;
export const AGENCY_MAX = 200;

export const YEAR_FIELDS = ['year', 'households', 'benefit', 'accuracy', 'budget', 'source'] as const;
export type YearField = (typeof YEAR_FIELDS)[number];
export const NUMBER_FIELDS = ['households', 'benefit', 'accuracy', 'budget'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** How each number is written in an example (id-ID). */
export const EXAMPLES: Record<NumberField, string> = { households: '1.250', benefit: '250.000', accuracy: '87,5', budget: '1.500.000.000' };

export interface YearDraft {
  /** Stable key of the row while the form is open (years can be changed and removed). */
  key: number;
  year: number;
  households: string;
  benefit: string;
  accuracy: string;
  budget: string;
  source: string;
}

/** A Programme being edited: its years as typed (text), its id only once saved. */
export type ProgrammeDraft = Omit<Programme, 'id' | 'years'> & { id?: number; years: YearDraft[] };

/** What programmes.save takes: a Programme, without its id when new. */
export type ProgrammeInput = Omit<Programme, 'id'> & { id?: number };

/** A form field: a programme field, or a year row's field (`<row key>.<field>`). */
export type FieldKey = 'name' | 'agency' | 'source' | `${number}.${YearField}`;
export const yearField = (key: number, field: YearField): FieldKey => `${key}.${field}`;

export type Problem =
  | { kind: 'required' }
  | { kind: 'nameMissing' }
  | { kind: 'nameTaken'; name: string }
  | { kind: 'notNumber'; text: string; reason: ParseFailure; example: string }
  | { kind: 'tooLong'; length: number; max: number }
  | { kind: 'text'; problem: TextProblem }
  | { kind: 'value'; problem: ValueProblem; year: number }
  | { kind: 'refused' };

/** The service's located refusals of a year's numbers (params.problem of 'programme_value'). */
export const VALUE_PROBLEMS = ['year_outside_plan', 'duplicate', 'households', 'benefit', 'accuracy', 'budget'] as const;
export type ValueProblem = (typeof VALUE_PROBLEMS)[number];

let nextKey = 1;

function yearDraft(y: ProgrammeYearValues): YearDraft {
  return {
    key: nextKey++,
    year: y.year,
    households: formatForEditing(y.households, 0),
    benefit: formatForEditing(y.benefit, 0),
    accuracy: formatForEditing(y.accuracy, 0),
    budget: formatForEditing(y.budget, 0),
    source: y.source,
  };
}

/** An empty year row for `year`. */
export function emptyYear(year: number): YearDraft {
  return { key: nextKey++, year, households: '', benefit: '', accuracy: '', budget: '', source: '' };
}

/** The form's start: the programme as stored, or a new one with one empty year. */
export function draftOf(p: Programme | null, firstYear: number): ProgrammeDraft {
  if (!p) {
    return { name: '', cluster: 'bantuan_sosial', strategy: 'beban_pengeluaran', agency: '', benefitKind: 'transfer', source: '', illustrative: false, years: [emptyYear(firstYear)] };
  }
  return {
    id: p.id,
    name: p.name,
    cluster: p.cluster,
    strategy: p.strategy,
    agency: p.agency,
    benefitKind: p.benefitKind,
    source: p.source,
    illustrative: p.illustrative,
    years: p.years.map(yearDraft),
  };
}

function textCheck(value: string, max: number, name = false): Problem | null {
  const p = textProblem(value, name ? { name: true } : {});
  if (p) return { kind: 'text', problem: p };
  const length = value.trim().length;
  return length > max ? { kind: 'tooLong', length, max } : null;
}

/**
 * Reads the form: the input to send, or the problems by field. A required number left empty and
 * a text that is not a number are the form's to say; the rest is the service's.
 */
export function readDraft(d: ProgrammeDraft): { input: ProgrammeInput } | { problems: Map<FieldKey, Problem> } {
  const problems = new Map<FieldKey, Problem>();
  if (d.name.trim() === '') problems.set('name', { kind: 'nameMissing' });
  else {
    const p = textCheck(d.name, NAME_MAX, true);
    if (p) problems.set('name', p);
  }
  const agency = textCheck(d.agency, AGENCY_MAX);
  if (agency) problems.set('agency', agency);
  const source = textCheck(d.source, VALUE_SOURCE_MAX);
  if (source) problems.set('source', source);

  const years: ProgrammeYearValues[] = [];
  for (const y of d.years) {
    const numbers: Partial<Record<NumberField, number | null>> = {};
    for (const field of NUMBER_FIELDS) {
      const text = y[field];
      if (text.trim() === '') {
        if (field === 'budget') numbers.budget = null;
        else problems.set(yearField(y.key, field), { kind: 'required' });
        continue;
      }
      const r = parseNumber(text);
      if (r.ok) numbers[field] = r.value;
      else problems.set(yearField(y.key, field), { kind: 'notNumber', text: text.trim(), reason: r.reason, example: EXAMPLES[field] });
    }
    const ys = textCheck(y.source, VALUE_SOURCE_MAX);
    if (ys) problems.set(yearField(y.key, 'source'), ys);
    if (numbers.households != null && numbers.benefit != null && numbers.accuracy != null && numbers.budget !== undefined) {
      years.push({ year: y.year, households: numbers.households, benefit: numbers.benefit, accuracy: numbers.accuracy, budget: numbers.budget, source: y.source.trim() });
    }
  }
  if (problems.size > 0) return { problems };
  return {
    input: {
      ...(d.id !== undefined ? { id: d.id } : {}),
      name: d.name.trim(),
      cluster: d.cluster,
      strategy: d.strategy,
      agency: d.agency.trim(),
      benefitKind: d.benefitKind,
      source: d.source.trim(),
      illustrative: d.illustrative,
      years,
    },
  };
}

function isValueProblem(x: unknown): x is ValueProblem {
  return typeof x === 'string' && (VALUE_PROBLEMS as readonly string[]).includes(x);
}

function isYearField(x: unknown): x is YearField {
  return typeof x === 'string' && (YEAR_FIELDS as readonly string[]).includes(x);
}

/**
 * Where a refusal of programmes.save belongs in the form, and what to say there; null when it
 * names no field (the dialog then shows it whole).
 */
export function refusalProblem(f: Failure, d: ProgrammeDraft): { field: FieldKey; problem: Problem } | null {
  const p = f.params ?? {};
  if (f.code === 'already_exists' && p.reason === 'programme_name_taken') {
    return { field: 'name', problem: { kind: 'nameTaken', name: String(p.programme ?? d.name.trim()) } };
  }
  if (f.code !== 'bad_input') return null;
  if (p.reason === 'programme_name_missing') return { field: 'name', problem: { kind: 'nameMissing' } };
  if (p.reason === 'programme_value' && isYearField(p.field)) {
    const year = Number(p.year);
    const rows = d.years.filter((y) => y.year === year);
    // A year named twice: the second is the one refused.
    const row = p.problem === 'duplicate' ? rows[1] ?? rows[0] : rows[0];
    if (!row) return null;
    const problem: Problem = isValueProblem(p.problem) ? { kind: 'value', problem: p.problem, year } : { kind: 'refused' };
    return { field: yearField(row.key, p.field), problem };
  }
  // The contract's own refusal (zod): the field as a path, years by their index.
  const field = f.field ?? '';
  if (field === 'name' || field === 'agency' || field === 'source') return { field, problem: { kind: 'refused' } };
  const m = /^years\.(\d+)\.(\w+)$/.exec(field);
  if (m) {
    const row = d.years[Number(m[1])];
    if (row && isYearField(m[2])) return { field: yearField(row.key, m[2]), problem: { kind: 'refused' } };
  }
  return null;
}
