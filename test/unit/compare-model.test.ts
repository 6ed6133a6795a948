/** The Bandingkan table rows, the chart lines and the reference-target form rules (renderer, no DOM). */
import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorValue, Plan, ReferenceTarget, ScenarioTargets } from '../../shared/domain.js';
import { buildIndicatorChart } from '../../renderer/src/charts/series.js';
import { draftOf, emptyDraft, validateDraft } from '../../renderer/src/checks/reference-form.js';
import { arrangeRows, buildCompareRows, indicatorSpans, summarise } from '../../renderer/src/compare/model.js';
import { capaianContext } from '../../shared/model/capaian.js';

const plan: Plan = { region: 'Kabupaten Uji', province: 'Sumatera Selatan', baselineYear: 2017, firstYear: 2018, lastYear: 2020 };

function indicator(id: number, code: string, patch: Partial<Indicator> = {}): Indicator {
  return {
    id, code, nameId: code, nameEn: code, unit: '%', polarity: 'lower', decimals: 2, group: 'kemiskinan',
    definition: '', minValue: 0, maxValue: 100, responsibleUnit: null, ...patch,
  };
}

const P0 = indicator(1, 'P0');
const IPM = indicator(2, 'IPM', { polarity: 'higher', group: 'makro', unit: 'indeks' });
const POP = indicator(3, 'POP', { polarity: 'neutral', group: 'makro', unit: 'jiwa', decimals: 0, maxValue: null });
const indicators = [IPM, POP, P0];

function v(ind: Indicator, year: number, series: IndicatorValue['series'], value: number, illustrative = false): IndicatorValue {
  return { indicatorId: ind.id, year, series, value, source: 'uji', illustrative, provisional: false };
}

const values: IndicatorValue[] = [
  v(P0, 2017, 'baseline', 12.9, true),
  v(P0, 2018, 'original_target', 12.5, true),
  v(P0, 2019, 'original_target', 12.1, true),
  v(P0, 2020, 'original_target', 11.7, true),
  v(P0, 2018, 'realisation', 12.56),
  v(P0, 2020, 'realisation', 12.32),
  v(IPM, 2018, 'original_target', 66.8),
  v(IPM, 2019, 'original_target', 67.2),
  v(IPM, 2019, 'realisation', 67),
  v(POP, 2018, 'original_target', 600000),
  v(POP, 2018, 'realisation', 601000),
];

function scenario(id: number, cells: [Indicator, number, number][], justified: [Indicator, string][] = []): ScenarioTargets {
  return {
    scenarioId: id,
    targets: cells.map(([ind, year, value]) => ({ indicatorId: ind.id, year, value, origin: 'entered' as const })),
    justifications: justified.map(([ind, text]) => ({ indicatorId: ind.id, text, updatedAt: '2021-06-01' })),
  };
}

const revised = scenario(
  7,
  [
    [P0, 2018, 12.5],
    [P0, 2019, 12.1],
    [P0, 2020, 12.6],
    [IPM, 2018, 66.8],
    [IPM, 2019, 66.9],
    [POP, 2018, 600000],
  ],
  [[P0, 'Dampak pandemi COVID-19']],
);

