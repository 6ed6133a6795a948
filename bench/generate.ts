/**
 * Synthetic workbooks for the bench (issue #7): a regency's RPJMD and a province-scale one, made
 * through the real store (Workbook.create seeds the plan, indicators and values; scenarios,
 * targets, justifications and the change log go in with prepared statements in one transaction,
 * since the public API records an undo step per write and would take minutes at 300k cells).
 * The result opens with Workbook.open and passes the app's checks with no error-level finding in
 * any scenario, so the annex can be exported from it.
 *
 * Values are plausible for an Indonesian regency: poverty rates 2–25 %, counts in thousands,
 * growth rates, Gini 0,30–0,45, IPM 60–80, a population row with its projection; original
 * targets move each indicator in its good direction, realisations scatter around them, and each
 * scenario revises about a third of the indicators from the third target year on, with a
 * justification for each.
 *
 * Sizes:
 *   regency   12 indicators (the standard set) × 6 years × 3 scenarios, ~300 change-log rows
 *   rpjmd     600 indicators × 10 years × 5 scenarios, 10,000 change-log rows
 *   rpjmd10x  6,000 indicators × 10 years × 5 scenarios, 100,000 change-log rows (everything
 *             that grows with the indicators is ten times rpjmd, so growth slopes compare like with like)
 *
 * CLI: `npm run bench -- --generate <size> <file>` (bundled by scripts/bench.mjs).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Indicator, Plan, Polarity, IndicatorGroup } from '../shared/domain.js';
import { POPULATION_CODE } from '../shared/domain.js';
import { countFromRate } from '../shared/model/rate-count.js';
import { roundTo } from '../shared/model/rounding.js';
import { checkScenario } from '../electron/services/checks.js';
import { STANDARD_INDICATORS, type IndicatorSpec } from '../electron/workbook/standard-indicators.js';
import { Workbook, type SeedValue } from '../electron/workbook/store.js';
import { rng } from '../test/helpers/rng.js';

export type BenchSize = 'regency' | 'rpjmd' | 'rpjmd10x';

export const BENCH_SIZES: readonly BenchSize[] = ['regency', 'rpjmd', 'rpjmd10x'];

export interface SizeSpec {
  indicators: number;
  years: number;
  scenarios: number;
  changeLog: number;
}

export const SIZE_SPECS: Record<BenchSize, SizeSpec> = {
  regency: { indicators: 12, years: 6, scenarios: 3, changeLog: 300 },
  rpjmd: { indicators: 600, years: 10, scenarios: 5, changeLog: 10_000 },
  rpjmd10x: { indicators: 6000, years: 10, scenarios: 5, changeLog: 100_000 },
};


const AGENCIES: readonly [string, string][] = [
  ['Dinas Kesehatan', 'Health Office'],
  ['Dinas Pendidikan', 'Education Office'],
  ['Dinas Sosial', 'Social Affairs Office'],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', 'Public Works Office'],
  ['Dinas Pertanian', 'Agriculture Office'],
  ['Dinas Pemberdayaan Masyarakat dan Desa', 'Village Empowerment Office'],
  ['Dinas Tenaga Kerja dan Transmigrasi', 'Manpower Office'],
  ['Dinas Perikanan', 'Fisheries Office'],
  ['Dinas Perdagangan dan Perindustrian', 'Trade and Industry Office'],
  ['Dinas Koperasi dan UKM', 'Cooperatives and SME Office'],
  ['Dinas Lingkungan Hidup', 'Environment Office'],
  ['Dinas Perumahan dan Kawasan Permukiman', 'Housing Office'],
  ['Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'Women and Child Protection Office'],
  ['Dinas Kependudukan dan Pencatatan Sipil', 'Civil Registry Office'],
  ['Dinas Ketahanan Pangan', 'Food Security Office'],
  ['Dinas Pariwisata', 'Tourism Office'],
  ['Dinas Perhubungan', 'Transport Office'],
  ['Dinas Komunikasi dan Informatika', 'ICT Office'],
  ['Badan Penanggulangan Bencana Daerah', 'Disaster Management Agency'],
  ['Badan Perencanaan Pembangunan Daerah', 'Development Planning Agency'],
];

interface Kind {
  subjects: readonly [string, string][];
  unit: string;
  polarity: Polarity;
  decimals: number;
  group: IndicatorGroup;
  min: number | null;
  max: number | null;
  /** Baseline range, and the yearly move of the original target in the good direction. */
  base: [number, number];
  step: [number, number];
}

