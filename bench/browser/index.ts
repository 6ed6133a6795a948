/**
 * The browser measure of the bench suite (issue 7): in Chromium through the browser host, a
 * planner's edit — type a value with a decimal comma into a target cell, press Enter — timed from
 * the Enter keydown to the paint of the first frame in which the grid shows the new value and the
 * Target view's chart and checks summary show the write (the renderer's `workbench:edit-settled`
 * mark). The floor is a bare AG Grid page with the same rows, edited with the same keys and
 * timed the same way (keydown → the cell shows the value and cellValueChanged has fired).
 * p95 and median over 200 edits each; the ratio is app p95 ÷ bare p95. See README.md here.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type { Indicator, ScenarioTargets, WorkbookSummary } from '../../shared/domain.js';
import { formatNumber } from '../../shared/format/number.js';
import { checkCellValue } from '../../shared/model/cell-rules.js';
import { measure, percentile, type Measure } from '../measure.js';
import { PROBE_SCRIPT, type EditTiming } from './probe.js';
import type { BareData } from './bare-data.js';

export interface BrowserBenchOptions {
  /** The workbook to measure; a copy is opened, the file itself is never written. */
  workbookFile: string;
  log: (line: string) => void;
  /** Size label for the measures (default: the workbook's file name). */
  size?: string;
  /** Timed edits per page (default 200) and untimed warm-up edits before them (default 20). */
  edits?: number;
  warmup?: number;
  /** Repository root (default: the working directory). */
  root?: string;
  /** Build the app first when dist/ is missing or older than the sources (default true). */
  build?: boolean;
}

/** The app's "grid, chart and checks show this write" mark (renderer/src/perf-marks.ts). */
export const SETTLED_MARK = 'workbench:edit-settled';
const BARE_MARK = 'bench:cell-value-changed';
const EDIT_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 60_000;
const GOAL_P95_MS = 16;
/** Issue #7 set 2×; issue #15 tightened it to 1,5×. */
const GOAL_RATIO = 1.5;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** One planned edit: which cell, what is typed, what the grid must then show. */
interface Edit {
  code: string;
  indicatorId: number;
  year: number;
  typed: string;
  shown: string;
}

