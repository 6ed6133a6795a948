/**
 * `npm run cli -- feasibility` (issue 16, part 2) on the demo with its worked example, the usulan
 * "Perubahan 2021 (contoh)" (P0 targets 12,20 / 11,80 / 11,40 for 2021–2023), after P1 2020 =
 * 1,85 is imported through the CLI's own import (the write path), run as a user would.
 *
 * Expected growths: Python's mpmath at 40 digits, as in test/unit/feasibility.test.ts (σ the root
 * of the P1 equation at P0 12,32 %, P1 1,85; g = exp(σ(Φ⁻¹(0,1232) − Φ⁻¹(target))) − 1, a year
 * (1 + g)^(1/n) − 1). People by hand with the Susenas population 643.425 (carried flat):
 * 12,32 % → 79.270; 12,20 % → 78.497,85 → 78.498; 11,80 % → 75.924,15 → 75.924; 11,40 % →
 * 73.350,45 → 73.350.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeasibilityReport } from '../../shared/model/feasibility.js';
import { createServices } from '../../electron/services/index.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { setTypedValues } from '../../electron/workbook/editors/values.js';
import { ok } from '../helpers/annex.js';
import { listing, sha256, tempDir } from '../helpers/files.js';

const entry = path.resolve('dist/node/cli.mjs');

function cli(args: string[], home: string) {
  return spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, RPJMD_WORKBENCH_HOME: home } });
}

function near(actual: number | null | undefined, expected: number, relTol = 1e-12): void {
  if (actual === null || actual === undefined) throw new Error(`expected ${expected}, got ${actual}`);
  const err = Math.abs(actual - expected) / Math.abs(expected);
  if (!(err <= relTol)) throw new Error(`${actual} differs from ${expected} by ${err.toExponential(2)} (relative), more than ${relTol}`);
}

/**
 * The demo with its worked example, less its illustrative P1 2020 (the demo ships one so its
 * Kelayakan computes; these tests enter their own, sourced, or none), through the write path.
 */
async function demoWithoutP1(file: string): Promise<void> {
  const wb = await createDemoWorkbook(file);
  const p1 = wb.indicatorIndex().byCode.get('P1')!;
  setTypedValues(wb, { user: 'test' }, [{ indicatorId: p1.id, year: 2020, series: 'realisation', value: null, source: '' }]);
  wb.close();
}

/** The demo with its worked example, P1 2020 = 1,85 imported by the CLI. */
async function demoWithP1(): Promise<{ file: string; dir: string; home: string }> {
  const dir = tempDir('rpjmd-feasibility-');
  const home = tempDir('rpjmd-feasibility-home-');
  const file = path.join(dir, 'muara-enim.rpjmd');
  await demoWithoutP1(file);
  const csv = path.join(dir, 'p1.csv');
  fs.writeFileSync(csv, 'Kode;Indikator;Satuan;2020\nP1;Indeks Kedalaman Kemiskinan (P1);indeks;1,85\n');
  const imp = cli(['import', '--workbook', file, '--from', csv], home);
  expect(imp.stdout).toContain('+ new      P1 2020 realisation: – → 1,85');
  expect(imp.status).toBe(0);
  return { file, dir, home };
}

