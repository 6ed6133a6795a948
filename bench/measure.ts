/**
 * What every bench measure reports, shared by the Node measures (bench/node.ts) and the Chromium
 * one (bench/browser/). A measure is timed several times; the median and a spread are printed,
 * and — where the work has a floor (the same rows read with a bare prepared statement, the same
 * cells written by bare exceljs…) — the ratio of the two medians, taken in the same run.
 */

/** The synthetic workbook sizes (see bench/generate.ts). */
export type BenchSizeName = 'regency' | 'rpjmd' | 'rpjmd10x';

export interface Goal {
  /** ratio: median ÷ floor median; absolute: the median itself in `unit`; slope: a log-log growth slope. */
  kind: 'ratio' | 'absolute' | 'slope';
  /** The goal is met when the measured figure is at most this. */
  max: number;
}

export interface Spread {
  kind: 'p25-p75' | 'min-max';
  low: number;
  high: number;
}

export interface Measure {
  /** Stable name, e.g. "open + first page", "paste 5,000 cells", "growth: export". */
  name: string;
  /** Workbook size measured ('rpjmd→rpjmd10x' for a growth slope). */
  size: string;
  /** Unit of median and spread: 'ms' for timings, 'slope' for growth. */
  unit: 'ms' | 'slope';
  /** Median over the timed runs (the slope itself for a growth measure). */
  median: number;
  spread: Spread | null;
  runs: number;
  /** The floor the ratio is taken against, measured in the same run. */
  floor: { name: string; median: number; spread: Spread | null } | null;
  /** median ÷ floor.median; null without a floor. */
  ratio: number | null;
  goal: Goal | null;
  /** Whether the goal is met; null when there is no goal or nothing was measured. */
  met: boolean | null;
  /** Set when the measure was not taken, saying why (e.g. "LibreOffice not installed"). */
  skipped?: string;
  note?: string;
}

/** Sorted-sample percentile (linear interpolation). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

export function median(samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 0.5);
}

/** p25–p75 from 5 samples on, min–max below that. */
export function spreadOf(samples: readonly number[]): Spread | null {
  if (samples.length === 0) return null;
  const s = [...samples].sort((a, b) => a - b);
  if (s.length >= 5) return { kind: 'p25-p75', low: percentile(s, 0.25), high: percentile(s, 0.75) };
  return { kind: 'min-max', low: s[0]!, high: s[s.length - 1]! };
}

export interface TimeOptions {
  runs: number;
  /** Untimed runs first (default 1). */
  warmup?: number;
  /** Run before each run, untimed (e.g. a gc, or the edit whose checks are timed). */
  before?: () => unknown;
  /** Run after each run, untimed (e.g. close what the run opened). */
  after?: () => unknown;
}

/** Times `fn` (sync or async) `runs` times after the warm-up; returns the samples in ms. */
export async function time(fn: () => unknown, opts: TimeOptions): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < (opts.warmup ?? 1) + opts.runs; i++) {
    if (opts.before) await opts.before();
    const t0 = performance.now();
    await fn();
    const t = performance.now() - t0;
    if (opts.after) await opts.after();
    if (i >= (opts.warmup ?? 1)) samples.push(t);
  }
  return samples;
}

export interface Contender {
  fn: () => unknown;
  /** Run before each of this contender's runs, untimed. */
  before?: () => unknown;
  after?: () => unknown;
}

/**
 * Times several contenders (the real work and its floor) turn about — a, b, a, b… — after one
 * untimed round, so that both see the same load on a shared machine. Returns samples (ms) per
 * contender, in the order given.
 */
export async function timeInterleaved(contenders: readonly Contender[], opts: { runs: number; warmup?: number }): Promise<number[][]> {
  const samples = contenders.map(() => [] as number[]);
  const warmup = opts.warmup ?? 1;
  for (let i = 0; i < warmup + opts.runs; i++) {
    for (const [k, c] of contenders.entries()) {
      if (c.before) await c.before();
      const t0 = performance.now();
      await c.fn();
      const t = performance.now() - t0;
      if (c.after) await c.after();
      if (i >= warmup) samples[k]!.push(t);
    }
  }
  return samples;
}