export async function runBrowserBench(opts: BrowserBenchOptions): Promise<Measure[]> {
  const root = opts.root ?? process.cwd();
  const edits = opts.edits ?? 200;
  const warmup = opts.warmup ?? 20;
  const size = opts.size ?? path.basename(opts.workbookFile);
  const log = opts.log;
  if (opts.build !== false) ensureBuilt(root, log);

  const home = await mkdtemp(path.join(tmpdir(), 'rpjmd-bench-browser-'));
  let host: { url: string; stop(): Promise<void> } | null = null;
  let browser: Browser | null = null;
  try {
    const workbook = path.join(home, 'bench.rpjmd');
    await copyFile(opts.workbookFile, workbook);
    // A returning user's profile: a new user's first start opens the profile dialog (renderer/src/components/profile-gate.ts).
    await writeFile(path.join(home, 'user-profile.json'), JSON.stringify({ person: { name: 'Bench', nip: '', title: '' } }));
    host = await startHost(root, home, workbook);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

    // The app: the Target view on the copy, a scenario selected.
    const appContext = await newContext(browser);
    const app = await appContext.newPage();
    const setup = await openTargetView(app, host.url);
    const plan = planEdits(setup.summary, setup.targets, edits + warmup);
    log(`browser: ${setup.summary.indicators.length} indicators × ${setup.years.length} years, scenario "${setup.scenarioName}"; ${warmup} + ${edits} edits per page`);
    const appCells: PageCells = {
      selector: (e) => `.target-grid [row-id="indicator:${e.code}"] [col-id="rev-${e.year}"] .value-number`,
      cell: (e) => `.target-grid [row-id="indicator:${e.code}"] [col-id="rev-${e.year}"]`,
      rowIndex: (e) => setup.rowIndex.get(e.code) ?? 0,
      mark: process.env.BENCH_BROWSER_GRID_ONLY ? '' : SETTLED_MARK,
    };

    // The floor: the same rows in a bare AG Grid page, open at the same time.
    const bareContext = await newContext(browser);
    const bare = await bareContext.newPage();
    const bareRows = bareData(setup.summary, setup.targets, setup.years);
    await openBarePage(bare, root, bareRows);
    const bareIndex = new Map(bareRows.rows.map((r, i) => [r.id, i]));
    const bareCells: PageCells = {
      selector: (e) => `[row-id="ind:${e.code}"] [col-id="y${e.year}"]`,
      cell: (e) => `[row-id="ind:${e.code}"] [col-id="y${e.year}"]`,
      rowIndex: (e) => bareIndex.get(`ind:${e.code}`) ?? 0,
      mark: BARE_MARK,
    };

    // Edit by edit, one page then the other, so both see the same machine (other work on it, GC, thermal state).
    const [appTimes, bareTimes] = (await timeEdits(
      [
        { page: app, cells: appCells },
        { page: bare, cells: bareCells },
      ],
      plan,
      warmup,
    )) as [Timings, Timings];
    log(describeTimes('app ', appTimes));
    log(describeTimes('bare', bareTimes));
    await appContext.close();
    await bareContext.close();

    const ratio = appTimes.p95 / bareTimes.p95;
    const floor = { name: 'bare AG Grid edit, same rows', samples: bareTimes.samples };
    const absolute = measure({
      name: 'browser: edit → grid, chart, checks (goal on p95)',
      size,
      samples: appTimes.samples,
      floor,
      goal: { kind: 'absolute', max: GOAL_P95_MS },
      note: `p95 ${appTimes.p95.toFixed(1)} ms (bare ${bareTimes.p95.toFixed(1)} ms); to paint p95 ${appTimes.paintP95.toFixed(1)} ms (bare ${bareTimes.paintP95.toFixed(1)} ms); ${edits} edits`,
    });
    absolute.met = appTimes.p95 <= GOAL_P95_MS;
    const relative = measure({
      name: 'browser: edit ÷ bare AG Grid edit (p95 ratio)',
      size,
      samples: appTimes.samples,
      floor,
      goal: { kind: 'ratio', max: GOAL_RATIO },
      // Said beside it, so the ratio is read for what it is: the floor's mark comes in AG Grid's
      // asynchronous cellValueChanged (a timer after a frame), while its cell shows the value in the
      // key's own task; the app does all its work in the key's task.
      note: `ratio of p95s ${appTimes.p95.toFixed(1)} ÷ ${bareTimes.p95.toFixed(1)} ms; to paint ${(appTimes.paintP95 / bareTimes.paintP95).toFixed(2)}×; against the bare grid showing its value (no cellValueChanged) ${(appTimes.p95 / bareTimes.gridP95).toFixed(2)}×`,
    });
    relative.ratio = ratio;
    relative.met = ratio <= GOAL_RATIO;
    return [absolute, relative];
  } finally {
    await browser?.close();
    await host?.stop();
    await rm(home, { recursive: true, force: true });
  }
}

interface Timings {
  /** Enter keydown → the grid shows the value and the page's mark is posted (ms). */
  samples: number[];
  p95: number;
  median: number;
  max: number;
  /** Enter keydown → after the paint of the first frame showing it. */
  paintP95: number;
  paintMedian: number;
  /** Enter keydown → the grid cell shows the value (the page's mark not waited for). */
  gridP95: number;
}

function describeTimes(what: string, t: Timings): string {
  const f = (n: number) => n.toFixed(1);
  return `browser: ${what} updated p95 ${f(t.p95)} ms, median ${f(t.median)} ms, max ${f(t.max)} ms; painted p95 ${f(t.paintP95)} ms, median ${f(t.paintMedian)} ms; grid shown p95 ${f(t.gridP95)} ms`;
}

interface PageCells {
  /** The element whose text is the shown value. */
  selector(e: Edit): string;
  /** The grid cell to click. */
  cell(e: Edit): string;
  /** Index of the edit's row among the grid's rows (to scroll a virtualised grid to it). */
  rowIndex(e: Edit): number;
  mark: string;
}

