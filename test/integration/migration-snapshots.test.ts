/**
 * Released migrations are frozen (docs/WORKBOOK-FORMAT.md): for each version N in MIGRATIONS this
 * runs migrations 1..N on an empty database and compares what they produce with the stored
 * snapshot test/fixtures/schema/vN.sql:
 *   - PRAGMA user_version and application_id;
 *   - the schema: every sqlite_schema row (type, name, tbl_name, sql verbatim), by type and name;
 *   - the data: every row of every table, (a) on an empty database, and (b) on a workbook that got
 *     the FIXTURES below, each written right after its migration, once per province (migration 3's
 *     references depend on it), so what a migration writes or rewrites is part of the snapshot.
 * A change in the output of a released migration fails this test. Do not "fix" it by editing the
 * snapshot: restore the migration and make the change in a new one.
 *
 * The fixtures are frozen like the migrations. A fixture written after migration K shows only in
 * the snapshots of versions above K, so to give a new migration M data to convert, add a fixture
 * with `after: M - 1`: no existing snapshot changes.
 *
 * A NEW migration (version N with no vN.sql yet) fails here until its snapshot is created with
 *   UPDATE_SCHEMA_SNAPSHOTS=1 npx vitest run test/integration/migration-snapshots.test.ts
 * which writes the snapshots that do not exist yet and NEVER overwrites an existing one. Review
 * the new file and commit it with the migration.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/workbook/migrations.js';
import { runMigrations } from '../../electron/workbook/store.js';

const SNAPSHOT_DIR = path.resolve(import.meta.dirname, '../fixtures/schema');
const UPDATE = process.env.UPDATE_SCHEMA_SNAPSHOTS === '1';

/** The provinces the fixture plan is put in: migration 3 seeds Sumatera Selatan's references. */
const PROVINCES = ['Sumatera Selatan', 'Jawa Barat'] as const;

const iso = (day: number, minute = 0) => `'2021-03-${String(day).padStart(2, '0')}T00:${String(minute).padStart(2, '0')}:00.000Z'`;

/**
 * Rows a v1 workbook holds: the standard indicator codes (migration 2 fills their ranges) and one
 * that is not standard, values, a proposal scenario with a target and justification, and change
 * log entries in the action forms the app wrote before v4.
 */
