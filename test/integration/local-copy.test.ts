/**
 * Workbooks on network shares and in cloud folders are edited through a local copy and saved
 * back whole: the original only ever changes by a rename, a crash loses nothing, and someone
 * else's change to the original is never overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../shared/api/dispatch.js';
import type { Result } from '../../shared/api/result.js';
import type { Indicator, SaveBackResult, Scenario, ScenarioTargets, WorkbookSummary } from '../../shared/domain.js';
import { createHandlers } from '../../electron/services/handlers.js';
import { localCopiesPath } from '../../electron/services/paths.js';
import { Session } from '../../electron/services/session.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { lockPathFor } from '../../electron/workbook/lock.js';
import type { LocationProbe } from '../../electron/workbook/location.js';
import { Workbook } from '../../electron/workbook/store.js';
import { createScenario } from '../../electron/workbook/editors/scenarios.js';
import { listing, sha256, tempDir } from '../helpers/files.js';

const open: Session[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.shutdown();
});

/** A session whose probe says `cloudRoot` is a OneDrive folder. */
function start(cloudRoot: string, dataDir = tempDir()) {
  const probe = (): LocationProbe => ({
    platform: 'linux',
    env: {},
    homedir: '/home/perencana',
    mounts: [],
    networkDrives: [],
    cloudRoots: [{ provider: 'OneDrive', root: cloudRoot }],
    remoteRoots: [],
  });
  const session = new Session({ dataDir, host: 'browser', appVersion: '0.0.0-test' }, probe);
  open.push(session);
  const dispatch = createDispatch(createHandlers(session), () => {});
  async function ok<T>(method: Parameters<typeof dispatch>[0], input: unknown = {}): Promise<T> {
    const r = (await dispatch(method, input)) as Result<T>;
    if (!r.ok) throw new Error(`${method}: ${r.code} ${r.message}`);
    return r.value;
  }
  return { session, dispatch, ok, dataDir };
}

async function demoIn(dir: string): Promise<string> {
  const file = path.join(dir, 'muara-enim.rpjmd');
  // Without the worked example: these tests edit the first scenario, which they create.
  (await createDemoWorkbook(file, {}, { empty: true })).close();
  return file;
}

/** P0 2021 of the first scenario, read straight from a file (read-only, so any lock is fine). */
async function p0Target(file: string): Promise<number | null> {
  const wb = await Workbook.open(file, { readOnly: true });
  try {
    const p0 = wb.indicators().find((i) => i.code === 'P0')!;
    const scenario = wb.scenarios()[0];
    if (!scenario) return null;
    const t = wb.reads.targets(scenario.id);
    return t.targets.find((c) => c.indicatorId === p0.id && c.year === 2021)?.value ?? null;
  } finally {
    wb.close();
  }
}

async function editP0(ok: ReturnType<typeof start>['ok'], value: number): Promise<void> {
  const summary = await ok<WorkbookSummary>('workbook.current');
  const p0 = summary.indicators.find((i: Indicator) => i.code === 'P0')!;
  const scenario = summary.scenarios[0] ?? (await ok<Scenario>('scenario.create', { name: 'Perubahan 2021', from: { kind: 'original' } }));
  await ok('targets.set', { scenarioId: scenario.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2021, value }] });
}

/** What a crash leaves: the process gone without closing, its lock naming a pid that no longer runs. */
function crash(session: Session, original: string): void {
  // Close the SQLite handle the way process exit would, without saving back or releasing.
  (session as unknown as { workbook: Workbook }).workbook.close();
  open.splice(open.indexOf(session), 1);
  const lock = lockPathFor(original);
  const owner = JSON.parse(fs.readFileSync(lock, 'utf8')) as { pid: number };
  fs.writeFileSync(lock, JSON.stringify({ ...owner, pid: 2 ** 22 + 12345 }));
}

