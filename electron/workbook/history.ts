/**
 * Undo/redo kept in the workbook itself, so it survives a restart. Each edit is one step: one
 * `undo_step` row whose `changes` column holds, compactly, every row the edit changed with its
 * values before and after (schema v4; v2–v3 kept one JSON row image per cell, which cost more
 * than the cell itself). Undo and redo write those values back; the change log records them as
 * entries of their own (edit.ts).
 *
 * The compact form, JSON: { "t": [[table, keyColumns, otherColumns], …],
 *                           "r": [[tableIndex, keyValues, otherValuesBefore | null, otherValuesAfter | null], …] }
 * Column names travel with the step, so a step written before a later migration adds a column
 * still writes back exactly the columns it knew.
 */
import type { Statements } from './statements.js';

export type Row = Record<string, unknown>;

/** Tracked tables and their primary keys. */
export const TRACKED = {
  scenario: ['id'],
  scenario_target: ['scenario_id', 'indicator_id', 'year'],
  justification: ['scenario_id', 'indicator_id'],
  reference_target: ['id'],
  shock_year: ['year'],
  /** Workbook values (realisations, original targets…): written by spreadsheet import. */
  value: ['indicator_id', 'year', 'series'],
  /** The plan's settings (revision date, capaian band scale); its years are fixed at creation. */
  plan: ['id'],
  capaian_setting: ['indicator_id'],
  method_break: ['indicator_code', 'year'],
  /**
   * An indicator's row: only its Perangkat Daerah (responsible_unit) is edited. A step keeps the
   * whole row image (a dozen short columns), which undo writes back as it was; nothing else
   * writes the row between a step and its undo (steps are taken back newest first).
   */
  indicator: ['id'],
  /** Programmes and their reach per year (schema v7); a programme's years are removed before it. */
  programme: ['id'],
  programme_year: ['programme_id', 'year'],
  /** Evaluation notes and their follow-up (schema v8). */
  review_note: ['id'],
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

export function keyOf(table: TrackedTable, row: Row): Row {
  const key: Row = {};
  for (const k of TRACKED[table]) key[k] = row[k];
  return key;
}

const SELECT_SQL = Object.fromEntries(
  Object.entries(TRACKED).map(([t, keys]) => [t, `SELECT * FROM ${t} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`]),
) as Record<TrackedTable, string>;
const DELETE_SQL = Object.fromEntries(
  Object.entries(TRACKED).map(([t, keys]) => [t, `DELETE FROM ${t} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')}`]),
) as Record<TrackedTable, string>;

export function selectRow(st: Statements, table: TrackedTable, key: Row): Row | null {
  return (st.get(SELECT_SQL[table]).get(TRACKED[table].map((k) => key[k])) as Row | undefined) ?? null;
}

export function deleteRow(st: Statements, table: TrackedTable, key: Row): void {
  st.get(DELETE_SQL[table]).run(TRACKED[table].map((k) => key[k]));
}

const upsertSql = new Map<string, string>();

/** Writes the columns of `row` (insert, or update in place: never REPLACE, which would cascade). */
export function putRow(st: Statements, table: TrackedTable, row: Row): void {
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
  st.get(sql).run(Object.values(row));
}

/** Whether two row images hold the same columns with the same values. */
export function sameRow(a: Row | null, b: Row | null): boolean {
  if (a === null || b === null) return a === b;
  let columns = 0;
  for (const k in a) {
    if (!(k in b) || a[k] !== b[k]) return false;
    columns++;
  }
  for (const _ in b) columns--;
  return columns === 0;
}

type TableHead = [table: TrackedTable, keys: string[], others: string[]];
type PackedRow = [tableIndex: number, key: unknown[], before: unknown[] | null, after: unknown[] | null];
interface Packed {
  t: TableHead[];
  r: PackedRow[];
}

/** Packs a step's changes (in the order they were made) into the stored compact form. */
export function packChanges(changes: readonly RowChange[]): string {
  const heads: TableHead[] = [];
  const index = new Map<string, number>();
  const rows: PackedRow[] = [];
  let targetHead = -1;
  for (const c of changes) {
    const image = (c.after ?? c.before)!;
    if (c.table === 'scenario_target') {
      // A paste packs thousands of these, always with exactly these columns: no per-row key scan.
      if (targetHead < 0) {
        targetHead = heads.length;
        heads.push(['scenario_target', ['scenario_id', 'indicator_id', 'year'], ['value', 'origin']]);
      }
      const b = c.before;
      const a = c.after;
      rows.push([targetHead, [image.scenario_id, image.indicator_id, image.year], b ? [b.value, b.origin] : null, a ? [a.value, a.origin] : null]);
      continue;
    }
    const keys = TRACKED[c.table] as readonly string[];
    const others = Object.keys(image).filter((k) => !keys.includes(k));
    const signature = `${c.table}:${others.join(',')}`;
    let at = index.get(signature);
    if (at === undefined) {
      index.set(signature, (at = heads.length));
      heads.push([c.table, [...keys], others]);
    }
    const pick = (row: Row | null) => (row ? others.map((k) => row[k] ?? null) : null);
    rows.push([at, keys.map((k) => image[k]), pick(c.before), pick(c.after)]);
  }
  return JSON.stringify({ t: heads, r: rows } satisfies Packed);
}

/** The changes of a stored step, in the order they were made. */
export function unpackChanges(text: string): RowChange[] {
  const packed = JSON.parse(text) as Packed;
  return packed.r.map(([at, key, before, after]) => {
    const [table, keys, others] = packed.t[at]!;
    const image = (values: unknown[] | null): Row | null => {
      if (!values) return null;
      const row: Row = {};
      keys.forEach((k, i) => (row[k] = key[i]));
      others.forEach((k, i) => (row[k] = values[i]));
      return row;
    };
    return { table, before: image(before), after: image(after) };
  });
}

/** Opens a step: the redo stack goes (a new edit forks history). Returns the step's id. */
export function openStep(st: Statements, label: string, scenarioId: number | null, at: string): number {
  st.get("DELETE FROM undo_step WHERE state = 'undone'").run();
  return Number(st.get("INSERT INTO undo_step (label, scenario_id, at, changes) VALUES (?, ?, ?, '')").run(label, scenarioId, at).lastInsertRowid);
}

/** Closes a step with its changes; a step that changed nothing is not kept. */
export function closeStep(st: Statements, stepId: number, changes: readonly RowChange[]): void {
  if (changes.length === 0) {
    st.get('DELETE FROM undo_step WHERE id = ?').run(stepId);
    return;
  }
  st.get('UPDATE undo_step SET changes = ? WHERE id = ?').run(packChanges(changes), stepId);
  st.get(`DELETE FROM undo_step WHERE id IN (SELECT id FROM undo_step ORDER BY id DESC LIMIT -1 OFFSET ${MAX_UNDO_STEPS})`).run();
}

function writeImage(st: Statements, table: TrackedTable, image: Row | null, other: Row | null): void {
  if (image === null) deleteRow(st, table, keyOf(table, other!));
  else putRow(st, table, image);
}

/**
 * Makes the file's present state the start of its undo history: every kept step is dropped (the
 * change log keeps them). Only for a file being made — the demo's worked example is built through
 * the edit path, but a planner's first Ctrl+Z must not take the example apart.
 */
export function startHistoryHere(st: Statements): void {
  st.get('DELETE FROM undo_step').run();
}

/**
 * Takes back the newest done step (undo) or makes the oldest undone one again (redo), inside the
 * caller's transaction. Returns the step with the changes this made, in the order made.
 */
export function replayStep(st: Statements, direction: 'undo' | 'redo'): { step: StepInfo; changes: RowChange[] } | null {
  const sql =
    direction === 'undo'
      ? "SELECT id, label, scenario_id AS scenarioId, changes FROM undo_step WHERE state = 'done' ORDER BY id DESC LIMIT 1"
      : "SELECT id, label, scenario_id AS scenarioId, changes FROM undo_step WHERE state = 'undone' ORDER BY id ASC LIMIT 1";
  const found = st.get(sql).get() as (StepInfo & { changes: string }) | undefined;
  if (!found) return null;
  const { changes: text, ...step } = found;
  const stored = unpackChanges(text);
  const made: RowChange[] =
    direction === 'undo'
      ? stored.reverse().map((c) => ({ table: c.table, before: c.after, after: c.before }))
      : stored;
  for (const c of made) writeImage(st, c.table, c.after, c.before);
  st.get('UPDATE undo_step SET state = ? WHERE id = ?').run(direction === 'undo' ? 'undone' : 'done', step.id);
  return { step, changes: made };
}

export interface HistoryLabels {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export function historyState(st: Statements): HistoryLabels {
  const undo = st.get("SELECT label FROM undo_step WHERE state = 'done' ORDER BY id DESC LIMIT 1").get() as { label: string } | undefined;
  const redo = st.get("SELECT label FROM undo_step WHERE state = 'undone' ORDER BY id ASC LIMIT 1").get() as { label: string } | undefined;
  return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
}
