/**
 * Intervensi: what the region's poverty programmes do to the poverty path, read through the same
 * consumption lognormal as Kelayakan (issue 17, item 3; docs/METHODS.md, "Programmes and the
 * poverty path (Intervensi)"). Pure: the caller reads the workbook (the path without programmes,
 * the Susenas population, the poverty line GK, the programmes, the average size of a poor
 * household) and σ from the base fit (shared/model/feasibility.ts), and this turns them into an
 * InterventionReport.
 *
 * Per year t, with a = Φ⁻¹(P0w(t)) (the shape σ kept, only the location moves):
 *   coverage   c_k = min(1, H_k × A_k × h ÷ W_t), W_t = P0w(t) × N_t the poor people
 *   transfer   τ_k = B_k ÷ h per person a month, r_k = τ_k ÷ z_t of the line
 *   band       share of the population with consumption in [z(1 − r), z):
 *              Φ(a) − Φ(a + ln(1 − r)/σ) for r < 1, all of Φ(a) for r ≥ 1
 *   nested     programmes sorted by c descending; the poor covered by exactly the top j
 *              programmes, Δ_j = c(j) − c(j+1), receive T_j = τ(1) + … + τ(j); the covered poor
 *              are a random draw from the poor, so layer j lifts Δ_j × band(T_j ÷ z)
 *   lifted     L = Σ_j Δ_j × band(T_j ÷ z); P0 with the programmes = P0w − L
 *
 * Units: rates, coverage and the gap as shares (12,32 % → 0,1232; a gap of 0,0066 is 0,66 poin
 * persen), money in Rp (τ per person a month, budgets a year as entered), people as whole people.
 * Every number is a model estimate (perkiraan model), never a forecast. Every number is finite or
 * null; every null is named in the `fields` of at least one problem, which says where (indicator
 * or programme, year) what is missing or wrong.
 */
import type { Severity } from '../domain.js';
import { formatNumber } from '../format/number.js';
import { ModelError, requireFinite } from './errors.js';
import { phi, phiInverse } from './lognormal.js';
import { roundTo } from './rounding.js';

// ---- input ------------------------------------------------------------------------------------

/** One programme in one year. */
export interface ProgrammeYear {
  programmeId: number;
  name: string;
  /** Households reached (recipients, poor or not). */
  households: number;
  /** Rp per household a month: a transfer, or an income effect of the same size. */
  benefitPerHouseholdMonth: number;
  /** Targeting accuracy: the share of recipients who are poor, 0–1 (80 % → 0,8). */
  accuracy: number;
  /** The year's budget (Rp); null when not entered. */
  budget: number | null;
}

export interface InterventionYearInput {
  year: number;
  /** P0 without the programmes (share): the scenario's own trajectory. */
  p0Without: number | null;
  /** The target path P0*(t) (share); null: no gap is computed. */
  target: number | null;
  /** The population poverty figures use (Susenas; shared/model/population.ts), whole people. */
  population: number | null;
  /** The poverty line GK, Rp per person a month. */
  povertyLine: number | null;
  programmes: readonly ProgrammeYear[];
}

export interface InterventionInput {
  /** σ of the region's consumption lognormal from the base fit (Kelayakan); null when it failed. */
  sigma: number | null;
  /** Average size of a poor household (people), a workbook parameter. */
  householdSize: number | null;
  years: readonly InterventionYearInput[];
}

// ---- output -----------------------------------------------------------------------------------

export interface ProgrammeEffect {
  programmeId: number;
  name: string;
  /** c_k: the share of the poor the programme covers, min(1, households × accuracy × h ÷ poor). */
  coveredShare: number | null;
  /** households × accuracy × h: the poor people it reaches before the cap (may exceed the poor). */
  poorReached: number | null;
  /** True when its reach exceeds the poor and c_k was capped at 1. */
  capped: boolean;
  /** τ_k = benefit ÷ h, Rp per person a month. */
  transferPerCapita: number | null;
  /** r_k = τ_k ÷ the poverty line. */
  transferShareOfLine: number | null;
  budget: number | null;
}

/** One nested layer: the share of the poor covered by exactly these programmes, and what each of them gets. */
export interface InterventionLayer {
  /** The programmes whose coverage reaches this layer (the top j by coverage). */
  programmeIds: number[];
  /** Δ_j, a share of the poor. */
  share: number;
  /** T_j = the sum of their τ, Rp per person a month. */
  transferPerCapita: number;
  /** T_j ÷ the poverty line. */
  transferShareOfLine: number;
}