function fixtureAfterV1(province: string): string {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return `
    INSERT INTO plan VALUES (1, 'Kabupaten Uji', ${q(province)}, 2017, 2018, 2023, ${iso(1)});
    INSERT INTO indicator (id, code, name_id, name_en, unit, polarity, decimals, grp, definition, sort_order) VALUES
      (1, 'PE', 'Pertumbuhan Ekonomi', 'Economic growth', '%', 'higher', 2, 'makro', '', 10),
      (2, 'TPT', 'Tingkat Pengangguran Terbuka', 'Open unemployment rate', '%', 'lower', 2, 'makro', '', 20),
      (3, 'IPM', 'Indeks Pembangunan Manusia', 'Human Development Index', 'indeks', 'higher', 2, 'makro', '', 30),
      (4, 'GINI', 'Rasio Gini', 'Gini ratio', 'indeks', 'lower', 3, 'makro', '', 40),
      (5, 'POP', 'Jumlah Penduduk', 'Population', 'jiwa', 'neutral', 0, 'makro', '', 50),
      (6, 'P0', 'Persentase Penduduk Miskin', 'Poverty rate (P0)', '%', 'lower', 2, 'kemiskinan', '', 60),
      (7, 'JPM', 'Jumlah Penduduk Miskin', 'Number of poor people', 'jiwa', 'lower', 0, 'kemiskinan', '', 70),
      (8, 'P0E', 'Persentase Penduduk Miskin Ekstrem', 'Extreme poverty rate', '%', 'lower', 2, 'kemiskinan', '', 80),
      (9, 'JPME', 'Jumlah Penduduk Miskin Ekstrem', 'Number of people in extreme poverty', 'jiwa', 'lower', 0, 'kemiskinan', '', 90),
      (10, 'P1', 'Indeks Kedalaman Kemiskinan (P1)', 'Poverty gap index (P1)', 'indeks', 'lower', 2, 'kemiskinan', '', 100),
      (11, 'P2', 'Indeks Keparahan Kemiskinan (P2)', 'Poverty severity index (P2)', 'indeks', 'lower', 2, 'kemiskinan', '', 110),
      (12, 'GK', 'Garis Kemiskinan', 'Poverty line', 'Rp/kapita/bulan', 'neutral', 0, 'kemiskinan', '', 120),
      (13, 'LOKAL1', 'Indikator Lokal', 'Local indicator', 'unit', 'higher', 1, 'makro', 'bukan indikator standar', 130);
    INSERT INTO value (indicator_id, year, series, value, source, illustrative) VALUES
      (6, 2020, 'realisation', 12.32, 'BPS', 0),
      (6, 2021, 'original_target', 11.5, 'RPJMD 2018-2023', 0),
      (7, 2020, 'realisation', 95000, 'ilustrasi', 1);
    INSERT INTO scenario (id, name, description, status, created_at) VALUES (1, 'Perubahan 2021', '', 'usulan', ${iso(17)});
    INSERT INTO scenario_target (scenario_id, indicator_id, year, value) VALUES (1, 6, 2021, 12.6);
    INSERT INTO justification (scenario_id, indicator_id, text, updated_at) VALUES (1, 6, 'Dampak COVID-19', ${iso(17)});
    INSERT INTO change_log (id, at, user, action, scenario_id, scenario_name, indicator_code, year, series, old_value, new_value, justification, detail) VALUES
      (1, ${iso(17)}, 'perencana', 'target.edit', 1, 'Perubahan 2021', 'P0', 2021, NULL, NULL, 12.6, NULL, NULL),
      (2, ${iso(17)}, 'perencana', 'target.edit:derived', 1, 'Perubahan 2021', 'JPM', 2021, NULL, NULL, 98000, NULL, NULL),
      (3, ${iso(17, 1)}, 'perencana', 'undo', 1, 'Perubahan 2021', NULL, NULL, NULL, NULL, NULL, NULL, 'target.paste'),
      (4, ${iso(17, 1)}, 'perencana', 'undo:target.paste', 1, 'Perubahan 2021', 'P0', 2022, NULL, 12.1, NULL, NULL, NULL),
      (5, ${iso(17, 2)}, 'perencana', 'import', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'lampiran.xlsx'),
      (6, ${iso(17, 2)}, 'perencana', 'value.import', NULL, NULL, 'JPM', 2020, 'realisation', NULL, 95000, NULL, NULL);
  `;
}

/**
 * An undo history as the v2 and v3 app kept it (one JSON row image per changed row): step 1 done
 * (a typed target and its derived partner), step 2 undone (a justification, the redo stack).
 */
function fixtureAfterV2(): string {
  return `
    INSERT INTO scenario_target (scenario_id, indicator_id, year, value, origin) VALUES (1, 7, 2021, 98000, 'derived');
    INSERT INTO undo_step (id, label, scenario_id, at, state) VALUES
      (1, 'target.edit', 1, ${iso(18)}, 'done'),
      (2, 'justification.set', 1, ${iso(18, 1)}, 'undone');
    INSERT INTO undo_row (step_id, seq, tbl, row_key, before, after) VALUES
      (1, 0, 'scenario_target', '{"scenario_id":1,"indicator_id":6,"year":2021}',
        '{"scenario_id":1,"indicator_id":6,"year":2021,"value":12.9,"origin":"entered"}',
        '{"scenario_id":1,"indicator_id":6,"year":2021,"value":12.6,"origin":"entered"}'),
      (1, 1, 'scenario_target', '{"scenario_id":1,"indicator_id":7,"year":2021}',
        NULL,
        '{"scenario_id":1,"indicator_id":7,"year":2021,"value":98000,"origin":"derived"}'),
      (2, 0, 'justification', '{"scenario_id":1,"indicator_id":7}',
        NULL,
        '{"scenario_id":1,"indicator_id":7,"text":"Mengikuti P0","updated_at":"2021-03-18T00:01:00.000Z"}');
  `;
}

/** Written right after migration `after`, in this order; frozen (see the header). */
const FIXTURES: readonly { after: number; sql: (province: string) => string }[] = [
  { after: 1, sql: fixtureAfterV1 },
  { after: 2, sql: fixtureAfterV2 },
];

/** The fixtures that show in the snapshot of `version`: those written before its last migration. */
const fixturesFor = (version: number) => FIXTURES.filter((f) => f.after < version);

function upTo(version: number): Migration[] {
  return MIGRATIONS.filter((m) => m.version <= version);
}

