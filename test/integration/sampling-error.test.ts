/**
 * Issue 16, item 1: a standard error per indicator and year as workbook data — typed in the
 * Buku Kerja table (values.set) or imported (--series se) — and the check that a revised target
 * inside the base year's 95 % interval is said to be inside the sampling error.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../shared/api/contract.js';
import type { HistoryState, IndicatorValue, Scenario } from '../../shared/domain.js';
import { tempDir } from '../helpers/files.js';
import { demoWithUsulan, ok } from '../helpers/annex.js';

const entry = path.resolve('dist/node/cli.mjs');

describe('standard errors (series se)', () => {
  it('typed with a source: stored, undoable, logged; the issue\'s 12,60 / 12,10 / 11,50 proposal is inside the 2020 interval', async () => {
    const demo = await demoWithUsulan();
    const p0 = demo.ind('P0');
    const s = await ok<Scenario>(demo.dispatch('scenario.create', { name: 'Uji SE', from: { kind: 'original' } }));
    await ok(demo.dispatch('targets.set', { scenarioId: s.id, action: 'target.edit', cells: [2021, 2022, 2023].map((year, i) => ({ indicatorId: p0.id, year, value: [12.6, 12.1, 11.5][i] })) }));
    const before = await ok<CheckReport>(demo.dispatch('checks.run', { scenarioId: s.id }));
    expect(before.findings.filter((f) => f.checkId === 'inside_sampling_error')).toEqual([]);

    const values = await ok<IndicatorValue[]>(demo.dispatch('values.set', { cells: [{ indicatorId: p0.id, year: 2020, series: 'se', value: 0.6, source: 'BPS, Data dan Informasi Kemiskinan 2020 (galat baku)' }] }));
    expect(values.find((v) => v.indicatorId === p0.id && v.year === 2020 && v.series === 'se')).toMatchObject({ value: 0.6, source: 'BPS, Data dan Informasi Kemiskinan 2020 (galat baku)', illustrative: false });
    // The realisation of the same year is untouched: the SE is a series of its own.
    expect(values.find((v) => v.indicatorId === p0.id && v.year === 2020 && v.series === 'realisation')?.value).toBe(12.32);

    const report = await ok<CheckReport>(demo.dispatch('checks.run', { scenarioId: s.id }));
    const inside = report.findings.filter((f) => f.checkId === 'inside_sampling_error');
    expect(inside.map((f) => f.year)).toEqual([2021, 2022, 2023]);
    expect(inside[0]!.message.id).toContain('11,14–13,50 (galat baku 0,60)');

    const state = await ok<HistoryState>(demo.dispatch('history.state', {}));
    expect(state.undoLabel).toBe('value.edit');
    await ok(demo.dispatch('history.undo', {}));
    const after = await ok<IndicatorValue[]>(demo.dispatch('workbook.values', {}));
    expect(after.some((v) => v.series === 'se')).toBe(false);
    const log = await ok<{ action: string; series: string | null; newValue: number | null }[]>(demo.dispatch('changelog.list', {}));
    expect(log.filter((e) => e.action === 'value.edit').map((e) => [e.series, e.newValue])).toEqual(expect.arrayContaining([['se', 0.6]]));
    demo.close();
  });

  it('refused, naming the cell: a negative SE, an SE without its source, a series that is not typed', async () => {
    const demo = await demoWithUsulan();
    const p0 = demo.ind('P0');
    const neg = await demo.dispatch('values.set', { cells: [{ indicatorId: p0.id, year: 2020, series: 'se', value: -0.6, source: 'BPS' }] });
    expect(neg).toMatchObject({ ok: false, code: 'bad_input' });
    expect(!neg.ok && neg.message).toContain('P0 2020');
    const noSource = await demo.dispatch('values.set', { cells: [{ indicatorId: p0.id, year: 2020, series: 'se', value: 0.6, source: '  ' }] });
    expect(noSource).toMatchObject({ ok: false, code: 'bad_input', params: { reason: 'source_missing', indicatorCode: 'P0', year: 2020 } });
    const original = await demo.dispatch('values.set', { cells: [{ indicatorId: p0.id, year: 2021, series: 'original_target', value: 11, source: 'x' }] });
    expect(original).toMatchObject({ ok: false, code: 'bad_input' });
    const values = await ok<IndicatorValue[]>(demo.dispatch('workbook.values', {}));
    expect(values.some((v) => v.series === 'se')).toBe(false);
    demo.close();
  });

  it('npm run cli -- import --series se reads a template CSV into the se series, with the file as source', async () => {
    const demo = await demoWithUsulan();
    const dir = tempDir('rpjmd-se-');
    const file = path.join(dir, 'muara-enim.rpjmd');
    await ok(demo.dispatch('workbook.saveAs', { path: file }));
    demo.close();
    const csv = path.join(dir, 'galat-baku.csv');
    fs.writeFileSync(csv, 'Kode;Indikator;Satuan;2019;2020\nP0;Persentase Penduduk Miskin;%;0,58;0,60\n');
    const run = spawnSync(process.execPath, [entry, 'import', '--workbook', file, '--from', csv, '--series', 'se'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, RPJMD_WORKBENCH_HOME: tempDir('rpjmd-se-home-') } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/P0 2020 se: – → 0,60/);
    const check = spawnSync(process.execPath, [entry, 'check', '--workbook', file], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, RPJMD_WORKBENCH_HOME: tempDir('rpjmd-se-home-') } });
    // The proposal's 12,60 (2021) and 12,10 (2022) lie inside 12,32 ± 1,96 × 0,60 = 11,14–13,50.
    const inside = check.stdout.split('\n').filter((l) => l.includes('[inside_sampling_error]'));
    expect(inside.map((l) => /P0 (\d{4})/.exec(l)?.[1])).toEqual(['2021', '2022']);
    expect(inside[0]).toContain('11,14–13,50 (galat baku 0,60)');
  });
});
