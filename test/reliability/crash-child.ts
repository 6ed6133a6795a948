/**
 * The process the crash test kills. Edits mode: applies seeded random operations (bulk edits,
 * pastes, target paths, justifications, undo, redo) through the real services. Each operation is
 * first applied to a twin copy and the twin digested (in a worker thread, up to AHEAD operations
 * in advance, with a running digest that reads only the log rows written since the last, see
 * digest.ts); right before the operation touches the workbook the child prints the digest the
 * workbook will have once it commits ("P k digest"), then commits it and says so ("C k"). After
 * a SIGKILL the file, digested from scratch, must be the last C's P, or the P after it. "@ phase"
 * lines say what the main thread is doing, for the parent to tell where each kill landed.
 * Save-as mode: saves the workbook over a target again and again ("S k").
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMainThread, type MessagePort, parentPort, Worker, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createServices } from '../../electron/services/index.js';
import { Workbook } from '../../electron/workbook/store.js';
import type { Dispatch } from '../../shared/api/dispatch.js';
import type { Indicator, WorkbookSummary } from '../../shared/domain.js';
import { roundTo } from '../../shared/model/rounding.js';
import { targetPath } from '../../shared/model/target-paths.js';
import { rng } from '../helpers/rng.js';
import { Digester } from './digest.js';

// The twin's worker thread (below) runs this same file, its arguments handed over as workerData.
const args = isMainThread ? process.argv.slice(2) : (workerData as { args: string[] }).args;
const [mode, file, seedText, twinOrTarget, dataDir] = args as [string, string, string, string, string];


const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Where the child is, for the parent to read after the kill: "@ phase" is printed (a synchronous
 * write to the pipe) as each phase starts, so the last one the parent saw is what the kill hit.
 */
type Phase = 'twin' | 'op' | 'write' | 'commit';
let phase: Phase | '' = '';
function mark(p: Phase): void {
  if (p === phase) return;
  phase = p;
  out(`@ ${p}`);
}

/**
 * The write path runs every edit as `db.transaction(fn)()` (electron/workbook/edit.ts). Wrapped
 * here, for the workbook under test only: "write" while `fn` runs inside the open transaction,
 * "commit" from its return until COMMIT has come back (journal, fsyncs, journal deleted), "op" after.
 */
function watchTransactions(target: string): void {
  const real = fs.realpathSync(target);
  const isTarget = new WeakMap<object, boolean>();
  type TxFn = ((...args: unknown[]) => unknown) & Record<string, unknown>;
  const proto = Database.prototype as unknown as { transaction: (this: Database.Database, fn: (...args: unknown[]) => unknown) => TxFn };
  const original = proto.transaction;
  proto.transaction = function (this: Database.Database, fn) {
    let ours = isTarget.get(this);
    if (ours === undefined) {
      try {
        ours = fs.realpathSync(this.name) === real;
      } catch {
        ours = false;
      }
      isTarget.set(this, ours);
    }
    if (!ours || this.readonly) return original.call(this, fn);
    const tx = original.call(this, function (this: unknown, ...args: unknown[]) {
      mark('write');
      const result = fn.apply(this, args);
      mark('commit');
      return result;
    });
    const wrapped = function (this: unknown, ...args: unknown[]) {
      try {
        return tx.apply(this, args);
      } finally {
        mark('op');
      }
    } as TxFn;
    for (const k of ['default', 'deferred', 'immediate', 'exclusive', 'database']) wrapped[k] = tx[k];
    return wrapped;
  };
}

