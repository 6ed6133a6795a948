/**
 * The 95 % sampling band on the charts (renderer/src/charts/series.ts, issue 16 item 1): which
 * years get one, its bounds by hand (realisation ± 1,96 × galat baku, cut at the indicator's
 * range), how years group into bands and lone error bars, and the words the tooltip uses.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorValue, Plan } from '../../shared/domain.js';
import { buildIndicatorChart, samplingBands, samplingRuns, samplingWords, type SamplingBand } from '../../renderer/src/charts/series.js';

const plan: Plan = { region: 'Kabupaten Uji', province: 'Sumatera Selatan', baselineYear: 2017, firstYear: 2018, lastYear: 2023 };
const years = [2017, 2018, 2019, 2020, 2021, 2022, 2023];

function indicator(id: number, code: string, patch: Partial<Indicator> = {}): Indicator {
  return {
    id, code, nameId: code, nameEn: code, unit: '%', polarity: 'lower', decimals: 2, group: 'kemiskinan',
    definition: '', minValue: 0, maxValue: 100, responsibleUnit: null, ...patch,
  };
}

const P0 = indicator(1, 'P0');
const P0E = indicator(2, 'P0E');
const IPM = indicator(3, 'IPM', { unit: 'indeks', polarity: 'higher', group: 'makro', minValue: 0, maxValue: 100 });
const PE = indicator(4, 'PE', { unit: '%', polarity: 'higher', group: 'makro', minValue: null, maxValue: null });

function v(ind: Indicator, year: number, series: IndicatorValue['series'], value: number): IndicatorValue {
  return { indicatorId: ind.id, year, series, value, source: 'uji', illustrative: false, provisional: false };
}

/** The band's bounds rounded off float noise (1,96 × 0,60 is 1,1759999…). */
const bounds = (b: SamplingBand) => [b.year, b.index, +b.lo.toFixed(6), +b.hi.toFixed(6)];

describe('sampling bands (charts/series.ts)', () => {
  it('12,32 ± 1,96 × 0,60 = 11,144–13,496 around P0 2020; nothing where there is no SE or no realisation', () => {
    const values = [
      v(P0, 2018, 'realisation', 12.56),
      v(P0, 2019, 'realisation', 12.41),
      v(P0, 2020, 'realisation', 12.32),
      v(P0, 2020, 'se', 0.6),
      // An SE without its realisation (2021) draws nothing: the band is around a realisation.
      v(P0, 2021, 'se', 0.55),
      // The original target of a year with an SE is not what the SE is of.
      v(P0, 2022, 'original_target', 11.1),
      v(P0, 2022, 'se', 0.5),
      // Another indicator's SE is not P0's.
      v(P0E, 2019, 'se', 0.3),
    ];
    const bands = samplingBands(P0, years, values);
    expect(bands).toHaveLength(1);
    const [band] = bands;
    expect(band!.year).toBe(2020);
    expect(band!.index).toBe(3);
    expect(band!.value).toBe(12.32);
    expect(band!.se).toBe(0.6);
    // By hand: 1,96 × 0,60 = 1,176; 12,32 − 1,176 = 11,144; 12,32 + 1,176 = 13,496.
    expect(band!.lo).toBeCloseTo(11.144, 10);
    expect(band!.hi).toBeCloseTo(13.496, 10);
    expect(samplingWords(band!, 2)).toEqual({ interval: '11,14–13,50', se: '0,60' });

    // No SE at all: no band, never one invented.
    expect(samplingBands(P0, years, values.filter((x) => x.series !== 'se'))).toEqual([]);
    expect(samplingBands(P0E, years, values)).toEqual([]);
  });

  it('cut at the indicator range: a rate’s interval stops at 0 and 100; an unbounded indicator’s does not', () => {
    const values = [
      // 0,80 ± 1,96 × 0,50 = −0,18…1,78 → 0…1,78
      v(P0E, 2020, 'realisation', 0.8),
      v(P0E, 2020, 'se', 0.5),
      // 99,50 ± 1,96 × 0,40 = 98,716…100,284 → 98,716…100
      v(IPM, 2021, 'realisation', 99.5),
      v(IPM, 2021, 'se', 0.4),
      // growth has no range: 0,03 ± 1,96 × 1,00 = −1,93…1,99
      v(PE, 2020, 'realisation', 0.03),
      v(PE, 2020, 'se', 1),
    ];
    expect(samplingBands(P0E, years, values).map(bounds)).toEqual([[2020, 3, 0, 1.78]]);
    expect(samplingBands(IPM, years, values).map(bounds)).toEqual([[2021, 4, 98.716, 100]]);
    expect(samplingBands(PE, years, values).map(bounds)).toEqual([[2020, 3, -1.93, 1.99]]);
  });

  it('an SE of 0 is a band of no width; a year outside the chart has none', () => {
    const values = [v(P0, 2019, 'realisation', 12.41), v(P0, 2019, 'se', 0), v(P0, 2024, 'realisation', 10.5), v(P0, 2024, 'se', 0.6)];
    expect(samplingBands(P0, years, values).map(bounds)).toEqual([[2019, 2, 12.41, 12.41]]);
  });

  it('consecutive years make one band; a year standing alone an error bar', () => {
    const values = [
      // 2018–2020: one band; 2021 has an SE but no realisation, 2022 neither; 2023 stands alone: an error bar.
      v(P0, 2018, 'realisation', 12.56), v(P0, 2018, 'se', 0.62),
      v(P0, 2019, 'realisation', 12.41), v(P0, 2019, 'se', 0.58),
      v(P0, 2020, 'realisation', 12.32), v(P0, 2020, 'se', 0.6),
      v(P0, 2021, 'se', 0.6),
      v(P0, 2023, 'realisation', 10.93), v(P0, 2023, 'se', 0.57),
    ];
    const runs = samplingRuns(samplingBands(P0, years, values));
    expect(runs.map((r) => r.map((b) => b.year))).toEqual([[2018, 2019, 2020], [2023]]);
    // 2018: 12,56 ± 1,96 × 0,62 = 12,56 ± 1,2152 → 11,3448–13,7752
    expect(bounds(runs[0]![0]!)).toEqual([2018, 1, 11.3448, 13.7752]);
    // 2019: 12,41 ± 1,96 × 0,58 = 12,41 ± 1,1368 → 11,2732–13,5468
    expect(bounds(runs[0]![1]!)).toEqual([2019, 2, 11.2732, 13.5468]);
    // 2023: 10,93 ± 1,96 × 0,57 = 10,93 ± 1,1172 → 9,8128–12,0472
    expect(bounds(runs[1]![0]!)).toEqual([2023, 6, 9.8128, 12.0472]);
    expect(samplingRuns([])).toEqual([]);
  });

  it('the chart model carries the bands of its indicator', () => {
    const values = [v(P0, 2017, 'baseline', 12.9), v(P0, 2020, 'realisation', 12.32), v(P0, 2020, 'se', 0.6), v(P0E, 2020, 'realisation', 4.44)];
    const model = buildIndicatorChart({ plan, indicator: P0, values, scenarios: [], references: [], shockYears: [] });
    expect(model.samplingBands.map(bounds)).toEqual([[2020, 3, 11.144, 13.496]]);
    const other = buildIndicatorChart({ plan, indicator: P0E, values, scenarios: [], references: [], shockYears: [] });
    expect(other.samplingBands).toEqual([]);
  });
});