export interface InterventionYear {
  year: number;
  /** P0 without the programmes (share), as given. */
  p0Without: number | null;
  /** P0 with them: p0Without − liftedShare (share). */
  p0With: number | null;
  /** L: the share of the population lifted out of poverty. */
  liftedShare: number | null;
  /** Poor people without the programmes: round(p0Without × population). */
  poorWithout: number | null;
  /** round(liftedShare × population). */
  peopleLifted: number | null;
  /** Σ of the programmes' budgets (Rp); null when any programme has none. 0 with no programme. */
  budget: number | null;
  /** budget ÷ peopleLifted (Rp per person lifted). */
  costPerPersonLifted: number | null;
  /** c(1): the largest coverage, the share of the poor reached by at least one programme (nested). */
  coveredShare: number | null;
  /** The target P0*(t) (share), as given. */
  target: number | null;
  /** p0With − target, a share (0,0066 = 0,66 poin persen); positive: the programmes are not enough. */
  gapPp: number | null;
  /** round(gapPp × population); negative: the target is passed by that many people. */
  gapPeople: number | null;
  /** gapPeople × costPerPersonLifted when gapPp > 0: more of the same programmes at the same cost per person. */
  budgetToClose: number | null;
  /**
   * False when more of the same programmes cannot close the gap: scaling every programme's
   * households lifts at most liftedShare ÷ coveredShare (all the poor covered), less than the gap
   * needs. budgetToClose is then a lower bound. Null when budgetToClose is null.
   */
  closableByScaling: boolean | null;
  /** The nested layers, largest coverage first (empty without programmes or when a number is missing). */
  layers: InterventionLayer[];
  programmes: ProgrammeEffect[];
}

export type InterventionProblemCode =
  /** σ is unknown: the base fit (Kelayakan) failed, so no transfer can be read against the distribution. */
  | 'sigma_missing'
  /** The average size of a poor household is missing, or below 1. */
  | 'household_size_missing'
  /** No P0 without the programmes for a year. */
  | 'p0_missing'
  /** A P0 without the programmes ≤ 0 or ≥ 100 %. */
  | 'p0_out_of_range'
  /** No (or a non-positive) population for a year. */
  | 'population_missing'
  /** No (or a non-positive) poverty line GK for a year. */
  | 'poverty_line_missing'
  /** A programme's households, benefit or accuracy is negative, not a number, or accuracy above 100 %. */
  | 'programme_invalid'
  /** Info: a programme with zero households, benefit or accuracy changes nothing. */
  | 'programme_no_effect'
  /** Info: a programme reaches more poor people than there are; its coverage is capped at 1. */
  | 'coverage_capped'
  /** A programme without a budget (or a negative one): the year's budget and cost per person are not given. */
  | 'budget_missing'
  /** Info: the year has no programme. */
  | 'no_programmes'
  /** Info: the programmes lift nobody (rounded to whole people): no cost per person lifted. */
  | 'nothing_lifted'
  /** Info: no target for the year: no gap. */
  | 'target_missing'
  /** A target outside 0–100 %. */
  | 'target_out_of_range'
  /** Info: the path with the programmes reaches the target: nothing to close. */
  | 'target_met'
  /** Warning: more of the same programmes cannot close the gap (it needs more than all the poor covered). */
  | 'gap_beyond_reach'
  /** Info: the line lies above the mode of consumption, so the nested rule need not lift less than disjoint coverage. */
  | 'nested_not_conservative';

export interface InterventionProblem {
  code: InterventionProblemCode;
  /** error: a number cannot be computed; warning: a number is given but must be read with care; info: said for the record. */
  severity: Severity;
  /** Where to look: an indicator code (P0, P1, POP, GK), 'household_size' (the workbook parameter) or 'programme'. */
  indicator: string;
  /** The programme, for indicator 'programme'. */
  programmeId?: number;
  year: number | null;
  /** The offending value, where there is one. */
  value?: number;
  /** The report's fields this problem leaves null (e.g. 'years.2024.p0With', 'years.2024.programmes.7.budget'). */
  fields: string[];
  message: { id: string; en: string };
}

export interface InterventionReport {
  years: InterventionYear[];
  problems: InterventionProblem[];
  /** Every number of the report is a model estimate, never a forecast. */
  label: { id: string; en: string };
  /** The assumptions the numbers rest on, to show beside them. */
  assumptions: { id: string; en: string }[];
}

export const INTERVENTION_LABEL = { id: 'perkiraan model', en: 'model estimate' } as const;

