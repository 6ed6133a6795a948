/** What bench/browser/index.ts hands the bare page (bare.ts) as `window.__benchRows`. */
export interface BareRow {
  id: string;
  name: string;
  decimals: number;
  /** One value per year (null when empty). */
  values: (number | null)[];
}

export interface BareData {
  years: number[];
  rows: BareRow[];
}
