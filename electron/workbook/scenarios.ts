/**
 * Scenarios and their revised targets. Every public write is one transaction and one undo step
 * (history.ts), and appends to the change log who changed what, from what to what, and the
 * justification at that moment.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result.js';
import type {
  ChangeLogEntry,
  HistoryState,
  Indicator,
  ReferenceTarget,
  Scenario,
  ScenarioStatus,
  ScenarioTargets,
  TargetCell,
  TargetOrigin,
} from '../../shared/domain.js';
import { POPULATION_CODE, RATE_COUNT_PAIRS } from '../../shared/domain.js';
import { countFromRate, rateFromCount } from '../../shared/model/rate-count.js';
import { roundTo } from '../../shared/model/rounding.js';
import { checkTargetValue } from '../../shared/model/target-rules.js';
import type { RowChange, StepRecorder } from './history.js';
import { columnsOf, historyState, recordStep, redoStep, undoStep } from './history.js';

type Db = Database.Database;

/** Prepared statements per connection: preparing costs more than running a one-row statement. */
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

export function cachedStatement(db: Db, sql: string): Database.Statement {
  let map = statements.get(db);
  if (!map) statements.set(db, (map = new Map()));
  let st = map.get(sql);
  if (!st) map.set(sql, (st = db.prepare(sql)));
  return st;
}

const indicatorCache = new WeakMap<Db, Map<number, Indicator>>();
const rankCache = new WeakMap<Db, { rank: Map<number, number>; ordered: number[] }>();

/**
 * A scenario's targets as last read or written, valid while the connection's revision (see
 * ScenarioStore.revision) is the one recorded: reading 60.000 cells back after every edit cost
 * more than the edit. TargetCell objects are shared with callers, who only read them.
 */
interface KeptTargets {
  revision: string;
  byIndicator: Map<number, TargetCell[]>;
  justifications: ScenarioTargets['justifications'];
}
const targetCache = new WeakMap<Db, Map<number, KeptTargets>>();

const TARGET_COLUMNS = 'scenario_id,indicator_id,year,value,origin';
const LOG_COLUMNS = 12;
const LOG_BATCH = 50;
const byCodeCache = new WeakMap<Map<number, Indicator>, Map<string, Indicator>>();

/** What the checks need of a change-log entry to know which cells it changed. */
export interface ChangeEntry {
  id: number;
  action: string;
  scenarioId: number | null;
  indicatorCode: string | null;
  series: string | null;
  detail: string | null;
}

export type TargetAction = 'target.edit' | 'target.paste' | 'target.path' | 'target.clear';

export interface CellInput {
  indicatorId: number;
  year: number;
  /** null clears the revised target. */
  value: number | null;
}

export type ScenarioSource = { kind: 'original' } | { kind: 'scenario'; scenarioId: number } | { kind: 'empty' };

interface TargetRow extends Record<string, unknown> {
  scenario_id: number;
  indicator_id: number;
  year: number;
  value: number;
  origin: TargetOrigin;
}

/** What a store needs from its workbook: the connection (inside its transactions) and the plan. */
export interface ScenarioContext {
  db: Db;
  firstYear: number;
  lastYear: number;
  user: string;
  /** Throws read_only when the workbook was opened without its write lock. */
  requireWritable(): void;
}

export class ScenarioStore {
  /** Time of the step being written (one timestamp for all its log entries). */
  private stepAt: string | null = null;
  /** Log entries of the step being written, not yet inserted (LOG_COLUMNS values each). */
  private logBuffer: unknown[] | null = null;

  constructor(private readonly ctx: ScenarioContext) {}

  private get db(): Db {
    return this.ctx.db;
  }

  list(): Scenario[] {
    return this.db.prepare('SELECT id, name, description, status, created_at AS createdAt FROM scenario ORDER BY id').all() as Scenario[];
  }

  get(id: number): Scenario {
    const s = cachedStatement(this.db, 'SELECT id, name, description, status, created_at AS createdAt FROM scenario WHERE id = ?').get(id) as
      | Scenario
      | undefined;
    if (!s) throw new AppError('not_found', `Scenario ${id} does not exist`, { scenarioId: id }, 'scenarioId');
    return s;
  }

