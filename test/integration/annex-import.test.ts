/** Spreadsheet import: preview (nothing written), apply (one undo step), hostile files refused. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportApplyResult, ImportPreview } from '../../shared/annex.js';
import type { ChangeLogEntry, HistoryState, WorkbookSummary } from '../../shared/domain.js';
import type { HistoryStep } from '../../shared/api/contract.js';
import { tempDir } from '../helpers/files.js';
import { DATE, SIGNER, demoWithUsulan, ok, readXlsx, type Demo } from '../helpers/annex.js';
import { MACRO_MAIN, sheetXml, workbookParts, zip } from '../helpers/xlsx-craft.js';

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64');

async function preview(demo: Demo, source: unknown, target?: unknown): Promise<ImportPreview> {
  return ok<ImportPreview>(demo.dispatch('import.preview', { source, ...(target ? { target } : {}) }));
}

/** Everything an import could have written: values, targets and the change log. */
async function snapshot(demo: Demo) {
  const log = await ok<ChangeLogEntry[]>(demo.dispatch('changelog.list', { limit: 10_000 }));
  const targets = await ok(demo.dispatch('scenario.targets', { scenarioId: demo.usulan.id }));
  return JSON.stringify({ values: await demo.values(), targets, log: log.length });
}

async function filledTemplate(demo: Demo): Promise<Buffer> {
  const t = await ok<{ fileName: string; base64: string }>(demo.dispatch('import.template', {}));
  expect(t.fileName).toBe('Templat-impor-Kabupaten-Muara-Enim.xlsx');
  const book = await readXlsx(Buffer.from(t.base64, 'base64'));
  const ws = book.getWorksheet('Impor')!;
  expect(['A3', 'B3', 'C3', 'D3', 'J3'].map((a) => ws.getCell(a).value)).toEqual(['Kode', 'Indikator', 'Satuan', 2017, 2023]);
  expect(['A9', 'B9', 'C9'].map((a) => ws.getCell(a).value)).toEqual(['P0', 'Persentase Penduduk Miskin', '%']);
  ws.getCell('H9').value = 11.9; // P0 2021: valid, a number
  ws.getCell('H5').value = '4,05'; // TPT 2021: valid, id-ID text
  ws.getCell('B16').value = 'Indeks Kebahagiaan'; // unknown indicator…
  ws.getCell('H16').value = 70; // …with a number
  ws.getCell('I6').value = 'belum rilis'; // IPM 2022: text
  ws.getCell('I11').value = 140; // P0E 2022: a rate of 140 %
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('import: template', () => {
  it('2 valid rows, 1 unknown indicator, 1 text cell, 1 rate of 140: 2 changes and 3 located rejections; nothing written until confirmed', async () => {
    const demo = await demoWithUsulan();
    const before = await snapshot(demo);
    const p = await preview(demo, { name: 'template.xlsx', base64: b64(await filledTemplate(demo)) });
    expect(p.layout).toBe('template');
    expect(p.new.map((c) => [c.indicatorCode, c.year, c.series, c.oldValue, c.newValue, `${c.sheet}!${c.column}${c.row}`])).toEqual([
      ['TPT', 2021, 'realisation', null, 4.05, 'Impor!H5'],
      ['P0', 2021, 'realisation', null, 11.9, 'Impor!H9'],
    ]);
    expect(p.changed).toEqual([]);
    expect(p.rejected.map((r) => [r.sheet, r.row, r.column, r.code])).toEqual([
      ['Impor', 6, 'I', 'not_a_number'],
      ['Impor', 11, 'I', 'out_of_range'],
      ['Impor', 16, 'B', 'unknown_indicator'],
    ]);
    expect(p.rejected[2]!.message).toMatch(/Indeks Kebahagiaan/);
    expect(await snapshot(demo)).toBe(before);

    const applied = await ok<ImportApplyResult>(demo.dispatch('import.apply', { previewId: p.previewId }));
    expect(applied).toEqual({ applied: 2, new: 2, changed: 0, undoLabel: 'import.apply' });
    const real = (await demo.values('realisation')).filter((v) => v.year === 2021 && ['P0', 'TPT'].includes(demo.summary.indicators.find((i) => i.id === v.indicatorId)!.code));
    expect(real.map((v) => [v.value, v.source, v.illustrative]).sort()).toEqual([
      [11.9, 'Impor: template.xlsx, Impor!H9', false],
      [4.05, 'Impor: template.xlsx, Impor!H5', false],
    ]);
    const log = await ok<ChangeLogEntry[]>(demo.dispatch('changelog.list', { limit: 5 }));
    expect(log.filter((e) => e.action === 'import.apply' && e.kind === 'do').map((e) => [e.indicatorCode, e.year, e.oldValue, e.newValue, e.detail]).sort()).toEqual([
      ['P0', 2021, null, 11.9, 'Impor: template.xlsx, Impor!H9'],
      ['TPT', 2021, null, 4.05, 'Impor: template.xlsx, Impor!H5'],
    ]);

    // One undo step takes both back.
    expect(await ok<HistoryState>(demo.dispatch('history.state', {}))).toMatchObject({ canUndo: true, undoLabel: 'import.apply' });
    const undone = await ok<HistoryStep>(demo.dispatch('history.undo', {}));
    expect(undone.step?.label).toBe('import.apply');
    const in2021 = async () => (await demo.values('realisation')).filter((v) => v.year === 2021).map((v) => v.value).sort((a, b) => a - b);
    expect(await in2021()).toEqual([1.52, 68.86]);
    const undoLog = await ok<ChangeLogEntry[]>(demo.dispatch('changelog.list', { limit: 3 }));
    expect(undoLog.filter((e) => e.action === 'import.apply' && e.kind === 'undo').map((e) => [e.indicatorCode, e.oldValue, e.newValue]).sort()).toEqual([
      ['P0', 11.9, null],
      ['TPT', 4.05, null],
    ]);
    await ok(demo.dispatch('history.redo', {}));
    expect(await in2021()).toEqual([1.52, 4.05, 11.9, 68.86]);
    demo.close();
  });

  it('refuses a stale preview (the workbook changed since) and a preview already applied', async () => {
    const demo = await demoWithUsulan();
    const file = path.join(tempDir(), 'template.xlsx');
    fs.writeFileSync(file, await filledTemplate(demo));
    // A justification changes nothing the preview compared (values and targets): still current.
    const kept = await preview(demo, { path: file });
    await ok(demo.dispatch('justification.set', { scenarioId: demo.usulan.id, indicatorId: demo.ind('TPT').id, text: 'Catatan baru yang lebih panjang' }));
    await ok(demo.dispatch('history.undo', {}));
    expect(await demo.dispatch('import.apply', { previewId: kept.previewId })).toMatchObject({ ok: true });
    await ok(demo.dispatch('history.undo', {}));
    // A target edited since the preview: the preview no longer says what would change.
    const p = await preview(demo, { path: file });
    await ok(demo.dispatch('targets.set', { scenarioId: demo.usulan.id, action: 'target.edit', cells: [{ indicatorId: demo.ind('TPT').id, year: 2022, value: 4.5 }] }));
    expect(await demo.dispatch('import.apply', { previewId: p.previewId })).toMatchObject({ ok: false, code: 'stale' });
    const again = await preview(demo, { path: file });
    await ok(demo.dispatch('import.apply', { previewId: again.previewId }));
    expect(await demo.dispatch('import.apply', { previewId: again.previewId })).toMatchObject({ ok: false, code: 'not_found' });
    demo.close();
  });

  it('imports revised targets into a chosen scenario, marking them entered', async () => {
    const demo = await demoWithUsulan();
    const csv = 'Kode;Indikator;Satuan;2021;2023\nP0;;%;12,6;10,2\n';
    const p = await preview(demo, { name: 'target.csv', base64: b64(csv) }, { series: 'revised_target', scenarioId: demo.usulan.id });
    expect(p.scenario).toEqual({ id: demo.usulan.id, name: 'Perubahan 2021' });
    expect(p.unchanged).toBe(1);
    expect(p.changed.map((c) => [c.indicatorCode, c.year, c.oldValue, c.newValue, c.scenarioId])).toEqual([['P0', 2023, 10.5, 10.2, demo.usulan.id]]);
    await ok(demo.dispatch('import.apply', { previewId: p.previewId }));
    const t = await ok<{ targets: { indicatorId: number; year: number; value: number; origin: string }[] }>(demo.dispatch('scenario.targets', { scenarioId: demo.usulan.id }));
    expect(t.targets.find((x) => x.indicatorId === demo.ind('P0').id && x.year === 2023)).toMatchObject({ value: 10.2, origin: 'entered' });
    expect(await demo.dispatch('import.preview', { source: { name: 'x.csv', base64: b64(csv) }, target: { series: 'revised_target' } })).toMatchObject({ ok: false, code: 'bad_input' });
    demo.close();
  });
});

describe('import: CSV', () => {
  it('semicolons, a BOM, CRLF and id-ID numbers (12,05 and 77.000)', async () => {
    const demo = await demoWithUsulan();
    const csv = '\uFEFFIndikator;Satuan;2021;2022\r\nPersentase Penduduk Miskin;%;12,05;11,12\r\njumlah  PENDUDUK miskin;jiwa;77.000;\r\n\r\n';
    const p = await preview(demo, { name: 'bps.csv', base64: b64(csv) });
    expect(p.new.map((c) => [c.indicatorCode, c.year, c.newValue, c.column, c.row])).toEqual([
      ['P0', 2021, 12.05, 'C', 2],
      ['JPM', 2021, 77000, 'C', 3],
    ]);
    expect(p.unchanged).toBe(1); // P0 2022 = 11,12 already
    expect(p.rejected).toEqual([]);
    demo.close();
  });

  it('commas with quoted decimals, English names and accents ignored', async () => {
    const demo = await demoWithUsulan();
    const csv = 'Indicator,Unit,2021\n"Poverty rate (P0)",%,"12,05"\n"Índeks Pembangunan Manusia",indeks,68.86\n';
    const p = await preview(demo, { name: 'en.csv', base64: b64(csv) });
    expect(p.new.map((c) => [c.indicatorCode, c.newValue])).toEqual([['P0', 12.05]]);
    expect(p.unchanged).toBe(1);
    demo.close();
  });

  it('BPS footnote marks are stripped and noted with their cell', async () => {
    const demo = await demoWithUsulan();
    const csv = 'Indikator;Satuan;2020;2021;2022\nP0;%;12,32*;12,01ᵉ;11,12\nTPT;%;;;4,1**\n';
    const p = await preview(demo, { name: 'bps.csv', base64: b64(csv) });
    expect(p.new.map((c) => [c.indicatorCode, c.year, c.newValue, c.footnote])).toEqual([
      ['P0', 2021, 12.01, 'ᵉ'],
      ['TPT', 2022, 4.1, '**'],
    ]);
    expect(p.unchanged).toBe(2);
    expect(p.notices.filter((n) => n.code === 'footnote_stripped').map((n) => `${n.sheet}!${n.column}${n.row}`)).toEqual(['CSV!C2', 'CSV!D2', 'CSV!E3']);
    const applied = await ok<ImportApplyResult>(demo.dispatch('import.apply', { previewId: p.previewId }));
    expect(applied.applied).toBe(2);
    const log = await ok<ChangeLogEntry[]>(demo.dispatch('changelog.list', { limit: 2 }));
    expect(log.map((e) => e.detail).sort()).toEqual(['Impor: bps.csv, CSV!D2 (catatan kaki "ᵉ" dibuang)', 'Impor: bps.csv, CSV!E3 (catatan kaki "**" dibuang)']);
    demo.close();
  });

  it('a file that is not UTF-8 is refused with advice', async () => {
    const demo = await demoWithUsulan();
    const latin1 = Buffer.from('Indikator;Satuan;2021\nIndeks Pembangunan Manusia;indeks;68,86\nCatatan: \xe9\n', 'latin1');
    const r = await demo.dispatch('import.preview', { source: { name: 'lama.csv', base64: b64(latin1) } });
    expect(r).toMatchObject({ ok: false, code: 'refused_file', params: { reason: 'not_utf8' } });
    expect(!r.ok && r.message).toMatch(/CSV UTF-8/);
    demo.close();
  });
});

describe('import: round trip of our own annex', () => {
  it('export, then import into a copy (Save As): zero changes; an edited cell: one change', async () => {
    const demo = await demoWithUsulan();
    const dir = tempDir();
    const annex = path.join(dir, 'lampiran.xlsx');
    await ok(demo.dispatch('annex.export', { path: annex, date: DATE, signer: SIGNER }));
    const copy = await ok<WorkbookSummary>(demo.dispatch('workbook.saveAs', { path: path.join(dir, 'salinan.rpjmd') }));
    expect(copy.fileName).toBe('salinan.rpjmd');

    const p = await preview(demo, { path: annex });
    expect(p.layout).toBe('annex');
    expect(p.scenario?.name).toBe('Perubahan 2021');
    expect([p.new.length, p.changed.length, p.rejected.length]).toEqual([0, 0, 0]);
    // Every baseline, original target, realisation and revised target was read back.
    const all = await demo.values();
    const targets = await ok<{ targets: unknown[] }>(demo.dispatch('scenario.targets', { scenarioId: demo.usulan.id }));
    expect(p.unchanged).toBe(all.filter((v) => v.series !== 'projection').length + targets.targets.length);

    // The English annex reads back the same.
    const en = path.join(dir, 'annex-en.xlsx');
    await ok(demo.dispatch('annex.export', { path: en, date: DATE, language: 'en' }));
    const pe = await preview(demo, { path: en });
    expect([pe.new.length, pe.changed.length, pe.rejected.length, pe.unchanged]).toEqual([0, 0, 0, p.unchanged]);

    const book = await readXlsx(annex);
    const ws = book.getWorksheet('Lampiran II')!;
    let r2020 = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(2).value === 'Persentase Penduduk Miskin' && row.getCell(4).value === 2020) r2020 = r;
    });
    ws.getCell(r2020, 5).value = 12.33;
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    const pc = await preview(demo, { name: 'lampiran-edit.xlsx', base64: b64(edited) });
    expect(pc.changed.map((c) => [c.indicatorCode, c.year, c.series, c.oldValue, c.newValue, `${c.sheet}!${c.column}${c.row}`])).toEqual([
      ['P0', 2020, 'realisation', 12.32, 12.33, `Lampiran II!E${r2020}`],
    ]);
    demo.close();
  });

  it('an annex naming a scenario this workbook lacks: Menjadi skipped with a located rejection, the rest read', async () => {
    const demo = await demoWithUsulan();
    const annex = path.join(tempDir(), 'lampiran.xlsx');
    await ok(demo.dispatch('annex.export', { path: annex, date: DATE }));
    await ok(demo.dispatch('scenario.update', { scenarioId: demo.usulan.id, name: 'Nama lain' }));
    const p = await preview(demo, { path: annex });
    expect(p.scenario).toBeNull();
    expect(p.rejected.map((r) => [r.sheet, r.row, r.column, r.code])).toEqual([['Lampiran I', 4, 'A', 'unknown_scenario']]);
    expect([p.new.length, p.changed.length]).toEqual([0, 0]);
    demo.close();
  });
});