/** Types every planned edit into each page the way a planner does, page after page per edit; returns each page's timed latencies. */
async function timeEdits(pages: { page: Page; cells: PageCells }[], plan: Edit[], warmup: number): Promise<Timings[]> {
  const samples = pages.map(() => [] as number[]);
  const painted = pages.map(() => [] as number[]);
  const shown = pages.map(() => [] as number[]);
  // BENCH_BROWSER_PROFILE=FILE: CPU profiles of the app's timed edits, each from just before the
  // Enter to the settled result (the window the latency is measured over; scrolling to the cell,
  // clicking and typing are left out), written to FILE as a JSON array of DevTools .cpuprofile objects.
  const profileFile = process.env.BENCH_BROWSER_PROFILE;
  const cdp = profileFile ? await pages[0]!.page.context().newCDPSession(pages[0]!.page) : null;
  const profiles: unknown[] = [];
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  }
  for (let i = 0; i < plan.length; i++) {
    const e = plan[i]!;
    for (let k = 0; k < pages.length; k++) {
      const { page, cells } = pages[k]!;
      const profiled = cdp && k === 0 && i >= warmup ? cdp : null;
      // BENCH_BROWSER_CHROME_TRACE=DIR: a Chrome trace (DevTools Performance panel) of each page's first 10 timed edits, Enter to settled, as DIR/app-N.json and DIR/bare-N.json.
      const traceDir = process.env.BENCH_BROWSER_CHROME_TRACE;
      const traced = traceDir && i >= warmup && i < warmup + 10 ? path.join(traceDir, `${k ? 'bare' : 'app'}-${i - warmup}.json`) : null;
      const browser = page.context().browser();
      const hooks = profiled
        ? { before: async () => void (await profiled.send('Profiler.start')), after: async () => void profiles.push((await profiled.send('Profiler.stop')).profile) }
        : traced && browser
          ? { before: () => browser.startTracing(page, { path: traced, screenshots: false }), after: async () => void (await browser.stopTracing()) }
          : undefined;
      const t = await timeEdit(page, cells, e, hooks);
      if (i >= warmup) {
        samples[k]!.push(Math.max(t.gridAt, t.markAt) - t.t0);
        painted[k]!.push(t.end - t.t0);
        shown[k]!.push(t.gridAt - t.t0);
      }
      if (process.env.BENCH_BROWSER_TRACE) {
        process.stdout.write(`  ${k ? 'bare' : 'app '} ${e.code} ${e.year} ${e.typed}: grid +${(t.gridAt - t.t0).toFixed(1)} mark +${(t.markAt - t.t0).toFixed(1)} painted +${(t.end - t.t0).toFixed(1)}\n`);
      }
    }
  }
  if (profileFile) fs.writeFileSync(profileFile, JSON.stringify(profiles));
  return pages.map((_, k) => {
    const sorted = [...samples[k]!].sort((a, b) => a - b);
    const paintSorted = [...painted[k]!].sort((a, b) => a - b);
    const shownSorted = [...shown[k]!].sort((a, b) => a - b);
    return {
      samples: samples[k]!,
      p95: percentile(sorted, 0.95),
      median: percentile(sorted, 0.5),
      max: sorted[sorted.length - 1] ?? NaN,
      paintP95: percentile(paintSorted, 0.95),
      paintMedian: percentile(paintSorted, 0.5),
      gridP95: percentile(shownSorted, 0.95),
    };
  });
}

/** One edit: click the cell, type, arm the probe, Enter; resolves with the probe's timings once settled and the page idle again. */
async function timeEdit(page: Page, cells: PageCells, e: Edit, profile?: { before(): Promise<void>; after(): Promise<void> }): Promise<EditTiming> {
  await bringIntoView(page, cells.cell(e), cells.rowIndex(e));
  await page.locator(cells.cell(e)).click();
  await page.keyboard.type(e.typed);
  await page.evaluate(`window.__benchProbe.typed(${JSON.stringify({ selector: `${cells.cell(e)} input`, text: e.typed, timeoutMs: EDIT_TIMEOUT_MS })})`);
  await page.evaluate(`window.__benchProbe.arm(${JSON.stringify({ selector: cells.selector(e), text: e.shown, mark: cells.mark, timeoutMs: EDIT_TIMEOUT_MS })})`);
  await profile?.before();
  await page.keyboard.press('Enter');
  const t = (await page.evaluate('window.__benchProbe.result()')) as EditTiming;
  await profile?.after();
  // The write's answer, the history refresh…: the next edit starts on a quiet page.
  await page.evaluate('window.__benchProbe.idle(1000)');
  return t;
}

/**
 * Scrolls a virtualised grid (rows and columns) until the cell is rendered, then centres it in
 * the grid's viewport (clear of the pinned column) and the grid in the window. Untimed.
 */
