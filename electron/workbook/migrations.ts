/**
 * The schema's history: an ordered list, one entry per user_version. All pending migrations run
 * in ONE transaction (after a backup copy of the file, see store.ts), so a failure leaves the
 * file exactly at its old version.
 *
 * Released migrations are FROZEN: each holds its own literal SQL and literal data, and imports
 * nothing that can change (no lists from shared/domain.ts, no standard indicator or reference
 * lists). A file migrated today must come out exactly as one migrated when the migration was
 * released, whatever the app's current lists say. Never edit a released migration; add the next
 * one. test/integration/migration-snapshots.test.ts compares each version's output with a stored
 * snapshot (test/fixtures/schema/vN.sql) and fails when a released migration's output changes.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

/**
 * FROZEN copy of the ranges migration 2 writes: STANDARD_INDICATORS' min/max by code as they were
 * when v2 was released. Copied here so that later edits of the standard list (which seeds NEW
 * workbooks) cannot change what migration 2 does to an older file. Never edit.
 */
const V2_INDICATOR_RANGES: readonly { code: string; minValue: number; maxValue: number | null }[] = [
  { code: 'PE', minValue: -100, maxValue: 100 },
  { code: 'TPT', minValue: 0, maxValue: 100 },
  { code: 'IPM', minValue: 0, maxValue: 100 },
  { code: 'GINI', minValue: 0, maxValue: 1 },
  { code: 'POP', minValue: 0, maxValue: null },
  { code: 'P0', minValue: 0, maxValue: 100 },
  { code: 'JPM', minValue: 0, maxValue: null },
  { code: 'P0E', minValue: 0, maxValue: 100 },
  { code: 'JPME', minValue: 0, maxValue: null },
  { code: 'P1', minValue: 0, maxValue: null },
  { code: 'P2', minValue: 0, maxValue: null },
  { code: 'GK', minValue: 0, maxValue: null },
];

interface V3Reference {
  indicatorCode: string;
  kind: string;
  comparison: string;
  year: number | null;
  value: number;
  label: string;
  source: string;
}

/**
 * FROZEN copy of the references migration 3 seeds (standardReferences() in references.ts as it
 * was when v3 was released): every plan gets V3_REFERENCES_ALL, then a plan whose province is
 * Sumatera Selatan (trimmed, case-insensitive) also gets V3_REFERENCES_SUMSEL, in this order.
 * Copied so that editing the live list (which seeds NEW workbooks) cannot change migration 3.
 * Never edit.
 */
const V3_REFERENCES_ALL: readonly V3Reference[] = [
  {
    indicatorCode: 'P0E', kind: 'level', comparison: 'eq', year: 2024, value: 0,
    label: 'Inpres 4/2022',
    source: 'Inpres 4/2022 tentang Percepatan Penghapusan Kemiskinan Ekstrem: 0 % pada 2024 (antaranews.com/berita/2939465)',
  },
];
const V3_REFERENCES_SUMSEL: readonly V3Reference[] = [
  {
    indicatorCode: 'P0', kind: 'level', comparison: 'lt', year: 2024, value: 10,
    label: 'Gubernur Sumsel',
    source: 'Gubernur Sumatera Selatan: setiap kab/kota di bawah 10 % pada 2024 (rmolsumsel.id; bappeda.sumselprov.go.id/berita/913)',
  },
  {
    indicatorCode: 'P0', kind: 'annual_change', comparison: 'le', year: null, value: -1,
    label: 'Gubernur Sumsel',
    source: 'Gubernur Sumatera Selatan: kemiskinan turun sedikitnya 1 poin persen per tahun (bappeda.sumselprov.go.id/berita/913)',
  },
];

