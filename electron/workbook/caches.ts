/**
 * State kept beside an open workbook (a scenario's targets, the checks' findings, the import
 * preview's revision) so that reading it back after every edit costs nothing. Each kept state is
 * a field of the open workbook's Caches, and there is one way it learns of a change: the one
 * write path calls `afterEdit` with what the committed edit changed. A write by another
 * connection (seen through PRAGMA data_version) drops everything.
 */
import type { ChangeAction, ChangeKind } from '../../shared/changes.js';
import type { TargetCell } from '../../shared/domain.js';
import type { Statements } from './statements.js';

/** What one committed edit (or undo/redo) changed. */
export interface EditEffect {
  action: ChangeAction;
  kind: ChangeKind;
  /** Per scenario: the target cells written, by cellKey(indicatorId, year); null when removed. */
  targets: Map<number, Map<number, TargetCell | null>>;
  /** Per scenario: indicators whose justification changed. */
  justifications: Map<number, Set<number>>;
  /** Scenarios created, changed or deleted (their rows, not their targets). */
  scenarios: Set<number>;
  /** Indicators whose row changed (their Perangkat Daerah): the indicator index is read again. */
  indicators: Set<number>;
  /** Whether workbook values, references or shock years changed. */
  otherData: boolean;
}

/** One number per (indicator, year): years have four digits. */
export function cellKey(indicatorId: number, year: number): number {
  return indicatorId * 10_000 + year;
}

export function keyIndicator(key: number): number {
  return Math.floor(key / 10_000);
}

export function keyYear(key: number): number {
  return key % 10_000;
}

export function emptyEffect(action: ChangeAction, kind: ChangeKind): EditEffect {
  return { action, kind, targets: new Map(), justifications: new Map(), scenarios: new Set(), indicators: new Set(), otherData: false };
}

/** A piece of kept state: told of each committed edit; false drops it (rebuilt on next use). */
export interface Kept {
  afterEdit(effect: EditEffect): boolean;
}

export class Caches {
  private readonly slots = new Map<string, Kept>();
  private dataVersion: number | null = null;
  /** Grows whenever everything is dropped, so a revision taken before never matches after. */
  private epoch = 0;

  constructor(private readonly st: Statements) {}

  /** The kept state under `key`, made when missing (or dropped by a write from elsewhere). */
  get<T extends Kept>(key: string, make: () => T): T {
    this.validate();
    let slot = this.slots.get(key) as T | undefined;
    if (!slot) this.slots.set(key, (slot = make()));
    return slot;
  }

  /** The one invalidation point for this connection's own writes. */
  afterEdit(effect: EditEffect): void {
    for (const [key, slot] of this.slots) if (!slot.afterEdit(effect)) this.slots.delete(key);
  }

  /** Drops everything when another connection committed since we last looked. */
  validate(): void {
    const version = this.st.get('PRAGMA data_version').pluck().get() as number;
    if (this.dataVersion !== null && version !== this.dataVersion) {
      this.slots.clear();
      this.epoch++;
    }
    this.dataVersion = version;
  }

  get generation(): number {
    return this.epoch;
  }
}

/** Counts committed edits that match `counts`: a cheap "has anything relevant changed since". */
export class EditCounter implements Kept {
  count = 0;
  constructor(private readonly counts: (action: ChangeAction) => boolean) {}
  afterEdit(effect: EditEffect): boolean {
    if (this.counts(effect.action)) this.count++;
    return true;
  }
}