describe('Bandingkan rows', () => {
  const rows = buildCompareRows({ plan, indicators, values, selected: revised, base: { kind: 'original' } });
  const row = (id: string) => rows.find((r) => r.id === id)!;

  it('one row per indicator and target year with a value on either side, in indicator order', () => {
    expect(rows.map((r) => r.id)).toEqual(['IPM:2018', 'IPM:2019', 'POP:2018', 'P0:2018', 'P0:2019', 'P0:2020']);
  });

  it('semula, menjadi, Δ and Δ % of a raised poverty target, marked loosened', () => {
    const r = row('P0:2020');
    expect(r.before).toEqual({ value: 11.7, illustrative: true, derived: false });
    expect(r.after).toEqual({ value: 12.6, illustrative: false, derived: false });
    expect(r.changed).toBe(true);
    expect(r.delta).toBe(0.9);
    // A rate's Δ is in percentage points (12,60 − 11,70 = +0,90 poin persen); Δ % is relative (+7,69 %).
    expect(r.deltaInPoints).toBe(true);
    expect(r.deltaRelative).toBeCloseTo((0.9 / 11.7) * 100, 10);
    expect(r.deltaRelative).toBeCloseTo(7.6923, 4);
    expect(r.loosened).toBe(true);
    expect(r.justification).toBe('Dampak pandemi COVID-19');
  });

  it('a lowered IPM target loosens (higher is better); unchanged cells are not changed', () => {
    expect(row('IPM:2019')).toMatchObject({ changed: true, loosened: true, deltaInPoints: false });
    expect(row('POP:2018').deltaInPoints).toBe(false);
    expect(row('IPM:2018')).toMatchObject({ changed: false, loosened: false, delta: 0 });
    expect(row('P0:2018').changed).toBe(false);
  });

  it('capaian against both targets, polarity-aware; neutral indicators not computable', () => {
    const r = row('P0:2020');
    // lower is better (target / realisation): 11,7/12,32 and 12,6/12,32
    expect(r.capaianBefore?.result).toMatchObject({ kind: 'value', formula: 'lower_a' });
    expect(r.capaianBefore?.result.kind === 'value' && r.capaianBefore.result.percent).toBeCloseTo((11.7 / 12.32) * 100, 10);
    expect(r.capaianAfter?.result.kind === 'value' && r.capaianAfter.result.percent).toBeCloseTo((12.6 / 12.32) * 100, 10);
    expect(row('P0:2019').capaianBefore).toBeNull(); // no realisation
    expect(row('POP:2018').capaianAfter?.result).toEqual({ kind: 'not_computable', reason: 'neutral_polarity' });
    expect(row('POP:2018').capaianAfter?.status).toBeNull();
  });

  it('capaian says tidak tercapai with the gap, category on the Permendagri scale, illustrative when its target is', () => {
    const r = row('P0:2020');
    // 11,70/12,32 = 94,97 % sangat tinggi, but 12,32 > 11,70: missed by 0,62 poin persen
    expect(r.capaianBefore).toMatchObject({ band: 'sangat_tinggi', status: 'not_achieved', gap: 0.62, illustrative: true });
    // 12,60/12,32 = 102,27 %: reached
    expect(r.capaianAfter).toMatchObject({ band: 'sangat_tinggi', status: 'achieved', gap: 0, illustrative: false });
    // IPM 2019: 67,00 against 67,20 (higher is better) = 99,70 %, missed by 0,20; against 66,90 reached
    expect(row('IPM:2019').capaianBefore).toMatchObject({ status: 'not_achieved', gap: 0.2 });
    expect(row('IPM:2019').capaianAfter).toMatchObject({ status: 'achieved', gap: 0 });
  });

  it('capaian follows the workbook context: formula per indicator, LAKIP scale, tidak sebanding across a method break', () => {
    const capaian = capaianContext({
      plan,
      settings: { capaianBands: 'lakip' },
      capaianSettings: [{ indicatorId: P0.id, formula: 'lower_b' }],
      methodBreaks: [{ indicatorCode: 'IPM', year: 2019, note: 'metode baru' }],
    });
    const rows2 = buildCompareRows({ plan, indicators, values, selected: revised, base: { kind: 'original' }, capaian });
    const r = rows2.find((x) => x.id === 'P0:2020')!;
    // (2 − 12,32/11,70) × 100 = 94,70 %: LAKIP sangat baik
    expect(r.capaianBefore?.result).toMatchObject({ kind: 'value', formula: 'lower_b' });
    expect(r.capaianBefore?.result.kind === 'value' && r.capaianBefore.result.percent).toBeCloseTo(94.70085470085471, 10);
    expect(r.capaianBefore?.band).toBe('sangat_baik');
    const ipm = rows2.find((x) => x.id === 'IPM:2019')!;
    expect(ipm.capaianBefore?.result).toEqual({ kind: 'not_comparable', methodBreak: { indicatorCode: 'IPM', year: 2019, note: 'metode baru' } });
    expect(ipm.capaianBefore).toMatchObject({ band: null, status: null, gap: null });
  });

  it('a cell on one side only is changed, without Δ', () => {
    const rows2 = buildCompareRows({ plan, indicators, values, selected: scenario(8, [[P0, 2018, 12.5]]), base: { kind: 'original' } });
    const r = rows2.find((x) => x.id === 'P0:2019')!;
    expect(r).toMatchObject({ after: null, changed: true, delta: null, deltaRelative: null, loosened: false });
  });

  it('compares with another scenario instead of the original targets', () => {
    const other = scenario(9, [[P0, 2020, 12]]);
    const rows2 = buildCompareRows({ plan, indicators, values, selected: revised, base: { kind: 'scenario', targets: other } });
    const r = rows2.find((x) => x.id === 'P0:2020')!;
    expect(r.before).toEqual({ value: 12, illustrative: false, derived: false });
    expect(r.delta).toBe(0.6);
  });

  it('"only changed" keeps exactly the changed cells; groups in indicator order; sort by |Δ %|', () => {
    const groups = arrangeRows(rows, { onlyChanged: true, group: null, sort: 'indicator' });
    expect(groups.map((g) => [g.group, g.rows.map((r) => r.id)])).toEqual([
      ['makro', ['IPM:2019']],
      ['kemiskinan', ['P0:2020']],
    ]);
    const sorted = arrangeRows(rows, { onlyChanged: false, group: 'kemiskinan', sort: 'change' });
    expect(sorted.map((g) => g.group)).toEqual(['kemiskinan']);
    expect(sorted[0]!.rows.map((r) => r.id)).toEqual(['P0:2020', 'P0:2018', 'P0:2019']);
    expect(summarise(rows)).toEqual({ cells: 6, changed: 2, loosened: 2 });
  });

  it('spans consecutive rows of one indicator', () => {
    expect(indicatorSpans(rows)).toEqual([2, 0, 1, 3, 0, 0]);
    expect(indicatorSpans([])).toEqual([]);
  });
});