describe('import: hostile and unsupported files (nothing written, no prototype pollution)', () => {
  const refused = async (demo: Demo, source: unknown, reason: string, message: RegExp) => {
    const r = await demo.dispatch('import.preview', { source });
    expect(r).toMatchObject({ ok: false, code: 'refused_file', params: { reason } });
    expect(!r.ok && r.message).toMatch(message);
  };

  it('a file over 10 MB (path and upload)', async () => {
    const demo = await demoWithUsulan();
    const before = await snapshot(demo);
    const big = path.join(tempDir(), 'besar.csv');
    fs.writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
    await refused(demo, { path: big }, 'too_large', /at most 10 MB can be imported/);
    await refused(demo, { name: 'besar.csv', base64: fs.readFileSync(big).toString('base64') }, 'too_large', /10 MB/);
    expect(await snapshot(demo)).toBe(before);
    demo.close();
  });

  it('more than 200.000 cells (CSV, and .xlsx before exceljs loads it)', async () => {
    const demo = await demoWithUsulan();
    const row = `${Array(200).fill('1').join(';')}\n`;
    await refused(demo, { name: 'banyak.csv', base64: b64(`Indikator;Satuan;2021\n${row.repeat(1001)}`) }, 'too_many_cells', /more than 200,000 cells/);
    const rows = Array.from({ length: 7700 }, () => Array.from({ length: 26 }, () => 1));
    await refused(demo, { name: 'banyak.xlsx', base64: b64(zip(workbookParts(sheetXml(rows)))) }, 'too_many_cells', /more than 200,000 cells/);
    demo.close();
  });

  it('a merged range over the whole sheet, and data validation over a million cells (the exceljs memory blow-up)', async () => {
    const demo = await demoWithUsulan();
    const header = [['Indikator', 'Satuan', 2021]];
    const merged = sheetXml(header, '<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>');
    await refused(demo, { name: 'gabung.xlsx', base64: b64(zip(workbookParts(merged))) }, 'too_many_merges', /merged ranges covering/);
    const validation = sheetXml(header, '<dataValidations count="1"><dataValidation type="whole" sqref="A2:C1048576"><formula1>0</formula1></dataValidation></dataValidations>');
    await refused(demo, { name: 'validasi.xlsx', base64: b64(zip(workbookParts(validation))) }, 'too_many_merges', /data-validation/);
    demo.close();
  });

  it('zip bombs: a part declared over 50 MB, and a part lying about its size', async () => {
    const demo = await demoWithUsulan();
    const huge = sheetXml([['Indikator', 'Satuan', 2021]]).replace('<sheetData>', `<sheetData>${' '.repeat(51 * 1024 * 1024)}`);
    await refused(demo, { name: 'bom.xlsx', base64: b64(zip(workbookParts(huge))) }, 'too_large', /larger than 50 MB unpacked/);
    await refused(demo, { name: 'bohong.xlsx', base64: b64(zip(workbookParts(huge, { sheetDeclaredSize: 1000 }))) }, 'too_large', /unpacks to more than 50 MB/);
    demo.close();
  });

  it('macros: .xlsm by extension, a macro-enabled content type, a vbaProject part', async () => {
    const demo = await demoWithUsulan();
    const sheet = sheetXml([['Indikator', 'Satuan', 2021], ['P0', '%', 12.05]]);
    const plain = zip(workbookParts(sheet));
    // The same bytes import fine as .xlsx (so the refusals below are about macros only)…
    expect((await preview(demo, { name: 'ok.xlsx', base64: b64(plain) })).new).toHaveLength(1);
    await refused(demo, { name: 'makro.xlsm', base64: b64(plain) }, 'macros', /\.xlsm files are not imported/);
    await refused(demo, { name: 'makro.xlsx', base64: b64(zip(workbookParts(sheet, { mainType: MACRO_MAIN }))) }, 'macros', /macro-enabled/);
    await refused(demo, { name: 'vba.xlsx', base64: b64(zip(workbookParts(sheet, { extraParts: [{ name: 'xl/vbaProject.bin', data: Buffer.alloc(64) }] }))) }, 'macros', /contains macros/);
    await refused(demo, { name: 'lama.xls', base64: b64(Buffer.from('d0cf11e0a1b11ae1', 'hex')) }, 'macros', /\.xls files/);
    await refused(demo, { name: 'palsu.xlsx', base64: b64('Indikator;Satuan\n') }, 'not_xlsx', /not a valid \.xlsx/);
    await refused(demo, { name: 'nama.csv', base64: b64(plain) }, 'not_csv', /spreadsheet file named \.csv/);
    demo.close();
  });

  it('cells named __proto__ / constructor with notes: located rejections, notes ignored, no pollution, nothing written', async () => {
    const demo = await demoWithUsulan();
    const before = await snapshot(demo);
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Data');
    ws.addRow(['Indikator', 'Satuan', 2021]);
    ws.addRow(['__proto__', '%', 5]);
    ws.addRow(['constructor', '%', 6]);
    ws.addRow(['Persentase Penduduk Miskin', '%', '{"__proto__":{"polluted":"yes"}}']);
    ws.getCell('A2').note = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';
    ws.getCell('C4').note = '__proto__';
    const p = await preview(demo, { name: 'jahat.xlsx', base64: b64(Buffer.from(await book.xlsx.writeBuffer())) });
    expect(p.rejected.map((r) => [r.sheet, r.row, r.column, r.code])).toEqual([
      ['Data', 2, 'A', 'unknown_indicator'],
      ['Data', 3, 'A', 'unknown_indicator'],
      ['Data', 4, 'C', 'not_a_number'],
    ]);
    expect(p.notices.filter((n) => n.code === 'note_ignored').map((n) => `${n.row}${n.column}`)).toEqual(['2A', '4C']);
    expect([p.new.length, p.changed.length]).toEqual([0, 0]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    await ok(demo.dispatch('import.apply', { previewId: p.previewId }));
    expect(await snapshot(demo)).toBe(before);
    demo.close();
  });

  it('a sheet without a header row is refused with advice; a preview needs an open workbook', async () => {
    const demo = await demoWithUsulan();
    const r = await demo.dispatch('import.preview', { source: { name: 'acak.csv', base64: b64('a;b\n1;2\n') } });
    expect(r).toMatchObject({ ok: false, code: 'bad_input', params: { reason: 'no_layout' } });
    await ok(demo.dispatch('workbook.close', {}));
    expect(await demo.dispatch('import.preview', { source: { name: 'x.csv', base64: b64('a') } })).toMatchObject({ ok: false, code: 'no_workbook' });
    demo.close();
  });
});