  /**
   * Indicators by id, read once per connection: nothing writes the indicator table after a
   * workbook is created (migrations run before the store is handed out).
   */
  private indicators(): Map<number, Indicator> {
    let map = indicatorCache.get(this.db);
    if (!map) {
      const rows = this.db
        .prepare(
          `SELECT id, code, name_id AS nameId, name_en AS nameEn, unit, polarity, decimals, grp AS "group", definition,
                  min_value AS minValue, max_value AS maxValue FROM indicator`,
        )
        .all() as Indicator[];
      map = new Map(rows.map((r) => [r.id, r]));
      indicatorCache.set(this.db, map);
    }
    return map;
  }

  /** Each indicator's place in the table order (sort_order, id), read once per connection. */
  private ranks(): { rank: Map<number, number>; ordered: number[] } {
    let r = rankCache.get(this.db);
    if (!r) {
      const ids = this.db.prepare('SELECT id FROM indicator ORDER BY sort_order, id').pluck().all() as number[];
      r = { rank: new Map(ids.map((id, i) => [id, i])), ordered: ids };
      rankCache.set(this.db, r);
    }
    return r;
  }

  /**
   * Changes whenever anything is written to the file: by this connection (total_changes, which
   * also counts writes rolled back) or by another one (data_version).
   */
  revision(): string {
    const changes = cachedStatement(this.db, 'SELECT total_changes()').pluck().get() as number;
    const version = cachedStatement(this.db, 'PRAGMA data_version').pluck().get() as number;
    return `${changes}:${version}`;
  }

  /** The scenario's kept targets when still valid, else null. */
  private keptTargets(scenarioId: number, revision = this.revision()): KeptTargets | null {
    const kept = targetCache.get(this.db)?.get(scenarioId);
    return kept && kept.revision === revision ? kept : null;
  }

  private readTargets(scenarioId: number): KeptTargets {
    const revision = this.revision();
    const kept = this.keptTargets(scenarioId, revision);
    if (kept) return kept;
    // Key order (no temporary B-tree); table order is restored when the lists are joined.
    const rows = cachedStatement(
      this.db,
      'SELECT indicator_id AS indicatorId, year, value, origin FROM scenario_target WHERE scenario_id = ? ORDER BY indicator_id, year',
    ).all(scenarioId) as TargetCell[];
    const byIndicator = new Map<number, TargetCell[]>();
    for (const t of rows) {
      const list = byIndicator.get(t.indicatorId);
      if (list) list.push(t);
      else byIndicator.set(t.indicatorId, [t]);
    }
    const justifications = cachedStatement(
      this.db,
      'SELECT indicator_id AS indicatorId, text, updated_at AS updatedAt FROM justification WHERE scenario_id = ? ORDER BY indicator_id',
    ).all(scenarioId) as ScenarioTargets['justifications'];
    const fresh: KeptTargets = { revision, byIndicator, justifications };
    let map = targetCache.get(this.db);
    if (!map) targetCache.set(this.db, (map = new Map()));
    map.set(scenarioId, fresh);
    return fresh;
  }

  targets(scenarioId: number): ScenarioTargets {
    this.get(scenarioId);
    const kept = this.readTargets(scenarioId);
    const targets: TargetCell[] = [];
    for (const id of this.ranks().ordered) {
      const list = kept.byIndicator.get(id);
      if (list) for (const t of list) targets.push(t);
    }
    return { scenarioId, targets, justifications: [...kept.justifications] };
  }

