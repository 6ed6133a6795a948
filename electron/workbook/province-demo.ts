/**
 * The demo province (issue 18, item 2; `npm run demo -- --province DIR`): the 17 kabupaten/kota
 * of Sumatera Selatan, one workbook each. Muara Enim's is the normal demo (demo.ts, its sourced
 * figures and worked example). For the other 16 this repository holds no sourced figures
 * (../shared/data/sumatera-selatan.md), so their numbers are ILLUSTRATIVE: generated
 * deterministically from the small spec below with a seeded generator (no Math.random), every
 * value marked ilustrasi with a source text saying so. The region names are real; the numbers
 * are not.
 *
 * Each illustrative workbook: plan 2018–2023 (baseline 2017, horizon 2026); P0 realisations
 * 2017–2020 near the province's levels (falling to 2019, up in 2020 with COVID-19); JPM of the
 * same years consistent with a population (JPM = P0 × population, so the Susenas population the
 * app derives is that population); P0 original targets 2018–2023; and the usulan scenario
 * "Perubahan 2021 (ilustrasi)" with revised P0 targets 2021–2026 made through the editors
 * (counts follow through the population), a justification, then marked usulan.
 */
import { mulberry32 } from '../../shared/seeded-random.js';
import type { Actor } from './edit.js';
import { createDemoWorkbook, demoSpec } from './demo.js';
import { createScenario, setScenarioStatus } from './editors/scenarios.js';
import { setJustification, setTargets } from './editors/targets.js';
import { STANDARD_INDICATORS } from './standard-indicators.js';
import type { NewWorkbook, SeedValue, StoreOptions } from './store.js';
import { Workbook } from './store.js';
import fs from 'node:fs';
import path from 'node:path';

export const PROVINCE = 'Sumatera Selatan';

export const ILLUSTRATIVE_SOURCE =
  'ILUSTRASI: angka contoh yang dibangkitkan untuk demo provinsi (npm run demo -- --province), bukan data BPS; nama wilayah nyata, angkanya tidak.';

/**
 * The 17 regions in the order of ../shared/data/sumatera-selatan.md, with the rough size and
 * poverty level the generator starts from (ILLUSTRATIVE orders of magnitude, not data).
 */
export const PROVINCE_REGIONS: readonly { name: string; kind: 'kabupaten' | 'kota'; population: number; p0: number; sourced?: true }[] = [
  { name: 'Ogan Komering Ulu', kind: 'kabupaten', population: 360_000, p0: 12.5 },
  { name: 'Ogan Komering Ilir', kind: 'kabupaten', population: 800_000, p0: 14.5 },
  { name: 'Muara Enim', kind: 'kabupaten', population: 640_000, p0: 12.6, sourced: true },
  { name: 'Lahat', kind: 'kabupaten', population: 410_000, p0: 16 },
  { name: 'Musi Rawas', kind: 'kabupaten', population: 400_000, p0: 13.8 },
  { name: 'Musi Banyuasin', kind: 'kabupaten', population: 630_000, p0: 16.2 },
  { name: 'Banyuasin', kind: 'kabupaten', population: 830_000, p0: 11.2 },
  { name: 'Ogan Komering Ulu Selatan', kind: 'kabupaten', population: 370_000, p0: 11.3 },
  { name: 'Ogan Komering Ulu Timur', kind: 'kabupaten', population: 660_000, p0: 10.4 },
  { name: 'Ogan Ilir', kind: 'kabupaten', population: 420_000, p0: 13.4 },
  { name: 'Empat Lawang', kind: 'kabupaten', population: 340_000, p0: 12.6 },
  { name: 'Penukal Abab Lematang Ilir', kind: 'kabupaten', population: 190_000, p0: 12.9 },
  { name: 'Musi Rawas Utara', kind: 'kabupaten', population: 190_000, p0: 19.5 },
  { name: 'Palembang', kind: 'kota', population: 1_650_000, p0: 11 },
  { name: 'Prabumulih', kind: 'kota', population: 190_000, p0: 11.5 },
  { name: 'Pagar Alam', kind: 'kota', population: 140_000, p0: 8.9 },
  { name: 'Lubuklinggau', kind: 'kota', population: 230_000, p0: 13.3 },
];

/** The region as a plan names it: "Kabupaten Lahat", "Kota Palembang". */
export const regionName = (r: { name: string; kind: 'kabupaten' | 'kota' }) => `${r.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${r.name}`;

/** The workbook's file name from the region's name: "kabupaten-lahat.rpjmd". */
export const regionFile = (r: { name: string; kind: 'kabupaten' | 'kota' }) =>
  `${regionName(r)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.rpjmd`;

const round2 = (x: number) => Math.round(x * 100) / 100;

export interface IllustrativeRegion {
  spec: NewWorkbook;
  /** The usulan's revised P0 targets by year. */
  revised: Record<number, number>;
}

