/** One handler per contract method. Inputs arrive validated against the contract's schemas. */
import type { Handlers } from '../../shared/api/dispatch.js';
import { createScenario, deleteScenario, setScenarioStatus, updateScenario } from '../workbook/editors/scenarios.js';
import { deleteReference, saveReference } from '../workbook/editors/references.js';
import { deleteMethodBreak, saveMethodBreak, setCapaianFormula, updateSettings } from '../workbook/editors/settings.js';
import { interventionsReport } from './interventions.js';
import { deleteProgramme, saveProgramme } from '../workbook/editors/programmes.js';
import { setTypedValues } from '../workbook/editors/values.js';
import { setResponsibleUnit } from '../workbook/editors/indicators.js';
import { setJustification, setTargets } from '../workbook/editors/targets.js';
import { AnnexService } from './annex.js';
import { checkScenario, requireNoErrors } from './checks.js';
import { feasibilityReport } from './feasibility.js';
import { listHistory } from './history.js';
import { readProvinceFolder } from './province.js';
import { provinceExportBytes, provinceExportTo } from './province-export.js';
import { listReviewNotes, respondToNote, reviewWorkbookBytes } from './reviews.js';
import { ProfileStore, profilePath } from './profile.js';
import type { Session } from './session.js';

export const APP_NAME = 'RPJMD Workbench';

export function createHandlers(session: Session): Handlers {
  const wb = () => session.require();
  // Who makes each change: the OS account and the person of the user's profile (name, NIP, jabatan).
  const profile = new ProfileStore(profilePath(session.options.dataDir));
  const actor = () => profile.actor(session.userName);
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

    'scenario.create': ({ name, description, from }) => createScenario(wb(), actor(), name, description ?? '', from),
    'scenario.update': ({ scenarioId, name, description }) => updateScenario(wb(), actor(), scenarioId, { name, description }),
    'scenario.delete': ({ scenarioId }) => {
      deleteScenario(wb(), actor(), scenarioId);
      return null;
    },
    'scenario.setStatus': ({ scenarioId, status }) => {
      // A proposal must pass its checks: a changed target without a justification blocks it.
      if (status === 'usulan') requireNoErrors(checkScenario(wb(), scenarioId), 'mark this scenario usulan');
      return setScenarioStatus(wb(), actor(), scenarioId, status);
    },
    'scenario.targets': ({ scenarioId }) => wb().reads.targets(scenarioId),
    'targets.set': ({ scenarioId, action, cells }) => setTargets(wb(), actor(), scenarioId, cells, action),
    'justification.set': ({ scenarioId, indicatorId, text }) => setJustification(wb(), actor(), scenarioId, indicatorId, text),
    'history.state': () => wb().reads.history(),
    'history.undo': () => ({ step: wb().undo(actor()), state: wb().reads.history() }),
    'history.redo': () => ({ step: wb().redo(actor()), state: wb().reads.history() }),
    'checks.run': ({ scenarioId }) => checkScenario(wb(), scenarioId),
    'feasibility.get': ({ scenarioId }) => feasibilityReport(wb(), scenarioId),
    'references.list': () => references(),
    'references.save': (ref) => {
      saveReference(wb(), actor(), ref);
      return references();
    },
    'references.delete': ({ id }) => {
      deleteReference(wb(), actor(), id);
      return references();
    },
    'changelog.list': ({ scenarioId, limit }) => wb().reads.changeLog(scenarioId, limit ?? 500),
    'history.list': (query) => listHistory(wb(), query),
    'settings.update': (changes) => updateSettings(wb(), actor(), changes),
    'indicators.update': ({ indicatorId, responsibleUnit }) => setResponsibleUnit(wb(), actor(), indicatorId, responsibleUnit),
    'values.set': ({ cells }) => setTypedValues(wb(), actor(), cells),
    'programmes.list': () => wb().reads.programmes(),
    'programmes.save': (p) => saveProgramme(wb(), actor(), p),
    'programmes.delete': ({ id }) => deleteProgramme(wb(), actor(), id),
    'interventions.get': ({ scenarioId }) => interventionsReport(wb(), scenarioId),
    // The province reads a folder of other workbooks read-only; it needs no open workbook.
    'province.read': ({ folder }) => readProvinceFolder(folder),
    'province.export': (input) => provinceExportTo(input),
    'province.exportBytes': (input) => provinceExportBytes(input),
    'province.reviewBytes': (input) => reviewWorkbookBytes(input),
    'reviews.list': () => listReviewNotes(wb()),
    'reviews.respond': ({ id, response, status }) => respondToNote(wb(), actor(), id, response, status),
    'population.get': () => {
      const p = wb().population();
      return {
        years: [...p.byYear].sort((a, b) => a[0] - b[0]).map(([year, v]) => ({ year, value: v.value, basis: v.basis, from: v.from ?? null })),
        growth: p.growth,
        growthBasis: p.growthBasis,
      };
    },
    'capaian.list': () => wb().capaianSettings(),
    'capaian.set': ({ indicatorId, formula }) => setCapaianFormula(wb(), actor(), indicatorId, formula),
    'methodBreaks.list': () => wb().methodBreaks(),
    'methodBreaks.save': (b) => saveMethodBreak(wb(), actor(), b),
    'methodBreaks.delete': ({ indicatorCode, year }) => deleteMethodBreak(wb(), actor(), indicatorCode, year),

    'profile.get': () => profile.get(),
    'profile.set': (person) => profile.set(person),

    'annex.signer.get': () => annex.signer.get(),
    'annex.signer.set': (signer) => annex.signer.set(signer),
    'annex.export': (input) => annex.exportTo(input),
    'annex.exportBytes': (input) => annex.exportBytes(input),
    'import.template': ({ language }) => annex.template(language ?? 'id'),
    'import.preview': ({ source, target }) => annex.preview(source, target ?? { series: 'realisation' }),
    'import.apply': ({ previewId }) => annex.apply(previewId, actor()),
  };
}
