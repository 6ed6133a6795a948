/**
 * A workbook travels by e-mail and USB: a file that passes the header checks may still carry a
 * schema of its own. It is refused before anything runs over it, and left byte-identical.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/result.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { Workbook } from '../../electron/workbook/store.js';
import { sha256, tempDir } from '../helpers/files.js';

async function craftedDemo(sql: string): Promise<string> {
  const file = path.join(tempDir(), 'crafted.rpjmd');
  (await createDemoWorkbook(file)).close();
  const db = new Database(file);
  db.exec(sql);
  db.close();
  return file;
}

async function refusal(file: string, readOnly = false): Promise<AppError> {
  try {
    (await Workbook.open(file, { readOnly })).close();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('opened a crafted workbook');
}

describe('a workbook whose schema is not the one this app makes', () => {
  it('refuses a trigger that rewrites every target typed, naming it, and leaves the file as it was', async () => {
    const file = await craftedDemo(`CREATE TRIGGER rewrite AFTER INSERT ON scenario_target BEGIN UPDATE scenario_target SET value = 42 WHERE rowid = new.rowid; END;`);
    const before = sha256(file);
    const err = await refusal(file);
    expect(err.code).toBe('refused_corrupt');
    expect(err.message).toMatch(/schema differs \(unexpected trigger rewrite\)/);
    expect(sha256(file)).toBe(before);
    // Read-only too: nothing of the file runs before it is checked.
    expect((await refusal(file, true)).code).toBe('refused_corrupt');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a file whose change log lost its append-only guard', async () => {
    const file = await craftedDemo('DROP TRIGGER change_entry_no_update;');
    expect((await refusal(file)).message).toMatch(/missing trigger change_entry_no_update/);
  });

  it('refuses a table replaced by a view (a recursive one would hang every read)', async () => {
    const file = await craftedDemo(`
      DROP TABLE shock_year;
      CREATE VIEW shock_year AS WITH RECURSIVE n(year, reason) AS (SELECT 1, 'x' UNION ALL SELECT year + 1, 'x' FROM n) SELECT * FROM n;`);
    const err = await refusal(file);
    expect(err.message).toMatch(/unexpected view shock_year/);
    expect(err.message).toMatch(/missing table shock_year/);
  });

  it('opens a workbook as this app made it', async () => {
    const file = path.join(tempDir(), 'clean.rpjmd');
    (await createDemoWorkbook(file)).close();
    const wb = await Workbook.open(file);
    expect(wb.schemaVersion).toBe(4);
    wb.close();
  });
});
