/** `npm run cli -- export|import|check`: the bundled command line (dist/node/cli.mjs) run as a user would. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../shared/domain.js';
import { tempDir } from '../helpers/files.js';
import { demoWithUsulan, ok, readXlsx } from '../helpers/annex.js';

const entry = path.resolve('dist/node/cli.mjs');

function cli(args: string[], home: string) {
  return spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, RPJMD_WORKBENCH_HOME: home } });
}

/** A copy of the demo with an usulan and a draft that fails a check (a changed target without a justification). */
async function workbookFile(): Promise<{ file: string; dir: string; home: string }> {
  const demo = await demoWithUsulan();
  const draft = await ok<Scenario>(demo.dispatch('scenario.create', { name: 'Draf tanpa alasan', from: { kind: 'original' } }));
  await ok(demo.dispatch('targets.set', { scenarioId: draft.id, action: 'target.edit', cells: [{ indicatorId: demo.ind('TPT').id, year: 2021, value: 5.5 }] }));
  const dir = tempDir('rpjmd-cli-');
  const file = path.join(dir, 'muara-enim.rpjmd');
  await ok(demo.dispatch('workbook.saveAs', { path: file }));
  demo.close(); // releases the write lock: the CLI is another process
  return { file, dir, home: tempDir('rpjmd-cli-home-') };
}

