/**
 * The province, as a user runs it (issue 18, items 1 and 2): `npm run demo -- --province DIR`
 * writes the 17 workbooks of Sumatera Selatan, and `npm run cli -- province --folder DIR --json`
 * reads them read-only — byte-identical afterwards, no lock or journal left — listing 17 regions
 * and an aggregate equal to the population-weighted mean of their own rates (recomputed here
 * from each region's p0 and population). A damaged file, a workbook of another province, one of
 * another plan period and one of a newer version are listed with their reason; the rest still
 * aggregate.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workbook } from '../../electron/workbook/store.js';
import { ILLUSTRATIVE_SOURCE, illustrativeRegion, PROVINCE_REGIONS } from '../../electron/workbook/province-demo.js';
import { newerWorkbook, TEST_PLAN } from '../helpers/fixtures.js';
import { listing, sha256, tempDir } from '../helpers/files.js';

const cliEntry = path.resolve('dist/node/cli.mjs');
const serveEntry = path.resolve('dist/node/serve.mjs');

interface ProvinceJson {
  province: string | null;
  period: { firstYear: number; lastYear: number } | null;
  rates: string;
  regions: {
    name: string;
    file: string;
    population: Record<string, number>;
    p0: Record<string, number>;
    original: Record<string, number>;
    revised: Record<string, number> | null;
    usulan: string | null;
    checkErrors: number;
    illustrative: Record<string, string[]>;
    indicators: Record<string, { realised: Record<string, number>; original: Record<string, number>; revised: Record<string, number> | null }>;
  }[];
  aggregate: {
    p0: Record<string, number>;
    coverage: Record<string, number>;
    population: Record<string, number>;
    target: { p0: Record<string, number>; coverage: Record<string, number> };
    indicators: Record<string, { realised: { value: Record<string, number>; coverage: Record<string, number> }; target: { value: Record<string, number> } }>;
  };
  excluded: { file: string; reason: string; message: string }[];
  loosening: { name: string; year: number; original: number; revised: number; change: number }[];
  flags: {
    notBelowTenIn2024: { name: string; value: number | null }[];
    failingChecks: { name: string; errors: number }[];
    loosening: { name: string; year: number; original: number; revised: number; change: number }[];
  };
  provinceTargets: { range2021: { value: number | null; within: boolean | null; complete: boolean } };
}

function run(entry: string, args: string[], home: string) {
  return spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, RPJMD_WORKBENCH_HOME: home } });
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listing(dir).map((f) => [f, sha256(path.join(dir, f))]));
}

/** Σ P0ₖ × popₖ ÷ Σ popₖ per year, from the regions' own numbers in the JSON. */
function recompute(regions: ProvinceJson['regions']): { rate: Record<string, number>; n: Record<string, number> } {
  const num: Record<string, number> = {};
  const den: Record<string, number> = {};
  const n: Record<string, number> = {};
  for (const r of regions) {
    for (const [year, rate] of Object.entries(r.p0)) {
      const pop = r.population[year];
      if (pop === undefined) continue;
      num[year] = (num[year] ?? 0) + rate * pop;
      den[year] = (den[year] ?? 0) + pop;
      n[year] = (n[year] ?? 0) + 1;
    }
  }
  return { rate: Object.fromEntries(Object.keys(num).map((y) => [y, num[y]! / den[y]!])), n };
}