/** FROZEN copy of the shock years migration 3 seeds (STANDARD_SHOCK_YEARS at v3). Never edit. */
const V3_SHOCK_YEARS: readonly { year: number; reason: string }[] = [
  { year: 2020, reason: 'Pandemi COVID-19' },
  { year: 2021, reason: 'Pandemi COVID-19' },
];

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
          polarity TEXT NOT NULL CHECK (polarity IN ('lower', 'higher', 'neutral')),
          decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
          grp TEXT NOT NULL CHECK (grp IN ('makro', 'kemiskinan')),
          definition TEXT NOT NULL DEFAULT '',
          sort_order INTEGER NOT NULL
        );
        CREATE TABLE value (
          indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          series TEXT NOT NULL CHECK (series IN ('baseline', 'original_target', 'realisation', 'projection')),
          value REAL NOT NULL,
          source TEXT NOT NULL DEFAULT '',
          illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
          PRIMARY KEY (indicator_id, year, series)
        ) WITHOUT ROWID;
        CREATE TABLE scenario (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          description TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'usulan')),
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
      for (const r of V2_INDICATOR_RANGES) range.run(r.minValue, r.maxValue, r.code);
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
          kind TEXT NOT NULL CHECK (kind IN ('level', 'annual_change')),
          comparison TEXT NOT NULL CHECK (comparison IN ('lt', 'le', 'eq', 'ge', 'gt')),
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
      // Files made before v3 have their plan: give them the references that applied to it at v3
      // (new workbooks get the current list from seedReferences in references.ts instead).
      const plan = db.prepare('SELECT province FROM plan WHERE id = 1').get() as { province: string } | undefined;
      if (plan) {
        const sumsel = plan.province.trim().toLowerCase() === 'sumatera selatan';
        const insert = db.prepare(
          'INSERT INTO reference_target (indicator_code, kind, comparison, year, value, label, source) VALUES (@indicatorCode, @kind, @comparison, @year, @value, @label, @source)',
        );
        for (const r of [...V3_REFERENCES_ALL, ...(sumsel ? V3_REFERENCES_SUMSEL : [])]) insert.run(r);
        const shock = db.prepare('INSERT OR IGNORE INTO shock_year (year, reason) VALUES (?, ?)');
        for (const s of V3_SHOCK_YEARS) shock.run(s.year, s.reason);
      }
    },
  },
  {
    version: 4,
    description: 'change log as steps and entries behind a change_log view; compact undo; revision date, reference scope, provisional values, capaian settings, method breaks',
    up(db) {
      db.exec(`
        -- One row per edit, undo or redo: who, when, which action (shared/changes.ts), for which
        -- scenario, and the undo step it did, undid or redid (NULL before v4).
        CREATE TABLE change_step (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          user TEXT NOT NULL,
          action TEXT NOT NULL,
          kind TEXT NOT NULL DEFAULT 'do' CHECK (kind IN ('do', 'undo', 'redo')),
          scenario_id INTEGER,
          scenario_name TEXT,
          undo_step_id INTEGER
        );
        -- One row per cell changed, per indicator whose cells a step changed together (their
        -- years in cells: JSON [[year, old, new, derived], …], with year/old/new NULL on the row),
        -- or per note of a step that names no cell. Scenario and indicator are kept by value so
        -- the log still reads after a scenario is deleted; scenario_name is NULL where it is the
        -- step's own.
        CREATE TABLE change_entry (
          id INTEGER PRIMARY KEY,
          change_step_id INTEGER NOT NULL REFERENCES change_step(id),
          scenario_id INTEGER,
          scenario_name TEXT,
          indicator_code TEXT,
          year INTEGER,
          series TEXT,
          old_value REAL,
          new_value REAL,
          derived INTEGER NOT NULL DEFAULT 0 CHECK (derived IN (0, 1)),
          justification TEXT,
          detail TEXT,
          cells TEXT
        );
        -- No indexes: entries are appended in id order and read back whole or by a scan; an index
        -- would be written with every cell of every paste.
        CREATE TRIGGER change_step_no_update BEFORE UPDATE ON change_step
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_step_no_delete BEFORE DELETE ON change_step
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_entry_no_update BEFORE UPDATE ON change_entry
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_entry_no_delete BEFORE DELETE ON change_entry
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;

        -- The v1–v3 log, one step and one entry per row. Its older spellings become columns:
        -- 'target.edit:derived', 'undo:target.paste', an 'undo' entry naming its step in detail,
        -- 'import' (the app's own rewrite of its own format, once).
        CREATE TEMP TABLE legacy AS
          SELECT id, at, user, scenario_id, scenario_name, indicator_code, year, series, old_value, new_value, justification, detail,
                 action AS raw,
                 CASE WHEN action LIKE '%:derived' THEN 1 ELSE 0 END AS derived
          FROM change_log;
        UPDATE legacy SET raw = substr(raw, 1, length(raw) - 8) WHERE derived = 1;
        ALTER TABLE legacy ADD COLUMN kind TEXT NOT NULL DEFAULT 'do';
        UPDATE legacy SET kind = substr(raw, 1, 4), raw = substr(raw, 6) WHERE raw LIKE 'undo:%' OR raw LIKE 'redo:%';
        UPDATE legacy SET kind = raw, raw = coalesce(detail, 'import.apply'), detail = NULL WHERE raw IN ('undo', 'redo');
        UPDATE legacy SET raw = 'import.apply' WHERE raw = 'import';
        INSERT INTO change_step (id, at, user, action, kind, scenario_id, scenario_name)
          SELECT id, at, user, raw, kind, scenario_id, scenario_name FROM legacy ORDER BY id;
        INSERT INTO change_entry (id, change_step_id, scenario_id, indicator_code, year, series, old_value, new_value, derived, justification, detail)
          SELECT id, id, scenario_id, indicator_code, year, series, old_value, new_value, derived, justification, detail FROM legacy ORDER BY id;
        DROP TABLE legacy;
        DROP TRIGGER change_log_no_update;
        DROP TRIGGER change_log_no_delete;
        DROP TABLE change_log;

        -- The log as one table for readers (the app and any SQLite tool): one row per cell, in
        -- the order written (id: the entry's id × 65536 + the cell's place in it).
        CREATE VIEW change_log AS
          SELECT (e.id << 16) + coalesce(c.key, 0) AS id, s.at AS at, s.user AS user, s.action AS action, s.kind AS kind,
                 CASE WHEN c.key IS NULL THEN e.derived ELSE json_extract(c.value, '$[3]') END AS derived,
                 s.undo_step_id AS step_id, e.scenario_id AS scenario_id,
                 coalesce(e.scenario_name, CASE WHEN e.scenario_id = s.scenario_id THEN s.scenario_name END) AS scenario_name,
                 e.indicator_code AS indicator_code,
                 CASE WHEN c.key IS NULL THEN e.year ELSE json_extract(c.value, '$[0]') END AS year,
                 e.series AS series,
                 CASE WHEN c.key IS NULL THEN e.old_value ELSE json_extract(c.value, '$[1]') END AS old_value,
                 CASE WHEN c.key IS NULL THEN e.new_value ELSE json_extract(c.value, '$[2]') END AS new_value,
                 e.justification AS justification, e.detail AS detail
          FROM change_entry e JOIN change_step s ON s.id = e.change_step_id
          LEFT JOIN json_each(e.cells) c;
        CREATE TRIGGER change_log_no_insert INSTEAD OF INSERT ON change_log
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only, written by the app through change_step and change_entry'); END;
        CREATE TRIGGER change_log_no_update INSTEAD OF UPDATE ON change_log
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
        CREATE TRIGGER change_log_no_delete INSTEAD OF DELETE ON change_log
          BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;

        -- Each step's changes, packed (electron/workbook/history.ts); replaces one JSON row image per cell.
        ALTER TABLE undo_step ADD COLUMN changes TEXT NOT NULL DEFAULT '';
        -- Never read; the formula a planner chooses per indicator now lives in capaian_setting.
        ALTER TABLE indicator DROP COLUMN capaian_formula;

        -- When the revision is made (ISO date): years realised by then are history, not targets to
        -- move; the annex shows the realisations published by then. And the capaian band scale.
        ALTER TABLE plan ADD COLUMN revision_date TEXT;
        ALTER TABLE plan ADD COLUMN capaian_bands TEXT NOT NULL DEFAULT 'permendagri_86_2017'
          CHECK (capaian_bands IN ('permendagri_86_2017', 'lakip'));
        -- Whose target a reference is: only one at the workbook's own level (kabupaten) is a
        -- finding; a national or provincial one is context.
        ALTER TABLE reference_target ADD COLUMN scope TEXT NOT NULL DEFAULT 'kabupaten'
          CHECK (scope IN ('nasional', 'provinsi', 'kabupaten'));
        UPDATE reference_target SET scope = 'provinsi' WHERE kind = 'annual_change' AND label = 'Gubernur Sumsel';
        -- BPS marks provisional figures (angka sementara, "12,32*"): kept as the value's status.
        ALTER TABLE value ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1));
        -- The capaian formula chosen for an indicator (none: the polarity's default).
        CREATE TABLE capaian_setting (
          indicator_id INTEGER PRIMARY KEY REFERENCES indicator(id) ON DELETE CASCADE,
          formula TEXT NOT NULL CHECK (formula IN ('higher', 'lower_a', 'lower_b'))
        );
        -- A change of method from a year on (IPM from 2023; two extreme-poverty series): values
        -- before and after are not comparable (tidak sebanding).
        CREATE TABLE method_break (
          indicator_code TEXT NOT NULL,
          year INTEGER NOT NULL,
          note TEXT NOT NULL,
          PRIMARY KEY (indicator_code, year)
        ) WITHOUT ROWID;
        -- PDRB per kapita joins the standard indicators (after economic growth), in files that
        -- carry the standard set. FROZEN literal: the standard list may change later.
        INSERT INTO indicator (code, name_id, name_en, unit, polarity, decimals, grp, definition, sort_order, min_value, max_value)
          SELECT 'PDRBK', 'PDRB per Kapita (ADHB)', 'GRDP per capita (current prices)', 'juta Rp', 'higher', 2, 'makro',
                 'Produk domestik regional bruto atas dasar harga berlaku dibagi jumlah penduduk pertengahan tahun.',
                 (SELECT sort_order + 5 FROM indicator WHERE code = 'PE'), 0, NULL
          WHERE EXISTS (SELECT 1 FROM indicator WHERE code = 'PE') AND NOT EXISTS (SELECT 1 FROM indicator WHERE code = 'PDRBK');
      `);
      // FROZEN copy of the v4 packed form and of the tracked tables' keys: history.ts may change
      // later; this conversion must not.
      const keysOf: Record<string, readonly string[]> = {
        scenario: ['id'],
        scenario_target: ['scenario_id', 'indicator_id', 'year'],
        justification: ['scenario_id', 'indicator_id'],
        reference_target: ['id'],
        shock_year: ['year'],
        value: ['indicator_id', 'year', 'series'],
      };
      const steps = db.prepare('SELECT id FROM undo_step ORDER BY id').pluck().all() as number[];
      const rowsOf = db.prepare('SELECT tbl, before, after FROM undo_row WHERE step_id = ? ORDER BY seq');
      const save = db.prepare('UPDATE undo_step SET changes = ? WHERE id = ?');
      for (const id of steps) {
        const heads: [string, string[], string[]][] = [];
        const index = new Map<string, number>();
        const packed: [number, unknown[], unknown[] | null, unknown[] | null][] = [];
        for (const r of rowsOf.all(id) as { tbl: string; before: string | null; after: string | null }[]) {
          const keys = keysOf[r.tbl];
          if (!keys) continue;
          const before = r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>);
          const after = r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>);
          const image = (after ?? before)!;
          const others = Object.keys(image).filter((k) => !keys.includes(k) && k !== 'capaian_formula');
          const signature = `${r.tbl}:${others.join(',')}`;
          let at = index.get(signature);
          if (at === undefined) {
            index.set(signature, (at = heads.length));
            heads.push([r.tbl, [...keys], others]);
          }
          const pick = (row: Record<string, unknown> | null) => (row ? others.map((k) => row[k] ?? null) : null);
          packed.push([at, keys.map((k) => image[k]), pick(before), pick(after)]);
        }
        save.run(JSON.stringify({ t: heads, r: packed }), id);
      }
      db.exec('DROP TABLE undo_row;');
    },
  },
  {
    version: 5,
    description: 'annex in the Raperda form: document header on the plan, Perangkat Daerah per indicator, the person behind each change',
    up(db) {
      db.exec(`
        -- The Raperda annex header: "Lampiran Rancangan Peraturan Daerah … Nomor <number> Tahun
        -- <year> tentang Perubahan atas <amended_regulation>". NULL: not yet set (the annex shows
        -- a blank to fill, never an invented number).
        ALTER TABLE plan ADD COLUMN annex_document_number TEXT;
        ALTER TABLE plan ADD COLUMN annex_document_year INTEGER CHECK (annex_document_year IS NULL OR annex_document_year BETWEEN 1945 AND 2100);
        ALTER TABLE plan ADD COLUMN amended_regulation TEXT;
        -- The Perangkat Daerah (regional agency) answerable for an indicator; NULL: not set.
        ALTER TABLE indicator ADD COLUMN responsible_unit TEXT;
        -- The person who made a change (asked once per user, kept in the user's profile): name,
        -- NIP and jabatan. NULL on steps written before v5 or before the person was given;
        -- change_step.user stays the operating-system account.
        ALTER TABLE change_step ADD COLUMN person_name TEXT;
        ALTER TABLE change_step ADD COLUMN person_nip TEXT;
        ALTER TABLE change_step ADD COLUMN person_title TEXT;
      `);
    },
  },
  {
    version: 6,
    description: 'standard errors: a value series "se" (the sampling error BPS publishes with a Susenas estimate)',
    up(db) {
      // SQLite cannot change a CHECK in place: the table is rebuilt with the same columns and the
      // series list grown by 'se' (sqlite.org/lang_altertable.html). The old table is renamed
      // away first, so the new one is created under its own name (its schema SQL reads
      // "CREATE TABLE value (", as in a file made before). Nothing references value, and no
      // trigger or view reads it.
      db.exec(`
        ALTER TABLE value RENAME TO value_v5;
        CREATE TABLE value (
          indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          series TEXT NOT NULL CHECK (series IN ('baseline', 'original_target', 'realisation', 'projection', 'se')),
          value REAL NOT NULL,
          source TEXT NOT NULL DEFAULT '',
          illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
          provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
          PRIMARY KEY (indicator_id, year, series)
        ) WITHOUT ROWID;
        INSERT INTO value (indicator_id, year, series, value, source, illustrative, provisional)
          SELECT indicator_id, year, series, value, source, illustrative, provisional FROM value_v5;
        DROP TABLE value_v5;
      `);
    },
  },
  {
    version: 7,
    description: 'programmes (multiple interventions) per year, the average size of a poor household, and the RPKD/RPD horizon after the plan period',
    up(db) {
      db.exec(`
        -- The last year targets, programmes and references may reach (RPKD 2021–2026, RPD
        -- 2024–2026); NULL: the plan's last year. The RPJMD annex keeps the plan's years.
        -- Its relation to last_year (at most 10 years after) is checked by the editor and at open, not
        -- here: a CHECK across columns would make a later change of the plan's years fail opaquely.
        ALTER TABLE plan ADD COLUMN horizon_year INTEGER CHECK (horizon_year IS NULL OR horizon_year BETWEEN 1945 AND 2110);
        -- Average number of people in a poor household (BPS Susenas), with its source: turns a
        -- programme's households into people and its benefit per household into one per person.
        ALTER TABLE plan ADD COLUMN poor_household_size REAL CHECK (poor_household_size IS NULL OR (poor_household_size >= 1 AND poor_household_size <= 20));
        ALTER TABLE plan ADD COLUMN poor_household_size_source TEXT;
        -- A poverty programme (bantuan sosial, pemberdayaan, usaha mikro, layanan dasar), the
        -- Inpres 4/2022 strategy it serves and the Perangkat Daerah that runs it.
        CREATE TABLE programme (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          cluster TEXT NOT NULL CHECK (cluster IN ('bantuan_sosial', 'pemberdayaan', 'usaha_mikro', 'layanan_dasar')),
          strategy TEXT NOT NULL CHECK (strategy IN ('beban_pengeluaran', 'pendapatan', 'kantong_kemiskinan')),
          agency TEXT NOT NULL DEFAULT '',
          benefit_kind TEXT NOT NULL DEFAULT 'transfer' CHECK (benefit_kind IN ('transfer', 'income')),
          source TEXT NOT NULL DEFAULT '',
          illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1))
        );
        -- A programme's reach in one year: households, benefit (or income effect) per household
        -- per month in rupiah, targeting accuracy (% of recipients who are poor), budget in rupiah.
        CREATE TABLE programme_year (
          programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
          year INTEGER NOT NULL,
          households REAL NOT NULL CHECK (households >= 0),
          benefit REAL NOT NULL CHECK (benefit >= 0),
          accuracy REAL NOT NULL CHECK (accuracy >= 0 AND accuracy <= 100),
          budget REAL CHECK (budget IS NULL OR budget >= 0),
          source TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (programme_id, year)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 8,
    description: "evaluation notes (catatan evaluasi) from the governor's team, per indicator and year, with the regency's follow-up",
    up(db) {
      db.exec(`
        -- A note of the province's evaluation team on an indicator (and a year; NULL: the
        -- indicator as a whole), imported from the evaluation workbook (electron/annex/
        -- review-workbook.ts), and the regency's follow-up (tindak lanjut). The limits are
        -- literal (FROZEN); shared/review.ts REVIEW_LIMITS states them for the app, and the open-time
        -- check in store.ts names a row that breaks them. seen_target: the revised target the
        -- evaluator saw (Target Perubahan of the evaluation workbook).
        CREATE TABLE review_note (
          id INTEGER PRIMARY KEY,
          indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          year INTEGER,
          note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
          evaluator TEXT NOT NULL CHECK (length(evaluator) BETWEEN 1 AND 120),
          review_date TEXT NOT NULL,
          seen_target REAL,
          scenario_name TEXT,
          source_file TEXT NOT NULL,
          imported_at TEXT NOT NULL,
          response TEXT NOT NULL DEFAULT '' CHECK (length(response) <= 2000),
          status TEXT NOT NULL DEFAULT 'belum' CHECK (status IN ('belum', 'ditindaklanjuti')),
          responded_at TEXT,
          responded_by TEXT
        );
      `);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
