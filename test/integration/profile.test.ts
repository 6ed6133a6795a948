/** The user's profile: the person behind every change, kept in the data folder and validated. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Person, Scenario, WorkbookSummary } from '../../shared/domain.js';
import { contract } from '../../shared/api/contract.js';
import { personProblem } from '../../shared/person.js';
import { ProfileStore, profilePath } from '../../electron/services/profile.js';
import { createServices } from '../../electron/services/index.js';
import { tempDir } from '../helpers/files.js';
import { ok } from '../helpers/annex.js';

const PERSON: Person = { name: 'Rina Marlina, S.E., M.Si.', nip: '19850412 201001 2 015', title: 'Perencana Ahli Muda, Bappeda Kabupaten Muara Enim' };

describe('profile store', () => {
  it('has no person until one is given, then keeps it tidied in user-profile.json', () => {
    const dir = tempDir();
    const store = new ProfileStore(profilePath(dir));
    expect(store.get()).toBeNull();
    expect(store.actor('root')).toEqual({ user: 'root', person: null });
    const kept = store.set({ name: '  Rina Marlina, S.E., M.Si. ', nip: ' 19850412  201001 2 015 ', title: PERSON.title });
    expect(kept).toEqual(PERSON);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'user-profile.json'), 'utf8'))).toEqual({ person: PERSON });
    expect(new ProfileStore(profilePath(dir)).get()).toEqual(PERSON);
    expect(store.actor('root')).toEqual({ user: 'root', person: PERSON });
    expect(fs.readdirSync(dir)).toEqual(['user-profile.json']); // no temp file left
  });

  it('ignores a damaged or hand-edited file (no person) and writes it whole on the next set', () => {
    const dir = tempDir();
    const file = profilePath(dir);
    const store = new ProfileStore(file);
    const bad = [
      '{"person": {"name": "Rina"',
      '[]',
      'null',
      JSON.stringify({ name: 'Rina', nip: '', title: '' }),
      JSON.stringify({ person: { name: '   ', nip: '', title: '' } }),
      JSON.stringify({ person: { name: 'Rina', nip: 'NIP-12', title: '' } }),
      JSON.stringify({ person: { name: 'Rina', nip: '1985', title: '' } }),
      JSON.stringify({ person: { name: 'Rina\u202Eanir', nip: '', title: '' } }),
      JSON.stringify({ person: { name: 'x'.repeat(201), nip: '', title: '' } }),
      JSON.stringify({ person: { name: 'Rina', nip: 19850412, title: '' } }),
    ];
    for (const text of bad) {
      fs.writeFileSync(file, text);
      // A new mtime/size is what tells the store to read again; a fresh store reads at once.
      expect(new ProfileStore(file).get(), text).toBeNull();
    }
    fs.writeFileSync(file, '\u0000\u0001garbage');
    expect(store.get()).toBeNull();
    store.set(PERSON);
    expect(store.get()).toEqual(PERSON);
    // Fields added later by a newer version are tolerated.
    fs.writeFileSync(file, JSON.stringify({ person: { ...PERSON, extra: 1 }, theme: 'dark' }));
    expect(new ProfileStore(file).get()).toEqual(PERSON);
  });

  it('refuses an invalid person instead of keeping it', () => {
    const store = new ProfileStore(profilePath(tempDir()));
    expect(() => store.set({ name: '', nip: '', title: '' })).toThrow();
    expect(() => store.set({ name: 'Rina', nip: '1234', title: '' })).toThrow();
    expect(store.get()).toBeNull();
  });

  it('sees a profile another host wrote meanwhile', () => {
    const dir = tempDir();
    const a = new ProfileStore(profilePath(dir));
    const b = new ProfileStore(profilePath(dir));
    expect(a.get()).toBeNull();
    b.set(PERSON);
    expect(a.get()).toEqual(PERSON);
    b.set({ ...PERSON, title: 'Kepala Bidang Perencanaan' });
    expect(a.get()?.title).toBe('Kepala Bidang Perencanaan');
  });
});

describe('profile rules (shared with the dialog)', () => {
  it('names the field of the first problem', () => {
    expect(personProblem(PERSON)).toBeNull();
    expect(personProblem({ ...PERSON, nip: '' })).toBeNull();
    expect(personProblem({ ...PERSON, nip: '198504122010012015' })).toBeNull();
    expect(personProblem({ ...PERSON, name: ' ' })).toEqual({ field: 'name', kind: 'empty' });
    expect(personProblem({ ...PERSON, nip: '19850412 2010' })).toEqual({ field: 'nip', kind: 'length' });
    expect(personProblem({ ...PERSON, nip: 'NIP 19850412 201001 2 015' })).toEqual({ field: 'nip', kind: 'not_digits' });
    expect(personProblem({ ...PERSON, title: 'x'.repeat(201) })).toEqual({ field: 'title', kind: 'too_long' });
  });

  it('the contract refuses what the store would not keep', () => {
    const input = contract['profile.set'].input;
    expect(input.safeParse(PERSON).success).toBe(true);
    expect(input.safeParse({ ...PERSON, extra: 1 }).success).toBe(false);
    expect(input.safeParse({ name: 'Rina' }).success).toBe(false);
    expect(input.safeParse({ ...PERSON, nip: '1985' }).success).toBe(false);
    expect(input.safeParse({ ...PERSON, name: '\u200B' }).success).toBe(false);
    expect(input.safeParse({ ...PERSON, title: 'a\nb' }).success).toBe(false);
  });
});

describe('profile through the services', () => {
  it('profile.get/set go through dispatch with the contract validation, naming the field', async () => {
    const dataDir = tempDir();
    const { dispatch, close } = createServices({ dataDir, host: 'browser', appVersion: 'test' });
    try {
      expect(await ok(dispatch('profile.get', {}))).toBeNull();
      expect(await dispatch('profile.get', { extra: 1 })).toMatchObject({ ok: false, code: 'bad_input' });
      expect(await dispatch('profile.set', { ...PERSON, nip: '12ab' })).toMatchObject({ ok: false, code: 'bad_input', field: 'nip' });
      expect(await dispatch('profile.set', { ...PERSON, name: '' })).toMatchObject({ ok: false, code: 'bad_input', field: 'name' });
      expect(fs.existsSync(profilePath(dataDir))).toBe(false);
      expect(await ok(dispatch('profile.set', PERSON))).toEqual(PERSON);
      expect(await ok(dispatch('profile.get', {}))).toEqual(PERSON);
    } finally {
      await close();
    }
  });

  it('every edit after the person is given carries name, NIP and jabatan; before, only the OS account', async () => {
    const dataDir = tempDir();
    const { dispatch, close } = createServices({ dataDir, host: 'browser', appVersion: 'test' });
    const summary = await ok<WorkbookSummary>(dispatch('workbook.openDemo', {}));
    const file = summary.path;
    try {
      const p0 = summary.indicators.find((i) => i.code === 'P0')!;
      const s = await ok<Scenario>(dispatch('scenario.create', { name: 'Tanpa nama', from: { kind: 'original' } }));
      await ok(dispatch('profile.set', PERSON));
      await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2021, value: 12.6 }] }));
      await ok(dispatch('history.undo', {}));
    } finally {
      await close();
    }
    const db = new Database(file, { readonly: true });
    const steps = db.prepare('SELECT action, kind, person_name AS name, person_nip AS nip, person_title AS title FROM change_step ORDER BY id DESC LIMIT 3').all();
    db.close();
    expect(steps).toEqual([
      { action: 'target.edit', kind: 'undo', name: PERSON.name, nip: PERSON.nip, title: PERSON.title },
      { action: 'target.edit', kind: 'do', name: PERSON.name, nip: PERSON.nip, title: PERSON.title },
      { action: 'scenario.create', kind: 'do', name: null, nip: null, title: null },
    ]);
  });
});
