/**
 * The migration machinery: pending steps run in one transaction after a backup copy, and each
 * migration is tested on a file seeded as the version before it left it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/workbook/migrations.js';
import { runMigrations, Workbook } from '../../electron/workbook/store.js';
import { listing, sha256, tempDir } from '../helpers/files.js';
import { APPLICATION_ID, headerOf, TEST_PLAN } from '../helpers/fixtures.js';

const v1 = MIGRATIONS.find((m) => m.version === 1)!;

/** Rows of `sql` read from the file on a connection of its own (the app's reads know only the latest schema). */
function rows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).raw().all();
  } finally {
    db.close();
  }
}

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  db.close();
  return names;
}

describe('migration 1 (from an empty v0 workbook shell)', () => {
  it('creates every table of the schema and moves user_version to 1, keeping a v0 backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v0.rpjmd');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
    expect(headerOf(file)).toEqual({ applicationId: APPLICATION_ID, userVersion: 0 });

    const wb = await Workbook.open(file, { migrations: [v1] });
    wb.close();
    expect(headerOf(file)).toEqual({ applicationId: APPLICATION_ID, userVersion: 1 });
    expect(tables(file)).toEqual(['change_log', 'indicator', 'justification', 'plan', 'scenario', 'scenario_target', 'value']);
    const backups = listing(dir).filter((n) => n.startsWith('v0.rpjmd.v0-backup-'));
    expect(backups).toHaveLength(1);
    expect(headerOf(path.join(dir, backups[0]!)).userVersion).toBe(0);
  });
});

const v2 = MIGRATIONS.find((m) => m.version === 2)!;

describe('migration 2 (undo history, rate/count origin, capaian formula) on a seeded v1 workbook', () => {
  it('keeps v1 targets and justifications, marks existing targets as entered, and adds the undo tables', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v1-data.rpjmd');
    // A file as v1 of the app wrote it: v1 schema, v1-shaped rows.
    const seed = new Database(file);
    runMigrations(seed, [v1]);
    seed.exec(`
      INSERT INTO plan VALUES (1, 'Kabupaten Uji', 'Sumatera Selatan', 2017, 2018, 2023, '2021-01-01');
      INSERT INTO indicator (code, name_id, name_en, unit, polarity, decimals, grp, definition, sort_order)
        VALUES ('P0', 'Persentase Penduduk Miskin', 'Poverty rate', '%', 'lower', 2, 'kemiskinan', '', 10),
               ('PE', 'Pertumbuhan Ekonomi', 'Economic growth', '%', 'higher', 2, 'makro', '', 20);
      INSERT INTO scenario (id, name, status, created_at) VALUES (1, 'Perubahan 2021', 'usulan', '2021-03-17');
      INSERT INTO scenario_target (scenario_id, indicator_id, year, value)
        SELECT 1, id, 2021, 12.6 FROM indicator WHERE code = 'P0';
      INSERT INTO justification (scenario_id, indicator_id, text, updated_at)
        SELECT 1, id, 'Dampak COVID-19', '2021-03-17' FROM indicator WHERE code = 'P0';
    `);
    seed.close();

    const wb = await Workbook.open(file, { migrations: [v1, v2] });
    expect(wb.schemaVersion).toBe(2);
    wb.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT year, value, origin FROM scenario_target').all()).toEqual([{ year: 2021, value: 12.6, origin: 'entered' }]);
    expect(db.prepare('SELECT text FROM justification').all()).toEqual([{ text: 'Dampak COVID-19' }]);
    expect(db.prepare("SELECT capaian_formula, min_value, max_value FROM indicator WHERE code = 'P0'").get())
      .toEqual({ capaian_formula: null, min_value: 0, max_value: 100 });
    expect(db.prepare("SELECT min_value, max_value FROM indicator WHERE code = 'PE'").get()).toEqual({ min_value: -100, max_value: 100 });
    expect(db.prepare('SELECT count(*) AS n FROM undo_step').get()).toEqual({ n: 0 });
    db.close();
    expect(tables(file)).toEqual(expect.arrayContaining(['undo_step', 'undo_row']));
  });
});

const v3 = MIGRATIONS.find((m) => m.version === 3)!;

describe('migration 3 (reference targets and shock years) on a seeded v2 workbook', () => {
  it('adds the references that apply to the plan province, with sources, and the COVID shock years', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v2-sumsel.rpjmd');
    (await Workbook.create(file, { plan: TEST_PLAN }, { migrations: [v1, v2] })).close();
    expect(tables(file)).not.toContain('reference_target');

    const wb = await Workbook.open(file, { migrations: [v1, v2, v3] });
    expect(wb.schemaVersion).toBe(3);
    expect(rows(file, 'SELECT indicator_code, label FROM reference_target ORDER BY indicator_code, year, id')).toEqual([
      ['P0', 'Gubernur Sumsel'],
      ['P0', 'Gubernur Sumsel'],
      ['P0E', 'Inpres 4/2022'],
    ]);
    expect(wb.shockYears()).toEqual([{ year: 2020, reason: 'Pandemi COVID-19' }, { year: 2021, reason: 'Pandemi COVID-19' }]);
    wb.close();
  });

  it('a plan outside Sumatera Selatan gets only the national reference', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v2-jabar.rpjmd');
    (await Workbook.create(file, { plan: { ...TEST_PLAN, province: 'Jawa Barat' } }, { migrations: [v1, v2] })).close();
    const wb = await Workbook.open(file, { migrations: [v1, v2, v3] });
    expect(rows(file, 'SELECT label FROM reference_target')).toEqual([['Inpres 4/2022']]);
    wb.close();
  });
});

