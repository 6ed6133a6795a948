/** The Target view's pure arrangement: rows, Δ and its direction, kondisi akhir, capaian, paste mapping. */
import { describe, expect, it } from 'vitest';
import { targetYearsOf, type IndicatorValue, type Plan, type ScenarioTargets } from '../../shared/domain.js';
import { parseClipboard } from '../../shared/model/paste.js';
import { capaianContext } from '../../shared/model/capaian.js';
import {
  applyCells,
  buildBaseRows,
  buildTargetRows,
  withTargets,
  nextRows,
  TargetRowsCache,
  capaianOf,
  capaianTone,
  changeKind,
  deltaOf,
  endCondition,
  planPaste,
  realisationYears,
  type TargetIndicatorRow,
} from '../../renderer/src/target/model.js';
import { testIndicator } from '../helpers/indicators.js';

const plan: Plan = { region: 'Kab. Uji', province: 'Sumsel', baselineYear: 2017, firstYear: 2018, lastYear: 2023 };
const ind = testIndicator;
const PE = ind(1, 'PE', { polarity: 'higher', group: 'makro', minValue: -100 });
const POP = ind(2, 'POP', { polarity: 'neutral', group: 'makro', unit: 'jiwa', decimals: 0, maxValue: null });
const P0 = ind(3, 'P0');
const JPM = ind(4, 'JPM', { unit: 'jiwa', decimals: 0, maxValue: null });
const P0E = ind(5, 'P0E');
const indicators = [PE, POP, P0, JPM, P0E];
const v = (indicatorId: number, year: number, series: IndicatorValue['series'], value: number): IndicatorValue => ({
  indicatorId,
  year,
  series,
  value,
  source: 's',
  illustrative: false,
  provisional: false,
});
const values = [v(3, 2017, 'baseline', 12.9), v(3, 2021, 'original_target', 11.3), v(3, 2023, 'original_target', 10.5), v(3, 2020, 'realisation', 12.32), v(5, 2021, 'realisation', 1.52)];
const targets: ScenarioTargets = {
  scenarioId: 1,
  targets: [
    { indicatorId: 3, year: 2021, value: 12.6, origin: 'entered' },
    { indicatorId: 4, year: 2021, value: 80640, origin: 'derived' },
  ],
  justifications: [{ indicatorId: 3, text: 'COVID-19', updatedAt: '' }],
};
const rows = buildTargetRows(indicators, values, plan, targets);
const row = (code: string) => rows.find((r): r is TargetIndicatorRow => r.kind === 'indicator' && r.indicator.code === code)!;

describe('buildTargetRows', () => {
  it('groups indicators under header rows and picks each series', () => {
    expect(rows.map((r) => r.id)).toEqual(['group:makro', 'indicator:PE', 'indicator:POP', 'group:kemiskinan', 'indicator:P0', 'indicator:JPM', 'indicator:P0E']);
    expect(row('P0').baseline?.value).toBe(12.9);
    expect(row('P0').original[2021]?.value).toBe(11.3);
    expect(row('P0').revised[2021]?.value).toBe(12.6);
    expect(row('JPM').revised[2021]?.origin).toBe('derived');
    expect(row('P0').justification).toBe('COVID-19');
    expect(buildTargetRows(indicators, values, plan, null).filter((r) => r.kind === 'indicator').every((r) => r.kind === 'indicator' && Object.keys(r.revised).length === 0)).toBe(true);
  });

  it('lists target years and the years with realisations', () => {
    expect(targetYearsOf(plan)).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
    expect(realisationYears(values, targetYearsOf(plan))).toEqual([2020, 2021]);
  });
});

describe('Δ and its direction', () => {
  it('is revised − original without float noise', () => {
    expect(deltaOf(row('P0'), 2021)).toBe(1.3);
    expect(deltaOf(row('P0'), 2022)).toBeNull();
  });

  it('loosens or tightens by polarity; neutral and zero have no direction', () => {
    expect(changeKind('lower', 1.3, 2)).toBe('loosen');
    expect(changeKind('lower', -0.4, 2)).toBe('tighten');
    expect(changeKind('higher', -0.4, 2)).toBe('loosen');
    expect(changeKind('higher', 0.4, 2)).toBe('tighten');
    expect(changeKind('neutral', 5000, 0)).toBe('neutral');
    expect(changeKind('lower', 0.004, 2)).toBe('same');
  });

  it('kondisi akhir is the last revised target, else the original', () => {
    expect(endCondition(row('P0'), 2023)).toEqual({ value: 10.5, from: 'original' });
    expect(endCondition(row('JPM'), 2023)).toBeNull();
  });
});