  /**
   * After a step that changed only `scenarioId`'s targets (and the log and undo tables): applies
   * its changes to the kept targets, and moves every kept scenario that was valid before the step
   * to the revision after it.
   */
  private keepAfterTargetStep(scenarioId: number, before: string, changes: readonly RowChange[]): void {
    const map = targetCache.get(this.db);
    if (!map) return;
    const after = this.revision();
    for (const [id, kept] of map) {
      if (kept.revision !== before) {
        map.delete(id);
        continue;
      }
      kept.revision = after;
      if (id !== scenarioId) continue;
      for (const c of changes) {
        if (c.table !== 'scenario_target') continue;
        const row = (c.after ?? c.before)!;
        if (row.scenario_id !== scenarioId) continue;
        const indicatorId = row.indicator_id as number;
        const year = row.year as number;
        let list = kept.byIndicator.get(indicatorId);
        const at = list ? list.findIndex((t) => t.year === year) : -1;
        if (c.after) {
          const cell: TargetCell = { indicatorId, year, value: c.after.value as number, origin: c.after.origin as TargetOrigin };
          if (at >= 0) list![at] = cell;
          else {
            if (!list) kept.byIndicator.set(indicatorId, (list = []));
            let i = list.length;
            while (i > 0 && list[i - 1]!.year > year) i--;
            list.splice(i, 0, cell);
          }
        } else if (at >= 0) {
          list!.splice(at, 1);
          if (list!.length === 0) kept.byIndicator.delete(indicatorId);
        }
      }
    }
  }

  /** One indicator's revised targets and justification text in a scenario. */
  indicatorTargets(scenarioId: number, indicatorId: number): { targets: TargetCell[]; justification: string | null } {
    const targets = cachedStatement(
      this.db,
      'SELECT indicator_id AS indicatorId, year, value, origin FROM scenario_target WHERE scenario_id = ? AND indicator_id = ? ORDER BY year',
    ).all(scenarioId, indicatorId) as TargetCell[];
    return { targets, justification: this.justificationText(scenarioId, indicatorId) };
  }

  /** The newest change-log id (0 for none): any write appends to the log. */
  latestChangeId(): number {
    return (cachedStatement(this.db, 'SELECT max(id) AS id FROM change_log').get() as { id: number | null }).id ?? 0;
  }

  /** Change-log entries after `id`, oldest first, at most `limit`. */
  changesSince(id: number, limit: number): ChangeEntry[] {
    return cachedStatement(
      this.db,
      `SELECT id, action, scenario_id AS scenarioId, indicator_code AS indicatorCode, series, detail
       FROM change_log WHERE id > ? ORDER BY id LIMIT ?`,
    ).all(id, limit) as ChangeEntry[];
  }

  history(): HistoryState {
    return historyState(this.db);
  }

  private uniqueName(name: string, exceptId?: number): void {
    const clash = this.db.prepare('SELECT id FROM scenario WHERE name = ? AND id IS NOT ?').get(name, exceptId ?? null);
    if (clash) throw new AppError('already_exists', `A scenario named "${name}" already exists`, { name }, 'name');
  }

  create(name: string, description: string, from: ScenarioSource): Scenario {
    return this.step('scenario.create', null, (rec) => {
      this.uniqueName(name);
      const id = rec.insert('scenario', { name, description, status: 'draft', created_at: new Date().toISOString() });
      let source = 'empty';
      if (from.kind === 'original') {
        source = 'original targets';
        const rows = this.db
          .prepare(
            `SELECT indicator_id, year, value FROM value WHERE series = 'original_target' AND year BETWEEN ? AND ?`,
          )
          .all(this.ctx.firstYear, this.ctx.lastYear) as { indicator_id: number; year: number; value: number }[];
        for (const r of rows) rec.put('scenario_target', { scenario_id: id, indicator_id: r.indicator_id, year: r.year, value: r.value, origin: 'entered' });
      } else if (from.kind === 'scenario') {
        const src = this.get(from.scenarioId);
        source = `scenario "${src.name}"`;
        const rows = this.db.prepare('SELECT * FROM scenario_target WHERE scenario_id = ?').all(src.id) as TargetRow[];
        for (const r of rows) rec.put('scenario_target', { ...r, scenario_id: id });
        const just = this.db.prepare('SELECT * FROM justification WHERE scenario_id = ?').all(src.id) as Record<string, unknown>[];
        for (const j of just) rec.put('justification', { ...j, scenario_id: id });
      }
      this.log({ action: 'scenario.create', scenarioId: id, scenarioName: name, detail: `from ${source}` });
      return this.get(id);
    });
  }

