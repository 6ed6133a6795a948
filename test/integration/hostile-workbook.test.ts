/**
 * A workbook travels by e-mail and USB: a file that passes the header checks may still carry a
 * schema of its own. It is refused before anything runs over it, and left byte-identical.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/result.js';
import { createServices } from '../../electron/services/index.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { Workbook } from '../../electron/workbook/store.js';
import { LATEST_VERSION } from '../../electron/workbook/migrations.js';
import { listing, sha256, tempDir } from '../helpers/files.js';

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
    expect(wb.schemaVersion).toBe(LATEST_VERSION);
    wb.close();
  });
});

describe('a workbook whose rows would shape unbounded work', () => {
  /** Refused at open (for writing and read-only) within seconds, naming why, and left byte-identical with nothing beside it. */
  async function refusedUntouched(file: string, reason: RegExp): Promise<AppError> {
    const before = sha256(file);
    const names = listing(path.dirname(file));
    const started = Date.now();
    const err = await refusal(file);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err.code).toBe('refused_corrupt');
    expect(err.message).toMatch(reason);
    expect(err.message).toMatch(/it was not opened and is unchanged/);
    expect((await refusal(file, true)).message).toMatch(reason);
    expect(sha256(file)).toBe(before);
    expect(listing(path.dirname(file))).toEqual(names);
    return err;
  }

  it('refuses plan years of ±100 000 000 (they pass the table\'s own CHECK) at open, within seconds, naming them', async () => {
    const file = await craftedDemo('UPDATE plan SET baseline_year = -100000000, first_year = -99999999, last_year = 100000000;');
    const err = await refusedUntouched(file, /its plan years \(baseline -100000000, targets -99999999–100000000\) are not a plan period \(years 1945–2100.*at most 25 years/);
    expect(err.params).toMatchObject({ file: 'crafted.rpjmd' });
  });

  it('refuses a plan spanning more than 25 years, years outside 1945–2100, and years that are not whole numbers', async () => {
    await refusedUntouched(await craftedDemo('UPDATE plan SET last_year = first_year + 26;'), /plan years \(baseline 2017, targets 2018–2044\)/);
    await refusedUntouched(await craftedDemo('UPDATE plan SET baseline_year = 1900;'), /plan years \(baseline 1900,/);
    await refusedUntouched(await craftedDemo('UPDATE plan SET baseline_year = -9223372036854775808;'), /plan years \(baseline -9223372036854776000,/);
    await refusedUntouched(await craftedDemo("UPDATE plan SET last_year = 2023.5;"), /plan years \(baseline 2017, targets 2018–2023\.5\)/);
    await refusedUntouched(await craftedDemo("PRAGMA ignore_check_constraints = ON; UPDATE plan SET first_year = '2018a';"), /plan years \(baseline 2017, targets 2018a–2023\)/);
  });

  it('refuses a file without its plan row', async () => {
    await refusedUntouched(await craftedDemo('DELETE FROM plan;'), /it has no plan row/);
  });

  it('refuses indicator decimals outside 0–6 and ranges that are not two finite numbers in order, naming the indicator', async () => {
    await refusedUntouched(await craftedDemo("PRAGMA ignore_check_constraints = ON; UPDATE indicator SET decimals = 1000000 WHERE code = 'P0';"), /indicator P0 \(decimals 1000000,/);
    await refusedUntouched(await craftedDemo("PRAGMA ignore_check_constraints = ON; UPDATE indicator SET decimals = 2.5 WHERE code = 'P0';"), /indicator P0 \(decimals 2\.5/);
    await refusedUntouched(await craftedDemo("UPDATE indicator SET min_value = 50, max_value = 10 WHERE code = 'P0';"), /indicator P0 \(decimals 2, range 50…10\)/);
    await refusedUntouched(await craftedDemo("UPDATE indicator SET max_value = 9e999 WHERE code = 'P0';"), /indicator P0 .*range that is not two finite numbers/);
    await refusedUntouched(await craftedDemo("UPDATE indicator SET min_value = 'nol' WHERE code = 'P0';"), /indicator P0/);
    await refusedUntouched(await craftedDemo("PRAGMA ignore_check_constraints = ON; UPDATE indicator SET polarity = 'sideways' WHERE code = 'P0';"), /unknown polarity/);
  });

  it('refuses text far longer than the app writes (a 10 MB justification would make every change-log read hundreds of MB), naming the column', async () => {
    await refusedUntouched(
      await craftedDemo("INSERT INTO scenario (id, name, created_at) VALUES (900, 'Uji', '2021-08-23'); INSERT INTO justification (scenario_id, indicator_id, text, updated_at) SELECT 900, min(id), hex(zeroblob(5000000)), '2021-08-23' FROM indicator;"),
      /a value in justification\.text is longer than 100,000 characters/,
    );
    // A column the app fills with numbers can hold text too; it is measured the same way.
    await refusedUntouched(await craftedDemo("UPDATE value SET source = hex(zeroblob(100000)) WHERE indicator_id = (SELECT min(indicator_id) FROM value);"), /value\.source/);
    // The undo steps' packed changes are the app's own long text (a large paste) and stay allowed.
    const file = await craftedDemo("INSERT INTO undo_step (scenario_id, label, at, changes) VALUES (NULL, 'x', '2021-08-23', hex(zeroblob(100000)));");
    (await Workbook.open(file, { readOnly: true })).close();
  });

  it('is refused the same way through the services (browser host, CLI and desktop open alike), keeping the open workbook', async () => {
    const file = await craftedDemo('UPDATE plan SET baseline_year = -100000000, first_year = -99999999, last_year = 100000000;');
    const before = sha256(file);
    const services = createServices({ dataDir: tempDir(), host: 'browser', appVersion: '0.0.0-test' });
    try {
      await services.dispatch('workbook.openDemo', {});
      const refused = await services.dispatch('workbook.open', { path: file });
      expect(refused).toMatchObject({ ok: false, code: 'refused_corrupt', params: { file: 'crafted.rpjmd' } });
      expect(!refused.ok && refused.message).toMatch(/plan years/);
      expect(await services.dispatch('workbook.current', {})).toMatchObject({ ok: true, value: { fileName: 'muara-enim-demo.rpjmd' } });
    } finally {
      await services.close();
    }
    expect(sha256(file)).toBe(before);
  });
});
