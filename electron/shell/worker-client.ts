/**
 * Main's side of the store worker (electron/host/store-worker.ts): the store client of
 * host/store-client.ts over a worker_threads Worker — calls that always resolve with a Result,
 * and a watchdog that stops a call gone on too long. A worker thread inside a native SQLite call
 * cannot be interrupted (terminate() waits for the call to return), so after the watchdog main
 * starts a fresh worker for the next call and the stopped one ends when its statement does.
 */
import type { Worker } from 'node:worker_threads';
import type { StoreClient, StoreClientOptions } from '../host/store-client.js';
import { createStoreClient } from '../host/store-client.js';

export type WorkerLike = Pick<Worker, 'postMessage' | 'on' | 'terminate'>;
export type WorkerClient = StoreClient;

export function createWorkerClient(worker: WorkerLike, onProblem: (message: string) => void = () => {}, options: Omit<StoreClientOptions, 'onProblem'> = {}): WorkerClient {
  let errorText: string | null = null;
  return createStoreClient(
    {
      send: (message) => worker.postMessage(message),
      onMessage: (listener) => worker.on('message', listener),
      onExit: (listener) => {
        worker.on('error', (err: Error) => {
          errorText = `failed: ${err.message}`;
        });
        worker.on('exit', (code: number) => listener(errorText ?? `exit code ${code}`, code !== 0 || errorText !== null));
      },
      kill: () => worker.terminate(),
    },
    { ...options, onProblem },
  );
}