/** Migrations 1..version on an empty in-memory database, with the fixtures that apply written between. */
function migrated(version: number, province: string | null): Database.Database {
  const db = new Database(':memory:');
  // As the app's connection: foreign keys on while migrations run (store.ts, applyDocumentPragmas).
  db.pragma('foreign_keys = ON');
  if (province !== null) {
    for (const f of fixturesFor(version)) {
      runMigrations(db, upTo(f.after));
      db.exec(f.sql(province));
    }
  }
  runMigrations(db, upTo(version));
  return db;
}

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function schemaOf(db: Database.Database): string {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as SchemaRow[];
  return rows
    .map((r) => `-- ${r.type} ${r.name} (tbl_name ${r.tbl_name})\n${r.sql === null ? '-- (no sql: made by SQLite)' : `${r.sql};`}`)
    .join('\n');
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every row of every table, as INSERTs with SQLite's own quote() literals (1 and 1.0 differ). */
function dataOf(db: Database.Database): string {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name);
  const out: string[] = [];
  for (const table of tables) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string }[]).map((c) => c.name);
    const literal = cols.map((c) => `quote(${ident(c)})`).join(` || ', ' || `);
    const order = cols.map(ident).join(', ');
    const rows = db.prepare(`SELECT ${literal} AS v FROM ${ident(table)} ORDER BY ${order}`).pluck().all() as string[];
    for (const v of rows) out.push(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${v});`);
  }
  return out.length ? out.join('\n') : '-- (no rows)';
}

/** The snapshot text of version N. */
function render(version: number): string {
  const empty = migrated(version, null);
  const parts = [
    `-- Output of workbook migrations 1..${version} (electron/workbook/migrations.ts).`,
    '-- Written by test/integration/migration-snapshots.test.ts; never edit by hand: released migrations are frozen.',
    `PRAGMA user_version = ${String(empty.pragma('user_version', { simple: true }))};`,
    `PRAGMA application_id = ${String(empty.pragma('application_id', { simple: true }))};`,
    '',
    '-- ===== schema (sqlite_schema by type, name) =====',
    schemaOf(empty),
    '',
    '-- ===== data: migrations on an empty database =====',
    dataOf(empty),
  ];
  const schema = schemaOf(empty);
  empty.close();
  const fixtures = fixturesFor(version);
  for (const province of fixtures.length ? PROVINCES : []) {
    const db = migrated(version, province);
    try {
      // The schema may not depend on the data a file holds.
      expect(schemaOf(db), `schema of v${version} with a plan in ${province}`).toBe(schema);
      const written = fixtures.map((f) => f.after).join(', ');
      parts.push('', `-- ===== data: plan in ${province}, fixtures written after migration(s) ${written}, then migrations up to ${version} =====`, dataOf(db));
    } finally {
      db.close();
    }
  }
  return `${parts.join('\n')}\n`;
}

const snapshotFile = (version: number) => path.join(SNAPSHOT_DIR, `v${version}.sql`);
const versions = [...MIGRATIONS].map((m) => m.version).sort((a, b) => a - b);

describe('released migrations are frozen: output of migrations 1..N equals test/fixtures/schema/vN.sql', () => {
  it('MIGRATIONS is numbered 1..LATEST_VERSION without gaps', () => {
    expect(versions).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });

  it.each(versions)('v%i', (version) => {
    const file = snapshotFile(version);
    const actual = render(version);
    if (!fs.existsSync(file)) {
      if (!UPDATE) {
        expect.fail(
          `No schema snapshot for migration ${version} (${path.relative(process.cwd(), file)}). If migration ${version} is new, create it with ` +
            'UPDATE_SCHEMA_SNAPSHOTS=1 npx vitest run test/integration/migration-snapshots.test.ts, review it and commit it.',
        );
      }
      fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
      // 'wx': create only; an existing snapshot is never overwritten, even by a concurrent run.
      fs.writeFileSync(file, actual, { flag: 'wx' });
    }
    const stored = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
    expect(actual, `migrations 1..${version} no longer produce ${path.basename(file)}: a released migration changed. Restore it and add a new migration instead.`).toBe(stored);
  });

  it('every stored snapshot belongs to a migration', () => {
    const stored = fs.existsSync(SNAPSHOT_DIR) ? fs.readdirSync(SNAPSHOT_DIR).filter((n) => /^v\d+\.sql$/.test(n)) : [];
    const known = new Set(versions.map((v) => `v${v}.sql`));
    expect(stored.filter((n) => !known.has(n))).toEqual([]);
  });
});