  update(id: number, changes: { name?: string | undefined; description?: string | undefined }): Scenario {
    return this.step('scenario.update', id, (rec) => {
      const before = this.get(id);
      if (changes.name !== undefined) this.uniqueName(changes.name, id);
      rec.put('scenario', { id, name: changes.name ?? before.name, description: changes.description ?? before.description });
      const detail = [
        changes.name !== undefined && changes.name !== before.name ? `name: "${before.name}" → "${changes.name}"` : '',
        changes.description !== undefined && changes.description !== before.description ? 'description changed' : '',
      ].filter(Boolean).join('; ');
      if (detail) this.log({ action: 'scenario.update', scenarioId: id, scenarioName: changes.name ?? before.name, detail });
      return this.get(id);
    });
  }

  /** Deletes a scenario; the log keeps what was deleted (its targets and justifications). */
  delete(id: number): void {
    this.step('scenario.delete', id, (rec) => {
      const s = this.get(id);
      const targets = this.db.prepare('SELECT * FROM scenario_target WHERE scenario_id = ?').all(id) as TargetRow[];
      const just = this.db.prepare('SELECT * FROM justification WHERE scenario_id = ?').all(id) as Record<string, unknown>[];
      for (const t of targets) rec.remove('scenario_target', t);
      for (const j of just) rec.remove('justification', j);
      rec.remove('scenario', { id });
      this.log({
        action: 'scenario.delete',
        scenarioId: id,
        scenarioName: s.name,
        detail: JSON.stringify({ description: s.description, status: s.status, targets, justifications: just }),
      });
    });
  }

  /** Marks one scenario usulan (demoting any other) or back to draft. */
  setStatus(id: number, status: ScenarioStatus): Scenario[] {
    return this.step('scenario.status', id, (rec) => {
      const s = this.get(id);
      if (status === 'usulan') {
        for (const other of this.list()) {
          if (other.id !== id && other.status === 'usulan') {
            rec.put('scenario', { id: other.id, status: 'draft' });
            this.log({ action: 'scenario.status', scenarioId: other.id, scenarioName: other.name, detail: 'usulan → draft' });
          }
        }
      }
      rec.put('scenario', { id, status });
      if (s.status !== status) this.log({ action: 'scenario.status', scenarioId: id, scenarioName: s.name, detail: `${s.status} → ${status}` });
      return this.list();
    });
  }

  /**
   * Sets (or clears) revised targets as one step. Every cell is checked first: one bad cell
   * refuses the whole block, naming it, and nothing is written. Counts and rates tied through
   * population are re-derived afterwards (see deriveRateCount).
   */
  setTargets(scenarioId: number, cells: readonly CellInput[], action: TargetAction): ScenarioTargets {
    const inds = this.indicators();
    cells.forEach((c, i) => {
      const ind = inds.get(c.indicatorId);
      if (!ind) throw new AppError('bad_input', `Cell ${i + 1}: indicator ${c.indicatorId} does not exist`, { cell: i, indicatorId: c.indicatorId, year: c.year }, `cells.${i}.indicatorId`);
      if (c.year < this.ctx.firstYear || c.year > this.ctx.lastYear) {
        throw new AppError('bad_input', `Cell ${i + 1} (${ind.code} ${c.year}): the year is outside the target years ${this.ctx.firstYear}–${this.ctx.lastYear}`, { cell: i, indicatorId: c.indicatorId, year: c.year }, `cells.${i}.year`);
      }
      if (c.value !== null) {
        const problem = checkTargetValue(ind, c.value);
        if (problem) {
          const range = `${ind.minValue ?? '−∞'}–${ind.maxValue ?? '∞'}`;
          throw new AppError('bad_input', `Cell ${i + 1} (${ind.code} ${c.year}): ${c.value} is outside ${range} ${ind.unit}`, { cell: i, indicatorId: c.indicatorId, year: c.year, problem }, `cells.${i}.value`);
        }
      }
    });
    // The kept targets (when valid) say what each cell holds now: no read per cell.
    const revisionBefore = this.revision();
    const kept = columnsOf(this.db, 'scenario_target').join(',') === TARGET_COLUMNS ? this.keptTargets(scenarioId, revisionBefore) : null;
    const pairCodes = new Set<string>([POPULATION_CODE, ...RATE_COUNT_PAIRS.flatMap((p) => [p.rate, p.count])]);
    let changes: readonly RowChange[] = [];
    this.step(action, scenarioId, (rec) => {
      const s = this.get(scenarioId);
      const touched = new Set<string>();
      const written = new Map<number, Record<string, unknown> | null>();
      for (const c of cells) {
        const ind = inds.get(c.indicatorId)!;
        const cellKey = c.indicatorId * 10_000 + c.year;
        if (c.value === null) {
          rec.remove('scenario_target', { scenario_id: scenarioId, indicator_id: c.indicatorId, year: c.year });
          written.set(cellKey, null);
        } else {
          // Every column, in table order (TARGET_COLUMNS).
          const row = { scenario_id: scenarioId, indicator_id: c.indicatorId, year: c.year, value: c.value, origin: 'entered' };
          let known: Record<string, unknown> | null | undefined;
          if (kept) {
            if (written.has(cellKey)) known = written.get(cellKey)!;
            else {
              const t = kept.byIndicator.get(c.indicatorId)?.find((x) => x.year === c.year);
              known = t ? { scenario_id: scenarioId, indicator_id: t.indicatorId, year: t.year, value: t.value, origin: t.origin } : null;
            }
          }
          rec.put('scenario_target', row, known);
          written.set(cellKey, row);
        }
        if (pairCodes.has(ind.code)) touched.add(`${ind.code}:${c.year}`);
      }
      this.deriveRateCount(rec, scenarioId, inds, touched);
      this.logTargetChanges(rec.changes, s, inds, action);
      changes = rec.changes;
    });
    this.keepAfterTargetStep(scenarioId, revisionBefore, changes);
    return this.targets(scenarioId);
  }

