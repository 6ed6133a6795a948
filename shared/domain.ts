/** Domain vocabulary shared by the services and the renderer (see ../docs/ARCHITECTURE.md). */

export const SERIES = ['baseline', 'original_target', 'realisation', 'projection', 'se'] as const;
/**
 * baseline = kondisi awal, original_target = target awal (RPJMD), realisation = realisasi (BPS),
 * se = the standard error (galat baku) BPS publishes with a Susenas estimate, in the indicator's
 * own unit (poin persen for a rate), for the realisation of the same year (schema v6).
 */
export type Series = (typeof SERIES)[number];

/**
 * The series a planner types in the Buku Kerja table (the others come from the Perda and are
 * imported): realisations and their standard errors, each with its source.
 */
export const TYPED_SERIES = ['realisation', 'se'] as const satisfies readonly Series[];
export type TypedSeries = (typeof TYPED_SERIES)[number];
/** Longest source text a typed value keeps ("BPS, Data dan Informasi Kemiskinan 2020, tabel 3.1"). */
export const VALUE_SOURCE_MAX = 300;

export const POLARITIES = ['lower', 'higher', 'neutral'] as const;
/** lower: lower is better (poverty); higher: higher is better (IPM); neutral: no direction (population). */
export type Polarity = (typeof POLARITIES)[number];

export const GROUPS = ['makro', 'kemiskinan'] as const;
export type IndicatorGroup = (typeof GROUPS)[number];

export const SCENARIO_STATUSES = ['draft', 'usulan'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** One workbook = one region and one plan period. */
export interface Plan {
  region: string;
  province: string;
  /** Year of the kondisi awal, the year before the first target year. */
  baselineYear: number;
  firstYear: number;
  lastYear: number;
  /**
   * The last year targets, programmes and references may reach beyond the plan period (RPKD
   * 2021–2026, RPD 2024–2026; schema v7); absent: lastYear. The RPJMD annex keeps the plan's
   * years. Read it through horizonOf.
   */
  horizonYear?: number;
}

/** How far past the plan's last year the horizon may reach (RPD 2024–2026 after RPJMD 2018–2023). */
export const MAX_HORIZON_YEARS = 10;

/** The last year a target, programme or reference may have: the horizon, else the plan's last year. */
export function horizonOf(plan: Pick<Plan, 'lastYear' | 'horizonYear'>): number {
  return Math.max(plan.lastYear, plan.horizonYear ?? plan.lastYear);
}

/** The plan's target years and the horizon's after them: firstYear … horizonOf(plan). */
export function targetYearsOf(plan: Plan): number[] {
  const years: number[] = [];
  for (let y = plan.firstYear; y <= horizonOf(plan); y++) years.push(y);
  return years;
}

export interface Indicator {
  id: number;
  code: string;
  nameId: string;
  nameEn: string;
  unit: string;
  polarity: Polarity;
  /** Decimals shown and exported for this indicator. */
  decimals: number;
  group: IndicatorGroup;
  definition: string;
  /** Range a value may take; null = unbounded on that side (e.g. 0–100 for a share in %). */
  minValue: number | null;
  maxValue: number | null;
  /** The Perangkat Daerah (regional agency) answerable for the indicator, as the annex prints it; null: not set. */
  responsibleUnit: string | null;
}

export interface IndicatorValue {
  indicatorId: number;
  year: number;
  series: Series;
  value: number;
  /** Where the number comes from, as a reader would cite it. */
  source: string;
  /** True when no public source was found and the value is a plausible stand-in (ilustrasi). */
  illustrative: boolean;
  /** True for a figure BPS marks provisional (angka sementara, "12,32*"). */
  provisional: boolean;
}

export interface Scenario {
  id: number;
  name: string;
  description: string;
  status: ScenarioStatus;
  createdAt: string;
}

export const TARGET_ORIGINS = ['entered', 'derived'] as const;
/** entered: the planner typed it; derived: computed from its rate/count partner and population. */
export type TargetOrigin = (typeof TARGET_ORIGINS)[number];

/** A scenario's revised target (target perubahan) for one indicator and year. */
export interface TargetCell {
  indicatorId: number;
  year: number;
  value: number;
  origin: TargetOrigin;
}

export interface Justification {
  indicatorId: number;
  text: string;
  updatedAt: string;
}

export interface ScenarioTargets {
  scenarioId: number;
  targets: TargetCell[];
  justifications: Justification[];
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** Action of the step Ctrl+Z would undo (e.g. 'target.paste'), for the menu label (shared/changes.ts). */
  undoLabel: string | null;
  redoLabel: string | null;
}

/** One entry of the append-only change log: one cell changed, or one step that names no cell. */
export interface ChangeLogEntry {
  id: number;
  at: string;
  user: string;
  /** A ChangeAction (shared/changes.ts); a string because the file is read, not trusted. */
  action: string;
  /** 'do', 'undo' or 'redo'. */
  kind: string;
  /** A count or rate computed from its partner and population (turunan), not typed. */
  derived: boolean;
  /** The undo step the entry belongs to (null for entries older than schema v4). */
  stepId: number | null;
  series: string | null;
  scenarioId: number | null;
  scenarioName: string | null;
  indicatorCode: string | null;
  year: number | null;
  oldValue: number | null;
  newValue: number | null;
  justification: string | null;
  detail: string | null;
}

/** Rate and count indicators tied through population (count = rate × population). */
export const RATE_COUNT_PAIRS = [
  { rate: 'P0', count: 'JPM' },
  { rate: 'P0E', count: 'JPME' },
] as const;
export const POPULATION_CODE = 'POP';

export interface WorkbookSummary {
  path: string;
  fileName: string;
  schemaVersion: number;
  plan: Plan;
  indicators: Indicator[];
  scenarios: Scenario[];
  /** Opened without the write lock because another process has it open: every write is refused. */
  readOnly: boolean;
  /** Where the file lives; a network or cloud file is edited through a local copy. */
  location: WorkbookLocation;
  settings: WorkbookSettings;
}

/** A workbook on a network share or in a cloud-synced folder, edited through a local copy. */
export interface RemoteLocation {
  kind: 'network' | 'cloud';
  /** The cloud client (OneDrive…), or the server, drive or file system of the share. */
  label: string;
  /** The file the planner opened; `path` of the summary names it too. */
  original: string;
  localCopy: string;
  /** Edits on the local copy not yet saved back to the original. */
  unsaved: boolean;
  /** What opening found: a copy with unsaved edits from an earlier session resumed, or set aside. */
  recovered: 'resumed' | 'conflict' | null;
  /** The set-aside copy when both it and the original had changed. */
  conflictCopy: string | null;
}

export type WorkbookLocation = { kind: 'local' } | RemoteLocation;

export interface SaveBackResult {
  summary: WorkbookSummary;
  /** Where our version went: the original, or a conflict file beside it when someone else changed it. */
  savedTo: string;
  conflict: boolean;
}

export interface RecentFile {
  path: string;
  openedAt: string;
}

export type HostKind = 'electron' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
}

