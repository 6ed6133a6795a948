/**
 * The reference-target form's rules, mirroring the 'references.save' contract (shared/api/
 * contract.ts) so the planner sees a problem before the service refuses it: a level needs a year
 * (1945–2100), an annual change has none; the value is an id-ID number; label and source are
 * required. No DOM: unit tests run it in Node.
 */
import type { Input } from '../../../shared/api/contract.js';
import type { Comparison, ReferenceKind, ReferenceScope, ReferenceTarget } from '../../../shared/domain.js';
import { parseNumber, formatForEditing } from '../../../shared/format/number.js';

export interface ReferenceDraft {
  id: number | null;
  indicatorCode: string;
  scope: ReferenceScope;
  kind: ReferenceKind;
  comparison: Comparison;
  /** As typed; ignored (and sent as null) for an annual change. */
  year: string;
  /** As typed, id-ID ("10", "-1", "0,5"). */
  value: string;
  label: string;
  source: string;
}

export const DRAFT_FIELDS = ['indicatorCode', 'year', 'value', 'label', 'source'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** Why a field is refused (the UI translates these). */
export type DraftProblem = 'required' | 'year_required' | 'year_invalid' | 'not_a_number' | 'too_long';

export type DraftErrors = Partial<Record<DraftField, DraftProblem>>;

export const YEAR_MIN = 1945;
export const YEAR_MAX = 2100;
const LABEL_MAX = 200;
const SOURCE_MAX = 2000;

export type ReferenceInput = Input<'references.save'>;

export function emptyDraft(indicatorCode: string): ReferenceDraft {
  return { id: null, indicatorCode, scope: 'kabupaten', kind: 'level', comparison: 'le', year: '', value: '', label: '', source: '' };
}

export function draftOf(ref: ReferenceTarget, decimals: number): ReferenceDraft {
  return {
    id: ref.id,
    indicatorCode: ref.indicatorCode,
    scope: ref.scope,
    kind: ref.kind,
    comparison: ref.comparison,
    year: ref.year === null ? '' : String(ref.year),
    value: formatForEditing(ref.value, decimals),
    label: ref.label,
    source: ref.source,
  };
}

export function validateDraft(draft: ReferenceDraft): { ok: true; input: ReferenceInput } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  if (!draft.indicatorCode.trim()) errors.indicatorCode = 'required';

  let year: number | null = null;
  if (draft.kind === 'level') {
    const text = draft.year.trim();
    if (!text) errors.year = 'year_required';
    else if (!/^\d{4}$/.test(text) || Number(text) < YEAR_MIN || Number(text) > YEAR_MAX) errors.year = 'year_invalid';
    else year = Number(text);
  }

  const parsed = parseNumber(draft.value);
  if (!parsed.ok) errors.value = parsed.reason === 'empty' ? 'required' : 'not_a_number';

  const label = draft.label.trim();
  if (!label) errors.label = 'required';
  else if (label.length > LABEL_MAX) errors.label = 'too_long';

  const source = draft.source.trim();
  if (!source) errors.source = 'required';
  else if (source.length > SOURCE_MAX) errors.source = 'too_long';

  if (Object.keys(errors).length > 0 || !parsed.ok) return { ok: false, errors };
  const input: ReferenceInput = {
    indicatorCode: draft.indicatorCode.trim(),
    scope: draft.scope,
    kind: draft.kind,
    comparison: draft.comparison,
    year,
    value: parsed.value,
    label,
    source,
  };
  if (draft.id !== null) input.id = draft.id;
  return { ok: true, input };
}

/** The form field a service refusal names (its `field`), if it is one of ours. */
export function fieldOf(field: string | undefined): DraftField | null {
  return field && (DRAFT_FIELDS as readonly string[]).includes(field) ? (field as DraftField) : null;
}
