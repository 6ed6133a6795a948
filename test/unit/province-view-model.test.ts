/**
 * The Provinsi view's model (renderer/src/province/model.ts) on three hand-made regions: the rows
 * and their flags as codes, the text filter (case and accents ignored) and "only flagged", sorting
 * with empty cells last in both directions, and how a year's coverage is said — 3/3 complete, 1/3
 * "tidak sebanding" with no province figure shown, none. Numbers hand-computed.
 */
import { describe, expect, it } from 'vitest';
import { provinceReport, type RegionInput } from '../../shared/model/province.js';
import {
  aggregateOf,
  compareCells,
  coverageOf,
  coverageWords,
  filterRows,
  provinceValue,
  regionKind,
  regionRows,
  sortRows,
  tableYears,
} from '../../renderer/src/province/model.js';
import { excludedReasonKey } from '../../renderer/src/province/words.js';

function region(over: Partial<RegionInput> & Pick<RegionInput, 'name' | 'file'>): RegionInput {
  const base: RegionInput = {
    name: over.name,
    file: over.file,
    province: 'Sumatera Selatan',
    firstYear: 2018,
    lastYear: 2023,
    horizonYear: 2026,
    population: {},
    p0: {},
    original: {},
    revised: null,
    usulan: null,
    checkErrors: 0,
    indicators: {},
    illustrative: {},
  };
  return { ...base, ...over };
}

// A: 2020 P0 10 % of 100 people, 2024 target 10,5 (not below 10). B: 20 % of 300, loosens 2021 by
// 0,5 pp (9,3 → 9,8), 2024 at 9. C: no 2020 realisation, 2022 realised alone, 2 check errors.
const A = region({ name: 'Kabupaten Ogan Ilir', file: 'a.rpjmd', population: { '2020': 100, '2022': 100, '2024': 100 }, p0: { '2020': 10 }, original: { '2024': 10.5 }, illustrative: { P0: ['realised'] } });
const B = region({
  name: 'Kota Palembang',
  file: 'b.rpjmd',
  population: { '2020': 300, '2021': 300, '2022': 300, '2024': 300 },
  p0: { '2020': 20 },
  original: { '2021': 9.3, '2024': 9 },
  revised: { '2021': 9.8, '2024': 9 },
  usulan: 'Perubahan 2021',
});
const C = region({ name: 'Kabupaten Lahat', file: 'c.rpjmd', population: { '2020': 600, '2022': 600, '2024': 600 }, p0: { '2022': 12 }, original: { '2024': 9.5 }, checkErrors: 2 });
const report = provinceReport([A, B, C], [{ file: 'x.rpjmd', reason: 'refused_not_workbook', message: 'x.rpjmd is not a workbook', params: {} }]);