describe('capaian in the grid', () => {
  it('measures a realisation against the revised target, else the original, with the polarity default', () => {
    const rows2 = buildTargetRows(indicators, [...values, v(3, 2021, 'realisation', 12.0)], plan, targets);
    const p0 = rows2.find((r): r is TargetIndicatorRow => r.kind === 'indicator' && r.indicator.code === 'P0')!;
    const c = capaianOf(p0, 2021)!;
    expect(c.against).toBe('revised');
    expect(c.result).toMatchObject({ kind: 'value', formula: 'lower_a' });
    // 12,60 / 12,00 × 100 = 105 %: Permendagri 86/2017 sangat tinggi, reached
    expect(c.result.kind === 'value' && c.result.percent).toBeCloseTo(105, 6);
    expect(c).toMatchObject({ band: 'sangat_tinggi', status: 'achieved', gap: 0, afterRevision: false });
    expect(capaianTone(c.band!)).toBe('sangat_baik');
    // No target for P0E 2021: nothing to measure against.
    expect(capaianOf(row('P0E'), 2021)).toBeNull();
    expect(capaianOf(row('P0'), 2019)).toBeNull();
  });

  it('says tidak tercapai with the gap: 12,32 against the original 11,70 (2020) is 94,97 % yet missed by 0,62', () => {
    const rows2 = buildTargetRows(indicators, [...values, v(3, 2020, 'original_target', 11.7)], plan, targets);
    const p0 = rows2.find((r): r is TargetIndicatorRow => r.kind === 'indicator' && r.indicator.code === 'P0')!;
    const c = capaianOf(p0, 2020)!;
    expect(c.against).toBe('original');
    expect(c.result.kind === 'value' && c.result.percent).toBeCloseTo((11.7 / 12.32) * 100, 10);
    expect(c).toMatchObject({ band: 'sangat_tinggi', status: 'not_achieved', gap: 0.62 });
  });

  it('uses the workbook context: the chosen formula, the band scale, tidak sebanding across a break, monitoring after the revision date', () => {
    const rows2 = buildTargetRows(indicators, [...values, v(3, 2020, 'original_target', 11.7), v(5, 2021, 'original_target', 1.2)], plan, targets);
    const p0 = rows2.find((r): r is TargetIndicatorRow => r.kind === 'indicator' && r.indicator.code === 'P0')!;
    const p0e = rows2.find((r): r is TargetIndicatorRow => r.kind === 'indicator' && r.indicator.code === 'P0E')!;
    const ctx = capaianContext({
      plan,
      settings: { capaianBands: 'lakip' },
      capaianSettings: [{ indicatorId: P0.id, formula: 'lower_b' }],
      methodBreaks: [{ indicatorCode: 'P0E', year: 2021, note: 'seri BPS Sumsel' }],
    });
    const c = capaianOf(p0, 2020, ctx, 2020)!;
    // (2 − 12,32/11,70) × 100 = 94,70 %: LAKIP sangat baik, still missed by 0,62
    expect(c.result).toMatchObject({ kind: 'value', formula: 'lower_b' });
    expect(c.result.kind === 'value' && c.result.percent).toBeCloseTo(94.70085470085471, 10);
    expect(c).toMatchObject({ band: 'sangat_baik', status: 'not_achieved', gap: 0.62, afterRevision: false });
    const e = capaianOf(p0e, 2021, ctx, 2020)!;
    expect(e.result).toEqual({ kind: 'not_comparable', methodBreak: { indicatorCode: 'P0E', year: 2021, note: 'seri BPS Sumsel' } });
    expect(e).toMatchObject({ band: null, status: null, afterRevision: true });
  });

  it('maps both scales onto the stylesheet\'s four tones', () => {
    expect(['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah'].map((b) => capaianTone(b as never))).toEqual(['sangat_baik', 'baik', 'cukup', 'kurang', 'kurang']);
    expect(['sangat_baik', 'baik', 'cukup', 'kurang'].map((b) => capaianTone(b as never))).toEqual(['sangat_baik', 'baik', 'cukup', 'kurang']);
  });
});

