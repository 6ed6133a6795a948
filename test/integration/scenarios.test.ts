/** Scenarios, revised targets, rate↔count, undo/redo kept in the file, and the change log. */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../shared/api/dispatch.js';
import type { ChangeLogEntry, Indicator, Scenario, ScenarioTargets, WorkbookSummary } from '../../shared/domain.js';
import { createServices } from '../../electron/services/index.js';
import { Workbook } from '../../electron/workbook/store.js';
import { writeEmptyDemo } from '../helpers/demo.js';
import { tempDir } from '../helpers/files.js';

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r)}`);
  return r.value as T;
}

/** The demo without its worked example (test/helpers/demo.ts): these tests make every scenario they read. */
async function demo() {
  const dataDir = tempDir();
  await writeEmptyDemo(dataDir);
  const services = createServices({ dataDir, host: 'browser', appVersion: 'test' });
  const summary = await ok<WorkbookSummary>(services.dispatch('workbook.openDemo', {}));
  const ind = (code: string) => summary.indicators.find((i) => i.code === code) as Indicator;
  return { ...services, dataDir, summary, ind };
}

const valueAt = (t: ScenarioTargets, indicatorId: number, year: number) => t.targets.find((c) => c.indicatorId === indicatorId && c.year === year);

async function createScenario(dispatch: Dispatch, name = 'Perubahan 2021') {
  return ok<Scenario>(dispatch('scenario.create', { name, from: { kind: 'original' } }));
}

describe('scenarios', () => {
  it('starts a scenario from the original RPJMD targets', async () => {
    const { dispatch, ind, close } = await demo();
    const s = await createScenario(dispatch);
    expect(s).toMatchObject({ name: 'Perubahan 2021', status: 'draft' });
    const t = await ok<ScenarioTargets>(dispatch('scenario.targets', { scenarioId: s.id }));
    expect(valueAt(t, ind('P0').id, 2021)).toEqual({ indicatorId: ind('P0').id, year: 2021, value: 11.3, origin: 'entered' });
    expect(valueAt(t, ind('P0').id, 2023)?.value).toBe(10.5);
    // Baseline (2017) values are not targets.
    expect(t.targets.every((c) => c.year >= 2018 && c.year <= 2023)).toBe(true);
    close();
  });

  it('pastes over kept targets: a cell twice in one block, then undo and redo, always as read from the file', async () => {
    const { dispatch, ind, close, session } = await demo();
    const s = await createScenario(dispatch);
    const [p0, ipm, jpm] = [ind('P0'), ind('IPM'), ind('JPM')];
    // A second, read-only connection: what the file holds, not what this one keeps.
    const fromFile = async () => {
      const other = await Workbook.open(session.require().path, { readOnly: true });
      try {
        return other.reads.targets(s.id);
      } finally {
        other.close();
      }
    };
    const start = await ok<ScenarioTargets>(dispatch('scenario.targets', { scenarioId: s.id })); // kept from here on
    const was = valueAt(start, p0.id, 2022)!.value;
    const pasted = await ok<ScenarioTargets>(
      dispatch('targets.set', {
        scenarioId: s.id,
        action: 'target.paste',
        cells: [
          { indicatorId: p0.id, year: 2022, value: 11.9 },
          { indicatorId: ipm.id, year: 2022, value: 70.5 },
          { indicatorId: p0.id, year: 2022, value: 12.1 },
          { indicatorId: jpm.id, year: 2023, value: null },
        ],
      }),
    );
    expect(valueAt(pasted, p0.id, 2022)?.value).toBe(12.1);
    expect(valueAt(pasted, jpm.id, 2023)).toBeUndefined();
    const log = await ok<ChangeLogEntry[]>(dispatch('changelog.list', { scenarioId: s.id }));
    expect(log.filter((e) => e.action === 'target.paste' && e.indicatorCode === 'P0').map((e) => [e.oldValue, e.newValue])).toEqual([[11.9, 12.1], [was, 11.9]]);
    await ok(dispatch('history.undo', {}));
    let now = await ok<ScenarioTargets>(dispatch('scenario.targets', { scenarioId: s.id }));
    expect(now).toEqual(start);
    expect(now).toEqual(await fromFile());
    await ok(dispatch('history.redo', {}));
    now = await ok<ScenarioTargets>(dispatch('scenario.targets', { scenarioId: s.id }));
    expect(valueAt(now, p0.id, 2022)?.value).toBe(12.1);
    expect(now.targets).toEqual(pasted.targets);
    expect(now).toEqual(await fromFile());
    close();
  });

  it('refuses a duplicate name with the field named', async () => {
    const { dispatch, close } = await demo();
    await createScenario(dispatch);
    const r = await dispatch('scenario.create', { name: 'Perubahan 2021', from: { kind: 'empty' } });
    expect(r).toMatchObject({ ok: false, code: 'already_exists', field: 'name' });
    close();
  });

  it('keeps at most one usulan: marking another demotes the first', async () => {
    const { dispatch, close } = await demo();
    const a = await createScenario(dispatch, 'A');
    const b = await createScenario(dispatch, 'B');
    await ok(dispatch('scenario.setStatus', { scenarioId: a.id, status: 'usulan' }));
    const list = await ok<Scenario[]>(dispatch('scenario.setStatus', { scenarioId: b.id, status: 'usulan' }));
    expect(list.map((s) => [s.name, s.status])).toEqual([['A', 'draft'], ['B', 'usulan']]);
    close();
  });

  it('duplicates a scenario with its targets and justifications', async () => {
    const { dispatch, ind, close } = await demo();
    const a = await createScenario(dispatch, 'A');
    await ok(dispatch('targets.set', { scenarioId: a.id, action: 'target.edit', cells: [{ indicatorId: ind('P0').id, year: 2021, value: 12.6 }] }));
    await ok(dispatch('justification.set', { scenarioId: a.id, indicatorId: ind('P0').id, text: 'Dampak pandemi COVID-19' }));
    const b = await ok<Scenario>(dispatch('scenario.create', { name: 'A (salinan)', from: { kind: 'scenario', scenarioId: a.id } }));
    const t = await ok<ScenarioTargets>(dispatch('scenario.targets', { scenarioId: b.id }));
    expect(valueAt(t, ind('P0').id, 2021)?.value).toBe(12.6);
    expect(t.justifications.map((j) => j.text)).toEqual(['Dampak pandemi COVID-19']);
    close();
  });
});

describe('revised targets', () => {
  it('an edit is logged with the OS user, old and new value and the justification at that moment', async () => {
    const { dispatch, ind, close } = await demo();
    const s = await createScenario(dispatch);
    await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: ind('P0').id, text: 'Kemiskinan naik karena COVID-19' }));
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: ind('P0').id, year: 2021, value: 12.6 }] }));
    const log = await ok<ChangeLogEntry[]>(dispatch('changelog.list', { scenarioId: s.id }));
    // The count that follows the rate is logged too, as derived.
    expect(log.find((e) => e.indicatorCode === 'JPM')).toMatchObject({ action: 'target.edit', derived: true, year: 2021, oldValue: 72_707, newValue: 81_072 });
    expect(log.find((e) => e.indicatorCode === 'P0')).toMatchObject({
      action: 'target.edit',
      user: os.userInfo().username,
      scenarioName: 'Perubahan 2021',
      indicatorCode: 'P0',
      year: 2021,
      oldValue: 11.3,
      newValue: 12.6,
      justification: 'Kemiskinan naik karena COVID-19',
    });
    close();
  });

  it('one invalid cell refuses the whole block, naming it, and writes nothing', async () => {
    const { dispatch, ind, close } = await demo();
    const s = await createScenario(dispatch);
    const before = await ok<ScenarioTargets>(dispatch('scenario.targets', { scenarioId: s.id }));
    const historyBefore = await ok(dispatch('history.state', {}));
    const r = await dispatch('targets.set', {
      scenarioId: s.id,
      action: 'target.paste',
      cells: [
        { indicatorId: ind('P0').id, year: 2021, value: 12.6 },
        { indicatorId: ind('P0').id, year: 2022, value: 140 },
      ],
    });
    expect(r).toMatchObject({ ok: false, code: 'bad_input', field: 'cells.1.value' });
    expect(!r.ok && r.message).toMatch(/Cell 2 \(P0 2022\): 140 is outside 0–100 %/);
    expect(await ok(dispatch('scenario.targets', { scenarioId: s.id }))).toEqual(before);
    expect(await ok(dispatch('history.state', {}))).toEqual(historyBefore);

    const outside = await dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: ind('P0').id, year: 2017, value: 12 }] });
    expect(outside).toMatchObject({ ok: false, code: 'bad_input', field: 'cells.0.year' });
    close();
  });

  it('without a scenario population, a count follows its rate through the Susenas population (implied by 12,32 % and 79.270), not the census', async () => {
    const { dispatch, ind, close, session } = await demo();
    const s = await createScenario(dispatch);
    const [p0, jpm] = [ind('P0'), ind('JPM')];
    // 79.270 / 0,1232 = 643.425 people (SP2020 counted 612.900); no growth is known, so it is carried flat.
    const population = session.require().population();
    expect(population.byYear.get(2020)).toEqual({ value: 643_425, basis: 'implied' });
    expect(population.byYear.get(2021)).toEqual({ value: 643_425, basis: 'carried', from: 2020 });
    expect(population.growthBasis).toBe('none');
    const t = await ok<ScenarioTargets>(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2021, value: 12.6 }] }));
    // 12,60 % × 643.425 = 81.071,55 → 81.072 people, marked derived (the census would give 77.225).
    expect(valueAt(t, jpm.id, 2021)).toMatchObject({ value: 81_072, origin: 'derived' });
    close();
  });

  it('a count follows its rate through the scenario population, and a typed count drives the rate', async () => {
    const { dispatch, ind, close } = await demo();
    const s = await createScenario(dispatch);
    const [p0, jpm, pop] = [ind('P0'), ind('JPM'), ind('POP')];
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: pop.id, year: 2021, value: 640_000 }] }));
    // The existing (entered) rate 11,30 now derives the count: 11,30 % × 640.000 = 72.320.
    let t = await ok<ScenarioTargets>(dispatch('scenario.targets', { scenarioId: s.id }));
    expect(valueAt(t, jpm.id, 2021)).toMatchObject({ value: 72_320, origin: 'derived' });

    t = await ok<ScenarioTargets>(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2021, value: 12.6 }] }));
    // 12,60 % × 640.000 = 80.640
    expect(valueAt(t, jpm.id, 2021)).toMatchObject({ value: 80_640, origin: 'derived' });
    expect(valueAt(t, p0.id, 2021)).toMatchObject({ value: 12.6, origin: 'entered' });

    t = await ok<ScenarioTargets>(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: jpm.id, year: 2021, value: 70_000 }] }));
    // 70.000 / 640.000 = 10,9375 % → 10,94 at the indicator's 2 decimals
    expect(valueAt(t, p0.id, 2021)).toMatchObject({ value: 10.94, origin: 'derived' });
    expect(valueAt(t, jpm.id, 2021)).toMatchObject({ value: 70_000, origin: 'entered' });

    // 2022 was not touched: its count stays the original target.
    expect(valueAt(t, jpm.id, 2022)).toMatchObject({ value: 70_133, origin: 'entered' });

    const tooMany = await dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: jpm.id, year: 2021, value: 700_000 }] });
    expect(tooMany).toMatchObject({ ok: false, code: 'bad_input' });
    close();
  });
});

describe('undo and redo', () => {
  it('undoes and redoes each write as one step, and keeps the history across a restart', async () => {
    const { dispatch, ind, close, dataDir } = await demo();
    const s = await createScenario(dispatch);
    const p0 = ind('P0').id;
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.paste', cells: [
      { indicatorId: p0, year: 2021, value: 12.6 }, { indicatorId: p0, year: 2022, value: 12.1 }] }));
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.path', cells: [{ indicatorId: p0, year: 2023, value: 11.0 }] }));
    close();

    // A new process on the same file.
    const again = createServices({ dataDir, host: 'browser', appVersion: 'test' });
    await ok(again.dispatch('workbook.openDemo', {}));
    expect(await ok(again.dispatch('history.state', {}))).toMatchObject({ canUndo: true, undoLabel: 'target.path' });
    let step = await ok<{ step: { label: string } }>(again.dispatch('history.undo', {}));
    expect(step.step.label).toBe('target.path');
    let t = await ok<ScenarioTargets>(again.dispatch('scenario.targets', { scenarioId: s.id }));
    expect([2021, 2022, 2023].map((y) => valueAt(t, p0, y)?.value)).toEqual([12.6, 12.1, 10.5]);
    step = await ok(again.dispatch('history.undo', {}));
    expect(step.step.label).toBe('target.paste');
    t = await ok<ScenarioTargets>(again.dispatch('scenario.targets', { scenarioId: s.id }));
    expect([2021, 2022, 2023].map((y) => valueAt(t, p0, y)?.value)).toEqual([11.3, 10.9, 10.5]);

    await ok(again.dispatch('history.redo', {}));
    t = await ok<ScenarioTargets>(again.dispatch('scenario.targets', { scenarioId: s.id }));
    expect([2021, 2022].map((y) => valueAt(t, p0, y)?.value)).toEqual([12.6, 12.1]);

    // A new write after undo drops the redo stack.
    await ok(again.dispatch('justification.set', { scenarioId: s.id, indicatorId: p0, text: 'x' }));
    expect(await ok(again.dispatch('history.state', {}))).toMatchObject({ canRedo: false, undoLabel: 'justification.set' });

    const log = await ok<ChangeLogEntry[]>(again.dispatch('changelog.list', { scenarioId: s.id }));
    expect(log.some((e) => e.action === 'target.paste' && e.kind === 'undo' && e.year === 2021 && e.oldValue === 12.6 && e.newValue === 11.3)).toBe(true);
    again.close();
  });

  it('undo of a deleted scenario brings back its targets; the log kept what was deleted', async () => {
    const { dispatch, ind, close } = await demo();
    const s = await createScenario(dispatch);
    await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: ind('P0').id, text: 'alasan' }));
    const before = await ok<ScenarioTargets>(dispatch('scenario.targets', { scenarioId: s.id }));
    await ok(dispatch('scenario.delete', { scenarioId: s.id }));
    expect(await dispatch('scenario.targets', { scenarioId: s.id })).toMatchObject({ ok: false, code: 'not_found' });
    const log = await ok<ChangeLogEntry[]>(dispatch('changelog.list', {}));
    const deleted = log.find((e) => e.action === 'scenario.delete')!;
    expect(JSON.parse(deleted.detail!).targets).toHaveLength(before.targets.length);

    await ok(dispatch('history.undo', {}));
    expect(await ok(dispatch('scenario.targets', { scenarioId: s.id }))).toEqual(before);
    close();
  });

  it('an edit that changes nothing is not an undo step', async () => {
    const { dispatch, ind, close } = await demo();
    const s = await createScenario(dispatch);
    const state = await ok(dispatch('history.state', {}));
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: ind('P0').id, year: 2021, value: 11.3 }] }));
    expect(await ok(dispatch('history.state', {}))).toEqual(state);
    close();
  });
});
