/** Checks on the demo through the services, references as editable data, usulan blocked by errors. */
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../shared/api/contract.js';
import type { Indicator, ReferenceTarget, Scenario, WorkbookSummary } from '../../shared/domain.js';
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
});