describe('cli', () => {
  it('has been built (test/setup/build-node.ts builds it)', () => {
    expect(fs.existsSync(entry)).toBe(true);
  });

  it('export writes the usulan annex; import --dry-run of it prints 0 changes and writes nothing', async () => {
    const { file, dir, home } = await workbookFile();
    const out = path.join(dir, 'lampiran.xlsx');
    const exp = cli(['export', '--workbook', file, '--out', out, '--paper', 'F4', '--date', '2021-08-23', '--signer-name', 'Ir. H. Kurniawan, M.Si', '--signer-title', 'Pj. Bupati Muara Enim', '--signer-nip', '19700101 199503 1 001'], home);
    expect(exp.stderr).toBe('');
    expect(exp.status).toBe(0);
    expect(exp.stdout).toContain(`Annex written: ${out}`);
    expect(exp.stdout).toContain('scenario: Perubahan 2021');
    const book = await readXlsx(out);
    expect(book.getWorksheet('Lampiran I')!.pageSetup.paperSize).toBe(14);

    // Refuses to overwrite without --force.
    const again = cli(['export', '--workbook', file, '--out', out], home);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(cli(['export', '--workbook', file, '--out', out, '--force'], home).status).toBe(0);

    const before = fs.readFileSync(file);
    const dry = cli(['import', '--workbook', file, '--from', out, '--dry-run'], home);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/layout: annex, scenario "Perubahan 2021"/);
    expect(dry.stdout).toMatch(/new: 0\n {2}changed: 0\n {2}unchanged: \d+\n {2}rejected: 0\n/);
    expect(dry.stdout).toContain('0 changes.');
    expect(dry.stdout).toContain('Dry run: nothing written.');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('import with a rejected cell writes nothing and exits 1, naming the cell; --partial writes the valid cells, exits 0 and still lists the rejected', async () => {
    const { file, dir, home } = await workbookFile();
    const csv = path.join(dir, 'bps.csv');
    fs.writeFileSync(csv, '\uFEFFIndikator;Satuan;2021;2022\nPersentase Penduduk Miskin;%;12,05*;11,12\nIndeks Kebahagiaan;indeks;70;\n');
    const dry = cli(['import', '--workbook', file, '--from', csv, '--dry-run'], home);
    expect(dry.stdout).toContain('  numbers: decimal comma (decided by CSV!C2 "12,05*")');
    expect(dry.stdout).toContain('+ new      P0 2021 realisation: – → 12,05 provisional  (CSV!C2, BPS mark "*": angka sementara)');
    expect(dry.stdout).toContain('! rejected CSV!A3 [unknown_indicator]');
    expect(dry.stdout).toContain('1 changes.');
    expect(dry.status).toBe(1); // as the import itself would exit

    const before = fs.readFileSync(file);
    const refused = cli(['import', '--workbook', file, '--from', csv], home);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('! rejected CSV!A3 [unknown_indicator] CSV!A3: no indicator matches "Indeks Kebahagiaan"');
    expect(refused.stdout).toContain('Nothing written: 1 rejected cell(s) (listed above). Correct the file, or run with --partial to write the 1 valid change(s) without them.');
    expect(refused.stdout).not.toContain('Written:');
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    const partial = cli(['import', '--workbook', file, '--from', csv, '--partial'], home);
    expect(partial.status).toBe(0);
    expect(partial.stdout).toContain('! rejected CSV!A3 [unknown_indicator]');
    expect(partial.stdout).toContain('Written: 1 cells (1 new, 0 changed) as one undo step (import.apply).');
    expect(partial.stdout).toContain('Not written: 1 rejected cell(s) (--partial).');
    const after = cli(['import', '--workbook', file, '--from', csv, '--dry-run', '--partial'], home);
    expect(after.status).toBe(0);
    expect(after.stdout).toContain('0 changes.');
  });

  it('import of an English-format CSV: "80,100" people becomes 80.100 when "12.32" shows the decimal point; with nothing deciding it is refused, located, never 80,1', async () => {
    const { file, dir, home } = await workbookFile();
    const decided = path.join(dir, 'bps-en.csv');
    fs.writeFileSync(decided, 'Indicator,Unit,2021\n"Poverty rate (P0)",%,12.32\n"Number of poor people",people,"80,100"\n');
    const run = cli(['import', '--workbook', file, '--from', decided], home);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  numbers: decimal point, thousands "," (decided by CSV!C2 "12.32")');
    expect(run.stdout).toContain('+ new      JPM 2021 realisation: – → 80.100  (CSV!C3)');
    expect(run.stdout).toContain('Written: 2 cells (2 new, 0 changed)');

    const alone = path.join(dir, 'hanya-jumlah.csv');
    fs.writeFileSync(alone, 'Indicator,Unit,2022\n"Number of poor people",people,"80,100"\n');
    const before = fs.readFileSync(file);
    const refused = cli(['import', '--workbook', file, '--from', alone], home);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('  numbers: decimal comma (id-ID) assumed: no cell shows which convention the file uses');
    expect(refused.stdout).toContain('! rejected CSV!C2 [too_many_decimals] CSV!C2: 80.1 has more decimals than JPM keeps (0) ("80,100" read with a decimal comma: 80,1;');
    expect(refused.stdout).toContain('Nothing written');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('check: exit 0 without error-level findings, 1 with; export of the failing scenario is refused with exit 1', async () => {
    const { file, dir, home } = await workbookFile();
    const good = cli(['check', '--workbook', file], home);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/^Checks of scenario "Perubahan 2021" in muara-enim\.rpjmd: 0 errors, \d+ warnings/);
    expect(good.stdout).toMatch(/WARNING P0 2021 \[loosening\] Persentase Penduduk Miskin 2021 dilonggarkan/);

    const bad = cli(['check', '--workbook', file, '--scenario', 'Draf tanpa alasan', '--lang', 'en'], home);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/ERROR {3}TPT 2021 \[justification_missing\] Open unemployment rate 2021 changed \(4,20 → 5,50\) without a justification/);

    const refused = cli(['export', '--workbook', file, '--scenario', 'Draf tanpa alasan', '--out', path.join(dir, 'x.xlsx')], home);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/Cannot export the annex: 1 error/);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);

    const unknown = cli(['check', '--workbook', file, '--scenario', 'Tidak ada'], home);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no scenario named "Tidak ada" \(scenarios: "Perubahan 2021", "Draf tanpa alasan"\)/);
  });

  it('--help on each command; usage errors exit 2', () => {
    const home = tempDir();
    for (const [args, text] of [[['--help'], /Commands:/], [['export', '--help'], /--out FILE\.xlsx/], [['import', '--help'], /--partial {12}write the valid cells even when others are rejected/], [['check', '--help'], /Exit code 1 when an error-level check fails/]] as const) {
      const r = cli([...args], home);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(text);
    }
    expect(cli([], home).status).toBe(2);
    const unknown = cli(['frobnicate'], home);
    expect([unknown.status, unknown.stderr]).toEqual([2, 'cli: unknown command "frobnicate" (commands: export, import, check, feasibility, province)\n']);
    expect(cli(['export', '--workbook', 'x.rpjmd'], home).stderr).toMatch(/--out is required/);
    expect(cli(['export', '--bogus'], home).status).toBe(2);
    expect(cli(['check', '--workbook', path.join(home, 'missing.rpjmd')], home).stderr).toMatch(/not found/i);
  });
});
