/** One handler per contract method. Inputs arrive validated against the contract's schemas. */
import type { Handlers } from '../../shared/api/dispatch.js';
import { AnnexService } from './annex.js';
import { checkScenario, requireNoErrors } from './checks.js';
import type { Session } from './session.js';

export const APP_NAME = 'RPJMD Workbench';

export function createHandlers(session: Session): Handlers {
  const scenarios = () => session.require().scenarioStore(session.userName);
  const references = () => ({ references: session.require().references(), shockYears: session.require().shockYears() });
  const annex = new AnnexService(session);
  return {
    'app.info': () => ({ name: APP_NAME, version: session.options.appVersion, host: session.options.host }),

    'workbook.current': () => (session.current ? session.summary() : null),
    'workbook.values': ({ series }) => session.require().values(series),
    'workbook.open': async ({ path, readOnly }) => session.summary(await session.open(path, readOnly ?? false)),
    'workbook.create': async ({ path, plan }) => session.summary(await session.create(path, plan)),
    'workbook.saveAs': async ({ path, overwrite }) => session.summary(await session.saveAs(path, overwrite ?? false)),
    'workbook.saveBack': () => session.saveBack(),
    'workbook.close': async () => {
      await session.close();
      return null;
    },
    'workbook.openDemo': async () => session.summary(await session.openDemo()),

    'recent.list': () => session.recent.list(),

    'scenario.create': ({ name, description, from }) => scenarios().create(name, description ?? '', from),
    'scenario.update': ({ scenarioId, name, description }) => scenarios().update(scenarioId, { name, description }),
    'scenario.delete': ({ scenarioId }) => {
      scenarios().delete(scenarioId);
      return null;
    },
    'scenario.setStatus': ({ scenarioId, status }) => {
      // A proposal must pass its checks: a changed target without a justification blocks it.
      if (status === 'usulan') requireNoErrors(checkScenario(session.require(), scenarioId), 'mark this scenario usulan');
      return scenarios().setStatus(scenarioId, status);
    },
    'scenario.targets': ({ scenarioId }) => scenarios().targets(scenarioId),
    'targets.set': ({ scenarioId, action, cells }) => scenarios().setTargets(scenarioId, cells, action),
    'justification.set': ({ scenarioId, indicatorId, text }) => scenarios().setJustification(scenarioId, indicatorId, text),
    'history.state': () => scenarios().history(),
    'history.undo': () => {
      const store = scenarios();
      return { step: store.undo(), state: store.history() };
    },
    'history.redo': () => {
      const store = scenarios();
      return { step: store.redo(), state: store.history() };
    },
    'checks.run': ({ scenarioId }) => checkScenario(session.require(), scenarioId),
    'references.list': () => references(),
    'references.save': (ref) => {
      scenarios().saveReference(ref);
      return references();
    },
    'references.delete': ({ id }) => {
      scenarios().deleteReference(id);
      return references();
    },
    'changelog.list': ({ scenarioId, limit }) => scenarios().changeLog(scenarioId, limit ?? 500),

    'annex.signer.get': () => annex.signer.get(),
    'annex.signer.set': (signer) => annex.signer.set(signer),
    'annex.export': (input) => annex.exportTo(input),
    'annex.exportBytes': (input) => annex.exportBytes(input),
    'import.template': ({ language }) => annex.template(language ?? 'id'),
    'import.preview': ({ source, target }) => annex.preview(source, target ?? { series: 'realisation' }),
    'import.apply': ({ previewId }) => annex.apply(previewId),
  };
}
