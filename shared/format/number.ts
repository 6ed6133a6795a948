/**
 * The one home for number formatting. Numbers always use Indonesian conventions (id-ID: comma
 * decimals, dot thousands: 12,32 and 79.270) in both UI languages, because the annex and the
 * planners read them that way. Each indicator carries its own number of decimals.
 */

/** Locale of every number the app shows or exports, whatever the UI language. */
export const NUMBER_LOCALE = 'id-ID';

/** Decimals are clamped to what Intl accepts and what makes sense for an indicator. */
const MAX_DECIMALS = 6;

const formatters = new Map<number, Intl.NumberFormat>();

function clampDecimals(decimals: number): number {
  if (!Number.isFinite(decimals)) return 0;
  return Math.min(MAX_DECIMALS, Math.max(0, Math.trunc(decimals)));
}

/** A cached id-ID formatter with exactly `decimals` fraction digits. */
export function numberFormat(decimals: number): Intl.NumberFormat {
  const d = clampDecimals(decimals);
  let f = formatters.get(d);
  if (!f) {
    f = new Intl.NumberFormat(NUMBER_LOCALE, {
      minimumFractionDigits: d,
      maximumFractionDigits: d,
      useGrouping: true,
      // Never show "-0" or "-0,00" for values that round to zero.
      signDisplay: 'negative',
    });
    formatters.set(d, f);
  }
  return f;
}

/**
 * Formats a value with an indicator's decimals: formatNumber(12.32, 2) → "12,32",
 * formatNumber(79270, 0) → "79.270". Unknown values (null, undefined, NaN, ±Infinity) give ""
 * so an empty cell stays empty — never "0" or "NaN".
 */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return numberFormat(decimals).format(value);
}

/** A share (0,1232) as the percentage it is ("12,32"), for the models that compute in shares; '' when none. */
export function formatShare(share: number | null | undefined, decimals = 2): string {
  return share === null || share === undefined ? '' : formatNumber(share * 100, decimals);
}

/**
 * Formats a change with an explicit sign: formatSignedNumber(1.3, 2) → "+1,30",
 * formatSignedNumber(-0.4, 2) → "-0,40", and a change that rounds to zero → "0,00" (no sign).
 */
export function formatSignedNumber(value: number | null | undefined, decimals = 0): string {
  const text = formatNumber(value, decimals);
  if (text === '' || text.startsWith('-') || /^[0.,]+$/.test(text)) return text;
  return `+${text}`;
}

/** Decimals a value needs to be written out exactly (its shortest representation), capped at MAX_DECIMALS. */
function ownDecimals(value: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(MAX_DECIMALS, Math.max(0, fraction - Number(exponent)));
}

/**
 * The text an editor starts from: id-ID like formatNumber, with at least the indicator's
 * decimals and as many more as the stored value has (up to 6), so editing never silently
 * rounds what was typed or pasted before: formatForEditing(12.605, 2) → "12,605".
 */
export function formatForEditing(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return formatNumber(value, Math.max(clampDecimals(decimals), ownDecimals(value)));
}

/** Decimals a value needs to be written out exactly (its shortest representation), uncapped up to Intl's 100. */
function exactDecimals(value: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(value)).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(100, Math.max(0, fraction - Number(exponent)));
}

const exactFormatters = new Map<number, Intl.NumberFormat>();

/**
 * A value at full precision, id-ID: at least `decimals` fraction digits and every further digit
 * the stored number has, never rounded — formatExact(80.1, 0) → "80,1", formatExact(80100, 0) →
 * "80.100", formatExact(12.3, 2) → "12,30". For previews that must show exactly what would be
 * stored (an import of "80,100" read as 80,1 must not show "80").
 */
export function formatExact(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const d = Math.max(clampDecimals(decimals), exactDecimals(value));
  if (d <= MAX_DECIMALS) return formatNumber(value, d);
  let f = exactFormatters.get(d);
  if (!f) {
    f = new Intl.NumberFormat(NUMBER_LOCALE, { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: true, signDisplay: 'negative' });
    exactFormatters.set(d, f);
  }
  return f.format(value);
}

