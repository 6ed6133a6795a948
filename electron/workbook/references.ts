/**
 * The reference targets a governor's evaluation checks a regency's RPJMD against, and the shock
 * years that explain a reversal. They are workbook data (editable, each with its source), seeded
 * from these live lists into NEW workbooks (seedReferences). Migration 3 seeds older files from its
 * own frozen copy of the lists as they were at v3 (migrations.ts), so editing them here changes
 * new workbooks only.
 */
import type Database from 'better-sqlite3';
import type { Plan, ReferenceTarget, ShockYear } from '../../shared/domain.js';

export type ReferenceSpec = Omit<ReferenceTarget, 'id'>;

export function standardReferences(plan: Pick<Plan, 'province'>): ReferenceSpec[] {
  const refs: ReferenceSpec[] = [
    {
      indicatorCode: 'P0E', scope: 'kabupaten', kind: 'level', comparison: 'eq', year: 2024, value: 0,
      label: 'Inpres 4/2022',
      source: 'Inpres 4/2022 tentang Percepatan Penghapusan Kemiskinan Ekstrem: 0 % pada 2024 (antaranews.com/berita/2939465)',
    },
  ];
  if (plan.province.trim().toLowerCase() === 'sumatera selatan') {
    refs.push(
      {
        indicatorCode: 'P0', scope: 'kabupaten', kind: 'level', comparison: 'lt', year: 2024, value: 10,
        label: 'Gubernur Sumsel',
        source: 'Gubernur Sumatera Selatan: setiap kab/kota di bawah 10 % pada 2024 (rmolsumsel.id; bappeda.sumselprov.go.id/berita/913)',
      },
      {
        // The province's own pace: context for a regency, not a finding.
        indicatorCode: 'P0', scope: 'provinsi', kind: 'annual_change', comparison: 'le', year: null, value: -1,
        label: 'Gubernur Sumsel',
        source: 'Gubernur Sumatera Selatan: kemiskinan turun sedikitnya 1 poin persen per tahun (bappeda.sumselprov.go.id/berita/913)',
      },
    );
  }
  return refs;
}

/** COVID-19: the years the 2021 revisions answer. */
export const STANDARD_SHOCK_YEARS: readonly ShockYear[] = [
  { year: 2020, reason: 'Pandemi COVID-19' },
  { year: 2021, reason: 'Pandemi COVID-19' },
];

/** Seeds a new workbook's (empty) reference_target and shock_year tables with the standard lists. */
export function seedReferences(db: Database.Database, province: string, withScope = true): void {
  // Tests build files of older schemas (before v4: no scope column) through Workbook.create.
  const insert = db.prepare(
    withScope
      ? 'INSERT INTO reference_target (indicator_code, scope, kind, comparison, year, value, label, source) VALUES (@indicatorCode, @scope, @kind, @comparison, @year, @value, @label, @source)'
      : 'INSERT INTO reference_target (indicator_code, kind, comparison, year, value, label, source) VALUES (@indicatorCode, @kind, @comparison, @year, @value, @label, @source)',
  );
  for (const r of standardReferences({ province })) {
    const { scope, ...rest } = r;
    insert.run(withScope ? { ...rest, scope } : rest);
  }
  const shock = db.prepare('INSERT OR IGNORE INTO shock_year (year, reason) VALUES (?, ?)');
  for (const s of STANDARD_SHOCK_YEARS) shock.run(s.year, s.reason);
}