export const INTERVENTION_ASSUMPTIONS: readonly { id: string; en: string }[] = [
  {
    id: 'Konsumsi per kapita mengikuti sebaran lognormal daerah (σ dari tahun dasar Kelayakan); tanpa program, bentuknya tetap dan hanya letaknya bergeser mengikuti jalur P0.',
    en: "Per-capita consumption follows the region's lognormal (σ from Kelayakan's base year); without programmes its shape stays and only its location follows the P0 path.",
  },
  {
    id: 'Manfaat menambah konsumsi penerima sebesar manfaat per rumah tangga ÷ ukuran rumah tangga miskin, seluruhnya, tanpa perubahan perilaku atau efek lanjutan.',
    en: 'A benefit adds benefit per household ÷ the poor household size to each member’s consumption, in full, with no change of behaviour and no knock-on effect.',
  },
  {
    id: 'Penerima miskin adalah sampel acak dari penduduk miskin (tidak lebih dekat atau lebih jauh dari garis kemiskinan); penerima tidak miskin tidak dihitung.',
    en: 'Poor recipients are a random draw from the poor (not nearer to or further from the line); recipients who are not poor are not counted.',
  },
  {
    id: 'Program-program dalam satu tahun menjangkau rumah tangga miskin yang sama lebih dulu (bersarang, seperti program berbasis DTKS/P3KE): manfaatnya dijumlahkan untuk yang dijangkau beberapa program.',
    en: 'Programmes in one year reach the same poor households first (nested, as DTKS/P3KE-based programmes do): those reached by several get the sum of their benefits.',
  },
  {
    id: 'Jalur tanpa program adalah lintasan skenario, yang sudah memuat program yang berjalan saat P0 diukur: masukkan yang menambah (program baru, rumah tangga atau manfaat tambahan), agar efeknya tidak terhitung dua kali.',
    en: "The path without programmes is the scenario's trajectory, which already holds the programmes running when P0 was measured: enter what is added (new programmes, more households or benefits), so no effect is counted twice.",
  },
  {
    id: 'Anggaran untuk menutup selisih memakai biaya per orang yang sama (lebih banyak program yang sama), bukan biaya marjinal.',
    en: 'The budget to close the gap uses the same cost per person lifted (more of the same programmes), not a marginal cost.',
  },
];

// ---- the core ---------------------------------------------------------------------------------

/** A layer of the poor: its share of the poor, and the per-capita transfer it gets as a share of the line. */
export interface Layer {
  share: number;
  transferShareOfLine: number;
}

function checkCore(a: number, sigma: number): void {
  requireFinite(a, 'a');
  requireFinite(sigma, 'sigma');
  if (!(sigma > 0)) throw new ModelError('invalid_argument', `sigma must be above 0, got ${sigma}`, { name: 'sigma', value: sigma });
}

/**
 * The share of the whole population with consumption in [z(1 − r), z): those a per-capita
 * transfer of r × z lifts when all of them receive it. Φ(a) − Φ(a + ln(1 − r)/σ) for 0 ≤ r < 1;
 * Φ(a), all the poor, for r ≥ 1.
 * @throws ModelError not_finite / invalid_argument for a non-finite a, σ ≤ 0 or r < 0.
 */
export function bandShare(a: number, sigma: number, r: number): number {
  checkCore(a, sigma);
  if (Number.isNaN(r) || r < 0) throw new ModelError('invalid_argument', `a transfer share of the line must be at least 0, got ${r}`, { name: 'r', value: r });
  const p0 = phi(a);
  if (r >= 1) return p0;
  if (r === 0) return 0;
  return Math.max(0, p0 - phi(a + Math.log1p(-r) / sigma));
}

/**
 * The share of the whole population lifted out of poverty by layers of the poor, each a random
 * draw of `share` of the poor receiving `transferShareOfLine` × z per person: Σ share × bandShare.
 * (A fraction s of the poor drawn at random holds a fraction s of the poor in every consumption
 * band, so it holds s × bandShare of the population within the transfer of the line.) With the
 * layers of nestedLayers this is the nested rule; with one layer per programme, the disjoint
 * alternative.
 * @throws ModelError for a non-finite a, σ ≤ 0, a share outside [0, 1] or a transfer share < 0.
 */
export function liftedShare(a: number, sigma: number, layers: readonly Layer[]): number {
  checkCore(a, sigma);
  let sum = 0;
  for (const l of layers) {
    if (!(l.share >= 0 && l.share <= 1)) throw new ModelError('invalid_argument', `a layer's share of the poor must be within 0–1, got ${l.share}`, { name: 'share', value: l.share });
    if (l.share === 0) continue;
    sum += l.share * bandShare(a, sigma, l.transferShareOfLine);
  }
  return sum;
}

export interface NestedLayer extends Layer {
  /** Indexes (into the argument) of the programmes covering this layer: the top j by coverage. */
  members: number[];
}

/**
 * The nested layers of programmes with coverages c_k and transfers r_k (shares of the line):
 * sorted by c descending (ties in the given order), layer j has Δ_j = c(j) − c(j+1) of the poor
 * (c(n+1) = 0) and gets T_j = r(1) + … + r(j). Empty layers (Δ = 0) are left out.
 */
