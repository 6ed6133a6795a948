/** Indicator fixtures for tests that need no workbook. */
import type { Indicator } from '../../shared/domain.js';

/** An indicator for the renderer's model tests: a lower-is-better poverty rate in % with 2 decimals unless `over` says otherwise. */
export function testIndicator(id: number, code: string, over: Partial<Indicator> = {}): Indicator {
  return {
    id,
    code,
    nameId: code,
    nameEn: code,
    responsibleUnit: null,
    unit: '%',
    polarity: 'lower',
    decimals: 2,
    group: 'kemiskinan',
    definition: '',
    minValue: 0,
    maxValue: 100,
    ...over,
  };
}