/** A stand-in next migration, to exercise the machinery on data a v2 file holds. */
const next: Migration = {
  version: 4,
  description: 'test: per-indicator responsible agency, filled from the group',
  up(db) {
    db.exec("ALTER TABLE indicator ADD COLUMN agency TEXT NOT NULL DEFAULT ''");
    db.exec("UPDATE indicator SET agency = CASE grp WHEN 'kemiskinan' THEN 'Dinas Sosial' ELSE 'Bappeda' END");
  },
};

const brokenNext: Migration = {
  version: 4,
  description: 'test: fails half-way',
  up(db) {
    db.exec('CREATE TABLE half_done (x INTEGER)');
    throw new Error('migration 4 failed on purpose');
  },
};

async function seededV3(dir: string): Promise<string> {
  const file = path.join(dir, 'v3.rpjmd');
  const wb = await Workbook.create(file, {
    plan: TEST_PLAN,
    values: [{ indicatorCode: 'P0', year: 2020, series: 'realisation', value: 12.32, source: 'BPS', illustrative: false }],
  }, { migrations: [v1, v2, v3] });
  wb.close();
  return file;
}

describe('migration machinery (latest → a test v4 with seeded data)', () => {
  it('runs pending migrations on open, keeps the data, and leaves a readable backup of the older version', async () => {
    const dir = tempDir();
    const file = await seededV3(dir);
    const oldBytes = sha256(file);

    const wb = await Workbook.open(file, { migrations: [v1, v2, v3, next] });
    expect(wb.schemaVersion).toBe(4);
    expect(rows(file, 'SELECT value FROM value')).toEqual([[12.32]]);
    wb.close();

    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT agency FROM indicator WHERE code = 'P0'").get()).toEqual({ agency: 'Dinas Sosial' });
    expect(db.prepare("SELECT agency FROM indicator WHERE code = 'PE'").get()).toEqual({ agency: 'Bappeda' });
    db.close();

    const backup = listing(dir).find((n) => n.startsWith('v3.rpjmd.v3-backup-'));
    expect(backup).toBeDefined();
    // The backup is a consistent copy of the older file (backup API, not a byte copy of a live file).
    const restored = await Workbook.open(path.join(dir, backup!), { migrations: [v1, v2, v3] });
    expect(restored.schemaVersion).toBe(3);
    expect(rows(path.join(dir, backup!), 'SELECT value FROM value')).toEqual([[12.32]]);
    restored.close();
    expect(oldBytes).not.toBe(sha256(file));
  });

  it('a failing migration rolls back whole: the file stays at its version with no half-made tables', async () => {
    const dir = tempDir();
    const file = await seededV3(dir);
    await expect(Workbook.open(file, { migrations: [v1, v2, v3, brokenNext] })).rejects.toThrow(/failed on purpose/);
    expect(headerOf(file).userVersion).toBe(3);
    expect(tables(file)).not.toContain('half_done');
    const wb = await Workbook.open(file, { migrations: [v1, v2, v3] });
    expect(rows(file, 'SELECT value FROM value')).toEqual([[12.32]]);
    wb.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('a file already at the latest version is opened without a backup', async () => {
    const dir = tempDir();
    const file = await seededV3(dir);
    (await Workbook.open(file, { migrations: [v1, v2, v3] })).close();
    expect(listing(dir)).toEqual(['v3.rpjmd']);
  });
});

describe('migration 4 (compact undo, change-log kind/derived/step) on a v3 workbook with history', () => {
  it('packs the v3 undo rows so undo and redo still reach the edits made before the upgrade, and rewords legacy log actions', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'v3-history.rpjmd');
    // A file as v3 of the app left it: a paste of P0 2021–2022 (one step, JSON row images per
    // cell, with its derived JPM), and change-log actions in the v3 spelling.
    const seed = new Database(file);
    runMigrations(seed, MIGRATIONS.filter((m) => m.version <= 3));
    seed.exec(`
      INSERT INTO plan VALUES (1, 'Kabupaten Uji', 'Sumatera Selatan', 2017, 2018, 2023, '2021-01-01');
      INSERT INTO indicator (id, code, name_id, name_en, unit, polarity, decimals, grp, definition, sort_order, min_value, max_value)
        VALUES (1, 'P0', 'Persentase Penduduk Miskin', 'Poverty rate', '%', 'lower', 2, 'kemiskinan', '', 10, 0, 100),
               (2, 'JPM', 'Jumlah Penduduk Miskin', 'Number of poor people', 'jiwa', 'lower', 0, 'kemiskinan', '', 20, 0, NULL);
      INSERT INTO scenario (id, name, status, created_at) VALUES (1, 'Perubahan 2021', 'draft', '2021-03-17');
      INSERT INTO scenario_target VALUES (1, 1, 2021, 12.6, 'entered'), (1, 1, 2022, 12.1, 'entered'), (1, 2, 2021, 81000, 'derived');
      INSERT INTO undo_step (id, label, scenario_id, at, state) VALUES (1, 'target.paste', 1, '2021-03-18', 'done');
      INSERT INTO undo_row VALUES
        (1, 0, 'scenario_target', '{"scenario_id":1,"indicator_id":1,"year":2021}',
            '{"scenario_id":1,"indicator_id":1,"year":2021,"value":11.3,"origin":"entered"}', '{"scenario_id":1,"indicator_id":1,"year":2021,"value":12.6,"origin":"entered"}'),
        (1, 1, 'scenario_target', '{"scenario_id":1,"indicator_id":1,"year":2022}',
            NULL, '{"scenario_id":1,"indicator_id":1,"year":2022,"value":12.1,"origin":"entered"}'),
        (1, 2, 'scenario_target', '{"scenario_id":1,"indicator_id":2,"year":2021}',
            NULL, '{"scenario_id":1,"indicator_id":2,"year":2021,"value":81000,"origin":"derived"}');
      INSERT INTO change_log (at, user, action, scenario_id, scenario_name, indicator_code, year, series, old_value, new_value) VALUES
        ('2021-03-18', 'perencana', 'target.paste', 1, 'Perubahan 2021', 'P0', 2021, 'revised_target', 11.3, 12.6),
        ('2021-03-18', 'perencana', 'target.paste:derived', 1, 'Perubahan 2021', 'JPM', 2021, 'revised_target', NULL, 81000),
        ('2021-03-18', 'perencana', 'import', NULL, NULL, 'P0', 2020, 'realisation', NULL, 12.32);
      INSERT INTO change_log (at, user, action, scenario_id, detail) VALUES ('2021-03-19', 'perencana', 'undo', 1, 'target.edit');
      INSERT INTO change_log (at, user, action, scenario_id, indicator_code, year, old_value, new_value) VALUES
        ('2021-03-19', 'perencana', 'undo:target.edit', 1, 'P0', 2023, 10.2, 10.5);
    `);
    seed.close();

    const wb = await Workbook.open(file);
    expect(wb.schemaVersion).toBe(LATEST_VERSION);
    const actor = { user: 'perencana' };
    const targets = () => wb.reads.targets(1).targets.map((t) => [t.indicatorId, t.year, t.value, t.origin]);
    expect(wb.reads.history()).toMatchObject({ canUndo: true, undoLabel: 'target.paste' });
    expect(wb.undo(actor)).toEqual({ label: 'target.paste', scenarioId: 1 });
    expect(targets()).toEqual([[1, 2021, 11.3, 'entered']]);
    expect(wb.redo(actor)).toEqual({ label: 'target.paste', scenarioId: 1 });
    expect(targets()).toEqual([[1, 2021, 12.6, 'entered'], [1, 2022, 12.1, 'entered'], [2, 2021, 81000, 'derived']]);

    const log = wb.reads.changeLog(undefined, 100).reverse();
    // Legacy spellings became kind/derived columns under a ChangeAction.
    expect(log.slice(0, 5).map((e) => [e.action, e.kind, e.derived, e.detail])).toEqual([
      ['target.paste', 'do', false, null],
      ['target.paste', 'do', true, null],
      ['import.apply', 'do', false, null],
      ['target.edit', 'undo', false, null],
      ['target.edit', 'undo', false, null],
    ]);
    // The undo and redo made after the upgrade are logged cell by cell, with their step.
    expect(log.slice(5).map((e) => [e.action, e.kind, e.indicatorCode, e.year, e.oldValue, e.newValue, e.derived, e.stepId])).toEqual([
      ['target.paste', 'undo', 'JPM', 2021, 81000, null, true, 1],
      ['target.paste', 'undo', 'P0', 2022, 12.1, null, false, 1],
      ['target.paste', 'undo', 'P0', 2021, 12.6, 11.3, false, 1],
      ['target.paste', 'redo', 'P0', 2021, 11.3, 12.6, false, 1],
      ['target.paste', 'redo', 'P0', 2022, null, 12.1, false, 1],
      ['target.paste', 'redo', 'JPM', 2021, null, 81000, true, 1],
    ]);
    wb.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'undo_row'").pluck().get()).toBe(0);
    expect((raw.prepare('PRAGMA table_info(indicator)').all() as { name: string }[]).map((c) => c.name)).not.toContain('capaian_formula');
    raw.close();
  });
});
