/**
 * The migration machinery: pending steps run in one transaction after a backup copy, and each
 * migration is tested on a file seeded as the version before it left it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../electron/workbook/migrations.js';
import { Workbook } from '../../electron/workbook/store.js';
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

/** A stand-in second migration, to exercise the machinery on data a v1 file holds. */
const v2: Migration = {
  version: 2,
  description: 'test: per-indicator responsible agency, filled from the group',
  up(db) {
    db.exec("ALTER TABLE indicator ADD COLUMN agency TEXT NOT NULL DEFAULT ''");
    db.exec("UPDATE indicator SET agency = CASE grp WHEN 'kemiskinan' THEN 'Dinas Sosial' ELSE 'Bappeda' END");
  },
};

const brokenV2: Migration = {
  version: 2,
  description: 'test: fails half-way',
  up(db) {
    db.exec('CREATE TABLE half_done (x INTEGER)');
    throw new Error('migration 2 failed on purpose');
  },
};

async function seededV1(dir: string): Promise<string> {
  const file = path.join(dir, 'v1.rpjmd');
  const wb = await Workbook.create(file, {
    plan: TEST_PLAN,
    values: [{ indicatorCode: 'P0', year: 2020, series: 'realisation', value: 12.32, source: 'BPS', illustrative: false }],
  }, { migrations: [v1] });
  wb.close();
  return file;
}

describe('migration machinery (v1 → v2 with seeded v1 data)', () => {
  it('runs pending migrations on open, keeps the data, and leaves a readable v1 backup', async () => {
    const dir = tempDir();
    const file = await seededV1(dir);
    const v1Bytes = sha256(file);

    const wb = await Workbook.open(file, { migrations: [v1, v2] });
    expect(wb.schemaVersion).toBe(2);
    expect(wb.values().map((v) => v.value)).toEqual([12.32]);
    wb.close();

    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT agency FROM indicator WHERE code = 'P0'").get()).toEqual({ agency: 'Dinas Sosial' });
    expect(db.prepare("SELECT agency FROM indicator WHERE code = 'PE'").get()).toEqual({ agency: 'Bappeda' });
    db.close();

    const backup = listing(dir).find((n) => n.startsWith('v1.rpjmd.v1-backup-'));
    expect(backup).toBeDefined();
    // The backup is a consistent copy of the v1 file (backup API, not a byte copy of a live file).
    const restored = await Workbook.open(path.join(dir, backup!), { migrations: [v1] });
    expect(restored.schemaVersion).toBe(1);
    expect(restored.values().map((v) => v.value)).toEqual([12.32]);
    restored.close();
    expect(v1Bytes).not.toBe(sha256(file));
  });

  it('a failing migration rolls back whole: the file stays at v1 with no half-made tables', async () => {
    const dir = tempDir();
    const file = await seededV1(dir);
    await expect(Workbook.open(file, { migrations: [v1, brokenV2] })).rejects.toThrow(/failed on purpose/);
    expect(headerOf(file).userVersion).toBe(1);
    expect(tables(file)).not.toContain('half_done');
    const wb = await Workbook.open(file, { migrations: [v1] });
    expect(wb.values().map((v) => v.value)).toEqual([12.32]);
    wb.close();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('a file already at the latest version is opened without a backup', async () => {
    const dir = tempDir();
    const file = await seededV1(dir);
    (await Workbook.open(file, { migrations: [v1] })).close();
    expect(listing(dir)).toEqual(['v1.rpjmd']);
  });
});
