/**
 * The net change per cell of a scenario's change log: where each revised-target cell started in
 * the log and where it is now. One fold, used by the annex's Catatan Perubahan
 * (electron/annex/change-log-section.ts) and the Riwayat view (history.list,
 * electron/services/history.ts).
 *
 * - **semula** is the value before the cell's first logged change; **menjadi** the value after
 *   its last one.
 * - A cell changed and changed back (a paste followed by undo, an edit typed back) is dropped;
 *   undo and redo are folded, never listed.
 * - **by** is the entry that gave the cell its current value: the latest edit or redo that wrote
 *   it (an undo only restores an earlier step's value, and that step is named).
 *
 * Pure: entries in, changes out; generic over the entry type so each caller keeps its own fields
 * (the person on the step, the step id) on `by`.
 */
import type { ChangeLogEntry } from '../domain.js';

/** What the fold reads of an entry. */
export type NetEntry = Pick<ChangeLogEntry, 'scenarioId' | 'indicatorCode' | 'year' | 'series' | 'kind' | 'oldValue' | 'newValue' | 'derived'>;

/** The net change of one cell (never one back where it started). */
export interface NetChange<E extends NetEntry = NetEntry> {
  indicatorCode: string;
  year: number;
  semula: number | null;
  menjadi: number | null;
  /** The entry that gave the cell its current value (its time, person and justification then). */
  by: E;
  derived: boolean;
}

/** Whether an entry is about one revised-target cell (not a note, a justification or a value series). */
export function isTargetCellEntry(e: NetEntry): boolean {
  return e.indicatorCode !== null && e.year !== null && e.series === 'revised_target';
}

/**
 * Folds a scenario's log (oldest first) into the net change per cell: first old value → last new
 * value; cells back at their first old value are dropped. Entries of other scenarios are skipped.
 * Changes come in the order each cell first appears in the log.
 */
export function netChanges<E extends NetEntry>(entries: readonly E[], scenarioId: number): NetChange<E>[] {
  const cells = new Map<string, E[]>();
  for (const e of entries) {
    if (e.scenarioId !== scenarioId || !isTargetCellEntry(e)) continue;
    const key = `${e.indicatorCode}\u0000${e.year}`;
    const list = cells.get(key);
    if (list) list.push(e);
    else cells.set(key, [e]);
  }
  const out: NetChange<E>[] = [];
  for (const list of cells.values()) {
    const first = list[0]!;
    const last = list[list.length - 1]!;
    const semula = first.oldValue;
    const menjadi = last.newValue;
    if (semula === menjadi) continue;
    let by = last;
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i]!;
      if (e.kind !== 'undo' && e.newValue === menjadi) {
        by = e;
        break;
      }
    }
    out.push({ indicatorCode: first.indicatorCode!, year: first.year!, semula, menjadi, by, derived: by.derived });
  }
  return out;
}
