/**
 * The browser host's side of its store process (store-process.ts): forks it, sends every API call
 * through a store client with a watchdog (store-client.ts), and starts a fresh store when the
 * last one ended — killed by the watchdog, crashed, or run out of memory. The HTTP server stays
 * on this process, so the host keeps answering (app.info, the page, the next call) whatever one
 * workbook does to its store.
 *
 * After a restart no workbook is open: the page shows the reason of the call that was stopped
 * and the start view (open again, recent files). The file is safe: every write is one SQLite
 * transaction, and one cut off is rolled back when the file is next opened.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Result } from '../../shared/api/result.js';
import type { StoreClient } from './store-client.js';
import { createStoreClient } from './store-client.js';

export interface StoreSupervisorOptions {
  /** The store's entry (dist/node/store-process.mjs), run with `args`. */
  entry: string;
  args: readonly string[];
  /** A call unanswered after this long stops the store (the watchdog); per method when a function. */
  callTimeoutMs: number | ((method: string) => number);
  onProblem?: (message: string) => void;
}

export interface StoreSupervisor {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
  /** Stores started so far (1 until the first restart). */
  readonly starts: number;
  /** Settles when every store replaced so far has ended (a stopped store is really gone). */
  retired(): Promise<void>;
}

export function superviseStore(options: StoreSupervisorOptions): StoreSupervisor {
  const onProblem = options.onProblem ?? (() => {});
  let starts = 0;
  let closed = false;

  const start = (): StoreClient => {
    starts++;
    const child: ChildProcess = fork(options.entry, [...options.args], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
      serialization: 'advanced',
    });
    let errorText: string | null = null;
    return createStoreClient(
      {
        send: (message) => {
          if (!child.connected) throw new Error('the store process is not connected');
          child.send(message);
        },
        onMessage: (listener) => child.on('message', listener),
        onExit: (listener) => {
          child.on('error', (err) => {
            errorText = `failed: ${err.message}`;
          });
          child.on('exit', (code, signal) => listener(errorText ?? (signal ? `signal ${signal}` : `exit code ${code}`), code !== 0 || signal !== null || errorText !== null));
        },
        kill: () => {
          child.kill('SIGKILL');
        },
      },
      { callTimeoutMs: options.callTimeoutMs, onProblem },
    );
  };

  let client = start();
  const replaced: Promise<void>[] = [];
  return {
    get starts() {
      return starts;
    },
    call(method, input) {
      if (!client.alive && !closed) {
        replaced.push(client.ended);
        client = start();
      }
      return client.call(method, input);
    },
    async retired() {
      await Promise.all(replaced);
    },
    async close() {
      closed = true;
      await client.close();
    },
  };
}
