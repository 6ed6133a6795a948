/**
 * The read side of an open workbook: scenarios, their targets and justifications, the change log
 * and the undo state. Nothing here writes; writes go through edit.ts.
 */
import { AppError } from '../../shared/api/result.js';
import type { ChangeLogEntry, HistoryState, Indicator, Person, Programme, ProgrammeYearValues, Scenario, ScenarioTargets, TargetCell } from '../../shared/domain.js';
import { keyIndicator, keyYear, type Caches, type EditEffect, type Kept } from './caches.js';
import type { ReviewNote } from '../../shared/review.js';
import { historyState } from './history.js';
import type { Statements } from './statements.js';

/**
 * The indicators as read at one moment. The open workbook keeps one in its Caches (store.ts) and
 * reads a new one after an edit that changes an indicator's row (its Perangkat Daerah,
 * editors/indicators.ts) or a write from another connection.
 */
export class IndicatorIndex {
  readonly list: readonly Indicator[];
  readonly byId: ReadonlyMap<number, Indicator>;
  readonly byCode: ReadonlyMap<string, Indicator>;

  constructor(st: Statements) {
    this.list = st
      .get(
        `SELECT id, code, name_id AS nameId, name_en AS nameEn, unit, polarity, decimals, grp AS "group", definition,
                min_value AS minValue, max_value AS maxValue, responsible_unit AS responsibleUnit
         FROM indicator ORDER BY sort_order, id`,
      )
      .all() as Indicator[];
    this.byId = new Map(this.list.map((i) => [i.id, i]));
    this.byCode = new Map(this.list.map((i) => [i.code, i]));
  }
}

/** A change-log entry with the step it belongs to and the person recorded on that step. */
export interface ChangeLogEntryWithPerson extends ChangeLogEntry {
  /** change_step.id: entries of one edit, undo or redo share it. */
  changeStepId: number;
  /** Who made the step (name, NIP, jabatan); null when none was recorded (only the OS account, `user`). */
  person: Person | null;
}

interface KeptScenario {
  byIndicator: Map<number, TargetCell[]>;
  /** Null once a justification changed: read again on next use. */
  justifications: ScenarioTargets['justifications'] | null;
}

/**
 * Scenarios' targets as last read, kept up to date from each edit's effect: reading 60.000 cells
 * back after every edit cost more than the edit. TargetCell objects are shared with callers,
 * who only read them.
 */
export class KeptTargets implements Kept {
  readonly scenarios = new Map<number, KeptScenario>();