/** The baseline year, then every target year to the RPKD/RPD horizon (the Buku Kerja table's columns). */
export function yearsToHorizon(plan: Plan): number[] {
  return [plan.baselineYear, ...targetYearsOf(plan).filter((y) => y !== plan.baselineYear)];
}

/** Years a plan's tables show: the baseline year, then every target year. */
export function planYears(plan: Plan): number[] {
  const years = [plan.baselineYear];
  for (let y = plan.firstYear; y <= plan.lastYear; y++) if (y !== plan.baselineYear) years.push(y);
  return years;
}

export const COMPARISONS = ['lt', 'le', 'eq', 'ge', 'gt'] as const;
/** How a value must relate to a reference: lt <, le ≤, eq =, ge ≥, gt >. */
export type Comparison = (typeof COMPARISONS)[number];

export const REFERENCE_KINDS = ['level', 'annual_change'] as const;
/**
 * level: the indicator's value in `year` must satisfy `comparison value` (Inpres 4/2022: extreme
 * poverty = 0 in 2024). annual_change: every year-on-year change of the path must satisfy it
 * (Sumsel: poverty falls at least 1 pp a year → change ≤ −1).
 */
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const REFERENCE_SCOPES = ['nasional', 'provinsi', 'kabupaten'] as const;
/**
 * Whose target a reference is. Only a reference at the workbook's own level (kabupaten: it binds
 * each regency, e.g. the Governor's "every kab/kota below 10 %") is a finding; a national or
 * provincial one (the province's own ≥ 1 pp a year) is shown as context.
 */
export type ReferenceScope = (typeof REFERENCE_SCOPES)[number];