async function bringIntoView(page: Page, cell: string, rowIndex: number): Promise<void> {
  await page.evaluate(
    `(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      // Waits (a frame at a time, up to ~2 s for a row) for the grid to draw what it scrolled to: under load
      // a virtualised grid can take more than a frame or two.
      const until = async (found, frames = 60) => { for (let i = 0; i < frames && !found(); i++) await frame(); return found(); };
      // The app's target grid (another grid may be on the page); the bare page has only its own.
      const grid = document.querySelector('.target-grid') ?? document;
      const vp = grid.querySelector('.ag-body-viewport.ag-layout-normal, .ag-grid-viewport.ag-layout-normal');
      const find = () => document.querySelector(${JSON.stringify(cell)});
      let el = find();
      if (vp && !el) {
        const row = grid.querySelector('.ag-row[row-index]');
        const h = row ? row.getBoundingClientRect().height : 30;
        vp.scrollTop = Math.max(0, ${rowIndex} * h - vp.clientHeight / 2);
        await until(() => grid.querySelector('.ag-row[row-index="${rowIndex}"]'));
        el = find();
        for (let left = 0; !el && left <= vp.scrollWidth; left += vp.clientWidth / 2) {
          vp.scrollLeft = left;
          el = await until(find, 6);
        }
      }
      if (vp && el) {
        const a = el.getBoundingClientRect();
        const b = vp.getBoundingClientRect();
        vp.scrollLeft += a.left + a.width / 2 - (b.left + b.width / 2) + 100;
        vp.scrollTop += a.top + a.height / 2 - (b.top + b.height / 2);
        await frame();
      }
    })()`,
  );
  await page.locator(cell).scrollIntoViewIfNeeded();
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
  await context.addInitScript({ content: PROBE_SCRIPT });
  return context;
}

