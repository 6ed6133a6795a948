import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/result.js';
import { LATEST_VERSION, Workbook } from '../../electron/workbook/store.js';
import { createScenario } from '../../electron/workbook/editors/scenarios.js';
import { STANDARD_INDICATORS } from '../../electron/workbook/standard-indicators.js';
import { listing, sha256, tempDir } from '../helpers/files.js';
import { APPLICATION_ID, corruptWorkbook, foreignSqlite, headerOf, newerWorkbook, TEST_PLAN, textFile } from '../helpers/fixtures.js';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected the open to be refused').toBeInstanceOf(AppError);
  return err as AppError;
}

describe('workbook store: create and reopen', () => {
  it('creates an SQLite file with our application_id, the latest schema and the standard indicators', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'baru.rpjmd');
    const wb = await Workbook.create(file, { plan: TEST_PLAN });
    const summary = wb.summary();
    wb.close();

    expect(headerOf(file)).toEqual({ applicationId: APPLICATION_ID, userVersion: LATEST_VERSION });
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(1);
    expect(summary.plan).toEqual(TEST_PLAN);
    expect(summary.indicators.map((i) => i.code)).toEqual(STANDARD_INDICATORS.map((i) => i.code));
    expect(summary.scenarios).toEqual([]);
    // Built beside the target and renamed: nothing else is left in the folder.
    expect(listing(dir)).toEqual(['baru.rpjmd']);

    const again = await Workbook.open(file);
    expect(again.summary()).toEqual(summary);
    expect(again.values()).toEqual([]);
    again.close();
  });

  it('keeps the file a single self-contained document: journal DELETE, synchronous FULL, foreign keys on', async () => {
    const dir = tempDir();
    const wb = await Workbook.create(path.join(dir, 'a.rpjmd'), { plan: TEST_PLAN });
    expect(wb.connectionSettings()).toEqual({ journalMode: 'delete', synchronous: 2, foreignKeys: true });
    wb.edit({ user: 'u' }, 'scenario.create', null, (tx) => tx.insert('scenario', { name: 'S1', created_at: 'now' }));
    // Rollback journal, not WAL: bytes 18–19 of the header are 1 (legacy) rather than 2 (WAL).
    const header = fs.readFileSync(path.join(dir, 'a.rpjmd')).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
    // No -wal or -journal beside it; only our lock while it is open.
    expect(listing(dir)).toEqual(['.a.rpjmd.lock', 'a.rpjmd']);
    wb.close();
    expect(listing(dir)).toEqual(['a.rpjmd']);
  });

  it('refuses to create over an existing file and leaves it as it was', async () => {
    const dir = tempDir();
    const file = textFile(dir);
    const before = sha256(file);
    const err = await refusal(Workbook.create(file, { plan: TEST_PLAN }));
    expect(err.code).toBe('already_exists');
    expect(sha256(file)).toBe(before);
  });

  it('rejects a plan whose years are out of order (schema CHECK)', async () => {
    const dir = tempDir();
    await expect(
      Workbook.create(path.join(dir, 'x.rpjmd'), { plan: { ...TEST_PLAN, baselineYear: 2019 } }),
    ).rejects.toThrow(/CHECK constraint/);
    expect(listing(dir)).toEqual([]);
  });

  it('keeps the change log append-only', async () => {
    const dir = tempDir();
    const wb = await Workbook.create(path.join(dir, 'log.rpjmd'), { plan: TEST_PLAN });
    wb.edit({ user: 'u' }, 'scenario.create', null, (tx) => tx.insert('scenario', { name: 'S', created_at: 'now' }));
    wb.close();
    // Even a connection of its own (any SQLite tool) cannot rewrite or drop an entry.
    const raw = new Database(path.join(dir, 'log.rpjmd'));
    try {
      expect(raw.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(1);
      expect(() => raw.prepare("UPDATE change_log SET user = 'x'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
      expect(() => raw.prepare("INSERT INTO change_log (at, user, action) VALUES ('t', 'x', 'scenario.create')").run()).toThrow(/append-only/);
      for (const table of ['change_step', 'change_entry']) {
        expect(() => raw.prepare(`UPDATE ${table} SET id = id`).run()).toThrow(/append-only/);
        expect(() => raw.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
      }
    } finally {
      raw.close();
    }
  });

  it('allows at most one usulan scenario', async () => {
    const dir = tempDir();
    const wb = await Workbook.create(path.join(dir, 's.rpjmd'), { plan: TEST_PLAN });
    wb.edit({ user: 'u' }, 'scenario.create', null, (tx) => tx.insert('scenario', { name: 'A', status: 'usulan', created_at: 'now' }));
    expect(() =>
      wb.edit({ user: 'u' }, 'scenario.create', null, (tx) => tx.insert('scenario', { name: 'B', status: 'usulan', created_at: 'now' })),
    ).toThrow(/UNIQUE/);
    wb.close();
  });
});

describe('workbook store: refusals leave the file byte-identical', () => {
  const cases: [string, (dir: string) => string | Promise<string>, string, RegExp][] = [
    ['a text file', textFile, 'refused_not_workbook', /catatan\.rpjmd is not an RPJMD workbook: it is not an SQLite database/],
    ['an empty file', (d) => { const f = path.join(d, 'kosong.rpjmd'); fs.writeFileSync(f, ''); return f; }, 'refused_not_workbook', /the file is empty/],
    ['a foreign SQLite file', foreignSqlite, 'refused_foreign', /another application \(application_id 0x00000000\)/],
    ['a workbook from a newer version', (d) => newerWorkbook(d, 9), 'refused_newer', new RegExp(`schema version 9.*reads up to schema version ${LATEST_VERSION}\\.`)],
    ['a damaged workbook', corruptWorkbook, 'refused_corrupt', /quick_check/],
  ];

  for (const [label, make, code, message] of cases) {
    it(`refuses ${label}`, async () => {
      const dir = tempDir();
      const file = await make(dir);
      const before = sha256(file);
      const names = listing(dir);

      const err = await refusal(Workbook.open(file));
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect(sha256(file)).toBe(before);
      expect(listing(dir)).toEqual(names);
    });
  }

  it('says when the file does not exist', async () => {
    const err = await refusal(Workbook.open(path.join(tempDir(), 'tidak-ada.rpjmd')));
    expect(err.code).toBe('not_found');
  });
});

describe('workbook store: one writer per file', () => {
  it('a second open for writing is refused with who holds it; read-only is offered and refuses writes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.rpjmd');
    const first = await Workbook.create(file, { plan: TEST_PLAN });
    const err = await refusal(Workbook.open(file));
    expect(err.code).toBe('locked');
    expect(err.message).toMatch(new RegExp(`already open in another window or process \\(process ${process.pid} on `));

    const reader = await Workbook.open(file, { readOnly: true });
    expect(reader.readOnly).toBe(true);
    expect(reader.summary().plan).toEqual(TEST_PLAN);
    expect(() => reader.edit({ user: 'u' }, 'scenario.create', null, (tx) => tx.insert('scenario', { name: 'x', created_at: 'now' }))).toThrow(/read-only/);
    expect(() => createScenario(reader, { user: 'u' }, 'S', '', { kind: 'empty' })).toThrow(/read-only/);
    reader.close();

    // The first writer keeps working; closing it frees the file.
    first.edit({ user: 'u' }, 'scenario.create', null, (tx) => tx.insert('scenario', { name: 'S1', created_at: 'now' }));
    first.close();
    const again = await Workbook.open(file);
    expect(again.scenarios().map((s) => s.name)).toEqual(['S1']);
    again.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.rpjmd');
    (await Workbook.create(file, { plan: TEST_PLAN })).close();
    fs.writeFileSync(path.join(dir, '.a.rpjmd.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: 'x' }));
    const wb = await Workbook.open(file);
    expect(wb.readOnly).toBe(false);
    wb.close();
  });

  it('respects a lock held from another computer (network share)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.rpjmd');
    (await Workbook.create(file, { plan: TEST_PLAN })).close();
    fs.writeFileSync(path.join(dir, '.a.rpjmd.lock'), JSON.stringify({ pid: 1, host: 'PC-BAPPEDA-07', since: '2021-08-23' }));
    const err = await refusal(Workbook.open(file));
    expect(err.code).toBe('locked');
    expect(err.message).toContain('PC-BAPPEDA-07');
  });
});

