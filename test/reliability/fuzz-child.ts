/**
 * The process the fuzz test (fuzz.test.ts) runs cases in, so that a hang or a native crash kills
 * only this process and the parent can name the case. Usage:
 *   node fuzz-child.mjs <seed> <from> <to> <workDir>
 * Prints `S <i> <label>` before case i and `D <json>` after it (outcome, milliseconds); `P <i>` when the
 * case polluted a prototype (then exits, since the pollution would taint every later case), and
 * `END` after the last case.
 *
 * Outcomes: located (an AppError whose message names the file), correct (a well-formed preview, or
 * a workbook that opens and reads), and the failures: unlocated (any other error, or an AppError
 * that does not say which file), malformed (a preview with an unlocated or non-finite item),
 * unexpected (a file that must be refused was read), slow (over the time bound), bad-write.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { IMPORT_NOTICES, IMPORT_REJECTIONS, type ImportPreview } from '../../shared/annex.js';
import { AppError } from '../../shared/api/result.js';
import { annexBuffer } from '../../electron/annex/export.js';
import { previewImport } from '../../electron/annex/import.js';
import { buildTemplate } from '../../electron/annex/template.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { LATEST_VERSION } from '../../electron/workbook/migrations.js';
import { Workbook } from '../../electron/workbook/store.js';
import { createScenario } from '../../electron/workbook/editors/scenarios.js';
import { setJustification, setTargets } from '../../electron/workbook/editors/targets.js';
import { checkScenario } from '../../electron/services/checks.js';
import { makeCase, type Corpus, type FuzzCase, type ImportCase, type StoreCase } from './fuzz-cases.js';

const [seedText, fromText, toText, workDir] = process.argv.slice(2) as [string, string, string, string];
const seed = Number(seedText);
/** A case must end within this (the parent's watchdog kills a child silent for longer). */
export const CASE_BOUND_MS = Number(process.env.FUZZ_CASE_MS ?? 15_000);

const out = (line: string) => process.stdout.write(`${line}\n`);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

// ---------------------------------------------------------------- prototype pollution

const GUARDED: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Object', Object],
  ['Array', Array],
];
for (const name of Object.getOwnPropertyNames(Object.prototype)) {
  const v = (Object.prototype as Record<string, unknown>)[name];
  if (typeof v === 'function') GUARDED.push([`Object.prototype.${name}`, v]);
}

function protoSnapshot(): string {
  return GUARDED.map(([name, o]) => {
    const props = Reflect.ownKeys(o).map((k) => {
      const d = Object.getOwnPropertyDescriptor(o, k)!;
      return `${String(k)}:${typeof d.value === 'function' || typeof d.value === 'object' ? typeof d.value : String(d.value)}${d.get ? 'g' : ''}${d.set ? 's' : ''}`;
    });
    return `${name}{${props.sort().join(',')}}${String(Object.getPrototypeOf(o) === null)}`;
  }).join('\n');
}

function polluted(baseline: string, probes: readonly string[]): string | null {
  const now = protoSnapshot();
  if (now !== baseline) {
    const before = new Set(baseline.split('\n'));
    return now.split('\n').filter((l) => !before.has(l)).join(' | ').slice(0, 400);
  }
  const empty = {} as Record<string, unknown>;
  for (const k of probes) {
    if (k === 'polluted' && (empty.polluted !== undefined || ([] as unknown as Record<string, unknown>).polluted !== undefined)) return 'polluted probe set';
    if (k !== 'polluted' && typeof empty[k] !== 'function') return `${k} replaced on objects`;
  }
  if (empty[1] !== undefined || empty[0] !== undefined) return 'numeric key on Object.prototype';
  return null;
}

// ---------------------------------------------------------------- the corpus

async function buildCorpus(dir: string): Promise<{ corpus: Corpus; file: string }> {
  const file = path.join(dir, 'demo.rpjmd');
  const wb = await createDemoWorkbook(file);
  const actor = { user: 'fuzz' };
  const s = createScenario(wb, actor, 'Perubahan 2021', 'fuzz', { kind: 'original' });
  const p0 = wb.indicators().find((i) => i.code === 'P0')!;
  setTargets(wb, actor, s.id, [{ indicatorId: p0.id, year: 2021, value: 12.6 }], 'target.edit');
  setJustification(wb, actor, s.id, p0.id, 'Dampak pandemi COVID-19');
  const signer = { name: 'Ir. H. Kurniawan, M.Si', title: 'Pj. Bupati Muara Enim', nip: '19700101 199503 1 001' };
  const annex = (language: 'id' | 'en') => annexBuffer(wb, { scenarioId: s.id, language, paper: 'A4', signer, date: '2021-08-23' }, checkScenario(wb, s.id));
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
  return { corpus: { xlsx, csv, workbook: fs.readFileSync(copy) }, file };
}

