/** Which values a revised target may take. Shared so paste preview and service agree. */
import type { Indicator } from '../domain.js';

export type CellProblem = 'not_a_number' | 'below_min' | 'above_max' | 'year_outside_plan' | 'read_only' | 'unknown_indicator';

/** Null when the value is acceptable for the indicator, else why not. */
export function checkTargetValue(ind: Pick<Indicator, 'minValue' | 'maxValue'>, value: number): CellProblem | null {
  if (!Number.isFinite(value)) return 'not_a_number';
  if (ind.minValue !== null && value < ind.minValue) return 'below_min';
  if (ind.maxValue !== null && value > ind.maxValue) return 'above_max';
  return null;
}
