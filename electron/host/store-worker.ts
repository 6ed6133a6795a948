/**
 * The store worker: runs the services (SQLite via better-sqlite3) in a worker_threads thread so
 * a slow query or a Save As of a large workbook never freezes the window. A Worker rather than a
 * utilityProcess because it is plain Node: the same entry and protocol run under vitest.
 * main.ts starts it with StoreWorkerData; worker-protocol.ts (beside it) describes the messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Dispatch } from '../../shared/api/dispatch.js';
import { failure } from '../../shared/api/result.js';
import { createServices } from '../services/index.js';
import type { StoreWorkerData } from './worker-protocol.js';
import { answerRequests, MAX_RESPONSE_CHARS } from './worker-protocol.js';

function start(): void {
  if (!parentPort) throw new Error('store-worker must run in a worker thread');
  const data = workerData as StoreWorkerData;
  let dispatch: Dispatch;
  let close: () => void | Promise<void> = () => {};
  try {
    const services = createServices({
      dataDir: data.dataDir,
      host: 'electron',
      appVersion: data.appVersion,
      ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
    });
    dispatch = services.dispatch;
    close = () => services.close();
  } catch (err) {
    // Keep answering, so every call tells the user why nothing works instead of hanging.
    const reason = `Workbook services failed to start: ${err instanceof Error ? err.message : String(err)}`;
    console.error(reason);
    dispatch = async () => failure('internal', reason);
  }
  answerRequests(parentPort, dispatch, close, { maxResponseChars: MAX_RESPONSE_CHARS });
}

start();
