/**
 * The Raperda annex's own data through the services (issue 14 item 2): the header on the plan
 * (settings.update: number, year, the Perda amended) and the Perangkat Daerah per indicator
 * (indicators.update) — each one edit through the one write path: validated with the field
 * named, undoable and redoable, in the change log in words, and read back fresh after every step.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryState, Indicator, WorkbookSettings, WorkbookSummary } from '../../shared/domain.js';
import type { ChangeLogEntry } from '../../shared/domain.js';
import { describeEntryAction, describeEntryDetail, makesImportStale, catchesUpByIndicator } from '../../shared/changes.js';
import type { Failure } from '../../shared/api/result.js';
import { createServices } from '../../electron/services/index.js';
import { Workbook } from '../../electron/workbook/store.js';
import { setResponsibleUnit } from '../../electron/workbook/editors/indicators.js';
import { tempDir } from '../helpers/files.js';

const PERDA = 'Peraturan Daerah Kabupaten Muara Enim Nomor 7 Tahun 2019 tentang Rencana Pembangunan Jangka Menengah Daerah Kabupaten Muara Enim Tahun 2018–2023';

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r)}`);
  return r.value as T;
}

async function refused(p: Promise<{ ok: boolean }>): Promise<Failure> {
  const r = await p;
  if (r.ok) throw new Error('expected a refusal');
  return r as Failure;
}

async function demo() {
  const services = createServices({ dataDir: tempDir(), host: 'browser', appVersion: 'test' });
  const summary = await ok<WorkbookSummary>(services.dispatch('workbook.openDemo', {}));
  const ind = (code: string) => summary.indicators.find((i) => i.code === code) as Indicator;
  const current = () => ok<WorkbookSummary>(services.dispatch('workbook.current', {}));
  const unitOf = async (code: string) => (await current()).indicators.find((i) => i.code === code)!.responsibleUnit;
  const log = () => ok<ChangeLogEntry[]>(services.dispatch('changelog.list', { limit: 5 }));
  return { ...services, summary, ind, current, unitOf, log };
}

describe('the Raperda header (settings.update)', () => {
  it('the demo names the Perda it amends and leaves the Raperda number and year blank', async () => {
    const { summary, close } = await demo();
    expect(summary.settings).toMatchObject({ annexDocumentNumber: null, annexDocumentYear: null, amendedRegulation: PERDA });
    close();
  });

  it('sets number, year and amended Perda as one edit, trimmed; the log words it; undo and redo restore it', async () => {
    const { dispatch, current, log, close } = await demo();
    const s = await ok<WorkbookSettings>(dispatch('settings.update', { annexDocumentNumber: '  12  ', annexDocumentYear: 2021, amendedRegulation: `${PERDA} ` }));
    expect(s).toMatchObject({ annexDocumentNumber: '12', annexDocumentYear: 2021, amendedRegulation: PERDA, revisionDate: '2021-08-23' });
    expect((await current()).settings).toEqual(s);

    const [entry] = await log();
    expect(entry).toMatchObject({ action: 'plan.update', kind: 'do' });
    expect(describeEntryAction(entry!, 'id')).toBe('Pengaturan buku kerja');
    // The Perda was already set: only what changed is named.
    expect(describeEntryDetail(entry!, 'id')).toBe('nomor Raperda: – → 12; tahun Raperda: – → 2021');
    expect(describeEntryDetail(entry!, 'en')).toBe('Raperda number: – → 12; Raperda year: – → 2021');

    const state = await ok<HistoryState>(dispatch('history.state', {}));
    expect(state.undoLabel).toBe('plan.update');
    await ok(dispatch('history.undo', {}));
    expect((await current()).settings).toMatchObject({ annexDocumentNumber: null, annexDocumentYear: null, amendedRegulation: PERDA });
    await ok(dispatch('history.redo', {}));
    expect((await current()).settings).toMatchObject({ annexDocumentNumber: '12', annexDocumentYear: 2021 });

    // Empty text and null clear; a text with an arrow or a semicolon survives the log's wording.
    await ok(dispatch('settings.update', { annexDocumentNumber: '   ', annexDocumentYear: null, amendedRegulation: 'Perda 7/2019; diubah → 2021' }));
    expect((await current()).settings).toMatchObject({ annexDocumentNumber: null, annexDocumentYear: null, amendedRegulation: 'Perda 7/2019; diubah → 2021' });
    const [cleared] = await log();
    expect(describeEntryDetail(cleared!, 'id')).toBe(`nomor Raperda: 12 → –; tahun Raperda: 2021 → –; Perda yang diubah: ${PERDA} → Perda 7/2019; diubah → 2021`);
    close();
  });

  it('refuses a bad field naming it, and writes nothing', async () => {
    const { dispatch, current, close } = await demo();
    const undoBefore = await ok<HistoryState>(dispatch('history.state', {}));
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ annexDocumentNumber: 'x'.repeat(61) }, 'annexDocumentNumber', /60/],
      [{ annexDocumentNumber: 'No.\u000712' }, 'annexDocumentNumber', /control character \(U\+0007\)/],
      [{ annexDocumentYear: 1900 }, 'annexDocumentYear', /between 1945 and 2100/],
      [{ annexDocumentYear: 2101 }, 'annexDocumentYear', /between 1945 and 2100/],
      [{ annexDocumentYear: 2021.5 }, 'annexDocumentYear', /between 1945 and 2100/],
      [{ annexDocumentYear: '2021' }, 'annexDocumentYear', /number/],
      [{ amendedRegulation: 'P'.repeat(401) }, 'amendedRegulation', /400/],
      [{ amendedRegulation: 'Perda\u202E7' }, 'amendedRegulation', /bidirectional/],
      [{ amendedRegulation: 'baris satu\nbaris dua' }, 'amendedRegulation', /control character \(U\+000A\)/],
      [{ annexHeader: 'x' }, '', /Unrecognized key/],
    ];
    for (const [input, field, message] of cases) {
      const f = await refused(dispatch('settings.update', input));
      expect(f.code, JSON.stringify(input)).toBe('bad_input');
      expect(f.field, JSON.stringify(input)).toBe(field);
      expect(f.message, JSON.stringify(input)).toMatch(message);
    }
    expect((await current()).settings).toMatchObject({ annexDocumentNumber: null, annexDocumentYear: null, amendedRegulation: PERDA });
    // No step was added: the undo state is the demo's own (its worked example's steps).
    expect(await ok<HistoryState>(dispatch('history.state', {}))).toEqual(undoBefore);
    close();
  });

  it('the revision date and capaian bands still log in words', async () => {
    const { dispatch, log, close } = await demo();
    await ok(dispatch('settings.update', { revisionDate: '2022-09-30', capaianBands: 'lakip' }));
    const [entry] = await log();
    expect(describeEntryDetail(entry!, 'id')).toBe('tanggal perubahan: 2021-08-23 → 2022-09-30; skala capaian: permendagri_86_2017 → lakip');
    // Entries written before v5 (one string) read as before.
    expect(describeEntryDetail({ action: 'plan.update', detail: 'revision_date:2021-08-23→2022-09-30' }, 'en')).toBe('revision date: 2021-08-23 → 2022-09-30');
    close();
  });
});

describe('the Perangkat Daerah per indicator (indicators.update)', () => {
  it('the demo assigns one to every indicator (illustrative configuration)', async () => {
    const { summary, close } = await demo();
    const units = Object.fromEntries(summary.indicators.map((i) => [i.code, i.responsibleUnit]));
    expect(units).toMatchObject({ P0: 'Dinas Sosial', JPM: 'Dinas Sosial', P0E: 'Dinas Sosial', PE: 'Bappeda', IPM: 'Bappeda; Dinas Kesehatan; Dinas Pendidikan' });
    expect(summary.indicators.every((i) => i.responsibleUnit)).toBe(true);
    close();
  });

  it('edits, undoes and redoes as one step each; summary and indicator list follow every step; the log names the indicator', async () => {
    const { dispatch, ind, unitOf, log, close } = await demo();
    const p0 = ind('P0');
    const list = await ok<Indicator[]>(dispatch('indicators.update', { indicatorId: p0.id, responsibleUnit: '  Dinas Sosial; Bappeda (Sekretariat TKPK) ' }));
    expect(list.find((i) => i.id === p0.id)!.responsibleUnit).toBe('Dinas Sosial; Bappeda (Sekretariat TKPK)');
    expect(await unitOf('P0')).toBe('Dinas Sosial; Bappeda (Sekretariat TKPK)');
    // The rest of the row is untouched.
    const after = list.find((i) => i.id === p0.id)!;
    expect({ ...after, responsibleUnit: p0.responsibleUnit }).toEqual(p0);

    const [entry] = await log();
    expect(entry).toMatchObject({ action: 'indicator.update', kind: 'do', indicatorCode: 'P0', scenarioId: null });
    expect(describeEntryAction(entry!, 'id')).toBe('Perangkat Daerah diubah');
    expect(describeEntryAction(entry!, 'en')).toBe('Responsible agency edited');
    expect(describeEntryDetail(entry!, 'id')).toBe('Perangkat Daerah: Dinas Sosial → Dinas Sosial; Bappeda (Sekretariat TKPK)');
    expect(describeEntryDetail(entry!, 'en')).toBe('responsible agency: Dinas Sosial → Dinas Sosial; Bappeda (Sekretariat TKPK)');

    const state = await ok<HistoryState>(dispatch('history.state', {}));
    expect(state.undoLabel).toBe('indicator.update');
    await ok(dispatch('history.undo', {}));
    expect(await unitOf('P0')).toBe('Dinas Sosial');
    const [undone] = await log();
    expect(undone).toMatchObject({ action: 'indicator.update', kind: 'undo' });
    expect(describeEntryAction(undone!, 'id')).toBe('Perangkat Daerah diubah (diurungkan)');
    await ok(dispatch('history.redo', {}));
    expect(await unitOf('P0')).toBe('Dinas Sosial; Bappeda (Sekretariat TKPK)');

    // Empty text or null clears it; the same value again is no step at all.
    await ok(dispatch('indicators.update', { indicatorId: p0.id, responsibleUnit: '' }));
    expect(await unitOf('P0')).toBeNull();
    const steps = (await ok<ChangeLogEntry[]>(dispatch('changelog.list', {}))).length;
    await ok(dispatch('indicators.update', { indicatorId: p0.id, responsibleUnit: null }));
    expect((await ok<ChangeLogEntry[]>(dispatch('changelog.list', {}))).length).toBe(steps);
    await ok(dispatch('history.undo', {}));
    expect(await unitOf('P0')).toBe('Dinas Sosial; Bappeda (Sekretariat TKPK)');
    close();
  });

  it('refuses bad input naming the field; an unknown indicator is not found; nothing is written', async () => {
    const { dispatch, ind, unitOf, close } = await demo();
    const p0 = ind('P0');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ indicatorId: p0.id, responsibleUnit: 'D'.repeat(201) }, 'bad_input', 'responsibleUnit'],
      [{ indicatorId: p0.id, responsibleUnit: 'Dinas\u0000Sosial' }, 'bad_input', 'responsibleUnit'],
      [{ indicatorId: p0.id, responsibleUnit: 'Dinas\uFFFE' }, 'bad_input', 'responsibleUnit'],
      [{ indicatorId: p0.id }, 'bad_input', 'responsibleUnit'],
      [{ indicatorId: 0, responsibleUnit: 'x' }, 'bad_input', 'indicatorId'],
      [{ indicatorId: p0.id, responsibleUnit: 'x', code: 'P0' }, 'bad_input', ''],
      [{ indicatorId: 99_999, responsibleUnit: 'Dinas Sosial' }, 'not_found', 'indicatorId'],
    ];
    for (const [input, code, field] of cases) {
      const f = await refused(dispatch('indicators.update', input));
      expect([f.code, f.field], JSON.stringify(input)).toEqual([code, field]);
    }
    expect(await unitOf('P0')).toBe('Dinas Sosial');
    close();
  });

  it('drops kept state that reads indicators: the index, the checks; an import preview goes stale', async () => {
    expect(makesImportStale('indicator.update')).toBe(true);
    expect(catchesUpByIndicator('indicator.update')).toBe(false);
    const { session, dispatch, ind, close } = await demo();
    const wb = session.require();
    const before = wb.indicatorIndex();
    expect(wb.indicatorIndex()).toBe(before);
    await ok(dispatch('indicators.update', { indicatorId: ind('GK').id, responsibleUnit: 'Bappeda' }));
    expect(wb.indicatorIndex()).toBe(before); // nothing changed, nothing re-read
    await ok(dispatch('indicators.update', { indicatorId: ind('GK').id, responsibleUnit: 'Badan Pusat Statistik (data); Bappeda' }));
    const after = wb.indicatorIndex();
    expect(after).not.toBe(before);
    expect(after.byCode.get('GK')!.responsibleUnit).toBe('Badan Pusat Statistik (data); Bappeda');
    expect(wb.indicators().find((i) => i.code === 'GK')!.responsibleUnit).toBe('Badan Pusat Statistik (data); Bappeda');
    wb.undo({ user: 't' });
    expect(wb.indicatorIndex().byCode.get('GK')!.responsibleUnit).toBe('Bappeda');
    close();
  });

  it('the step survives closing the file: undone after reopening', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.rpjmd');
    let wb = await Workbook.create(file, { plan: { region: 'Kabupaten Uji', province: 'Sumatera Selatan', baselineYear: 2017, firstYear: 2018, lastYear: 2023 } });
    const id = wb.indicatorIndex().byCode.get('P0')!.id;
    expect(wb.indicatorIndex().byCode.get('P0')!.responsibleUnit).toBeNull();
    setResponsibleUnit(wb, { user: 't' }, id, 'Dinas Sosial');
    wb.close();
    wb = await Workbook.open(file);
    expect(wb.indicators().find((i) => i.id === id)!.responsibleUnit).toBe('Dinas Sosial');
    expect(wb.undo({ user: 't' })?.label).toBe('indicator.update');
    expect(wb.indicators().find((i) => i.id === id)!.responsibleUnit).toBeNull();
    expect(wb.redo({ user: 't' })?.label).toBe('indicator.update');
    expect(wb.summary().indicators.find((i) => i.id === id)!.responsibleUnit).toBe('Dinas Sosial');
    wb.close();
  });
});
