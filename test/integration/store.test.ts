import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/api/result.js';
import { LATEST_VERSION, Workbook } from '../../electron/workbook/store.js';
import { createScenario } from '../../electron/workbook/editors/scenarios.js';
import { STANDARD_INDICATORS } from '../../electron/workbook/standard-indicators.js';
import { listing, sha256, tempDir } from '../helpers/files.js';
import { APPLICATION_ID, corruptWorkbook, foreignSqlite, headerOf, newerWorkbook, TEST_PLAN, textFile } from '../helpers/fixtures.js';

const serveEntry = path.resolve('dist/node/serve.mjs');

/** Every write into `dir` (files, folders, links, renames) fails as on a read-only medium. */
function readOnlyFolder(dir: string): void {
  const inside = (p: unknown) => typeof p === 'string' && path.resolve(p).startsWith(path.resolve(dir) + path.sep);
  const erofs = (p: string) => Object.assign(new Error(`EROFS: read-only file system, open '${p}'`), { code: 'EROFS', errno: -30, syscall: 'open', path: p });
  const guard = <K extends 'openSync' | 'writeFileSync' | 'mkdirSync' | 'linkSync' | 'renameSync'>(name: K, writes: (...args: unknown[]) => string | null) => {
    const real = fs[name] as (...args: unknown[]) => unknown;
    vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
      const target = writes(...args);
      if (target !== null && inside(target)) throw erofs(target);
      return real.apply(fs, args);
    }) as never);
  };
  guard('openSync', (p, flags) => (typeof flags === 'string' && /[wa+]/.test(flags) ? String(p) : null));
  guard('writeFileSync', (p) => String(p));
  guard('mkdirSync', (p) => (fs.existsSync(String(p)) ? null : String(p)));
  guard('linkSync', (_from, to) => String(to));
  guard('renameSync', (_from, to) => String(to));
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A process killed (SIGKILL) inside a large write to `file`, after SQLite spilled pages to it: a hot journal stays beside. */
function killMidWrite(file: string): void {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('cache_size = 2');
    db.exec('BEGIN');
    db.exec("UPDATE scenario SET name = 'Setengah', description = '${'y'.repeat(50)}'; UPDATE plan SET region = 'Setengah'; UPDATE indicator SET name_en = name_en || ' setengah'");
    const ins = db.prepare("INSERT INTO change_step (at, user, action, scenario_name) VALUES ('t', 'u', 'x', ?)");
    for (let i = 0; i < 3000; i++) ins.run('x'.repeat(500));
    process.kill(process.pid, 'SIGKILL');`;
  expect(spawnSync(process.execPath, ['-e', script], { cwd: process.cwd() }).signal).toBe('SIGKILL');
  expect(fs.statSync(`${file}-journal`).size).toBeGreaterThan(0);
}

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
    // A dangling symlink holds the name too.
    const dangling = path.join(dir, 'hilang.rpjmd');
    fs.symlinkSync(path.join(dir, 'tidak-ada'), dangling);
    expect((await refusal(Workbook.create(dangling, { plan: TEST_PLAN }))).code).toBe('already_exists');
    expect(listing(dir)).toEqual(['catatan.rpjmd', 'hilang.rpjmd']);
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

  it('a symlink or a hard link to an open workbook (in another folder too) is refused as locked; read-only is still offered', async () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    const file = path.join(dir, 'a.rpjmd');
    const first = await Workbook.create(file, { plan: TEST_PLAN });
    const symlink = path.join(elsewhere, 'pintasan.rpjmd');
    const hardLink = path.join(elsewhere, 'tautan.rpjmd');
    const sameFolderLink = path.join(dir, 'b.rpjmd');
    fs.symlinkSync(file, symlink);
    fs.linkSync(file, hardLink);
    fs.linkSync(file, sameFolderLink);
    for (const other of [symlink, hardLink, sameFolderLink]) {
      const err = await refusal(Workbook.open(other));
      expect(err.code, other).toBe('locked');
      expect(err.message).toMatch(new RegExp(`already open in another window or process \\(process ${process.pid} on `));
    }
    // The lock beside the file is named after the file itself, never after a link.
    expect(listing(dir)).toEqual(['.a.rpjmd.lock', 'a.rpjmd', 'b.rpjmd']);
    expect(listing(elsewhere)).toEqual(['pintasan.rpjmd', 'tautan.rpjmd']);

    const reader = await Workbook.open(symlink, { readOnly: true });
    expect(reader.plan()).toEqual(TEST_PLAN);
    reader.close();

    // Closed, the file opens through a link, and then the original name is the one refused.
    first.close();
    const viaLink = await Workbook.open(hardLink);
    expect((await refusal(Workbook.open(file))).code).toBe('locked');
    expect((await refusal(Workbook.open(symlink))).code).toBe('locked');
    viaLink.close();
    const again = await Workbook.open(file);
    again.close();
    expect(listing(dir)).toEqual(['a.rpjmd', 'b.rpjmd']);
  });

  it('a workbook renamed while it is open is still held under its new name', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.rpjmd');
    const first = await Workbook.create(file, { plan: TEST_PLAN });
    const renamed = path.join(dir, 'b.rpjmd');
    fs.renameSync(file, renamed);
    expect((await refusal(Workbook.open(renamed))).code).toBe('locked');
    first.close();
    const again = await Workbook.open(renamed);
    again.close();
    expect(listing(dir)).toEqual(['b.rpjmd']);
  });

  it('a second process opening the workbook through a symlink or a hard link is refused, and no byte changes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dipakai.rpjmd');
    const first = await Workbook.create(file, { plan: TEST_PLAN });
    const symlink = path.join(tempDir(), 'pintasan.rpjmd');
    const hardLink = path.join(tempDir(), 'tautan.rpjmd');
    fs.symlinkSync(file, symlink);
    fs.linkSync(file, hardLink);
    const before = sha256(file);
    for (const other of [symlink, hardLink]) {
      const run = spawnSync(process.execPath, [serveEntry, '--workbook', other, '--port', '0'], {
        encoding: 'utf8',
        timeout: 15_000,
        env: { ...process.env, RPJMD_WORKBENCH_HOME: tempDir() },
      });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/is already open in another window or process/);
      expect(sha256(file)).toBe(before);
    }
    createScenario(first, { user: 'u' }, 'Perubahan', '', { kind: 'empty' });
    first.close();
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

  it('refuses to overwrite an existing workbook unless asked, then replaces it whole', async () => {
    const dir = tempDir();
    const wb = await Workbook.create(path.join(dir, 'a.rpjmd'), { plan: TEST_PLAN });
    const existing = path.join(dir, 'lama.rpjmd');
    (await Workbook.create(existing, { plan: { ...TEST_PLAN, region: 'Kabupaten Lama' } })).close();
    const before = sha256(existing);
    const err = await refusal(wb.saveAs(existing));
    expect(err.code).toBe('already_exists');
    expect(err.message).toBe('lama.rpjmd already exists');
    expect(sha256(existing)).toBe(before);

    const copy = await wb.saveAs(existing, true);
    expect(headerOf(existing).applicationId).toBe(APPLICATION_ID);
    expect(copy.plan()).toEqual(TEST_PLAN);
    copy.close();
  });

  it('never replaces a file that is not a workbook of this app, even when asked; it stays untouched', async () => {
    const dir = tempDir();
    const wb = await Workbook.create(path.join(dir, 'a.rpjmd'), { plan: TEST_PLAN });
    const text = textFile(dir);
    const foreign = foreignSqlite(dir);
    const folder = path.join(dir, 'map.rpjmd');
    fs.mkdirSync(folder);
    const empty = path.join(dir, 'kosong.rpjmd');
    fs.writeFileSync(empty, '');
    const unreadable = path.join(dir, 'rahasia.rpjmd');
    fs.writeFileSync(unreadable, 'x');
    fs.chmodSync(unreadable, 0o000);
    const symlinkToText = path.join(dir, 'pintasan.rpjmd');
    fs.symlinkSync(text, symlinkToText);
    const digests = new Map([text, foreign, empty].map((f) => [f, sha256(f)]));
    const names = listing(dir);

    for (const target of [text, foreign, folder, empty, unreadable, symlinkToText]) {
      // Without overwrite: it exists, as the user's own dialog showed.
      const plain = await refusal(wb.saveAs(target));
      expect(plain.code, target).toBe('already_exists');
      expect(plain.message).toBe(`${path.basename(target)} already exists`);
      // Asked to overwrite: refused, with the same words whatever the file is.
      const asked = await refusal(wb.saveAs(target, true));
      expect(asked.code, target).toBe('already_exists');
      expect(asked.message).toBe(`${path.basename(target)} cannot be replaced: it is not a workbook of this app`);
      expect(asked.params).toEqual({ file: path.basename(target), reason: 'not_a_workbook' });
      expect(asked.field).toBe('path');
    }
    for (const [f, digest] of digests) expect(sha256(f)).toBe(digest);
    expect(fs.lstatSync(symlinkToText).isSymbolicLink()).toBe(true);
    expect(listing(dir)).toEqual(names);
    // The workbook stays open and writable.
    wb.edit({ user: 'u' }, 'scenario.create', null, (tx) => tx.insert('scenario', { name: 'S', created_at: 'now' }));
    wb.close();
  });

  it('a stale hot journal never rolls into a new file: Save As over a workbook a crash left mid-write, create where such a workbook was deleted', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'twin.rpjmd');
    const wb0 = await Workbook.create(target, { plan: TEST_PLAN });
    createScenario(wb0, { user: 'u' }, 'Lama', '', { kind: 'empty' });
    wb0.close();
    killMidWrite(target);

    const wb = await Workbook.create(path.join(dir, 'a.rpjmd'), { plan: { ...TEST_PLAN, region: 'Kabupaten Baru' } });
    createScenario(wb, { user: 'u' }, 'Baru', '', { kind: 'empty' });
    const copy = await wb.saveAs(target, true);
    expect(copy.plan().region).toBe('Kabupaten Baru');
    expect(copy.scenarios().map((s) => s.name)).toEqual(['Baru']);
    copy.close();
    expect(fs.existsSync(`${target}-journal`)).toBe(false);
    const again = await Workbook.open(target);
    expect(again.scenarios().map((s) => s.name)).toEqual(['Baru']);
    again.close();

    // A journal whose workbook was deleted does not roll into a new workbook of that name.
    killMidWrite(target);
    fs.rmSync(target);
    const fresh = await Workbook.create(target, { plan: { ...TEST_PLAN, region: 'Kabupaten Segar' } });
    expect(fresh.plan().region).toBe('Kabupaten Segar');
    fresh.close();
    expect(fs.existsSync(`${target}-journal`)).toBe(false);
  });

  it('refuses Save As onto the open file under another name (a symlink, a hard link)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.rpjmd');
    const wb = await Workbook.create(file, { plan: TEST_PLAN });
    const symlink = path.join(dir, 'pintasan.rpjmd');
    const hardLink = path.join(dir, 'tautan.rpjmd');
    fs.symlinkSync(file, symlink);
    fs.linkSync(file, hardLink);
    const before = sha256(file);
    for (const target of [symlink, hardLink]) {
      const err = await refusal(wb.saveAs(target, true));
      expect(err.code).toBe('bad_input');
      expect(err.message).toMatch(/needs a different file than the open one/);
    }
    expect(sha256(file)).toBe(before);
    wb.close();
  });

  it('keeps the mode of the workbook it replaces (0600 stays 0600); a copy is never more open than its original', async () => {
    const dir = tempDir();
    const wb = await Workbook.create(path.join(dir, 'a.rpjmd'), { plan: TEST_PLAN });
    const privateFile = path.join(dir, 'pribadi.rpjmd');
    (await Workbook.create(privateFile, { plan: TEST_PLAN })).close();
    fs.chmodSync(privateFile, 0o600);
    const group = path.join(dir, 'bersama.rpjmd');
    (await Workbook.create(group, { plan: TEST_PLAN })).close();
    fs.chmodSync(group, 0o640);

    const copy = await wb.saveAs(privateFile, true);
    expect(fs.statSync(privateFile).mode & 0o777).toBe(0o600);
    const copy2 = await copy.saveAs(group, true);
    expect(fs.statSync(group).mode & 0o777).toBe(0o640);
    copy2.close();

    // Saved from a 0600 workbook to a new name: 0600 too.
    const source = await Workbook.open(privateFile);
    await (await source.saveAs(path.join(dir, 'baru.rpjmd'))).close();
    expect(fs.statSync(path.join(dir, 'baru.rpjmd')).mode & 0o777).toBe(0o600);
  });

  it('a read-only folder is said in words, with params to translate, and nothing is written', async () => {
    const dir = tempDir();
    const wb = await Workbook.create(path.join(dir, 'a.rpjmd'), { plan: TEST_PLAN });
    const locked = tempDir();
    const existing = path.join(locked, 'lama.rpjmd');
    (await Workbook.create(existing, { plan: TEST_PLAN })).close();
    const before = sha256(existing);
    readOnlyFolder(locked);

    for (const [target, overwrite] of [[path.join(locked, 'baru.rpjmd'), false], [existing, true]] as const) {
      const err = await refusal(wb.saveAs(target, overwrite));
      expect(err.code).toBe('io_error');
      expect(err.message).toBe(`Could not save ${path.basename(target)}: the folder ${locked} is read-only`);
      expect(err.params).toMatchObject({ file: path.basename(target), folder: locked, reason: 'read_only_folder' });
    }
    const created = await refusal(Workbook.create(path.join(locked, 'dibuat.rpjmd'), { plan: TEST_PLAN }));
    expect(created).toMatchObject({ code: 'io_error', params: { reason: 'read_only_folder', folder: locked } });
    expect(created.message).toMatch(/^Could not create dibuat\.rpjmd: the folder .* is read-only$/);
    // Opening for editing needs its lock file beside it: read-only is offered.
    const opened = await refusal(Workbook.open(existing));
    expect(opened).toMatchObject({ code: 'io_error', params: { reason: 'read_only_folder' } });
    expect(opened.message).toMatch(/is read-only; open it read-only to read it$/);
    const reader = await Workbook.open(existing, { readOnly: true });
    reader.close();

    vi.restoreAllMocks();
    expect(sha256(existing)).toBe(before);
    expect(listing(locked)).toEqual(['lama.rpjmd']);
    wb.edit({ user: 'u' }, 'scenario.create', null, (tx) => tx.insert('scenario', { name: 'S', created_at: 'now' }));
    wb.close();
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a folder this user may not write in (EACCES) says so too', async () => {
    const dir = tempDir();
    const wb = await Workbook.create(path.join(dir, 'a.rpjmd'), { plan: TEST_PLAN });
    const locked = tempDir();
    fs.chmodSync(locked, 0o555);
    try {
      const err = await refusal(wb.saveAs(path.join(locked, 'baru.rpjmd')));
      expect(err).toMatchObject({ code: 'io_error', params: { reason: 'read_only_folder' } });
      expect(err.message).toMatch(/the folder .* is read-only for this user/);
    } finally {
      fs.chmodSync(locked, 0o755);
      wb.close();
    }
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
