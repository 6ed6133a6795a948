/** Each check with a passing and a failing case, on small hand-made workbooks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorValue, Justification, Plan, ReferenceTarget, TargetCell } from '../../shared/domain.js';
import { CheckState, compare, isChanged, loosens, runChecks, type CheckInput } from '../../shared/model/checks.js';
import { STANDARD_INDICATORS } from '../../electron/workbook/standard-indicators.js';

const plan: Plan = { region: 'Kab. Uji', province: 'Sumatera Selatan', baselineYear: 2017, firstYear: 2018, lastYear: 2024 };
const indicators: Indicator[] = STANDARD_INDICATORS.map((s, i) => ({ ...s, id: i + 1 }));
const id = (code: string) => indicators.find((i) => i.code === code)!.id;

function input(parts: {
  targets?: [string, number, number, ('entered' | 'derived')?][];
  original?: [string, number, number][];
  values?: [string, number, IndicatorValue['series'], number][];
  justified?: string[];
  references?: Omit<ReferenceTarget, 'id'>[];
  shockYears?: number[];
}): CheckInput {
  const targets: TargetCell[] = (parts.targets ?? []).map(([c, year, value, origin]) => ({ indicatorId: id(c), year, value, origin: origin ?? 'entered' }));
  const values: IndicatorValue[] = [
    ...(parts.original ?? []).map(([c, year, value]) => ({ indicatorId: id(c), year, series: 'original_target' as const, value, source: 's', illustrative: false, provisional: false })),
    ...(parts.values ?? []).map(([c, year, series, value]) => ({ indicatorId: id(c), year, series, value, source: 's', illustrative: false, provisional: false })),
  ];
  const justifications: Justification[] = (parts.justified ?? []).map((c) => ({ indicatorId: id(c), text: 'alasan', updatedAt: 't' }));
  return {
    plan, indicators, values, targets, justifications,
    references: (parts.references ?? []).map((r, i) => ({ ...r, id: i + 1 })),
    shockYears: (parts.shockYears ?? []).map((year) => ({ year, reason: 'COVID-19' })),
  };
}

const of = (checkId: string, i: CheckInput) => runChecks(i).filter((f) => f.checkId === checkId);

describe('range (error)', () => {
  it('passes a rate within 0–100 and fails 140', () => {
    expect(of('range', input({ targets: [['P0', 2021, 12.6]], justified: ['P0'] }))).toEqual([]);
    const f = of('range', input({ targets: [['P0', 2021, 140]], justified: ['P0'] }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', indicatorCode: 'P0', year: 2021 });
    expect(f[0]!.message.id).toContain('140,00 di luar rentang 0–100 %');
  });
});

describe('count_le_population (error)', () => {
  it('fails a count above the population of the year', () => {
    const ok = input({ targets: [['JPM', 2021, 80_000], ['POP', 2021, 640_000]], justified: ['JPM'] });
    expect(of('count_le_population', ok)).toEqual([]);
    const bad = input({ targets: [['JPM', 2021, 700_000], ['POP', 2021, 640_000]], justified: ['JPM'] });
    expect(of('count_le_population', bad)).toMatchObject([{ indicatorCode: 'JPM', year: 2021, severity: 'error' }]);
  });
});

describe('extreme_le_poverty (error)', () => {
  it('fails extreme poverty above poverty in the same year', () => {
    expect(of('extreme_le_poverty', input({ targets: [['P0', 2021, 12.6], ['P0E', 2021, 4.4]] }))).toEqual([]);
    expect(of('extreme_le_poverty', input({ targets: [['P0', 2021, 3], ['P0E', 2021, 4.4]] }))).toMatchObject([{ indicatorCode: 'P0E', year: 2021 }]);
  });
});

describe('p2_le_p1 (warning)', () => {
  it('warns when P2 exceeds P1', () => {
    expect(of('p2_le_p1', input({ targets: [['P1', 2021, 2], ['P2', 2021, 0.5]] }))).toEqual([]);
    expect(of('p2_le_p1', input({ targets: [['P1', 2021, 0.4], ['P2', 2021, 0.5]] }))).toMatchObject([{ severity: 'warning', indicatorCode: 'P2' }]);
  });
});

describe('count_rate_consistency (warning)', () => {
  it('accepts 12,60 % of 640.000 = 80.640 and flags 75.000', () => {
    expect(of('count_rate_consistency', input({ targets: [['P0', 2021, 12.6], ['JPM', 2021, 80_640], ['POP', 2021, 640_000]] }))).toEqual([]);
    const f = of('count_rate_consistency', input({ targets: [['P0', 2021, 12.6], ['JPM', 2021, 75_000], ['POP', 2021, 640_000]] }));
    expect(f).toMatchObject([{ severity: 'warning', indicatorCode: 'JPM', year: 2021 }]);
    expect(f[0]!.message.id).toContain('≈ 80.640');
  });
  it('uses the realisation population when the scenario has none', () => {
    const f = of('count_rate_consistency', input({ targets: [['P0', 2020, 12.32], ['JPM', 2020, 60_000]], values: [['POP', 2020, 'realisation', 612_900]] }));
    expect(f).toHaveLength(1);
  });
});

describe('justification_missing (error)', () => {
  it('fails a changed target without a justification, passes with one or when unchanged', () => {
    const changed = { targets: [['P0', 2021, 12.6]] as [string, number, number][], original: [['P0', 2021, 11.3]] as [string, number, number][] };
    expect(of('justification_missing', input(changed))).toMatchObject([{ severity: 'error', indicatorCode: 'P0', year: 2021, series: 'justification' }]);
    expect(of('justification_missing', input({ ...changed, justified: ['P0'] }))).toEqual([]);
    expect(of('justification_missing', input({ targets: [['P0', 2021, 11.3]], original: [['P0', 2021, 11.3]] }))).toEqual([]);
  });
  it('does not ask a derived count or a neutral indicator for a reason', () => {
    const i = input({ targets: [['JPM', 2021, 80_640, 'derived'], ['POP', 2021, 640_000]], original: [['JPM', 2021, 70_500]] });
    expect(of('justification_missing', i)).toEqual([]);
  });
});

describe('loosening (warning)', () => {
  it('warns with the size when a lower-is-better target rises, not when it falls', () => {
    const f = of('loosening', input({ targets: [['P0', 2021, 12.6]], original: [['P0', 2021, 11.3]], justified: ['P0'] }));
    expect(f).toMatchObject([{ severity: 'warning', indicatorCode: 'P0', year: 2021 }]);
    expect(f[0]!.message.id).toContain('+1,30 %');
    expect(of('loosening', input({ targets: [['P0', 2021, 10.8]], original: [['P0', 2021, 11.3]] }))).toEqual([]);
  });
  it('for a higher-is-better indicator a lower target loosens', () => {
    expect(loosens({ polarity: 'higher' }, 67, 68)).toBe(true);
    expect(loosens({ polarity: 'neutral' }, 1, 2)).toBe(false);
    expect(isChanged(indicators[0]!, 12.6, 12.600001)).toBe(false);
  });
});

describe('reversal (info)', () => {
  it('notes a path that turns without a shock year, and is silent when a shock year explains it', () => {
    const path = { targets: [['P0', 2018, 12.5], ['P0', 2019, 12.1], ['P0', 2020, 12.8], ['P0', 2021, 12.3]] as [string, number, number][] };
    const f = of('reversal', input(path));
    expect(f.map((x) => x.year)).toEqual([2020, 2021]);
    expect(f[0]!.severity).toBe('info');
    expect(of('reversal', input({ ...path, shockYears: [2020, 2021] }))).toEqual([]);
  });
});

describe('reference (warning)', () => {
  const inpres = { indicatorCode: 'P0E', scope: 'kabupaten' as const, kind: 'level' as const, comparison: 'eq' as const, year: 2024, value: 0, label: 'Inpres 4/2022', source: 's' };
  const sumsel10 = { indicatorCode: 'P0', scope: 'kabupaten' as const, kind: 'level' as const, comparison: 'lt' as const, year: 2024, value: 10, label: 'Gubernur Sumsel', source: 's' };
  const pace = { indicatorCode: 'P0', scope: 'kabupaten' as const, kind: 'annual_change' as const, comparison: 'le' as const, year: null, value: -1, label: 'Gubernur Sumsel', source: 's' };

  it('extreme poverty must be 0 in 2024 when the plan reaches 2024', () => {
    expect(of('reference', input({ targets: [['P0E', 2024, 0]], references: [inpres] }))).toEqual([]);
    expect(of('reference', input({ targets: [['P0E', 2024, 0.5]], references: [inpres] }))).toMatchObject([{ indicatorCode: 'P0E', year: 2024 }]);
    const shortPlan = { ...input({ targets: [['P0E', 2023, 0.5]], references: [inpres] }), plan: { ...plan, lastYear: 2023 } };
    expect(of('reference', shortPlan)).toEqual([]);
  });

  it('poverty below 10 % by 2024', () => {
    expect(of('reference', input({ targets: [['P0', 2024, 9.8]], references: [sumsel10] }))).toEqual([]);
    expect(of('reference', input({ targets: [['P0', 2024, 10]], references: [sumsel10] }))).toHaveLength(1);
  });

  it('poverty falling at least 1 pp a year, shock years excepted', () => {
    const path = { targets: [['P0', 2022, 12], ['P0', 2023, 11], ['P0', 2024, 10.5]] as [string, number, number][], references: [pace] };
    const f = of('reference', input(path));
    expect(f.map((x) => x.year)).toEqual([2024]);
    expect(f[0]!.message.id).toContain('-0,50');
    expect(of('reference', input({ ...path, shockYears: [2024] }))).toEqual([]);
  });

  it('compare', () => {
    expect([compare(1, 'lt', 2), compare(2, 'le', 2), compare(0, 'eq', 0), compare(2, 'ge', 2), compare(2, 'gt', 2)]).toEqual([true, true, true, true, false]);
  });
});

describe('runChecks', () => {
  it('orders errors first', () => {
    const f = runChecks(input({ targets: [['P0', 2021, 12.6]], original: [['P0', 2021, 11.3]] }));
    expect(f.map((x) => x.severity)).toEqual(['error', 'warning']);
  });
});

describe('CheckState (checks kept up to date edit by edit)', () => {
  it('after any sequence of edits gives exactly what a full run gives (property)', () => {
    const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024];
    const codes = indicators.map((i) => i.code);
    const edit = fc.record({
      code: fc.constantFrom(...codes),
      cells: fc.array(fc.record({ year: fc.constantFrom(...years), value: fc.oneof(fc.constant(null), fc.double({ min: -5, max: 800_000, noNaN: true })), derived: fc.boolean() }), { maxLength: 4 }),
      justification: fc.oneof(fc.constant(null), fc.constant(''), fc.constant('alasan')),
    });
    const base = input({
      targets: [['P0', 2018, 12.5], ['JPM', 2018, 80_000], ['POP', 2018, 640_000], ['P0E', 2019, 3], ['P1', 2020, 2], ['P2', 2020, 0.5]],
      original: years.flatMap((y, k) => [['P0', y, 13 - k * 0.4], ['P0E', y, 4 - k * 0.3], ['IPM', y, 70 + k * 0.5]] as [string, number, number][]),
      values: [['POP', 2020, 'projection', 650_000], ['P0', 2017, 'baseline', 13.2], ['IPM', 2017, 'baseline', 69]],
      references: [
        { indicatorCode: 'P0', scope: 'kabupaten', kind: 'annual_change', comparison: 'le', year: null, value: -1, label: 'Sumsel', source: 's' },
        { indicatorCode: 'P0E', scope: 'kabupaten', kind: 'level', comparison: 'eq', year: 2024, value: 0, label: 'Inpres', source: 's' },
      ],
      shockYears: [2020, 2021],
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const state = new CheckState(base);
        let targets = [...base.targets];
        let justifications = [...base.justifications];
        for (const e of edits) {
          const ind = indicators.find((i) => i.code === e.code)!;
          const mine = new Map(targets.filter((t) => t.indicatorId === ind.id).map((t) => [t.year, t]));
          for (const c of e.cells) {
            if (c.value === null) mine.delete(c.year);
            else mine.set(c.year, { indicatorId: ind.id, year: c.year, value: c.value, origin: c.derived ? 'derived' : 'entered' });
          }
          targets = [...targets.filter((t) => t.indicatorId !== ind.id), ...mine.values()];
          justifications = justifications.filter((j) => j.indicatorId !== ind.id);
          if (e.justification) justifications.push({ indicatorId: ind.id, text: e.justification, updatedAt: 't' });
          state.update([{ indicatorId: ind.id, targets: [...mine.values()], justification: e.justification }]);
          expect(state.findings()).toEqual(runChecks({ ...base, targets, justifications }));
        }
      }),
      { numRuns: 300 },
    );
  });
});
