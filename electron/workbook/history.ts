/**
 * Undo/redo kept in the workbook itself, so it survives a restart. Each API write is one step:
 * the rows it touched are recorded with their images before and after (JSON), and undo/redo
 * write those images back. Only the tables a planner edits are tracked; the change log is
 * append-only and records undo and redo as entries of their own.
 */
import type Database from 'better-sqlite3';

type Db = Database.Database;
type Row = Record<string, unknown>;

/** Tracked tables and their primary keys. */
const TRACKED = {
  scenario: ['id'],
  scenario_target: ['scenario_id', 'indicator_id', 'year'],
  justification: ['scenario_id', 'indicator_id'],
  reference_target: ['id'],
  shock_year: ['year'],
  /** Workbook values (realisations, original targets…): written by spreadsheet import. */
  value: ['indicator_id', 'year', 'series'],
} as const;
export type TrackedTable = keyof typeof TRACKED;

/** How many steps a workbook keeps; older ones are dropped (the change log keeps everything). */
export const MAX_UNDO_STEPS = 500;

export interface RowChange {
  table: TrackedTable;
  before: Row | null;
  after: Row | null;
}

export interface StepInfo {
  id: number;
  label: string;
  scenarioId: number | null;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

function keyOf(table: TrackedTable, row: Row): Row {
  return Object.fromEntries(TRACKED[table].map((k) => [k, row[k]]));
}

function where(table: TrackedTable): string {
  return TRACKED[table].map((k) => `${k} = @${k}`).join(' AND ');
}

function selectRow(db: Db, table: TrackedTable, key: Row): Row | null {
  return (db.prepare(`SELECT * FROM ${table} WHERE ${where(table)}`).get(key) as Row | undefined) ?? null;
}

/** Writes a whole row image (insert or update in place: never REPLACE, which would cascade). */
function putRow(db: Db, table: TrackedTable, row: Row): void {
  const cols = Object.keys(row);
  const keys = TRACKED[table] as readonly string[];
  const updates = cols.filter((c) => !keys.includes(c));
  const conflict = updates.length
    ? `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`
    : 'ON CONFLICT DO NOTHING';
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) ${conflict}`).run(row);
}

function deleteRow(db: Db, table: TrackedTable, key: Row): void {
  db.prepare(`DELETE FROM ${table} WHERE ${where(table)}`).run(key);
}

/** Records every change of one step; handed to the write function of a tracked transaction. */
export class StepRecorder {
  private seq = 0;
  readonly changes: RowChange[] = [];

  constructor(
    private readonly db: Db,
    private readonly stepId: number,
  ) {}

  /**
   * Inserts or updates a row; `row` must hold the key columns, and may hold only some others when
   * the row exists (they are merged into it). Returns the row before.
   */
  put(table: TrackedTable, row: Row): Row | null {
    const key = keyOf(table, row);
    const before = selectRow(this.db, table, key);
    putRow(this.db, table, before ? { ...before, ...row } : row);
    this.record(table, key, before, selectRow(this.db, table, key));
    return before;
  }

  /** Inserts a row whose key SQLite assigns (a new scenario or reference); returns the new id. */
  insert(table: 'scenario' | 'reference_target', row: Row): number {
    const cols = Object.keys(row);
    const id = Number(
      this.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid,
    );
    const key = { id };
    this.record(table, key, null, selectRow(this.db, table, key));
    return id;
  }

  remove(table: TrackedTable, key: Row): Row | null {
    const before = selectRow(this.db, table, keyOf(table, key));
    if (!before) return null;
    deleteRow(this.db, table, keyOf(table, key));
    this.record(table, keyOf(table, key), before, null);
    return before;
  }

  private record(table: TrackedTable, key: Row, before: Row | null, after: Row | null): void {
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    this.changes.push({ table, before, after });
    this.db
      .prepare('INSERT INTO undo_row (step_id, seq, tbl, row_key, before, after) VALUES (?, ?, ?, ?, ?, ?)')
      .run(this.stepId, this.seq++, table, JSON.stringify(key), before && JSON.stringify(before), after && JSON.stringify(after));
  }
}

/**
 * Opens a step inside the caller's transaction: clears the redo stack, runs `fn`, and drops the
 * step again when it changed nothing (so a no-op edit is not an undo step).
 */
export function recordStep<T>(db: Db, label: string, scenarioId: number | null, fn: (rec: StepRecorder) => T): { result: T; changes: RowChange[] } {
  db.prepare("DELETE FROM undo_step WHERE state = 'undone'").run();
  const stepId = Number(
    db.prepare('INSERT INTO undo_step (label, scenario_id, at) VALUES (?, ?, ?)').run(label, scenarioId, new Date().toISOString()).lastInsertRowid,
  );
  const rec = new StepRecorder(db, stepId);
  const result = fn(rec);
  if (rec.changes.length === 0) {
    db.prepare('DELETE FROM undo_step WHERE id = ?').run(stepId);
  } else {
    db.prepare(
      `DELETE FROM undo_step WHERE id IN (SELECT id FROM undo_step ORDER BY id DESC LIMIT -1 OFFSET ${MAX_UNDO_STEPS})`,
    ).run();
  }
  return { result, changes: rec.changes };
}

interface StoredRow {
  tbl: TrackedTable;
  row_key: string;
  before: string | null;
  after: string | null;
}

function stepRows(db: Db, stepId: number): StoredRow[] {
  return db.prepare('SELECT tbl, row_key, before, after FROM undo_row WHERE step_id = ? ORDER BY seq').all(stepId) as StoredRow[];
}

function applyImage(db: Db, row: StoredRow, image: string | null): void {
  if (image === null) deleteRow(db, row.tbl, JSON.parse(row.row_key) as Row);
  else putRow(db, row.tbl, JSON.parse(image) as Row);
}

function toChange(row: StoredRow, direction: 'undo' | 'redo'): RowChange {
  const before = row.before === null ? null : (JSON.parse(row.before) as Row);
  const after = row.after === null ? null : (JSON.parse(row.after) as Row);
  return direction === 'undo' ? { table: row.tbl, before: after, after: before } : { table: row.tbl, before, after };
}

/** Undoes the newest done step (caller's transaction). Returns it with the changes it made. */
export function undoStep(db: Db): { step: StepInfo; changes: RowChange[] } | null {
  const step = db
    .prepare("SELECT id, label, scenario_id AS scenarioId FROM undo_step WHERE state = 'done' ORDER BY id DESC LIMIT 1")
    .get() as StepInfo | undefined;
  if (!step) return null;
  const rows = stepRows(db, step.id);
  for (const row of [...rows].reverse()) applyImage(db, row, row.before);
  db.prepare("UPDATE undo_step SET state = 'undone' WHERE id = ?").run(step.id);
  return { step, changes: rows.reverse().map((r) => toChange(r, 'undo')) };
}

/** Redoes the oldest undone step (caller's transaction). */
export function redoStep(db: Db): { step: StepInfo; changes: RowChange[] } | null {
  const step = db
    .prepare("SELECT id, label, scenario_id AS scenarioId FROM undo_step WHERE state = 'undone' ORDER BY id ASC LIMIT 1")
    .get() as StepInfo | undefined;
  if (!step) return null;
  const rows = stepRows(db, step.id);
  for (const row of rows) applyImage(db, row, row.after);
  db.prepare("UPDATE undo_step SET state = 'done' WHERE id = ?").run(step.id);
  return { step, changes: rows.map((r) => toChange(r, 'redo')) };
}

export function historyState(db: Db): HistoryState {
  const undo = db.prepare("SELECT label FROM undo_step WHERE state = 'done' ORDER BY id DESC LIMIT 1").get() as { label: string } | undefined;
  const redo = db.prepare("SELECT label FROM undo_step WHERE state = 'undone' ORDER BY id ASC LIMIT 1").get() as { label: string } | undefined;
  return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
}
