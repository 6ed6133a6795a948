/** The demo workbook's data: sourced where the sources say so, illustrative everywhere else. */
import { describe, expect, it } from 'vitest';
import { demoSpec } from '../../electron/workbook/demo.js';
import { STANDARD_INDICATORS } from '../../electron/workbook/standard-indicators.js';
import demoData from '../../resources/demo/muara-enim.json' with { type: 'json' };

const spec = demoSpec();
/** The smallest data file demoSpec reads. */
const minimal = {
  plan: spec.plan,
  sources: { m: 'potretsumsel.id' },
  revisionDate: '2021-08-23',
  methodBreaks: [],
  annexHeader: { amendedRegulation: 'Perda 7/2019', sources: ['m'], documentNumber: null, documentYear: null },
  responsibleUnits: {},
  illustrativeSource: 'Ilustrasi',
  values: [] as unknown[],
};
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
    const raw = { ...minimal, values: [{ indicator: 'P0', series: 'realisation', year: 2020, value: 1 }] };
    expect(() => demoSpec(raw)).toThrow(/has no source/);
    expect(() => demoSpec({ ...raw, values: [{ ...raw.values[0], sources: ['zz'] }] })).toThrow(/unknown source \[zz\]/);
  });

  it('names the Perda the revision amends (Perda 7/2019, with its source) and leaves the Raperda number and year blank', () => {
    expect(spec.annexHeader).toEqual({
      amendedRegulation: 'Peraturan Daerah Kabupaten Muara Enim Nomor 7 Tahun 2019 tentang Rencana Pembangunan Jangka Menengah Daerah Kabupaten Muara Enim Tahun 2018–2023',
      annexDocumentNumber: null,
      annexDocumentYear: null,
    });
    expect(() => demoSpec({ ...minimal, annexHeader: { ...minimal.annexHeader, sources: ['zz'] } })).toThrow(/annex header cites unknown source \[zz\]/);
    expect(() => demoSpec({ ...minimal, annexHeader: { ...minimal.annexHeader, documentYear: 1800 } })).toThrow();
    expect(() => demoSpec({ ...minimal, annexHeader: { ...minimal.annexHeader, amendedRegulation: 'x'.repeat(401) } })).toThrow();
  });

  it('gives every standard indicator a plausible Perangkat Daerah, marked as illustrative configuration', () => {
    const units = new Map(spec.indicators!.map((i) => [i.code, i.responsibleUnit]));
    expect(spec.indicators!.map((i) => i.code)).toEqual(STANDARD_INDICATORS.map((i) => i.code));
    for (const ind of STANDARD_INDICATORS) expect(units.get(ind.code), ind.code).toMatch(/^(Bappeda|Dinas |Badan )/);
    // Poverty indicators with Dinas Sosial, macro ones with Bappeda, IPM shared with health and education.
    for (const code of ['P0', 'JPM', 'P0E', 'JPME', 'P1', 'P2']) expect(units.get(code), code).toBe('Dinas Sosial');
    for (const code of ['PE', 'PDRBK', 'GINI']) expect(units.get(code), code).toBe('Bappeda');
    expect(units.get('IPM')).toMatch(/Dinas Kesehatan.*Dinas Pendidikan/);
    // The rest of each indicator is the standard set's.
    spec.indicators!.forEach((ind, i) => expect({ ...ind, responsibleUnit: undefined }).toEqual({ ...STANDARD_INDICATORS[i], responsibleUnit: undefined }));
    expect((demoData as { $responsibleUnits: string }).$responsibleUnits).toMatch(/^Ilustrasi/);
    expect(() => demoSpec({ ...minimal, responsibleUnits: { XX: 'Dinas Sosial' } })).toThrow(/unknown indicator XX/);
    expect(() => demoSpec({ ...minimal, responsibleUnits: { P0: 'Dinas\u0007Sosial' } })).toThrow();
  });
});
