/** Starts the Node-side services for one host. Never imports 'electron' (see docs/ARCHITECTURE.md). */
import { createDispatch, type Dispatch } from '../../shared/api/dispatch.js';
import { createHandlers } from './handlers.js';
import type { ServiceOptions } from './options.js';
import { Session } from './session.js';

export interface Services {
  dispatch: Dispatch;
  session: Session;
  /** Closes the workbook; a network or cloud workbook is saved back first when it can be. */
  close(): Promise<void>;
}

export function createServices(options: ServiceOptions): Services {
  const session = new Session(options);
  const dispatch = createDispatch(createHandlers(session), (err) => {
    console.error('[services] internal error:', err);
  });
  return { dispatch, session, close: () => session.shutdown() };
}

export type { ServiceOptions } from './options.js';