const KINDS: readonly Kind[] = [
  {
    // Poverty-like shares: lower is better, 2–25 %.
    subjects: [['Persentase Rumah Tangga Miskin', 'Share of poor households'], ['Prevalensi Balita Stunting', 'Stunting prevalence'], ['Persentase Rumah Tidak Layak Huni', 'Share of substandard houses'], ['Angka Putus Sekolah', 'School dropout rate'], ['Persentase Desa Tertinggal', 'Share of lagging villages']],
    unit: '%', polarity: 'lower', decimals: 2, group: 'kemiskinan', min: 0, max: 100, base: [2, 25], step: [0.2, 0.8],
  },
  {
    // Coverage shares: higher is better.
    subjects: [['Cakupan Air Minum Layak', 'Safe drinking water coverage'], ['Cakupan Sanitasi Layak', 'Sanitation coverage'], ['Cakupan Jaminan Kesehatan', 'Health insurance coverage'], ['Angka Partisipasi Murni SMP', 'Junior secondary net enrolment'], ['Persentase Jalan Kondisi Mantap', 'Share of roads in good condition']],
    unit: '%', polarity: 'higher', decimals: 2, group: 'makro', min: 0, max: 100, base: [45, 85], step: [0.5, 1.5],
  },
  {
    // Counts in thousands: fewer is better.
    subjects: [['Jumlah Keluarga Penerima Manfaat', 'Beneficiary families'], ['Jumlah Penganggur', 'Unemployed people'], ['Jumlah Rumah Tidak Layak Huni', 'Substandard houses'], ['Jumlah Anak Tidak Sekolah', 'Out-of-school children']],
    unit: 'jiwa', polarity: 'lower', decimals: 0, group: 'kemiskinan', min: 0, max: null, base: [1_000, 90_000], step: [300, 2_000],
  },
  {
    // Counts in thousands: more is better.
    subjects: [['Jumlah Wirausaha Baru', 'New entrepreneurs'], ['Jumlah Tenaga Kerja Terlatih', 'Trained workers'], ['Jumlah Wisatawan', 'Visitors']],
    unit: 'orang', polarity: 'higher', decimals: 0, group: 'makro', min: 0, max: null, base: [2_000, 250_000], step: [200, 6_000],
  },
  {
    // Growth rates.
    subjects: [['Pertumbuhan PDRB Sektor', 'Sector GDP growth'], ['Pertumbuhan Investasi', 'Investment growth'], ['Pertumbuhan Nilai Tukar Petani', 'Farmer terms-of-trade growth']],
    unit: '%', polarity: 'higher', decimals: 2, group: 'makro', min: -100, max: 100, base: [-1, 7], step: [0.05, 0.3],
  },
  {
    // Inequality (Gini 0,30–0,45).
    subjects: [['Rasio Gini Wilayah', 'Area Gini ratio'], ['Indeks Ketimpangan Gender', 'Gender inequality index']],
    unit: 'indeks', polarity: 'lower', decimals: 3, group: 'makro', min: 0, max: 1, base: [0.3, 0.45], step: [0.002, 0.006],
  },
  {
    // IPM-like composite indices, 60–80.
    subjects: [['Indeks Pembangunan Manusia Kecamatan', 'Sub-district HDI'], ['Indeks Desa Membangun', 'Village development index'], ['Indeks Kualitas Lingkungan Hidup', 'Environmental quality index']],
    unit: 'indeks', polarity: 'higher', decimals: 2, group: 'makro', min: 0, max: 100, base: [60, 80], step: [0.3, 0.9],
  },
];