export function nestedLayers(programmes: readonly { coveredShare: number; transferShareOfLine: number }[]): NestedLayer[] {
  const order = programmes.map((p, i) => ({ ...p, i })).sort((x, y) => y.coveredShare - x.coveredShare || x.i - y.i);
  const layers: NestedLayer[] = [];
  let transfer = 0;
  for (let j = 0; j < order.length; j++) {
    const p = order[j]!;
    transfer += p.transferShareOfLine;
    const next = j + 1 < order.length ? order[j + 1]!.coveredShare : 0;
    const share = p.coveredShare - next;
    if (share > 0) layers.push({ share, transferShareOfLine: transfer, members: order.slice(0, j + 1).map((q) => q.i) });
  }
  return layers;
}

// ---- the report -------------------------------------------------------------------------------

const num = (v: number, decimals = 0) => formatNumber(v, decimals);
const pct = (share: number) => `${num(share * 100, 2)} %`;

/** Beyond 2⁵³ − 1 a number is not exactly storable (the workbook's own rule); nothing in a regional plan is larger. */
const MAX = Number.MAX_SAFE_INTEGER;
const finiteIn = (x: unknown, lo: number, hi: number): x is number => typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi;

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
/** A number as typed, in id-ID digits (up to 2 decimals), or words for one that is not a number. */
const shown = (x: unknown, f: (v: number) => string = (v) => num(v, Number.isInteger(v) ? 0 : 2)) => (isNumber(x) ? { id: f(x), en: f(x) } : { id: 'bukan angka', en: 'not a number' });
/** Why a count or an amount is refused: words for below 0, too large to store, or not a number. */
function refused(x: unknown, what: { id: string; en: string }, least: { id: string; en: string }): { id: string; en: string } {
  const v = shown(x);
  if (!isNumber(x)) return { id: `${what.id} (${v.id}) harus berupa angka`, en: `${what.en} (${v.en}) must be a number` };
  if (x < 0) return { id: `${what.id} (${v.id}) harus ${least.id} atau lebih`, en: `${what.en} (${v.en}) must be ${least.en} or more` };
  return { id: `${what.id} (${v.id}) terlalu besar`, en: `${what.en} (${v.en}) is too large` };
}

type Located = Omit<InterventionProblem, 'fields' | 'message'> & { id: string; en: string };

class Problems {
  readonly list: InterventionProblem[] = [];

  /** Adds a problem, or returns the one at the same place (code, indicator, programme, year) with `fields` added. */
  add(p: Located, fields: readonly string[] = []): InterventionProblem {
    const same = this.list.find((q) => q.code === p.code && q.indicator === p.indicator && q.programmeId === p.programmeId && q.year === p.year);
    if (same) {
      because([same], ...fields);
      return same;
    }
    const { id, en, ...where } = p;
    const problem: InterventionProblem = { ...where, fields: [...fields], message: { id, en } };
    this.list.push(problem);
    return problem;
  }
}

type Why = readonly InterventionProblem[];
function because(why: Why, ...fields: string[]): void {
  for (const p of why) for (const f of fields) if (!p.fields.includes(f)) p.fields.push(f);
}

/**
 * The effect of the programmes on the poverty path, year by year (see the module's comment and
 * docs/METHODS.md). Never throws on bad input: what cannot be computed is null, named by a
 * located problem.
 */
