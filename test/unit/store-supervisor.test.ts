/**
 * The browser host's watchdog: a call that runs away in its store process is stopped and
 * answered with `timeout`, calls waiting behind it are answered too, the host keeps answering,
 * and the next call gets a fresh store. Driven against a real child process (fixtures/spin-store.ts).
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superviseStore, type StoreSupervisor } from '../../electron/host/store-supervisor.js';
import { LONG_CALL_TIMEOUT_MS, watchdogFor } from '../../electron/host/store-client.js';

let dir: string;
let entry: string;
const open: StoreSupervisor[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-supervisor-'));
  entry = path.join(dir, 'spin-store.mjs');
  await build({ entryPoints: [path.join(import.meta.dirname, 'fixtures/spin-store.ts')], outfile: entry, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
});

afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

function supervise(callTimeoutMs: number): { store: StoreSupervisor; problems: string[] } {
  const problems: string[] = [];
  const store = superviseStore({ entry, args: [], callTimeoutMs, onProblem: (m) => problems.push(m) });
  open.push(store);
  return { store, problems };
}

function pidOf(value: unknown): number {
  return (value as { pid: number }).pid;
}

describe('the store supervisor', () => {
  it('stops a runaway call with a timeout, answers the calls queued behind it, and serves the next call from a fresh store', async () => {
    const { store, problems } = supervise(1500);
    const first = await store.call('echo', { n: 1 });
    expect(first).toMatchObject({ ok: true, value: { input: { n: 1 } } });
    const firstPid = pidOf(first.ok && first.value);

    const started = Date.now();
    const [spun, queued] = await Promise.all([store.call('spin', {}), store.call('echo', { n: 2 })]);
    expect(spun).toMatchObject({ ok: false, code: 'timeout' });
    expect(!spun.ok && spun.message).toMatch(/spin ran for more than 2 s and was stopped; the workbook was closed/);
    expect(queued).toMatchObject({ ok: false, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(problems.join('\n')).toMatch(/spin ran for more than/);

    const next = await store.call('echo', { n: 3 });
    expect(next).toMatchObject({ ok: true, value: { input: { n: 3 } } });
    expect(pidOf(next.ok && next.value)).not.toBe(firstPid);
    expect(store.starts).toBe(2);
    // The runaway process is gone, not left pinning a CPU.
    await store.retired();
    expect(() => process.kill(firstPid, 0)).toThrow();
  });

  it('gives building an annex (a PDF of a large workbook takes most of a minute) ten minutes, every other call the host\'s limit', () => {
    const limit = watchdogFor(2000);
    expect(limit('targets.set')).toBe(2000);
    expect(limit('annex.export')).toBe(LONG_CALL_TIMEOUT_MS);
    expect(limit('annex.exportBytes')).toBe(LONG_CALL_TIMEOUT_MS);
    expect(watchdogFor(900_000)('annex.export')).toBe(900_000);
  });

  it('replaces an answer over the size cap by a too_large failure naming the call', async () => {
    const { store } = supervise(10_000);
    const big = await store.call('big', {});
    expect(big).toMatchObject({ ok: false, code: 'too_large' });
    expect(!big.ok && big.message).toMatch(/The answer to big is 2002 characters, more than the 1000/);
    expect(await store.call('echo', {})).toMatchObject({ ok: true });
    expect(store.starts).toBe(1);
  });

  it('answers a call whose store crashed and starts another for the next', async () => {
    const { store } = supervise(10_000);
    expect(await store.call('crash', {})).toMatchObject({ ok: false, code: 'internal', message: expect.stringMatching(/stopped \(exit code 3\)/) });
    expect(await store.call('echo', {})).toMatchObject({ ok: true });
    expect(store.starts).toBe(2);
  });
});
