/**
 * The process the crash test kills. Edits mode: applies seeded random operations (bulk edits,
 * pastes, target paths, justifications, undo, redo) through the real services. Before each
 * operation touches the workbook it applies the same operation to a twin copy and prints the
 * digest the workbook will have once it commits ("P k digest"), then commits and prints
 * ("C k digest"). After a SIGKILL the file must digest as the last C, or as the P after it.
 * Save-as mode: saves the workbook over a target again and again ("S k").
 */
import path from 'node:path';
import { createServices } from '../../electron/services/index.js';
import { Workbook } from '../../electron/workbook/store.js';
import type { Dispatch } from '../../shared/api/dispatch.js';
import type { Indicator, WorkbookSummary } from '../../shared/domain.js';
import { roundTo } from '../../shared/model/rounding.js';
import { targetPath } from '../../shared/model/target-paths.js';
import { rng } from '../helpers/rng.js';
import { digestFile } from './digest.js';

const [mode, file, seedText, twinOrTarget, dataDir] = process.argv.slice(2) as [string, string, string, string, string];


const out = (line: string) => process.stdout.write(`${line}\n`);

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

async function edits(): Promise<void> {
  // A fresh twin each start: the workbook may hold an operation the last child committed unreported.
  const opened = await Workbook.open(file);
  (await opened.saveAs(twinOrTarget, true)).close();
  const real = createServices({ dataDir, host: 'browser', appVersion: 'crash' });
  const summary = (await must(real.dispatch, 'workbook.open', { path: file })) as WorkbookSummary;
  const twin = createServices({ dataDir: path.join(dataDir, 'twin'), host: 'browser', appVersion: 'crash' });
  await must(twin.dispatch, 'workbook.open', { path: twinOrTarget });
  const rand = rng(Number(seedText));
  out(`READY ${digestFile(file)}`);
  for (let k = 1; ; k++) {
    // Undo may have taken the scenario away: then the next operation makes one again.
    const current = (await must(twin.dispatch, 'workbook.current', {})) as WorkbookSummary;
    const scenario = current.scenarios[0];
    const op: Op = scenario
      ? nextOp(rand, summary, scenario.id)
      : { method: 'scenario.create', input: { name: `Skenario ${k}`, from: { kind: 'original' } } };
    await must(twin.dispatch, op.method, op.input);
    out(`P ${k} ${digestFile(twinOrTarget)}`);
    await must(real.dispatch, op.method, op.input);
    out(`C ${k} ${digestFile(file)}`);
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

(mode === 'saveas' ? saveAs() : edits()).catch((err: unknown) => {
  process.stderr.write(`crash-child: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(3);
});
