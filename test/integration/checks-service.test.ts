/** Checks on the demo through the services, references as editable data, usulan blocked by errors. */
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../shared/api/contract.js';
import type { Finding, Indicator, ReferenceTarget, Scenario, WorkbookSummary } from '../../shared/domain.js';
import { runChecks } from '../../shared/model/checks.js';
import { checkBase } from '../../electron/services/checks.js';
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

  it('the demo carries the Sumsel and Inpres references with their scope and sources; they are editable and undoable', async () => {
    const { dispatch, s, close } = await demoScenario();
    const list = await ok<{ references: ReferenceTarget[]; shockYears: { year: number }[] }>(dispatch('references.list', {}));
    expect(list.references.map((r) => [r.indicatorCode, r.scope, r.kind, r.comparison, r.year, r.value])).toEqual([
      ['P0', 'provinsi', 'annual_change', 'le', null, -1],
      ['P0', 'kabupaten', 'level', 'lt', 2024, 10],
      ['P0E', 'kabupaten', 'level', 'eq', 2024, 0],
    ]);
    expect(list.references.every((r) => r.source.length > 10)).toBe(true);
    expect(list.shockYears.map((y) => y.year)).toEqual([2020, 2021]);

    // Done when: no finding applies the Governor's provincial pace to the regency (it is context),
    // and the 2024 references — inside the demo's RPKD/RPD horizon (2026) — are listed as not
    // evaluated while the scenario has no 2024 target.
    let report = await ok<CheckReport>(dispatch('checks.run', { scenarioId: s.id }));
    expect(report.findings.filter((f) => f.checkId === 'reference')).toEqual([]);
    const context = report.findings.filter((f) => f.checkId === 'reference_context');
    expect(context.map((f) => [f.indicatorCode, f.severity, f.year])).toEqual([['P0', 'info', null]]);
    expect(context[0]!.message.id).toContain('Acuan provinsi Gubernur Sumsel (perubahan per tahun ≤ -1,00 poin persen) adalah target provinsi');
    const notEvaluated = report.findings.filter((f) => f.checkId === 'reference_not_evaluated');
    expect(notEvaluated.map((f) => [f.indicatorCode, f.severity, f.year])).toEqual([['P0', 'info', 2024], ['P0E', 'info', 2024]]);
    expect(notEvaluated[1]!.message.id).toContain('Acuan Inpres 4/2022 (2024) tidak dievaluasi: tidak ada target 2024');
    expect(notEvaluated[0]!.message.id).toContain('Acuan Gubernur Sumsel (2024) tidak dievaluasi: tidak ada target 2024');

    // Made a kabupaten pace, it is a finding — in the planned years only: the illustrative path's −0,40 in
    // 2022 and 2023, not 2018–2019 (realised at the 2021 revision) nor 2020–2021 (COVID-19).
    const pace = list.references.find((r) => r.kind === 'annual_change')!;
    await ok(dispatch('references.save', { ...pace, scope: 'kabupaten' }));
    report = await ok<CheckReport>(dispatch('checks.run', { scenarioId: s.id }));
    expect(report.findings.filter((f) => f.checkId === 'reference').map((f) => [f.year, f.severity])).toEqual([[2022, 'warning'], [2023, 'warning']]);
    expect(report.findings.filter((f) => f.checkId === 'reference_context')).toEqual([]);

    await ok(dispatch('history.undo', {}));
    report = await ok<CheckReport>(dispatch('checks.run', { scenarioId: s.id }));
    expect(report.findings.filter((f) => f.checkId === 'reference')).toEqual([]);
    expect(report.findings.filter((f) => f.checkId === 'reference_context')).toHaveLength(1);

    const bad = await dispatch('references.save', { ...pace, id: undefined, kind: 'level', year: null });
    expect(bad).toMatchObject({ ok: false, code: 'bad_input', field: 'year' });
    close();
  });

  it('on the demo: the 2019 target changed in the 2021 revision, P1 above P0, the published 2020 pair, a −4,5 pp jump, a one-word reason', async () => {
    const { dispatch, ind, s, close } = await demoScenario();
    const [p0, p1, jpm] = [ind('P0'), ind('P1'), ind('JPM')];
    const run = async () => (await ok<CheckReport>(dispatch('checks.run', { scenarioId: s.id }))).findings;
    const at = (findings: Finding[], checkId: string) => findings.filter((f) => f.checkId === checkId).map((f) => [f.indicatorCode, f.year, f.severity]);

    // A scenario from the original targets: none of these.
    let findings = await run();
    for (const id of ['realised_year_changed', 'p1_le_p0', 'ambitious', 'count_rate_consistency']) expect(at(findings, id), id).toEqual([]);

    // Changing the 2019 target in the revision of 23 August 2021: an error of its own, even with a justification.
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2019, value: 11.9 }] }));
    await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: p0.id, text: 'Koreksi salah ketik pada Perda 7/2019' }));
    findings = await run();
    expect(at(findings, 'realised_year_changed')).toEqual([['P0', 2019, 'error']]);
    expect(findings.find((f) => f.checkId === 'realised_year_changed')!.message.id).toContain('2019 sudah terealisasi pada tanggal perubahan 23 Agustus 2021');
    await ok(dispatch('history.undo', {}));
    await ok(dispatch('history.undo', {}));

    // P1 2022 = 15 beside P0 2022 = 11,75.
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2022, value: 11.75 }, { indicatorId: p1.id, year: 2022, value: 15 }] }));
    findings = await run();
    expect(at(findings, 'p1_le_p0')).toEqual([['P1', 2022, 'error']]);

    // The published pair 12,32 % and 79.270 (typed into 2020) is consistent with the Susenas population, 643.425.
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2020, value: 12.32 }, { indicatorId: jpm.id, year: 2020, value: 79_270 }] }));
    findings = await run();
    expect(findings.filter((f) => f.checkId === 'count_rate_consistency' && f.year === 2020)).toEqual([]);

    // A −4,5 pp jump: 2022 at 6,80 after 11,30 in 2021 (the region's record 2018–2020: −0,15 to −0,09 a year).
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2022, value: 6.8 }] }));
    findings = await run();
    expect(at(findings, 'ambitious')).toContainEqual(['P0', 2022, 'warning']);
    expect(findings.find((f) => f.checkId === 'ambitious' && f.year === 2022)!.message.id).toContain('-4,50 poin persen dalam setahun (target 2021 11,30 → 6,80), jauh di luar riwayat daerah -0,15 sampai -0,09 poin persen per tahun (2018–2020)');

    // 'x' is no justification.
    await ok(dispatch('justification.set', { scenarioId: s.id, indicatorId: p0.id, text: 'x' }));
    findings = await run();
    const short = findings.filter((f) => f.checkId === 'justification_missing' && f.indicatorCode === 'P0');
    expect(short.length).toBeGreaterThan(0);
    expect(short[0]!.message.id).toContain('terlalu pendek');
    close();
  });

  it('kept check state follows every kind of write: the same findings as a full run from the file', async () => {
    const { dispatch, ind, s, close, session } = await demoScenario();
    const full = () => {
      const wb = session.require();
      const { targets, justifications } = wb.reads.targets(s.id);
      return runChecks({ ...checkBase(wb), targets, justifications });
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
    await ok(dispatch('references.save', { ...refs.references.find((r) => r.kind === 'annual_change')!, value: -2, scope: 'kabupaten' }));
    await same();
    // The revision date moves the realised years; a method break cuts the region's record.
    await ok(dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2019, value: 11 }] }));
    await same();
    await ok(dispatch('settings.update', { revisionDate: '2020-08-01' }));
    await same();
    await ok(dispatch('methodBreaks.save', { indicatorCode: 'P0', year: 2019, note: 'uji' }));
    await same();
    await ok(dispatch('history.undo', {}));
    await ok(dispatch('history.undo', {}));
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