describe('demo --province and cli province', () => {
  const home = tempDir('rpjmd-province-home-');
  const dir = path.join(tempDir('rpjmd-province-'), 'sumsel');

  beforeAll(() => {
    const r = run(serveEntry, ['--make-demo', '--province', dir], home);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it('writes the 17 workbooks, Muara Enim the sourced demo, the others illustrative on every value', async () => {
    const files = listing(dir);
    expect(files).toHaveLength(17);
    expect(files).toContain('kabupaten-muara-enim.rpjmd');
    expect(files).toContain('kota-palembang.rpjmd');
    const wb = await Workbook.open(path.join(dir, 'kabupaten-lahat.rpjmd'), { readOnly: true });
    try {
      expect(wb.plan()).toMatchObject({ region: 'Kabupaten Lahat', province: 'Sumatera Selatan', firstYear: 2018, lastYear: 2023, horizonYear: 2026 });
      const values = wb.values();
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) {
        expect(v.illustrative).toBe(true);
        expect(v.source).toBe(ILLUSTRATIVE_SOURCE);
      }
      expect(wb.scenarios().filter((s) => s.status === 'usulan')).toHaveLength(1);
    } finally {
      wb.close();
    }
    const me = await Workbook.open(path.join(dir, 'kabupaten-muara-enim.rpjmd'), { readOnly: true });
    try {
      expect(me.values().some((v) => !v.illustrative)).toBe(true);
    } finally {
      me.close();
    }
  });

  it('generates the same illustrative numbers every time (seeded)', () => {
    const lahat = PROVINCE_REGIONS.find((r) => r.name === 'Lahat')!;
    expect(illustrativeRegion(lahat, 7)).toEqual(illustrativeRegion(lahat, 7));
    expect(illustrativeRegion(lahat, 7).spec.values).not.toEqual(illustrativeRegion(lahat, 8).spec.values);
  });

  it('--json lists 17 regions and their population-weighted aggregate, and leaves the files byte-identical', () => {
    const before = snapshot(dir);
    const r = run(cliEntry, ['province', '--folder', dir, '--json'], home);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    const j = JSON.parse(r.stdout) as ProvinceJson;
    expect(j.province).toBe('Sumatera Selatan');
    expect(j.rates).toBe('percent');
    expect(j.regions).toHaveLength(17);
    expect(j.excluded).toEqual([]);
    const me = j.regions.find((x) => x.name === 'Kabupaten Muara Enim')!;
    // The sourced 2020 figure, in percent as stored; the Susenas population 79.270 ÷ 12,32 % implies (not the census 612.900).
    expect(me.p0['2020']).toBe(12.32);
    expect(me.population['2020']).toBe(643_425);
    expect(me.revised?.['2024']).toBe(11);
    const expected = recompute(j.regions);
    expect(Object.keys(j.aggregate.p0).sort()).toEqual(Object.keys(expected.rate).sort());
    for (const [year, rate] of Object.entries(expected.rate)) {
      expect(j.aggregate.p0[year]).toBeCloseTo(rate, 10);
      expect(j.aggregate.coverage[year]).toBe(expected.n[year]);
    }
    expect(j.aggregate.coverage['2020']).toBe(17);
    // A weighted mean, not the plain mean of the 17 rates.
    const plain = j.regions.reduce((s, x) => s + x.p0['2020']!, 0) / 17;
    expect(Math.abs(j.aggregate.p0['2020']! - plain)).toBeGreaterThan(1e-6);
    expect(j.flags.notBelowTenIn2024.map((f) => f.name)).toContain('Kabupaten Muara Enim');
    expect(j.flags.failingChecks).toEqual([]);

    // JPM adds up: the province's 2020 count is the sum of the 17 regions' own counts.
    const jpm2020 = j.regions.reduce((s, x) => s + (x.indicators.JPM?.realised['2020'] ?? 0), 0);
    expect(j.aggregate.indicators.JPM!.realised.value['2020']).toBe(jpm2020);
    expect(j.aggregate.indicators.JPM!.realised.coverage['2020']).toBe(17);
    // Muara Enim's P0 realisations are sourced, its original targets illustrative (the RPJMD table
    // was not found); the other 16 regions' P0 is illustrative in both series.
    expect(me.illustrative.P0).toEqual(['original']);
    expect(j.regions.filter((x) => x.illustrative.P0?.includes('realised'))).toHaveLength(16);
    // Loosening: the loosest first, each revised − original at its loosest year; Muara Enim's 2021 11,30 → 12,20 (+0,90 pp).
    const changes = j.loosening.map((l) => l.change);
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    expect(j.loosening.find((l) => l.name === 'Kabupaten Muara Enim')).toMatchObject({ year: 2021, original: 11.3, revised: 12.2, change: 0.9 });
    for (const l of j.loosening) expect(l.change).toBeCloseTo(l.revised - l.original, 10);
    // The flag singles out the three loosest of them.
    expect(j.flags.loosening).toEqual(j.loosening.slice(0, 3));
    // The province's 2021 target range is checked on the full (17/17) aggregate target.
    expect(j.provinceTargets.range2021.value).toBeCloseTo(j.aggregate.target.p0['2021']!, 12);
    expect(j.provinceTargets.range2021.complete).toBe(true);
  });

  it('lists a damaged file, another province, another plan period and a newer workbook with their reason; the rest still aggregate', async () => {
    const mixed = tempDir('rpjmd-province-mixed-');
    for (const f of listing(dir).slice(0, 5)) fs.copyFileSync(path.join(dir, f), path.join(mixed, f));
    fs.writeFileSync(path.join(mixed, 'x.rpjmd'), 'not a workbook\n');
    (await Workbook.create(path.join(mixed, 'kota-jambi.rpjmd'), { plan: { ...TEST_PLAN, region: 'Kota Jambi', province: 'Jambi' } })).close();
    (await Workbook.create(path.join(mixed, 'periode-lain.rpjmd'), { plan: { ...TEST_PLAN, region: 'Kabupaten Lain', firstYear: 2019, lastYear: 2024, baselineYear: 2018 } })).close();
    await newerWorkbook(mixed);
    fs.writeFileSync(path.join(mixed, 'catatan.txt'), 'not read\n');
    const before = snapshot(mixed);
    const r = run(cliEntry, ['province', '--folder', mixed, '--json'], home);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(snapshot(mixed)).toEqual(before);
    const j = JSON.parse(r.stdout) as ProvinceJson;
    expect(j.regions).toHaveLength(5);
    expect(j.excluded.map((e) => [e.file, e.reason])).toEqual([
      ['kota-jambi.rpjmd', 'other_province'],
      ['masa-depan.rpjmd', 'refused_newer'],
      ['periode-lain.rpjmd', 'other_plan_period'],
      ['x.rpjmd', 'refused_not_workbook'],
    ]);
    const expected = recompute(j.regions);
    for (const [year, rate] of Object.entries(expected.rate)) expect(j.aggregate.p0[year]).toBeCloseTo(rate, 10);
    expect(j.aggregate.coverage['2020']).toBe(5);

    const text = run(cliEntry, ['province', '--folder', mixed], home);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Left out of the aggregate:');
    expect(text.stdout).toContain('x.rpjmd: refused_not_workbook');
    expect(snapshot(mixed)).toEqual(before);
  });

  it('reads a workbook another process has open for editing (no write lock taken, its lock untouched)', async () => {
    const file = path.join(dir, 'kabupaten-lahat.rpjmd');
    const editing = await Workbook.open(file);
    try {
      const before = snapshot(dir);
      expect(before.size).toBeGreaterThan(17); // the editor's lock file beside it
      const r = run(cliEntry, ['province', '--folder', dir, '--json'], home);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect((JSON.parse(r.stdout) as ProvinceJson).regions).toHaveLength(17);
      expect(snapshot(dir)).toEqual(before);
    } finally {
      editing.close();
    }
  });

  it('a folder that does not exist is exit code 2 with the reason', () => {
    const r = run(cliEntry, ['province', '--folder', path.join(dir, 'nope')], home);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot be read as a folder/);
  });
});
