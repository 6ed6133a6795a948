/**
 * The province bench (issue 18, Performance; docs/PERFORMANCE.md, "The province"): opening a
 * folder of regency workbooks read-only and computing the provincial aggregate
 * (electron/services/province.ts readProvinceFolder: open, quick_check, P0, population, the
 * usulan's targets and checks, then the pure aggregate), for the 17 of Sumatera Selatan (the demo
 * province) and for 170 (ten provinces' worth: copies, each renamed to a region of its own so
 * all 170 aggregate), against the floor of opening the same files bare (a read-only
 * better-sqlite3 connection and a trivial read of the plan row), turn about in the same run.
 * Goals: 17 ≤ 1 s; the log-log slope from 17 to 170 ≤ 1,1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readProvinceFolder, workbookFiles } from '../electron/services/province.js';
import { createDemoProvince } from '../electron/workbook/province-demo.js';
import { formatMeasure, growth, measure, timeInterleaved, type Measure } from './measure.js';

const GOALS = { seventeen: { kind: 'absolute', max: 1000 }, growth: { kind: 'slope', max: 1.1 } } as const;

/** Bare: open each file read-only, read the plan row, close. */
function openBare(dir: string, files: readonly string[]): void {
  for (const f of files) {
    const db = new Database(path.join(dir, f), { readonly: true, fileMustExist: true });
    db.prepare('SELECT region FROM plan WHERE id = 1').get();
    db.close();
  }
}

/** Ten provinces' worth: each of the 17 copied 10 times, every copy a region of its own. */
function tenProvinces(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const f of workbookFiles(from)) {
    for (let k = 0; k < 10; k++) {
      const copy = path.join(to, `${k}-${f}`);
      fs.copyFileSync(path.join(from, f), copy);
      const db = new Database(copy);
      db.prepare("UPDATE plan SET region = region || ' #' || ? WHERE id = 1").run(String(k));
      db.close();
    }
  }
}

/** Every workbook must be in the aggregate, or the figure measures less than it says. */
function expectRegions(got: number, want: number): void {
  if (got !== want) throw new Error(`province bench: expected ${want} regions in the aggregate, got ${got}`);
}

export async function runProvinceBench(argv: readonly string[], log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<Measure[]> {
  const quick = argv.includes('--quick');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : quick ? 3 : 7;
  const started = new Date();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpjmd-bench-province-'));
  const measures: Measure[] = [];
  try {
    const one = path.join(dir, 'sumsel');
    const ten = path.join(dir, 'ten');
    await createDemoProvince(one);
    tenProvinces(one, ten);
    const files17 = workbookFiles(one);
    const files170 = workbookFiles(ten);
    log(`province: ${files17.length} and ${files170.length} workbooks, ${runs} runs each`);
    const gc = () => (globalThis as { gc?: () => void }).gc?.();
    const seen = { regions: 0 };
    const [real17, bare17] = await timeInterleaved(
      [
        { before: gc, fn: async () => (seen.regions = (await readProvinceFolder(one)).regions.length) },
        { before: gc, fn: () => openBare(one, files17) },
      ],
      { runs },
    );
    expectRegions(seen.regions, 17);
    const small = measure({
      name: 'province: open 17 workbooks + aggregate',
      size: '17',
      samples: real17!,
      floor: { name: 'bare open + plan row', samples: bare17! },
      goal: GOALS.seventeen,
    });
    measures.push(small);
    log(formatMeasure(small));
    const [real170, bare170] = await timeInterleaved(
      [
        { before: gc, fn: async () => (seen.regions = (await readProvinceFolder(ten)).regions.length) },
        { before: gc, fn: () => openBare(ten, files170) },
      ],
      { runs: Math.max(3, Math.ceil(runs / 2)) },
    );
    expectRegions(seen.regions, 170);
    const large = measure({ name: 'province: open 170 workbooks + aggregate', size: '170', samples: real170!, floor: { name: 'bare open + plan row', samples: bare170! } });
    measures.push(large);
    log(formatMeasure(large));
    const g = growth('province: open + aggregate', small, large, 10, GOALS.growth);
    const slope = { ...g, note: `${g.note?.replace('the indicators', 'the workbooks')}` };
    measures.push(slope);
    log(formatMeasure(slope));
    const bare = growth('province: bare open', { ...small, median: small.floor!.median }, { ...large, median: large.floor!.median }, 10, null);
    measures.push(bare);
    log(formatMeasure({ ...bare, note: `${bare.note?.replace('the indicators', 'the workbooks')}` }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const resultsDir = path.resolve('bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const out = path.join(resultsDir, `province-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  const cpus = os.cpus();
  fs.writeFileSync(
    out,
    JSON.stringify(
      { timestamp: started.toISOString(), machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? null, node: process.version }, runs, measures },
      null,
      2,
    ),
  );
  log(`results: ${path.relative(process.cwd(), out)}`);
  return measures;
}
