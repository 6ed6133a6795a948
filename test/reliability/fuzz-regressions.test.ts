/** What the hostile-file fuzz (fuzz.test.ts) found, each pinned as a fixed case. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/result.js';
import { previewImport } from '../../electron/annex/import.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { Workbook } from '../../electron/workbook/store.js';
import { listing, sha256, tempDir } from '../helpers/files.js';
import { sheetXml, workbookParts, zip } from '../helpers/xlsx-craft.js';
import { makeCase } from './fuzz-cases.js';
import { buildCorpus } from './fuzz-corpus.js';

let wb: Workbook;
let file: string;

beforeAll(async () => {
  file = path.join(tempDir('rpjmd-fuzzreg-'), 'demo.rpjmd');
  wb = await createDemoWorkbook(file);
});
afterAll(() => wb.close());

async function refusedReason(name: string, bytes: Buffer): Promise<string> {
  try {
    await previewImport(wb, name, bytes, { series: 'realisation' });
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain(name);
    return String((err as AppError).params?.reason ?? (err as AppError).code);
  }
  throw new Error(`${name} was read`);
}

const header = sheetXml([['Indikator', 'Satuan', 2021], ['P0', '%', 12.5]]);

describe('fuzz regressions', () => {
  it("a defined name pointing at a sheet called '__proto__' is refused (exceljs 4.4 wrote into Object.prototype)", async () => {
    const parts = workbookParts(header);
    const book = parts.find((p) => p.name === 'xl/workbook.xml')!;
    book.data = String(book.data).replace('</workbook>', `<definedNames><definedName name="x">'__proto__'!$A$1</definedName></definedNames></workbook>`);
    expect(await refusedReason('nama.xlsx', zip(parts))).toBe('damaged');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('1');
    expect(({} as Record<number, unknown>)[1]).toBeUndefined();
  });

  it('a part other than a sheet lying about its unpacked size is measured, not trusted (exceljs inflated it whole)', async () => {
    const spaces = Buffer.alloc(120 << 20, 0x20);
    spaces.write('<?xml version="1.0"?><sst>', 0);
    const parts = workbookParts(header, { extraParts: [{ name: 'xl/sharedStrings.xml', data: spaces, declaredSize: 500 }] });
    expect(await refusedReason('bom.xlsx', zip(parts))).toBe('too_large');
  });

  it('a column range past XFD is refused (exceljs built a column object per number: out of memory)', async () => {
    const cols = header.replace('<sheetData>', '<cols><col min="1" max="100000000" width="9"/></cols><sheetData>');
    expect(await refusedReason('kolom.xlsx', zip(workbookParts(cols)))).toBe('damaged');
  });

  it('a row or cell past XFD1048576 is refused (exceljs walked 100 million array holes: 8 s)', async () => {
    const far = header.replace('</sheetData>', '<row r="99999999"><c r="A99999999"><v>1</v></c></row></sheetData>');
    expect(await refusedReason('jauh.xlsx', zip(workbookParts(far)))).toBe('damaged');
    const wide = header.replace('</sheetData>', '<row r="3"><c r="ZZZZZ3"><v>1</v></c></row></sheetData>');
    expect(await refusedReason('lebar.xlsx', zip(workbookParts(wide)))).toBe('damaged');
  });

  it('a million empty rows are refused before exceljs builds them', async () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 3}"/>`).join('');
    const sheet = header.replace('</sheetData>', `${rows}</sheetData>`);
    expect(await refusedReason('sejuta.xlsx', zip(workbookParts(sheet)))).toBe('too_many_cells');
  });

  it('a huge text in a value cell is a located rejection at once (the number parser is quadratic on long space runs)', async () => {
    const csv = `Indikator;Satuan;2021\nP0;%;Skenario: P${' '.repeat(1_000_000)}x\n`;
    const t0 = performance.now();
    const p = await previewImport(wb, 'panjang.csv', Buffer.from(csv), { series: 'realisation' });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(p.rejected.map((r) => [r.sheet, r.row, r.column, r.code])).toEqual([['CSV', 2, 'C', 'not_a_number']]);
    expect(p.rejected[0]!.message).toMatch(/^CSV!C2: /);
  });

  it('a workbook whose schema SQL is damaged is refused with its name, untouched, nothing left beside it', async () => {
    const dir = tempDir('rpjmd-fuzzreg-store-');
    const bad = path.join(dir, 'rusak.rpjmd');
    const bytes = fs.readFileSync(file);
    // "CREATE TABLE value (" becomes "CREATE TABLE value )": the schema no longer compiles.
    let hits = 0;
    for (let at = bytes.indexOf('CREATE TABLE value ('); at >= 0; at = bytes.indexOf('CREATE TABLE value (', at + 1), hits++) {
      bytes.write(')', at + 'CREATE TABLE value '.length, 'latin1');
    }
    expect(hits).toBeGreaterThan(0);
    fs.writeFileSync(bad, bytes);
    const before = sha256(bad);
    const err = await Workbook.open(bad).then(
      (w) => (w.close(), null),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('refused_corrupt');
    expect((err as AppError).message).toContain('rusak.rpjmd');
    expect(sha256(bad)).toBe(before);
    expect(listing(dir)).toEqual(['rusak.rpjmd']);
  });

  it('seed 952318690 case 996 is generated in milliseconds (a 300 000-letter text, then an attribute edit whose pattern was quadratic, ran for minutes between two cases: "fuzz child failed outside a case")', async () => {
    const { corpus } = await buildCorpus(tempDir('rpjmd-fuzzreg-corpus-'));
    const t0 = performance.now();
    const c = makeCase(952318690, 996, corpus);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(c).toMatchObject({ kind: 'import', label: 'xlsx/xml-mutation', fileName: 'lampiran.xlsx' });
    // The file itself: refused with its name, at once, and nothing of its reading left running.
    const t1 = performance.now();
    expect(await refusedReason('lampiran.xlsx', c.bytes)).toBeTruthy();
    expect(performance.now() - t1).toBeLessThan(5000);
    await expectNothingLeft();
  }, 60_000);

  it('thousands of unclosed tags before a long text are scanned once, not once each (the zip guard took minutes on a 4 KB file), and nothing runs on after the answer', async () => {
    for (const tag of ['<c ', '<row ', '<col ', '<f ', '<mergeCell ref="', '<dataValidation sqref="']) {
      const sheet = header.replace('</sheetData>', `</sheetData>${tag.repeat(4000)}${'A'.repeat(4_000_000)}`);
      const bytes = zip(workbookParts(sheet));
      expect(bytes.length).toBeLessThan(10_000);
      const t0 = performance.now();
      await previewImport(wb, 'tag.xlsx', bytes, { series: 'realisation' }).then(
        () => expect.unreachable(`${tag}: read`),
        (err: unknown) => {
          expect(err, tag).toBeInstanceOf(AppError);
          expect((err as AppError).message).toContain('tag.xlsx');
        },
      );
      expect(performance.now() - t0, tag).toBeLessThan(3000);
      await expectNothingLeft();
    }
  }, 120_000);
});

/** After an answer, the process is idle: no CPU spent on work the case left behind. */
async function expectNothingLeft(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const cpu0 = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const cpu = process.cpuUsage(cpu0);
  expect((cpu.user + cpu.system) / 1000).toBeLessThan(150);
}