/** The illustrative workbook of one region: deterministic in (region, seed). */
export function illustrativeRegion(region: (typeof PROVINCE_REGIONS)[number], seed: number): IllustrativeRegion {
  const rnd = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const base = demoSpec();
  const growth = between(0.008, 0.016);
  const pop2017 = Math.round(region.population * between(0.97, 1.03));
  const population = (year: number) => Math.round(pop2017 * (1 + growth) ** (year - 2017));
  const p0: Record<number, number> = {};
  p0[2017] = round2(region.p0 + between(0.1, 0.5));
  p0[2018] = round2(p0[2017] - between(0.1, 0.5));
  p0[2019] = round2(p0[2018] - between(0.1, 0.5));
  p0[2020] = round2(p0[2019] + between(0.1, 0.6));
  const values: SeedValue[] = [];
  const add = (indicatorCode: string, series: SeedValue['series'], year: number, value: number) =>
    values.push({ indicatorCode, series, year, value, source: ILLUSTRATIVE_SOURCE, illustrative: true });
  add('P0', 'baseline', 2017, p0[2017]);
  add('JPM', 'baseline', 2017, Math.round((p0[2017] / 100) * population(2017)));
  for (const year of [2018, 2019, 2020]) {
    add('P0', 'realisation', year, p0[year]!);
    add('JPM', 'realisation', year, Math.round((p0[year]! / 100) * population(year)));
  }
  const fall = between(0.3, 0.6);
  for (let year = 2018; year <= 2023; year++) add('P0', 'original_target', year, round2(p0[2017] - fall * (year - 2017)));
  const revised: Record<number, number> = {};
  revised[2021] = round2(p0[2020] - between(0, 0.2));
  const step = between(0.25, 0.5);
  for (let year = 2022; year <= 2026; year++) revised[year] = round2(revised[2021] - step * (year - 2021));
  return {
    spec: {
      plan: { region: regionName(region), province: PROVINCE, baselineYear: 2017, firstYear: 2018, lastYear: 2023, horizonYear: 2026 },
      indicators: STANDARD_INDICATORS,
      values,
      revisionDate: base.revisionDate ?? null,
    },
    revised,
  };
}

export const ILLUSTRATIVE_ACTOR: Actor = { user: 'contoh', person: null };
export const ILLUSTRATIVE_SCENARIO = 'Perubahan 2021 (ilustrasi)';

/** Writes one illustrative region's workbook: the seeded values, then the usulan through the editors. */
export async function createIllustrativeWorkbook(file: string, region: (typeof PROVINCE_REGIONS)[number], seed: number, opts: StoreOptions = {}): Promise<Workbook> {
  const { spec, revised } = illustrativeRegion(region, seed);
  const wb = await Workbook.create(file, spec, opts);
  try {
    const p0 = wb.indicatorIndex().byCode.get('P0');
    if (!p0) throw new Error('The standard indicators have no P0');
    const s = createScenario(
      wb,
      ILLUSTRATIVE_ACTOR,
      ILLUSTRATIVE_SCENARIO,
      `ILUSTRASI: contoh perubahan target untuk demo provinsi; angka ${regionName(region)} di buku kerja ini dibangkitkan, bukan data BPS atau target Perda.`,
      { kind: 'original' },
    );
    setTargets(wb, ILLUSTRATIVE_ACTOR, s.id, Object.entries(revised).map(([year, value]) => ({ indicatorId: p0.id, year: Number(year), value })), 'target.edit');
    setJustification(
      wb,
      ILLUSTRATIVE_ACTOR,
      s.id,
      p0.id,
      'Ilustrasi (angka dibangkitkan untuk demo provinsi, bukan data): pandemi COVID-19 menaikkan kemiskinan 2020, sehingga target 2021 dihitung ulang dari realisasi 2020 dan turun setiap tahun sampai 2026.',
    );
    const jpm = wb.indicatorIndex().byCode.get('JPM');
    if (jpm) setJustification(wb, ILLUSTRATIVE_ACTOR, s.id, jpm.id, 'Ilustrasi: mengikuti target persentase penduduk miskin, dihitung dengan penduduk yang dipakai angka kemiskinan (Susenas), bukan hasil sensus.');
    setScenarioStatus(wb, ILLUSTRATIVE_ACTOR, s.id, 'usulan');
    wb.startHistoryHere();
  } catch (err) {
    wb.close();
    throw err;
  }
  return wb;
}

/**
 * Writes the 17 workbooks into `dir` (created when missing; none of the files may exist yet).
 * Returns the files written, in the order of the regions.
 */
export async function createDemoProvince(dir: string, opts: StoreOptions = {}, seed = 20_210_801): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [i, region] of PROVINCE_REGIONS.entries()) {
    const file = path.join(dir, regionFile(region));
    const wb = region.sourced ? await createDemoWorkbook(file, opts) : await createIllustrativeWorkbook(file, region, seed + i, opts);
    wb.close();
    files.push(file);
  }
  return files;
}
