/** The demo workbook's data: sourced where the sources say so, illustrative everywhere else. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScenario } from '../../electron/services/checks.js';
import { createDemoWorkbook, DEMO_EXAMPLE_NAME, demoExample, demoSpec } from '../../electron/workbook/demo.js';
import type { Workbook } from '../../electron/workbook/store.js';
import { countFromRate } from '../../shared/model/rate-count.js';
import { isRealisedYear } from '../../shared/model/revision.js';
import { tempDir } from '../helpers/files.js';
import { EXAMPLE_SCENARIO_NAME, ownScenarioName } from '../../renderer/src/workbook/demo-example.js';
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
    // With the RPKD/RPD horizon to 2026 (RPD 2024–2026: poverty 9,88 % in 2026).
    expect(spec.plan).toEqual({ region: 'Kabupaten Muara Enim', province: 'Sumatera Selatan', baselineYear: 2017, firstYear: 2018, lastYear: 2023, horizonYear: 2026 });
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

  it('gives every value a source text and only names known indicators within the plan years and horizon', () => {
    const codes = new Set(STANDARD_INDICATORS.map((i) => i.code));
    for (const v of spec.values!) {
      expect(v.source.length, `${v.indicatorCode} ${v.year}`).toBeGreaterThan(5);
      expect(codes.has(v.indicatorCode)).toBe(true);
      expect(v.year).toBeGreaterThanOrEqual(spec.plan.baselineYear);
      expect(v.year).toBeLessThanOrEqual(spec.plan.horizonYear ?? spec.plan.lastYear);
      // After the plan period only what the horizon's models need, marked ilustrasi (the 2024 poverty line).
      if (v.year > spec.plan.lastYear) expect(v.illustrative, `${v.indicatorCode} ${v.year}`).toBe(true);
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

/** The worked example of the 2021 revision (#15 item 1): every view has content on first start. */
describe('the demo ships the 2021 revision as a worked example', () => {
  let wb: Workbook;
  let empty: Workbook;
  beforeAll(async () => {
    const dir = tempDir();
    wb = await createDemoWorkbook(path.join(dir, 'demo.rpjmd'));
    empty = await createDemoWorkbook(path.join(dir, 'empty.rpjmd'), {}, { empty: true });
  });
  afterAll(() => {
    wb.close();
    empty.close();
  });
  const example = () => wb.reads.scenarios().find((s) => s.name === DEMO_EXAMPLE_NAME)!;
  const code = (id: number) => wb.indicatorIndex().byId.get(id)!.code;
  const POVERTY = ['P0', 'JPM', 'P0E', 'JPME'];

  it('is the scenario the Buku Kerja\'s next-steps card looks for; the planner\'s own gets a name of its own', () => {
    expect(EXAMPLE_SCENARIO_NAME).toBe(DEMO_EXAMPLE_NAME);
    expect(ownScenarioName([DEMO_EXAMPLE_NAME])).toBe('Perubahan 2021');
    expect(ownScenarioName([DEMO_EXAMPLE_NAME, 'Perubahan 2021', 'Perubahan 2021 (2)'])).toBe('Perubahan 2021 (3)');
  });

  it('starts its undo history after the example: a first Ctrl+Z takes nothing apart, Riwayat still shows how it was made', () => {
    expect(wb.reads.history()).toMatchObject({ canUndo: false, canRedo: false });
    const made = wb.reads.changeLog(example().id, 100).map((e) => e.action);
    expect(made).toContain('target.edit');
    expect(made).toContain('scenario.status');
    expect(wb.undo({ user: 'perencana' })).toBeNull();
    expect(wb.reads.scenarios().map((s) => s.status)).toEqual(['usulan']);
  });

  it('is one scenario "Perubahan 2021 (contoh)", the usulan, described as an illustrative example in both languages', () => {
    expect(wb.reads.scenarios().map((s) => [s.name, s.status])).toEqual([['Perubahan 2021 (contoh)', 'usulan']]);
    const { description } = example();
    expect(description).toMatch(/Contoh kerja \(ilustrasi\)/);
    expect(description).toMatch(/bukan target Perda Perubahan/);
    // One line, in the workbook's language: it shows above the grid under either UI language.
    expect(description).not.toMatch(/\n/);
    expect(description.length).toBeLessThan(260);
    expect(empty.reads.scenarios()).toEqual([]);
  });

  it('revises P0 and extreme poverty only in the years after the revision date, on falling paths below 2020', () => {
    const revisionDate = wb.settings().revisionDate;
    const original = new Map(wb.values(['original_target']).map((v) => [`${code(v.indicatorId)}:${v.year}`, v.value]));
    const { targets } = wb.reads.targets(example().id);
    const changed = targets.filter((t) => original.get(`${code(t.indicatorId)}:${t.year}`) !== t.value);
    expect(new Set(changed.map((t) => code(t.indicatorId)))).toEqual(new Set(POVERTY));
    for (const t of changed) expect(isRealisedYear(t.year, revisionDate), `${code(t.indicatorId)} ${t.year}`).toBe(false);
    const path = (c: string) => targets.filter((t) => code(t.indicatorId) === c && t.year >= 2021).sort((a, b) => a.year - b.year).map((t) => t.value);
    // The RPJMD years, then the RPKD/RPD horizon (9,88 % in 2026 as the RPD; extreme poverty 0 by 2026).
    expect(path('P0')).toEqual([12.2, 11.8, 11.4, 11, 10.5, 9.88]);
    expect(path('P0E')).toEqual([3.6, 2.4, 1.2, 0.6, 0.3, 0]);
    for (const c of POVERTY) {
      const p = path(c);
      expect(p, c).toHaveLength(6);
      for (let i = 1; i < p.length; i++) expect(p[i]!, c).toBeLessThan(p[i - 1]!);
    }
    expect(path('P0')[0]).toBeLessThan(12.32);
    expect(path('P0E')[0]).toBeLessThan(4.44);
  });

  it('derives each count from its rate and the Susenas population of the year, as the app does', () => {
    const pop = wb.population();
    expect(pop.byYear.get(2020)?.value).toBe(643_425); // 79.270 ÷ 12,32 %
    const { targets } = wb.reads.targets(example().id);
    const cell = (c: string, year: number) => targets.find((t) => code(t.indicatorId) === c && t.year === year);
    for (const [rate, count] of [['P0', 'JPM'], ['P0E', 'JPME']] as const) {
      for (const year of [2021, 2022, 2023]) {
        const n = cell(count, year)!;
        expect(n.origin, `${count} ${year}`).toBe('derived');
        expect(n.value, `${count} ${year}`).toBe(countFromRate(cell(rate, year)!.value, pop.byYear.get(year)!.value));
      }
    }
  });

  it('has a justification that says something for each changed indicator, labelled as illustrative', () => {
    const { justifications } = wb.reads.targets(example().id);
    expect(justifications.map((j) => code(j.indicatorId)).sort()).toEqual([...POVERTY].sort());
    for (const j of justifications) expect(j.text, code(j.indicatorId)).toMatch(/^Ilustrasi\. \S+( \S+){10,}/);
    expect(demoExample().rates.map((r) => r.indicator)).toEqual(POVERTY);
  });

  it('has no error-level findings; the loosened targets and the references it cannot meet or test are said', () => {
    const report = checkScenario(wb, example().id);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // A reviewer sees that P0 (and JPM with it) was loosened against the original targets…
    const loosened = report.findings.filter((f) => f.severity === 'warning' && /dilonggarkan/.test(f.message.id));
    expect(new Set(loosened.map((f) => f.indicatorCode))).toEqual(new Set(['P0', 'JPM']));
    // …and, inside the RPKD/RPD horizon, that 2024's 11,00 % misses the Governor's < 10 % and 0,60 % Inpres 4/2022's 0 %.
    const missed = report.findings.filter((f) => f.checkId === 'reference');
    expect(missed.map((f) => [f.indicatorCode, f.year, f.severity])).toEqual([['P0', 2024, 'warning'], ['P0E', 2024, 'warning']]);
    expect(missed[0]!.message.id).toContain('11,00, acuan Gubernur Sumsel: < 10,00 %');
    expect(missed[1]!.message.id).toContain('0,60, acuan Inpres 4/2022: = 0,00 %');
  });

  it('was made step by step by "contoh" through the one write path, which the change log shows', () => {
    const log = wb.reads.changeLog(example().id, 100).filter((e) => e.kind === 'do');
    expect(new Set(log.map((e) => e.user))).toEqual(new Set(['contoh']));
    const actions = [...new Set([...log].reverse().map((e) => e.action))];
    expect(actions).toEqual(['scenario.create', 'target.edit', 'justification.set', 'scenario.status']);
    expect(log.find((e) => e.action === 'scenario.status')?.detail).toBe('draft→usulan');
    expect(log.filter((e) => e.action === 'target.edit' && e.indicatorCode === 'JPM').every((e) => e.derived)).toBe(true);
  });
});
