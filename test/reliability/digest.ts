/**
 * A digest of everything a planner's edits change (scenarios, targets, justifications, undo
 * history, change log), leaving out wall-clock columns so two files that went through the same
 * operations at different moments digest the same.
 *
 * The change log only grows (append-only triggers on `change_step` and `change_entry`), so its
 * part is one SHA-256 streamed over the rows in id order: `Digester` keeps that stream open and
 * on the next call reads only the rows after the last id it took in. The value is a function of
 * the file alone — streamed in one go (`digestFile`, the from-scratch reading) or in many steps
 * (`Digester.digest`, call after call), the same rows give the same digest — so the crash test can compare what the
 * child reported incrementally with a from-scratch reading of the file after the kill: a lost,
 * torn or rewritten row anywhere in the log shows there. The rest (scenarios, targets,
 * justifications, at most MAX_UNDO_STEPS undo steps) is bounded and read whole every time; an undo
 * step's unpacked changes are remembered by their packed text.
 */
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { unpackChanges } from '../../electron/workbook/history.js';

const TIME_KEYS = new Set(['created_at', 'updated_at', 'at']);

type Row = Record<string, unknown>;

function withoutTimes(row: Row | null): Row | null {
  if (row === null) return null;
  const copy = { ...row };
  for (const k of TIME_KEYS) delete copy[k];
  return copy;
}

function sha(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

type Stmt = Database.Statement<unknown[], Row>;

/** One append-only table streamed into a hash in id order, resumable after the last row taken in. */
class LogTail {
  private readonly hash = crypto.createHash('sha256');
  private readonly from: Stmt;
  private lastId = 0;
  private lastRow = '';
  rows = 0;

  constructor(db: Database.Database, private readonly table: 'change_step' | 'change_entry') {
    this.from = db.prepare(`SELECT * FROM ${table} WHERE id >= ? ORDER BY id`);
  }

  advance(): string {
    let first = this.lastId > 0;
    for (const row of this.from.iterate(this.lastId)) {
      const line = JSON.stringify(withoutTimes(row));
      if (first) {
        // Cheap guard for a digester that kept its stream: the last row taken in is still there as
        // it was. (Everything below it is proved by the from-scratch reading after each kill.)
        first = false;
        if (row.id === this.lastId && line === this.lastRow) continue;
        throw new Error(`${this.table} row ${this.lastId} changed or vanished under the digest`);
      }
      this.hash.update(line);
      this.hash.update('\n');
      this.lastId = row.id as number;
      this.lastRow = line;
      this.rows++;
    }
    if (first) throw new Error(`${this.table} row ${this.lastId} vanished under the digest`);
    return this.hash.copy().digest('hex');
  }
}

/**
 * The digest of one file, kept up to date across calls through one read-only connection: the
 * log's rows are read once each, everything is read in one read transaction (one snapshot).
 * Only appends may happen to the log between calls (the guard above notices its last row
 * changing); `digestFile` is the from-scratch reading that proves every row.
 */
export class Digester {
  private readonly db: Database.Database;
  private readonly state: Stmt[];
  private readonly undo: Stmt;
  private readonly steps: LogTail;
  private readonly entries: LogTail;
  private undoMemo = new Map<string, string>();

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.state = [
      'SELECT id, name, description, status FROM scenario ORDER BY id',
      'SELECT scenario_id, indicator_id, year, value, origin FROM scenario_target ORDER BY scenario_id, indicator_id, year',
      'SELECT scenario_id, indicator_id, text FROM justification ORDER BY scenario_id, indicator_id',
    ].map((sql) => this.db.prepare<unknown[], Row>(sql));
    this.undo = this.db.prepare('SELECT id, label, scenario_id, state, changes FROM undo_step ORDER BY id');
    this.steps = new LogTail(this.db, 'change_step');
    this.entries = new LogTail(this.db, 'change_entry');
  }

  /** How many change-log rows (steps, entries) this digester has taken in so far. */
  get logRows(): number {
    return this.steps.rows + this.entries.rows;
  }

  digest(): string {
    // Explicit BEGIN, not db.transaction(): the crash child watches transactions on its workbook.
    this.db.exec('BEGIN');
    try {
      return this.read();
    } finally {
      this.db.exec('COMMIT');
    }
  }

  close(): void {
    this.db.close();
  }

  private read(): string {
    const h = crypto.createHash('sha256');
    for (const st of this.state) {
      for (const r of st.iterate()) h.update(JSON.stringify(r));
      h.update('|');
    }
    // Undo steps change state and are dropped past MAX_UNDO_STEPS: read whole (bounded), their
    // packed changes unpacked once per distinct text.
    const memo = new Map<string, string>();
    for (const r of this.undo.iterate() as IterableIterator<Row>) {
      const packed = r.changes as string;
      let changes = memo.get(packed) ?? this.undoMemo.get(packed);
      if (changes === undefined) {
        changes = sha(JSON.stringify(unpackChanges(packed).map((c) => ({ table: c.table, before: withoutTimes(c.before), after: withoutTimes(c.after) }))));
      }
      memo.set(packed, changes);
      h.update(JSON.stringify([r.id, r.label, r.scenario_id, r.state, changes]));
    }
    this.undoMemo = memo;
    h.update('|');
    h.update(this.steps.advance());
    h.update('|');
    h.update(this.entries.advance());
    return h.digest('hex').slice(0, 16);
  }
}

/** The digest read from scratch: every row of the log, whatever was read before. */
export function digestFile(file: string): string {
  const d = new Digester(file);
  try {
    return d.digest();
  } finally {
    d.close();
  }
}

/** integrity_check as the next open would see it: read-write, so a hot journal is rolled back first. */
export function integrity(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}