describe('planPaste', () => {
  const list = [PE, POP, P0, JPM, P0E];
  const years = targetYearsOf(plan);

  it('maps an Excel block (CRLF, trailing newline, decimal commas) from the anchor: exactly 3×2 cells, no phantom row', () => {
    const block = parseClipboard({ text: '12,60\t12,10\r\n81.000\t79.270\r\n11,20\t10,90\r\n' });
    const plan1 = planPaste(block, { kind: 'revised', rowIndex: 2, year: 2021 }, list, years);
    expect(plan1.rejected).toEqual([]);
    expect(plan1.accepted.map((c) => [c.indicator.code, c.year, c.value])).toEqual([
      ['P0', 2021, 12.6],
      ['P0', 2022, 12.1],
      ['JPM', 2021, 81_000],
      ['JPM', 2022, 79_270],
      ['P0E', 2021, 11.2],
      ['P0E', 2022, 10.9],
    ]);
  });

  it('rejects text and out-of-range cells by position, keeping the valid ones', () => {
    const block = parseClipboard({ text: '12,60\tabc\r\n140\t11,50\r\n' });
    const p = planPaste(block, { kind: 'revised', rowIndex: 2, year: 2022 }, [...list], years);
    // A head count holds whole people: 11,50 in JPM is refused (the write path's rule), not rounded.
    expect(p.rejected.map((c) => [c.blockRow, c.blockColumn, c.problem, c.indicator?.code, c.year])).toEqual([
      [1, 2, 'not_a_number', 'P0', 2023],
      [2, 2, 'too_many_decimals', 'JPM', 2023],
    ]);
    // JPM has no maximum: 140 people is valid there.
    expect(p.accepted.map((c) => [c.indicator.code, c.year, c.value])).toEqual([
      ['P0', 2022, 12.6],
      ['JPM', 2022, 140],
    ]);
    // On two rate rows, 140 % is out of range.
    const onRates = planPaste(block, { kind: 'revised', rowIndex: 0, year: 2022 }, [P0, P0E], years);
    expect(onRates.rejected.map((c) => [c.blockRow, c.blockColumn, c.problem, c.indicator?.code, c.year])).toEqual([
      [1, 2, 'not_a_number', 'P0', 2023],
      [2, 1, 'above_max', 'P0E', 2022],
    ]);
    expect(onRates.accepted).toHaveLength(2);
  });

  it('refuses what runs past the last year (read-only columns) or the last row, and a read-only anchor', () => {
    const block = [['1', '2']];
    const late = planPaste(block, { kind: 'revised', rowIndex: 4, year: 2023 }, list, years);
    expect(late.rejected.map((c) => [c.blockColumn, c.problem])).toEqual([[2, 'read_only']]);
    const low = planPaste([['1'], ['2']], { kind: 'revised', rowIndex: 4, year: 2020 }, list, years);
    expect(low.rejected.map((c) => [c.blockRow, c.problem, c.indicator])).toEqual([[2, 'outside', null]]);
    const ro = planPaste(block, { kind: 'read_only', rowIndex: 2 }, list, years);
    expect(ro.accepted).toEqual([]);
    expect(ro.rejected.map((c) => c.problem)).toEqual(['read_only', 'read_only']);
  });

  it('an empty cell clears its target', () => {
    const p = planPaste([['', '7,5']], { kind: 'revised', rowIndex: 2, year: 2021 }, list, years);
    expect(p.accepted.map((c) => c.value)).toEqual([null, 7.5]);
  });
});

