/** What `interventions.get` answers (electron/services/interventions.ts builds it; the renderer and the annex show it). */
import type { InterventionReport } from './model/interventions.js';

/** The poverty line (GK) a year's effect is read against, and where it comes from. */
export interface PovertyLineUsed {
  year: number;
  /** Rp per person a month. */
  value: number;
  /** The year's realisation, the scenario's GK target, or the nearest realisation carried flat. */
  basis: 'realisation' | 'target' | 'carried';
  /** For 'carried': the year whose realisation is used. */
  from?: number;
  illustrative: boolean;
}

export interface InterventionsView {
  scenarioId: number;
  report: InterventionReport;
  /** The reference each year's gap is measured against (the strictest regency-level P0 level reference). */
  targets: { year: number; label: string; value: number }[];
  povertyLines: PovertyLineUsed[];
  householdSize: number | null;
  /** σ of the region's consumption lognormal and its base year (Kelayakan). */
  sigma: number | null;
  baseYear: number | null;
  /** Any input marked ilustrasi (a programme, the fit, the poverty line). */
  illustrative: boolean;
}