const clampTo = (ind: Pick<IndicatorSpec, 'minValue' | 'maxValue' | 'decimals'>, v: number) =>
  roundTo(Math.min(ind.maxValue ?? Infinity, Math.max(ind.minValue ?? -Infinity, v)), ind.decimals);

/** Baseline level and yearly step of the standard indicators (a regency of ~600k people). */
const STANDARD_PATH: Record<string, { base: [number, number]; step: [number, number] }> = {
  PE: { base: [4, 6], step: [0.05, 0.15] },
  PDRBK: { base: [40, 180], step: [3, 9] },
  TPT: { base: [3, 7], step: [0.1, 0.3] },
  IPM: { base: [65, 75], step: [0.4, 0.8] },
  GINI: { base: [0.32, 0.4], step: [0.002, 0.005] },
  P0: { base: [9, 16], step: [0.3, 0.6] },
  P0E: { base: [1, 4], step: [0.2, 0.5] },
  P1: { base: [1.2, 2.5], step: [0.05, 0.15] },
  P2: { base: [0.25, 0.6], step: [0.01, 0.04] },
  GK: { base: [420_000, 600_000], step: [15_000, 25_000] },
};

function syntheticIndicators(count: number, rand: () => number): { spec: IndicatorSpec; kind: Kind }[] {
  const out: { spec: IndicatorSpec; kind: Kind }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const [subjectId, subjectEn] = kind.subjects[Math.floor(i / KINDS.length) % kind.subjects.length]!;
    const [agencyId, agencyEn] = AGENCIES[Math.floor(rand() * AGENCIES.length)]!;
    const n = i + 1;
    out.push({
      kind,
      spec: {
        code: `OPD${String(n).padStart(5, '0')}`,
        nameId: `${subjectId} ${n} — ${agencyId}`,
        nameEn: `${subjectEn} ${n} — ${agencyEn}`,
        unit: kind.unit,
        polarity: kind.polarity,
        decimals: kind.decimals,
        group: kind.group,
        definition: `Indikator kinerja ${agencyId} (sintetis, untuk uji beban).`,
        minValue: kind.min,
        maxValue: kind.max,
      },
    });
  }
  return out;
}

const between = (rand: () => number, [lo, hi]: [number, number]) => lo + (hi - lo) * rand();

const SCENARIO_NAMES = ['Usulan Perubahan', 'Moderat', 'Optimis', 'Pesimis', 'Pemulihan Lambat', 'Percepatan', 'Fiskal Ketat'];
const USERS = ['perencana.bappeda', 'tkpk.sekretariat', 'analis.bps', 'kabid.ekonomi'];
const JUSTIFICATIONS = [
  'Disesuaikan dengan realisasi dua tahun pertama yang di bawah target awal.',
  'Mengikuti proyeksi BPS terbaru dan kapasitas fiskal daerah.',
  'Target dipercepat sesuai arahan Gubernur dan RPJMN.',
  'Dampak pemulihan ekonomi lebih lambat dari asumsi RPJMD.',
  'Penyesuaian dengan program prioritas perangkat daerah.',
];

export interface GeneratedSummary {
  indicators: number;
  years: number;
  scenarios: number;
  changeLog: number;
}

/**
 * Writes a synthetic workbook of `size` to `file` (which must not exist). Deterministic for a
 * seed. Resolves once the file is closed, after reopening it and checking every scenario.
 */
export async function generateWorkbook(file: string, size: BenchSize, seed = 1): Promise<GeneratedSummary> {
  const spec = SIZE_SPECS[size];
  if (!spec) throw new Error(`Unknown bench size "${String(size)}" (regency | rpjmd | rpjmd10x)`);
  return generateSized(file, size, spec, seed);
}

/**
 * A tenth of rpjmd (60 indicators, 1,000 change-log rows): the small end of the import's growth
 * slope, since rpjmd10x's annex is beyond what the import accepts (see docs/PERFORMANCE.md).
 */
