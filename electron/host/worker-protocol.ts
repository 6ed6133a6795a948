/**
 * The messages between main and the store worker (electron/host/store-worker.ts), and the
 * worker's side of the loop. Plain Node (worker_threads ports), so tests run it in a real Worker.
 * It lives in host/ beside the worker: the shell (main, worker-client.ts) may import host/, but
 * host/ may not import the shell (lint zones, docs/ARCHITECTURE.md).
 *
 *   main → worker  { id, method, input }      one API call
 *   worker → main  { id, result }             its Result; the worker never throws across the port
 *   main → worker  { shutdown: true }         finish in-flight calls, close the workbook, exit
 */
import type { Dispatch } from '../../shared/api/dispatch.js';
import type { Result } from '../../shared/api/result.js';
import { failure } from '../../shared/api/result.js';

export interface WorkerRequest {
  id: number;
  method: string;
  input: unknown;
}

export interface WorkerShutdown {
  shutdown: true;
}

export interface WorkerResponse {
  id: number;
  result: Result<unknown>;
}

/** workerData main hands the store worker. */
export interface StoreWorkerData {
  dataDir: string;
  host: 'electron';
  appVersion: string;
  nativeBinding?: string;
}

export function isWorkerRequest(msg: unknown): msg is WorkerRequest {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = msg as Record<string, unknown>;
  return typeof m.id === 'number' && Number.isSafeInteger(m.id) && typeof m.method === 'string';
}

export function isWorkerShutdown(msg: unknown): msg is WorkerShutdown {
  return typeof msg === 'object' && msg !== null && (msg as Record<string, unknown>).shutdown === true;
}

export function isWorkerResponse(msg: unknown): msg is WorkerResponse {
  if (typeof msg !== 'object' || msg === null) return false;
  const m = msg as Record<string, unknown>;
  return typeof m.id === 'number' && typeof m.result === 'object' && m.result !== null;
}

/**
 * The largest answer a store sends, in JSON characters (64 MiB). The biggest legitimate one is an
 * annex for download (base64 of a file the export caps far lower); a crafted workbook must not
 * make a read return hundreds of megabytes. Over it, the call answers `too_large`.
 */
export const MAX_RESPONSE_CHARS = 64 * 1024 * 1024;

export interface AnswerOptions {
  /** Answers longer than this (JSON characters) are replaced by a `too_large` failure. */
  maxResponseChars?: number;
}

/** The parts of worker_threads' parentPort the loop uses. */
export interface PortLike {
  on(event: 'message', listener: (msg: unknown) => void): unknown;
  postMessage(msg: unknown): void;
  close(): void;
}

/**
 * Answers requests on `port` with `dispatch` until a shutdown message arrives, then waits for
 * calls in flight, runs `close` (closes the workbook) and closes the port so the thread ends.
 */
export function answerRequests(port: PortLike, dispatch: Dispatch, close: () => void | Promise<void>, options: AnswerOptions = {}): void {
  const inFlight = new Set<Promise<void>>();
  let shuttingDown = false;

  const answer = async (req: WorkerRequest): Promise<void> => {
    let result: Result<unknown>;
    try {
      result = await dispatch(req.method, req.input);
    } catch (err) {
      // dispatch turns handler errors into Results; this is the last net for anything else.
      result = failure('internal', err instanceof Error ? err.message : 'Internal error');
    }
    if (options.maxResponseChars !== undefined && result.ok) {
      const size = JSON.stringify(result.value)?.length ?? 0;
      if (size > options.maxResponseChars) {
        result = failure('too_large', `The answer to ${req.method} is ${size} characters, more than the ${options.maxResponseChars} the host sends`, {
          params: { size, limit: options.maxResponseChars },
        });
      }
    }
    try {
      port.postMessage({ id: req.id, result } satisfies WorkerResponse);
    } catch (err) {
      // A value that cannot be structured-cloned must still answer the caller.
      port.postMessage({
        id: req.id,
        result: failure('internal', `Result could not be sent: ${err instanceof Error ? err.message : String(err)}`),
      } satisfies WorkerResponse);
    }
  };

  port.on('message', (msg) => {
    if (isWorkerShutdown(msg)) {
      if (shuttingDown) return;
      shuttingDown = true;
      // close() may save a network workbook back; the port stays until it has finished.
      void Promise.allSettled([...inFlight])
        .then(() => close())
        .catch((err: unknown) => console.error('[store-worker] close failed:', err))
        .finally(() => port.close());
      return;
    }
    if (!isWorkerRequest(msg)) return; // nothing to answer: without an id the caller cannot be told
    if (shuttingDown) {
      port.postMessage({ id: msg.id, result: failure('internal', 'The workbook service is shutting down') });
      return;
    }
    const p = answer(msg).finally(() => inFlight.delete(p));
    inFlight.add(p);
  });
}
