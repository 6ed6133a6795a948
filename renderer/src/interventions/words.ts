/** The Intervensi view's problems in the UI's language (interventions.*.ts). */
import type { TFunction } from 'i18next';
import { formatNumber, type ParseFailure } from '../../../shared/format/number.js';
import type { Problem } from './draft.js';

/** The largest household count the service takes (electron/workbook/editors/programmes.ts MAX_HOUSEHOLDS). */
const MAX_HOUSEHOLDS = 50_000_000;

export interface ProblemContext {
  /** The years a programme may have: the plan's first year to the horizon. */
  firstYear: number;
  lastYear: number;
}

/** A text that is not a number, and why (the reason left out when it would only repeat "not a number"). */
export function notNumberText(t: TFunction, text: string, reason: ParseFailure, example: string): string {
  if (reason === 'not_a_number') return t('interventions.problems.notNumberPlain', { text, example });
  return t('interventions.problems.notNumber', { text, reason: t(`target.parse.${reason}`), example });
}

/** A problem said on its own (not after its field's name) starts as a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * A problem's words. Those of a field start lower-case: the dialog says them after the field's
 * name and year ("Ketepatan sasaran (%) 2022: harus persentase dari 0 sampai 100."), elsewhere
 * they are made a sentence (`sentence`).
 */
export function problemText(t: TFunction, p: Problem, ctx: ProblemContext): string {
  switch (p.kind) {
    case 'required':
      return t('interventions.problems.required');
    case 'nameMissing':
      return t('interventions.problems.nameMissing');
    case 'nameTaken':
      return t('interventions.problems.nameTaken', { name: p.name });
    case 'notNumber':
      return notNumberText(t, p.text, p.reason, p.example);
    case 'tooLong':
      return t('interventions.problems.tooLong', { length: formatNumber(p.length, 0), max: formatNumber(p.max, 0) });
    case 'text':
      return t(`interventions.problems.${p.problem.kind}`, { codePoint: p.problem.codePoint ?? '' });
    case 'value':
      return t(`interventions.problems.${p.problem}`, {
        year: String(p.year),
        first: String(ctx.firstYear),
        last: String(ctx.lastYear),
        max: formatNumber(MAX_HOUSEHOLDS, 0),
      });
    case 'refused':
      return t('interventions.problems.refusedField');
  }
}
