/** The demo workbook's data: sourced where the sources say so, illustrative everywhere else. */
import { describe, expect, it } from 'vitest';
import { demoSpec } from '../../electron/workbook/demo.js';
import { STANDARD_INDICATORS } from '../../electron/workbook/standard-indicators.js';

const spec = demoSpec();
const find = (code: string, series: string, year: number) =>
  spec.values!.find((v) => v.indicatorCode === code && v.series === series && v.year === year);

describe('Muara Enim demo data', () => {
  it('is the RPJMD 2018–2023 of Kabupaten Muara Enim with baseline 2017', () => {
    expect(spec.plan).toEqual({ region: 'Kabupaten Muara Enim', province: 'Sumatera Selatan', baselineYear: 2017, firstYear: 2018, lastYear: 2023 });
  });

  it('carries the 2020 figures of the 2021 TKPK coordination meeting with that source', () => {
    for (const [code, value] of [['P0', 12.32], ['JPM', 79270], ['P0E', 4.44], ['JPME', 28540]] as const) {
      const v = find(code, 'realisation', 2020);
      expect(v?.value, code).toBe(value);
      expect(v?.illustrative).toBe(false);
      expect(v?.source).toContain('Rakor TKPK 2021');
    }
  });

  it('marks every original target and baseline as illustrative (no public source was found)', () => {
    const planned = spec.values!.filter((v) => v.series === 'original_target' || v.series === 'baseline');
    expect(planned.length).toBeGreaterThan(0);
    for (const v of planned) {
      expect(v.illustrative, `${v.indicatorCode} ${v.year}`).toBe(true);
      expect(v.source).toMatch(/^Ilustrasi/);
    }
  });

  it('gives every value a source text and only names known indicators within the plan years', () => {
    const codes = new Set(STANDARD_INDICATORS.map((i) => i.code));
    for (const v of spec.values!) {
      expect(v.source.length, `${v.indicatorCode} ${v.year}`).toBeGreaterThan(5);
      expect(codes.has(v.indicatorCode)).toBe(true);
      expect(v.year).toBeGreaterThanOrEqual(spec.plan.baselineYear);
      expect(v.year).toBeLessThanOrEqual(spec.plan.lastYear);
    }
  });

  it('refuses a data file whose value cites no source and is not marked illustrative', () => {
    const raw = { plan: spec.plan, sources: {}, revisionDate: '2021-08-23', methodBreaks: [], illustrativeSource: 'Ilustrasi', values: [{ indicator: 'P0', series: 'realisation', year: 2020, value: 1 }] };
    expect(() => demoSpec(raw)).toThrow(/has no source/);
    expect(() => demoSpec({ ...raw, values: [{ ...raw.values[0], sources: ['zz'] }] })).toThrow(/unknown source \[zz\]/);
  });
});
