/** Checks on the demo through the services, references as editable data, usulan blocked by errors. */
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../shared/api/contract.js';
import type { Indicator, ReferenceTarget, Scenario, WorkbookSummary } from '../../shared/domain.js';
import { runChecks } from '../../shared/model/checks.js';
import { createServices } from '../../electron/services/index.js';
import { tempDir } from '../helpers/files.js';

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r)}`);
  return r.value as T;
}

async function demoScenario() {
  const services = createServices({ dataDir: tempDir(), host: 'browser', appVersion: 'test' });
  const summary = await ok<WorkbookSummary>(services.dispatch('workbook.openDemo', {}));
  const ind = (code: string) => summary.indicators.find((i) => i.code === code) as Indicator;
  const s = await ok<Scenario>(services.dispatch('scenario.create', { name: 'Perubahan 2021', from: { kind: 'original' } }));
  return { ...services, ind, s };
}

describe('checks through the services', () => {
  it('a raised 2021 poverty target without a justification: one error and one loosening warning at that cell', async () => {
    const { dispatch, ind, s, close } = await demoScenario();
    const p0 = ind('P0');
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2021, value: 12.6 }] }));
    let report = await ok<CheckReport>(dispatch('checks.run', { scenarioId: s.id }));
    let atCell = report.findings.filter((f) => f.indicatorId === p0.id && f.year === 2021);
    expect(atCell.map((f) => [f.checkId, f.severity])).toEqual([['justification_missing', 'error'], ['loosening', 'warning']]);
    expect(report.counts.error).toBe(1);

    // While the error stands the scenario cannot become the proposal.
    const blocked = await dispatch('scenario.setStatus', { scenarioId: s.id, status: 'usulan' });
    expect(blocked).toMatchObject({ ok: false, code: 'blocked' });
    expect(!blocked.ok && blocked.message).toMatch(/Persentase|Poverty rate/);

    await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: p0.id, text: 'Dampak pandemi COVID-19 pada 2020–2021' }));
    report = await ok<CheckReport>(dispatch('checks.run', { scenarioId: s.id }));
    atCell = report.findings.filter((f) => f.indicatorId === p0.id && f.year === 2021);
    expect(atCell.map((f) => f.checkId)).toEqual(['loosening']);
    expect(report.counts.error).toBe(0);
    await ok(dispatch('scenario.setStatus', { scenarioId: s.id, status: 'usulan' }));
    close();
  });

  it('the demo carries the Sumsel and Inpres references with their sources; they are editable and undoable', async () => {
    const { dispatch, s, close } = await demoScenario();
    const list = await ok<{ references: ReferenceTarget[]; shockYears: { year: number }[] }>(dispatch('references.list', {}));
    expect(list.references.map((r) => [r.indicatorCode, r.kind, r.comparison, r.year, r.value])).toEqual([
      ['P0', 'annual_change', 'le', null, -1],
      ['P0', 'level', 'lt', 2024, 10],
      ['P0E', 'level', 'eq', 2024, 0],
    ]);
    expect(list.references.every((r) => r.source.length > 10)).toBe(true);
    expect(list.shockYears.map((y) => y.year)).toEqual([2020, 2021]);

    // The illustrative original path falls 0,4 pp a year: the Sumsel pace flags 2019, 2022, 2023 (not the shock years).
    let report = await ok<CheckReport>(dispatch('checks.run', { scenarioId: s.id }));
    expect(report.findings.filter((f) => f.checkId === 'reference').map((f) => f.year)).toEqual([2018, 2019, 2022, 2023]);

    const pace = list.references.find((r) => r.kind === 'annual_change')!;
    await ok(dispatch('references.save', { ...pace, value: -0.3 }));
    report = await ok<CheckReport>(dispatch('checks.run', { scenarioId: s.id }));
    expect(report.findings.filter((f) => f.checkId === 'reference')).toEqual([]);

    await ok(dispatch('history.undo', {}));
    report = await ok<CheckReport>(dispatch('checks.run', { scenarioId: s.id }));
    expect(report.findings.filter((f) => f.checkId === 'reference')).toHaveLength(4);

    const bad = await dispatch('references.save', { ...pace, id: undefined, kind: 'level', year: null });
    expect(bad).toMatchObject({ ok: false, code: 'bad_input', field: 'year' });
    close();
  });

  it('kept check state follows every kind of write: the same findings as a full run from the file', async () => {
    const { dispatch, ind, s, close, session } = await demoScenario();
    const full = () => {
      const wb = session.require();
      const { targets, justifications } = wb.reads.targets(s.id);
      return runChecks({ plan: wb.plan(), indicators: wb.indicators(), values: wb.values(), targets, justifications, references: wb.references(), shockYears: wb.shockYears() });
    };
    const same = async () => expect((await ok<CheckReport>(dispatch('checks.run', { scenarioId: s.id }))).findings).toEqual(full());
    await same();
    const [p0, jpm, pop, p0e] = [ind('P0'), ind('JPM'), ind('POP'), ind('P0E')];
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2021, value: 13.9 }] }));
    await same();
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.paste', cells: [{ indicatorId: pop.id, year: 2022, value: 700_000 }, { indicatorId: p0e.id, year: 2022, value: 15 }] }));
    await same();
    await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: p0.id, text: 'Dampak pandemi' }));
    await same();
    await ok(dispatch('history.undo', {}));
    await same();
    await ok(dispatch('history.undo', {}));
    await same();
    await ok(dispatch('history.redo', {}));
    await same();
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.clear', cells: [{ indicatorId: jpm.id, year: 2021, value: null }] }));
    await same();
    const refs = await ok<{ references: ReferenceTarget[] }>(dispatch('references.list', {}));
    await ok(dispatch('references.save', { ...refs.references.find((r) => r.kind === 'annual_change')!, value: -2 }));
    await same();
    // Another scenario edited meanwhile, and this one's cells changed through it being copied.
    const other = await ok<Scenario>(dispatch('scenario.create', { name: 'Lain', from: { kind: 'scenario', scenarioId: s.id } }));
    await ok(dispatch('checks.run', { scenarioId: other.id }));
    await ok(dispatch('targets.set', { scenarioId: other.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2022, value: 20 }] }));
    await same();
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2023, value: 20 }] }));
    await same();
    close();
  });
});