describe('workbook store: after a crash mid-write', () => {
  it('opens a file left with a hot journal, rolled back to the last commit', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.rpjmd');
    const wb = await Workbook.create(file, { plan: TEST_PLAN });
    createScenario(wb, { user: 'u' }, 'Tersimpan', '', { kind: 'empty' });
    wb.close();
    // A process that dies (SIGKILL) inside a large write transaction, after SQLite spilled pages
    // to the file: what a power cut during Save leaves behind.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(file)});
      db.pragma('cache_size = 2');
      db.exec('BEGIN');
      const ins = db.prepare("INSERT INTO change_step (at, user, action, scenario_name) VALUES ('t', 'u', 'x', ?)");
      for (let i = 0; i < 3000; i++) ins.run('x'.repeat(500));
      process.kill(process.pid, 'SIGKILL');`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: process.cwd() });
    expect(run.signal).toBe('SIGKILL');
    expect(fs.statSync(`${file}-journal`).size).toBeGreaterThan(0);

    const reopened = await Workbook.open(file);
    expect(reopened.scenarios().map((s) => s.name)).toEqual(['Tersimpan']);
    expect(reopened.reads.changeLog(undefined, 10).map((e) => e.action)).toEqual(['scenario.create']);
    reopened.close();
    expect(fs.existsSync(`${file}-journal`)).toBe(false);
  });
});

describe('workbook store: Save As', () => {
  it('copies the open workbook with the backup API, leaves the original intact and continues on the copy', async () => {
    const dir = tempDir();
    const original = path.join(dir, 'asli.rpjmd');
    const wb = await Workbook.create(original, {
      plan: TEST_PLAN,
      values: [{ indicatorCode: 'P0', year: 2020, series: 'realisation', value: 12.32, source: 'BPS', illustrative: false }],
    });
    const before = sha256(original);

    const target = path.join(dir, 'salinan', 'revisi.rpjmd');
    const copy = await wb.saveAs(target);
    expect(copy.path).toBe(target);
    const p0 = copy.indicators().find((i) => i.code === 'P0')!;
    expect(copy.values()).toEqual([{ indicatorId: p0.id, year: 2020, series: 'realisation', value: 12.32, source: 'BPS', illustrative: false, provisional: false }]);
    expect(headerOf(target)).toEqual({ applicationId: APPLICATION_ID, userVersion: LATEST_VERSION });
    expect(sha256(original)).toBe(before);
    expect(listing(path.join(dir, 'salinan'))).toEqual(['.revisi.rpjmd.lock', 'revisi.rpjmd']);
    // The original is no longer held.
    expect(listing(dir)).toEqual(['asli.rpjmd', 'salinan']);

    // Writes now go to the copy, not the original.
    copy.edit({ user: 'u' }, 'scenario.create', null, (tx) => tx.insert('scenario', { name: 'Perubahan', created_at: 'now' }));
    expect(sha256(original)).toBe(before);
    copy.close();
    const reopened = await Workbook.open(target);
    expect(reopened.scenarios().map((s) => s.name)).toEqual(['Perubahan']);
    reopened.close();
  });

  it('refuses to overwrite an existing file unless asked, then replaces it whole', async () => {
    const dir = tempDir();
    const wb = await Workbook.create(path.join(dir, 'a.rpjmd'), { plan: TEST_PLAN });
    const existing = textFile(dir);
    const before = sha256(existing);
    const err = await refusal(wb.saveAs(existing));
    expect(err.code).toBe('already_exists');
    expect(sha256(existing)).toBe(before);

    const copy = await wb.saveAs(existing, true);
    expect(headerOf(existing).applicationId).toBe(APPLICATION_ID);
    expect(copy.plan()).toEqual(TEST_PLAN);
    copy.close();
  });

  it('refuses Save As onto the open file itself', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.rpjmd');
    const wb = await Workbook.create(file, { plan: TEST_PLAN });
    const err = await refusal(wb.saveAs(file, true));
    expect(err.code).toBe('bad_input');
    expect(wb.plan()).toEqual(TEST_PLAN);
    wb.close();
  });

  it('the copy is consistent even with another connection holding the original open', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.rpjmd');
    const wb = await Workbook.create(file, { plan: TEST_PLAN });
    const reader = new Database(file, { readonly: true });
    const copy = await wb.saveAs(path.join(dir, 'b.rpjmd'));
    expect(reader.prepare('SELECT count(*) AS n FROM indicator').get()).toEqual({ n: STANDARD_INDICATORS.length });
    expect(copy.indicators()).toHaveLength(STANDARD_INDICATORS.length);
    reader.close();
    copy.close();
  });
});
