/**
 * A protected proposal (#15 item 5): a scenario marked usulan is frozen. Every write into it —
 * typing, paste, a path model, a clear, a justification, an import (preview target and apply) —
 * is refused in the write path with the code 'frozen', naming the scenario, and nothing is
 * written. Back to draft (logged like any scenario action), it takes edits again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/annex.js';
import type { ChangeLogEntry, HistoryState, Scenario, ScenarioTargets } from '../../shared/domain.js';
import { DATE, SIGNER, demoWithUsulan, ok, toDraft, type Demo } from '../helpers/annex.js';
import { tempDir } from '../helpers/files.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Everything a refused write must leave as it was. */
async function state(demo: Demo) {
  return {
    targets: await ok<ScenarioTargets>(demo.dispatch('scenario.targets', { scenarioId: demo.usulan.id })),
    history: await ok<HistoryState>(demo.dispatch('history.state', {})),
    log: await ok<ChangeLogEntry[]>(demo.dispatch('changelog.list', { limit: 10_000 })),
    values: await demo.values(),
  };
}

const FROZEN = (demo: Demo) => ({
  ok: false,
  code: 'frozen',
  field: 'scenarioId',
  params: { reason: 'frozen', scenarioId: demo.usulan.id, scenario: 'Perubahan 2021' },
});

describe('a proposal (usulan) is frozen', () => {
  it('refuses typing, paste, path, clear and justification through the API with its own code, naming the scenario; nothing is written', async () => {
    const demo = await demoWithUsulan();
    expect(demo.usulan.status).toBe('usulan');
    const before = await state(demo);
    const p0 = demo.ind('P0').id;
    for (const action of ['target.edit', 'target.paste', 'target.path', 'target.clear'] as const) {
      const r = await demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action, cells: [{ indicatorId: p0, year: 2023, value: action === 'target.clear' ? null : 10.2 }] });
      expect(r, action).toMatchObject(FROZEN(demo));
      expect(!r.ok && r.message).toMatch(/"Perubahan 2021" is the proposal \(usulan\)/);
    }
    // A count whose rate would be derived: refused before any derivation.
    expect(await demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action: 'target.edit', cells: [{ indicatorId: demo.ind('JPM').id, year: 2022, value: 80_000 }] })).toMatchObject(FROZEN(demo));
    expect(await demo.dispatch('justification.set', { scenarioId: demo.usulan.id, indicatorId: p0, text: 'Alasan lain' })).toMatchObject(FROZEN(demo));
    expect(await demo.dispatch('justification.set', { scenarioId: demo.usulan.id, indicatorId: p0, text: '' })).toMatchObject(FROZEN(demo));
    expect(await state(demo)).toEqual(before);
    demo.close();
  });

  it('other scenarios stay editable; a duplicate of the proposal is a draft that takes edits; renaming the proposal is allowed', async () => {
    const demo = await demoWithUsulan();
    const copy = await ok<Scenario>(demo.dispatch('scenario.create', { name: 'Salinan', from: { kind: 'scenario', scenarioId: demo.usulan.id } }));
    expect(copy.status).toBe('draft');
    await ok(demo.dispatch('targets.set', { scenarioId: copy.id, action: 'target.edit', cells: [{ indicatorId: demo.ind('P0').id, year: 2023, value: 10.2 }] }));
    await ok(demo.dispatch('justification.set', { scenarioId: copy.id, indicatorId: demo.ind('P0').id, text: 'Alasan salinan' }));
    const renamed = await ok<Scenario>(demo.dispatch('scenario.update', { scenarioId: demo.usulan.id, name: 'Perubahan 2021 (usulan)' }));
    expect(renamed).toMatchObject({ name: 'Perubahan 2021 (usulan)', status: 'usulan' });
    demo.close();
  });

  it('refuses an import into it: the preview target, and the apply of an annex whose Menjadi rows name it', async () => {
    const demo = await demoWithUsulan();
    const csv = 'Kode;Indikator;Satuan;2023\nP0;;%;10,2\n';
    const refused = await demo.dispatch('import.preview', { source: { name: 'target.csv', base64: b64(csv) }, target: { series: 'revised_target', scenarioId: demo.usulan.id } });
    expect(refused).toMatchObject({ ok: false, code: 'frozen', field: 'target.scenarioId', params: { reason: 'frozen', scenario: 'Perubahan 2021' } });

    // An annex of the proposal, then the proposal changed (as a draft) and frozen again: the
    // annex's Menjadi rows would write into it.
    const annex = path.join(tempDir('rpjmd-frozen-'), 'lampiran.xlsx');
    await ok(demo.dispatch('annex.export', { path: annex, date: DATE, signer: SIGNER }));
    await toDraft(demo);
    await ok(demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action: 'target.edit', cells: [{ indicatorId: demo.ind('P0').id, year: 2023, value: 10.2 }] }));
    await ok(demo.dispatch('scenario.setStatus', { scenarioId: demo.usulan.id, status: 'usulan' }));
    const p = await ok<ImportPreview>(demo.dispatch('import.preview', { source: { path: annex } }));
    expect(p.scenario).toEqual({ id: demo.usulan.id, name: 'Perubahan 2021' });
    expect(p.changed.filter((c) => c.series === 'revised_target' && c.scenarioId === demo.usulan.id).length).toBeGreaterThan(0);
    const before = await state(demo);
    expect(await demo.dispatch('import.apply', { previewId: p.previewId })).toMatchObject(FROZEN(demo));
    expect(await state(demo)).toEqual(before);

    // Realisations still import while a proposal exists.
    const bps = await ok<ImportPreview>(demo.dispatch('import.preview', { source: { name: 'bps.csv', base64: b64('Indikator;Satuan;2021\nP0;%;12,77\n') } }));
    await ok(demo.dispatch('import.apply', { previewId: bps.previewId }));
    expect(fs.existsSync(annex)).toBe(true);
    demo.close();
  });

  it('back to draft is logged like any scenario action and takes edits again; deleting the proposal is a scenario action, not a write into it', async () => {
    const demo = await demoWithUsulan();
    const list = await ok<Scenario[]>(demo.dispatch('scenario.setStatus', { scenarioId: demo.usulan.id, status: 'draft' }));
    expect(list.find((s) => s.id === demo.usulan.id)?.status).toBe('draft');
    const log = await ok<ChangeLogEntry[]>(demo.dispatch('changelog.list', { scenarioId: demo.usulan.id, limit: 1 }));
    expect(log[0]).toMatchObject({ action: 'scenario.status', detail: 'usulan→draft' });
    await ok(demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action: 'target.edit', cells: [{ indicatorId: demo.ind('P0').id, year: 2023, value: 10.2 }] }));

    // Undo twice: the edit, then the status change — the proposal is frozen again.
    await ok(demo.dispatch('history.undo', {}));
    await ok(demo.dispatch('history.undo', {}));
    expect(await demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action: 'target.edit', cells: [{ indicatorId: demo.ind('P0').id, year: 2023, value: 10.2 }] })).toMatchObject(FROZEN(demo));

    await ok(demo.dispatch('scenario.delete', { scenarioId: demo.usulan.id }));
    expect((await ok<{ scenarios: Scenario[] }>(demo.dispatch('workbook.current', {}))).scenarios).toEqual([]);
    demo.close();
  });
});