  afterEdit(effect: EditEffect): boolean {
    for (const id of effect.scenarios) if (effect.action === 'scenario.delete' || effect.action === 'scenario.create') this.scenarios.delete(id);
    for (const [id, cells] of effect.targets) {
      const kept = this.scenarios.get(id);
      if (!kept) continue;
      for (const [key, cell] of cells) {
        const indicatorId = keyIndicator(key);
        const year = keyYear(key);
        let list = kept.byIndicator.get(indicatorId);
        const at = list ? list.findIndex((t) => t.year === year) : -1;
        if (cell) {
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
    for (const id of effect.justifications.keys()) {
      const kept = this.scenarios.get(id);
      if (kept) kept.justifications = null;
    }
    return true;
  }
}

export class WorkbookReads {
  constructor(
    private readonly st: Statements,
    private readonly caches: Caches,
    private readonly indicators: () => IndicatorIndex,
  ) {}

  /** The programmes (schema v7), by name, each with its years; none in an older file. */
  programmes(): Programme[] {
    if (!this.hasTable('programme')) return [];
    const rows = this.st
      .get(`SELECT id, name, cluster, strategy, agency, benefit_kind AS benefitKind, source, illustrative FROM programme ORDER BY name COLLATE NOCASE, id`)
      .all() as (Omit<Programme, 'years' | 'illustrative'> & { illustrative: number })[];
    const years = this.st
      .get('SELECT programme_id AS programmeId, year, households, benefit, accuracy, budget, source FROM programme_year ORDER BY programme_id, year')
      .all() as (ProgrammeYearValues & { programmeId: number })[];
    const byProgramme = new Map<number, ProgrammeYearValues[]>();
    for (const { programmeId, ...y } of years) {
      const list = byProgramme.get(programmeId);
      if (list) list.push(y);
      else byProgramme.set(programmeId, [y]);
    }
    return rows.map((r) => ({ ...r, illustrative: r.illustrative === 1, years: byProgramme.get(r.id) ?? [] }));
  }

  /**
   * The evaluation notes (schema v8), by indicator order, year (the indicator as a whole first)
   * and id; none in an older file.
   */
  reviewNotes(): ReviewNote[] {
    if (!this.hasTable('review_note')) return [];
    return this.st
      .get(
        `SELECT r.id, r.indicator_id AS indicatorId, i.code AS indicatorCode, r.year, r.note, r.evaluator, r.review_date AS reviewDate,
                r.seen_target AS seenTarget, r.scenario_name AS scenarioName, r.source_file AS sourceFile, r.imported_at AS importedAt,
                r.response, r.status, r.responded_at AS respondedAt, r.responded_by AS respondedBy
         FROM review_note r JOIN indicator i ON i.id = r.indicator_id
         ORDER BY i.sort_order, i.id, r.year IS NOT NULL, r.year, r.id`,
      )
      .all() as ReviewNote[];
  }

  /** How many targets, values, programme years and evaluation notes lie after `year`, and the first such year (a horizon may not cut them off). */
  yearsBeyond(year: number): { count: number; first: number | null } {
    const parts = ['SELECT year FROM scenario_target WHERE year > @year', 'SELECT year FROM value WHERE year > @year'];
    if (this.hasTable('programme_year')) parts.push('SELECT year FROM programme_year WHERE year > @year');
    // A note's year must stay within the horizon: the open-time check (store.ts) refuses one beyond it.
    if (this.hasTable('review_note')) parts.push('SELECT year FROM review_note WHERE year > @year');
    const row = this.st.get(`SELECT count(*) AS count, min(year) AS first FROM (${parts.join(' UNION ALL ')})`).get({ year }) as { count: number; first: number | null };
    return row;
  }

  private hasTable(name: string): boolean {
    return this.st.get("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
  }

  scenarios(): Scenario[] {
    return this.st.get('SELECT id, name, description, status, created_at AS createdAt FROM scenario ORDER BY id').all() as Scenario[];
  }

  scenario(id: number): Scenario {
    const s = this.st.get('SELECT id, name, description, status, created_at AS createdAt FROM scenario WHERE id = ?').get(id) as Scenario | undefined;
    if (!s) throw new AppError('not_found', `Scenario ${id} does not exist`, { scenarioId: id }, 'scenarioId');
    return s;
  }

  /** The kept targets of a scenario (read from the file when not kept). */
  kept(scenarioId: number): KeptScenario {
    const all = this.caches.get('targets', () => new KeptTargets());
    let kept = all.scenarios.get(scenarioId);
    if (!kept) {
      // Key order (no temporary B-tree); table order is restored when the lists are joined.
      const rows = this.st
        .get('SELECT indicator_id AS indicatorId, year, value, origin FROM scenario_target WHERE scenario_id = ? ORDER BY indicator_id, year')
        .all(scenarioId) as TargetCell[];
      const byIndicator = new Map<number, TargetCell[]>();
      for (const t of rows) {
        const list = byIndicator.get(t.indicatorId);
        if (list) list.push(t);
        else byIndicator.set(t.indicatorId, [t]);
      }
      all.scenarios.set(scenarioId, (kept = { byIndicator, justifications: null }));
    }
    kept.justifications ??= this.st
      .get('SELECT indicator_id AS indicatorId, text, updated_at AS updatedAt FROM justification WHERE scenario_id = ? ORDER BY indicator_id')
      .all(scenarioId) as ScenarioTargets['justifications'];
    return kept;
  }

  targets(scenarioId: number): ScenarioTargets {
    this.scenario(scenarioId);
    const kept = this.kept(scenarioId);
    const targets: TargetCell[] = [];
    for (const ind of this.indicators().list) {
      const list = kept.byIndicator.get(ind.id);
      if (list) for (const t of list) targets.push(t);
    }
    return { scenarioId, targets, justifications: [...kept.justifications!] };
  }

  /** One indicator's revised targets and justification text in a scenario. */
  indicatorTargets(scenarioId: number, indicatorId: number): { targets: TargetCell[]; justification: string | null } {
    const targets = this.st
      .get('SELECT indicator_id AS indicatorId, year, value, origin FROM scenario_target WHERE scenario_id = ? AND indicator_id = ? ORDER BY year')
      .all(scenarioId, indicatorId) as TargetCell[];
    return { targets, justification: this.justificationText(scenarioId, indicatorId) };
  }

  justificationText(scenarioId: number, indicatorId: number): string | null {
    const row = this.st.get('SELECT text FROM justification WHERE scenario_id = ? AND indicator_id = ?').get(scenarioId, indicatorId) as { text: string } | undefined;
    return row?.text ?? null;
  }

  /** The change log, newest first: every entry, or those of one scenario. */
  changeLog(scenarioId: number | undefined, limit: number): ChangeLogEntry[] {
    return this.st
      .get(
        `SELECT id, at, user, action, kind, derived, step_id AS stepId, scenario_id AS scenarioId, scenario_name AS scenarioName,
                indicator_code AS indicatorCode, year, series, old_value AS oldValue, new_value AS newValue, justification, detail
         FROM change_log WHERE (@sid IS NULL OR scenario_id = @sid) ORDER BY id DESC LIMIT @limit`,
      )
      .all({ sid: scenarioId ?? null, limit })
      .map((r) => ({ ...(r as ChangeLogEntry), derived: (r as { derived: number }).derived === 1 }));
  }

  /**
   * One scenario's change log, oldest first, each entry with its step (change_step.id: the entries
   * one edit, undo or redo wrote) and the person recorded on that step (schema v5; null on steps
   * written before v5 or before the user gave a name). The change_log view has no person columns
   * and the v5 schema is frozen, so this read joins change_step itself.
   */
  changeLogWithPeople(scenarioId: number): ChangeLogEntryWithPerson[] {
    return this.changeLogWithPeopleWhere({ scenarioId });
  }

  /**
   * The change log with the person on each step (as changeLogWithPeople), oldest first, over every
   * scenario (and entries of none) or one scenario, optionally of one indicator: what the Riwayat
   * view (services/history.ts) filters and folds.
   */
  changeLogWithPeopleWhere(where: { scenarioId?: number | undefined; indicatorCode?: string | undefined }): ChangeLogEntryWithPerson[] {
    return (
      this.st
        .get(
          `SELECT cl.id, cl.at, cl.user, cl.action, cl.kind, cl.derived, cl.step_id AS stepId, cl.scenario_id AS scenarioId,
                  cl.scenario_name AS scenarioName, cl.indicator_code AS indicatorCode, cl.year, cl.series, cl.old_value AS oldValue,
                  cl.new_value AS newValue, cl.justification, cl.detail,
                  s.id AS changeStepId, s.person_name AS personName, s.person_nip AS personNip, s.person_title AS personTitle
           FROM change_log cl JOIN change_entry e ON e.id = (cl.id >> 16) JOIN change_step s ON s.id = e.change_step_id
           WHERE (@sid IS NULL OR cl.scenario_id = @sid) AND (@code IS NULL OR cl.indicator_code = @code) ORDER BY cl.id`,
        )
        .all({ sid: where.scenarioId ?? null, code: where.indicatorCode ?? null }) as (Omit<ChangeLogEntry, 'derived'> & { derived: number; changeStepId: number; personName: string | null; personNip: string | null; personTitle: string | null })[]
    ).map(({ personName, personNip, personTitle, ...r }) => ({
      ...r,
      derived: r.derived === 1,
      person: personName === null ? null : { name: personName, nip: personNip ?? '', title: personTitle ?? '' },
    }));
  }

  history(): HistoryState {
    return historyState(this.st);
  }
}
