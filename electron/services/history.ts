/**
 * history.list: the change log for the Riwayat view, filtered and paged.
 *
 * - mode 'steps': every entry of every step (edits, undos, redos, notes such as a justification
 *   or a scenario created), newest first, each with the person recorded on its step.
 * - mode 'net': the net change per revised-target cell (shared/model/net-changes.ts, the fold the
 *   annex's Catatan Perubahan uses): semula → menjadi; a cell changed and changed back (a paste
 *   followed by undo) is absent. The fold always runs over the cell's whole log, so a filter never
 *   makes a paste look kept because its undo fell outside it; the person and date filters then
 *   apply to the step that gave the cell its current value. Newest first by that step.
 *
 * Filters: scenarioId and indicatorCode narrow the log read; person (shared/history.ts
 * matchesPerson) and from/to (ISO instants or dates, inclusive; a date alone is a whole UTC day)
 * narrow the rows.
 */
import { matchesPerson, nipDigits, HISTORY_LIMITS, type HistoryMode, type HistoryPage, type HistoryPerson, type HistoryRow } from '../../shared/history.js';
import { netChanges } from '../../shared/model/net-changes.js';
import type { ChangeLogEntryWithPerson } from '../workbook/queries.js';
import type { Workbook } from '../workbook/store.js';

export interface HistoryQuery {
  mode: HistoryMode;
  scenarioId?: number | undefined;
  indicatorCode?: string | undefined;
  person?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a bound names: a date alone is the start (from) or the end (to) of that UTC day. */
function bound(value: string | undefined, end: boolean): number | null {
  if (value === undefined) return null;
  if (DATE_ONLY.test(value)) return Date.parse(`${value}T00:00:00.000Z`) + (end ? 86_400_000 - 1 : 0);
  return Date.parse(value);
}

function row(e: ChangeLogEntryWithPerson, exists: boolean): HistoryRow {
  return {
    key: `e${e.id}`,
    entryId: e.id,
    stepId: e.changeStepId,
    at: e.at,
    user: e.user,
    person: e.person,
    action: e.action,
    kind: e.kind,
    derived: e.derived,
    scenarioId: e.scenarioId,
    scenarioName: e.scenarioName,
    scenarioExists: exists,
    indicatorCode: e.indicatorCode,
    year: e.year,
    series: e.series,
    oldValue: e.oldValue,
    newValue: e.newValue,
    justification: e.justification,
    justificationNow: null,
    detail: e.detail,
    changes: 1,
  };
}

/** Everyone in the log: each person once (by NIP, else name), then OS accounts of steps without one. */
function people(entries: readonly ChangeLogEntryWithPerson[]): HistoryPerson[] {
  const seen = new Map<string, HistoryPerson>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    const p = e.person;
    if (p && p.name.trim() !== '') {
      const key = `p:${nipDigits(p.nip) || p.name.trim().toLocaleLowerCase('id-ID')}`;
      if (!seen.has(key)) seen.set(key, { name: p.name.trim(), nip: p.nip.trim(), account: false });
    } else {
      const key = `a:${e.user}`;
      if (!seen.has(key)) seen.set(key, { name: e.user, nip: '', account: true });
    }
  }
  return [...seen.values()].sort((a, b) => Number(a.account) - Number(b.account) || a.name.localeCompare(b.name, 'id-ID'));
}

export function listHistory(wb: Workbook, q: HistoryQuery): HistoryPage {
  const limit = q.limit ?? HISTORY_LIMITS.defaultLimit;
  const offset = q.offset ?? 0;
  const entries = wb.reads.changeLogWithPeopleWhere({ scenarioId: q.scenarioId, indicatorCode: q.indicatorCode });
  const scenarios = new Set(wb.scenarios().map((s) => s.id));
  const index = wb.indicatorIndex();
  const from = bound(q.from, false);
  const to = bound(q.to, true);
  const order = new Map(index.list.map((ind, n) => [ind.code, n]));
  const byCell = (a: HistoryRow, b: HistoryRow) =>
    (a.indicatorCode === null ? -1 : (order.get(a.indicatorCode) ?? 1e9)) - (b.indicatorCode === null ? -1 : (order.get(b.indicatorCode) ?? 1e9)) ||
    (a.year ?? 0) - (b.year ?? 0);
  const keep = (e: ChangeLogEntryWithPerson) => {
    if (q.person !== undefined && !matchesPerson(e, q.person)) return false;
    if (from === null && to === null) return true;
    const at = Date.parse(e.at);
    return (from === null || at >= from) && (to === null || at <= to);
  };

  let rows: HistoryRow[];
  if (q.mode === 'steps') {
    // Steps newest first; a step's own entries by indicator (the workbook's order) and year.
    rows = entries.filter(keep).map((e) => row(e, e.scenarioId !== null && scenarios.has(e.scenarioId)));
    rows.sort((a, b) => b.stepId - a.stepId || byCell(a, b) || a.entryId - b.entryId);
  } else {
    const ids = [...new Set(entries.map((e) => e.scenarioId).filter((id): id is number => id !== null))];
    rows = [];
    for (const sid of ids) {
      const exists = scenarios.has(sid);
      const now = exists ? new Map(wb.reads.targets(sid).justifications.map((j) => [j.indicatorId, j.text])) : null;
      const counts = new Map<string, number>();
      for (const e of entries) if (e.scenarioId === sid && e.series === 'revised_target') counts.set(`${e.indicatorCode}\u0000${e.year}`, (counts.get(`${e.indicatorCode}\u0000${e.year}`) ?? 0) + 1);
      for (const c of netChanges(entries, sid)) {
        if (!keep(c.by)) continue;
        const ind = index.byCode.get(c.indicatorCode);
        rows.push({
          ...row(c.by, exists),
          key: `n${sid}:${c.indicatorCode}:${c.year}`,
          oldValue: c.semula,
          newValue: c.menjadi,
          justificationNow: now && ind ? (now.get(ind.id) ?? null) : null,
          changes: counts.get(`${c.indicatorCode}\u0000${c.year}`) ?? 1,
        });
      }
    }
    rows.sort((a, b) => b.stepId - a.stepId || byCell(a, b) || (a.scenarioId ?? 0) - (b.scenarioId ?? 0));
  }
  return { mode: q.mode, rows: rows.slice(offset, offset + limit), total: rows.length, offset, limit, people: people(entries) };
}
