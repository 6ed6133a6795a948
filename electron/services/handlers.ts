/** One handler per contract method. Inputs arrive validated against the contract's schemas. */
import type { Handlers } from '../../shared/api/dispatch.js';
import type { Session } from './session.js';

export const APP_NAME = 'RPJMD Workbench';

export function createHandlers(session: Session): Handlers {
  return {
    'app.info': () => ({ name: APP_NAME, version: session.options.appVersion, host: session.options.host }),

    'workbook.current': () => session.current?.summary() ?? null,
    'workbook.values': ({ series }) => session.require().values(series),
    'workbook.open': async ({ path }) => (await session.open(path)).summary(),
    'workbook.create': async ({ path, plan }) => (await session.create(path, plan)).summary(),
    'workbook.saveAs': async ({ path, overwrite }) => (await session.saveAs(path, overwrite ?? false)).summary(),
    'workbook.close': () => {
      session.close();
      return null;
    },
    'workbook.openDemo': async () => (await session.openDemo()).summary(),

    'recent.list': () => session.recent.list(),
  };
}