// ---------------------------------------------------------------- checks

const LOCATION = /^[A-Z]{1,3}$/;

/** What makes a preview "correct" for a hostile file: every item located and every number finite. */
function malformed(p: ImportPreview | Omit<ImportPreview, 'previewId'>): string | null {
  const isInt = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!['annex', 'template'].includes(p.layout)) return `layout ${String(p.layout)}`;
  if (!isInt(p.unchanged)) return 'unchanged not a count';
  for (const c of [...p.new, ...p.changed]) {
    if (typeof c.sheet !== 'string' || !isInt(c.row) || c.row < 1 || !LOCATION.test(c.column)) return `cell without a location: ${JSON.stringify(c).slice(0, 200)}`;
    if (!Number.isFinite(c.newValue) || (c.oldValue !== null && !Number.isFinite(c.oldValue))) return `non-finite value at ${c.sheet}!${c.column}${c.row}`;
    if (!Number.isInteger(c.year) || !Number.isInteger(c.indicatorId)) return `bad year/indicator at ${c.sheet}!${c.column}${c.row}`;
  }
  for (const r of p.rejected) {
    if (!(IMPORT_REJECTIONS as readonly string[]).includes(r.code)) return `unknown rejection code ${r.code}`;
    if (typeof r.sheet !== 'string' || !isInt(r.row) || r.row < 1 || !LOCATION.test(r.column)) return `rejection without a location: ${JSON.stringify(r).slice(0, 200)}`;
    if (typeof r.message !== 'string' || !r.message.includes(`${r.sheet}!${r.column}${r.row}`)) return `rejection message does not name its cell: ${r.message.slice(0, 200)}`;
  }
  for (const n of p.notices) {
    if (!(IMPORT_NOTICES as readonly string[]).includes(n.code)) return `unknown notice code ${n.code}`;
    if (typeof n.message !== 'string' || !n.message) return 'notice without a message';
    if (n.code !== 'too_many_rejections' && (!isInt(n.row) || n.row < 1 || !LOCATION.test(n.column))) return `notice without a location: ${JSON.stringify(n).slice(0, 200)}`;
  }
  JSON.stringify(p); // must serialise (the preview crosses IPC)
  return null;
}

function located(err: unknown, fileName: string): { ok: true; code: string } | { ok: false; detail: string } {
  if (!(err instanceof AppError)) return { ok: false, detail: `${(err as Error)?.name ?? typeof err}: ${String((err as Error)?.message ?? err).slice(0, 300)}` };
  if (!err.message || !err.message.includes(fileName)) return { ok: false, detail: `AppError ${err.code} without the file name: ${err.message.slice(0, 300)}` };
  return { ok: true, code: err.code };
}

interface Result {
  i: number;
  label: string;
  outcome: 'located' | 'correct' | 'unlocated' | 'malformed' | 'unexpected' | 'slow' | 'bad-write';
  ms: number;
  code?: string;
  detail?: string;
}

async function runImport(c: ImportCase, wb: Workbook, wbFile: string, dir: string): Promise<Omit<Result, 'i' | 'ms' | 'label'>> {
  const before = sha(fs.readFileSync(wbFile));
  const listing = fs.readdirSync(dir).sort().join('/');
  let res: Omit<Result, 'i' | 'ms' | 'label'>;
  try {
    const p = await previewImport(wb, c.fileName, c.bytes, { series: c.series });
    const bad = malformed(p);
    if (bad) res = { outcome: 'malformed', detail: bad };
    else if (c.mustRefuse) res = { outcome: 'unexpected', detail: `read (${p.new.length} new, ${p.changed.length} changed, ${p.rejected.length} rejected) instead of refused` };
    else res = { outcome: 'correct' };
  } catch (err) {
    const l = located(err, c.fileName);
    if (!l.ok) res = { outcome: 'unlocated', detail: l.detail };
    else if (c.mustRefuse && l.code !== 'refused_file') res = { outcome: 'unexpected', code: l.code, detail: `${l.code} instead of refused_file` };
    else res = { outcome: 'located', code: l.code };
  }
  if (sha(fs.readFileSync(wbFile)) !== before) return { outcome: 'bad-write', detail: 'the workbook file changed during a preview' };
  const after = fs.readdirSync(dir).sort().join('/');
  if (after !== listing) return { outcome: 'bad-write', detail: `files beside the workbook changed: ${listing} -> ${after}` };
  return res;
}