/** Why a text is not a number (the UI translates these). */
export const PARSE_FAILURES = [
  /** Nothing but spaces: for a cell, "clear it" — callers decide. */
  'empty',
  /** Letters, stray symbols, two signs… */
  'not_a_number',
  /** More than one decimal separator (12,3,4) or separators in the wrong order. */
  'bad_separators',
  /** Thousands groups that are not 3 digits (1.23.456, 12.3.4). */
  'bad_grouping',
  /** Scientific notation (1e5, 1,2E+05): not how planners write targets, so refused rather than guessed. */
  'exponent',
  /** A footnote mark (12,32*) where the caller did not allow them. */
  'footnote',
] as const;
export type ParseFailure = (typeof PARSE_FAILURES)[number];

export type ParseResult =
  | {
      ok: true;
      value: number;
      /** The footnote mark(s) stripped from the end (e.g. "*", "ᵉ"), when allowFootnotes was set and one was there. */
      footnote?: string;
    }
  | { ok: false; reason: ParseFailure };

export interface ParseOptions {
  /**
   * Strip BPS footnote marks after the number — "*", "**", "†", and superscript letters or
   * digits such as "ᵉ" (estimasi) or "¹" — and report them in `footnote`. Off by default:
   * typing "12,32*" into a cell is then refused, not silently read.
   */
  allowFootnotes?: boolean;
}

/** Space-like characters taken as thousands separators: space, NBSP, narrow NBSP, thin space, figure space. */
const SPACES = /[ \u00a0\u202f\u2009\u2007]/;
const SPACES_ALL = /[ \u00a0\u202f\u2009\u2007]+/g;
/**
 * One BPS footnote mark character: asterisks, daggers, superscript digits and modifier
 * (superscript) letters. Tested one character at a time from the end (see footnoteStart): an
 * end-anchored pattern such as /[…]+$/ is retried at every position of a long run of marks
 * that is not at the end, which is quadratic.
 */
const FOOTNOTE_CHAR = /^[*†‡\u00b9\u00b2\u00b3\u2070-\u209f\u02b0-\u02ff\u1d2c-\u1dbf]$/;
const MINUS_SIGNS = new Set(['-', '\u2212', '\u2012', '\u2013']);

function fail(reason: ParseFailure): ParseResult {
  return { ok: false, reason };
}

/** Where the trailing run of footnote marks starts (s.length when there is none); linear. */
function footnoteStart(s: string): number {
  let i = s.length;
  while (i > 0 && FOOTNOTE_CHAR.test(s[i - 1]!)) i--;
  return i;
}

/** True when `groups` (split on a thousands separator) read as thousands: 1–3 digits, then 3-digit groups. */
function validGrouping(groups: readonly string[]): boolean {
  const [first = '', ...rest] = groups;
  return /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
}

/**
 * Reads a number the way an Indonesian planner writes it, for typing, paste and import — the
 * one locale parser. Returns the value or why it is not a number; it never guesses silently.
 *
 * Accepted:
 * - id-ID: decimal comma, dot thousands — "12,32", "79.270", "1.234,5", "-0,5";
 * - a leading "+", "-" or the Unicode minus "−" (also figure and en dashes, as pasted from Word);
 * - spaces, NBSP and thin spaces as thousands separators — "79 270", "1 234,5";
 * - a trailing percent sign — "12,32 %", "12,32%";
 * - the dot-decimal form where it cannot be id-ID thousands — "12.32", "0.125", "12.5";
 * - both separators, the last one being the decimal separator: "1.234,5" (id-ID) and
 *   "1,234.5" (en) are unambiguous because a number has one decimal separator;
 * - a missing integer part — ",5", ".5" (0,5).
 *
 * The one ambiguous case is a single dot followed by exactly three digits ("79.270", "1.234"):
 * in id-ID that is a thousands separator, in English a decimal point. It is read the id-ID way
 * (79270), because the app's numbers, the annex and the planners' spreadsheets are id-ID, and
 * the costly mistake runs the other way: a count of 79.270 poor people read as 79,27 would be
 * wrong by a factor of 1000 while looking plausible. A leading zero group ("0.125") cannot be
 * thousands, so it is a decimal. Several dots must all be thousands ("1.234.567").
 *
 * Refused: "" (reason 'empty'), letters and stray symbols ('not_a_number'), "12,3,4" and
 * "1.234,5.6" ('bad_separators'), "12.3.4" and "1 23" ('bad_grouping'), "1e5" and "1,2E+05"
 * ('exponent' — spreadsheets show that only for cells formatted as scientific; we refuse rather
 * than guess), footnote marks unless allowFootnotes ('footnote'), "5," and "5." (a trailing
 * separator is a typo, not a number).
 */
