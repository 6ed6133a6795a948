/**
 * The browser host's store: the services in a child process of `npm run serve`, answering the
 * worker protocol (worker-protocol.ts) over Node's IPC channel. A process rather than a worker
 * thread because the host must be able to stop it: one SQLite statement of a crafted workbook can
 * run for ever inside native code, where a thread cannot be interrupted but a process can be
 * killed (store-supervisor.ts runs the watchdog and starts a fresh store after it).
 *
 *   node store-process.mjs '{"dataDir": "...", "appVersion": "..."}'
 */
import { failure } from '../../shared/api/result.js';
import type { Dispatch } from '../../shared/api/dispatch.js';
import { createServices } from '../services/index.js';
import { answerRequests, MAX_RESPONSE_CHARS } from './worker-protocol.js';

export interface StoreProcessData {
  dataDir: string;
  appVersion: string;
}

function start(): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('store-process must be started with an IPC channel (child_process.fork)');
  let dispatch: Dispatch;
  let close: () => void | Promise<void> = () => {};
  try {
    const data = JSON.parse(process.argv[2] ?? '{}') as StoreProcessData;
    const services = createServices({ dataDir: data.dataDir, host: 'browser', appVersion: data.appVersion });
    dispatch = services.dispatch;
    close = () => services.close();
  } catch (err) {
    // Keep answering, so every call tells the user why nothing works instead of hanging.
    const reason = `Workbook services failed to start: ${err instanceof Error ? err.message : String(err)}`;
    console.error(reason);
    dispatch = async () => failure('internal', reason);
  }
  answerRequests(
    {
      on: (_event, listener) => process.on('message', listener),
      postMessage: (message) => send(message),
      close: () => process.disconnect(),
    },
    dispatch,
    close,
    { maxResponseChars: MAX_RESPONSE_CHARS },
  );
  // The parent gone (killed, closed its end): nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
}

start();
