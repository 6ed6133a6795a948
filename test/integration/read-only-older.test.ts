/**
 * A workbook an older version made, opened read-only (the province reading its regencies'
 * files, issue 18): upgraded in memory, never on disk — the file stays byte-identical, no backup
 * copy or lock appears beside it, and it reads like a current one; writes are refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/result.js';
import { MIGRATIONS, LATEST_VERSION } from '../../electron/workbook/migrations.js';
import { readProvinceFolder } from '../../electron/services/province.js';
import { Workbook } from '../../electron/workbook/store.js';
import { TEST_PLAN } from '../helpers/fixtures.js';
import { sha256, tempDir } from '../helpers/files.js';

async function olderWorkbook(dir: string, version: number): Promise<string> {
  const file = path.join(dir, `v${version}.rpjmd`);
  const wb = await Workbook.create(file, { plan: TEST_PLAN }, { migrations: MIGRATIONS.filter((m) => m.version <= version) });
  wb.close();
  // A realisation and a population the province reads (P0 12,00 % of 100.000 people: JPM 12.000).
  const db = new Database(file);
  const id = (code: string) => db.prepare('SELECT id FROM indicator WHERE code = ?').pluck().get(code) as number;
  const add = db.prepare("INSERT INTO value (indicator_id, year, series, value, source) VALUES (?, ?, 'realisation', ?, 'BPS')");
  add.run(id('P0'), TEST_PLAN.firstYear, 12);
  add.run(id('JPM'), TEST_PLAN.firstYear, 12_000);
  db.close();
  return file;
}

describe('read-only open of an older workbook', () => {
  it('is upgraded in memory: reads as current, writes refused, the file and its folder untouched', async () => {
    const dir = tempDir();
    const file = await olderWorkbook(dir, LATEST_VERSION - 1);
    const before = sha256(file);
    const listing = fs.readdirSync(dir).sort();

    const wb = await Workbook.open(file, { readOnly: true });
    expect(wb.readOnly).toBe(true);
    expect(wb.schemaVersion).toBe(LATEST_VERSION);
    expect(wb.plan().region).toBe(TEST_PLAN.region);
    expect(wb.reads.reviewNotes()).toEqual([]);
    expect(() => wb.requireWritable()).toThrow(AppError);
    wb.close();

    expect(sha256(file)).toBe(before);
    // No migration backup, no lock file, no journal left beside it.
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });

  it('is read by the province with its population from the rate ↔ count pair', async () => {
    const dir = tempDir();
    const file = await olderWorkbook(dir, LATEST_VERSION - 1);
    const before = sha256(file);
    const report = await readProvinceFolder(dir);
    expect(report.excluded).toEqual([]);
    expect(report.regions).toHaveLength(1);
    // 12.000 ÷ 12,00 % = 100.000.
    expect(report.regions[0]!.population[String(TEST_PLAN.firstYear)]).toBe(100_000);
    expect(report.aggregate.p0[String(TEST_PLAN.firstYear)]).toBe(12);
    expect(sha256(file)).toBe(before);
  });
});