export function interventionEffects(input: InterventionInput): InterventionReport {
  const problems = new Problems();
  const { sigma, householdSize: h } = input;
  const sigmaOk = typeof sigma === 'number' && Number.isFinite(sigma) && sigma > 0;
  const hOk = finiteIn(h, 1, MAX);

  // Global problems, added the first time a field needs them.
  const sigmaWhy = (): Why => [
    problems.add({
      code: 'sigma_missing',
      severity: 'error',
      indicator: 'P1',
      year: null,
      ...(typeof sigma === 'number' && Number.isFinite(sigma) ? { value: sigma } : {}),
      id: 'Sebaran konsumsi daerah (σ) belum diestimasi: estimasi tahun dasar Kelayakan gagal. Lengkapi yang diminta Kelayakan (realisasi P0 dan P1, atau Rasio Gini, tahun dasar); tanpa σ dampak program terhadap P0 tidak dapat dihitung.',
      en: "The region's consumption distribution (σ) is not fitted: Kelayakan's base-year fit failed. Enter what Kelayakan asks for (the base year's P0 and P1 realisations, or its Gini ratio); without σ the programmes' effect on P0 cannot be computed.",
    }),
  ];
  const hWhy = (): Why => [
    problems.add({
      code: 'household_size_missing',
      severity: 'error',
      indicator: 'household_size',
      year: null,
      ...(typeof h === 'number' && Number.isFinite(h) ? { value: h } : {}),
      id:
        h === null || !Number.isFinite(h)
          ? 'Isi rata-rata jumlah anggota rumah tangga miskin (orang per rumah tangga, dengan sumbernya): tanpa itu rumah tangga sasaran tidak dapat diubah menjadi orang, dan manfaat per rumah tangga tidak menjadi manfaat per kapita.'
          : `Rata-rata jumlah anggota rumah tangga miskin (${num(h, 2)}) harus sedikitnya 1 orang. Periksa angkanya.`,
      en:
        h === null || !Number.isFinite(h)
          ? 'Enter the average size of a poor household (people per household, with its source): without it households cannot be turned into people, nor a benefit per household into one per person.'
          : `The average size of a poor household (${num(h, 2)}) must be at least 1 person. Check it.`,
    }),
  ];

  const years: InterventionYear[] = [];
  for (const yin of input.years) {
    const y = yin.year;
    const path = `years.${y}`;
    const row: InterventionYear = {
      year: y,
      p0Without: null,
      p0With: null,
      liftedShare: null,
      poorWithout: null,
      peopleLifted: null,
      budget: null,
      costPerPersonLifted: null,
      coveredShare: null,
      target: null,
      gapPp: null,
      gapPeople: null,
      budgetToClose: null,
      closableByScaling: null,
      layers: [],
      programmes: [],
    };

    // ---- the year's inputs ----
    const p0 = yin.p0Without;
    let p0Why: Why = [];
    if (p0 === null || typeof p0 !== 'number' || Number.isNaN(p0)) {
      p0Why = [
        problems.add({
          code: 'p0_missing',
          severity: 'error',
          indicator: 'P0',
          year: y,
          id: `P0 ${y} tanpa program (jalur skenario) belum ada: isi target P0 ${y} skenario ini.`,
          en: `No P0 for ${y} without the programmes (the scenario's path): enter the scenario's P0 target of ${y}.`,
        }),
      ];
    } else if (!(p0 > 0 && p0 < 1)) {
      p0Why = [
        problems.add({
          code: 'p0_out_of_range',
          severity: 'error',
          indicator: 'P0',
          year: y,
          ...(Number.isFinite(p0) ? { value: p0 } : {}),
          id: `P0 ${y} tanpa program (${shown(p0, pct).id}) harus di atas 0 dan di bawah 100 %: sebaran lognormal tidak punya angka kemiskinan tepat 0 atau 100 %. Periksa P0 ${y}.`,
          en: `P0 of ${y} without the programmes (${shown(p0, pct).en}) must be above 0 and below 100 %: a lognormal has no poverty rate of exactly 0 or 100 %. Check P0 ${y}.`,
        }),
      ];
    } else row.p0Without = p0;
    because(p0Why, `${path}.p0Without`);

    const pop = yin.population;
    const popOk = finiteIn(pop, 1, MAX);
    const popWhy = (): Why =>
      popOk
        ? []
        : [
            problems.add({
              code: 'population_missing',
              severity: 'error',
              indicator: 'POP',
              year: y,
              ...(typeof pop === 'number' && Number.isFinite(pop) ? { value: pop } : {}),
              id: `Jumlah penduduk ${y} tidak diketahui${typeof pop === 'number' && Number.isFinite(pop) ? ` (${shown(pop).id})` : ''}: isi Jumlah Penduduk ${y} pada seri Proyeksi (atau pasangan P0 dan JPM realisasi). Tanpa itu jumlah penduduk miskin dan cakupan program tidak dapat dihitung.`,
              en: `The population of ${y} is unknown${typeof pop === 'number' && Number.isFinite(pop) ? ` (${shown(pop).en})` : ''}: enter the Population of ${y} in the Projection series (or a realised P0 and JPM pair). Without it neither the poor people nor the programmes' coverage can be computed.`,
            }),
          ];

    const z = yin.povertyLine;
    const zOk = finiteIn(z, 1, MAX);
    const zWhy = (): Why =>
      zOk
        ? []
        : [
            problems.add({
              code: 'poverty_line_missing',
              severity: 'error',
              indicator: 'GK',
              year: y,
              ...(typeof z === 'number' && Number.isFinite(z) ? { value: z } : {}),
              id: `Garis Kemiskinan (GK) ${y} belum ada${typeof z === 'number' && Number.isFinite(z) ? ` atau tidak sah (${shown(z).id})` : ''}: isi GK ${y} (Rp/kapita/bulan, mis. 472.000). Tanpa garis kemiskinan manfaat tidak dapat dibandingkan dengan jarak penduduk miskin ke garis.`,
              en: `No poverty line (GK) for ${y}${typeof z === 'number' && Number.isFinite(z) ? `, or one not valid (${shown(z).en})` : ''}: enter GK ${y} (Rp per person a month, e.g. 472.000). Without the line a benefit cannot be set against the poor's distance to it.`,
            }),
          ];

    if (popOk && row.p0Without !== null) row.poorWithout = roundTo(row.p0Without * pop, 0);
    else because([...p0Why, ...popWhy()], `${path}.poorWithout`);
    const poor = popOk && row.p0Without !== null ? row.p0Without * pop : null; // W_t, full precision

    // ---- the target ----
    const tgt = yin.target;
    let targetWhy: Why = [];
    if (tgt === null || typeof tgt !== 'number' || Number.isNaN(tgt)) {
      targetWhy = [
        problems.add({
          code: 'target_missing',
          severity: 'info',
          indicator: 'P0',
          year: y,
          id: `Tidak ada target P0 ${y}: selisih jalur dengan program terhadap target tidak dihitung.`,
          en: `No P0 target for ${y}: the gap between the path with the programmes and a target is not computed.`,
        }),
      ];
    } else if (!(tgt >= 0 && tgt <= 1)) {
      targetWhy = [
        problems.add({
          code: 'target_out_of_range',
          severity: 'error',
          indicator: 'P0',
          year: y,
          ...(Number.isFinite(tgt) ? { value: tgt } : {}),
          id: `Target P0 ${y} (${shown(tgt, pct).id}) harus di antara 0 dan 100 %. Periksa target ${y}.`,
          en: `The P0 target of ${y} (${shown(tgt, pct).en}) must lie between 0 and 100 %. Check the target of ${y}.`,
        }),
      ];
    } else row.target = tgt;
    because(targetWhy, `${path}.target`);

    // ---- each programme ----
    const progWhy: InterventionProblem[] = [];
    let budgetSum: number | null = 0;
    const budgetWhy: InterventionProblem[] = [];
    for (const p of yin.programmes) {
      const ppath = `${path}.programmes.${p.programmeId}`;
      const eff: ProgrammeEffect = {
        programmeId: p.programmeId,
        name: p.name,
        coveredShare: null,
        poorReached: null,
        capped: false,
        transferPerCapita: null,
        transferShareOfLine: null,
        budget: null,
      };
      row.programmes.push(eff);
      const at = { indicator: 'programme', programmeId: p.programmeId, year: y } as const;
      const bad: { id: string; en: string }[] = [];
      if (!finiteIn(p.households, 0, MAX)) bad.push(refused(p.households, { id: 'rumah tangga sasaran', en: 'households reached' }, { id: '0', en: '0' }));
      if (!finiteIn(p.benefitPerHouseholdMonth, 0, MAX))
        bad.push(refused(p.benefitPerHouseholdMonth, { id: 'manfaat per rumah tangga per bulan', en: 'the benefit per household a month' }, { id: 'Rp 0', en: 'Rp 0' }));
      if (!finiteIn(p.accuracy, 0, 1)) {
        const v = shown(p.accuracy, (x) => `${num(x * 100, 2)} %`);
        bad.push({ id: `ketepatan sasaran (${v.id}) harus di antara 0 dan 100 %`, en: `targeting accuracy (${v.en}) must lie between 0 and 100 %` });
      }
      const valid = bad.length === 0;
      if (!valid) {
        progWhy.push(
          problems.add(
            {
              code: 'programme_invalid',
              severity: 'error',
              ...at,
              id: `Program "${p.name}" ${y}: ${bad.map((b) => b.id).join('; ')}. Periksa program ini; dampak program tahun ${y} tidak dihitung.`,
              en: `Programme "${p.name}" ${y}: ${bad.map((b) => b.en).join('; ')}. Check this programme; the programmes' effect in ${y} is not computed.`,
            },
            [`${ppath}.coveredShare`, `${ppath}.poorReached`, `${ppath}.transferPerCapita`, `${ppath}.transferShareOfLine`],
          ),
        );
      } else if (p.households === 0 || p.benefitPerHouseholdMonth === 0 || p.accuracy === 0) {
        const which = p.households === 0 ? { id: 'rumah tangga sasarannya 0', en: 'it reaches 0 households' } : p.benefitPerHouseholdMonth === 0 ? { id: 'manfaatnya Rp 0', en: 'its benefit is Rp 0' } : { id: 'ketepatan sasarannya 0 %', en: 'its targeting accuracy is 0 %' };
        problems.add({
          code: 'programme_no_effect',
          severity: 'info',
          ...at,
          id: `Program "${p.name}" ${y}: ${which.id}, jadi tidak mengubah angka kemiskinan.`,
          en: `Programme "${p.name}" ${y}: ${which.en}, so it changes nothing in the poverty rate.`,
        });
      }

      // Budget (Rp a year, as entered).
      if (p.budget !== null && finiteIn(p.budget, 0, MAX)) {
        eff.budget = p.budget;
        if (budgetSum !== null) budgetSum += p.budget;
      } else {
        budgetSum = null;
        const given = typeof p.budget === 'number' && Number.isFinite(p.budget) ? p.budget : null;
        budgetWhy.push(
          problems.add(
            {
              code: 'budget_missing',
              severity: 'warning',
              ...at,
              ...(given !== null ? { value: given } : {}),
              id: `Anggaran program "${p.name}" ${y} ${p.budget === null ? 'belum diisi' : `tidak sah (${shown(p.budget).id})`}: anggaran tahun ${y}, biaya per orang yang keluar dari kemiskinan dan anggaran penutup selisih tidak dihitung. Isi anggarannya (Rp).`,
              en: `The budget of programme "${p.name}" ${y} ${p.budget === null ? 'is missing' : `is not valid (${shown(p.budget).en})`}: the budget of ${y}, the cost per person lifted and the budget to close the gap are not given. Enter its budget (Rp).`,
            },
            [`${ppath}.budget`],
          ),
        );
      }

      if (!valid) continue;
      // τ and r.
      if (hOk) {
        eff.transferPerCapita = p.benefitPerHouseholdMonth / h;
        if (zOk) eff.transferShareOfLine = eff.transferPerCapita / z;
        else because(zWhy(), `${ppath}.transferShareOfLine`);
      } else because(hWhy(), `${ppath}.transferPerCapita`, `${ppath}.transferShareOfLine`);
      // Coverage.
      if (hOk && poor !== null) {
        const reached = p.households * p.accuracy * h;
        eff.poorReached = reached;
        eff.coveredShare = Math.min(1, reached / poor);
        if (reached > poor) {
          eff.capped = true;
          problems.add({
            code: 'coverage_capped',
            severity: 'info',
            ...at,
            value: reached,
            id: `Program "${p.name}" ${y} menjangkau ${num(reached)} orang miskin (${num(p.households)} rumah tangga × ketepatan ${num(p.accuracy * 100, 2)} % × ${num(h, 2)} orang), lebih dari seluruh ${num(poor)} penduduk miskin: cakupannya dibatasi 100 % penduduk miskin. Periksa rumah tangga sasaran atau ketepatan sasarannya.`,
            en: `Programme "${p.name}" ${y} reaches ${num(reached)} poor people (${num(p.households)} households × ${num(p.accuracy * 100, 2)} % accuracy × ${num(h, 2)} people), more than all ${num(poor)} poor: its coverage is capped at 100 % of the poor. Check its households or accuracy.`,
          });
        }
      } else because([...(hOk ? [] : hWhy()), ...p0Why, ...popWhy()], `${ppath}.coveredShare`, `${ppath}.poorReached`);
    }
    row.budget = budgetSum;
    if (budgetSum === null) because(budgetWhy, `${path}.budget`);

    // ---- the year's effect ----
    const effectFields = ['liftedShare', 'p0With', 'peopleLifted'].map((f) => `${path}.${f}`);
    if (yin.programmes.length === 0) {
      problems.add(
        {
          code: 'no_programmes',
          severity: 'info',
          indicator: 'programme',
          year: y,
          id: `Tidak ada program pada ${y}: P0 dengan program sama dengan P0 tanpa program.`,
          en: `No programme in ${y}: P0 with the programmes is P0 without them.`,
        },
        [`${path}.costPerPersonLifted`],
      );
      row.coveredShare = 0;
      row.liftedShare = 0;
      row.peopleLifted = 0;
      row.p0With = row.p0Without;
      if (row.p0With === null) because(p0Why, `${path}.p0With`);
    } else {
      const coverages = row.programmes.map((e) => e.coveredShare);
      if (coverages.every((c): c is number => c !== null)) row.coveredShare = Math.max(...coverages);
      else because(problems.list.filter((q) => row.programmes.some((e) => e.coveredShare === null && q.fields.includes(`${path}.programmes.${e.programmeId}.coveredShare`))), `${path}.coveredShare`);

      const ready = row.programmes.every((e) => e.coveredShare !== null && e.transferShareOfLine !== null && e.transferPerCapita !== null);
      if (!ready || !sigmaOk || row.p0Without === null) {
        const why: InterventionProblem[] = [...progWhy, ...p0Why];
        if (!sigmaOk) why.push(...sigmaWhy());
        if (!hOk) why.push(...hWhy());
        if (!zOk) why.push(...zWhy());
        if (!popOk) why.push(...popWhy());
        because(why, ...effectFields);
      } else {
        const a = phiInverse(row.p0Without);
        const nested = nestedLayers(row.programmes.map((e) => ({ coveredShare: e.coveredShare!, transferShareOfLine: e.transferShareOfLine! })));
        row.layers = nested.map((l) => ({
          programmeIds: l.members.map((i) => row.programmes[i]!.programmeId),
          share: l.share,
          transferPerCapita: l.members.reduce((s, i) => s + row.programmes[i]!.transferPerCapita!, 0),
          transferShareOfLine: l.transferShareOfLine,
        }));
        const lifted = Math.min(row.p0Without, liftedShare(a, sigma, nested));
        row.liftedShare = lifted;
        row.p0With = Math.max(0, row.p0Without - lifted);
        row.peopleLifted = roundTo(lifted * pop!, 0);
        if (a > -sigma && row.programmes.filter((e) => e.coveredShare! > 0 && e.transferShareOfLine! > 0).length >= 2) {
          problems.add({
            code: 'nested_not_conservative',
            severity: 'info',
            indicator: 'P0',
            year: y,
            value: row.p0Without,
            id: `P0 ${y} tanpa program (${pct(row.p0Without)}) cukup tinggi sehingga garis kemiskinan di atas modus konsumsi (a > −σ): aturan bersarang belum tentu lebih hati-hati daripada cakupan terpisah.`,
            en: `P0 of ${y} without the programmes (${pct(row.p0Without)}) is high enough that the poverty line lies above the mode of consumption (a > −σ): the nested rule need not lift less than disjoint coverage would.`,
          });
        }
      }
    }

    // ---- cost per person lifted ----
    const costPath = `${path}.costPerPersonLifted`;
    if (row.budget !== null && row.peopleLifted !== null && row.peopleLifted > 0) row.costPerPersonLifted = row.budget / row.peopleLifted;
    else if (yin.programmes.length > 0) {
      if (row.budget === null) because(budgetWhy, costPath);
      if (row.peopleLifted === null) because(problems.list.filter((q) => q.fields.includes(`${path}.peopleLifted`)), costPath);
      else if (row.peopleLifted === 0)
        problems.add(
          {
            code: 'nothing_lifted',
            severity: 'info',
            indicator: 'programme',
            year: y,
            id: `Program-program ${y} tidak mengeluarkan seorang pun dari kemiskinan menurut model: tidak ada biaya per orang.`,
            en: `By the model the programmes of ${y} lift nobody out of poverty: no cost per person lifted.`,
          },
          [costPath],
        );
    }

    // ---- the gap to the target ----
    const gapFields = ['gapPp', 'gapPeople', 'budgetToClose'].map((f) => `${path}.${f}`);
    const closePath = `${path}.budgetToClose`;
    if (row.target === null) because(targetWhy, ...gapFields, `${path}.closableByScaling`);
    else if (row.p0With === null) because(problems.list.filter((q) => q.fields.includes(`${path}.p0With`)), ...gapFields, `${path}.closableByScaling`);
    else {
      row.gapPp = row.p0With - row.target;
      if (popOk) row.gapPeople = roundTo(row.gapPp * pop, 0);
      else because(popWhy(), `${path}.gapPeople`);
      if (!(row.gapPp > 0)) {
        problems.add(
          {
            code: 'target_met',
            severity: 'info',
            indicator: 'P0',
            year: y,
            value: row.target,
            id: `Dengan program, P0 ${y} (${pct(row.p0With)}) mencapai target ${pct(row.target)} menurut model: tidak ada selisih yang perlu ditutup.`,
            en: `With the programmes, P0 of ${y} (${pct(row.p0With)}) reaches the target of ${pct(row.target)} by the model: no gap to close.`,
          },
          [closePath, `${path}.closableByScaling`],
        );
      } else if (row.gapPeople === null || row.costPerPersonLifted === null) {
        because(
          problems.list.filter((q) => q.fields.includes(`${path}.gapPeople`) || q.fields.includes(costPath)),
          closePath,
          `${path}.closableByScaling`,
        );
      } else {
        row.budgetToClose = row.gapPeople * row.costPerPersonLifted;
        // Scaling every programme's households by s scales every coverage (and L) by s until the
        // largest reaches all the poor: at most L ÷ c(1).
        const most = row.coveredShare! > 0 ? row.liftedShare! / row.coveredShare! : 0;
        row.closableByScaling = row.liftedShare! + row.gapPp <= most;
        if (!row.closableByScaling) {
          problems.add({
            code: 'gap_beyond_reach',
            severity: 'warning',
            indicator: 'P0',
            year: y,
            value: row.gapPp,
            id: `Selisih ${y} (${num(row.gapPp * 100, 2)} poin persen) lebih besar dari yang dapat dicapai program yang sama walaupun menjangkau seluruh penduduk miskin (paling banyak ${num(most * 100, 2)} poin persen): anggaran penutup selisih adalah batas bawah; perlu manfaat lebih besar atau program lain.`,
            en: `The gap of ${y} (${num(row.gapPp * 100, 2)} percentage points) is more than the same programmes can close even covering all the poor (at most ${num(most * 100, 2)} points): the budget to close it is a lower bound; larger benefits or other programmes are needed.`,
          });
        }
      }
    }
    years.push(row);
  }
  return { years, problems: problems.list, label: { ...INTERVENTION_LABEL }, assumptions: INTERVENTION_ASSUMPTIONS.map((x) => ({ ...x })) };
}
