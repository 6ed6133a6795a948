/**
 * The schema's history: an ordered list, one entry per user_version. All pending migrations run
 * in ONE transaction (after a backup copy of the file, see store.ts), so a failure leaves the
 * file exactly at its old version. Never edit a released migration; add the next one.
 */
import type Database from 'better-sqlite3';
import { COMPARISONS, GROUPS, POLARITIES, REFERENCE_KINDS, SCENARIO_STATUSES, SERIES } from '../../shared/domain.js';
import { STANDARD_SHOCK_YEARS, standardReferences } from './references.js';
import { STANDARD_INDICATORS } from './standard-indicators.js';

export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'plan, indicators, values, scenarios, targets, justifications, append-only change log',
    up(db) {
      db.exec(`
        CREATE TABLE plan (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          region TEXT NOT NULL,
          province TEXT NOT NULL,
          baseline_year INTEGER NOT NULL,
          first_year INTEGER NOT NULL,
          last_year INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          CHECK (baseline_year < first_year AND first_year <= last_year)
        );
        CREATE TABLE indicator (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          name_id TEXT NOT NULL,
          name_en TEXT NOT NULL,
          unit TEXT NOT NULL,
          polarity TEXT NOT NULL CHECK (polarity IN (${inList(POLARITIES)})),
          decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
          grp TEXT NOT NULL CHECK (grp IN (${inList(GROUPS)})),
          definition TEXT NOT NULL DEFAULT '',
          sort_order INTEGER NOT NULL
        );
        CREATE TABLE value (
          indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          series TEXT NOT NULL CHECK (series IN (${inList(SERIES)})),
          value REAL NOT NULL,
          source TEXT NOT NULL DEFAULT '',
          illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
          PRIMARY KEY (indicator_id, year, series)
        ) WITHOUT ROWID;
        CREATE TABLE scenario (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          description TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN (${inList(SCENARIO_STATUSES)})),
          created_at TEXT NOT NULL
        );
        -- At most one scenario is the proposal (usulan).
        CREATE UNIQUE INDEX scenario_one_usulan ON scenario(status) WHERE status = 'usulan';
        CREATE TABLE scenario_target (
          scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
          indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          value REAL NOT NULL,
          PRIMARY KEY (scenario_id, indicator_id, year)
        ) WITHOUT ROWID;
        CREATE TABLE justification (
          scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,
          indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          text TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (scenario_id, indicator_id)
        ) WITHOUT ROWID;
        -- Append-only: scenario and indicator are kept by value (names too) so that the log
        -- still reads after a scenario is deleted.
        CREATE TABLE change_log (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          user TEXT NOT NULL,
          action TEXT NOT NULL,
          scenario_id INTEGER,
          scenario_name TEXT,
          indicator_code TEXT,
          year INTEGER,
          series TEXT,
          old_value REAL,
          new_value REAL,
          justification TEXT,
          detail TEXT
        );
        CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
      `);
    },
  },
  {
    version: 2,
    description: 'undo history kept in the file; which of rate/count the planner typed; capaian formula per indicator',
    up(db) {
      db.exec(`
        -- entered: typed by the planner; derived: computed from its rate/count partner and population.
        ALTER TABLE scenario_target ADD COLUMN origin TEXT NOT NULL DEFAULT 'entered'
          CHECK (origin IN ('entered', 'derived'));
        -- Capaian formula for lower-is-better indicators (see shared/model/capaian.ts).
        ALTER TABLE indicator ADD COLUMN capaian_formula TEXT;
        -- The range a value may take (NULL: unbounded), e.g. 0–100 for a share in percent.
        ALTER TABLE indicator ADD COLUMN min_value REAL;
        ALTER TABLE indicator ADD COLUMN max_value REAL;
        -- One row per API write; state 'undone' rows are the redo stack.
        CREATE TABLE undo_step (
          id INTEGER PRIMARY KEY,
          label TEXT NOT NULL,
          scenario_id INTEGER,
          at TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone'))
        );
        -- Row images before and after the step, as JSON; NULL means the row did not exist.
        CREATE TABLE undo_row (
          step_id INTEGER NOT NULL REFERENCES undo_step(id) ON DELETE CASCADE,
          seq INTEGER NOT NULL,
          tbl TEXT NOT NULL,
          row_key TEXT NOT NULL,
          before TEXT,
          after TEXT,
          PRIMARY KEY (step_id, seq)
        ) WITHOUT ROWID;
      `);
      // Ranges of the standard indicators in files made before v2 (later files get them at creation).
      const range = db.prepare('UPDATE indicator SET min_value = ?, max_value = ? WHERE code = ?');
      for (const ind of STANDARD_INDICATORS) range.run(ind.minValue, ind.maxValue, ind.code);
    },
  },
  {
    version: 3,
    description: 'reference targets (RPJMN, Inpres, Governor) and shock years as workbook data',
    up(db) {
      db.exec(`
        CREATE TABLE reference_target (
          id INTEGER PRIMARY KEY,
          indicator_code TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN (${inList(REFERENCE_KINDS)})),
          comparison TEXT NOT NULL CHECK (comparison IN (${inList(COMPARISONS)})),
          year INTEGER,
          value REAL NOT NULL,
          label TEXT NOT NULL,
          source TEXT NOT NULL,
          CHECK ((kind = 'level') = (year IS NOT NULL))
        );
        CREATE TABLE shock_year (
          year INTEGER PRIMARY KEY,
          reason TEXT NOT NULL
        );
      `);
      // Files made before v3 have their plan: give them the references that apply to it.
      const plan = db.prepare('SELECT province FROM plan WHERE id = 1').get() as { province: string } | undefined;
      if (plan) seedReferences(db, plan.province);
    },
  },
];

/** Standard references and shock years (used by migration 3 and by new workbooks). */
export function seedReferences(db: Database.Database, province: string): void {
  const insert = db.prepare(
    'INSERT INTO reference_target (indicator_code, kind, comparison, year, value, label, source) VALUES (@indicatorCode, @kind, @comparison, @year, @value, @label, @source)',
  );
  for (const r of standardReferences({ province })) insert.run(r);
  const shock = db.prepare('INSERT OR IGNORE INTO shock_year (year, reason) VALUES (?, ?)');
  for (const s of STANDARD_SHOCK_YEARS) shock.run(s.year, s.reason);
}

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
