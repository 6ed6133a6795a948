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
  const key: Row = {};
  for (const k of TRACKED[table]) key[k] = row[k];
  return key;
}

/**
 * Prepared statements per connection and SQL text. A paste of thousands of cells runs the same
 * few statements thousands of times; preparing each time cost more than running them.
 */
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

function prepared(db: Db, sql: string): Database.Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let st = map.get(sql);
  if (!st) map.set(sql, (st = db.prepare(sql)));
  return st;
}

/** Column names of a tracked table, in table order (what SELECT * returns). */
const columnCache = new WeakMap<Db, Map<TrackedTable, string[]>>();

export function columnsOf(db: Db, table: TrackedTable): string[] {
  let map = columnCache.get(db);
  if (!map) columnCache.set(db, (map = new Map()));
  let cols = map.get(table);
  if (!cols) map.set(table, (cols = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name)));
  return cols;
}

/** The key columns' values, in key order (positional parameters bind faster than named ones). */
function keyValues(table: TrackedTable, row: Row): unknown[] {
  return TRACKED[table].map((k) => row[k]);
}

const SELECT_SQL = Object.fromEntries(
  Object.entries(TRACKED).map(([t, keys]) => [t, `SELECT * FROM ${t} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`]),
) as Record<TrackedTable, string>;
const DELETE_SQL = Object.fromEntries(
  Object.entries(TRACKED).map(([t, keys]) => [t, `DELETE FROM ${t} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`]),
) as Record<TrackedTable, string>;

function selectRow(db: Db, table: TrackedTable, key: Row): Row | null {
  return (prepared(db, SELECT_SQL[table]).get(keyValues(table, key)) as Row | undefined) ?? null;
}

/** Upsert statements by table and column list. */
const upsertSql = new Map<string, string>();