export const TENTH_SPEC: SizeSpec = { indicators: 60, years: 10, scenarios: 5, changeLog: 1_000 };

/** Like generateWorkbook, with the counts given (`name` only picks the region's name). */
export async function generateSized(file: string, name: string, spec: SizeSpec, seed = 1): Promise<GeneratedSummary> {
  const size = name;
  const rand = rng(seed);
  const baselineYear = 2024;
  const plan: Plan = {
    region: size === 'regency' ? 'Kabupaten Sintetis' : 'Kabupaten Sintetis Raya',
    province: 'Sumatera Selatan',
    baselineYear,
    firstYear: baselineYear + 1,
    lastYear: baselineYear + spec.years,
  };
  const years: number[] = [];
  for (let y = plan.firstYear; y <= plan.lastYear; y++) years.push(y);
  /** Realisations known at the revision: the baseline year and the first two target years. */
  const realYears = [baselineYear, plan.firstYear, plan.firstYear + 1];

  const synthetic = syntheticIndicators(Math.max(0, spec.indicators - STANDARD_INDICATORS.length), rand);
  const indicators: IndicatorSpec[] = [...STANDARD_INDICATORS.slice(0, spec.indicators), ...synthetic.map((s) => s.spec)];
  const kindOf = new Map(synthetic.map((s) => [s.spec.code, s.kind]));

  // Original targets and workbook values per indicator.
  const values: SeedValue[] = [];
  const original = new Map<string, Map<number, number>>();
  const source = (what: string) => `Sintetis (uji beban): ${what}`;
  const push = (ind: IndicatorSpec, year: number, series: SeedValue['series'], value: number, illustrative = false) =>
    values.push({ indicatorCode: ind.code, year, series, value, source: source(`${series} ${ind.code} ${year}`), illustrative });

  const population = new Map<number, number>();
  const pop0 = Math.round(between(rand, [350_000, 1_200_000]));
  for (let y = baselineYear; y <= plan.lastYear; y++) population.set(y, Math.round(pop0 * Math.pow(1.012, y - baselineYear)));

  const rates = new Map<string, Map<number, number>>();
  for (const ind of indicators) {
    const path = new Map<number, number>();
    if (ind.code === POPULATION_CODE) {
      for (const y of [baselineYear, ...years]) path.set(y, population.get(y)!);
      push(ind, baselineYear, 'baseline', population.get(baselineYear)!);
      for (const y of years) push(ind, y, 'projection', population.get(y)!);
    } else if (ind.code === 'JPM' || ind.code === 'JPME') {
      const rate = rates.get(ind.code === 'JPM' ? 'P0' : 'P0E')!;
      for (const [y, r] of rate) path.set(y, countFromRate(r, population.get(y)!));
    } else {
      const kind = kindOf.get(ind.code);
      const shape = kind ? { base: kind.base, step: kind.step } : STANDARD_PATH[ind.code]!;
      let v = between(rand, shape.base);
      if (ind.code === 'P0E') v = Math.min(v, rates.get('P0')!.get(baselineYear)! / 3);
      if (ind.code === 'P2') v = Math.min(v, rates.get('P1')!.get(baselineYear)! / 3);
      const dir = ind.polarity === 'lower' ? -1 : 1;
      path.set(baselineYear, clampTo(ind, v));
      for (const y of years) {
        v += dir * between(rand, shape.step);
        path.set(y, clampTo(ind, v));
      }
      if (ind.code === 'P0' || ind.code === 'P0E' || ind.code === 'P1') rates.set(ind.code, path);
    }
    if (ind.code !== POPULATION_CODE) {
      push(ind, baselineYear, 'baseline', path.get(baselineYear)!);
      for (const y of years) push(ind, y, 'original_target', path.get(y)!);
    }
    original.set(ind.code, path);
    // Realisations scatter around the path (a bad year or two included).
    for (const y of realYears) {
      const target = path.get(y)!;
      const noise = ind.code === POPULATION_CODE ? 1 + (rand() - 0.5) * 0.004 : 1 + (rand() - 0.4) * 0.06;
      push(ind, y, 'realisation', ind.code === POPULATION_CODE ? Math.round(target * noise) : clampTo(ind, target * noise), rand() < 0.05);
    }
  }

  const created = await Workbook.create(file, { plan, indicators, values });
  const ids = new Map(created.indicators().map((i) => [i.code, i]));
  created.close();
  // Scenarios, targets and history go in as bulk rows on a connection of the generator's own: it
  // makes a plausible file fast; the app itself writes only through Workbook.edit.
  const db = new Database(file);
  let changeLog: number;
  try {
    changeLog = db.transaction(() => {
      const insertScenario = db.prepare("INSERT INTO scenario (name, description, status, created_at) VALUES (?, ?, ?, '2027-01-05T02:00:00.000Z')");
      const insertTarget = db.prepare('INSERT INTO scenario_target (scenario_id, indicator_id, year, value, origin) VALUES (?, ?, ?, ?, ?)');
      const insertJust = db.prepare('INSERT INTO justification (scenario_id, indicator_id, text, updated_at) VALUES (?, ?, ?, ?)');
      const insertStep = db.prepare('INSERT INTO change_step (at, user, action, scenario_id, scenario_name) VALUES (?, ?, ?, ?, ?)');
      const insertEntry = db.prepare(
        `INSERT INTO change_entry (change_step_id, scenario_id, indicator_code, year, series, old_value, new_value, justification, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      // One step with one entry per logged change (the shape the app's log reads back).
      const insertLog = (when: string, user: string, action: string, scenarioId: number, scenarioName: string, code: string | null, year: number | null,
        series: string | null, old: number | null, now: number | null, justification: string | null, detail: string | null) => {
        const step = insertStep.run(when, user, action, scenarioId, scenarioName).lastInsertRowid;
        insertEntry.run(step, scenarioId, code, year, series, old, now, justification, detail);
      };
      const scenarios: { id: number; name: string; targets: Map<string, Map<number, number>> }[] = [];
      let at = Date.parse('2027-01-05T02:00:00Z');
      const stamp = () => new Date((at += 37_000 + Math.floor(rand() * 600_000))).toISOString();
      let logged = 0;
      const revisedFrom = plan.firstYear + 2;

      for (let s = 0; s < spec.scenarios; s++) {
        const name = SCENARIO_NAMES[s] ?? `Skenario ${s + 1}`;
        const id = Number(insertScenario.run(name, s === 0 ? 'Usulan perubahan RPJMD hasil rapat TKPK' : `Skenario ${name.toLowerCase()}`, s === 0 ? 'usulan' : 'draft').lastInsertRowid);
        insertLog(stamp(), USERS[0]!, 'scenario.create', id, name, null, null, null, null, null, null, 'original');
        logged++;
        const targets = new Map<string, Map<number, number>>();
        // About a third of the indicators revised from the third target year on, each justified.
        const scale = s === 0 ? 1 : [1, 0.97, 1.03, 1.06, 0.95, 1.01][s % 6]!;
        for (const ind of indicators) {
          const path = new Map(original.get(ind.code)!);
          if (ind.code !== POPULATION_CODE && ind.code !== 'JPM' && ind.code !== 'JPME' && rand() < 0.33) {
            const worse = ind.polarity === 'lower' ? 1 : -1;
            const factor = scale * (1 + worse * between(rand, [0.01, 0.08]));
            for (const y of years) if (y >= revisedFrom) path.set(y, clampTo(ind, path.get(y)! * factor));
          }
          targets.set(ind.code, path);
        }
        // Keep the standard set consistent: extreme ≤ poverty, P2 ≤ P1, counts from rates.
        for (const y of years) {
          const p0 = targets.get('P0')?.get(y);
          const p0e = targets.get('P0E');
          if (p0 !== undefined && p0e && p0e.get(y)! > p0) p0e.set(y, p0);
          const p1 = targets.get('P1')?.get(y);
          const p2 = targets.get('P2');
          if (p1 !== undefined && p2 && p2.get(y)! > p1) p2.set(y, p1);
          for (const [rate, count] of [['P0', 'JPM'], ['P0E', 'JPME']] as const) {
            const r = targets.get(rate)?.get(y);
            if (r !== undefined && targets.has(count)) targets.get(count)!.set(y, countFromRate(r, population.get(y)!));
          }
        }
        for (const ind of indicators) {
          const indId = ids.get(ind.code)!.id;
          const derived = ind.code === 'JPM' || ind.code === 'JPME';
          const path = targets.get(ind.code)!;
          for (const y of years) insertTarget.run(id, indId, y, path.get(y)!, derived ? 'derived' : 'entered');
          // Every entered target that differs from the original carries its reason.
          const changed = !derived && years.some((y) => roundTo(path.get(y)!, ind.decimals) !== roundTo(original.get(ind.code)!.get(y)!, ind.decimals));
          if (changed) insertJust.run(id, indId, JUSTIFICATIONS[Math.floor(rand() * JUSTIFICATIONS.length)]!, stamp());
        }
        scenarios.push({ id, name, targets });
      }

      // The change log: edits, pastes, paths and justifications spread over the scenarios.
      const byCode = indicators.map((i) => ids.get(i.code)!) as Indicator[];
      while (logged < spec.changeLog) {
        const sc = scenarios[logged % scenarios.length]!;
        const ind = byCode[Math.floor(rand() * byCode.length)]!;
        const y = years[Math.floor(rand() * years.length)]!;
        const pick = rand();
        const user = USERS[Math.floor(rand() * USERS.length)]!;
        if (pick < 0.05) {
          insertLog(stamp(), user, 'justification.set', sc.id, sc.name, ind.code, null, null, null, null, JUSTIFICATIONS[logged % JUSTIFICATIONS.length]!, null);
        } else {
          const action = pick < 0.6 ? 'target.edit' : pick < 0.85 ? 'target.paste' : 'target.path';
          const now = sc.targets.get(ind.code)!.get(y)!;
          const old = clampTo(ind, now * (1 + (rand() - 0.5) * 0.04));
          insertLog(stamp(), user, action, sc.id, sc.name, ind.code, y, 'revised_target', old, now, rand() < 0.5 ? JUSTIFICATIONS[logged % JUSTIFICATIONS.length]! : null, null);
        }
        logged++;
      }
      return logged;
    })();
  } finally {
    db.close();
  }

  // What the app will see: it opens, and every scenario passes the checks without an error.
  const reopened = await Workbook.open(file);
  try {
    for (const s of reopened.scenarios()) {
      const report = checkScenario(reopened, s.id);
      if (report.counts.error > 0) {
        const first = report.findings.find((f) => f.severity === 'error');
        throw new Error(`Generated ${size} workbook: scenario "${s.name}" has ${report.counts.error} error finding(s), e.g. ${first?.message.en}`);
      }
    }
  } finally {
    reopened.close();
  }
  return { indicators: indicators.length, years: years.length, scenarios: spec.scenarios, changeLog };
}

/** `--generate <size> <file>`: used by scripts/bench.mjs. */
export async function generateCli(args: readonly string[]): Promise<number> {
  const [size, file, seedText] = args;
  if (!size || !file || !(BENCH_SIZES as readonly string[]).includes(size)) {
    console.error('usage: npm run bench -- --generate regency|rpjmd|rpjmd10x FILE [SEED]');
    return 2;
  }
  if (fs.existsSync(file)) {
    console.error(`${file} already exists`);
    return 2;
  }
  const t0 = performance.now();
  const r = await generateWorkbook(file, size as BenchSize, seedText ? Number(seedText) : 1);
  const mb = fs.statSync(file).size / 1024 / 1024;
  console.log(`${file}: ${r.indicators} indicators × ${r.years} years × ${r.scenarios} scenarios, ${r.changeLog} change-log rows, ${mb.toFixed(1)} MB, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}
