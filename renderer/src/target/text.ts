/** Small translated texts the Target view's parts share. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../shared/domain.js';
import { formatForEditing, formatNumber } from '../../../shared/format/number.js';
import type { ModelError } from '../../../shared/model/errors.js';
import { CHANGE_ACTIONS, isChangeAction } from '../../../shared/changes.js';
import { cellProblemText, type CellProblem } from '../../../shared/model/cell-rules.js';

/** "0–100", "≥ 0", "≤ 1" or "" — an indicator's allowed range, id-ID. */
export function useRangeText(): (ind: Pick<Indicator, 'minValue' | 'maxValue' | 'decimals'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (ind) => {
      const min = ind.minValue === null ? null : formatForEditing(ind.minValue, 0);
      const max = ind.maxValue === null ? null : formatForEditing(ind.maxValue, 0);
      if (min !== null && max !== null) return t('target.range.between', { min, max });
      if (min !== null) return t('target.range.atLeast', { min });
      if (max !== null) return t('target.range.atMost', { max });
      return '';
    },
    [t],
  );
}

/** The translated name of an undo step's action ('target.paste' → "tempel target"), from shared/changes.ts. */
export function useActionLabel(): (key: string | null) => string {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return useCallback(
    (key) => {
      if (!key) return '';
      return isChangeAction(key) ? CHANGE_ACTIONS[key].undo[lang] : t('target.actions.other');
    },
    [lang, t],
  );
}

/** Why the one write path (or the grid, before sending) refuses a cell, in the UI language (shared/model/cell-rules.ts). */
export function useCellProblemText(): (problem: CellProblem, ind: Pick<Indicator, 'minValue' | 'maxValue' | 'decimals'>, value: number | string, population?: number) => string {
  const { i18n } = useTranslation();
  const rangeText = useRangeText();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return useCallback(
    (problem, ind, value, population) =>
      cellProblemText(problem, {
        // With every decimal it has: the decimals may be what is refused.
        value: typeof value === 'number' ? formatForEditing(value, 0) : value,
        range: rangeText(ind),
        decimals: ind.decimals,
        ...(population !== undefined ? { population: formatNumber(population, 0) } : {}),
      }, lang),
    [lang, rangeText],
  );
}

/** A model error (shared/model/errors.ts) in the UI language, with the year or limit it names. */
export function useModelErrorText(): (e: ModelError) => string {
  const { t } = useTranslation();
  return useCallback(
    (e) => {
      const year = e.params?.year;
      const limit = e.params?.limit;
      return t(`target.modelErrors.${e.code}`, {
        year: year === undefined ? '' : String(year),
        limit: typeof limit === 'number' ? formatNumber(limit, 0) : String(limit ?? ''),
      });
    },
    [t],
  );
}
