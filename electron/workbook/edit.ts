/**
 * The one write path. Every change to a workbook — typing, paste, path models, import,
 * references, scenario actions, undo and redo — is one call of `Workbook.edit` (or its
 * undo/redo), and this module is what it runs: one SQLite transaction, every cell checked against
 * its indicator's rules (shared/model/cell-rules.ts) before the transaction commits, one undo
 * step (history.ts), the change log, and afterwards one notice to the kept state (caches.ts).
 * Nothing else in the app writes the change log (`change_step`, `change_entry`, read through the
 * `change_log` view) or the undo history (`undo_step`).
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result.js';
import type { ChangeAction, ChangeKind } from '../../shared/changes.js';
import { isChangeAction } from '../../shared/changes.js';
import { horizonOf, type Indicator, type Person, type Plan, type Series, type TargetCell, type TargetOrigin } from '../../shared/domain.js';
import { POPULATION_CODE, RATE_COUNT_PAIRS } from '../../shared/domain.js';
import { checkCellValue, checkCountWithinPopulation, rulesFor, type CellProblem } from '../../shared/model/cell-rules.js';
import { cellKey, emptyEffect, type EditEffect } from './caches.js';
import { closeStep, deleteRow, keyOf, openStep, putRow, replayStep, sameRow, selectRow, type Row, type RowChange, type TrackedTable } from './history.js';
import type { IndicatorIndex, WorkbookReads } from './queries.js';
import type { Statements } from './statements.js';

/** Who makes the change, as the change log records it. */
export interface Actor {
  /** The operating-system account. */
  user: string;
  /** The person named in the user's profile (name, NIP, jabatan); null until given. */
  person?: Person | null;
}

/** A revised target to write (value null clears it). */
export interface TargetWrite {
  indicatorId: number;
  year: number;
  value: number | null;
  origin?: TargetOrigin;
  /** Where the value came from when not typed (e.g. "Impor: f.xlsx, Lampiran II!F12"), for the log and errors. */
  where?: string;
}

/** A workbook value (realisation, original target…) to write; value null removes it. */
export interface ValueWrite {
  indicatorId: number;
  year: number;
  series: Series;
  value: number | null;
  source: string;
  illustrative: boolean;
  /** BPS's provisional mark (angka sementara). */
  provisional?: boolean;
  where?: string;
}

/** A change-log entry that is not a cell (a scenario created, a reference saved…). */
export interface NoteEntry {
  scenarioId?: number | null;
  scenarioName?: string | null;
  indicatorCode?: string | null;
  justification?: string | null;
  detail?: string | null;
}

/** The tables written row by row (cells go through setTargets/setValues, which check them). */
export type RowTable = Exclude<TrackedTable, 'scenario_target' | 'value'>;

export interface EditContext {
  st: Statements;
  plan: Plan;
  indicators: IndicatorIndex;
  reads: WorkbookReads;
  actor: Actor;
}

/** Values per change_entry row, and rows per INSERT (a paste writes thousands). */
const ENTRY_COLUMNS = 12;
const ENTRY_BATCH = 200;
const ENTRY_SQL_HEAD =
  'INSERT INTO change_entry (change_step_id, scenario_id, scenario_name, indicator_code, year, series, old_value, new_value, derived, justification, detail, cells) VALUES ';

/** What edit functions are handed: the writes of one step, checked and recorded. */
export class EditTx {
  readonly changes: RowChange[] = [];
  readonly effect: EditEffect;
  private readonly log: LogEntry[] = [];
  /** Entries that further cells of the same indicator join (see pushLog). */
  private readonly groups = new Map<string, LogEntry>();
  /** Count and population cells written, checked against each other when the edit ends. */
  private readonly populationCells = new Map<string, { scenarioId: number | null; series: Series | 'revised_target'; year: number; cell: number; where: string | undefined; isCount: boolean }>();
  private scenarioNames = new Map<number, string | null>();
  private justificationCache = new Map<string, string | null>();