/** A target set outside the RPJMD (RPJMN, Inpres, the Governor) that the evaluation checks against. */
export interface ReferenceTarget {
  id: number;
  indicatorCode: string;
  scope: ReferenceScope;
  kind: ReferenceKind;
  comparison: Comparison;
  /** Year the level applies to; null for annual_change. */
  year: number | null;
  value: number;
  label: string;
  source: string;
}

/** Years a shock (COVID-19) explains a reversal of a target path. */
export interface ShockYear {
  year: number;
  reason: string;
}

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One result of a check (pemeriksaan), located at an indicator, year and series. */
export interface Finding {
  checkId: string;
  severity: Severity;
  indicatorId: number;
  indicatorCode: string;
  year: number | null;
  series: 'revised_target' | 'justification';
  message: { id: string; en: string };
}

export const CAPAIAN_BAND_SCALES = ['permendagri_86_2017', 'lakip'] as const;
/**
 * permendagri_86_2017: ≥ 91 sangat tinggi, 76–90 tinggi, 66–75 sedang, 51–65 rendah, ≤ 50 sangat
 * rendah (the default); lakip: the Muara Enim LAKIP's ≥ 91 sangat baik, 81–90 baik, 71–80 cukup,
 * ≤ 70 kurang.
 */
export type CapaianBandScale = (typeof CAPAIAN_BAND_SCALES)[number];

/** Settings of a workbook that are not numbers of an indicator. */
export interface WorkbookSettings {
  /** When the revision is made (ISO date, e.g. '2021-08-23'); null: not set. */
  revisionDate: string | null;
  capaianBands: CapaianBandScale;
  /** The Raperda annex header: its number ("…" when null), its year, and the Perda it amends. */
  annexDocumentNumber: string | null;
  annexDocumentYear: number | null;
  amendedRegulation: string | null;
  /** The RPKD/RPD horizon (schema v7); null: the plan's last year. */
  horizonYear: number | null;
  /** Average size of a poor household (people), with its source; null: not set. */
  poorHouseholdSize: number | null;
  poorHouseholdSizeSource: string | null;
}

export const PROGRAMME_CLUSTERS = ['bantuan_sosial', 'pemberdayaan', 'usaha_mikro', 'layanan_dasar'] as const;
export type ProgrammeCluster = (typeof PROGRAMME_CLUSTERS)[number];
/** Inpres 4/2022's three strategies: reduce the spending burden, raise income, reduce poverty pockets. */
export const PROGRAMME_STRATEGIES = ['beban_pengeluaran', 'pendapatan', 'kantong_kemiskinan'] as const;
export type ProgrammeStrategy = (typeof PROGRAMME_STRATEGIES)[number];
/** transfer: a benefit paid to the household; income: a raise of its income of that size. */
export const BENEFIT_KINDS = ['transfer', 'income'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

/** A programme's reach in one year. */
export interface ProgrammeYearValues {
  year: number;
  households: number;
  /** Rp per household per month (a transfer, or an income effect of that size). */
  benefit: number;
  /** Targeting accuracy: % of recipients who are poor (0–100). */
  accuracy: number;
  /** Rp; null: not known. */
  budget: number | null;
  source: string;
}

/** A poverty programme of the regency (multiple interventions), with its reach per year (schema v7). */
export interface Programme {
  id: number;
  name: string;
  cluster: ProgrammeCluster;
  strategy: ProgrammeStrategy;
  /** The Perangkat Daerah that runs it. */
  agency: string;
  benefitKind: BenefitKind;
  source: string;
  illustrative: boolean;
  years: ProgrammeYearValues[];
}

/** The person behind a change or a signature: asked once per user, kept in the user's profile (not the workbook). */
export interface Person {
  name: string;
  /** Nomor Induk Pegawai; may be empty. */
  nip: string;
  /** Jabatan, e.g. "Perencana Ahli Muda, Bappeda". */
  title: string;
}

/** The capaian formula a planner chose for an indicator (none: the polarity's default). */
export interface CapaianSetting {
  indicatorId: number;
  formula: 'higher' | 'lower_a' | 'lower_b';
}

/** A change of method from `year` on: values before and after are not comparable (tidak sebanding). */
export interface MethodBreak {
  indicatorCode: string;
  year: number;
  note: string;
}

/** The population poverty figures use, per year, as the app shows it (shared/model/population.ts). */
export interface PopulationView {
  years: { year: number; value: number; basis: 'projection' | 'implied' | 'carried'; from: number | null }[];
  growth: number;
  growthBasis: 'susenas' | 'census' | 'none';
}
