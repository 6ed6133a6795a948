/**
 * Pure helpers of the Riwayat view: the local day a date field names as UTC instants for
 * history.list, the time an entry was made in the UI's language, and whether a row names a cell
 * the Target view can open.
 */
import type { Indicator, Plan } from '../../../shared/domain.js';
import type { HistoryRow } from '../../../shared/history.js';
import { isIsoDate } from '../../../shared/model/revision.js';

/** "2021-08-23" (a local day) → the instant it starts, or (end) the last millisecond of it, in UTC ISO. */
export function localDayBound(date: string, end: boolean): string | null {
  if (!isIsoDate(date)) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  return at.toISOString();
}

const TIME_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** "2021-08-23T03:15:09.123Z" → "23 Agu 2021, 10.15" (id, local time) or "23 Aug 2021, 10:15" (en). */
export function formatWhen(at: string, lang: 'id' | 'en'): string {
  const t = Date.parse(at);
  if (!Number.isFinite(t)) return at;
  let f = TIME_FORMATS.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    TIME_FORMATS.set(lang, f);
  }
  return f.format(new Date(t));
}

/** Which column of the Target grid a row opens, or null when it names no cell there. */
export function rowTarget(row: HistoryRow, indicator: Indicator | undefined, plan: Pick<Plan, 'firstYear' | 'lastYear'>): 'revised_target' | 'justification' | null {
  if (!indicator || !row.scenarioExists || row.scenarioId === null) return null;
  if (row.series === 'revised_target' && row.year !== null) return row.year >= plan.firstYear && row.year <= plan.lastYear ? 'revised_target' : null;
  if (row.action === 'justification.set' && row.year === null) return 'justification';
  return null;
}
