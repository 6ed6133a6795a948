/** Each check with a passing and a failing case, on small hand-made workbooks; numbers worked out by hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorValue, Justification, MethodBreak, Plan, ReferenceTarget, TargetCell } from '../../shared/domain.js';
import { CheckState, checkCatalogue, compare, formatRevisionDate, isChanged, justificationProblem, loosens, runChecks, type CheckInput } from '../../shared/model/checks.js';
import { STANDARD_INDICATORS } from '../../electron/workbook/standard-indicators.js';

const plan: Plan = { region: 'Kab. Uji', province: 'Sumatera Selatan', baselineYear: 2017, firstYear: 2018, lastYear: 2024 };
const indicators: Indicator[] = STANDARD_INDICATORS.map((s, i) => ({ ...s, id: i + 1, responsibleUnit: s.responsibleUnit ?? null }));
const id = (code: string) => indicators.find((i) => i.code === code)!.id;

/** A justification that says something (5 words, 26 letters). */
const REASON = 'Dampak pandemi COVID-19 pada 2020';

function input(parts: {
  targets?: [string, number, number, ('entered' | 'derived')?][];
  original?: [string, number, number][];
  values?: [string, number, IndicatorValue['series'], number][];
  justified?: string[];
  reasons?: [string, string][];
  references?: Omit<ReferenceTarget, 'id'>[];
  shockYears?: number[];
  revisionDate?: string | null;
  methodBreaks?: MethodBreak[];
  plan?: Plan;
}): CheckInput {
  const targets: TargetCell[] = (parts.targets ?? []).map(([c, year, value, origin]) => ({ indicatorId: id(c), year, value, origin: origin ?? 'entered' }));
  const values: IndicatorValue[] = [
    ...(parts.original ?? []).map(([c, year, value]) => ({ indicatorId: id(c), year, series: 'original_target' as const, value, source: 's', illustrative: false, provisional: false })),
    ...(parts.values ?? []).map(([c, year, series, value]) => ({ indicatorId: id(c), year, series, value, source: 's', illustrative: false, provisional: false })),
  ];
  const justifications: Justification[] = [
    ...(parts.justified ?? []).map((c) => ({ indicatorId: id(c), text: REASON, updatedAt: 't' })),
    ...(parts.reasons ?? []).map(([c, text]) => ({ indicatorId: id(c), text, updatedAt: 't' })),
  ];
  return {
    plan: parts.plan ?? plan, indicators, values, targets, justifications,
    references: (parts.references ?? []).map((r, i) => ({ ...r, id: i + 1 })),
    shockYears: (parts.shockYears ?? []).map((year) => ({ year, reason: 'COVID-19' })),
    revisionDate: parts.revisionDate ?? null,
    methodBreaks: parts.methodBreaks ?? [],
  };
}

const of = (checkId: string, i: CheckInput) => runChecks(i).filter((f) => f.checkId === checkId);

/** Muara Enim's published realisations up to the 2021 revision: 12,56 → 12,41 → 12,32 (−0,15, −0,09 a year), and the 2020 pair. */
const MUARA_ENIM: [string, number, IndicatorValue['series'], number][] = [
  ['P0', 2018, 'realisation', 12.56],
  ['P0', 2019, 'realisation', 12.41],
  ['P0', 2020, 'realisation', 12.32],
  ['JPM', 2020, 'realisation', 79_270],
  ['POP', 2020, 'realisation', 612_900],
];

