/**
 * Hostile-file fuzz: mutated annex and template files, truncated zips, zip bombs, huge strings, a
 * million rows, formulas, `__proto__`/`constructor` keys, invalid UTF-8 and wrong extensions fed
 * to the importer; mutated workbook files (byte flips, truncation, wiped pages, header fields)
 * opened by the store. Every case must end in a located error (an AppError naming the file;
 * cell-level problems as rejections naming sheet, row and column) or a correct import/open
 * within the time bound, and none may crash, hang, pollute a prototype or write anything.
 *
 * Cases run in child processes (fuzz-child.ts), so a hang or a native crash is caught: the
 * watchdog kills a child that stays silent on a case, and the run goes on with the next case.
 * A death is blamed on the case whose work it was: the case running, the case being generated,
 * or, between cases, the case that answered last (the child says a case is done only once no work
 * it started is left; work outliving its answer is a failure of that case, 'leftover').
 * FUZZ_N cases (default 200 inside `npm test`; `npm run test:fuzz` runs 2000), FUZZ_SEED to
 * replay a run, FUZZ_ONLY=i,j to replay single cases, FUZZ_JOBS child processes (default 2).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { bundleChild } from './child-bundle.js';

const N = Number(process.env.FUZZ_N ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20211202);
const JOBS = Math.max(1, Number(process.env.FUZZ_JOBS ?? 2));
const CASE_MS = Number(process.env.FUZZ_CASE_MS ?? 15_000);
/** Silence on one case for this long is a hang (the case bound plus room for a busy machine). */
const HANG_MS = CASE_MS * 3;
const childBundle = path.resolve('dist/test/fuzz-child.mjs');

beforeAll(async () => {
  await bundleChild('test/reliability/fuzz-child.ts', childBundle, ['better-sqlite3', 'exceljs']);
}, 60_000);

interface CaseResult {
  i: number;
  label: string;
  outcome: 'located' | 'correct' | 'unlocated' | 'malformed' | 'unexpected' | 'slow' | 'leftover' | 'bad-write' | 'crash' | 'hang' | 'pollution';
  ms: number;
  /** Milliseconds from the answer until the case's work had ended (fuzz-child.ts). */
  quietMs?: number;
  /** Milliseconds the generator took to make the case. */
  genMs?: number;
  code?: string;
  detail?: string;
}

interface ChildEnd {
  results: CaseResult[];
  /** Where the next child starts, or null when the range is done. */
  next: number | null;
}

/** Runs cases [from, to) in one child until it ends, dies or hangs. */
function runChild(from: number, to: number, workDir: string): Promise<ChildEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', '--expose-gc', childBundle, String(SEED), String(from), String(to), workDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FUZZ_CASE_MS: String(CASE_MS) },
    });
    const results: CaseResult[] = [];
    /**
     * What the child is doing: starting up, generating case i, running case i, or between cases
     * after case i answered (then only case i's leftover work can be running).
     */
    let phase: { kind: 'startup' } | { kind: 'generate' | 'case' | 'after'; i: number; label: string } = { kind: 'startup' };
    let ended = false;
    let hung = false;
    let pollutedAt: { i: number; detail: string } | null = null;
    let buffer = '';
    let stderr = '';
    // Startup (demo workbook, annex export) gets the same allowance as a case. The watchdog stays
    // armed between cases too: silence after an answer is blamed on the case that answered.
    let watchdog = setTimeout(() => ((hung = true), child.kill('SIGKILL')), HANG_MS);
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => ((hung = true), child.kill('SIGKILL')), HANG_MS);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('G ')) {
          phase = { kind: 'generate', i: Number(line.slice(2)), label: 'generate' };
          arm();
        } else if (line.startsWith('S ')) {
          const [, i, label] = line.split(' ');
          phase = { kind: 'case', i: Number(i), label: label ?? '?' };
          arm();
        } else if (line.startsWith('D ')) {
          const r = JSON.parse(line.slice(2)) as CaseResult;
          results.push(r);
          phase = { kind: 'after', i: r.i, label: r.label };
          arm();
        } else if (line.startsWith('P ')) {
          const [, i, ...rest] = line.split(' ');
          pollutedAt = { i: Number(i), detail: rest.join(' ') };
        } else if (line === 'END') ended = true;
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      if (ended) return resolve({ results, next: null });
      if (pollutedAt) {
        results.push({ i: pollutedAt.i, label: results.find((r) => r.i === pollutedAt!.i)?.label ?? '?', outcome: 'pollution', ms: 0, detail: pollutedAt.detail });
        return resolve({ results, next: pollutedAt.i + 1 < to ? pollutedAt.i + 1 : null });
      }
      const how = hung ? `silent for ${HANG_MS} ms, killed` : `exit ${code ?? signal}: ${stderr.slice(-600)}`;
      const p = phase;
      if (p.kind === 'startup') {
        // Died before its first case (building the corpus): nothing to blame on a file.
        return reject(new Error(`fuzz child failed while starting up (${how})`));
      }
      const outcome = hung ? 'hang' : 'crash';
      if (p.kind === 'generate') {
        // The generator (fuzz-cases.ts) itself hung or crashed on case i: a harness bug, named as such.
        results.push({ i: p.i, label: 'generate', outcome, ms: 0, detail: `while generating case ${p.i} (fuzz-cases.ts makeCase), before it ran: ${how}` });
      } else if (p.kind === 'case') {
        results.push({ i: p.i, label: p.label, outcome, ms: 0, detail: hung ? `no answer within ${HANG_MS} ms` : how });
      } else {
        // After case i answered and its work was seen to end, before the next case was generated:
        // only what case i left behind can have been running. Its answer is replaced by the failure.
        const k = results.findIndex((r) => r.i === p.i);
        const answered = k >= 0 ? results.splice(k, 1)[0]!.outcome : '?';
        results.push({ i: p.i, label: p.label, outcome: 'leftover', ms: 0, detail: `the child died after this case answered (${answered}): ${how}` });
      }
      resolve({ results, next: p.i + 1 < to ? p.i + 1 : null });
    });
  });
}