describe('chart lines', () => {
  const refs: ReferenceTarget[] = [
    { id: 1, indicatorCode: 'P0', scope: 'kabupaten', kind: 'level', comparison: 'lt', year: 2024, value: 10, label: 'Gubernur Sumsel', source: 's' },
    { id: 2, indicatorCode: 'P0', scope: 'kabupaten', kind: 'annual_change', comparison: 'le', year: null, value: -1, label: 'Gubernur Sumsel', source: 's' },
    { id: 3, indicatorCode: 'P0E', scope: 'kabupaten', kind: 'level', comparison: 'eq', year: 2024, value: 0, label: 'Inpres 4/2022', source: 's' },
  ];
  const model = buildIndicatorChart({
    plan,
    indicator: P0,
    values,
    scenarios: [{ name: 'Perubahan 2021', targets: revised, role: 'revised' }],
    references: refs,
    shockYears: [
      { year: 2019, reason: 'Pandemi COVID-19' },
      { year: 2020, reason: 'Pandemi COVID-19' },
      { year: 2030, reason: 'Pandemi COVID-19' },
    ],
  });

  it('realisation, original and revised over the plan years, targets starting at the kondisi awal', () => {
    expect(model.years).toEqual([2017, 2018, 2019, 2020]);
    expect(model.lines.map((l) => l.kind)).toEqual(['realisation', 'original', 'revised']);
    expect(model.lines[0]!.points.map((p) => p?.value ?? null)).toEqual([null, 12.56, null, 12.32]);
    expect(model.lines[1]!.points).toEqual([
      { value: 12.9, illustrative: true },
      { value: 12.5, illustrative: true },
      { value: 12.1, illustrative: true },
      { value: 11.7, illustrative: true },
    ]);
    expect(model.lines[2]!.points.map((p) => p?.value ?? null)).toEqual([12.9, 12.5, 12.1, 12.6]);
    expect(model.lines[2]!.points[3]!.illustrative).toBe(false);
  });

  it('level references drawn whatever their year, paces named, shock years as runs inside the chart', () => {
    expect(model.levels.map((r) => r.value)).toEqual([10]);
    expect(model.paces.map((r) => r.value)).toEqual([-1]);
    expect(model.shockRuns).toEqual([{ from: 2, to: 3, years: [2019, 2020], reason: 'Pandemi COVID-19' }]);
  });
});

describe('reference-target form', () => {
  const base = { ...emptyDraft('P0'), value: '10', label: 'Gubernur Sumsel', source: 'bappeda.sumselprov.go.id' };

  it('a level needs a four-digit year in range', () => {
    expect(validateDraft({ ...base, year: '' })).toEqual({ ok: false, errors: { year: 'year_required' } });
    expect(validateDraft({ ...base, year: '24' })).toEqual({ ok: false, errors: { year: 'year_invalid' } });
    expect(validateDraft({ ...base, year: '2101' })).toEqual({ ok: false, errors: { year: 'year_invalid' } });
    expect(validateDraft({ ...base, year: '2024' })).toEqual({
      ok: true,
      input: { indicatorCode: 'P0', scope: 'kabupaten', kind: 'level', comparison: 'le', year: 2024, value: 10, label: 'Gubernur Sumsel', source: 'bappeda.sumselprov.go.id' },
    });
  });

  it('an annual change has no year (a typed one is ignored); values are read id-ID', () => {
    const r = validateDraft({ ...base, kind: 'annual_change', year: '2024', value: '-0,5', id: 4 });
    expect(r).toEqual({ ok: true, input: expect.objectContaining({ id: 4, kind: 'annual_change', year: null, value: -0.5 }) });
  });

  it('source and label are required; the value must be a number', () => {
    expect(validateDraft({ ...base, year: '2024', source: '  ', label: '', value: 'sepuluh' })).toEqual({
      ok: false,
      errors: { source: 'required', label: 'required', value: 'not_a_number' },
    });
    expect(validateDraft({ ...base, year: '2024', value: '' })).toEqual({ ok: false, errors: { value: 'required' } });
  });

  it('the scope travels with the draft: a provincial pace stays provincial', () => {
    const r = validateDraft({ ...base, scope: 'provinsi', kind: 'annual_change', value: '-1' });
    expect(r).toEqual({ ok: true, input: expect.objectContaining({ scope: 'provinsi', kind: 'annual_change', year: null, value: -1 }) });
    expect(draftOf({ id: 3, indicatorCode: 'P0', scope: 'nasional', kind: 'level', comparison: 'le', year: 2024, value: 7, label: 'RPJMN', source: 's' }, 2).scope).toBe('nasional');
  });

  it('an existing reference opens with its values in id-ID', () => {
    const d = draftOf({ id: 2, indicatorCode: 'P0', scope: 'kabupaten', kind: 'annual_change', comparison: 'le', year: null, value: -1, label: 'G', source: 's' }, 2);
    expect(d).toEqual({ id: 2, indicatorCode: 'P0', scope: 'kabupaten', kind: 'annual_change', comparison: 'le', year: '', value: '-1,00', label: 'G', source: 's' });
  });
});
