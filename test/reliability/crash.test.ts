/**
 * Crash safety: a child process edits a workbook through the real services while this process
 * kills it with SIGKILL at random moments. After every kill the file must pass integrity_check,
 * hold every operation the child reported committed and nothing half-applied, and its undo
 * history must replay. A Save As killed midway must leave the original intact and no
 * half-written file under the target name.
 * CRASH_N kills per mode: 20 inside `npm test`, 200 with `npm run test:crash`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/index.js';
import { Workbook } from '../../electron/workbook/store.js';
import { createScenario } from '../../electron/workbook/editors/scenarios.js';
import { createDemoWorkbook } from '../../electron/workbook/demo.js';
import { tempDir } from '../helpers/files.js';
import { bundleChild } from './child-bundle.js';
import { digestFile, integrity } from './digest.js';

const N = Number(process.env.CRASH_N ?? 20);
const childBundle = path.resolve('dist/test/crash-child.mjs');

beforeAll(async () => {
  // The child runs in plain Node: bundle it beside the app's own bundles so better-sqlite3 resolves.
  await bundleChild('test/reliability/crash-child.ts', childBundle, ['better-sqlite3']);
}, 60_000);

interface ChildRun {
  lines: string[];
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs the child and kills it `afterMs` after it said READY (or lets a crash surface). */
function runAndKill(args: string[], afterMs: number): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childBundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        if (line.startsWith('READY') && !timer) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      resolve({ lines, stderr, code, signal });
    });
  });
}

function rand(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

async function demoWithScenario(dir: string): Promise<string> {
  const file = path.join(dir, 'demo.rpjmd');
  const wb = await createDemoWorkbook(file);
  createScenario(wb, { user: 'crash' }, 'Perubahan 2021', '', { kind: 'original' });
  wb.close();
  return file;
}

/** What undo and redo restore: the targets and justifications of every scenario. */
function editableState(file: string): string {
  const conn = new Database(file, { readonly: true });
  try {
    const targets = conn.prepare('SELECT scenario_id, indicator_id, year, value, origin FROM scenario_target ORDER BY 1, 2, 3').all();
    const just = conn.prepare('SELECT scenario_id, indicator_id, text FROM justification ORDER BY 1, 2').all();
    const scenarios = conn.prepare('SELECT id, name, status FROM scenario ORDER BY id').all();
    return JSON.stringify([scenarios, targets, just]);
  } finally {
    conn.close();
  }
}

/** Undo every step, then redo them all: no error, and the file comes back to where it was. */
async function historyReplays(file: string, dataDir: string): Promise<boolean> {
  const { dispatch, close } = createServices({ dataDir, host: 'browser', appVersion: 'crash' });
  try {
    const opened = await dispatch('workbook.open', { path: file });
    if (!opened.ok) throw new Error(opened.message);
    const before = editableState(file);
    let undone = 0;
    for (;;) {
      const r = await dispatch('history.undo', {});
      if (!r.ok) throw new Error(r.message);
      if ((r.value as { step: unknown }).step === null) break;
      undone++;
    }
    // Everything undone: the scenario made before the first kill is gone with its targets.
    if (editableState(file) === before && undone > 0) return false;
    for (let i = 0; i < undone; i++) {
      const r = await dispatch('history.redo', {});
      if (!r.ok) throw new Error(r.message);
    }
    return editableState(file) === before;
  } finally {
    close();
  }
}

describe(`crash safety (${N} kills per mode)`, () => {
  it('edits killed at random moments: no corruption, no lost or partial edit, undo history replays', async () => {
    const dir = tempDir('rpjmd-crash-');
    const file = await demoWithScenario(dir);
    const r = rand(7);
    const counts = { kills: 0, committedOps: 0, lostEdits: 0, partialEdits: 0, corruptFiles: 0, childFailures: 0, historyFailures: 0 };
    let expected = digestFile(file);
    for (let i = 0; i < N; i++) {
      const run = await runAndKill(['edits', file, String(1000 + i), path.join(dir, 'twin.rpjmd'), path.join(dir, 'data')], 30 + Math.floor(r() * 400));
      if (run.signal === 'SIGKILL') counts.kills++;
      else {
        counts.childFailures++;
        console.error(run.stderr);
      }
      const ready = run.lines.find((l) => l.startsWith('READY'));
      // The child starts from whatever the last one left: that state must be the one we expected.
      if (ready && ready.split(' ')[1] !== expected) counts.lostEdits++;
      let lastCommitted = ready?.split(' ')[1] ?? expected;
      let pendingAfter: string | undefined;
      for (const line of run.lines) {
        const [kind, , digest] = line.split(' ');
        if (kind === 'C') {
          lastCommitted = digest!;
          pendingAfter = undefined;
          counts.committedOps++;
        } else if (kind === 'P') pendingAfter = digest;
      }
      if (integrity(file) !== 'ok') {
        counts.corruptFiles++;
        break;
      }
      const now = digestFile(file);
      if (now !== lastCommitted && now !== pendingAfter) {
        // Neither the last reported state nor the announced next one: an edit was lost or torn.
        if (pendingAfter === undefined) counts.lostEdits++;
        else counts.partialEdits++;
      }
      if (i % 5 === 4 && !(await historyReplays(file, path.join(dir, 'verify')).catch(() => false))) counts.historyFailures++;
      expected = digestFile(file);
    }
    console.log(`crash/edits: kills ${counts.kills}, committed ops ${counts.committedOps}, lost edits ${counts.lostEdits}, partial edits ${counts.partialEdits}, corrupt files ${counts.corruptFiles}, child failures ${counts.childFailures}, history failures ${counts.historyFailures}`);
    expect(counts).toMatchObject({ kills: N, lostEdits: 0, partialEdits: 0, corruptFiles: 0, childFailures: 0, historyFailures: 0 });
    expect(counts.committedOps).toBeGreaterThan(N);
  }, 600_000);

  it('Save As killed midway: the original stays intact, the target is whole or absent', async () => {
    const dir = tempDir('rpjmd-crash-saveas-');
    const file = await demoWithScenario(dir);
    const original = digestFile(file);
    const target = path.join(dir, 'salinan.rpjmd');
    const r = rand(11);
    const counts = { kills: 0, saves: 0, originalDamaged: 0, halfWrittenTargets: 0 };
    for (let i = 0; i < N; i++) {
      const run = await runAndKill(['saveas', file, '0', target, dir], 5 + Math.floor(r() * 150));
      if (run.signal === 'SIGKILL') counts.kills++;
      counts.saves += run.lines.filter((l) => l.startsWith('S ')).length;
      if (integrity(file) !== 'ok' || digestFile(file) !== original) counts.originalDamaged++;
      if (fs.existsSync(target)) {
        let whole: boolean;
        try {
          whole = integrity(target) === 'ok' && digestFile(target) === original;
        } catch {
          whole = false;
        }
        if (!whole) counts.halfWrittenTargets++;
      }
    }
    // Opening the target through the store must work too (its lock from the killed child is stale).
    if (fs.existsSync(target)) (await Workbook.open(target)).close();
    console.log(`crash/save-as: kills ${counts.kills}, completed saves ${counts.saves}, original damaged ${counts.originalDamaged}, half-written targets ${counts.halfWrittenTargets}`);
    expect(counts).toMatchObject({ kills: N, originalDamaged: 0, halfWrittenTargets: 0 });
  }, 600_000);
});
