import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerClient } from '../../electron/shell/worker-client.js';
import { isWorkerRequest, isWorkerResponse, isWorkerShutdown } from '../../electron/host/worker-protocol.js';

let dir: string;
let script: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-worker-'));
  script = path.join(dir, 'echo-worker.cjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'fixtures/echo-worker.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function startWorker(callTimeoutMs?: number) {
  const closedMarker = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(script, { workerData: { closedMarker } });
  const problems: string[] = [];
  const client = createWorkerClient(worker, (m) => problems.push(m), callTimeoutMs === undefined ? {} : { callTimeoutMs });
  return { worker, client, closedMarker, problems };
}

describe('worker protocol guards', () => {
  it('recognises requests, responses and shutdown', () => {
    expect(isWorkerRequest({ id: 1, method: 'app.info', input: {} })).toBe(true);
    expect(isWorkerRequest({ id: 1.5, method: 'x' })).toBe(false);
    expect(isWorkerRequest({ id: '1', method: 'x' })).toBe(false);
    expect(isWorkerRequest({ id: 1 })).toBe(false);
    expect(isWorkerRequest(null)).toBe(false);
    expect(isWorkerResponse({ id: 1, result: { ok: true, value: null } })).toBe(true);
    expect(isWorkerResponse({ id: 1, result: null })).toBe(false);
    expect(isWorkerShutdown({ shutdown: true })).toBe(true);
    expect(isWorkerShutdown({ shutdown: 'yes' })).toBe(false);
  });
});

describe('worker client with a real worker thread', () => {
  it('answers calls with the Result from dispatch, matched by id', async () => {
    const { client } = startWorker();
    const [a, b, refused] = await Promise.all([
      client.call('echo', { n: 1 }),
      client.call('echo', { n: 2 }),
      client.call('refuse', {}),
    ]);
    expect(a).toEqual({ ok: true, value: { method: 'echo', input: { n: 1 } } });
    expect(b).toEqual({ ok: true, value: { method: 'echo', input: { n: 2 } } });
    expect(refused).toEqual({ ok: false, code: 'not_found', message: 'nothing here' });
    await client.close();
  });

  it('turns a throwing dispatch into an internal failure instead of losing the call', async () => {
    const { client } = startWorker();
    expect(await client.call('throw', {})).toMatchObject({ ok: false, code: 'internal', message: 'dispatch blew up' });
    expect(client.alive).toBe(true);
    await client.close();
  });

  it('answers a result that cannot be sent with an internal failure', async () => {
    const { client } = startWorker();
    expect(await client.call('uncloneable', {})).toMatchObject({ ok: false, code: 'internal' });
    await client.close();
  });

  it('refuses input that cannot be structured-cloned without reaching the worker', async () => {
    const { client } = startWorker();
    expect(await client.call('echo', { f: () => 1 })).toMatchObject({ ok: false, code: 'bad_input' });
    expect(client.alive).toBe(true);
    await client.close();
  });

  it('fails pending and later calls when the worker dies', async () => {
    const { client, problems } = startWorker();
    const crashed = await client.call('crash', {});
    expect(crashed).toMatchObject({ ok: false, code: 'internal' });
    expect(crashed.ok === false && crashed.message).toContain('exit code 7');
    expect(client.alive).toBe(false);
    expect(await client.call('echo', {})).toMatchObject({ ok: false, code: 'internal' });
    expect(problems.join('\n')).toContain('exit code 7');
    await client.close(); // closing a dead worker is a no-op, not a hang
  });

  it('the watchdog answers a call past its deadline with a timeout and stops the worker', async () => {
    const { worker, client, problems } = startWorker(40);
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    const slow = await client.call('slow', {});
    expect(slow).toMatchObject({ ok: false, code: 'timeout' });
    expect(!slow.ok && slow.message).toMatch(/slow ran for more than 0 s and was stopped/);
    expect(client.alive).toBe(false);
    expect(problems.join('\n')).toMatch(/slow ran for more than/);
    await exited; // terminate() ended the thread
    await client.close();
  });

  it('close() lets calls in flight finish, runs the services close, and ends the thread', async () => {
    const { worker, client, closedMarker, problems } = startWorker();
    const exitCode = new Promise<number>((resolve) => worker.once('exit', resolve));
    const slow = client.call('slow', {});
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the request reach the worker
    await client.close();
    expect(await slow).toEqual({ ok: true, value: 'slow done' });
    expect(Atomics.load(closedMarker, 0)).toBe(1);
    expect(await exitCode).toBe(0);
    expect(client.alive).toBe(false);
    expect(await client.call('echo', {})).toMatchObject({ ok: false, code: 'internal' });
    expect(problems).toEqual([]);
  });
});
