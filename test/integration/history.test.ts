/**
 * history.list (electron/services/history.ts) through dispatch, over a hand-built history on the
 * demo: filters (scenario, indicator, person, dates), net vs steps, a paste followed by undo absent
 * from the net view, paging, and inputs refused naming the field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryPage, HistoryRow } from '../../shared/history.js';
import type { Indicator, IndicatorValue, Person, Scenario, WorkbookSummary } from '../../shared/domain.js';
import { createServices, type Services } from '../../electron/services/index.js';
import { writeEmptyDemo } from '../helpers/demo.js';
import { tempDir } from '../helpers/files.js';
import { ok } from '../helpers/annex.js';

const RINA: Person = { name: 'Rina Marlina, S.E., M.Si.', nip: '19850412 201001 2 015', title: 'Perencana Ahli Muda' };
const BUDI: Person = { name: 'Budi Santoso', nip: '', title: 'Kepala Bidang' };

let services: Services | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

/**
 * The demo; scenario A from the original targets: TPT 2022 edited with no person (OS account);
 * as Rina: P0 2021 edited twice, P0 2022–2023 pasted and undone, a justification for P0; as Budi:
 * IPM 2023 edited. Scenario B (empty): P0 2021 edited by Budi.
 */
async function history() {
  // The demo without its worked example (whose steps "contoh" made): only this history is in the log.
  const dataDir = tempDir();
  await writeEmptyDemo(dataDir);
  services = createServices({ dataDir, host: 'browser', appVersion: 'test' });
  const { dispatch } = services;
  const summary = await ok<WorkbookSummary>(dispatch('workbook.openDemo', {}));
  const ind = (code: string) => summary.indicators.find((i) => i.code === code) as Indicator;
  const original = await ok<IndicatorValue[]>(dispatch('workbook.values', { series: ['original_target'] }));
  const orig = (code: string, year: number) => original.find((v) => v.indicatorId === ind(code).id && v.year === year)?.value ?? null;
  const a = await ok<Scenario>(dispatch('scenario.create', { name: 'Skenario A', from: { kind: 'original' } }));
  const b = await ok<Scenario>(dispatch('scenario.create', { name: 'Skenario B', from: { kind: 'empty' } }));
  const set = (s: Scenario, code: string, action: string, cells: [number, number][]) =>
    ok(dispatch('targets.set', { scenarioId: s.id, action, cells: cells.map(([year, value]) => ({ indicatorId: ind(code).id, year, value })) }));
  await set(a, 'TPT', 'target.edit', [[2022, 5.1]]);
  await ok(dispatch('profile.set', RINA));
  await set(a, 'P0', 'target.edit', [[2021, 12.6]]);
  await set(a, 'P0', 'target.edit', [[2021, 12.7]]);
  await set(a, 'P0', 'target.paste', [[2022, 13.5], [2023, 13.2]]);
  await ok(dispatch('history.undo', {}));
  await ok(dispatch('justification.set', { scenarioId: a.id, indicatorId: ind('P0').id, text: 'Dampak pandemi COVID-19.' }));
  await ok(dispatch('profile.set', BUDI));
  await set(a, 'IPM', 'target.edit', [[2023, 71.5]]);
  await set(b, 'P0', 'target.edit', [[2021, 11.9]]);
  const list = (input: Record<string, unknown>) => ok<HistoryPage>(dispatch('history.list', input));
  return { dispatch, a, b, ind, orig, list };
}

/** Rows other than the poor-people count (JPM), which follows each P0 change through the population. */
const typed = (r: HistoryRow) => r.indicatorCode !== 'JPM';
const cells = (page: HistoryPage) => page.rows.filter(typed).map((r) => `${r.scenarioName} ${r.indicatorCode} ${r.year}`);

