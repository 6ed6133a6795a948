/**
 * The one error type of the pure model functions. They run both in the Node services and in the
 * renderer's preview, so they throw a plain class with a stable code instead of depending on the
 * API layer; a service turns it into a bad_input Failure and the UI translates the code,
 * interpolating `params`. The English message is for logs and developers.
 */

export const MODEL_ERROR_CODES = [
  /** A number that must be finite is NaN or ±Infinity. */
  'not_finite',
  /** A year is not an integer, or a year range is reversed or too long. */
  'invalid_years',
  /** A count of years or of decimals is out of its allowed range. */
  'invalid_argument',
  /** CAGR needs a start value above zero. */
  'cagr_start_not_positive',
  /** CAGR cannot reach a negative end value. */
  'cagr_end_negative',
  /** CAGR never reaches exactly zero. */
  'cagr_end_zero',
  /** The growth path has no value for a year the elasticity path needs. */
  'missing_growth',
  /** The base path has no value for a year the shock-and-recovery path needs. */
  'missing_base',
  /** Population is zero or negative. */
  'invalid_population',
  /** A rate is outside 0–100 %. */
  'rate_out_of_range',
  /** A count is negative or larger than the population. */
  'count_out_of_range',
  /** A pasted block is larger than the parser accepts. */
  'too_many_cells',
] as const;
export type ModelErrorCode = (typeof MODEL_ERROR_CODES)[number];

export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
    /** Values a translated message may interpolate (year, value, limit…). */
    readonly params?: Readonly<Record<string, string | number>>,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/** Throws not_finite unless `value` is a finite number; `name` says which input it was. */
export function requireFinite(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ModelError('not_finite', `${name} must be a finite number, got ${String(value)}`, { name });
  }
}