describe('cli feasibility', () => {
  it('--json gives the growth each target of the usulan needs, rates as shares; the file is not touched', async () => {
    const { file, dir, home } = await demoWithP1();
    const before = sha256(file);
    const files = listing(dir);
    const run = cli(['feasibility', '--workbook', file, '--json'], home);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout) as FeasibilityReport;

    expect(r.base).toMatchObject({ year: 2020, p0: 0.1232, p1: 0.0185, fittedFrom: 'p1', population: 643425, poor: 79270, illustrative: false });
    // The σ test/unit/lognormal.test.ts checks against mpmath (0,34979226272017687943).
    near(r.base.sigma, 0.3497922627201769, 1e-14);
    near(r.base.a, -1.1591378494800573, 1e-15);

    // The RPJMD years, then the demo's RPKD/RPD horizon (2024–2026: 11,00 / 10,50 / 9,88 %).
    expect(r.years.map((y) => [y.indicator, y.year, y.target])).toEqual([
      ['P0', 2021, 0.122],
      ['P0', 2022, 0.118],
      ['P0', 2023, 0.114],
      ['P0', 2024, 0.11],
      ['P0', 2025, 0.105],
      ['P0', 2026, 0.0988],
    ]);
    near(r.years[0]!.requiredGrowth, 0.002069085563670534);
    near(r.years[0]!.requiredGrowthPerYear, 0.002069085563670534);
    near(r.years[1]!.requiredGrowth, 0.009102998304490961);
    near(r.years[1]!.requiredGrowthPerYear, 0.004541187958209587);
    near(r.years[2]!.requiredGrowth, 0.01635885908994254);
    near(r.years[2]!.requiredGrowthPerYear, 0.005423485657479361);
    // 2024: 11,00 % × 643.425 = 70.776,75 → 70.777; 2025: 67.559,6 → 67.560; 2026: 63.570,4 → 63.570.
    expect(r.years.map((y) => y.peopleOut)).toEqual([79270 - 78498, 78498 - 75924, 75924 - 73350, 73350 - 70777, 70777 - 67560, 67560 - 63570]);
    // The record: 2019 and 2020 implied 0,255 % and 0,154 % a year; 2021's 0,207 % lies between
    // their mean and the best, 2022 and 2023 beyond the best.
    expect(r.years.slice(0, 3).map((y) => y.rating)).toEqual(['ambitious', 'beyond_record', 'beyond_record']);
    near(r.record.passThrough, 0.05810519621610847);
    expect(r.problems.map((p) => `${p.severity} ${p.code} ${p.indicator} ${p.year} ${p.series}`)).toEqual([
      'info gini_missing GINI 2020 realisation',
      'info p2_missing P2 2020 realisation',
      // The horizon's years have no original target: the RPJMD ends in 2023.
      'info original_target_missing P0 2024 original_target',
      'info original_target_missing P0 2025 original_target',
      'info original_target_missing P0 2026 original_target',
    ]);
    expect(r.problems[2]!.message.id).toContain('2024 sesudah periode RPJMD (berakhir 2023)');

    // Read-only: the workbook's bytes are the same, and no lock, journal or temp file was left.
    expect(sha256(file)).toBe(before);
    expect(listing(dir)).toEqual(files);
  });

  it('prints a table in Indonesian numbers naming the scenario, and works while the app holds the write lock', async () => {
    const { file, home } = await demoWithP1();
    const services = createServices({ dataDir: tempDir(), host: 'browser', appVersion: 'test' });
    try {
      // Another process (the app) has it open for editing: the CLI opens read-only beside it.
      await ok(services.dispatch('workbook.open', { path: file }));
      const run = cli(['feasibility', '--workbook', file, '--lang', 'en'], home);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('scenario "Perubahan 2021 (contoh)" (the usulan)');
      expect(run.stdout).toContain('Base year 2020: P0 12,32 %, 79.270 poor of 643.425; σ 0,3498 (from P1 1,85)');
      expect(run.stdout).toMatch(/2021 +12,20 % +0,21 % +0,21 % +0,21 % +772 +ambitious +3,56 %/);
      expect(run.stdout).toMatch(/2023 +11,40 % +1,64 % +0,54 % +0,72 % +2\.574 +beyond the record +9,33 %/);
      expect(run.stdout).toContain('pass-through (Σ implied ÷ Σ economic growth) 0,058');
      expect(run.stdout).toContain('INFO    P2 2020 realisation: The P2 realisation of 2020 is missing');
    } finally {
      await services.close();
    }
  });

  it('names the number to enter when P1 and Gini are missing; --help; an unknown scenario is refused', async () => {
    const dir = tempDir('rpjmd-feasibility-');
    const home = tempDir('rpjmd-feasibility-home-');
    const file = path.join(dir, 'muara-enim.rpjmd');
    await demoWithoutP1(file);
    const run = cli(['feasibility', '--workbook', file, '--json'], home);
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout) as FeasibilityReport;
    expect(r.base.sigma).toBeNull();
    expect(r.problems[0]).toMatchObject({ code: 'dispersion_missing', severity: 'error', indicator: 'P1', alternative: 'GINI', year: 2020, series: 'realisation' });
    expect(r.years.map((y) => [y.year, y.requiredGrowth, y.peopleOut])).toEqual([
      [2021, null, 772],
      [2022, null, 2574],
      [2023, null, 2574],
      [2024, null, 2573],
      [2025, null, 3217],
      [2026, null, 3990],
    ]);
    const text = cli(['feasibility', '--workbook', file], home);
    expect(text.stdout).toContain('ERROR   P1 2020 realisation: Isi realisasi P1 (Indeks Kedalaman Kemiskinan) 2020, atau Rasio Gini 2020');

    const help = cli(['feasibility', '--help'], home);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run cli -- feasibility --workbook FILE [--scenario NAME] [--json]');
    expect(cli(['--help'], home).stdout).toMatch(/feasibility +the growth each poverty target needs/);
    expect(cli(['feasibility'], home).stderr).toContain('feasibility: --workbook is required');

    const unknown = cli(['feasibility', '--workbook', file, '--scenario', 'Tidak ada'], home);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('has no scenario named "Tidak ada"');
  });
});