/** Builds a measure from samples, with its floor and goal; `met` follows the goal's kind. */
export function measure(args: {
  name: string;
  size: string;
  samples: readonly number[];
  floor?: { name: string; samples: readonly number[] } | null;
  goal?: Goal | null;
  note?: string;
}): Measure {
  const med = median(args.samples);
  const floor = args.floor ? { name: args.floor.name, median: median(args.floor.samples), spread: spreadOf(args.floor.samples) } : null;
  const ratio = floor && floor.median > 0 ? med / floor.median : null;
  const goal = args.goal ?? null;
  let met: boolean | null = null;
  if (goal) {
    const figure = goal.kind === 'ratio' ? ratio : med;
    met = figure === null || !Number.isFinite(figure) ? null : figure <= goal.max;
  }
  return {
    name: args.name,
    size: args.size,
    unit: 'ms',
    median: med,
    spread: spreadOf(args.samples),
    runs: args.samples.length,
    floor,
    ratio,
    goal,
    met,
    ...(args.note ? { note: args.note } : {}),
  };
}

/** A measure that was not taken, with the reason printed in its place. */
export function skipped(name: string, size: string, reason: string, goal: Goal | null = null): Measure {
  return { name, size, unit: 'ms', median: NaN, spread: null, runs: 0, floor: null, ratio: null, goal, met: null, skipped: reason };
}

/**
 * Growth of a measure from one size to another `scale` times larger: the log-log slope of the
 * medians (1 = linear, 2 = quadratic).
 */
export function growth(name: string, small: Measure, large: Measure, scale: number, goal: Goal | null = { kind: 'slope', max: 1.1 }): Measure {
  const slope = Math.log(large.median / small.median) / Math.log(scale);
  const ok = Number.isFinite(slope);
  return {
    name: `growth: ${name}`,
    size: `${small.size}→${large.size}`,
    unit: 'slope',
    median: slope,
    spread: null,
    runs: Math.min(small.runs, large.runs),
    floor: null,
    ratio: null,
    goal,
    met: goal && ok ? slope <= goal.max : null,
    note: `${fmtMs(small.median)} → ${fmtMs(large.median)} for ${scale}× the indicators`,
  };
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function fmtGoal(g: Goal): string {
  if (g.kind === 'ratio') return `≤ ${g.max}×`;
  if (g.kind === 'slope') return `slope ≤ ${g.max}`;
  return `≤ ${fmtMs(g.max)}`;
}

/** One printed line: name [size]: median (spread, n runs) | floor … | ratio | goal met/NOT MET. */
export function formatMeasure(m: Measure): string {
  const head = `${m.name} [${m.size}]`;
  if (m.skipped) return `${head}: skipped — ${m.skipped}`;
  const parts: string[] = [];
  if (m.unit === 'slope') parts.push(`slope ${m.median.toFixed(2)}${m.note ? ` (${m.note})` : ''}`);
  else {
    const sp = m.spread ? ` (${m.spread.kind} ${fmtMs(m.spread.low)}–${fmtMs(m.spread.high)}, n=${m.runs})` : '';
    parts.push(`median ${fmtMs(m.median)}${sp}`);
  }
  if (m.floor) {
    const sp = m.floor.spread ? ` (${m.floor.spread.kind} ${fmtMs(m.floor.spread.low)}–${fmtMs(m.floor.spread.high)})` : '';
    parts.push(`floor ${m.floor.name}: ${fmtMs(m.floor.median)}${sp}`);
  }
  if (m.ratio !== null) parts.push(`ratio ${m.ratio.toFixed(2)}×`);
  if (m.goal) parts.push(`goal ${fmtGoal(m.goal)}: ${m.met === null ? 'not measured' : m.met ? 'met' : 'NOT MET'}`);
  if (m.note && m.unit !== 'slope') parts.push(m.note);
  return `${head}: ${parts.join(' | ')}`;
}
