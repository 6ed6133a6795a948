/** Small translated texts the Target view's parts share. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../shared/domain.js';
import { formatForEditing, formatNumber } from '../../../shared/format/number.js';
import type { ModelError } from '../../../shared/model/errors.js';

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

const ACTIONS = [
  'target.edit',
  'target.paste',
  'target.path',
  'target.clear',
  'justification.set',
  'scenario.create',
  'scenario.update',
  'scenario.delete',
  'scenario.status',
  'reference.save',
  'reference.delete',
] as const;
type ActionKey = (typeof ACTIONS)[number];

/** The translated name of an undo step's action key ('target.paste' → "tempel target"). */
export function useActionLabel(): (key: string | null) => string {
  const { t } = useTranslation();
  return useCallback(
    (key) => {
      if (!key) return '';
      const known = (ACTIONS as readonly string[]).includes(key) ? (key as ActionKey) : null;
      return known ? t(`target.actions.${known.replace('.', '_') as ActionSlug}`) : t('target.actions.other');
    },
    [t],
  );
}

type ActionSlug =
  | 'target_edit'
  | 'target_paste'
  | 'target_path'
  | 'target_clear'
  | 'justification_set'
  | 'scenario_create'
  | 'scenario_update'
  | 'scenario_delete'
  | 'scenario_status'
  | 'reference_save'
  | 'reference_delete';

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