  setJustification(scenarioId: number, indicatorId: number, text: string): ScenarioTargets {
    const inds = this.indicators();
    const ind = inds.get(indicatorId);
    if (!ind) throw new AppError('bad_input', `Indicator ${indicatorId} does not exist`, { indicatorId }, 'indicatorId');
    this.step('justification.set', scenarioId, (rec) => {
      const s = this.get(scenarioId);
      const trimmed = text.trim();
      const before = trimmed
        ? rec.put('justification', { scenario_id: scenarioId, indicator_id: indicatorId, text: trimmed, updated_at: new Date().toISOString() })
        : rec.remove('justification', { scenario_id: scenarioId, indicator_id: indicatorId });
      const old = (before?.text as string | undefined) ?? '';
      if (old !== trimmed) {
        this.log({ action: 'justification.set', scenarioId, scenarioName: s.name, indicatorCode: ind.code, justification: trimmed, detail: old ? `was: ${old}` : null });
      }
    });
    return this.targets(scenarioId);
  }

  /** Adds (no id) or updates a reference target; one step, logged. */
  saveReference(ref: Omit<ReferenceTarget, 'id'> & { id?: number | undefined }): void {
    this.step('reference.save', null, (rec) => {
      const row = {
        indicator_code: ref.indicatorCode, kind: ref.kind, comparison: ref.comparison,
        year: ref.kind === 'level' ? ref.year : null, value: ref.value, label: ref.label, source: ref.source,
      };
      if (ref.id === undefined) rec.insert('reference_target', row);
      else if (!rec.put('reference_target', { id: ref.id, ...row })) {
        throw new AppError('not_found', `Reference ${ref.id} does not exist`, { id: ref.id }, 'id');
      }
      this.log({ action: 'reference.save', indicatorCode: ref.indicatorCode, detail: `${ref.label}: ${ref.kind} ${ref.comparison} ${ref.value}${ref.year ? ` (${ref.year})` : ''}` });
    });
  }

  deleteReference(id: number): void {
    this.step('reference.delete', null, (rec) => {
      const before = rec.remove('reference_target', { id });
      if (!before) throw new AppError('not_found', `Reference ${id} does not exist`, { id }, 'id');
      this.log({ action: 'reference.delete', indicatorCode: before.indicator_code as string, detail: JSON.stringify(before) });
    });
  }

  undo(): { label: string; scenarioId: number | null } | null {
    return this.replay('undo');
  }

  redo(): { label: string; scenarioId: number | null } | null {
    return this.replay('redo');
  }