/** Writes a whole row image (insert or update in place: never REPLACE, which would cascade). */
function putRow(db: Db, table: TrackedTable, row: Row): void {
  const cols = Object.keys(row);
  const signature = `${table}:${cols.join(',')}`;
  let sql = upsertSql.get(signature);
  if (sql === undefined) {
    const keys = TRACKED[table] as readonly string[];
    const updates = cols.filter((c) => !keys.includes(c));
    const conflict = updates.length
      ? `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}`
      : 'ON CONFLICT DO NOTHING';
    sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ${conflict}`;
    upsertSql.set(signature, sql);
  }
  prepared(db, sql).run(Object.values(row));
}

function deleteRow(db: Db, table: TrackedTable, key: Row): void {
  prepared(db, DELETE_SQL[table]).run(keyValues(table, key));
}

/** Whether two row images hold the same columns with the same values. */
function sameRow(a: Row | null, b: Row | null): boolean {
  if (a === null || b === null) return a === b;
  let columns = 0;
  for (const k in a) {
    if (!(k in b) || a[k] !== b[k]) return false;
    columns++;
  }
  for (const _ in b) columns--;
  return columns === 0;
}

/** Undo rows are written in batches of this many rows per INSERT statement. */
const UNDO_BATCH = 100;
const UNDO_COLUMNS = 6;

function insertUndoRows(db: Db, rows: number): Database.Statement {
  const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ');
  return prepared(db, `INSERT INTO undo_row (step_id, seq, tbl, row_key, before, after) VALUES ${values}`);
}

/** Records every change of one step; handed to the write function of a tracked transaction. */
export class StepRecorder {
  private seq = 0;
  readonly changes: RowChange[] = [];
  /** Undo rows not yet written, flattened (UNDO_COLUMNS values per row). */
  private pending: unknown[] = [];

  constructor(
    private readonly db: Db,
    private readonly stepId: number,
  ) {}

  /**
   * Inserts or updates a row; `row` must hold the key columns, and may hold only some others when
   * the row exists (they are merged into it). Returns the row before. A caller that knows the
   * row before exactly (every column, in table order, or null when there is none) passes it as
   * `known` and saves the read; `row` must then hold every column, in table order, too.
   */
  put(table: TrackedTable, row: Row, known?: Row | null): Row | null {
    const key = keyOf(table, row);
    const before = known !== undefined ? known : selectRow(this.db, table, key);
    // A known row before and `row` both hold every column in table order: `row` is the image.
    const image = before ? (known ? row : { ...before, ...row }) : row;
    if (before && sameRow(before, image)) return before;
    putRow(this.db, table, image);
    // The row now holds exactly the image written when it names every column (in table order
    // when it was merged into the row before); otherwise SQLite filled defaults: read it back.
    const complete = before !== null || columnsOf(this.db, table).every((c) => c in row);
    const after = complete && before !== null ? image : complete ? this.inTableOrder(table, image) : selectRow(this.db, table, key);
    this.record(table, key, before, after);
    return before;
  }

  /** Inserts a row whose key SQLite assigns (a new scenario or reference); returns the new id. */
  insert(table: 'scenario' | 'reference_target', row: Row): number {
    const cols = Object.keys(row);
    const id = Number(
      prepared(this.db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid,
    );
    const key = { id };
    this.record(table, key, null, selectRow(this.db, table, key));
    return id;
  }

  remove(table: TrackedTable, key: Row): Row | null {
    const k = keyOf(table, key);
    const before = selectRow(this.db, table, k);
    if (!before) return null;
    deleteRow(this.db, table, k);
    this.record(table, k, before, null);
    return before;
  }

  /** Writes the undo rows still buffered (recordStep calls it before the step ends). */
  flush(): void {
    const rows = this.pending.length / UNDO_COLUMNS;
    let at = 0;
    while (rows - at >= UNDO_BATCH) {
      insertUndoRows(this.db, UNDO_BATCH).run(this.pending.slice(at * UNDO_COLUMNS, (at + UNDO_BATCH) * UNDO_COLUMNS));
      at += UNDO_BATCH;
    }
    if (rows > at) insertUndoRows(this.db, rows - at).run(this.pending.slice(at * UNDO_COLUMNS));
    this.pending = [];
  }

  private inTableOrder(table: TrackedTable, row: Row): Row {
    const out: Row = {};
    for (const c of columnsOf(this.db, table)) out[c] = row[c];
    return out;
  }

  private record(table: TrackedTable, key: Row, before: Row | null, after: Row | null): void {
    if (sameRow(before, after)) return;
    this.changes.push({ table, before, after });
    this.pending.push(this.stepId, this.seq++, table, JSON.stringify(key), before && JSON.stringify(before), after && JSON.stringify(after));
    if (this.pending.length >= UNDO_BATCH * UNDO_COLUMNS * 10) this.flush();
  }
}

/**
 * Opens a step inside the caller's transaction: clears the redo stack, runs `fn`, and drops the
 * step again when it changed nothing (so a no-op edit is not an undo step).
 */
export function recordStep<T>(db: Db, label: string, scenarioId: number | null, fn: (rec: StepRecorder) => T): { result: T; changes: RowChange[] } {
  prepared(db, "DELETE FROM undo_step WHERE state = 'undone'").run();
  const stepId = Number(
    prepared(db, 'INSERT INTO undo_step (label, scenario_id, at) VALUES (?, ?, ?)').run(label, scenarioId, new Date().toISOString()).lastInsertRowid,
  );
  const rec = new StepRecorder(db, stepId);
  const result = fn(rec);
  rec.flush();
  if (rec.changes.length === 0) {
    prepared(db, 'DELETE FROM undo_step WHERE id = ?').run(stepId);
  } else {
    prepared(db, 
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
  return prepared(db, 'SELECT tbl, row_key, before, after FROM undo_row WHERE step_id = ? ORDER BY seq').all(stepId) as StoredRow[];
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
  prepared(db, "UPDATE undo_step SET state = 'undone' WHERE id = ?").run(step.id);
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
  prepared(db, "UPDATE undo_step SET state = 'done' WHERE id = ?").run(step.id);
  return { step, changes: rows.map((r) => toChange(r, 'redo')) };
}

export function historyState(db: Db): HistoryState {
  const undo = prepared(db, "SELECT label FROM undo_step WHERE state = 'done' ORDER BY id DESC LIMIT 1").get() as { label: string } | undefined;
  const redo = prepared(db, "SELECT label FROM undo_step WHERE state = 'undone' ORDER BY id ASC LIMIT 1").get() as { label: string } | undefined;
  return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
}
