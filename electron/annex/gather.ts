/**
 * The annex's data, gathered once: everything the section builders (sections/*.ts) read — the
 * plan, indicators, values, the scenario's targets and justifications, the check report, the
 * capaian context, the Raperda header settings — with the options (language, paper, signer, date).
 * Reads the workbook, never writes it; nothing here reads the clock.
 */
import type { AnnexLanguage, AnnexPaper, ChangeLogMode, Signer } from '../../shared/annex.js';
import type { CheckReport } from '../../shared/api/contract.js';
import { AppError } from '../../shared/api/result.js';
import { horizonOf, type Indicator, type IndicatorValue, type Plan, type Programme, type ReferenceTarget, type Scenario, type ScenarioTargets, type Series, type WorkbookSettings } from '../../shared/domain.js';
import type { InterventionsView } from '../../shared/interventions.js';
import { capaianContext, type CapaianContext } from '../../shared/model/capaian.js';
import { isChanged } from '../../shared/model/checks.js';
import type { FeasibilityReport } from '../../shared/model/feasibility.js';
import { lastRealisedYear } from '../../shared/model/revision.js';
import type { ReviewNote } from '../../shared/review.js';
import type { ChangeLogEntryWithPerson } from '../workbook/queries.js';
import type { Workbook } from '../workbook/store.js';
import type { AnnexLabels } from './labels.js';
import { LABELS, longDate } from './labels.js';

export interface AnnexOptions {
  /** Default: the scenario marked usulan. */
  scenarioId?: number | undefined;
  language: AnnexLanguage;
  paper: AnnexPaper;
  signer: Signer | null;
  /** Date printed on the annex and the signature, YYYY-MM-DD. */
  date: string;
  /** Catatan Perubahan: the net change per cell (default) or the full history step by step. */
  changeLog?: ChangeLogMode | undefined;
}

/** Everything the sections read, gathered once. */
export interface AnnexData {
  plan: Plan;
  indicators: Indicator[];
  scenario: Scenario;
  targets: ScenarioTargets;
  report: CheckReport;
  /** Kelayakan of the scenario's P0 targets (shared/model/feasibility.ts), made by the caller as for the UI and the CLI. */
  feasibility: FeasibilityReport;
  /** Lampiran IV: the scenario's Intervensi (services/interventions.ts, made by the caller) and what it prints beside it. */
  interventions: InterventionsData;
  value: (ind: Indicator, year: number, series: Series) => IndicatorValue | undefined;
  revised: (ind: Indicator, year: number) => number | undefined;
  values: IndicatorValue[];
  /** Each indicator's realisations, oldest first. */
  realisations: (ind: Indicator) => IndicatorValue[];
  /** The scenario's justification per indicator id. */
  justification: Map<number, string>;
  /** Tindak Lanjut Hasil Evaluasi: the governor's evaluation notes kept in the workbook, with their follow-up. */
  reviews: ReviewNote[];
  /** The scenario's revised target of an indicator and year now, any year to the horizon (what a note's change is measured against). */
  reviewTarget: (indicatorId: number, year: number) => number | undefined;
  /** The scenario's change log with the person of each step, oldest first. */
  changeLog: ChangeLogEntryWithPerson[];
  settings: WorkbookSettings;
  /** Band scale, formula per indicator, method breaks: what capaian is measured with. */
  capaian: CapaianContext;
  /** The last year whose realisation was published by the revision date; null without a date. */
  lastRealised: number | null;
  lang: AnnexLanguage;
  L: AnnexLabels;
  opts: AnnexOptions;
  /**
   * The printable width of the paper (landscape, the annex's margins) in column-width units of
   * the xlsx at the print scale (PRINT_SCALE): tables laid out within it fit the page across in
   * Excel (a unit ≈ 5,25 pt, Calibri's digit) and in LibreOffice even where it stands in a wider
   * font for Calibri (DejaVu Sans: a unit ≈ 7 pt), so nothing shrinks the type below its size.
   */
  pageUnits: number;
}

/**
 * What Lampiran IV reads, to the RPKD/RPD horizon (not cut at plan.lastYear like the rest): the
 * report the caller made, the programmes as entered, the horizon, the sources of the GK
 * realisations the report's poverty lines come from, and the P0 references its targets are.
 */
export interface InterventionsData {
  view: InterventionsView;
  programmes: Programme[];
  horizon: number;
  /** The source of the GK realisation of a year (any year to the horizon); undefined: none. */
  povertyLineSource: (year: number) => string | undefined;
  /** The regency-level P0 reference a year's target came from (the view names its label and value). */
  reference: (year: number, label: string, value: number) => ReferenceTarget | undefined;
}

/**
 * Printable width in column units: A4 landscape 297 mm (784 pt inside 2 × 0,4 in margins), F4
 * 330 mm (878 pt), at the print scale of 90 % with the widest unit a renderer uses (7 pt), less a
 * little reserve: 784 / (7 × 0,9) = 124 → 122; 878 / 6,3 = 139 → 137.
 */
