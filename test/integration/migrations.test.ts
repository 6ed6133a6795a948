/**
 * The migration machinery: pending steps run in one transaction after a backup copy, and each
 * migration is tested on a file seeded as the version before it left it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../electron/workbook/migrations.js';
import { runMigrations, Workbook } from '../../electron/workbook/store.js';
import { listing, sha256, tempDir } from '../helpers/files.js';
import { APPLICATION_ID, headerOf, TEST_PLAN } from '../helpers/fixtures.js';

const v1 = MIGRATIONS.find((m) => m.version === 1)!;

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
    expect(wb.references().map((r) => [r.indicatorCode, r.label])).toEqual([
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
    expect(wb.references().map((r) => r.label)).toEqual(['Inpres 4/2022']);
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
    expect(wb.values().map((v) => v.value)).toEqual([12.32]);
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
    expect(restored.values().map((v) => v.value)).toEqual([12.32]);
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
    expect(wb.values().map((v) => v.value)).toEqual([12.32]);
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
