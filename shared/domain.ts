/** Domain vocabulary shared by the services and the renderer (see ../docs/ARCHITECTURE.md). */

export const SERIES = ['baseline', 'original_target', 'realisation', 'projection'] as const;
/** baseline = kondisi awal, original_target = target awal (RPJMD), realisation = realisasi (BPS). */
export type Series = (typeof SERIES)[number];

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
}

export interface Scenario {
  id: number;
  name: string;
  description: string;
  status: ScenarioStatus;
  createdAt: string;
}

export interface WorkbookSummary {
  path: string;
  fileName: string;
  schemaVersion: number;
  plan: Plan;
  indicators: Indicator[];
  scenarios: Scenario[];
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

/** Years a plan's tables show: the baseline year, then every target year. */
export function planYears(plan: Plan): number[] {
  const years = [plan.baselineYear];
  for (let y = plan.firstYear; y <= plan.lastYear; y++) if (y !== plan.baselineYear) years.push(y);
  return years;
}