export function parseNumber(text: string, options: ParseOptions = {}): ParseResult {
  // String.prototype.trim removes every Unicode space (NBSP, narrow NBSP, thin and figure spaces
  // are all Zs) in linear time. End-anchored patterns such as /\s+$/ are not linear: they are
  // retried at every position of a long run of spaces inside the text ("1", 100.000 spaces, "2").
  let s = text.trim();
  if (s === '') return fail('empty');

  let footnote: string | undefined;
  const markAt = footnoteStart(s);
  if (markAt < s.length && markAt > 0) {
    if (!options.allowFootnotes) return fail('footnote');
    footnote = s.slice(markAt);
    s = s.slice(0, markAt).trimEnd();
  }

  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();

  let negative = false;
  const sign = s[0];
  if (sign === '+' || (sign !== undefined && MINUS_SIGNS.has(sign))) {
    negative = sign !== '+';
    s = s.slice(1);
  }
  if (/[eE]/.test(s) && /^[\d.,]*\d[eE][+\-\u2212]?\d+$/.test(s)) return fail('exponent');
  if (s === '' || !/^[\d., \u00a0\u202f\u2009\u2007]+$/.test(s) || !/\d/.test(s)) return fail('not_a_number');
  if (SPACES.test(s[0] ?? '') || SPACES.test(s.at(-1) ?? '')) return fail('not_a_number');

  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let integerPart: string;
  let fraction = '';
  let groupSep: string | null = null;

  if (commas > 0 && dots > 0) {
    const decimalSep = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    groupSep = decimalSep === ',' ? '.' : ',';
    if ((decimalSep === ',' ? commas : dots) !== 1) return fail('bad_separators');
    const at = s.lastIndexOf(decimalSep);
    integerPart = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (fraction.includes(groupSep)) return fail('bad_separators');
  } else if (commas > 0) {
    if (commas > 1) return fail('bad_separators');
    [integerPart = '', fraction = ''] = s.split(',');
    if (fraction === '') return fail('not_a_number');
  } else if (dots > 0) {
    const parts = s.split('.');
    const [head = '', ...tail] = parts;
    const headDigits = head.replace(SPACES_ALL, '');
    const thousands = tail.every((g) => /^\d{3}$/.test(g)) && /^[1-9]\d{0,2}$/.test(headDigits) && !SPACES.test(head);
    if (dots === 1 && !thousands) {
      integerPart = head;
      fraction = tail[0] ?? '';
      if (fraction === '') return fail('not_a_number');
    } else if (thousands) {
      groupSep = '.';
      integerPart = s;
    } else {
      return fail('bad_grouping');
    }
  } else {
    integerPart = s;
  }

  if (!/^\d*$/.test(fraction)) return fail(SPACES.test(fraction) ? 'bad_grouping' : 'bad_separators');

  // Thousands separators: the explicit one, or spaces (never both kinds mixed).
  let digits = integerPart;
  const hasSpaces = SPACES.test(integerPart);
  if (groupSep && hasSpaces) return fail('bad_grouping');
  const separator = groupSep ?? (hasSpaces ? 'space' : null);
  if (separator) {
    const groups = separator === 'space' ? integerPart.split(SPACES_ALL) : integerPart.split(separator);
    if (groups.some((g) => SPACES.test(g)) || !validGrouping(groups)) return fail('bad_grouping');
    digits = groups.join('');
  }
  if (!/^\d*$/.test(digits)) return fail('not_a_number');
  if (digits === '' && fraction === '') return fail('not_a_number');

  const value = Number(`${digits || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return fail('not_a_number');
  const signed = negative && value !== 0 ? -value : value;
  return footnote === undefined ? { ok: true, value: signed } : { ok: true, value: signed, footnote };
}
