/** Spreadsheet import: preview (nothing written), apply (one undo step), hostile files refused. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportApplyResult, ImportCell, ImportPreview } from '../../shared/annex.js';
import type { ChangeLogEntry, HistoryState, WorkbookSummary } from '../../shared/domain.js';
import type { HistoryStep } from '../../shared/api/contract.js';
import { tempDir } from '../helpers/files.js';
import { DATE, SIGNER, demoWithUsulan, findCell, ok, readXlsx, toDraft, type Demo } from '../helpers/annex.js';
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

/** The template filled in: rows found by their code (the standard set grows), one cell per case. */
async function filledTemplate(demo: Demo): Promise<{ buffer: Buffer; row: Record<'TPT' | 'IPM' | 'P0' | 'P0E' | 'extra', number> }> {
  const t = await ok<{ fileName: string; base64: string }>(demo.dispatch('import.template', {}));
  expect(t.fileName).toBe('Templat-impor-Kabupaten-Muara-Enim.xlsx');
  const book = await readXlsx(Buffer.from(t.base64, 'base64'));
  const ws = book.getWorksheet('Impor')!;
  expect(['A3', 'B3', 'C3', 'D3', 'J3'].map((a) => ws.getCell(a).value)).toEqual(['Kode', 'Indikator', 'Satuan', 2017, 2023]);
  const codes = new Map<string, number>();
  ws.eachRow((r, n) => {
    if (n > 3 && typeof r.getCell(1).value === 'string') codes.set(r.getCell(1).value as string, n);
  });
  const row = { TPT: codes.get('TPT')!, IPM: codes.get('IPM')!, P0: codes.get('P0')!, P0E: codes.get('P0E')!, extra: Math.max(...codes.values()) + 1 };
  expect([ws.getCell(`B${row.P0}`).value, ws.getCell(`C${row.P0}`).value]).toEqual(['Persentase Penduduk Miskin', '%']);
  ws.getCell(`H${row.P0}`).value = 11.9; // P0 2021: valid, a number
  ws.getCell(`H${row.TPT}`).value = '4,05'; // TPT 2021: valid, id-ID text
  ws.getCell(`B${row.extra}`).value = 'Indeks Kebahagiaan'; // unknown indicator…
  ws.getCell(`H${row.extra}`).value = 70; // …with a number
  ws.getCell(`I${row.IPM}`).value = 'belum rilis'; // IPM 2022: text
  ws.getCell(`I${row.P0E}`).value = 140; // P0E 2022: a rate of 140 %
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), row };
}

