/**
 * Main's side of the store worker: one `call(method, input)` that always resolves with a Result.
 * If the worker fails or exits, calls in flight and later calls resolve with an 'internal'
 * failure naming the cause, so the renderer shows an error instead of waiting forever.
 * Plain Node (takes the Worker), so it is tested with a real worker_threads Worker.
 */
import type { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/api/result.js';
import { failure } from '../../shared/api/result.js';
import type { WorkerRequest, WorkerShutdown } from '../host/worker-protocol.js';
import { isWorkerResponse } from '../host/worker-protocol.js';

export type WorkerLike = Pick<Worker, 'postMessage' | 'on' | 'terminate'>;

export interface WorkerClient {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Asks the worker to finish in-flight calls and close the workbook; terminates it after `timeoutMs`. */
  close(timeoutMs?: number): Promise<void>;
  /** False once the worker has exited (or failed to start). */
  readonly alive: boolean;
}

export function createWorkerClient(worker: WorkerLike, onProblem: (message: string) => void = () => {}): WorkerClient {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let nextId = 1;
  let deadReason: string | null = null;
  let markExited: () => void = () => {};
  const exited = new Promise<void>((resolve) => {
    markExited = resolve;
  });

  const failAll = (reason: string) => {
    for (const resolve of pending.values()) resolve(failure('internal', reason));
    pending.clear();
  };

  worker.on('message', (msg: unknown) => {
    if (!isWorkerResponse(msg)) return;
    const resolve = pending.get(msg.id);
    if (!resolve) return;
    pending.delete(msg.id);
    resolve(msg.result);
  });
  worker.on('error', (err: Error) => {
    deadReason = `The workbook service failed: ${err.message}`;
    onProblem(deadReason);
    failAll(deadReason);
  });
  worker.on('exit', (code: number) => {
    deadReason ??= `The workbook service stopped (exit code ${code})`;
    if (code !== 0) onProblem(deadReason);
    failAll(deadReason);
    markExited();
  });

  return {
    get alive() {
      return deadReason === null;
    },
    call(method, input) {
      if (deadReason !== null) return Promise.resolve(failure('internal', deadReason));
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        try {
          worker.postMessage({ id, method, input } satisfies WorkerRequest);
        } catch (err) {
          // Input that cannot be structured-cloned (a function, a DOM-ish object) never reaches the worker.
          pending.delete(id);
          resolve(failure('bad_input', `Input for ${method} cannot be sent: ${err instanceof Error ? err.message : String(err)}`));
        }
      });
    },
    async close(timeoutMs = 5000) {
      if (deadReason === null) {
        deadReason = 'The workbook service is closed';
        worker.postMessage({ shutdown: true } satisfies WorkerShutdown);
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), timeoutMs);
        });
        const outcome = await Promise.race([exited, timedOut]);
        clearTimeout(timer);
        if (outcome === 'timeout') {
          onProblem('The workbook service did not stop in time; terminating it');
          await worker.terminate();
        }
      }
      await exited;
    },
  };
}