describe('history.list', () => {
  it('net: one row per changed cell, semula → menjadi; a paste followed by undo is absent', async () => {
    const { a, orig, list } = await history();
    const page = await list({ mode: 'net', scenarioId: a.id });
    expect(page.mode).toBe('net');
    expect(cells(page).sort()).toEqual(['Skenario A IPM 2023', 'Skenario A P0 2021', 'Skenario A TPT 2022']);
    expect(cells(page)).not.toContain('Skenario A P0 2022');
    expect(cells(page)).not.toContain('Skenario A P0 2023');
    const p0 = page.rows.find((r) => r.indicatorCode === 'P0')!;
    expect(p0).toMatchObject({ oldValue: orig('P0', 2021), newValue: 12.7, changes: 2, person: { name: RINA.name, nip: RINA.nip }, action: 'target.edit', kind: 'do', scenarioExists: true, series: 'revised_target' });
    expect(p0.justificationNow).toBe('Dampak pandemi COVID-19.');
    // Newest first: Budi's IPM edit, then Rina's P0, then the account's TPT.
    expect(page.rows.map((r) => r.indicatorCode)).toEqual(['IPM', 'P0', 'JPM', 'TPT']);
    expect(page.rows[3]!.person).toBeNull();
    // The count follows the rate through the population, marked derived.
    expect(page.rows.find((r) => r.indicatorCode === 'JPM')).toMatchObject({ derived: true, year: 2021, changes: 2 });
    expect(page.total).toBe(4);
  });

  it('steps: every entry newest first, the paste and its undo included, notes too', async () => {
    const { a, list } = await history();
    const page = await list({ mode: 'steps', scenarioId: a.id });
    const actions = page.rows.filter(typed).map((r) => `${r.action}:${r.kind}${r.year === null ? '' : `:${r.indicatorCode}${r.year}`}`);
    expect(actions.slice(0, 6)).toEqual([
      'target.edit:do:IPM2023',
      'justification.set:do',
      'target.paste:undo:P02022',
      'target.paste:undo:P02023',
      'target.paste:do:P02022',
      'target.paste:do:P02023',
    ]);
    expect(actions).toContain('scenario.create:do');
    expect(page.rows.every((r) => r.changes === 1)).toBe(true);
    const undo = page.rows.find((r) => r.kind === 'undo' && r.year === 2022)!;
    expect([undo.oldValue, undo.newValue]).toEqual([13.5, page.rows.find((r) => r.kind === 'do' && r.action === 'target.paste' && r.year === 2022)!.oldValue]);
  });

  it('filters by scenario, indicator and person; lists everyone for the person filter', async () => {
    const { a, b, list } = await history();
    const all = await list({ mode: 'net' });
    expect(cells(all).sort()).toEqual(['Skenario A IPM 2023', 'Skenario A P0 2021', 'Skenario A TPT 2022', 'Skenario B P0 2021']);
    expect(cells(await list({ mode: 'net', indicatorCode: 'P0' })).sort()).toEqual(['Skenario A P0 2021', 'Skenario B P0 2021']);
    expect(cells(await list({ mode: 'net', scenarioId: b.id }))).toEqual(['Skenario B P0 2021']);
    expect(cells(await list({ mode: 'net', person: 'budi' })).sort()).toEqual(['Skenario A IPM 2023', 'Skenario B P0 2021']);
    // By NIP, spaces or not.
    expect(cells(await list({ mode: 'net', person: '198504122010012015' }))).toEqual(['Skenario A P0 2021']);
    // Rina's steps: two edits, the paste (2 cells) and its undo (2 cells), the justification.
    expect((await list({ mode: 'steps', scenarioId: a.id, person: RINA.nip })).rows.filter(typed)).toHaveLength(7);
    const people = all.people;
    expect(people.filter((p) => !p.account).map((p) => p.name)).toEqual([BUDI.name, RINA.name]);
    const account = people.find((p) => p.account)!;
    expect(account).toBeDefined();
    expect(cells(await list({ mode: 'net', person: account.name }))).toEqual(['Skenario A TPT 2022']);
  });

  it('filters by date (inclusive; a date alone is a whole UTC day) and pages', async () => {
    const { list } = await history();
    const all = await list({ mode: 'steps' });
    const day = all.rows[0]!.at.slice(0, 10);
    expect((await list({ mode: 'steps', from: day, to: day })).total).toBe(all.total);
    expect((await list({ mode: 'steps', to: '2000-01-01' })).total).toBe(0);
    expect((await list({ mode: 'net', from: '2100-01-01' })).rows).toEqual([]);
    // An instant: only steps at or after the newest step's time.
    const newest = await list({ mode: 'steps', from: all.rows[0]!.at });
    expect(newest.rows.every((r) => r.at >= all.rows[0]!.at)).toBe(true);
    expect(newest.total).toBeGreaterThanOrEqual(1);
    // Paging: limit and offset over the same order.
    const first = await list({ mode: 'steps', limit: 3 });
    const second = await list({ mode: 'steps', limit: 3, offset: 3 });
    expect(first.rows.map((r) => r.key)).toEqual(all.rows.slice(0, 3).map((r) => r.key));
    expect(second.rows.map((r) => r.key)).toEqual(all.rows.slice(3, 6).map((r) => r.key));
    expect(first.total).toBe(all.total);
    expect(first.limit).toBe(3);
  });

  it('a deleted scenario keeps its history, without a cell to open', async () => {
    const { dispatch, b, list } = await history();
    await ok(dispatch('scenario.delete', { scenarioId: b.id }));
    const page = await list({ mode: 'net', indicatorCode: 'P0' });
    const gone = page.rows.find((r) => r.scenarioId === b.id)!;
    expect(gone).toMatchObject({ scenarioExists: false, scenarioName: 'Skenario B', justificationNow: null });
  });

  it('refuses bad input naming the field', async () => {
    const { dispatch } = await history();
    const refused = async (input: Record<string, unknown>, field: string) => {
      const r = await dispatch('history.list', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('bad_input');
        expect(r.field).toBe(field);
      }
    };
    await refused({ mode: 'all' }, 'mode');
    await refused({ scenarioId: 0 }, 'scenarioId');
    await refused({ from: '2021-02-30' }, 'from');
    await refused({ to: 'yesterday' }, 'to');
    await refused({ from: '2021-09-01', to: '2021-08-01' }, 'from');
    await refused({ limit: 100_000 }, 'limit');
    await refused({ offset: -1 }, 'offset');
    await refused({ person: 'a\u202Eb' }, 'person');
    await refused({ extra: 1 }, '');
    // Mode defaults to net.
    expect((await ok<HistoryPage>(dispatch('history.list', {}))).mode).toBe('net');
  });
});
