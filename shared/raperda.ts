/**
 * The Raperda annex's own data: its header (the Raperda's number and year, the Perda it amends)
 * and the Perangkat Daerah penanggung jawab of each indicator. One place for their limits and
 * rules, read by the API contract (which refuses, naming the field) and by the Buku Kerja form
 * (which says what is wrong beside the field, in the UI's language, before anything is sent).
 *
 * Pure: no I/O, no DOM.
 */
import { textProblem, type TextProblem } from './text-rules.js';

export const RAPERDA_LIMITS = {
  /** "…/…/2021": a document number, not a sentence. */
  documentNumber: 60,
  /** "Peraturan Daerah Kabupaten … Nomor 7 Tahun 2019 tentang Rencana Pembangunan Jangka Menengah Daerah … Tahun 2018–2023" and more. */
  amendedRegulation: 400,
  /** An agency's name, or two ("Dinas Sosial; Bappeda"). */
  responsibleUnit: 200,
  /** The years a document may carry (the plan years' range, shared/api/contract.ts PLAN_YEARS). */
  yearMin: 1945,
  yearMax: 2100,
} as const;

/** The text fields and the year field of the header, and the indicator's agency. */
export type RaperdaTextField = 'annexDocumentNumber' | 'amendedRegulation' | 'responsibleUnit';

export const RAPERDA_TEXT_MAX: { readonly [F in RaperdaTextField]: number } = {
  annexDocumentNumber: RAPERDA_LIMITS.documentNumber,
  amendedRegulation: RAPERDA_LIMITS.amendedRegulation,
  responsibleUnit: RAPERDA_LIMITS.responsibleUnit,
};

export type RaperdaProblem =
  | { kind: 'too_long'; max: number; length: number }
  | { kind: 'text'; text: TextProblem }
  | { kind: 'not_a_year'; min: number; max: number };

/**
 * What is wrong with a header text or an agency as typed (checked after trimming; empty is
 * allowed and clears the field), or null. One line: no line breaks.
 */
export function raperdaTextProblem(field: RaperdaTextField, typed: string): RaperdaProblem | null {
  const text = typed.trim();
  const max = RAPERDA_TEXT_MAX[field];
  const problem = textProblem(text);
  if (problem) return { kind: 'text', text: problem };
  if (text.length > max) return { kind: 'too_long', max, length: text.length };
  return null;
}

/** A typed year: empty clears it (null), else a whole number within 1945–2100. */
export function parseDocumentYear(typed: string): { value: number | null } | { problem: RaperdaProblem } {
  const text = typed.trim();
  if (text === '') return { value: null };
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(year) || year < RAPERDA_LIMITS.yearMin || year > RAPERDA_LIMITS.yearMax) {
    return { problem: { kind: 'not_a_year', min: RAPERDA_LIMITS.yearMin, max: RAPERDA_LIMITS.yearMax } };
  }
  return { value: year };
}

/** Typed text as stored: trimmed, and null when nothing is left. */
export function storedText(typed: string | null | undefined): string | null {
  if (typed === null || typed === undefined) return null;
  const text = typed.trim();
  return text === '' ? null : text;
}
