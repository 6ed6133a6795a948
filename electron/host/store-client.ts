/**
 * The caller's side of a store that runs elsewhere — a worker thread (Electron, shell/worker-client.ts)
 * or a child process (the browser host, store-supervisor.ts): one `call(method, input)` that always
 * resolves with a Result, never waits forever.
 *
 * - If the store fails or exits, calls in flight and later calls resolve with a failure naming the
 *   cause, so the page shows an error instead of a spinner.
 * - The watchdog: a call that has not answered within `callTimeoutMs` stops the store (a crafted
 *   workbook can make one SQLite statement run for ever; SQLite cannot be interrupted from
 *   another thread through better-sqlite3, so the store's process or thread is ended) and every
 *   call in flight answers `timeout`. The owner starts a fresh store for the calls that follow.
 *   Nothing committed is lost: every write is one SQLite transaction, and a transaction cut off
 *   is rolled back by the journal when the file is next opened (test/reliability/crash.test.ts).
 *
 * Plain Node; the transport is injected, so tests drive it with a real Worker or child process.
 */
import type { ErrorCode, Result } from '../../shared/api/result.js';
import { failure } from '../../shared/api/result.js';
import type { WorkerRequest, WorkerShutdown } from './worker-protocol.js';
import { isWorkerResponse } from './worker-protocol.js';

/** How a store is reached: messages both ways, its end, and how to stop it for good. */
export interface StoreTransport {
  /** Throws when the message cannot be sent (e.g. cannot be cloned). */
  send(message: WorkerRequest | WorkerShutdown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** `failed` when the store ended abnormally (non-zero exit, a signal, an error event). */
  onExit(listener: (how: string, failed: boolean) => void): void;
  /** Ends the store at once (SIGKILL for a process, terminate() for a thread). */
  kill(): void | Promise<unknown>;
}

export interface StoreClientOptions {
  /** A call still unanswered after this long stops the store (default: no watchdog); per method when a function. */
  callTimeoutMs?: number | ((method: string) => number);
  onProblem?: (message: string) => void;
}

export interface StoreClient {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Asks the store to finish in-flight calls and close the workbook; kills it after `timeoutMs`. */
  close(timeoutMs?: number): Promise<void>;
  /** False once the store has ended, failed or was stopped by the watchdog. */
  readonly alive: boolean;
  /** Settles when the store's process or thread has ended (reported by the transport). */
  readonly ended: Promise<void>;
}

/** Default watchdog: far above any legitimate read or edit (the slowest, a large paste, takes seconds). */
export const DEFAULT_CALL_TIMEOUT_MS = 120_000;

/**
 * Methods that build a whole annex: a PDF of a large workbook takes most of a minute of CPU on a
 * fast machine (docs/PERFORMANCE.md), so a slow office laptop gets ten minutes before the
 * watchdog decides the call has run away.
 */
const LONG_METHODS: ReadonlySet<string> = new Set(['annex.export', 'annex.exportBytes', 'province.export', 'province.exportBytes', 'province.reviewBytes']);
export const LONG_CALL_TIMEOUT_MS = 600_000;

/** The watchdog the hosts use: DEFAULT for every call, LONG for annex builds; `base` overrides the default. */
export function watchdogFor(base: number = DEFAULT_CALL_TIMEOUT_MS): (method: string) => number {
  return (method) => (LONG_METHODS.has(method) ? Math.max(base, LONG_CALL_TIMEOUT_MS) : base);
}

interface Pending {
  method: string;
  resolve: (result: Result<unknown>) => void;
  timer: NodeJS.Timeout | undefined;
}

export function createStoreClient(transport: StoreTransport, options: StoreClientOptions = {}): StoreClient {
  const onProblem = options.onProblem ?? (() => {});
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: { code: ErrorCode; reason: string } | null = null;
  let markExited: () => void = () => {};
  const exited = new Promise<void>((resolve) => {
    markExited = resolve;
  });

  const settle = (id: number, result: Result<unknown>) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(result);
  };
  const failAll = () => {
    for (const id of [...pending.keys()]) settle(id, failure(dead?.code ?? 'internal', dead?.reason ?? 'The workbook service stopped'));
  };
  const die = (code: ErrorCode, reason: string, report: boolean) => {
    if (dead === null) {
      dead = { code, reason };
      if (report) onProblem(reason);
    }
    failAll();
  };

  transport.onMessage((msg) => {
    if (isWorkerResponse(msg)) settle(msg.id, msg.result);
  });
  transport.onExit((how, failed) => {
    die('internal', `The workbook service stopped (${how})`, failed);
    markExited();
  });

  const timeoutOf = (method: string): number | undefined =>
    typeof options.callTimeoutMs === 'function' ? options.callTimeoutMs(method) : options.callTimeoutMs;

  const watchdog = (method: string) => {
    const seconds = Math.round((timeoutOf(method) ?? 0) / 1000);
    die(
      'timeout',
      `${method} ran for more than ${seconds} s and was stopped; the workbook was closed (every saved change is kept). Open it again.`,
      true,
    );
    void Promise.resolve(transport.kill()).catch(() => {});
  };

  return {
    get alive() {
      return dead === null;
    },
    ended: exited,
    call(method, input) {
      if (dead !== null) return Promise.resolve(failure(dead.code, dead.reason));
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        const ms = timeoutOf(method);
        const timer = ms !== undefined ? setTimeout(() => watchdog(method), ms) : undefined;
        pending.set(id, { method, resolve, timer });
        try {
          transport.send({ id, method, input });
        } catch (err) {
          // Input that cannot be cloned (a function, a DOM-ish object) never reaches the store.
          settle(id, failure('bad_input', `Input for ${method} cannot be sent: ${err instanceof Error ? err.message : String(err)}`));
        }
      });
    },
    async close(timeoutMs = 5000) {
      if (dead === null) {
        dead = { code: 'internal', reason: 'The workbook service is closed' };
        try {
          transport.send({ shutdown: true });
        } catch {
          // Already gone: the exit event settles it.
        }
      }
      // A thread stopped by the watchdog inside a native call may never report its exit: wait
      // a bounded time, end it, and go on.
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([exited, timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        onProblem('The workbook service did not stop in time; ending it');
        await Promise.resolve(transport.kill()).catch(() => {});
      }
    },
  };
}
