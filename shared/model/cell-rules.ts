/**
 * The rules every stored number obeys, per indicator: one home, used by the one write path
 * (electron/workbook/edit.ts) for every way a value comes in — typed, pasted, modelled, imported —
 * and by the renderer and the import preview to refuse a cell before it is sent. The words of a
 * refusal live here too, so the planner reads the same sentence whichever way the cell came.
 */
import type { Indicator } from '../domain.js';

export type CellProblem =
  | 'not_a_number'
  | 'below_min'
  | 'above_max'
  /** More decimals than the indicator keeps: a head count or a rupiah amount has none. */
  | 'too_many_decimals'
  /** Beyond what a double holds exactly (|x| > 2^53 − 1): no regional figure is that large. */
  | 'too_large'
  /** A count of people larger than the population of the same year and series. */
  | 'above_population'
  | 'year_outside_plan'
  | 'read_only'
  | 'unknown_indicator';

export type RuleIndicator = Pick<Indicator, 'minValue' | 'maxValue' | 'decimals'>;

/** Whether `value` has at most `decimals` decimals, read as the decimal a reader sees. */
export function fitsDecimals(value: number, decimals: number): boolean {
  if (Number.isInteger(value)) return true;
  if (decimals === 0) return false;
  // Fast path: the double nearest k / 10^d is the value, so its shortest form has ≤ d decimals.
  const scale = 10 ** decimals;
  if (Math.round(value * scale) / scale === value) return true;
  // Through the shortest decimal representation (String(x)): 12.34 has 2 decimals although
  // 12.34 × 100 is 1233.9999999999998 in binary.
  const [mantissa, exponent = '0'] = String(value).split('e');
  const fraction = mantissa!.split('.')[1] ?? '';
  return fraction.length - Number(exponent) <= decimals;
}

/** Null when the value is acceptable for the indicator on its own, else why not. */
export function checkCellValue(ind: RuleIndicator, value: number): CellProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'not_a_number';
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return 'too_large';
  if (ind.minValue !== null && value < ind.minValue) return 'below_min';
  if (ind.maxValue !== null && value > ind.maxValue) return 'above_max';
  if (!fitsDecimals(value, ind.decimals)) return 'too_many_decimals';
  return null;
}

/**
 * The rules a value of `series` obeys: a standard error ('se') is never negative and is at most
 * the width of the indicator's range (an SE of a rate in 0–100 lies in 0–100); otherwise the
 * indicator's own rules.
 */
export function rulesFor<T extends RuleIndicator>(ind: T, series: string): T {
  if (series !== 'se') return ind;
  const span = ind.minValue !== null && ind.maxValue !== null ? ind.maxValue - ind.minValue : null;
  return { ...ind, minValue: 0, maxValue: span };
}

/** Null when a count of people fits inside the population of the same year and series. */
export function checkCountWithinPopulation(count: number, population: number | undefined): CellProblem | null {
  if (population === undefined) return null;
  return count > population ? 'above_population' : null;
}

export type RuleLanguage = 'id' | 'en';

export interface ProblemDetail {
  /** The value refused, already formatted for the language. */
  value?: string;
  /** "0–100", "≥ 0": the indicator's range, formatted. */
  range?: string;
  decimals?: number;
  /** The population the count exceeds, formatted. */
  population?: string;
}

/** Why a cell was refused, as one clause in the UI language ("12,5 jiwa: jumlah jiwa tidak boleh pecahan"). */
export function cellProblemText(problem: CellProblem, d: ProblemDetail, lang: RuleLanguage): string {
  const v = d.value ?? '';
  if (lang === 'en') {
    switch (problem) {
      case 'not_a_number': return `"${v}" is not a number`;
      case 'below_min':
      case 'above_max': return `${v} is outside the allowed range ${d.range ?? ''}`.trim();
      case 'too_many_decimals': return d.decimals === 0 ? `${v} is not a whole number; this indicator holds whole numbers only` : `${v} has more than ${d.decimals} decimals`;
      case 'too_large': return `${v} is too large to store exactly`;
      case 'above_population': return `${v} is more than the population of the same year (${d.population ?? ''})`;
      case 'year_outside_plan': return 'the year is outside the plan years';
      case 'read_only': return 'this cell cannot be changed here';
      case 'unknown_indicator': return 'the indicator is not in this workbook';
    }
  }
  switch (problem) {
    case 'not_a_number': return `"${v}" bukan angka`;
    case 'below_min':
    case 'above_max': return `${v} di luar rentang yang diizinkan ${d.range ?? ''}`.trim();
    case 'too_many_decimals': return d.decimals === 0 ? `${v} bukan bilangan bulat; indikator ini hanya menerima bilangan bulat` : `${v} memiliki lebih dari ${d.decimals} desimal`;
    case 'too_large': return `${v} terlalu besar untuk disimpan dengan tepat`;
    case 'above_population': return `${v} melebihi jumlah penduduk tahun yang sama (${d.population ?? ''})`;
    case 'year_outside_plan': return 'tahunnya di luar tahun rencana';
    case 'read_only': return 'sel ini tidak dapat diubah di sini';
    case 'unknown_indicator': return 'indikator tidak ada di buku kerja ini';
  }
}

export const CELL_PROBLEMS: readonly CellProblem[] = [
  'not_a_number', 'below_min', 'above_max', 'too_many_decimals', 'too_large', 'above_population', 'year_outside_plan', 'read_only', 'unknown_indicator',
];

export function isCellProblem(value: unknown): value is CellProblem {
  return typeof value === 'string' && (CELL_PROBLEMS as readonly string[]).includes(value);
}
