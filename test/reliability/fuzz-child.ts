/**
 * The process the fuzz test (fuzz.test.ts) runs cases in, so that a hang or a native crash kills
 * only this process and the parent can name the case. Usage:
 *   node fuzz-child.mjs <seed> <from> <to> <workDir>
 * Prints `G <i>` before it generates case i, `S <i> <label>` before it runs it and `D <json>` once
 * the case's work has really finished (outcome, milliseconds); `P <i>` when the case polluted a
 * prototype (then exits, since the pollution would taint every later case), and `END` after the
 * last case. So the parent can tell the case being generated, the case running, and the case
 * whose leftover work was still going when the child died.
 *
 * A case's work is what it started: every async resource (timer, immediate, zlib stream, fs
 * request…) created while the case ran, or later by its callbacks (an AsyncLocalStorage carries the
 * case's number into them). An answer (preview, refusal, open) is not the end of the case: `D` is
 * printed only when none of that work is left, so a refused parse that goes on in the background
 * is caught on its own case, never on the next one or "outside a case".
 *
 * Outcomes: located (an AppError whose message names the file), correct (a well-formed preview, or
 * a workbook that opens and reads), and the failures: unlocated (any other error, or an AppError
 * that does not say which file), malformed (a preview with an unlocated or non-finite item),
 * unexpected (a file that must be refused was read or opened), slow (over the time bound, or a
 * case the generator took that long to make), leftover (work the case started still running a
 * time bound after it answered), bad-write.
 */
import { AsyncLocalStorage, createHook } from 'node:async_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_NOTICES, IMPORT_REJECTIONS, type ImportPreview } from '../../shared/annex.js';
import { AppError } from '../../shared/api/result.js';
import { previewImport } from '../../electron/annex/import.js';
import { LATEST_VERSION } from '../../electron/workbook/migrations.js';
import { Workbook } from '../../electron/workbook/store.js';
import { makeCase, type FuzzCase, type ImportCase, type StoreCase } from './fuzz-cases.js';
import { buildCorpus } from './fuzz-corpus.js';

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

// ---------------------------------------------------------------- a case's outstanding work

/** The case whose code is running: set for the case and inherited by everything it schedules. */
const owner = new AsyncLocalStorage<number>();
/** Async resources a case started that have not ended (promises excluded: what they start is counted). */
const outstanding = new Map<number, { i: number; type: string }>();
createHook({
  init(id, type) {
    if (type === 'PROMISE') return;
    const i = owner.getStore();
    if (i !== undefined) outstanding.set(id, { i, type });
  },
  destroy(id) {
    outstanding.delete(id);
  },
}).enable();

/** The child runs with --expose-gc (fuzz.test.ts); without it, finished handles wait for a natural GC. */
const gc = (globalThis as { gc?: (o?: { type: 'minor' | 'major' }) => void }).gc;

/**
 * Waits until case i has no work left, at most boundMs; returns the kinds of work still left then.
 * A finished native handle (a zlib stream that inflated a part and was closed) reports its end only
 * when it is collected, so after a few turns the heap is collected once: what is still alive then
 * is still referenced by work in progress (a timer, a stream being read, an open request).
 */
async function quiet(i: number, boundMs: number): Promise<{ ms: number; left: string[] }> {
  const t0 = performance.now();
  for (let turn = 0; ; turn++) {
    // Outside the case's context, so these waits are not counted as its work.
    await new Promise((resolve) => setImmediate(resolve));
    const left = [...outstanding.values()].filter((o) => o.i === i).map((o) => o.type);
    const ms = performance.now() - t0;
    if (left.length === 0 || ms > boundMs) return { ms: Math.round(ms), left };
    // A young-generation collection first (cheap; most handles of a case are young), then a full one.
    if (turn === 2) gc?.({ type: 'minor' });
    if (turn === 5 || turn % 50 === 49) gc?.();
    if (turn > 5) await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// ---------------------------------------------------------------- checks

const LOCATION = /^[A-Z]{1,3}$/;

/** What makes a preview "correct" for a hostile file: every item located and every number finite. */
function malformed(p: ImportPreview | Omit<ImportPreview, 'previewId'>): string | null {
  const isInt = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!['annex', 'template', 'programmes'].includes(p.layout)) return `layout ${String(p.layout)}`;
  // A programme list (issue 17): every programme and year row located, every number finite.
  for (const prog of p.programmes?.programmes ?? []) {
    if (typeof prog.sheet !== 'string' || !isInt(prog.row) || prog.row < 1 || !LOCATION.test(prog.column)) return `programme without a location: ${JSON.stringify(prog).slice(0, 200)}`;
    for (const y of prog.years) {
      if (!isInt(y.row) || y.row < 1 || !LOCATION.test(y.column) || !Number.isInteger(y.year)) return `programme year without a location: ${JSON.stringify(y).slice(0, 200)}`;
      const v = y.newValues;
      if (![v.households, v.benefit, v.accuracy].every(Number.isFinite) || (v.budget !== null && !Number.isFinite(v.budget))) return `non-finite programme value at ${y.sheet}!${y.column}${y.row}`;
    }
  }
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
  outcome: 'located' | 'correct' | 'unlocated' | 'malformed' | 'unexpected' | 'slow' | 'leftover' | 'bad-write';
  ms: number;
  /** Milliseconds from the answer until the case's work had ended. */
  quietMs?: number;
  /** Milliseconds the generator took to make the case. */
  genMs?: number;
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
    if (c.mustRefuse) {
      wb.close();
      return { outcome: 'unexpected', detail: `${c.label} opened instead of being refused` };
    }
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
    out(`G ${i}`);
    const g0 = performance.now();
    const c: FuzzCase = makeCase(seed, i, corpus);
    const genMs = Math.round(performance.now() - g0);
    if (process.env.FUZZ_DUMP) fs.writeFileSync(path.join(process.env.FUZZ_DUMP, `case-${i}-${c.kind === 'import' ? c.fileName : 'mutasi.rpjmd'}`), c.bytes);
    out(`S ${i} ${c.label}`);
    const t0 = performance.now();
    const res = await owner.run(i, () => (c.kind === 'import' ? runImport(c, wb, file, seedDir) : runStore(c, storeDir)));
    const ms = Math.round(performance.now() - t0);
    const settled = await quiet(i, CASE_BOUND_MS);
    const result: Result = { i, label: c.label, ...res, ms, quietMs: settled.ms, genMs };
    if (result.outcome !== 'bad-write' && ms > CASE_BOUND_MS) Object.assign(result, { outcome: 'slow', detail: `${ms} ms (bound ${CASE_BOUND_MS} ms)${res.detail ? `; ${res.detail}` : ''}` });
    else if (settled.left.length) Object.assign(result, { outcome: 'leftover', detail: `still running ${settled.ms} ms after the case answered (${res.outcome}): ${[...new Set(settled.left)].join(', ')}` });
    // The first bomb of a kind deflates up to 400 MB once (then cached): twice the case bound.
    else if (genMs > 2 * CASE_BOUND_MS) Object.assign(result, { outcome: 'slow', detail: `the generator took ${genMs} ms to make this case (fuzz-cases.ts; bound ${2 * CASE_BOUND_MS} ms)` });
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