  changeLog(scenarioId: number | undefined, limit: number): ChangeLogEntry[] {
    return this.db
      .prepare(
        `SELECT id, at, user, action, scenario_id AS scenarioId, scenario_name AS scenarioName, indicator_code AS indicatorCode,
                year, old_value AS oldValue, new_value AS newValue, justification, detail
         FROM change_log WHERE (@sid IS NULL OR scenario_id = @sid) ORDER BY id DESC LIMIT @limit`,
      )
      .all({ sid: scenarioId ?? null, limit }) as ChangeLogEntry[];
  }

  private replay(direction: 'undo' | 'redo'): { label: string; scenarioId: number | null } | null {
    this.ctx.requireWritable();
    return this.db.transaction(() => {
      const done = direction === 'undo' ? undoStep(this.db) : redoStep(this.db);
      if (!done) return null;
      const inds = this.indicators();
      const name = (id: unknown) =>
        (this.db.prepare('SELECT name FROM scenario WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;
      this.log({ action: direction, scenarioId: done.step.scenarioId, scenarioName: name(done.step.scenarioId), detail: done.step.label });
      for (const c of done.changes) {
        if (c.table === 'value') {
          // An imported realisation or original target undone/redone: logged per cell like targets.
          const row = (c.after ?? c.before)!;
          this.log({
            action: `${direction}:${done.step.label}`,
            indicatorCode: inds.get(row.indicator_id as number)?.code ?? null,
            year: row.year as number,
            series: row.series as string,
            oldValue: (c.before?.value as number | undefined) ?? null,
            newValue: (c.after?.value as number | undefined) ?? null,
          });
          continue;
        }
        if (c.table !== 'scenario_target') continue;
        const row = (c.after ?? c.before)!;
        this.log({
          action: `${direction}:${done.step.label}`,
          scenarioId: row.scenario_id as number,
          scenarioName: name(row.scenario_id),
          indicatorCode: inds.get(row.indicator_id as number)?.code ?? null,
          year: row.year as number,
          oldValue: (c.before?.value as number | undefined) ?? null,
          newValue: (c.after?.value as number | undefined) ?? null,
          justification: this.justificationText(row.scenario_id as number, row.indicator_id as number),
        });
      }
      return { label: done.step.label, scenarioId: done.step.scenarioId };
    })();
  }

  /**
   * Keeps counts of poor people consistent with rates through the scenario's population
   * (its POP row): whichever of the pair the planner entered drives the other, which is stored
   * as derived. Without a population for the year, nothing is derived.
   */
  private deriveRateCount(rec: StepRecorder, scenarioId: number, inds: Map<number, Indicator>, touched: Set<string>): void {
    let byCode = byCodeCache.get(inds);
    if (!byCode) byCodeCache.set(inds, (byCode = new Map([...inds.values()].map((i) => [i.code, i]))));
    const pop = byCode.get(POPULATION_CODE);
    const get = (ind: Indicator, year: number) =>
      this.db.prepare('SELECT * FROM scenario_target WHERE scenario_id = ? AND indicator_id = ? AND year = ?').get(scenarioId, ind.id, year) as
        | TargetRow
        | undefined;
    for (const pair of RATE_COUNT_PAIRS) {
      const rate = byCode.get(pair.rate);
      const count = byCode.get(pair.count);
      if (!rate || !count || !pop) continue;
      for (let year = this.ctx.firstYear; year <= this.ctx.lastYear; year++) {
        const hit = touched.has(`${rate.code}:${year}`) || touched.has(`${count.code}:${year}`) || touched.has(`${pop.code}:${year}`);
        if (!hit) continue;
        const population = get(pop, year)?.value;
        const rateTouched = touched.has(`${rate.code}:${year}`);
        const countTouched = touched.has(`${count.code}:${year}`);
        // Both typed in one step (a pasted block): both stay as entered; checks flag a mismatch.
        if (rateTouched && countTouched) continue;
        const r = get(rate, year);
        const n = get(count, year);
        // The side the planner typed in this step leads; otherwise the side already marked entered.
        const countLeads = countTouched || (!rateTouched && n?.origin === 'entered' && r?.origin !== 'entered');
        const [from, fromRow, to, toRow] = countLeads ? [count, n, rate, r] : [rate, r, count, n];
        const toKey = { scenario_id: scenarioId, indicator_id: to.id, year };
        if (!fromRow) {
          // The leading value was cleared: a value derived from it no longer has a basis.
          if (toRow?.origin === 'derived') rec.remove('scenario_target', toKey);
          continue;
        }
        if (population === undefined || population <= 0) continue;
        const value = from === count ? roundTo(rateFromCount(fromRow.value, population), rate.decimals) : countFromRate(fromRow.value, population);
        rec.put('scenario_target', { ...toKey, value, origin: 'derived' });
      }
    }
  }

  private justificationText(scenarioId: number, indicatorId: number): string | null {
    const row = cachedStatement(this.db, 'SELECT text FROM justification WHERE scenario_id = ? AND indicator_id = ?').get(scenarioId, indicatorId) as
      | { text: string }
      | undefined;
    return row?.text ?? null;
  }

  private logTargetChanges(changes: readonly RowChange[], s: Scenario, inds: Map<number, Indicator>, action: string): void {
    const justification = new Map<number, string | null>();
    const reason = (indicatorId: number) => {
      if (!justification.has(indicatorId)) justification.set(indicatorId, this.justificationText(s.id, indicatorId));
      return justification.get(indicatorId)!;
    };
    for (const c of changes) {
      if (c.table !== 'scenario_target') continue;
      const row = (c.after ?? c.before)!;
      const derived = c.after?.origin === 'derived';
      this.log({
        action: derived ? `${action}:derived` : action,
        scenarioId: s.id,
        scenarioName: s.name,
        indicatorCode: inds.get(row.indicator_id as number)?.code ?? null,
        year: row.year as number,
        oldValue: (c.before?.value as number | undefined) ?? null,
        newValue: (c.after?.value as number | undefined) ?? null,
        justification: reason(row.indicator_id as number),
      });
    }
  }

  private log(e: Partial<Omit<ChangeLogEntry, 'id' | 'at' | 'user'>> & { action: string; series?: string }): void {
    const values = [
      this.stepAt ?? new Date().toISOString(),
      this.ctx.user,
      e.action,
      e.scenarioId ?? null,
      e.scenarioName ?? null,
      e.indicatorCode ?? null,
      e.year ?? null,
      e.series ?? (e.year != null ? 'revised_target' : null),
      e.oldValue ?? null,
      e.newValue ?? null,
      e.justification ?? null,
      e.detail ?? null,
    ];
    if (this.logBuffer) {
      // Inside a step: written in batches when the step ends (same order, same ids).
      for (const v of values) this.logBuffer.push(v);
      if (this.logBuffer.length >= LOG_BATCH * LOG_COLUMNS * 20) this.flushLog();
      return;
    }
    this.insertLog(1).run(values);
  }

  private insertLog(rows: number): Database.Statement {
    const tuples = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    return cachedStatement(
      this.db,
      `INSERT INTO change_log (at, user, action, scenario_id, scenario_name, indicator_code, year, series, old_value, new_value, justification, detail) VALUES ${tuples}`,
    );
  }

  private flushLog(): void {
    const buffer = this.logBuffer;
    if (!buffer || buffer.length === 0) return;
    const rows = buffer.length / LOG_COLUMNS;
    let at = 0;
    while (rows - at >= LOG_BATCH) {
      this.insertLog(LOG_BATCH).run(buffer.slice(at * LOG_COLUMNS, (at + LOG_BATCH) * LOG_COLUMNS));
      at += LOG_BATCH;
    }
    if (rows > at) this.insertLog(rows - at).run(buffer.slice(at * LOG_COLUMNS));
    this.logBuffer = [];
  }

  /** One transaction, one undo step; every log entry of the step carries the step's time. */
  private step<T>(label: string, scenarioId: number | null, fn: (rec: StepRecorder) => T): T {
    this.ctx.requireWritable();
    this.stepAt = new Date().toISOString();
    this.logBuffer = [];
    try {
      return this.db.transaction(() => {
        const { result } = recordStep(this.db, label, scenarioId, fn);
        this.flushLog();
        return result;
      })();
    } finally {
      this.stepAt = null;
      this.logBuffer = null;
    }
  }
}