async function runRange(from: number, to: number, workDir: string): Promise<CaseResult[]> {
  const all: CaseResult[] = [];
  let next: number | null = from;
  let k = 0;
  while (next !== null) {
    const end: ChildEnd = await runChild(next, to, path.join(workDir, `child-${k++}`));
    all.push(...end.results);
    next = end.next;
  }
  return all;
}

describe(`hostile-file fuzz (${N} files, seed ${SEED})`, () => {
  it('every file ends in a located error or a correct import/open: no crash, hang, write or prototype pollution', async () => {
    const started = Date.now();
    const dir = tempDir('rpjmd-fuzz-');
    const shards = Array.from({ length: Math.min(JOBS, N) }, (_, j) => [Math.floor((j * N) / JOBS), Math.floor(((j + 1) * N) / JOBS)] as const);
    const results = (await Promise.all(shards.map(([a, b], j) => runRange(a, b, path.join(dir, `shard-${j}`))))).flat().sort((a, b) => a.i - b.i);
    const count = (o: CaseResult['outcome'] | CaseResult['outcome'][]) => results.filter((r) => (Array.isArray(o) ? o : [o]).includes(r.outcome)).length;
    const store = results.filter((r) => r.label.startsWith('store/'));
    const storeSet = new Set(store);
    const c = {
      files: results.length,
      importer: results.length - store.length,
      sqlite: store.length,
      located: count('located'),
      correctImports: results.filter((r) => r.outcome === 'correct' && !storeSet.has(r)).length,
      correctOpens: store.filter((r) => r.outcome === 'correct').length,
      crashes: count('crash'),
      hangs: count(['hang', 'slow']),
      leftovers: count('leftover'),
      badWrites: count('bad-write'),
      pollution: count('pollution'),
      unlocated: count(['unlocated', 'malformed']),
      unexpected: count('unexpected'),
    };
    const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 3).map((r) => `#${r.i} ${r.label} ${r.ms}ms`).join(', ');
    const latest = [...results].sort((a, b) => (b.quietMs ?? 0) - (a.quietMs ?? 0))[0];
    const slowestGen = [...results].sort((a, b) => (b.genMs ?? 0) - (a.genMs ?? 0))[0];
    const byLabel = new Map<string, number>();
    for (const r of results) byLabel.set(r.label.split('/')[0]!, (byLabel.get(r.label.split('/')[0]!) ?? 0) + 1);
    for (const r of results.filter((x) => !['located', 'correct'].includes(x.outcome))) {
      console.error(`fuzz FAIL seed=${SEED} case=${r.i} (${r.label}) ${r.outcome}: ${r.detail ?? ''}\n  replay: FUZZ_SEED=${SEED} FUZZ_ONLY=${r.i} FUZZ_N=${r.i + 1} FUZZ_JOBS=1 npx vitest run test/reliability/fuzz.test.ts`);
    }
    console.log(
      `fuzz: kinds ${[...byLabel].map(([k, v]) => `${k} ${v}`).join(', ')}; slowest ${slowest}; ` +
        `longest wait for a case's work to end after its answer ${latest ? `#${latest.i} ${latest.quietMs ?? 0}ms` : '-'}; slowest generation ${slowestGen ? `#${slowestGen.i} ${slowestGen.genMs ?? 0}ms` : '-'}`,
    );
    console.log(
      `fuzz: seed=${SEED} files=${c.files} (importer ${c.importer}, sqlite ${c.sqlite}) located-errors=${c.located} correct-imports=${c.correctImports} correct-opens=${c.correctOpens} ` +
        `crashes=${c.crashes} hangs=${c.hangs} leftovers=${c.leftovers} bad-writes=${c.badWrites} pollution=${c.pollution} unlocated=${c.unlocated} unexpected=${c.unexpected} wall=${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
    expect(c).toMatchObject({ files: process.env.FUZZ_ONLY ? c.files : N, crashes: 0, hangs: 0, leftovers: 0, badWrites: 0, pollution: 0, unlocated: 0, unexpected: 0 });
  }, 3_600_000);
});