/** Calls the API from the page (same origin, with the tab's session secret; no cookie carries one). */
async function call<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const body = (await page.evaluate(
    `fetch('api/' + ${JSON.stringify(method)}, { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + sessionStorage.getItem('workbench.session') }, body: ${JSON.stringify(JSON.stringify(input))} }).then((r) => r.json())`,
  )) as { ok: boolean; value?: T };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body)}`);
  return body.value as T;
}

interface AppSetup {
  summary: WorkbookSummary;
  targets: ScenarioTargets;
  scenarioName: string;
  years: number[];
  /** Row index of each indicator code in the Target grid (group rows counted). */
  rowIndex: Map<string, number>;
}

async function openTargetView(page: Page, url: string): Promise<AppSetup> {
  // The Target view straight away; the renderer's perf marks on (renderer/src/perf-marks.ts).
  // The chart panel open (it starts closed below 900 px): the measure is edit → grid, chart and checks.
  await page.addInitScript({ content: `try { localStorage.setItem('workbench.view', 'target'); localStorage.setItem('workbench.perfMarks', '1'); localStorage.setItem('workbench.target.chart', '1'); } catch {}` });
  await page.goto(url);
  // The page trades the launch token for its session after load (renderer/src/api.ts): calls wait for it.
  await page.waitForFunction(() => sessionStorage.getItem('workbench.session') !== null, undefined, { timeout: START_TIMEOUT_MS });
  let summary = await call<WorkbookSummary>(page, 'workbook.current');
  // A proposal (usulan) is read-only: the bench edits a draft.
  if (!summary.scenarios.some((s) => s.status === 'draft')) {
    await call(page, 'scenario.create', { name: 'Bench', description: 'bench/browser', from: { kind: 'original' } });
    await page.reload();
    summary = await call<WorkbookSummary>(page, 'workbook.current');
  }
  const select = page.getByTestId('scenario-select');
  await select.waitFor({ timeout: START_TIMEOUT_MS });
  const draft = summary.scenarios.find((s) => s.status === 'draft')!;
  if (Number(await select.inputValue()) !== draft.id) await select.selectOption(String(draft.id));
  const scenarioId = Number(await select.inputValue());
  const scenario = summary.scenarios.find((s) => s.id === scenarioId) ?? summary.scenarios[0]!;
  const targets = await call<ScenarioTargets>(page, 'scenario.targets', { scenarioId: scenario.id });
  const years: number[] = [];
  for (let y = summary.plan.firstYear; y <= summary.plan.lastYear; y++) years.push(y);
  // The grid shows the scenario: its first editable cell is rendered.
  await page.locator('.target-grid .editable-cell').first().waitFor({ timeout: START_TIMEOUT_MS });
  const rowIndex = new Map<string, number>();
  const groups: string[] = [];
  for (const ind of summary.indicators) if (!groups.includes(ind.group)) groups.push(ind.group);
  let i = 0;
  for (const g of groups) {
    i++;
    for (const ind of summary.indicators) if (ind.group === g) rowIndex.set(ind.code, i++);
  }
  return { summary, targets, scenarioName: scenario.name, years, rowIndex };
}

/**
 * The edits: distinct cells spread over the indicators and years (indicators with decimals, so
 * every typed value has a decimal comma), each a few percent off its current value and inside
 * the indicator's range.
 */
function planEdits(summary: WorkbookSummary, targets: ScenarioTargets, count: number): Edit[] {
  const years: number[] = [];
  for (let y = summary.plan.firstYear; y <= summary.plan.lastYear; y++) years.push(y);
  const current = new Map(targets.targets.map((c) => [`${c.indicatorId}:${c.year}`, c.value]));
  const eligible = summary.indicators.filter((i) => i.decimals >= 1 && i.decimals <= 3);
  if (eligible.length === 0) throw new Error('bench/browser: the workbook has no indicator with decimals to type');
  const plan: Edit[] = [];
  const used = new Set<string>();
  for (let k = 0; plan.length < count && k < count * 40; k++) {
    // A small workbook has fewer cells than edits: once every cell is used, go round again.
    if (used.size === eligible.length * years.length) used.clear();
    const ind = eligible[(k * 7) % eligible.length]!;
    const year = years[(k * 3 + Math.floor(k / eligible.length)) % years.length]!;
    const key = `${ind.id}:${year}`;
    if (used.has(key)) continue;
    const value = nextValue(ind, current.get(key), k);
    if (value === null) continue;
    used.add(key);
    current.set(key, value);
    plan.push({ code: ind.code, indicatorId: ind.id, year, typed: formatNumber(value, ind.decimals), shown: formatNumber(value, ind.decimals) });
  }
  if (plan.length < count) throw new Error(`bench/browser: only ${plan.length} editable cells for ${count} edits`);
  return plan;
}

function nextValue(ind: Indicator, current: number | undefined, k: number): number | null {
  const step = 10 ** -ind.decimals;
  const base = current ?? (ind.minValue !== null && ind.maxValue !== null ? (ind.minValue + ind.maxValue) / 2 : 10);
  const round = (v: number) => Math.round(v / step) * step;
  for (const factor of [k % 2 ? 0.97 : 1.03, k % 2 ? 1.03 : 0.97]) {
    let v = round(base * factor);
    if (formatNumber(v, ind.decimals) === formatNumber(current, ind.decimals)) v = round(v + step);
    if (checkCellValue(ind, v) === null && formatNumber(v, ind.decimals) !== formatNumber(current, ind.decimals)) return Number(v.toFixed(ind.decimals));
  }
  return null;
}

function bareData(summary: WorkbookSummary, targets: ScenarioTargets, years: number[]): BareData {
  const value = new Map(targets.targets.map((c) => [`${c.indicatorId}:${c.year}`, c.value]));
  return {
    years,
    rows: summary.indicators.map((ind) => ({
      id: `ind:${ind.code}`,
      name: ind.nameId,
      decimals: ind.decimals,
      values: years.map((y) => value.get(`${ind.id}:${y}`) ?? null),
    })),
  };
}

const BARE_ORIGIN = 'http://bench.invalid';

/** Serves bench/browser/bare.html and its bundle from memory and opens it with the rows. */
async function openBarePage(page: Page, root: string, data: BareData): Promise<void> {
  const bundle = await build({
    entryPoints: [path.join(root, 'bench/browser/bare.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'warning',
  });
  const js = bundle.outputFiles[0]!.text;
  const html = fs.readFileSync(path.join(root, 'bench/browser/bare.html'), 'utf8');
  await page.route(`${BARE_ORIGIN}/**`, (route) => {
    const p = new URL(route.request().url()).pathname;
    if (p === '/bare.html') return route.fulfill({ contentType: 'text/html', body: html });
    if (p === '/bare.js') return route.fulfill({ contentType: 'text/javascript', body: js });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.addInitScript({ content: `window.__benchRows = ${JSON.stringify(data)};` });
  await page.goto(`${BARE_ORIGIN}/bare.html`);
  await page.evaluate(`window.__benchProbe.marked('bench:ready', ${START_TIMEOUT_MS})`);
}

/** Starts `node dist/node/serve.mjs --port 0 --workbook FILE` in a throwaway data folder. */
async function startHost(root: string, home: string, workbook: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist/node/serve.mjs'), '--port', '0', '--workbook', workbook], {
    cwd: root,
    env: { ...process.env, RPJMD_WORKBENCH_HOME: home, BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host printed no URL within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/.test(line.trim())) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code ?? signal}) before printing its URL:\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Builds dist/ when it is missing or older than the sources (as `npm run serve` does). */
function ensureBuilt(root: string, log: (line: string) => void): void {
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const entry = path.join(root, 'dist/node/serve.mjs');
  const index = path.join(root, 'dist/renderer/index.html');
  const stale =
    !fs.existsSync(entry) ||
    !fs.existsSync(index) ||
    Math.max(...['electron', 'renderer', 'shared'].map((d) => newest(path.join(root, d)))) > Math.min(fs.statSync(entry).mtimeMs, fs.statSync(index).mtimeMs);
  if (!stale) return;
  log('browser: building the app first…');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('bench/browser: the build failed');
}
