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
