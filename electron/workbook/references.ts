/**
 * The reference targets a governor's evaluation checks a regency's RPJMD against, and the shock
 * years that explain a reversal. They are workbook data (editable, each with its source), seeded
 * here for new workbooks and by migration 3 for older ones.
 */
import type { Plan, ReferenceTarget, ShockYear } from '../../shared/domain.js';

export type ReferenceSpec = Omit<ReferenceTarget, 'id'>;

export function standardReferences(plan: Pick<Plan, 'province'>): ReferenceSpec[] {
  const refs: ReferenceSpec[] = [
    {
      indicatorCode: 'P0E', kind: 'level', comparison: 'eq', year: 2024, value: 0,
      label: 'Inpres 4/2022',
      source: 'Inpres 4/2022 tentang Percepatan Penghapusan Kemiskinan Ekstrem: 0 % pada 2024 (antaranews.com/berita/2939465)',
    },
  ];
  if (plan.province.trim().toLowerCase() === 'sumatera selatan') {
    refs.push(
      {
        indicatorCode: 'P0', kind: 'level', comparison: 'lt', year: 2024, value: 10,
        label: 'Gubernur Sumsel',
        source: 'Gubernur Sumatera Selatan: setiap kab/kota di bawah 10 % pada 2024 (rmolsumsel.id; bappeda.sumselprov.go.id/berita/913)',
      },
      {
        indicatorCode: 'P0', kind: 'annual_change', comparison: 'le', year: null, value: -1,
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
