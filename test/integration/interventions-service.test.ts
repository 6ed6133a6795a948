/**
 * Issue 17, items 3–5 through the services and the CLI: the demo's illustrative programmes move
 * the usulan's P0 path (a model estimate), the 2024 gap is measured against the Governor's
 * < 10 %, and `feasibility --json` carries `interventions`. Expected numbers are the model's own
 * (unit-tested against independent closed forms in test/unit/interventions.test.ts); here they are
 * recomputed by hand from the demo's inputs to show the service feeds the model the right ones.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookSummary } from '../../shared/domain.js';
import type { InterventionsView } from '../../shared/interventions.js';
import { bandShare } from '../../shared/model/interventions.js';
import { phiInverse } from '../../shared/model/lognormal.js';
import { createServices } from '../../electron/services/index.js';
import { tempDir } from '../helpers/files.js';
import { ok } from '../helpers/annex.js';

describe('interventions through the services', () => {
  it('the demo: years after 2020 to the horizon 2026, the path with the programmes below the usulan, the 2024 gap to < 10 %', async () => {
    const s = createServices({ dataDir: tempDir(), host: 'browser', appVersion: 'test' });
    const summary = await ok<WorkbookSummary>(s.dispatch('workbook.openDemo', {}));
    expect(summary.plan).toMatchObject({ lastYear: 2023, horizonYear: 2026 });
    const usulan = summary.scenarios.find((x) => x.status === 'usulan')!;
    const v = await ok<InterventionsView>(s.dispatch('interventions.get', { scenarioId: usulan.id }));
    expect(v.report.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(v.illustrative).toBe(true);
    expect(v.householdSize).toBe(4.6);
    expect(v.targets).toEqual([{ year: 2024, label: 'Gubernur Sumsel', value: 10 }]);
    // The only poverty line is the (illustrative) 2024 figure, carried to the other years.
    expect(v.povertyLines.find((l) => l.year === 2022)).toMatchObject({ value: 472_000, basis: 'carried', from: 2024, illustrative: true });

    // 2022: one programme, 1.000 households × 75 % × 4,6 people = 3.450 poor reached of 11,80 % × 643.425.
    const y2022 = v.report.years.find((y) => y.year === 2022)!;
    const poor = 0.118 * 643_425;
    const c = (1000 * 0.75 * 4.6) / poor;
    const lifted = c * bandShare(phiInverse(0.118), v.sigma!, 200_000 / 4.6 / 472_000);
    expect(y2022.p0Without).toBeCloseTo(0.118, 12);
    expect(y2022.p0With!).toBeCloseTo(0.118 - lifted, 12);
    expect(y2022.peopleLifted).toBe(Math.round(lifted * 643_425));
    expect(y2022.budget).toBe(2_400_000_000);
    // Never more lifted than reached.
    for (const y of v.report.years) expect(y.peopleLifted ?? 0).toBeLessThanOrEqual(y.programmes.reduce((n, p) => n + (p.poorReached ?? 0), 0) + 0.5);

    const y2024 = v.report.years.find((y) => y.year === 2024)!;
    expect(y2024.target).toBe(0.1);
    expect(y2024.p0With!).toBeLessThan(0.11);
    expect(y2024.gapPp!).toBeCloseTo(y2024.p0With! - 0.1, 12);
    expect(y2024.budgetToClose!).toBeCloseTo(y2024.gapPeople! * y2024.costPerPersonLifted!, 3);
    s.close();
  });

  it('npm run cli -- feasibility --json adds interventions: { year, p0Without, p0With, peopleLifted, budget, costPerPersonLifted }', async () => {
    const dir = tempDir('rpjmd-iv-');
    const file = path.join(dir, 'demo.rpjmd');
    const make = spawnSync(process.execPath, [path.resolve('dist/node/serve.mjs'), '--make-demo', file], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, RPJMD_WORKBENCH_HOME: dir } });
    expect(make.status).toBe(0);
    const run = spawnSync(process.execPath, [path.resolve('dist/node/cli.mjs'), 'feasibility', '--workbook', file, '--json'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, RPJMD_WORKBENCH_HOME: dir } });
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { interventions: { year: number; p0Without: number; p0With: number; peopleLifted: number; budget: number; costPerPersonLifted: number | null }[] };
    const y = json.interventions.find((i) => i.year === 2023)!;
    expect(Object.keys(y)).toEqual(expect.arrayContaining(['year', 'p0Without', 'p0With', 'peopleLifted', 'budget', 'costPerPersonLifted']));
    expect(y.p0With).toBeLessThan(y.p0Without);
    expect(y.costPerPersonLifted).toBeCloseTo(y.budget / y.peopleLifted, 6);
  });
});