describe('province view model', () => {
  it('makes a row per region with its kind, 2024 target, loosening and flags', () => {
    const rows = regionRows(report, 'P0');
    expect(rows.map((r) => [r.file, r.kind, r.target2024, r.loosening, r.checkErrors, r.flags])).toEqual([
      ['a.rpjmd', 'kabupaten', 10.5, null, 0, ['not_below_10']],
      ['b.rpjmd', 'kota', 9, { change: 0.5, year: 2021 }, 0, ['loosening']],
      ['c.rpjmd', 'kabupaten', 9.5, null, 2, ['failing_checks']],
    ]);
    expect(rows.map((r) => [r.illustrative, r.illustrativeSeries])).toEqual([
      [true, ['realised']],
      [false, []],
      [false, []],
    ]);
    expect(regionKind('Kota Pagar Alam')).toBe('kota');
    expect(regionKind('Kab. Lahat')).toBe('kabupaten');
    expect(regionKind('Provinsi X')).toBe('other');
  });

  it('filters by region name ignoring case and accents, and by "only flagged"', () => {
    const rows = regionRows(report, 'P0');
    expect(filterRows(rows, { text: 'OGAN', onlyFlagged: false }).map((r) => r.file)).toEqual(['a.rpjmd']);
    expect(filterRows(rows, { text: 'palémbang', onlyFlagged: false }).map((r) => r.file)).toEqual(['b.rpjmd']);
    expect(filterRows(rows, { text: 'kabupaten la', onlyFlagged: false }).map((r) => r.file)).toEqual(['c.rpjmd']);
    expect(filterRows(rows, { text: '', onlyFlagged: true })).toHaveLength(3);
    const unflagged = regionRows(provinceReport([region({ name: 'Kota Baik', file: 'd.rpjmd', original: { '2024': 8 } }), A]), 'P0');
    expect(filterRows(unflagged, { text: '', onlyFlagged: true }).map((r) => r.file)).toEqual(['a.rpjmd']);
  });

  it('sorts numbers by value and text by Indonesian collation, empty cells last both ways', () => {
    const rows = regionRows(report, 'P0');
    const p2020 = (r: (typeof rows)[number]) => r.series.realised['2020'] ?? null;
    expect(sortRows(rows, p2020, 'asc').map((r) => r.file)).toEqual(['a.rpjmd', 'b.rpjmd', 'c.rpjmd']);
    expect(sortRows(rows, p2020, 'desc').map((r) => r.file)).toEqual(['b.rpjmd', 'a.rpjmd', 'c.rpjmd']);
    expect(sortRows(rows, (r) => r.name, 'asc').map((r) => r.name)).toEqual(['Kabupaten Lahat', 'Kabupaten Ogan Ilir', 'Kota Palembang']);
    expect(sortRows(rows, (r) => r.loosening?.change ?? null, 'desc').map((r) => r.file)[0]).toBe('b.rpjmd');
    // ag-grid flips the comparator when descending: an empty cell must still come last.
    expect(compareCells(null, 3, false)).toBeGreaterThan(0);
    expect(-compareCells(null, 3, true)).toBeGreaterThan(0);
    expect(compareCells('Kota 10', 'Kota 9')).toBeGreaterThan(0);
  });

  it("says each year's coverage, and shows the province's figure only where every region is in it", () => {
    const agg = aggregateOf(report, 'P0')!;
    // 2020: A and B (C has no 2020 realisation): 2/3. (10 × 100 + 20 × 300) ÷ 400 = 17,5.
    expect(agg.realised.value['2020']).toBeCloseTo(17.5, 12);
    expect(coverageOf(agg.realised, 2020, 3)).toEqual({ year: 2020, n: 2, total: 3, state: 'partial' });
    expect(provinceValue(agg.realised, 2020, 3)).toBeNull();
    expect(coverageWords(coverageOf(agg.realised, 2022, 3))).toEqual({ key: 'province.coverage.partial', params: { n: 1, total: 3 } });
    expect(coverageWords(coverageOf(agg.realised, 2019, 3))).toEqual({ key: 'province.coverage.none', params: { n: 0, total: 3 } });
    // 2024 targets: every region. (10,5 × 100 + 9 × 300 + 9,5 × 600) ÷ 1000 = 9,45.
    expect(coverageWords(coverageOf(agg.target, 2024, 3))).toEqual({ key: 'province.coverage.complete', params: { n: 3, total: 3 } });
    expect(provinceValue(agg.target, 2024, 3)).toBeCloseTo(9.45, 12);
    expect(tableYears(report, 'P0')).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
  });

  it('words every exclusion reason the store and the model give, and any other by its code', () => {
    expect(report.excluded.map((e) => excludedReasonKey(e.reason))).toEqual(['province.excluded.reasons.refused_not_workbook']);
    for (const r of ['refused_newer', 'refused_corrupt', 'refused_foreign', 'other_province', 'other_plan_period', 'duplicate_region']) expect(excludedReasonKey(r)).toBe(`province.excluded.reasons.${r}`);
    expect(excludedReasonKey('too_large')).toBe('province.excluded.reasons.other');
  });
});
