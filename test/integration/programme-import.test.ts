/**
 * Issue 17 item 2: a programme list imported from a spreadsheet, recognised by its header
 * (Program | Klaster | Perangkat Daerah | Tahun | Rumah Tangga Sasaran | Manfaat per Rumah Tangga
 * per Bulan (Rp) | Ketepatan Sasaran (%) [| Anggaran] [| Sumber]) whatever series was picked:
 * preview (nothing written), apply (one 'programme.save' step merging the file's years), undo.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportApplyResult, ImportPreview, ImportProgramme } from '../../shared/annex.js';
import type { ChangeLogEntry, HistoryState, Programme } from '../../shared/domain.js';
import { horizonOf } from '../../shared/domain.js';
import { demoWithUsulan, ok, type Demo } from '../helpers/annex.js';

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64');

const HEADER = 'Program;Klaster;Perangkat Daerah;Tahun;Rumah Tangga Sasaran;Manfaat per Rumah Tangga per Bulan (Rp);Ketepatan Sasaran (%);Anggaran;Sumber';
const BSTD = 'Bantuan Sosial Tunai Daerah (uji)';
const PUM = 'Pelatihan Usaha Mikro (uji)';

/** Semicolons and decimal commas, as Excel writes a CSV on an Indonesian Windows. */
const CSV = [
  HEADER,
  `${BSTD};Bantuan Sosial;Dinas Sosial;2022;1.250;Rp 250.000;80 %;Rp 3.750.000.000;DPA Dinas Sosial 2022`,
  `${BSTD};Bantuan Sosial;Dinas Sosial;2023;1.400;Rp 250.000;82,5;;`,
  `${PUM};usaha_mikro;Dinas Koperasi dan UKM;2023;300;150.000;65;450.000.000;DPA Dinas Koperasi 2023`,
].join('\r\n');

async function preview(demo: Demo, name: string, bytes: Buffer | string, target: unknown = { series: 'realisation' }): Promise<ImportPreview> {
  return ok<ImportPreview>(demo.dispatch('import.preview', { source: { name, base64: b64(bytes) }, target }));
}

const ours = (list: Programme[]) => list.filter((p) => [BSTD, PUM].some((n) => n.toLowerCase() === p.name.toLowerCase()));
const byName = (p: ImportPreview, name: string) => p.programmes!.programmes.find((x) => x.name === name)!;
const rows = (p: ImportProgramme) => p.years.map((y) => [y.year, y.status, y.oldValues && [y.oldValues.households, y.oldValues.benefit, y.oldValues.accuracy, y.oldValues.budget], [y.newValues.households, y.newValues.benefit, y.newValues.accuracy, y.newValues.budget]]);

