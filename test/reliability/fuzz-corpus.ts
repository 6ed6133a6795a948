/**
 * The seed files of the hostile-file fuzz (fuzz.test.ts, fuzz-child.ts): our annex in both
 * languages, the template empty and filled, CSVs, and the demo workbook file, built from the demo
 * workbook with a revision scenario. Kept apart from the child so a regression test can build the
 * same corpus and replay one case (makeCase) in process.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { annexBuffer } from '../../electron/annex/export.js';
import { buildTemplate } from '../../electron/annex/template.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { createScenario } from '../../electron/workbook/editors/scenarios.js';
import { setJustification, setTargets } from '../../electron/workbook/editors/targets.js';
import { checkScenario } from '../../electron/services/checks.js';
import { annexModels } from '../../electron/services/annex.js';
import { CRAFTED_SCHEMAS, type Corpus } from './fuzz-cases.js';


/** Builds the corpus in `dir`; `file` is the demo workbook (with the scenario) that imports preview against. */
export async function buildCorpus(dir: string): Promise<{ corpus: Corpus; file: string }> {
  const file = path.join(dir, 'demo.rpjmd');
  const wb = await createDemoWorkbook(file);
  const actor = { user: 'fuzz' };
  const s = createScenario(wb, actor, 'Perubahan 2021', 'fuzz', { kind: 'original' });
  const p0 = wb.indicators().find((i) => i.code === 'P0')!;
  setTargets(wb, actor, s.id, [{ indicatorId: p0.id, year: 2021, value: 12.6 }], 'target.edit');
  setJustification(wb, actor, s.id, p0.id, 'Dampak pandemi COVID-19');
  const signer = { name: 'Ir. H. Kurniawan, M.Si', title: 'Pj. Bupati Muara Enim', nip: '19700101 199503 1 001' };
  const annex = (language: 'id' | 'en') => annexBuffer(wb, { scenarioId: s.id, language, paper: 'A4', signer, date: '2021-08-23' }, checkScenario(wb, s.id), ...annexModels(wb, s.id));
  const template = await buildTemplate(wb, 'id');
  const filled = new ExcelJS.Workbook();
  await filled.xlsx.load(template.buffer as unknown as ArrayBuffer);
  const ws = filled.worksheets[0]!;
  ws.getCell('H9').value = 11.9;
  ws.getCell('H5').value = '4,05';
  ws.getCell('B16').value = 'Indeks Kebahagiaan';
  ws.getCell('H16').value = 70;
  ws.getCell('I6').value = { formula: 'H6*1', result: 69.1 };
  ws.getCell('I11').value = 140;
  ws.getCell('G9').note = '{"__proto__":{"polluted":"yes"}}';
  const xlsx = [
    { name: 'lampiran.xlsx', bytes: (await annex('id')).buffer },
    { name: 'annex-en.xlsx', bytes: (await annex('en')).buffer },
    { name: 'templat.xlsx', bytes: template.buffer },
    { name: 'templat-isi.xlsx', bytes: Buffer.from(await filled.xlsx.writeBuffer()) },
  ];
  const csv = [
    { name: 'bps.csv', bytes: Buffer.from('\uFEFFIndikator;Satuan;2020;2021;2022\r\nPersentase Penduduk Miskin;%;12,32*;12,05;11,12\r\njumlah  PENDUDUK miskin;jiwa;79.270;77.000;\r\nTPT;%;;;4,1**\r\n') },
    { name: 'en.csv', bytes: Buffer.from('Indicator,Unit,2021,2022\n"Poverty rate (P0)",%,"12,05",11.5\n"Índeks Pembangunan Manusia",indeks,68.86,69.1\n') },
    { name: 'target.csv', bytes: Buffer.from('Kode;Indikator;Satuan;2019;2020;2021;2022;2023\nP0;;%;13;12,9;12,6;12,1;10,2\nIPM;;indeks;67;67,5;68;68,5;69\nGR;;indeks;0,32;0,31;0,3;0,3;0,29\n') },
  ];
  wb.close();
  const copy = path.join(dir, 'pristine.rpjmd');
  fs.copyFileSync(file, copy);
  // Crafted schemas: the same file given a schema or plan of its own by plain SQLite, as
  // test/integration/hostile-workbook.test.ts makes them (built aside, then removed).
  const craftDir = path.join(dir, 'crafted');
  fs.mkdirSync(craftDir, { recursive: true });
  const crafted = CRAFTED_SCHEMAS.map(({ label, sql }) => {
    const f = path.join(craftDir, `${label}.rpjmd`);
    fs.copyFileSync(copy, f);
    const db = new Database(f);
    db.exec(sql);
    db.close();
    return { label, bytes: fs.readFileSync(f) };
  });
  fs.rmSync(craftDir, { recursive: true, force: true });
  return { corpus: { xlsx, csv, workbook: fs.readFileSync(copy), crafted }, file };
}