describe('import: template', () => {
  it('2 valid rows, 1 unknown indicator, 1 text cell, 1 rate of 140: 2 changes and 3 located rejections; nothing written until confirmed', async () => {
    const demo = await demoWithUsulan();
    const before = await snapshot(demo);
    const { buffer, row } = await filledTemplate(demo);
    const p = await preview(demo, { name: 'template.xlsx', base64: b64(buffer) });
    expect(p.layout).toBe('template');
    expect(p.new.map((c) => [c.indicatorCode, c.year, c.series, c.oldValue, c.newValue, `${c.sheet}!${c.column}${c.row}`])).toEqual([
      ['TPT', 2021, 'realisation', null, 4.05, `Impor!H${row.TPT}`],
      ['P0', 2021, 'realisation', null, 11.9, `Impor!H${row.P0}`],
    ]);
    expect(p.changed).toEqual([]);
    expect(p.rejected.map((r) => [r.sheet, r.row, r.column, r.code])).toEqual([
      ['Impor', row.IPM, 'I', 'not_a_number'],
      ['Impor', row.P0E, 'I', 'out_of_range'],
      ['Impor', row.extra, 'B', 'unknown_indicator'],
    ]);
    // "4,05" is the only number written as text: its decimal comma decides the file's convention.
    expect(p.convention).toEqual({ decimal: ',', thousands: null, decidedBy: { sheet: 'Impor', row: row.TPT, column: 'H', text: '4,05' } });
    expect(p.encoding).toBeNull();
    expect(p.rejected[2]!.message).toMatch(/Indeks Kebahagiaan/);
    expect(await snapshot(demo)).toBe(before);

    const applied = await ok<ImportApplyResult>(demo.dispatch('import.apply', { previewId: p.previewId }));
    expect(applied).toEqual({ applied: 2, new: 2, changed: 0, undoLabel: 'import.apply' });
    const real = (await demo.values('realisation')).filter((v) => v.year === 2021 && ['P0', 'TPT'].includes(demo.summary.indicators.find((i) => i.id === v.indicatorId)!.code));
    expect(real.map((v) => [v.value, v.source, v.illustrative]).sort()).toEqual([
      [11.9, `Impor: template.xlsx, Impor!H${row.P0}`, false],
      [4.05, `Impor: template.xlsx, Impor!H${row.TPT}`, false],
    ]);
    const log = await ok<ChangeLogEntry[]>(demo.dispatch('changelog.list', { limit: 5 }));
    expect(log.filter((e) => e.action === 'import.apply' && e.kind === 'do').map((e) => [e.indicatorCode, e.year, e.oldValue, e.newValue, e.detail]).sort()).toEqual([
      ['P0', 2021, null, 11.9, `Impor: template.xlsx, Impor!H${row.P0}`],
      ['TPT', 2021, null, 4.05, `Impor: template.xlsx, Impor!H${row.TPT}`],
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
    await toDraft(demo);
    const file = path.join(tempDir(), 'template.xlsx');
    fs.writeFileSync(file, (await filledTemplate(demo)).buffer);
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
    await toDraft(demo);
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
    expect(p.encoding).toBe('utf-8');
    expect(p.convention).toEqual({ decimal: ',', thousands: '.', decidedBy: { sheet: 'CSV', row: 2, column: 'C', text: '12,05' } });
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

  it('BPS "*" and "**" (angka sementara) are kept as the value\'s status and shown with it; other marks are stripped and noted', async () => {
    const demo = await demoWithUsulan();
    await toDraft(demo);
    const csv = 'Indikator;Satuan;2020;2021;2022\nP0;%;12,32*;12,01ᵉ;11,12\nTPT;%;;;4,1**\n';
    const p = await preview(demo, { name: 'bps.csv', base64: b64(csv) });
    const row = (c: ImportCell) => [c.indicatorCode, c.year, c.oldValue, c.newValue, c.footnote, c.provisional ?? false];
    expect(p.new.map(row)).toEqual([
      ['P0', 2021, null, 12.01, 'ᵉ', false],
      ['TPT', 2022, null, 4.1, '**', true],
    ]);
    // 12,32 is in the workbook already, but not as angka sementara: the mark alone is a change.
    expect(p.changed.map(row)).toEqual([['P0', 2020, 12.32, 12.32, '*', true]]);
    expect(p.unchanged).toBe(1);
    expect(p.notices.filter((n) => n.code === 'footnote_stripped').map((n) => `${n.sheet}!${n.column}${n.row}`)).toEqual(['CSV!D2']);
    const applied = await ok<ImportApplyResult>(demo.dispatch('import.apply', { previewId: p.previewId }));
    expect(applied.applied).toBe(3);
    const status = async () => {
      const code = (id: number) => demo.summary.indicators.find((i) => i.id === id)!.code;
      const wanted = ['P0:2020', 'P0:2021', 'P0:2022', 'TPT:2022'];
      return (await demo.values('realisation')).filter((v) => wanted.includes(`${code(v.indicatorId)}:${v.year}`)).map((v) => [code(v.indicatorId), v.year, v.value, v.provisional]).sort();
    };
    expect(await status()).toEqual([
      ['P0', 2020, 12.32, true],
      ['P0', 2021, 12.01, false],
      ['P0', 2022, 11.12, false],
      ['TPT', 2022, 4.1, true],
    ]);
    const log = await ok<ChangeLogEntry[]>(demo.dispatch('changelog.list', { limit: 3 }));
    expect(log.map((e) => e.detail).sort()).toEqual([
      'Impor: bps.csv, CSV!C2 (angka sementara "*")',
      'Impor: bps.csv, CSV!D2 (catatan kaki "ᵉ" dibuang)',
      'Impor: bps.csv, CSV!E3 (angka sementara "**")',
    ]);

    // BPS's final figure (angka tetap), written without the mark, clears it; a number stored as a number cannot say, so it keeps it.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Data').addRows([['Indikator', 'Satuan', 2020], ['P0', '%', 12.32]]);
    const asNumber = await preview(demo, { name: 'angka.xlsx', base64: b64(Buffer.from(await book.xlsx.writeBuffer())) });
    expect([asNumber.new.length, asNumber.changed.length, asNumber.unchanged, asNumber.convention]).toEqual([0, 0, 1, null]);
    const final = await preview(demo, { name: 'tetap.csv', base64: b64('Indikator;Satuan;2020\nP0;%;12,32\n') });
    expect(final.changed.map((c) => [c.indicatorCode, c.year, c.oldValue, c.newValue, c.oldProvisional, c.provisional])).toEqual([['P0', 2020, 12.32, 12.32, true, undefined]]);
    await ok(demo.dispatch('import.apply', { previewId: final.previewId }));
    expect((await status()).find((v) => v[0] === 'P0' && v[1] === 2020)).toEqual(['P0', 2020, 12.32, false]);

    // A revised target is the planner's own: a mark there is only noted.
    const target = await preview(demo, { name: 't.csv', base64: b64('Kode;Indikator;Satuan;2023\nP0;;%;10,2*\n') }, { series: 'revised_target', scenarioId: demo.usulan.id });
    expect(target.changed.map((c) => [c.newValue, c.footnote, c.provisional])).toEqual([[10.2, '*', undefined]]);
    expect(target.notices.map((n) => n.code)).toEqual(['footnote_stripped']);
    demo.close();
  });

  it('a file that is not UTF-8 is read as Windows-1252 (Excel\'s plain "CSV" on Windows) and the preview says so', async () => {
    const demo = await demoWithUsulan();
    // "Indéks" with é as the single byte 0xE9, and 0x96 — Windows-1252's en dash, a placeholder — in 2022.
    const ansi = Buffer.from('Indikator;Satuan;2021;2022\nIndéks Pembangunan Manusia;indeks;68,86;\u0096\nJumlah Penduduk Miskin;jiwa;;77.000\n', 'latin1');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(ansi)).toThrow();
    const p = await preview(demo, { name: 'excel.csv', base64: b64(ansi) });
    expect(p.encoding).toBe('windows-1252');
    expect(p.notices.filter((n) => n.code === 'encoding_windows_1252').map((n) => [`${n.sheet}!${n.column}${n.row}`, n.message])).toEqual([
      ['CSV!A2', expect.stringContaining('"Indéks Pembangunan Manusia"')],
    ]);
    // The name matched (accents are ignored) and the en dash is an empty cell, not a rejected one.
    expect(p.rejected).toEqual([]);
    expect(p.unchanged).toBe(1);
    expect(p.new.map((c) => [c.indicatorCode, c.year, c.newValue])).toEqual([['JPM', 2022, 77000]]);
    // A UTF-8 file is read as UTF-8.
    const utf8 = await preview(demo, { name: 'utf8.csv', base64: b64('Indikator;Satuan;2021\nIndéks Pembangunan Manusia;indeks;68,86\n') });
    expect([utf8.encoding, utf8.unchanged, utf8.notices]).toEqual(['utf-8', 1, []]);
    demo.close();
  });
});

describe('import: the number convention is decided from the file, never guessed per cell', () => {
  const cells = (p: ImportPreview) => Object.fromEntries([...p.new, ...p.changed].map((c) => [`${c.column}${c.row}`, c.newValue]));
  const rejected = (p: ImportPreview) => p.rejected.map((r) => [`${r.sheet}!${r.column}${r.row}`, r.code]);

  it('an English-format CSV: "80,100" people imports as 80.100, and the preview says the decimal point of "12.32" decided it', async () => {
    const demo = await demoWithUsulan();
    const csv = 'Indicator,Unit,2020,2021\n"Poverty rate (P0)",%,12.32,12.5\n"Number of poor people",people,"79,270","80,100"\n';
    const p = await preview(demo, { name: 'bps-en.csv', base64: b64(csv) });
    expect(p.convention).toEqual({ decimal: '.', thousands: ',', decidedBy: { sheet: 'CSV', row: 2, column: 'C', text: '12.32' } });
    expect(p.rejected).toEqual([]);
    expect(cells(p)).toEqual({ D2: 12.5, D3: 80_100 });
    expect(p.unchanged).toBe(2); // 12,32 % and 79.270 people, as the workbook has them
    await ok(demo.dispatch('import.apply', { previewId: p.previewId }));
    const jpm = (await demo.values('realisation')).find((v) => v.indicatorId === demo.ind('JPM').id && v.year === 2021);
    expect(jpm?.value).toBe(80_100);
    demo.close();
  });

  it('"80,100" people with no cell deciding: id-ID is assumed and said, so it reads 80,1 — refused as a fraction of a person, located; 80,1 is never stored', async () => {
    const demo = await demoWithUsulan();
    const before = await snapshot(demo);
    const p = await preview(demo, { name: 'en.csv', base64: b64('Indicator,Unit,2021\n"Number of poor people",people,"80,100"\n') });
    expect(p.convention).toEqual({ decimal: ',', thousands: null, decidedBy: null });
    expect(p.notices.map((n) => [`${n.sheet}!${n.column}${n.row}`, n.code])).toEqual([['CSV!C2', 'convention_assumed']]);
    expect(rejected(p)).toEqual([['CSV!C2', 'too_many_decimals']]);
    expect(p.rejected[0]!.message).toBe('CSV!C2: 80.1 has more decimals than JPM keeps (0) ("80,100" read with a decimal comma: 80,1; no cell in the file decides, so the id-ID default)');
    expect([p.new, p.changed]).toEqual([[], []]);
    await ok(demo.dispatch('import.apply', { previewId: p.previewId }));
    expect(await snapshot(demo)).toBe(before);
    demo.close();
  });

  it('an id-ID file with one cell typed the English way: that cell is refused, naming the cells that decided; the rest is read id-ID', async () => {
    const demo = await demoWithUsulan();
    const csv = 'Indikator;Satuan;2020;2021\nP0;%;12,31;12,01\nTPT;%;4,11;5.5\nP0E;%;4,45;3,1\nJPM;jiwa;79.271;80.100\n';
    const p = await preview(demo, { name: 'ketik.csv', base64: b64(csv) });
    expect(p.convention).toEqual({ decimal: ',', thousands: '.', decidedBy: { sheet: 'CSV', row: 2, column: 'C', text: '12,31' } });
    expect(rejected(p)).toEqual([['CSV!D3', 'convention_mismatch']]);
    expect(p.rejected[0]!.message).toBe('CSV!D3: "5.5" writes decimals with a decimal point, but column D of CSV writes them with a decimal comma (CSV!D2 "12,01"); correct the cell');
    expect(cells(p)).toEqual({ C2: 12.31, D2: 12.01, C3: 4.11, C4: 4.45, D4: 3.1, C5: 79_271, D5: 80_100 });
    demo.close();
  });

  it('a file that mixes conventions by column: each column is read in its own, stated per column; a column nothing decides has its ambiguous cells refused', async () => {
    const demo = await demoWithUsulan();
    // 2020 id-ID, 2021 English, 2022 split evenly (one each), 2023 only an ambiguous count.
    const csv = 'Indikator;Satuan;2020;2021;2022;2023\nP0;%;12,31;12.5;11,13;\nTPT;%;4,11;5.5;4.2;\nJPM;jiwa;79.271;80,100;77.000;76.500\n';
    const p = await preview(demo, { name: 'campur.csv', base64: b64(csv) });
    const by = (row: number, column: string, text: string) => ({ sheet: 'CSV', row, column, text });
    expect(p.convention).toEqual({
      decimal: ',', thousands: '.', decidedBy: by(2, 'C', '12,31'),
      perColumn: [
        { sheet: 'CSV', column: 'C', decimal: ',', thousands: '.', decidedBy: by(2, 'C', '12,31') },
        { sheet: 'CSV', column: 'D', decimal: '.', thousands: ',', decidedBy: by(2, 'D', '12.5') },
        { sheet: 'CSV', column: 'E', decimal: null, thousands: null, decidedBy: null },
        { sheet: 'CSV', column: 'F', decimal: null, thousands: null, decidedBy: null },
      ],
    });
    expect(cells(p)).toEqual({ C2: 12.31, D2: 12.5, E2: 11.13, C3: 4.11, D3: 5.5, E3: 4.2, C4: 79_271, D4: 80_100 });
    expect(rejected(p)).toEqual([['CSV!E4', 'ambiguous_number'], ['CSV!F4', 'ambiguous_number']]);
    expect(p.rejected[0]!.message).toBe('CSV!E4: "77.000" is 77.000 with a decimal comma or 77 with a decimal point, and the file writes decimals both ways (CSV!E2 "11,13"; CSV!E3 "4.2") with no cell deciding column E; write it unambiguously');
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
    // Every baseline, original target, realisation published by the revision date (23 August 2021:
    // up to 2020; later ones are monitoring, not in the revision annex) and revised target was read back.
    const all = await demo.values();
    const targets = await ok<{ targets: unknown[] }>(demo.dispatch('scenario.targets', { scenarioId: demo.usulan.id }));
    const inAnnex = all.filter((v) => v.series !== 'projection' && !(v.series === 'realisation' && v.year > 2020));
    expect(p.unchanged).toBe(inAnnex.length + targets.targets.length);

    // The English annex reads back the same.
    const en = path.join(dir, 'annex-en.xlsx');
    await ok(demo.dispatch('annex.export', { path: en, date: DATE, language: 'en' }));
    const pe = await preview(demo, { path: en });
    expect([pe.new.length, pe.changed.length, pe.rejected.length, pe.unchanged]).toEqual([0, 0, 0, p.unchanged]);

    const book = await readXlsx(annex);
    const ws = book.getWorksheet('Lampiran II')!;
    let r2020 = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(2).value === 'Persentase Penduduk Miskin' && String(row.getCell(4).value) === '2020') r2020 = r;
    });
    ws.getCell(r2020, 5).value = 12.33;
    const edited = Buffer.from(await book.xlsx.writeBuffer());
    const pc = await preview(demo, { name: 'lampiran-edit.xlsx', base64: b64(edited) });
    expect(pc.changed.map((c) => [c.indicatorCode, c.year, c.series, c.oldValue, c.newValue, `${c.sheet}!${c.column}${c.row}`])).toEqual([
      ['P0', 2020, 'realisation', 12.32, 12.33, `Lampiran II!E${r2020}`],
    ]);
    demo.close();
  });

  it('export → import into a fresh scenario reproduces the targets and the justifications (shown in the preview), in one undo step, with no finding added', async () => {
    const demo = await demoWithUsulan();
    const { dispatch, usulan } = demo;
    const annex = path.join(tempDir(), 'lampiran.xlsx');
    await ok(dispatch('annex.export', { path: annex, date: DATE, signer: SIGNER }));
    const fresh = await ok<{ id: number; name: string }>(dispatch('scenario.create', { name: 'Dari lampiran', from: { kind: 'original' } }));
    const p = await preview(demo, { path: annex }, { series: 'revised_target', scenarioId: fresh.id });
    expect(p.layout).toBe('annex');
    expect(p.scenario).toEqual({ id: fresh.id, name: 'Dari lampiran' });
    expect(p.rejected).toEqual([]);
    // The raised P0 and JPM targets are the changes; the P0 justification comes with them.
    expect(p.changed.filter((c) => c.series === 'revised_target').map((c) => c.indicatorCode).sort()).toEqual(['JPM', 'JPM', 'P0', 'P0']);
    expect(p.justifications?.map((j) => [j.indicatorCode, j.oldText, j.newText.slice(0, 23), `${j.sheet}!${j.column}`])).toEqual([['P0', null, 'Dampak pandemi COVID-19', 'Lampiran I!G']]);
    expect(p.responsibleUnits).toEqual([]);
    await ok(dispatch('import.apply', { previewId: p.previewId }));
    const [a, b] = await Promise.all([usulan.id, fresh.id].map((id) => ok<{ targets: { indicatorId: number; year: number; value: number }[]; justifications: { indicatorId: number; text: string }[] }>(dispatch('scenario.targets', { scenarioId: id }))));
    const values = (t: typeof a) => t!.targets.map((x) => `${x.indicatorId}:${x.year}:${x.value}`).sort();
    expect(values(b)).toEqual(values(a));
    expect(b!.justifications.map((j) => [j.indicatorId, j.text])).toEqual(a!.justifications.map((j) => [j.indicatorId, j.text]));
    const findings = async (id: number) => (await ok<{ findings: { checkId: string; indicatorCode: string; year: number | null }[] }>(dispatch('checks.run', { scenarioId: id }))).findings.map((f) => `${f.checkId}:${f.indicatorCode}:${f.year}`).sort();
    expect(await findings(fresh.id)).toEqual(await findings(usulan.id));
    // One undo step takes targets and justification back together.
    await ok(dispatch('history.undo', {}));
    const undone = await ok<{ justifications: unknown[]; targets: { indicatorId: number; year: number; value: number }[] }>(dispatch('scenario.targets', { scenarioId: fresh.id }));
    expect(undone.justifications).toEqual([]);
    expect(undone.targets.find((t) => t.indicatorId === demo.ind('P0').id && t.year === 2021)?.value).toBe(11.3);
    demo.close();
  });

  it('a Perangkat Daerah changed in the annex comes back with it', async () => {
    const demo = await demoWithUsulan();
    const annex = path.join(tempDir(), 'lampiran.xlsx');
    await ok(demo.dispatch('annex.export', { path: annex, date: DATE }));
    const book = await readXlsx(annex);
    const ws = book.getWorksheet('Lampiran I')!;
    const at = findCell(ws, (t) => t === 'Tingkat Pengangguran Terbuka')!;
    ws.getCell(at[0], 4).value = 'Dinas Tenaga Kerja';
    const p = await preview(demo, { name: 'pd.xlsx', base64: b64(Buffer.from(await book.xlsx.writeBuffer())) });
    expect(p.responsibleUnits?.map((u) => [u.indicatorCode, u.newValue, `${u.column}${u.row}`])).toEqual([['TPT', 'Dinas Tenaga Kerja', `D${at[0]}`]]);
    await ok(demo.dispatch('import.apply', { previewId: p.previewId }));
    const summary = (await ok<WorkbookSummary | null>(demo.dispatch('workbook.current', {})))!;
    expect(summary.indicators.find((i) => i.code === 'TPT')?.responsibleUnit).toBe('Dinas Tenaga Kerja');
    demo.close();
  });

  it('an annex naming a scenario this workbook lacks: Menjadi skipped with a located rejection, the rest read', async () => {
    const demo = await demoWithUsulan();
    const annex = path.join(tempDir(), 'lampiran.xlsx');
    await ok(demo.dispatch('annex.export', { path: annex, date: DATE }));
    await ok(demo.dispatch('scenario.update', { scenarioId: demo.usulan.id, name: 'Nama lain' }));
    const p = await preview(demo, { path: annex });
    expect(p.scenario).toBeNull();
    const line = findCell((await readXlsx(annex)).getWorksheet('Lampiran I')!, (t) => t.startsWith('Skenario: '))!;
    expect(p.rejected.map((r) => [r.sheet, r.row, r.column, r.code])).toEqual([['Lampiran I', line[0], 'A', 'unknown_scenario']]);
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