async function runStore(c: StoreCase, dir: string): Promise<Omit<Result, 'i' | 'ms' | 'label'>> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const name = 'mutasi.rpjmd';
  const file = path.join(dir, name);
  fs.writeFileSync(file, c.bytes);
  const before = sha(c.bytes);
  let res: Omit<Result, 'i' | 'ms' | 'label'>;
  const headerVersion = c.bytes.length >= 100 ? c.bytes.readUInt32BE(60) : -1;
  try {
    const wb = await Workbook.open(file);
    try {
      // A workbook that opens must read as one: summary, values, scenarios and targets.
      const summary = wb.summary();
      wb.values();
      for (const s of summary.scenarios) wb.reads.targets(s.id);
      res = { outcome: 'correct' };
    } catch (err) {
      const l = located(err, name);
      res = l.ok ? { outcome: 'located', code: l.code } : { outcome: 'unlocated', detail: `read after open: ${l.detail}` };
    } finally {
      wb.close();
    }
    const files = fs.readdirSync(dir).filter((f) => f !== name);
    const migrated = headerVersion < LATEST_VERSION;
    const stray = files.filter((f) => !(migrated && f.startsWith(`${name}.v`) && f.includes('-backup-')));
    if (stray.length) return { outcome: 'bad-write', detail: `left beside an opened file: ${stray.join(', ')}` };
    const changed = sha(fs.readFileSync(file)) !== before;
    // An open may rewrite the file only to upgrade it or to leave WAL mode (journal_mode = DELETE).
    if (changed && !migrated && c.bytes[18] !== 2 && c.bytes[19] !== 2) return { outcome: 'bad-write', detail: 'an opened file changed without a migration' };
    return res;
  } catch (err) {
    const l = located(err, name);
    res = l.ok ? { outcome: 'located', code: l.code } : { outcome: 'unlocated', detail: `open: ${l.detail}` };
  }
  // Refused: untouched and nothing beside it.
  if (!fs.existsSync(file) || sha(fs.readFileSync(file)) !== before) return { outcome: 'bad-write', detail: `refused (${res.code ?? res.detail}) but the file changed` };
  const files = fs.readdirSync(dir).filter((f) => f !== name);
  if (files.length) return { outcome: 'bad-write', detail: `refused (${res.code ?? res.detail}) but left ${files.join(', ')}` };
  return res;
}

async function main(): Promise<void> {
  const seedDir = path.join(workDir, 'seed');
  fs.mkdirSync(seedDir, { recursive: true });
  const { corpus, file } = await buildCorpus(seedDir);
  const wb = await Workbook.open(file);
  const storeDir = path.join(workDir, 'store');
  const baseline = protoSnapshot();
  const only = process.env.FUZZ_ONLY !== undefined ? new Set(process.env.FUZZ_ONLY.split(',').map(Number)) : null;
  for (let i = Number(fromText); i < Number(toText); i++) {
    if (only && !only.has(i)) continue;
    const c: FuzzCase = makeCase(seed, i, corpus);
    if (process.env.FUZZ_DUMP) fs.writeFileSync(path.join(process.env.FUZZ_DUMP, `case-${i}-${c.kind === 'import' ? c.fileName : 'mutasi.rpjmd'}`), c.bytes);
    out(`S ${i} ${c.label}`);
    const t0 = performance.now();
    const res = c.kind === 'import' ? await runImport(c, wb, file, seedDir) : await runStore(c, storeDir);
    const ms = Math.round(performance.now() - t0);
    const result: Result = { i, label: c.label, ...res, ms };
    if (result.outcome !== 'bad-write' && ms > CASE_BOUND_MS) Object.assign(result, { outcome: 'slow', detail: `${ms} ms (bound ${CASE_BOUND_MS} ms)${res.detail ? `; ${res.detail}` : ''}` });
    const pollution = polluted(baseline, c.kind === 'import' ? c.probes : ['polluted']);
    out(`D ${JSON.stringify(result)}`);
    if (pollution) {
      out(`P ${i} ${JSON.stringify(pollution)}`);
      process.exit(0);
    }
  }
  wb.close();
  out('END');
}

main().catch((err: unknown) => {
  process.stderr.write(`fuzz-child: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(3);
});