describe('import: a programme list', () => {
  it('CSV (semicolon, decimal comma): preview numbers exact, merged into a stored programme; apply is one step; undo removes it', async () => {
    const demo = await demoWithUsulan();
    // A stored programme with 2021 and 2022: the file changes 2022, adds 2023 and leaves 2021 alone.
    await ok(demo.dispatch('programmes.save', {
      name: BSTD.toUpperCase(), cluster: 'bantuan_sosial', strategy: 'pendapatan', agency: 'Dinas Sosial', benefitKind: 'transfer', source: 'Renja 2021',
      years: [
        { year: 2021, households: 1_000, benefit: 200_000, accuracy: 75, budget: 2_400_000_000, source: 'DPA 2021' },
        { year: 2022, households: 1_100, benefit: 200_000, accuracy: 75, budget: null, source: 'Renja 2022' },
      ],
    }));
    const before = await ok<Programme[]>(demo.dispatch('programmes.list', {}));

    // Whatever series the caller picked — even revised targets of the frozen proposal — the header decides.
    const p = await preview(demo, 'program.csv', CSV, { series: 'revised_target', scenarioId: demo.usulan.id });
    expect(p.layout).toBe('programmes');
    expect(p.rejected).toEqual([]);
    expect([p.new.length, p.changed.length, p.unchanged, p.scenario]).toEqual([0, 0, 0, null]);
    expect(p.convention).toMatchObject({ decimal: ',', thousands: '.', decidedBy: { sheet: 'CSV', row: 2, column: 'H', text: '3.750.000.000' } });
    expect(p.programmes).toMatchObject({ new: 2, changed: 1, unchanged: 0, changes: 3 });

    const bstd = byName(p, BSTD.toUpperCase());
    expect(bstd).toMatchObject({ sheet: 'CSV', row: 2, column: 'A', status: 'changed', cluster: 'bantuan_sosial', strategy: 'pendapatan', strategyDefaulted: false, agency: 'Dinas Sosial' });
    expect(bstd.programmeId).toBe(before.find((x) => x.name === BSTD.toUpperCase())!.id);
    expect(rows(bstd)).toEqual([
      [2022, 'changed', [1_100, 200_000, 75, null], [1_250, 250_000, 80, 3_750_000_000]],
      [2023, 'new', null, [1_400, 250_000, 82.5, null]],
    ]);
    expect(bstd.years.map((y) => [`${y.sheet}!${y.column}${y.row}`, y.newValues.source])).toEqual([
      ['CSV!D2', 'DPA Dinas Sosial 2022'],
      ['CSV!D3', 'Impor: program.csv, CSV!D3'],
    ]);
    const pum = byName(p, PUM);
    expect(pum).toMatchObject({ programmeId: null, status: 'new', cluster: 'usaha_mikro', strategy: 'pendapatan', strategyDefaulted: true, agency: 'Dinas Koperasi dan UKM', old: null });
    expect(rows(pum)).toEqual([[2023, 'new', null, [300, 150_000, 65, 450_000_000]]]);
    // The strategy is not in the header: defaulted from the cluster, and said.
    expect(p.notices.filter((n) => n.code === 'strategy_defaulted')).toEqual([
      expect.objectContaining({ sheet: 'CSV', row: 4, column: 'B', params: { programme: PUM, cluster: 'usaha_mikro', strategy: 'pendapatan' } }),
    ]);
    // Nothing written by the preview.
    expect(await ok<Programme[]>(demo.dispatch('programmes.list', {}))).toEqual(before);

    const applied = await ok<ImportApplyResult>(demo.dispatch('import.apply', { previewId: p.previewId }));
    expect(applied).toEqual({ applied: 3, new: 2, changed: 1, undoLabel: 'programme.save' });
    const after = ours(await ok<Programme[]>(demo.dispatch('programmes.list', {})));
    expect(after.map((x) => [x.name, x.cluster, x.strategy, x.agency, x.benefitKind, x.illustrative, x.years.map((y) => [y.year, y.households, y.benefit, y.accuracy, y.budget, y.source])])).toEqual([
      [BSTD.toUpperCase(), 'bantuan_sosial', 'pendapatan', 'Dinas Sosial', 'transfer', false, [
        [2021, 1_000, 200_000, 75, 2_400_000_000, 'DPA 2021'],
        [2022, 1_250, 250_000, 80, 3_750_000_000, 'DPA Dinas Sosial 2022'],
        [2023, 1_400, 250_000, 82.5, null, 'Impor: program.csv, CSV!D3'],
      ]],
      [PUM, 'usaha_mikro', 'pendapatan', 'Dinas Koperasi dan UKM', 'transfer', false, [[2023, 300, 150_000, 65, 450_000_000, 'DPA Dinas Koperasi 2023']]],
    ]);
    expect((await ok<HistoryState>(demo.dispatch('history.state', {}))).undoLabel).toBe('programme.save');
    const log = await ok<ChangeLogEntry[]>(demo.dispatch('changelog.list', { limit: 10 }));
    expect(log.find((e) => e.action === 'programme.save')?.detail).toContain('Impor: program.csv');

    // The same file again: nothing to write.
    const again = await preview(demo, 'program.csv', CSV);
    expect(again.programmes).toMatchObject({ new: 0, changed: 0, unchanged: 3, changes: 0 });
    expect(again.notices.filter((n) => n.code === 'strategy_defaulted')).toEqual([]);

    // One undo step takes the whole import back.
    await ok(demo.dispatch('history.undo', {}));
    expect(await ok<Programme[]>(demo.dispatch('programmes.list', {}))).toEqual(before);
    demo.close();
  });

  it('xlsx (numbers stored as numbers, percent format, English header on another sheet): the same preview; a programme save makes it stale', async () => {
    const demo = await demoWithUsulan();
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Catatan').getCell('A1').value = 'Daftar program penanggulangan kemiskinan';
    const ws = book.addWorksheet('Program');
    ws.getCell('A1').value = 'Rencana intervensi 2022–2023';
    ws.addRow([]);
    ws.addRow(['PROGRAMME', 'cluster', 'Agency', 'YEAR', 'Households', 'Benefit per household per month (Rp)', 'Targeting  Accuracy (%)', 'Budget', 'Source']);
    ws.addRow([PUM, 'Usaha Mikro', 'Dinas Koperasi dan UKM', 2022, 250, 150_000, 0.6, 375_000_000, 'DPA 2022']);
    ws.addRow([PUM, 'Usaha Mikro', 'Dinas Koperasi dan UKM', 2023, 300, 150_000, 0.65, null, null]);
    ws.addRow(['Posyandu Keluarga Miskin (uji)', 'Layanan Dasar', 'Dinas Kesehatan', 2023, 2_000, 50_000, 0.7, null, null]);
    ws.getColumn(7).numFmt = '0%';
    const bytes = Buffer.from(await book.xlsx.writeBuffer());

    const p = await preview(demo, 'program.xlsx', bytes);
    expect(p.layout).toBe('programmes');
    expect(p.rejected).toEqual([]);
    expect(p.convention).toBeNull();
    expect(p.programmes!.programmes.map((x) => [x.name, x.cluster, x.strategy, x.status, x.years.map((y) => [y.year, y.newValues.households, y.newValues.benefit, y.newValues.accuracy, y.newValues.budget])])).toEqual([
      [PUM, 'usaha_mikro', 'pendapatan', 'new', [[2022, 250, 150_000, 60, 375_000_000], [2023, 300, 150_000, 65, null]]],
      ['Posyandu Keluarga Miskin (uji)', 'layanan_dasar', 'kantong_kemiskinan', 'new', [[2023, 2_000, 50_000, 70, null]]],
    ]);
    expect(p.programmes!.programmes[0]).toMatchObject({ sheet: 'Program', row: 4, column: 'A' });
    expect(p.notices.filter((n) => n.code === 'percent_format').map((n) => `${n.sheet}!${n.column}${n.row}`)).toEqual(['Program!G4', 'Program!G5', 'Program!G6']);

    // Any programme write in between makes the preview stale (shared/changes.ts makesImportStale).
    await ok(demo.dispatch('programmes.save', { name: 'Lain (uji)', cluster: 'pemberdayaan', strategy: 'pendapatan', agency: 'Bappeda', benefitKind: 'income', source: 'uji', years: [] }));
    expect(await demo.dispatch('import.apply', { previewId: p.previewId })).toMatchObject({ ok: false, code: 'stale' });
    const fresh = await preview(demo, 'program.xlsx', bytes);
    expect(await ok<ImportApplyResult>(demo.dispatch('import.apply', { previewId: fresh.previewId }))).toMatchObject({ applied: 3, new: 3, undoLabel: 'programme.save' });
    expect((await ok<Programme[]>(demo.dispatch('programmes.list', {}))).find((x) => x.name === PUM)!.years.map((y) => y.accuracy)).toEqual([60, 65]);
    demo.close();
  });

  it('each bad cell is rejected with sheet, row, column, a code and its params; the good rows stay', async () => {
    const demo = await demoWithUsulan();
    const plan = demo.summary.plan;
    const csv = [
      HEADER,
      'Program Baik (uji);Pemberdayaan;Dinas PMD;2022;100;100.000;90;;',
      'Program Buruk (uji);Klaster Lain;Dinas X;2030;12,5;abc;120;-5;',
      ';Pemberdayaan;Dinas PMD;2022;100;100.000;90;;',
      'Program Baik (uji);Pemberdayaan;Dinas PMD;2022;100;100.000;90;;',
      'Program Baik (uji);Usaha Mikro;Dinas PMD;2023;100;100.000;90;;',
      'Program Kosong (uji);;Dinas PMD;2023;;100.000;90;;',
      'Program Rupiah (uji);layanan_dasar;Dinas PMD;2023;10;Rp 1.500,50;90;;',
    ].join('\n');
    const p = await preview(demo, 'program-buruk.csv', csv);
    expect(p.layout).toBe('programmes');
    const got = p.rejected.map((r) => [`${r.sheet}!${r.column}${r.row}`, r.code, r.params]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(got).toEqual([
      ['CSV!A4', 'missing_value', { field: 'program' }],
      ['CSV!B3', 'unknown_cluster', { field: 'cluster', programme: 'Program Buruk (uji)', text: 'Klaster Lain' }],
      ['CSV!B6', 'programme_conflict', { field: 'cluster', programme: 'Program Baik (uji)', first: 'CSV!B2', text: 'Usaha Mikro' }],
      ['CSV!B7', 'missing_value', { field: 'cluster', programme: 'Program Kosong (uji)' }],
      ['CSV!D3', 'year_outside_plan', { field: 'year', programme: 'Program Buruk (uji)', year: '2030', from: String(plan.firstYear), to: String(horizonOf(plan)) }],
      ['CSV!D5', 'duplicate', { field: 'year', programme: 'Program Baik (uji)', code: 'Program Baik (uji)', year: '2022' }],
      ['CSV!E3', 'too_many_decimals', { field: 'households', programme: 'Program Buruk (uji)', number: '12.5', decimals: '0' }],
      ['CSV!E7', 'missing_value', { field: 'households', programme: 'Program Kosong (uji)' }],
      ['CSV!F3', 'not_a_number', { text: 'abc' }],
      ['CSV!F8', 'too_many_decimals', { field: 'benefit', programme: 'Program Rupiah (uji)', number: '1500.5', decimals: '0' }],
      ['CSV!G3', 'out_of_range', { field: 'accuracy', programme: 'Program Buruk (uji)', number: '120', min: '0', max: '100', unit: '%' }],
      ['CSV!H3', 'out_of_range', { field: 'budget', programme: 'Program Buruk (uji)', number: '-5', min: '0', max: '', unit: 'Rp' }],
    ]);
    for (const r of p.rejected) expect(r.message).toContain(`${r.sheet}!${r.column}${r.row}`);
    expect(p.programmes!.programmes.map((x) => [x.name, x.years.map((y) => y.year)])).toEqual([['Program Baik (uji)', [2022]]]);
    demo.close();
  });

  it('a header missing a required column is not this layout: the usual "no layout" refusal, naming what it lacks', async () => {
    const demo = await demoWithUsulan();
    const csv = ['Program;Klaster;Perangkat Daerah;Tahun;Rumah Tangga Sasaran;Manfaat per Rumah Tangga per Bulan (Rp);Anggaran', 'PKH;Bantuan Sosial;Dinas Sosial;2022;100;250.000;1.000'].join('\n');
    const r = await demo.dispatch('import.preview', { source: { name: 'kurang.csv', base64: b64(csv) } });
    expect(r).toMatchObject({ ok: false, code: 'bad_input', params: { reason: 'no_layout', missing: 'Ketepatan Sasaran (%)' } });
    // "Manfaat" alone is not the contract's header word either.
    const loose = await demo.dispatch('import.preview', { source: { name: 'longgar.csv', base64: b64(HEADER.replace('Manfaat per Rumah Tangga per Bulan (Rp)', 'Manfaat') + '\nPKH;Bantuan Sosial;Dinas Sosial;2022;100;250.000;80;;') } });
    expect(loose).toMatchObject({ ok: false, params: { reason: 'no_layout' } });
    demo.close();
  });
});
