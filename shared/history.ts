/**
 * Riwayat: the change log as the history.list method answers it (electron/services/history.ts)
 * and the Riwayat view shows it (renderer/src/views/HistoryView.tsx).
 *
 * Rows carry codes (action, kind, series) and numbers; the renderer words them in the UI's
 * language with shared/changes.ts (describeEntryAction, describeEntryDetail) and formats numbers
 * the Indonesian way.
 */
import type { Person } from './domain.js';

/** 'net': the net change per cell (shared/model/net-changes.ts); 'steps': every entry of every step. */
export const HISTORY_MODES = ['net', 'steps'] as const;
export type HistoryMode = (typeof HISTORY_MODES)[number];

/** Rows per page: the default and the most one call answers. */
export const HISTORY_LIMITS = { defaultLimit: 200, maxLimit: 1000, maxOffset: 10_000_000 } as const;

export interface HistoryRow {
  /** Unique within the answer: the entry's id (steps) or scenario, indicator and year (net). */
  key: string;
  /** The change_log entry (net: the one that gave the cell its current value). */
  entryId: number;
  /** The change step (one edit, undo or redo) the entry belongs to. */
  stepId: number;
  /** ISO 8601, UTC. */
  at: string;
  /** The operating-system account. */
  user: string;
  /** The person of the user's profile recorded on the step; null when none was. */
  person: Person | null;
  /** A ChangeAction (shared/changes.ts), as stored. */
  action: string;
  /** 'do', 'undo' or 'redo'. */
  kind: string;
  /** A count or rate computed from its pair and the population (turunan). */
  derived: boolean;
  scenarioId: number | null;
  scenarioName: string | null;
  /** Whether the scenario still exists, so its cell can be opened. */
  scenarioExists: boolean;
  indicatorCode: string | null;
  year: number | null;
  /** 'revised_target' for a target cell; a value series (import); null for a note. */
  series: string | null;
  /** Semula: before the step (net: before the cell's first logged change). */
  oldValue: number | null;
  /** Menjadi: after the step (net: the value now). */
  newValue: number | null;
  /** The justification recorded with the entry (at that moment). */
  justification: string | null;
  /** Net mode: the indicator's justification in the scenario now (null: none, or the scenario is gone). */
  justificationNow: string | null;
  /** The stored detail (worded by describeEntryDetail). */
  detail: string | null;
  /** Net mode: how many logged changes (edits, undos, redos) of the cell the row folds; 1 in steps mode. */
  changes: number;
}

/** A person who appears in the log (for the person filter): a profile's person or an OS account. */
export interface HistoryPerson {
  /** The person's name, or the OS account when `account`. */
  name: string;
  nip: string;
  account: boolean;
}

export interface HistoryPage {
  mode: HistoryMode;
  rows: HistoryRow[];
  /** Rows matching the filters (before offset and limit). */
  total: number;
  offset: number;
  limit: number;
  /** Everyone in the log of the scenario filter (or the whole log), for the person filter. */
  people: HistoryPerson[];
}

/** Digits of a NIP ("19850412 201001 2 015" → "198504122010012015"). */
export function nipDigits(nip: string): string {
  return nip.replace(/\D+/g, '');
}

/**
 * Whether a step's person matches the person filter: the name contains it (any case), or the
 * NIP equals it (spaces ignored), or — on a step without a person — the OS account equals it.
 */
export function matchesPerson(e: { user: string; person: Person | null }, filter: string): boolean {
  const f = filter.trim().toLocaleLowerCase('id-ID');
  if (f === '') return true;
  const p = e.person;
  if (p && p.name.trim() !== '') {
    if (p.name.toLocaleLowerCase('id-ID').includes(f)) return true;
    const digits = nipDigits(f);
    return digits.length > 0 && digits === f.replace(/\s+/g, '') && nipDigits(p.nip) === digits;
  }
  return e.user.toLocaleLowerCase('id-ID') === f;
}
