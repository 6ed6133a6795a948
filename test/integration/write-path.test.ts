/**
 * The one write path (electron/workbook/edit.ts): every way a number comes in meets the same
 * per-indicator rules, a refused cell is named and nothing is written, and only the edit inserts
 * into the change log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/annex.js';
import type { ChangeLogEntry, HistoryState, ScenarioTargets } from '../../shared/domain.js';
import { applyImport } from '../../electron/annex/apply.js';
import { demoWithUsulan, ok, toDraft, type Demo } from '../helpers/annex.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Everything a refused write must leave as it was. */
async function state(demo: Demo) {
  return {
    targets: await ok<ScenarioTargets>(demo.dispatch('scenario.targets', { scenarioId: demo.usulan.id })),
    history: await ok<HistoryState>(demo.dispatch('history.state', {})),
    log: await ok<ChangeLogEntry[]>(demo.dispatch('changelog.list', {})),
    values: await demo.values(),
  };
}

describe('one write path', () => {
  it('refuses a pasted fraction of a person, naming the cell, and writes nothing', async () => {
    const demo = await demoWithUsulan();
    await toDraft(demo);
    const before = await state(demo);
    const jpm = demo.ind('JPM');
    const r = await demo.dispatch('targets.set', {
      scenarioId: demo.usulan.id,
      action: 'target.paste',
      cells: [{ indicatorId: demo.ind('P0').id, year: 2022, value: 12.2 }, { indicatorId: jpm.id, year: 2022, value: 4.2 }],
    });
    expect(r).toMatchObject({ ok: false, code: 'bad_input', field: 'cells.1.value', params: { indicatorCode: 'JPM', year: 2022, problem: 'too_many_decimals', value: 4.2 } });
    expect(!r.ok && r.message).toBe('Cell 2 (JPM 2022): 4.2 is not a whole number (jiwa holds whole numbers only)');
    expect(await state(demo)).toEqual(before);
    demo.close();
  });

  it('refuses 10²⁰ people typed into a head count, and a count above the population of its year', async () => {
    const demo = await demoWithUsulan();
    await toDraft(demo);
    const jpm = demo.ind('JPM');
    // The scenario's population for 2021 (the demo's original targets carry none).
    const pop = 643_400;
    await ok(demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action: 'target.edit', cells: [{ indicatorId: demo.ind('POP').id, year: 2021, value: pop }] }));
    const before = await state(demo);
    const huge = await demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action: 'target.edit', cells: [{ indicatorId: jpm.id, year: 2021, value: 1e20 }] });
    expect(huge).toMatchObject({ ok: false, code: 'bad_input', params: { indicatorCode: 'JPM', year: 2021, problem: 'too_large' } });
    const above = await demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action: 'target.edit', cells: [{ indicatorId: jpm.id, year: 2021, value: pop + 1 }] });
    expect(above).toMatchObject({ ok: false, code: 'bad_input', params: { indicatorCode: 'JPM', year: 2021, problem: 'above_population', population: pop } });
    expect(await state(demo)).toEqual(before);
    // A count the planner typed leads its rate; lowering the population under it is refused,
    // naming the count. (A derived count simply follows the population.)
    await ok(demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action: 'target.edit', cells: [{ indicatorId: jpm.id, year: 2021, value: 80_000 }] }));
    const withCount = await state(demo);
    const popBelow = await demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action: 'target.edit', cells: [{ indicatorId: demo.ind('POP').id, year: 2021, value: 79_999 }] });
    expect(popBelow).toMatchObject({ ok: false, code: 'bad_input', params: { indicatorCode: 'JPM', year: 2021, problem: 'above_population', value: 80_000, population: 79_999 } });
    expect(await state(demo)).toEqual(withCount);
    demo.close();
  });

  it('refuses an imported fraction of a person in the preview, located, and the edit refuses it if it ever got through', async () => {
    const demo = await demoWithUsulan();
    const before = await state(demo);
    const csv = 'Indikator;Satuan;2020;2021\nJumlah Penduduk Miskin;jiwa;79.270;80.100,5\n';
    const p = await ok<ImportPreview>(demo.dispatch('import.preview', { source: { name: 'bps.csv', base64: b64(csv) } }));
    expect(p.rejected.map((c) => [c.sheet, c.row, c.column, c.code])).toEqual([['CSV', 2, 'D', 'too_many_decimals']]);
    // Past the preview (a crafted confirmation), the one write path still refuses it, naming the cell.
    const wb = demo.session.require();
    const jpm = demo.ind('JPM');
    expect(() =>
      applyImport(wb, { user: 'uji' }, 'bps.csv', [
        { sheet: 'CSV', row: 2, column: 'C', indicatorId: jpm.id, indicatorCode: 'JPM', year: 2020, series: 'realisation', scenarioId: null, oldValue: 79_270, newValue: 79_000 },
        { sheet: 'CSV', row: 2, column: 'D', indicatorId: jpm.id, indicatorCode: 'JPM', year: 2021, series: 'realisation', scenarioId: null, oldValue: null, newValue: 80_100.5 },
      ]),
    ).toThrow('Cell 2 (JPM 2021, Impor: bps.csv, CSV!D2): 80100.5 is not a whole number (jiwa holds whole numbers only)');
    expect(await state(demo)).toEqual(before);
    demo.close();
  });

  it('has one place in the app that inserts into the change log and the undo history', () => {
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && /INSERT INTO (change_log|change_step|change_entry|undo_step)\b/.test(fs.readFileSync(p, 'utf8'))) hits.push(path.relative(root, p));
      }
    };
    for (const dir of ['electron', 'shared', 'renderer']) walk(path.join(root, dir));
    // migrations.ts converts the older log format once, when a file is upgraded; it is not a write path.
    expect(hits.sort()).toEqual(['electron/workbook/edit.ts', 'electron/workbook/history.ts', 'electron/workbook/migrations.ts']);
  });
});