describe('withTargets / applyCells (a write redraws only its rows)', () => {
  const base = buildBaseRows(indicators, values, plan);
  const before = withTargets(base, targets);

  it('keeps the row objects a write did not change, and replaces the ones it did', () => {
    const typed = applyCells(targets, [{ indicatorId: 3, year: 2022, value: 11.9 }]);
    const after = withTargets(base, typed, before);
    const changed = after.filter((r, i) => r !== before[i]).map((r) => r.id);
    expect(changed).toEqual(['indicator:P0']);
    const p0 = after.find((r): r is TargetIndicatorRow => r.id === 'indicator:P0')!;
    expect(p0.revised[2022]).toEqual({ indicatorId: 3, year: 2022, value: 11.9, origin: 'entered' });
    expect(p0.revised[2021]?.value).toBe(12.6);
  });

  it('the same targets again change no row; equal answers from the service neither', () => {
    expect(withTargets(base, targets, before).every((r, i) => r === before[i])).toBe(true);
    const answer: ScenarioTargets = JSON.parse(JSON.stringify(targets));
    expect(withTargets(base, answer, before).every((r, i) => r === before[i])).toBe(true);
  });

  it('applyCells clears a cell with null and leaves the input untouched', () => {
    const cleared = applyCells(targets, [{ indicatorId: 3, year: 2021, value: null }]);
    expect(cleared.targets.map((c) => `${c.indicatorId}:${c.year}`)).toEqual(['4:2021']);
    expect(targets.targets).toHaveLength(2);
    expect(withTargets(base, cleared, before).filter((r, i) => r !== before[i]).map((r) => r.id)).toEqual(['indicator:P0']);
  });

  it('matches buildTargetRows', () => {
    expect(withTargets(base, targets)).toEqual(buildTargetRows(indicators, values, plan, targets));
  });
});

describe('nextRows (the rows after a typed write, rebuilt only where cells are new)', () => {
  const base = buildBaseRows(indicators, values, plan);
  const shown = { baseRows: base, targets, rows: withTargets(base, targets) };

  it('gives what withTargets gives for a typed value, a cleared cell and a new cell, keeping every other row object', () => {
    for (const cells of [
      [{ indicatorId: 3, year: 2022, value: 11.9 }],
      [{ indicatorId: 3, year: 2021, value: null }],
      [{ indicatorId: 4, year: 2023, value: 70000 }],
    ]) {
      const typed = applyCells(targets, cells);
      const rows = nextRows(base, typed, shown);
      expect(rows).toEqual(withTargets(base, typed));
      const changed = rows.filter((r, i) => r !== shown.rows[i]).map((r) => r.id);
      expect(changed).toEqual([cells[0]!.indicatorId === 3 ? 'indicator:P0' : 'indicator:JPM']);
    }
  });

  it('the same targets change nothing; new justifications, another scenario or new base rows rebuild in full', () => {
    expect(nextRows(base, targets, shown)).toBe(shown.rows);
    const reasoned: ScenarioTargets = { ...targets, justifications: [{ indicatorId: 3, text: 'Dampak COVID-19', updatedAt: '' }] };
    expect(nextRows(base, reasoned, shown)).toEqual(withTargets(base, reasoned));
    const other: ScenarioTargets = { ...applyCells(targets, [{ indicatorId: 3, year: 2022, value: 11.9 }]), scenarioId: targets.scenarioId + 1 };
    expect(nextRows(base, other, shown)).toEqual(withTargets(base, other));
    const rebuilt = buildBaseRows(indicators, values, plan);
    expect(nextRows(rebuilt, targets, shown)).toEqual(withTargets(rebuilt, targets));
  });

  it('TargetRowsCache builds each set of rows over the last: a write replaces only its row', () => {
    const cache = new TargetRowsCache();
    const first = cache.rows(base, targets);
    expect(cache.rows(base, targets)).toBe(first);
    const typed = applyCells(targets, [{ indicatorId: 3, year: 2022, value: 11.9 }]);
    const second = cache.rows(base, typed);
    expect(second).toEqual(withTargets(base, typed));
    expect(second.filter((r, i) => r !== first[i]).map((r) => r.id)).toEqual(['indicator:P0']);
    expect(cache.rows(base, null)).toEqual(withTargets(base, null));
  });

  it("the service's answer (every cell a new object) keeps the rows whose values did not change", () => {
    const answer: ScenarioTargets = JSON.parse(JSON.stringify(applyCells(targets, [{ indicatorId: 3, year: 2022, value: 11.9 }])));
    const rows = nextRows(base, answer, shown);
    expect(rows).toEqual(withTargets(base, answer));
    expect(rows.filter((r, i) => r !== shown.rows[i]).map((r) => r.id)).toEqual(['indicator:P0']);
  });
});