describe('a workbook in a cloud folder', () => {
  it('is edited on a local copy; the original changes only when saved back, as one whole file', async () => {
    const cloud = tempDir('OneDrive-');
    const original = await demoIn(cloud);
    const { ok, dataDir } = start(cloud);
    const before = sha256(original);

    const summary = await ok<WorkbookSummary>('workbook.open', { path: original });
    expect(summary.path).toBe(original);
    expect(summary.location).toMatchObject({ kind: 'cloud', label: 'OneDrive', original, unsaved: false, recovered: null });
    const local = summary.location.kind === 'cloud' ? summary.location.localCopy : '';
    expect(local.startsWith(localCopiesPath(dataDir))).toBe(true);
    // Only our lock file appears beside the original: no journal ever touches the cloud folder.
    expect(listing(cloud)).toEqual(['.muara-enim.rpjmd.lock', 'muara-enim.rpjmd']);

    await editP0(ok, 12.6);
    expect(sha256(original)).toBe(before);
    expect(await ok<WorkbookSummary>('workbook.current')).toMatchObject({ location: { unsaved: true } });

    const saved = await ok<SaveBackResult>('workbook.saveBack');
    expect(saved).toMatchObject({ savedTo: original, conflict: false, summary: { location: { unsaved: false } } });
    expect(await p0Target(original)).toBe(12.6);
    expect(listing(cloud)).toEqual(['.muara-enim.rpjmd.lock', 'muara-enim.rpjmd']);
  });

  it('close saves back; the local copy and the lock are gone afterwards', async () => {
    const cloud = tempDir('OneDrive-');
    const original = await demoIn(cloud);
    const { ok, dataDir } = start(cloud);
    await ok('workbook.open', { path: original });
    await editP0(ok, 11.9);
    await ok('workbook.close');
    expect(await p0Target(original)).toBe(11.9);
    expect(listing(cloud)).toEqual(['muara-enim.rpjmd']);
    expect(fs.readdirSync(localCopiesPath(dataDir))).toEqual([]);
  });

  it('opening another file saves the cloud workbook back first', async () => {
    const cloud = tempDir('OneDrive-');
    const original = await demoIn(cloud);
    const other = await demoIn(tempDir());
    const { ok } = start(cloud);
    await ok('workbook.open', { path: original });
    await editP0(ok, 11.4);
    await ok('workbook.open', { path: other });
    expect(await p0Target(original)).toBe(11.4);
    expect(listing(cloud)).toEqual(['muara-enim.rpjmd']);
  });

  it('a second session gets "locked" and changes no bytes; read-only still opens', async () => {
    const cloud = tempDir('OneDrive-');
    const original = await demoIn(cloud);
    const first = start(cloud);
    await first.ok('workbook.open', { path: original });
    await editP0(first.ok, 12.1);
    const bytes = sha256(original);

    const second = start(cloud);
    expect(await second.dispatch('workbook.open', { path: original })).toMatchObject({ ok: false, code: 'locked' });
    expect(sha256(original)).toBe(bytes);
    const ro = await second.ok<WorkbookSummary>('workbook.open', { path: original, readOnly: true });
    expect(ro).toMatchObject({ readOnly: true, location: { kind: 'local' } });
    // The first keeps working.
    await editP0(first.ok, 12.2);
    expect(await first.ok<SaveBackResult>('workbook.saveBack')).toMatchObject({ conflict: false });
  });

  it('after a crash, opening the original again resumes the unsaved local edits', async () => {
    const cloud = tempDir('OneDrive-');
    const original = await demoIn(cloud);
    const dataDir = tempDir();
    const a = start(cloud, dataDir);
    await a.ok('workbook.open', { path: original });
    await editP0(a.ok, 10.5);
    crash(a.session, original);

    const b = start(cloud, dataDir);
    const summary = await b.ok<WorkbookSummary>('workbook.open', { path: original });
    expect(summary.location).toMatchObject({ recovered: 'resumed', unsaved: true });
    const targets = await b.ok<ScenarioTargets>('scenario.targets', { scenarioId: summary.scenarios[0]!.id });
    const p0 = summary.indicators.find((i) => i.code === 'P0')!;
    expect(targets.targets.find((c) => c.indicatorId === p0.id && c.year === 2021)?.value).toBe(10.5);
  });

  it('when both the crashed copy and the original changed, the copy is kept aside and named', async () => {
    const cloud = tempDir('OneDrive-');
    const original = await demoIn(cloud);
    const dataDir = tempDir();
    const a = start(cloud, dataDir);
    await a.ok('workbook.open', { path: original });
    await editP0(a.ok, 10.5);
    crash(a.session, original);
    // Another PC's edit arrives through the sync client.
    fs.rmSync(lockPathFor(original));
    const other = await Workbook.open(original);
    createScenario(other, { user: 'lain' }, 'Dari PC lain', '', { kind: 'original' });
    other.close();
    const theirs = sha256(original);

    const b = start(cloud, dataDir);
    const summary = await b.ok<WorkbookSummary>('workbook.open', { path: original });
    expect(summary.location).toMatchObject({ recovered: 'conflict', unsaved: false });
    expect(summary.scenarios.map((s) => s.name)).toEqual(['Dari PC lain']);
    const aside = summary.location.kind === 'cloud' ? summary.location.conflictCopy : null;
    expect(aside).toMatch(/muara-enim\.konflik-\d{8}-\d{4}\.rpjmd$/);
    expect(await p0Target(aside!)).toBe(10.5);
    expect(sha256(original)).toBe(theirs);
  });

  it('a save back that finds the original changed by someone else writes ours beside it', async () => {
    const cloud = tempDir('OneDrive-');
    const original = await demoIn(cloud);
    const { ok } = start(cloud);
    await ok('workbook.open', { path: original });
    await editP0(ok, 9.9);
    // The sync client replaces the file with another PC's version (it ignores our lock).
    const elsewhere = await demoIn(tempDir());
    fs.copyFileSync(elsewhere, original);
    const theirs = sha256(original);

    const saved = await ok<SaveBackResult>('workbook.saveBack');
    expect(saved.conflict).toBe(true);
    expect(path.dirname(saved.savedTo)).toBe(cloud);
    expect(saved.savedTo).not.toBe(original);
    expect(sha256(original)).toBe(theirs);
    expect(await p0Target(saved.savedTo)).toBe(9.9);
  });

  it('a failed save back keeps the workbook open and says where the edits are', async () => {
    const cloud = tempDir('OneDrive-');
    const original = await demoIn(cloud);
    const { ok, dispatch } = start(cloud);
    await ok('workbook.open', { path: original });
    await editP0(ok, 9.1);
    // The share goes away (unmounted: its folder is no longer there).
    const away = `${cloud}-offline`;
    fs.renameSync(cloud, away);
    try {
      const r = await dispatch('workbook.close', {});
      expect(r).toMatchObject({ ok: false, code: 'io_error' });
      expect(!r.ok && r.message).toMatch(/safe in the local copy/);
      expect(await ok<WorkbookSummary>('workbook.current')).toMatchObject({ location: { unsaved: true } });
    } finally {
      fs.renameSync(away, cloud);
    }
    expect(await ok<SaveBackResult>('workbook.saveBack')).toMatchObject({ conflict: false });
  });

  it('a local workbook has nothing to save back', async () => {
    const original = await demoIn(tempDir());
    const { ok, dispatch } = start(tempDir('OneDrive-'));
    expect(await ok<WorkbookSummary>('workbook.open', { path: original })).toMatchObject({ location: { kind: 'local' } });
    expect(await dispatch('workbook.saveBack', {})).toMatchObject({ ok: false, code: 'bad_input' });
  });
});
