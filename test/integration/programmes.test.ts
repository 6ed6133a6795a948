/**
 * Issue 17, item 1 and 4: programmes as workbook data through the one write path (undo, change
 * log, located refusals) and the RPKD/RPD horizon after the plan period.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryState, Programme, WorkbookSettings } from '../../shared/domain.js';
import { demoWithUsulan, ok } from '../helpers/annex.js';

const PKH = {
  name: 'Program Keluarga Harapan (contoh)',
  cluster: 'bantuan_sosial' as const,
  strategy: 'beban_pengeluaran' as const,
  agency: 'Dinas Sosial',
  benefitKind: 'transfer' as const,
  source: 'Uji',
  years: [
    { year: 2022, households: 10_000, benefit: 250_000, accuracy: 80, budget: 30_000_000_000, source: 'Uji' },
    { year: 2023, households: 11_000, benefit: 250_000, accuracy: 80, budget: null, source: 'Uji' },
  ],
};

describe('programmes', () => {
  it('saved, edited, deleted: each one undo step, logged; undo of the delete brings the years back', async () => {
    const demo = await demoWithUsulan();
    let list = await ok<Programme[]>(demo.dispatch('programmes.save', PKH));
    const pkh = list.find((p) => p.name === PKH.name)!;
    expect(pkh.years.map((y) => [y.year, y.households, y.benefit, y.accuracy, y.budget])).toEqual([[2022, 10_000, 250_000, 80, 30_000_000_000], [2023, 11_000, 250_000, 80, null]]);

    // Saving again with one year: the other year goes.
    list = await ok<Programme[]>(demo.dispatch('programmes.save', { ...PKH, id: pkh.id, years: [PKH.years[0]] }));
    expect(list.find((p) => p.id === pkh.id)!.years.map((y) => y.year)).toEqual([2022]);
    expect((await ok<HistoryState>(demo.dispatch('history.state', {}))).undoLabel).toBe('programme.save');
    await ok(demo.dispatch('history.undo', {}));
    expect((await ok<Programme[]>(demo.dispatch('programmes.list', {}))).find((p) => p.id === pkh.id)!.years.map((y) => y.year)).toEqual([2022, 2023]);

    await ok(demo.dispatch('programmes.delete', { id: pkh.id }));
    expect(await ok<Programme[]>(demo.dispatch('programmes.list', {}))).toEqual([]);
    await ok(demo.dispatch('history.undo', {}));
    const back = await ok<Programme[]>(demo.dispatch('programmes.list', {}));
    expect(back.map((p) => [p.name, p.years.length])).toEqual([[PKH.name, 2]]);
    const log = await ok<{ action: string; kind: string; detail: string | null }[]>(demo.dispatch('changelog.list', {}));
    expect(log.filter((e) => e.action.startsWith('programme.')).map((e) => [e.action, e.kind])).toEqual(
      expect.arrayContaining([['programme.save', 'do'], ['programme.delete', 'do'], ['programme.delete', 'undo']]),
    );
    demo.close();
  });

  it('refused with the programme, year and field named; nothing written', async () => {
    const demo = await demoWithUsulan();
    const bad = async (patch: Partial<(typeof PKH.years)[number]>) => demo.dispatch('programmes.save', { ...PKH, years: [{ ...PKH.years[0], ...patch }] });
    expect(await bad({ accuracy: 120 })).toMatchObject({ ok: false, code: 'bad_input', params: { reason: 'programme_value', year: 2022, field: 'accuracy' } });
    expect(await bad({ households: 10.5 })).toMatchObject({ ok: false, params: { field: 'households' } });
    expect(await bad({ year: 2030 })).toMatchObject({ ok: false, params: { field: 'year', problem: 'year_outside_plan' } });
    expect(await bad({ benefit: -1 })).toMatchObject({ ok: false, params: { field: 'benefit' } });
    await ok(demo.dispatch('programmes.save', PKH));
    expect(await demo.dispatch('programmes.save', { ...PKH, name: 'program keluarga harapan (CONTOH)' })).toMatchObject({ ok: false, code: 'already_exists' });
    expect((await ok<Programme[]>(demo.dispatch('programmes.list', {}))).length).toBe(1);
    demo.close();
  });

  it('the horizon: 2024–2026 targets and programmes allowed once it is set; it cannot be cut below them', async () => {
    const demo = await demoWithUsulan();
    const p0 = demo.ind('P0');
    const s = await ok<{ id: number }>(demo.dispatch('scenario.create', { name: 'RPKD', from: { kind: 'original' } }));
    // The demo reaches 2026; cut to 2024 first (only the illustrative poverty line of 2024 lies after 2023 in this copy).
    expect((await ok<WorkbookSettings>(demo.dispatch('settings.update', { horizonYear: 2024 }))).horizonYear).toBe(2024);
    const t2026 = { scenarioId: s.id, action: 'target.edit', cells: [{ indicatorId: p0.id, year: 2026, value: 9.88 }] };
    expect(await demo.dispatch('targets.set', t2026)).toMatchObject({ ok: false, code: 'bad_input' });
    expect(await demo.dispatch('settings.update', { horizonYear: 2034 })).toMatchObject({ ok: false, params: { reason: 'horizon_out_of_range', from: 2023, to: 2033 } });
    const settings = await ok<WorkbookSettings>(demo.dispatch('settings.update', { horizonYear: 2026, poorHouseholdSize: 4.6, poorHouseholdSizeSource: 'Uji' }));
    expect(settings).toMatchObject({ horizonYear: 2026, poorHouseholdSize: 4.6, poorHouseholdSizeSource: 'Uji' });
    await ok(demo.dispatch('targets.set', t2026));
    await ok(demo.dispatch('programmes.save', { ...PKH, years: [{ ...PKH.years[0], year: 2026 }] }));
    const refused = await demo.dispatch('settings.update', { horizonYear: 2024 });
    expect(refused).toMatchObject({ ok: false, params: { reason: 'horizon_below_data', count: 3, first: 2026 } }); // P0 2026, its derived JPM, the programme year
    // Back to the plan's own end (null) is refused the same way, naming 2023 (the GK 2024 value too).
    expect(await demo.dispatch('settings.update', { horizonYear: null })).toMatchObject({ ok: false, params: { reason: 'horizon_below_data', year: 2023, count: 4, first: 2024 } });
    // The plan itself is unchanged: the RPJMD still ends in 2023.
    const current = await ok<{ plan: { lastYear: number; horizonYear?: number }; settings: WorkbookSettings }>(demo.dispatch('workbook.current', {}));
    expect(current.plan).toMatchObject({ lastYear: 2023, horizonYear: 2026 });
    expect(current.settings.horizonYear).toBe(2026);
    demo.close();
  });
});