  /** The scenario the step is about (the log keeps its name once, on the step). */
  private readonly stepScenarioName: string | null;

  constructor(
    private readonly ctx: EditContext,
    readonly action: ChangeAction,
    readonly kind: ChangeKind,
    private readonly stepId: number,
    private readonly at: string,
    private readonly stepScenarioId: number | null,
  ) {
    this.effect = emptyEffect(action, kind);
    this.stepScenarioName = stepScenarioId === null ? null : this.scenarioName(stepScenarioId);
  }

  get reads(): WorkbookReads {
    return this.ctx.reads;
  }

  get plan(): Plan {
    return this.ctx.plan;
  }

  /** The indicator, or a located bad_input. */
  indicator(id: number, cell?: number): Indicator {
    const ind = this.ctx.indicators.byId.get(id);
    if (!ind) throw cellError(cell, `indicator ${id}`, 'the indicator does not exist', { indicatorId: id, problem: 'unknown_indicator' }, 'indicatorId');
    return ind;
  }

  /**
   * Writes revised targets of one scenario. Every cell is checked first (one bad cell refuses
   * the whole edit, naming it, and nothing is written); then each changed cell is written,
   * recorded for undo and logged with the justification it has at this moment (unless the
   * edit's own note says it all: a scenario created from or deleted with its targets).
   */
  setTargets(scenarioId: number, cells: readonly TargetWrite[], opts: { logCells?: boolean } = {}): void {
    const logCells = opts.logCells ?? true;
    this.refuseFrozen(scenarioId);
    this.checkCells(cells, this.ctx.plan.firstYear, 'target years');
    const kept = this.ctx.reads.kept(scenarioId);
    const name = this.scenarioName(scenarioId);
    let written = this.effect.targets.get(scenarioId);
    if (!written) this.effect.targets.set(scenarioId, (written = new Map()));
    const upsert = this.ctx.st.get(
      'INSERT INTO scenario_target (scenario_id, indicator_id, year, value, origin) VALUES (?, ?, ?, ?, ?) ON CONFLICT (scenario_id, indicator_id, year) DO UPDATE SET value = excluded.value, origin = excluded.origin',
    );
    const remove = this.ctx.st.get('DELETE FROM scenario_target WHERE scenario_id = ? AND indicator_id = ? AND year = ?');
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      const key = cellKey(c.indicatorId, c.year);
      // What the cell holds now: written earlier in this edit, else the kept targets (no read per cell).
      const now = written.has(key) ? written.get(key)! : (kept.byIndicator.get(c.indicatorId)?.find((x) => x.year === c.year) ?? null);
      const origin = c.origin ?? 'entered';
      if (c.value === null ? now === null : now !== null && now.value === c.value && now.origin === origin) continue;
      if (c.value !== null) upsert.run(scenarioId, c.indicatorId, c.year, c.value, origin);
      else remove.run(scenarioId, c.indicatorId, c.year);
      const cell: TargetCell | null = c.value === null ? null : { indicatorId: c.indicatorId, year: c.year, value: c.value, origin };
      this.changes.push({ table: 'scenario_target', before: targetRow(scenarioId, now), after: targetRow(scenarioId, cell) });
      written.set(key, cell);
      const ind = this.ctx.indicators.byId.get(c.indicatorId)!;
      if (ind.code === POPULATION_CODE || COUNT_CODES.has(ind.code)) this.notePopulationCell(ind, scenarioId, 'revised_target', c.year, i, c.where);
      if (logCells) this.pushLog(origin === 'derived', scenarioId, name, ind.code, c.year, 'revised_target', now?.value ?? null, c.value, this.justification(scenarioId, c.indicatorId), c.where ?? null);
    }
  }

  /** Writes workbook values (realisations, original targets, baseline…), checked like targets. */
  setValues(cells: readonly ValueWrite[]): void {
    this.checkCells(cells, this.ctx.plan.baselineYear, 'plan years');
    cells.forEach((c, i) => {
      const key = { indicator_id: c.indicatorId, year: c.year, series: c.series };
      const before = selectRow(this.ctx.st, 'value', key);
      const after = c.value === null ? null : { ...key, value: c.value, source: c.source, illustrative: c.illustrative ? 1 : 0, provisional: c.provisional ? 1 : 0 };
      if (sameRow(before, after)) return;
      if (after) putRow(this.ctx.st, 'value', after);
      else deleteRow(this.ctx.st, 'value', key);
      const change = { table: 'value' as const, before, after: after ? selectRow(this.ctx.st, 'value', key) : null };
      this.changes.push(change);
      this.track(change);
      const ind = this.ctx.indicators.byId.get(c.indicatorId)!;
      // A standard error is not a count of people: it is not held to the population.
      if (c.series !== 'se') this.notePopulationCell(ind, null, c.series, c.year, i, c.where);
      this.pushLog(false, null, null, ind.code, c.year, c.series, (before?.value as number | undefined) ?? null, c.value, null, c.where ?? null);
    });
  }

  /**
   * Inserts or updates a row of a row table; `row` holds the key and the columns to set (merged
   * into the row when it exists). Returns the row before.
   */
  put(table: RowTable, row: Row): Row | null {
    if (table === 'justification') this.refuseFrozen(row.scenario_id as number);
    const key = keyOf(table, row);
    const before = selectRow(this.ctx.st, table, key);
    const image = before ? { ...before, ...row } : row;
    if (before && sameRow(before, image)) return before;
    putRow(this.ctx.st, table, image);
    this.record(table, before, selectRow(this.ctx.st, table, key));
    return before;
  }

  /** Inserts a row whose id SQLite assigns (a scenario, a reference); returns the id. */
  insert(table: 'scenario' | 'reference_target' | 'programme' | 'review_note', row: Row): number {
    const cols = Object.keys(row);
    const id = Number(this.ctx.st.get(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid);
    this.record(table, null, selectRow(this.ctx.st, table, { id }));
    return id;
  }

  remove(table: RowTable | 'scenario_target', key: Row): Row | null {
    if (table === 'justification' || table === 'scenario_target') this.refuseFrozen(key.scenario_id as number);
    const k = keyOf(table, key);
    const before = selectRow(this.ctx.st, table, k);
    if (!before) return null;
    deleteRow(this.ctx.st, table, k);
    this.record(table, before, null);
    return before;
  }

  /** A change-log entry of this edit's action that names no cell. */
  note(e: NoteEntry): void {
    this.pushLog(false, e.scenarioId ?? null, e.scenarioName ?? null, e.indicatorCode ?? null, null, null, null, null, e.justification ?? null, e.detail ?? null);
  }

  /** A revised target as it stands at this moment of the edit (its earlier writes included). */
  currentTarget(scenarioId: number, indicatorId: number, year: number): TargetCell | undefined {
    return this.ctx.st
      .get('SELECT indicator_id AS indicatorId, year, value, origin FROM scenario_target WHERE scenario_id = ? AND indicator_id = ? AND year = ?')
      .get(scenarioId, indicatorId, year) as TargetCell | undefined;
  }

  /** The scenario's justification text for an indicator at this moment of the edit. */
  justification(scenarioId: number, indicatorId: number): string | null {
    const key = `${scenarioId}:${indicatorId}`;
    if (!this.justificationCache.has(key)) this.justificationCache.set(key, this.ctx.reads.justificationText(scenarioId, indicatorId));
    return this.justificationCache.get(key)!;
  }

  /** The scenario's name at this moment of the edit (null once it is deleted). */
  scenarioName(id: number): string | null {
    if (!this.scenarioNames.has(id)) {
      const row = this.ctx.st.get('SELECT name FROM scenario WHERE id = ?').get(id) as { name: string } | undefined;
      this.scenarioNames.set(id, row?.name ?? null);
    }
    return this.scenarioNames.get(id)!;
  }

  /**
   * A proposal (usulan) is frozen: its targets and justifications are refused ('frozen', naming
   * it) until it goes back to draft. Deleting it (a confirmed scenario action) is not a write into it.
   */
  private refuseFrozen(scenarioId: number): void {
    if (this.action === 'scenario.delete') return;
    const row = this.ctx.st.get('SELECT name, status FROM scenario WHERE id = ?').get(scenarioId) as { name: string; status: string } | undefined;
    if (row?.status === 'usulan') throw frozenError(scenarioId, row.name);
  }

  private record(table: TrackedTable, before: Row | null, after: Row | null): void {
    if (sameRow(before, after)) return;
    const change = { table, before, after };
    this.changes.push(change);
    this.track(change);
  }

  /**
   * What a row change means for the kept state (the effect handed to Caches.afterEdit) and for
   * what this edit has read so far. One home for edits and for undo/redo; setTargets keeps its
   * own fast path for target cells.
   */
  track(c: RowChange): void {
    const row = (c.after ?? c.before)!;
    if (c.table === 'scenario_target') {
      const sid = row.scenario_id as number;
      let written = this.effect.targets.get(sid);
      if (!written) this.effect.targets.set(sid, (written = new Map()));
      const a = c.after;
      written.set(cellKey(row.indicator_id as number, row.year as number),
        a ? { indicatorId: a.indicator_id as number, year: a.year as number, value: a.value as number, origin: a.origin as TargetOrigin } : null);
    } else if (c.table === 'scenario') {
      this.effect.scenarios.add(row.id as number);
      this.scenarioNames.delete(row.id as number);
    } else if (c.table === 'justification') {
      const sid = row.scenario_id as number;
      let set = this.effect.justifications.get(sid);
      if (!set) this.effect.justifications.set(sid, (set = new Set()));
      set.add(row.indicator_id as number);
      this.justificationCache.delete(`${sid}:${row.indicator_id as number}`);
    } else if (c.table === 'indicator') {
      this.effect.indicators.add(row.id as number);
    } else {
      this.effect.otherData = true;
    }
  }

  /**
   * Every cell of a block against its indicator's rules, before anything is written: one bad
   * cell refuses the whole edit, naming it. Years run from `fromYear` to the plan's last year.
   */
  private checkCells(cells: readonly (TargetWrite | ValueWrite)[], fromYear: number, yearsName: string): void {
    // Targets and values may reach the RPKD/RPD horizon after the plan period (schema v7).
    const lastYear = horizonOf(this.ctx.plan);
    cells.forEach((c, i) => {
      // A standard error has rules of its own (never negative); every other series the indicator's.
      const ind = 'series' in c ? rulesFor(this.indicator(c.indicatorId, i), c.series) : this.indicator(c.indicatorId, i);
      if (!Number.isInteger(c.year) || c.year < fromYear || c.year > lastYear) {
        throw cellError(i, `${ind.code} ${c.year}`, `the year is outside the ${yearsName} ${fromYear}–${lastYear}`, { indicatorId: ind.id, indicatorCode: ind.code, year: c.year, problem: 'year_outside_plan', ...whereOf(c) }, 'year');
      }
      if (c.value !== null) this.checkValue(ind, c.value, c.year, i, c.where);
    });
  }

  private checkValue(ind: Indicator, value: number, year: number, cell: number, where: string | undefined): void {
    const problem = checkCellValue(ind, value);
    if (!problem) return;
    throw cellError(cell, `${ind.code} ${year}${where ? `, ${where}` : ''}`, problemEnglish(problem, ind, value), {
      indicatorId: ind.id, indicatorCode: ind.code, year, problem, value, decimals: ind.decimals, ...(where ? { where } : {}),
    }, 'value');
  }

  private notePopulationCell(ind: Indicator, scenarioId: number | null, series: Series | 'revised_target', year: number, cell: number, where: string | undefined): void {
    const isCount = COUNT_CODES.has(ind.code);
    if (!isCount && ind.code !== POPULATION_CODE) return;
    const key = `${scenarioId ?? ''}:${series}:${year}`;
    const known = this.populationCells.get(key);
    // A count cell names a refusal better than its population cell: keep the first count written.
    if (known && (known.isCount || !isCount)) return;
    this.populationCells.set(key, { scenarioId, series, year, cell, where, isCount });
  }

  /**
   * Rules between cells, checked on what the edit leaves: a count of people never exceeds the
   * population of the same year and series. Throws (rolling the edit back) naming the cell.
   */
  checkBetweenCells(): void {
    const pop = this.ctx.indicators.byCode.get(POPULATION_CODE);
    if (!pop) return;
    for (const c of this.populationCells.values()) {
      const read = (ind: Indicator): number | undefined =>
        c.scenarioId !== null
          ? (this.ctx.st.get('SELECT value FROM scenario_target WHERE scenario_id = ? AND indicator_id = ? AND year = ?').pluck().get(c.scenarioId, ind.id, c.year) as number | undefined)
          : (this.ctx.st.get('SELECT value FROM value WHERE indicator_id = ? AND year = ? AND series = ?').pluck().get(ind.id, c.year, c.series) as number | undefined);
      const population = read(pop);
      if (population === undefined) continue;
      for (const code of COUNT_CODES) {
        const ind = this.ctx.indicators.byCode.get(code);
        if (!ind) continue;
        const count = read(ind);
        if (count === undefined || !checkCountWithinPopulation(count, population)) continue;
        throw cellError(c.cell, `${ind.code} ${c.year}${c.where ? `, ${c.where}` : ''}`, `${count} is more than the population of the same year (${population})`, {
          indicatorId: ind.id, indicatorCode: ind.code, year: c.year, problem: 'above_population', value: count, population, ...(c.where ? { where: c.where } : {}),
        }, 'value');
      }
    }
  }

  /**
   * Buffers one change-log entry. Cells of one indicator that a step changes together go into
   * one entry (their years packed, read back cell by cell through the change_log view): a paste
   * writes a row per indicator, not per cell. The step's scenario name is kept once, on the step.
   */
  pushLog(derived: boolean, scenarioId: number | null, scenarioName: string | null, indicatorCode: string | null, year: number | null,
    series: string | null, oldValue: number | null, newValue: number | null, justification: string | null, detail: string | null): void {
    const ownName = scenarioId !== null && scenarioId === this.stepScenarioId && scenarioName === this.stepScenarioName;
    const name = ownName ? null : scenarioName;
    const cell: PackedCell | null = year !== null && detail === null && indicatorCode !== null ? [year, oldValue, newValue, derived ? 1 : 0] : null;
    const key = cell ? `${scenarioId ?? ''}|${name ?? ''}|${indicatorCode}|${series ?? ''}|${justification ?? ''}` : '';
    const group = cell ? this.groups.get(key) : undefined;
    if (group) {
      if (!group.cells) {
        group.cells = [[group.year!, group.oldValue, group.newValue, group.derived]];
        group.year = group.oldValue = group.newValue = null;
        group.derived = 0;
      }
      group.cells.push(cell!);
      return;
    }
    const entry: LogEntry = { scenarioId, scenarioName: name, indicatorCode, year, series, oldValue, newValue, derived: derived ? 1 : 0, justification, detail, cells: null };
    this.log.push(entry);
    if (cell) this.groups.set(key, entry);
  }

  get hasLog(): boolean {
    return this.log.length > 0;
  }

  /**
   * Writes the change log of this step: one change_step row (who, when, which action) and its
   * entries, many rows per INSERT, in order. Nothing when the step logged nothing.
   */
  flushLog(): void {
    const rows = this.log.length;
    if (rows === 0) return;
    const person = this.ctx.actor.person;
    const changeStep = Number(
      this.ctx.st
        .get(
          `INSERT INTO change_step (at, user, action, kind, scenario_id, scenario_name, undo_step_id, person_name, person_nip, person_title)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(this.at, this.ctx.actor.user, this.action, this.kind, this.stepScenarioId, this.stepScenarioName, this.stepId,
          person?.name ?? null, person?.nip ?? null, person?.title ?? null).lastInsertRowid,
    );
    const values: unknown[] = [];
    for (const e of this.log) {
      values.push(changeStep, e.scenarioId, e.scenarioName, e.indicatorCode, e.year, e.series, e.oldValue, e.newValue, e.derived, e.justification, e.detail,
        e.cells && JSON.stringify(e.cells));
    }
    let at = 0;
    while (rows - at >= ENTRY_BATCH) {
      this.ctx.st.get(entrySql(ENTRY_BATCH)).run(values.slice(at * ENTRY_COLUMNS, (at + ENTRY_BATCH) * ENTRY_COLUMNS));
      at += ENTRY_BATCH;
    }
    if (rows > at) this.ctx.st.get(entrySql(rows - at)).run(values.slice(at * ENTRY_COLUMNS));
    this.log.length = 0;
    this.groups.clear();
  }
}

/** One cell of a packed entry: year, old value, new value, derived (0/1). */
type PackedCell = [year: number, oldValue: number | null, newValue: number | null, derived: 0 | 1];

interface LogEntry {
  scenarioId: number | null;
  scenarioName: string | null;
  indicatorCode: string | null;
  year: number | null;
  series: string | null;
  oldValue: number | null;
  newValue: number | null;
  derived: 0 | 1;
  justification: string | null;
  detail: string | null;
  cells: PackedCell[] | null;
}

const COUNT_CODES: ReadonlySet<string> = new Set(RATE_COUNT_PAIRS.map((p) => p.count));

const entrySqlCache = new Map<number, string>();
function entrySql(rows: number): string {
  let sql = entrySqlCache.get(rows);
  if (!sql) {
    const tuple = `(${Array.from({ length: ENTRY_COLUMNS }, () => '?').join(', ')})`;
    entrySqlCache.set(rows, (sql = ENTRY_SQL_HEAD + Array.from({ length: rows }, () => tuple).join(', ')));
  }
  return sql;
}

function whereOf(c: { where?: string | undefined }): { where?: string } {
  return c.where ? { where: c.where } : {};
}

function problemEnglish(problem: CellProblem, ind: Indicator, value: number): string {
  switch (problem) {
    case 'too_many_decimals':
      return ind.decimals === 0 ? `${value} is not a whole number (${ind.unit} holds whole numbers only)` : `${value} has more than ${ind.decimals} decimals`;
    case 'too_large':
      return `${value} is too large to store exactly`;
    case 'not_a_number':
      return `${value} is not a number`;
    default:
      return `${value} is outside ${ind.minValue ?? '−∞'}–${ind.maxValue ?? '∞'} ${ind.unit}`;
  }
}

/** A target cell as its scenario_target row (every column, in table order). */
function targetRow(scenarioId: number, t: TargetCell | null): Row | null {
  return t ? { scenario_id: scenarioId, indicator_id: t.indicatorId, year: t.year, value: t.value, origin: t.origin } : null;
}

/** The refusal of a write into a proposal (usulan); the UI words it from params (reason 'frozen', the scenario's name). */
export function frozenError(scenarioId: number, name: string): AppError {
  return new AppError('frozen', `Scenario "${name}" is the proposal (usulan) and is frozen: return it to draft before changing it`, { reason: 'frozen', scenarioId, scenario: name }, 'scenarioId');
}

/** A bad_input naming the cell ("Cell 2 (P0 2022): …", its place in the request) and the field. */
function cellError(cell: number | undefined, where: string, reason: string, params: Record<string, string | number>, field: string): AppError {
  const message = cell === undefined ? `${where}: ${reason}` : `Cell ${cell + 1} (${where}): ${reason}`;
  return new AppError('bad_input', message, { ...(cell === undefined ? {} : { cell }), ...params }, cell === undefined ? field : `cells.${cell}.${field}`);
}

/**
 * Runs `fn` as one edit: one transaction, one undo step labelled `action`, its change log, the
 * cell rules, and — once committed — the effect handed to the kept state.
 */
export function runEdit<T>(ctx: EditContext, db: Database.Database, action: ChangeAction,
  scenarioId: number | null, fn: (tx: EditTx) => T, afterCommit: (effect: EditEffect) => void): T {
  const at = new Date().toISOString();
  let effect: EditEffect | null = null;
  const result = db.transaction(() => {
    const stepId = openStep(ctx.st, action, scenarioId, at);
    const tx = new EditTx(ctx, action, 'do', stepId, at, scenarioId);
    const out = fn(tx);
    tx.checkBetweenCells();
    // Every change is in the log: an edit that wrote rows but named none gets one entry of its own.
    if (tx.changes.length > 0 && !tx.hasLog) tx.note({ scenarioId });
    tx.flushLog();
    closeStep(ctx.st, stepId, tx.changes);
    effect = tx.effect;
    return out;
  })();
  if (effect) afterCommit(effect);
  return result;
}

/**
 * Undo or redo as an edit of its own: the step's rows written back, and the change log told
 * which cells moved (kind 'undo' or 'redo', under the step's action).
 */
export function runReplay(ctx: EditContext, db: Database.Database, direction: 'undo' | 'redo',
  afterCommit: (effect: EditEffect) => void): { label: ChangeAction; scenarioId: number | null } | null {
  const at = new Date().toISOString();
  let effect: EditEffect | null = null;
  const done = db.transaction(() => {
    const replayed = replayStep(ctx.st, direction);
    if (!replayed) return null;
    const { step, changes } = replayed;
    // Labels of steps written by this app are actions; a file's legacy label falls back to a neutral one.
    const action: ChangeAction = isChangeAction(step.label) ? step.label : 'import.apply';
    const tx = new EditTx(ctx, action, direction, step.id, at, step.scenarioId);
    let noted = false;
    for (const c of changes) {
      const row = (c.after ?? c.before)!;
      tx.track(c);
      if (c.table === 'scenario_target' || c.table === 'value') {
        const target = c.table === 'scenario_target';
        const sid = target ? (row.scenario_id as number) : null;
        const code = ctx.indicators.byId.get(row.indicator_id as number)?.code ?? null;
        const name = sid === null ? null : tx.scenarioName(sid);
        tx.pushLog(c.after?.origin === 'derived' || (c.after === null && c.before?.origin === 'derived'), sid, name, code, row.year as number,
          target ? 'revised_target' : (row.series as string), (c.before?.value as number | undefined) ?? null, (c.after?.value as number | undefined) ?? null,
          target ? tx.justification(sid!, row.indicator_id as number) : null, null);
        continue;
      }
      // Row tables: one entry for the step (a scenario, a reference, a justification).
      if (!noted) {
        noted = true;
        const sid = step.scenarioId;
        const name = sid === null ? null : (tx.scenarioName(sid) ?? (c.table === 'scenario' ? ((c.before ?? c.after)?.name as string) : null));
        const code = c.table === 'justification' ? (ctx.indicators.byId.get(row.indicator_id as number)?.code ?? null)
          : c.table === 'reference_target' ? (row.indicator_code as string) : null;
        tx.pushLog(false, sid, name, code, null, null, null, null,
          c.table === 'justification' ? ((c.after?.text as string | undefined) ?? null) : null, null);
      }
    }
    tx.flushLog();
    effect = tx.effect;
    return { label: action, scenarioId: step.scenarioId };
  })();
  if (effect) afterCommit(effect);
  return done;
}