export const PAGE_UNITS: Record<AnnexPaper, number> = { A4: 122, F4: 137 };

export function resolveScenario(wb: Workbook, scenarioId: number | undefined): Scenario {
  if (scenarioId !== undefined) return wb.reads.scenario(scenarioId);
  const usulan = wb.reads.scenarios().find((s) => s.status === 'usulan');
  if (!usulan) {
    throw new AppError('not_found', 'No scenario is marked usulan; mark one as the proposal or choose the scenario to export', {}, 'scenarioId');
  }
  return usulan;
}

export function gather(wb: Workbook, opts: AnnexOptions, report: CheckReport, feasibility: FeasibilityReport, interventions: InterventionsView): AnnexData {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new AppError('bad_input', `Date must be YYYY-MM-DD, got "${opts.date}"`, {}, 'date');
  const scenario = wb.reads.scenario(report.scenarioId);
  const plan = wb.plan();
  // The RPJMD annex keeps the plan's years: values and revised targets after plan.lastYear (the
  // RPKD/RPD horizon, schema v7) are not part of it.
  const values = wb.values().filter((v) => v.year <= plan.lastYear);
  const byKey = new Map(values.map((v) => [`${v.indicatorId}:${v.year}:${v.series}`, v]));
  const reals = new Map<number, IndicatorValue[]>();
  for (const v of values) {
    if (v.series !== 'realisation') continue;
    const list = reals.get(v.indicatorId);
    if (list) list.push(v);
    else reals.set(v.indicatorId, [v]);
  }
  for (const list of reals.values()) list.sort((a, b) => a.year - b.year);
  const allTargets = wb.reads.targets(scenario.id);
  const targets: ScenarioTargets = { ...allTargets, targets: allTargets.targets.filter((t) => t.year <= plan.lastYear) };
  const revisedMap = new Map(targets.targets.map((t) => [`${t.indicatorId}:${t.year}`, t.value]));
  const allRevised = new Map(allTargets.targets.map((t) => [`${t.indicatorId}:${t.year}`, t.value]));
  const settings = wb.settings();
  const gk = wb.indicatorIndex().byCode.get('GK');
  const gkSources = new Map(gk ? wb.values(['realisation']).filter((v) => v.indicatorId === gk.id).map((v) => [v.year, v.source]) : []);
  const references = wb.references();
  return {
    plan,
    indicators: wb.indicators(),
    scenario,
    targets,
    report,
    feasibility,
    interventions: {
      view: interventions,
      programmes: wb.reads.programmes(),
      horizon: horizonOf(plan),
      povertyLineSource: (year) => gkSources.get(year),
      reference: (year, label, value) => references.find((r) => r.indicatorCode === 'P0' && r.scope === 'kabupaten' && r.kind === 'level' && r.year === year && r.label === label && r.value === value),
    },
    values,
    realisations: (ind) => reals.get(ind.id) ?? [],
    value: (ind, year, series) => byKey.get(`${ind.id}:${year}:${series}`),
    revised: (ind, year) => revisedMap.get(`${ind.id}:${year}`),
    justification: new Map(targets.justifications.map((j) => [j.indicatorId, j.text])),
    reviews: wb.reads.reviewNotes(),
    reviewTarget: (indicatorId, year) => allRevised.get(`${indicatorId}:${year}`),
    changeLog: wb.reads.changeLogWithPeople(scenario.id),
    settings,
    capaian: capaianContext({ plan, settings, capaianSettings: wb.capaianSettings(), methodBreaks: wb.methodBreaks() }),
    lastRealised: lastRealisedYear(settings.revisionDate),
    lang: opts.language,
    L: LABELS[opts.language],
    opts,
    pageUnits: PAGE_UNITS[opts.paper],
  };
}

export function targetYears(plan: Plan): number[] {
  const ys: number[] = [];
  for (let y = plan.firstYear; y <= plan.lastYear; y++) ys.push(y);
  return ys;
}

export function indName(d: AnnexData, ind: Indicator): string {
  return d.lang === 'en' ? ind.nameEn : ind.nameId;
}

/**
 * Whether a revised target is an illustrative number: one carried over unchanged (at the
 * indicator's decimals) from an illustrative original target — a scenario made from the original
 * targets copies their stand-ins, which stay stand-ins until the planner changes them.
 */
export function revisedIllustrative(ind: Indicator, revised: number | undefined, original: IndicatorValue | undefined): boolean {
  return revised !== undefined && original !== undefined && original.illustrative && !isChanged(ind, revised, original.value);
}

/** "2021-08-23" in the annex language, or null without a revision date. */
export function revisionDateText(d: AnnexData): string | null {
  return d.settings.revisionDate ? longDate(d.settings.revisionDate, d.lang) : null;
}

/** "Kabupaten Muara Enim" → "Muara Enim": where the signer signs, unless given. */
export function defaultPlace(region: string): string {
  return region.replace(/^(Kabupaten|Kab\.|Kota)\s+/i, '').trim() || region;
}