describe('range (error)', () => {
  it('passes a rate within 0–100 and fails 140', () => {
    expect(of('range', input({ targets: [['P0', 2021, 12.6]], justified: ['P0'] }))).toEqual([]);
    const f = of('range', input({ targets: [['P0', 2021, 140]], justified: ['P0'] }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', indicatorCode: 'P0', year: 2021 });
    expect(f[0]!.message.id).toContain('140,00 di luar rentang 0–100 %');
  });
});

describe('realised_year_changed (error)', () => {
  // Revision of 23 August 2021: realised years are those before 2021 (2018–2020).
  const base = { original: [['P0', 2019, 12.1], ['P0', 2021, 11.3]] as [string, number, number][], justified: ['P0'], revisionDate: '2021-08-23' };

  it('changing the 2019 target in the 2021 revision is an error of its own, naming the year and the date', () => {
    const f = of('realised_year_changed', input({ ...base, targets: [['P0', 2019, 11], ['P0', 2021, 12.6]] }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', indicatorCode: 'P0', year: 2019, series: 'revised_target' });
    expect(f[0]!.message.id).toBe('Persentase Penduduk Miskin 2019 sudah terealisasi pada tanggal perubahan 23 Agustus 2021, tetapi targetnya diubah (12,10 → 11,00): target tahun yang sudah terealisasi adalah sejarah');
    expect(f[0]!.message.en).toContain('2019 is realised at the revision date 23 August 2021');
    // A justification does not make it go away: it is not the same finding as justification_missing.
    expect(of('justification_missing', input({ ...base, targets: [['P0', 2019, 11]] }))).toEqual([]);
  });

  it('passes the 2019 target unchanged, a changed 2021 target (not realised), no revision date, a derived count', () => {
    expect(of('realised_year_changed', input({ ...base, targets: [['P0', 2019, 12.1], ['P0', 2021, 12.6]] }))).toEqual([]);
    expect(of('realised_year_changed', input({ ...base, targets: [['P0', 2019, 11]], revisionDate: null }))).toEqual([]);
    expect(of('realised_year_changed', input({ ...base, targets: [['JPM', 2019, 77_854, 'derived']], original: [['JPM', 2019, 74_800]] }))).toEqual([]);
    // 2020 is realised too (year < 2021); 2021 is not.
    expect(of('realised_year_changed', input({ ...base, targets: [['P0', 2020, 12.32]], original: [['P0', 2020, 11.7]] })).map((f) => f.year)).toEqual([2020]);
  });

  it('formats the revision date in both languages', () => {
    expect([formatRevisionDate('2021-08-23', 'id'), formatRevisionDate('2021-08-23', 'en'), formatRevisionDate('23/08/2021', 'id')]).toEqual(['23 Agustus 2021', '23 August 2021', '23/08/2021']);
  });
});

describe('count_le_population (error)', () => {
  it('fails a count above the population of the year', () => {
    const ok = input({ targets: [['JPM', 2021, 80_000], ['POP', 2021, 640_000]], justified: ['JPM'] });
    expect(of('count_le_population', ok)).toEqual([]);
    const bad = input({ targets: [['JPM', 2021, 700_000], ['POP', 2021, 640_000]], justified: ['JPM'] });
    expect(of('count_le_population', bad)).toMatchObject([{ indicatorCode: 'JPM', year: 2021, severity: 'error' }]);
  });
  it('uses the Susenas population when the scenario has none: 700.000 > 643.425 (implied by 12,32 % and 79.270)', () => {
    const f = of('count_le_population', input({ targets: [['JPM', 2021, 700_000]], values: MUARA_ENIM }));
    expect(f).toHaveLength(1);
    expect(f[0]!.message.id).toContain('melebihi jumlah penduduk 643.425 (penduduk Susenas 2020 dibawa tetap)');
  });
});

describe('extreme_le_poverty (error)', () => {
  it('fails extreme poverty above poverty in the same year', () => {
    expect(of('extreme_le_poverty', input({ targets: [['P0', 2021, 12.6], ['P0E', 2021, 4.4]] }))).toEqual([]);
    expect(of('extreme_le_poverty', input({ targets: [['P0', 2021, 3], ['P0E', 2021, 4.4]] }))).toMatchObject([{ indicatorCode: 'P0E', year: 2021 }]);
  });
  it('as counts too: 30.000 in extreme poverty beside 28.000 poor is an error at JPME; 9.000 beside 80.000 passes', () => {
    expect(of('extreme_le_poverty', input({ targets: [['JPM', 2021, 80_000], ['JPME', 2021, 9_000]] }))).toEqual([]);
    const f = of('extreme_le_poverty', input({ targets: [['JPM', 2021, 28_000], ['JPME', 2021, 30_000]] }));
    expect(f).toMatchObject([{ severity: 'error', indicatorCode: 'JPME', year: 2021 }]);
    expect(f[0]!.message.id).toBe('2021: jumlah penduduk miskin ekstrem 30.000 jiwa melebihi jumlah penduduk miskin 28.000 jiwa');
  });
});

describe('p1_le_p0 (error)', () => {
  it('P1 2022 = 15 beside P0 2022 = 11,75 is flagged; 1,90 passes', () => {
    expect(of('p1_le_p0', input({ targets: [['P0', 2022, 11.75], ['P1', 2022, 1.9]] }))).toEqual([]);
    const f = of('p1_le_p0', input({ targets: [['P0', 2022, 11.75], ['P1', 2022, 15]] }));
    expect(f).toMatchObject([{ severity: 'error', indicatorCode: 'P1', year: 2022 }]);
    expect(f[0]!.message.id).toContain('indeks kedalaman kemiskinan (P1) 15,00 melebihi persentase penduduk miskin (P0) 11,75 %');
    expect(f[0]!.message.en).toContain('poverty gap index (P1) 15,00 exceeds the poverty rate (P0) 11,75 %');
    // Equal is possible (every poor person has nothing): not flagged.
    expect(of('p1_le_p0', input({ targets: [['P0', 2022, 11.75], ['P1', 2022, 11.75]] }))).toEqual([]);
  });
});

describe('p2_le_p1 (warning)', () => {
  it('warns when P2 exceeds P1', () => {
    expect(of('p2_le_p1', input({ targets: [['P1', 2021, 2], ['P2', 2021, 0.5]] }))).toEqual([]);
    expect(of('p2_le_p1', input({ targets: [['P1', 2021, 0.4], ['P2', 2021, 0.5]] }))).toMatchObject([{ severity: 'warning', indicatorCode: 'P2' }]);
  });
});

describe('count_rate_consistency (warning)', () => {
  it('accepts 12,60 % of 640.000 = 80.640 and flags 75.000 (the scenario population row)', () => {
    expect(of('count_rate_consistency', input({ targets: [['P0', 2021, 12.6], ['JPM', 2021, 80_640], ['POP', 2021, 640_000]] }))).toEqual([]);
    const f = of('count_rate_consistency', input({ targets: [['P0', 2021, 12.6], ['JPM', 2021, 75_000], ['POP', 2021, 640_000]] }));
    expect(f).toMatchObject([{ severity: 'warning', indicatorCode: 'JPM', year: 2021 }]);
    expect(f[0]!.message.id).toContain('× 640.000 (jumlah penduduk skenario) ≈ 80.640');
  });

  it('the published 2020 pair (12,32 %, 79.270) is consistent: the Susenas population 79.270 ÷ 0,1232 = 643.425, not the census 612.900', () => {
    // Against the census it would not be: 12,32 % × 612.900 = 75.509 (tolerance 31).
    expect(of('count_rate_consistency', input({ targets: [['P0', 2020, 12.32], ['JPM', 2020, 79_270]], values: MUARA_ENIM }))).toEqual([]);
  });

  it('in every year: 2021 carries the 2020 Susenas population (no growth known): 12,60 % × 643.425 = 81.071,55', () => {
    expect(of('count_rate_consistency', input({ targets: [['P0', 2021, 12.6], ['JPM', 2021, 81_072]], values: MUARA_ENIM }))).toEqual([]);
    const f = of('count_rate_consistency', input({ targets: [['P0', 2021, 12.6], ['JPM', 2021, 70_500]], values: MUARA_ENIM }));
    expect(f).toHaveLength(1);
    expect(f[0]!.message.id).toBe('Jumlah Penduduk Miskin 2021: 70.500 tidak sesuai 12,60 % × 643.425 (penduduk Susenas 2020 dibawa tetap) ≈ 81.072');
    expect(f[0]!.message.en).toBe('Number of poor people 2021: 70.500 does not match 12,60 % × 643.425 (the Susenas population of 2020 carried flat) ≈ 81.072');
  });

  it('a population projection comes first: 12,60 % × 650.000 = 81.900', () => {
    const values: [string, number, IndicatorValue['series'], number][] = [...MUARA_ENIM, ['POP', 2021, 'projection', 650_000]];
    expect(of('count_rate_consistency', input({ targets: [['P0', 2021, 12.6], ['JPM', 2021, 81_900]], values }))).toEqual([]);
    expect(of('count_rate_consistency', input({ targets: [['P0', 2021, 12.6], ['JPM', 2021, 81_072]], values }))[0]!.message.id).toContain('(proyeksi penduduk) ≈ 81.900');
  });

  it('the census alone is never the denominator: no Susenas population, no finding', () => {
    expect(of('count_rate_consistency', input({ targets: [['P0', 2020, 12.32], ['JPM', 2020, 60_000]], values: [['POP', 2020, 'realisation', 612_900]] }))).toEqual([]);
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
  it("a justification must say something: 'x', '-', 'ok', one word, two words are too short (an error saying so)", () => {
    const changed = { targets: [['P0', 2021, 12.6]] as [string, number, number][], original: [['P0', 2021, 11.3]] as [string, number, number][] };
    for (const text of ['x', '-', 'ok', '  OK  ', 'Pandemi', 'Dampak pandemi', 'a b c d']) {
      const f = of('justification_missing', input({ ...changed, reasons: [['P0', text]] }));
      expect(f, text).toMatchObject([{ severity: 'error', indicatorCode: 'P0', year: 2021, series: 'justification' }]);
      expect(f[0]!.message.id, text).toContain('terlalu pendek');
      expect(f[0]!.message.en, text).toContain('is too short');
    }
    expect(of('justification_missing', input({ ...changed, reasons: [['P0', 'x']] }))[0]!.message.id).toBe(
      'Persentase Penduduk Miskin 2021 diubah (11,30 → 12,60); alasan perubahan "x" terlalu pendek: tulis paling sedikit 3 kata dan 15 huruf',
    );
    expect(of('justification_missing', input({ ...changed, reasons: [['P0', 'Dampak pandemi COVID-19']] }))).toEqual([]);
  });
  it('the rule: at least 3 words and 15 letters', () => {
    expect(justificationProblem(null)).toBe('missing');
    expect(justificationProblem('   ')).toBe('missing');
    expect(justificationProblem('x')).toBe('too_short');
    // 3 words but 13 letters ("Naik" 4 + "karena" 6 + "PHK" 3).
    expect(justificationProblem('Naik karena PHK')).toBe('too_short');
    // 3 words, 18 letters.
    expect(justificationProblem('Dampak pandemi COVID-19')).toBeNull();
    // Punctuation and numbers alone are not words.
    expect(justificationProblem('- - - 12,32 %')).toBe('too_short');
  });
});

describe('loosening (warning)', () => {
  it('warns with the size in percentage points when a lower-is-better rate rises, not when it falls', () => {
    const f = of('loosening', input({ targets: [['P0', 2021, 12.6]], original: [['P0', 2021, 11.3]], justified: ['P0'] }));
    expect(f).toMatchObject([{ severity: 'warning', indicatorCode: 'P0', year: 2021 }]);
    expect(f[0]!.message.id).toBe('Persentase Penduduk Miskin 2021 dilonggarkan +1,30 poin persen (11,30 → 12,60)');
    expect(f[0]!.message.en).toBe('Poverty rate (P0) 2021 loosened by +1,30 percentage points (11,30 → 12,60)');
    expect(of('loosening', input({ targets: [['P0', 2021, 10.8]], original: [['P0', 2021, 11.3]] }))).toEqual([]);
  });
  it('a count is said in its own unit', () => {
    const f = of('loosening', input({ targets: [['JPM', 2021, 72_500]], original: [['JPM', 2021, 70_500]], justified: ['JPM'] }));
    expect(f[0]!.message.id).toContain('dilonggarkan +2.000 jiwa');
  });
  it('for a higher-is-better indicator a lower target loosens', () => {
    expect(loosens({ polarity: 'higher' }, 67, 68)).toBe(true);
    expect(loosens({ polarity: 'neutral' }, 1, 2)).toBe(false);
    expect(isChanged(indicators[0]!, 12.6, 12.600001)).toBe(false);
  });
});

describe('ambitious (warning)', () => {
  // Record 2018–2020: −0,15 and −0,09 a year → largest improvement 0,15; limit max(1,5 × 0,15 = 0,225; 0,50) = 0,50.
  const record = { values: MUARA_ENIM, revisionDate: '2021-08-23', justified: ['P0'] };

  it('a −4,5 pp jump in one year is flagged, named with the historical range', () => {
    const f = of('ambitious', input({ ...record, targets: [['P0', 2021, 12.6], ['P0', 2022, 8.1]] }));
    expect(f).toMatchObject([{ severity: 'warning', indicatorCode: 'P0', year: 2022 }]);
    expect(f[0]!.message.id).toBe(
      'Persentase Penduduk Miskin 2022: -4,50 poin persen dalam setahun (target 2021 12,60 → 8,10), jauh di luar riwayat daerah -0,15 sampai -0,09 poin persen per tahun (2018–2020); batas 0,50 poin persen per tahun',
    );
    expect(f[0]!.message.en).toContain("far beyond the region's record of -0,15 to -0,09 percentage points a year (2018–2020)");
  });

  it('passes −0,40 and exactly −0,50 a year; skips shock years', () => {
    expect(of('ambitious', input({ ...record, targets: [['P0', 2021, 12.6], ['P0', 2022, 12.2], ['P0', 2023, 11.7]] }))).toEqual([]);
    expect(of('ambitious', input({ ...record, targets: [['P0', 2021, 12.6], ['P0', 2022, 8.1]], shockYears: [2022] }))).toEqual([]);
  });

  it('a change out of a realised year counts from its realisation: 2021 = 11,00 after 12,32 in 2020 is −1,32', () => {
    const f = of('ambitious', input({ ...record, targets: [['P0', 2020, 11.7], ['P0', 2021, 11]] }));
    expect(f.map((x) => x.year)).toEqual([2021]);
    expect(f[0]!.message.id).toContain('-1,32 poin persen dalam setahun (realisasi 2020 12,32 → 11,00)');
  });

  it('the limit follows the record: 14,00 → 12,80 (−1,20) gives 1,5 × 1,20 = 1,80; −1,70 passes, −1,90 does not', () => {
    const values: [string, number, IndicatorValue['series'], number][] = [['P0', 2018, 'realisation', 14], ['P0', 2019, 'realisation', 12.8]];
    const at = (v: number) => of('ambitious', input({ values, revisionDate: '2020-08-01', targets: [['P0', 2020, 12], ['P0', 2021, v]] }));
    expect(at(10.3)).toEqual([]);
    expect(at(10.1).map((x) => x.year)).toEqual([2021]);
    expect(at(10.1)[0]!.message.id).toContain('batas 1,80 poin persen per tahun');
  });

  it('only realisations published by the revision date make the record, and none across a method break', () => {
    // P0E: 4,60 (2019) → 4,44 (2020) → 1,52 (2021, another series). Revision 2022: record 2019–2021.
    const values: [string, number, IndicatorValue['series'], number][] = [['P0E', 2019, 'realisation', 4.6], ['P0E', 2020, 'realisation', 4.44], ['P0E', 2021, 'realisation', 1.52]];
    const path = { values, revisionDate: '2022-08-01', targets: [['P0E', 2022, 1.5], ['P0E', 2023, 0.5]] as [string, number, number][] };
    // Without the break the record holds −2,92 a year: limit 4,38, −1,00 passes.
    expect(of('ambitious', input(path))).toEqual([]);
    // With it the record is −0,16 (2019–2020): limit 0,50, −1,00 is flagged.
    const f = of('ambitious', input({ ...path, methodBreaks: [{ indicatorCode: 'P0E', year: 2021, note: 'seri BPS Sumsel' }] }));
    expect(f.map((x) => x.year)).toEqual([2023]);
    expect(f[0]!.message.id).toContain('riwayat daerah -0,16 poin persen per tahun (2019–2020)');
    // A revision dated 2021 does not know the 2021 figure: record 2019–2020 again.
    expect(of('ambitious', input({ ...path, revisionDate: '2021-08-23' })).map((x) => x.year)).toEqual([2023]);
  });

  it('no record (fewer than two realisations), or an indicator not in %, is not tested', () => {
    expect(of('ambitious', input({ targets: [['P0', 2021, 12.6], ['P0', 2022, 8.1]], values: [['P0', 2020, 'realisation', 12.32]] }))).toEqual([]);
    expect(of('ambitious', input({ targets: [['IPM', 2021, 68], ['IPM', 2022, 75]], values: [['IPM', 2019, 'realisation', 67], ['IPM', 2020, 'realisation', 67.2]] }))).toEqual([]);
  });
});

describe('inside_sampling_error (info)', () => {
  // SE(P0 2020) = 0,60 pp → 95 % interval 12,32 ± 1,96 × 0,60 = 12,32 ± 1,176 = 11,144–13,496, shown 11,14–13,50.
  const withSe = { values: [...MUARA_ENIM, ['P0', 2020, 'se', 0.6]] as [string, number, IndicatorValue['series'], number][], revisionDate: '2021-08-23', justified: ['P0'] };

  it('the issue\'s proposal 12,60 / 12,10 / 11,50: all three inside 11,14–13,50, each named with the interval', () => {
    const f = of('inside_sampling_error', input({ ...withSe, targets: [['P0', 2021, 12.6], ['P0', 2022, 12.1], ['P0', 2023, 11.5]] }));
    expect(f.map((x) => [x.year, x.severity])).toEqual([[2021, 'info'], [2022, 'info'], [2023, 'info']]);
    expect(f[0]!.message.id).toBe(
      'Persentase Penduduk Miskin 2021: target 12,60 (+0,28 poin persen dari realisasi 2020 12,32) berada di dalam selang kepercayaan 95 % realisasi 2020, 11,14–13,50 (galat baku 0,60): Susenas tidak dapat membedakannya dari kondisi 2020',
    );
    expect(f[0]!.message.en).toContain('lies inside the 95 % interval of the 2020 realisation, 11,14–13,50 (standard error 0,60)');
  });

  it('a target outside the interval (11,10 < 11,144) is not flagged; at the edge it is', () => {
    const at = (v: number) => of('inside_sampling_error', input({ ...withSe, targets: [['P0', 2023, v]] })).map((x) => x.year);
    expect(at(11.1)).toEqual([]);
    expect(at(11.15)).toEqual([2023]);
    expect(at(13.5)).toEqual([]); // 13,50 > 13,496
    expect(at(13.49)).toEqual([2023]);
  });

  it('without a standard error, or when the SE year is not realised at the revision date, nothing is said', () => {
    expect(of('inside_sampling_error', input({ values: MUARA_ENIM, revisionDate: '2021-08-23', targets: [['P0', 2021, 12.6]] }))).toEqual([]);
    // Revision dated 2020: 2020 is not yet realised, so its SE is not the base; 2019 has none.
    expect(of('inside_sampling_error', input({ ...withSe, revisionDate: '2020-08-01', targets: [['P0', 2021, 12.6]] }))).toEqual([]);
  });

  it('the base is the latest realised year with an SE: 2019 (SE 0,05 → 12,31–12,51) when 2020 has none', () => {
    const values = [...MUARA_ENIM, ['P0', 2019, 'se', 0.05]] as [string, number, IndicatorValue['series'], number][];
    const f = of('inside_sampling_error', input({ values, revisionDate: '2021-08-23', targets: [['P0', 2020, 12.5], ['P0', 2021, 12.32], ['P0', 2022, 12.2]] }));
    expect(f.map((x) => x.year)).toEqual([2020, 2021]);
    expect(f[1]!.message.id).toContain('12,31–12,51 (galat baku 0,05)');
  });
});

describe('reversal (info)', () => {
  it('notes a path that turns without a shock year, and is silent when a shock year explains it', () => {
    const path = { targets: [['P0', 2018, 12.5], ['P0', 2019, 12.1], ['P0', 2020, 12.8], ['P0', 2021, 12.3]] as [string, number, number][] };
    const f = of('reversal', input(path));
    expect(f.map((x) => x.year)).toEqual([2020, 2021]);
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.message.id).toContain('(-0,40 lalu +0,70 poin persen)');
    expect(of('reversal', input({ ...path, shockYears: [2020, 2021] }))).toEqual([]);
  });
});

describe('reference (warning: kabupaten scope only)', () => {
  const inpres = { indicatorCode: 'P0E', scope: 'kabupaten' as const, kind: 'level' as const, comparison: 'eq' as const, year: 2024, value: 0, label: 'Inpres 4/2022', source: 's' };
  const sumsel10 = { indicatorCode: 'P0', scope: 'kabupaten' as const, kind: 'level' as const, comparison: 'lt' as const, year: 2024, value: 10, label: 'Gubernur Sumsel', source: 's' };
  const pace = { indicatorCode: 'P0', scope: 'kabupaten' as const, kind: 'annual_change' as const, comparison: 'le' as const, year: null, value: -1, label: 'Uji', source: 's' };
  const provincialPace = { ...pace, scope: 'provinsi' as const, label: 'Gubernur Sumsel' };
  const shortPlan = { ...plan, lastYear: 2023 };

  it('extreme poverty must be 0 in 2024 when the plan reaches 2024', () => {
    expect(of('reference', input({ targets: [['P0E', 2024, 0]], references: [inpres] }))).toEqual([]);
    expect(of('reference', input({ targets: [['P0E', 2024, 0.5]], references: [inpres] }))).toMatchObject([{ indicatorCode: 'P0E', year: 2024 }]);
    expect(of('reference', input({ targets: [['P0E', 2023, 0.5]], references: [inpres], plan: shortPlan }))).toEqual([]);
  });

  it('poverty below 10 % by 2024', () => {
    expect(of('reference', input({ targets: [['P0', 2024, 9.8]], references: [sumsel10] }))).toEqual([]);
    expect(of('reference', input({ targets: [['P0', 2024, 10]], references: [sumsel10] }))).toHaveLength(1);
  });

  it('a kabupaten pace of at least 1 pp a year, in percentage points; shock years and realised years excepted', () => {
    const path = { targets: [['P0', 2022, 12], ['P0', 2023, 11], ['P0', 2024, 10.5]] as [string, number, number][], references: [pace] };
    const f = of('reference', input(path));
    expect(f.map((x) => x.year)).toEqual([2024]);
    expect(f[0]!.message.id).toBe('Persentase Penduduk Miskin 2024: perubahan -0,50 poin persen per tahun, acuan Uji: ≤ -1,00 poin persen');
    expect(of('reference', input({ ...path, shockYears: [2024] }))).toEqual([]);
    // Revised in 2025: 2018–2024 are realised, so the pace tests nothing.
    expect(of('reference', input({ ...path, revisionDate: '2025-03-01' }))).toEqual([]);
  });

  it("the Governor's provincial pace is context (one info finding), never a warning on the regency", () => {
    const path = { targets: [['P0', 2022, 12], ['P0', 2023, 11.6], ['P0', 2024, 11.2]] as [string, number, number][], references: [provincialPace] };
    expect(of('reference', input(path))).toEqual([]);
    const f = of('reference_context', input(path));
    expect(f).toMatchObject([{ severity: 'info', indicatorCode: 'P0', year: null }]);
    expect(f[0]!.message.id).toBe('Acuan provinsi Gubernur Sumsel (perubahan per tahun ≤ -1,00 poin persen) adalah target provinsi: konteks, tidak diuji pada target kabupaten/kota');
    expect(f[0]!.message.en).toBe("Provincial reference Gubernur Sumsel (change per year ≤ -1,00 percentage points) is a provincial target: context, not tested against the regency's targets");
    // A national level reference missed by the regency is context too.
    const rpjmn = { ...sumsel10, scope: 'nasional' as const, comparison: 'le' as const, value: 7, label: 'RPJMN 2020–2024' };
    expect(of('reference', input({ targets: [['P0', 2024, 9]], references: [rpjmn] }))).toEqual([]);
    expect(runChecks(input({ targets: [['P0', 2024, 9]], references: [rpjmn], justified: ['P0'] })).filter((x) => x.indicatorCode === 'P0').map((x) => [x.checkId, x.severity])).toEqual([['reference_context', 'info']]);
    // A kabupaten reference gives no context finding.
    expect(of('reference_context', input({ references: [sumsel10, pace] }))).toEqual([]);
  });

  it('compare', () => {
    expect([compare(1, 'lt', 2), compare(2, 'le', 2), compare(0, 'eq', 0), compare(2, 'ge', 2), compare(2, 'gt', 2)]).toEqual([true, true, true, true, false]);
  });
});

describe('reference_not_evaluated (info)', () => {
  const inpres = { indicatorCode: 'P0E', scope: 'kabupaten' as const, kind: 'level' as const, comparison: 'eq' as const, year: 2024, value: 0, label: 'Inpres 4/2022', source: 's' };
  const shortPlan = { ...plan, lastYear: 2023 };

  it('a 2024 reference in a plan ending 2023 is listed, not skipped', () => {
    const f = of('reference_not_evaluated', input({ targets: [['P0E', 2023, 0.5]], references: [inpres], plan: shortPlan }));
    expect(f).toMatchObject([{ severity: 'info', indicatorCode: 'P0E', year: 2024 }]);
    expect(f[0]!.message.id).toBe('Acuan Inpres 4/2022 (2024) tidak dievaluasi: rencana berakhir 2023; syarat = 0,00 % pada 2024');
    expect(f[0]!.message.en).toBe('Reference Inpres 4/2022 (2024) not evaluated: the plan ends in 2023; rule = 0,00 % in 2024');
  });

  it('a year inside the plan with a target is evaluated (nothing listed); one without a target is listed', () => {
    expect(of('reference_not_evaluated', input({ targets: [['P0E', 2024, 0.5]], references: [inpres] }))).toEqual([]);
    expect(of('reference_not_evaluated', input({ references: [inpres] }))[0]!.message.id).toContain('tidak dievaluasi: tidak ada target 2024');
    expect(of('reference_not_evaluated', input({ references: [{ ...inpres, year: 2016 }] }))[0]!.message.id).toContain('rencana dimulai 2018');
  });

  it('the RPKD/RPD horizon (plan 2018–2023, horizon 2026) brings the 2024 references into the evaluation', () => {
    const horizon = { ...shortPlan, horizonYear: 2026 };
    // Evaluated, not listed: a 2024 extreme-poverty target of 0,50 misses Inpres 4/2022's 0 %.
    expect(of('reference_not_evaluated', input({ targets: [['P0E', 2024, 0.5]], references: [inpres], plan: horizon }))).toEqual([]);
    const missed = of('reference', input({ targets: [['P0E', 2024, 0.5]], references: [inpres], plan: horizon }));
    expect(missed).toMatchObject([{ indicatorCode: 'P0E', year: 2024 }]);
    // A reference after the horizon is still listed, naming it.
    expect(of('reference_not_evaluated', input({ references: [{ ...inpres, year: 2027 }], plan: horizon }))[0]!.message.id).toContain('cakrawala RPKD/RPD berakhir 2026');
  });
});

describe('runChecks', () => {
  it('orders errors first', () => {
    const f = runChecks(input({ targets: [['P0', 2021, 12.6]], original: [['P0', 2021, 11.3]] }));
    expect(f.map((x) => x.severity)).toEqual(['error', 'warning']);
  });

  it('the catalogue states every check with a rule in both languages', () => {
    const c = checkCatalogue();
    expect(c.map((x) => x.id)).toEqual([
      'range', 'realised_year_changed', 'count_le_population', 'extreme_le_poverty', 'p1_le_p0', 'p2_le_p1', 'count_rate_consistency',
      'justification_missing', 'loosening', 'ambitious', 'inside_sampling_error', 'reversal', 'reference', 'reference_context', 'reference_not_evaluated',
    ]);
    for (const x of c) expect(x.rule.id.length > 20 && x.rule.en.length > 20, x.id).toBe(true);
    expect(c.filter((x) => x.id.startsWith('reference_')).map((x) => x.severity)).toEqual(['info', 'info']);
  });
});

describe('CheckState (checks kept up to date edit by edit)', () => {
  it('after any sequence of edits gives exactly what a full run gives (property)', () => {
    const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024];
    const codes = indicators.map((i) => i.code);
    const edit = fc.record({
      code: fc.constantFrom(...codes),
      cells: fc.array(
        fc.record({
          year: fc.constantFrom(...years),
          // Small values where the cross-indicator checks bite (P1 vs P0, JPME vs JPM, counts vs population), and anything.
          value: fc.oneof(fc.constant(null), fc.double({ min: -5, max: 800_000, noNaN: true }), fc.constantFrom(0.5, 2, 8.1, 11.75, 12.32, 15, 28_000, 79_270, 80_000, 640_000)),
          derived: fc.boolean(),
        }),
        { maxLength: 4 },
      ),
      justification: fc.oneof(fc.constant(null), fc.constant(''), fc.constant('x'), fc.constant(REASON)),
    });
    const base = input({
      targets: [['P0', 2018, 12.5], ['JPM', 2018, 80_000], ['POP', 2018, 640_000], ['P0E', 2019, 3], ['P1', 2020, 2], ['P2', 2020, 0.5], ['JPME', 2021, 20_000]],
      original: years.flatMap((y, k) => [['P0', y, 13 - k * 0.4], ['P0E', y, 4 - k * 0.3], ['IPM', y, 70 + k * 0.5]] as [string, number, number][]),
      values: [
        ['POP', 2020, 'projection', 650_000], ['P0', 2017, 'baseline', 13.2], ['IPM', 2017, 'baseline', 69],
        ['P0', 2017, 'realisation', 13.1], ['P0', 2018, 'realisation', 12.56], ['P0', 2019, 'realisation', 12.41], ['JPM', 2019, 'realisation', 79_000],
        ['P0E', 2018, 'realisation', 4.6], ['P0E', 2019, 'realisation', 1.5], ['POP', 2019, 'realisation', 612_900],
      ],
      references: [
        { indicatorCode: 'P0', scope: 'kabupaten', kind: 'annual_change', comparison: 'le', year: null, value: -1, label: 'Sumsel', source: 's' },
        { indicatorCode: 'P0', scope: 'provinsi', kind: 'annual_change', comparison: 'le', year: null, value: -1, label: 'Gubernur Sumsel', source: 's' },
        { indicatorCode: 'P0', scope: 'kabupaten', kind: 'level', comparison: 'lt', year: 2023, value: 10, label: 'Gubernur Sumsel', source: 's' },
        { indicatorCode: 'P0E', scope: 'kabupaten', kind: 'level', comparison: 'eq', year: 2024, value: 0, label: 'Inpres', source: 's' },
        { indicatorCode: 'P0E', scope: 'kabupaten', kind: 'level', comparison: 'eq', year: 2026, value: 0, label: 'Lain', source: 's' },
      ],
      shockYears: [2020, 2021],
      revisionDate: '2020-06-30',
      methodBreaks: [{ indicatorCode: 'P0E', year: 2019, note: 'seri lain' }],
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