async function must(dispatch: Dispatch, method: string, input: unknown): Promise<unknown> {
  const r = await dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.code} ${r.message}`);
  return r.value;
}

type Op = { method: string; input: unknown };

function nextOp(rand: () => number, summary: WorkbookSummary, scenarioId: number): Op {
  const inds = summary.indicators.filter((i) => i.polarity !== 'neutral');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const { firstYear, lastYear } = summary.plan;
  const valueFor = (ind: Indicator) => {
    const lo = ind.minValue ?? 0;
    const hi = Math.min(ind.maxValue ?? 100_000, lo + (ind.unit === 'jiwa' ? 100_000 : 50));
    // At the indicator's decimals: a head count is whole (the write path refuses fractions of people).
    return roundTo(lo + rand() * (hi - lo), Math.min(ind.decimals, 2));
  };
  const r = rand();
  if (r < 0.35) {
    const cells = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => {
      const ind = pick(inds);
      return { indicatorId: ind.id, year: firstYear + Math.floor(rand() * (lastYear - firstYear + 1)), value: valueFor(ind) };
    });
    return { method: 'targets.set', input: { scenarioId, action: rand() < 0.5 ? 'target.paste' : 'target.edit', cells } };
  }
  if (r < 0.5) {
    const ind = summary.indicators.find((i) => i.code === 'P0')!;
    const path = targetPath({ method: 'linear', fromYear: firstYear + 1, toYear: lastYear, startValue: 12 + rand(), endValue: 8 + rand() });
    return { method: 'targets.set', input: { scenarioId, action: 'target.path', cells: path.map((p) => ({ indicatorId: ind.id, year: p.year, value: Math.round(p.value * 100) / 100 })) } };
  }
  if (r < 0.6) return { method: 'justification.set', input: { scenarioId, indicatorId: pick(inds).id, text: `alasan ${Math.floor(rand() * 1e6)}` } };
  if (r < 0.85) return { method: 'history.undo', input: {} };
  return { method: 'history.redo', input: {} };
}

interface Planned {
  k: number;
  op: Op;
  /** The twin's digest once `op` is applied: what the workbook will digest as once it commits it. */
  after: string;
}

/** How many operations the twin may run ahead of the workbook. */
const AHEAD = 2;

/**
 * The twin, in a worker thread: draws each operation from the twin's own state, applies it,
 * digests the twin and posts {k, op, after}; one more each time the workbook takes one ("go").
 * It works while the main thread waits on the workbook's fsyncs, so the process's time goes to
 * the workbook under test, where the kills are meant to land.
 */
async function twinWorker(port: MessagePort): Promise<void> {
  const twin = createServices({ dataDir: path.join(dataDir, 'twin'), host: 'browser', appVersion: 'crash' });
  const summary = (await must(twin.dispatch, 'workbook.open', { path: twinOrTarget })) as WorkbookSummary;
  const digest = new Digester(twinOrTarget);
  port.postMessage({ ready: digest.digest() });
  const rand = rng(Number(seedText));
  let credit = AHEAD;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credit++;
    wake?.();
  });
  for (let k = 1; ; k++) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    // Undo may have taken the scenario away: then the next operation makes one again.
    const current = (await must(twin.dispatch, 'workbook.current', {})) as WorkbookSummary;
    const scenario = current.scenarios[0];
    const op: Op = scenario
      ? nextOp(rand, summary, scenario.id)
      : { method: 'scenario.create', input: { name: `Skenario ${k}`, from: { kind: 'original' } } };
    await must(twin.dispatch, op.method, op.input);
    port.postMessage({ k, op, after: digest.digest() } satisfies Planned);
  }
}

async function edits(): Promise<void> {
  // A fresh twin each start: the workbook may hold an operation the last child committed unreported.
  const opened = await Workbook.open(file);
  (await opened.saveAs(twinOrTarget, true)).close();
  const real = createServices({ dataDir, host: 'browser', appVersion: 'crash' });
  await must(real.dispatch, 'workbook.open', { path: file });
  watchTransactions(file);
  const planned: Planned[] = [];
  let arrived: (() => void) | undefined;
  const worker = new Worker(new URL(import.meta.url), { workerData: { args } });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`twin worker exited (${code})`)));
  // The twin is a copy of the workbook: its digest is the workbook's as this child starts.
  const start = await new Promise<string>((resolve) => {
    worker.on('message', (m: Planned | { ready: string }) => {
      if ('ready' in m) resolve(m.ready);
      else planned.push(m);
      arrived?.();
    });
  });
  out(`READY ${start}`);
  for (;;) {
    mark('twin');
    while (planned.length === 0) await new Promise<void>((resolve) => (arrived = resolve));
    const { k, op, after } = planned.shift()!;
    worker.postMessage('go');
    out(`P ${k} ${after}`);
    mark('op');
    await must(real.dispatch, op.method, op.input);
    // Committed: the workbook now digests as the twin did after the same operations (P k); the
    // parent checks that from scratch after the kill, so the workbook is not digested here.
    out(`C ${k}`);
  }
}

async function saveAs(): Promise<void> {
  out('READY');
  for (let k = 1; ; k++) {
    const wb = await Workbook.open(file);
    const copy = await wb.saveAs(twinOrTarget, true);
    copy.close();
    out(`S ${k}`);
  }
}

function fail(err: unknown): never {
  process.stderr.write(`crash-child: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(3);
}

// A failure in the worker reaches the main thread as its 'error' event.
if (!isMainThread) void twinWorker(parentPort!);
else (mode === 'saveas' ? saveAs() : edits()).catch(fail);
