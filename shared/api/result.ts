/** Every API call answers with a Result; errors travel as values, never as lost exceptions. */

export const ERROR_CODES = [
  'bad_input',
  'unknown_method',
  'no_workbook',
  'not_found',
  'already_exists',
  'refused_not_workbook',
  'refused_foreign',
  'refused_newer',
  'refused_corrupt',
  'io_error',
  /** The action is refused while checks fail (e.g. marking usulan with error-level findings). */
  'blocked',
  /** An import file refused before reading: too large, too many cells, macros, not a spreadsheet. */
  'refused_file',
  /** A confirmation that no longer matches the workbook (an import preview made before a later change). */
  'stale',
  /** Another window or process has the workbook open for writing. */
  'locked',
  /** The workbook is open read-only. */
  'read_only',
  /** A write into a proposal (usulan): it is frozen until it goes back to draft. */
  'frozen',
  'unauthorized',
  'forbidden',
  /** A call ran past the store's watchdog and was stopped; the workbook was closed. */
  'timeout',
  /** An answer larger than the host sends (a crafted workbook's huge text, an export too big). */
  'too_large',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, for bad_input. */
  field?: string;
  /** Values a translated message may interpolate (file name, versions…). */
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | Failure;

/** Thrown by services; the dispatcher turns it into a Failure. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function failure(code: ErrorCode, message: string, extra: Partial<Pick<Failure, 'field' | 'params'>> = {}): Failure {
  return { ok: false, code, message, ...extra };
}
