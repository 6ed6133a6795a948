/**
 * "Dampak pada jalur kemiskinan": the programmes' effect on the current scenario's P0 path, read
 * from `interventions.get` (electron/services/interventions.ts → shared/model/interventions.ts):
 * per year the rate without and with the programmes, people lifted, budget, cost per person
 * lifted and the gap to the regency's reference target with the budget that would close it.
 * Every number is a model estimate, labelled so with its assumptions; a number the model cannot
 * give is a dash beside the located problem that says what to enter. This card only words and
 * formats the report.
 */
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { WorkbookSummary } from '../../../shared/domain.js';
import { formatNumber, formatShare, formatSignedNumber } from '../../../shared/format/number.js';
import type { InterventionsView } from '../../../shared/interventions.js';
import { summaryVersion, useLoad } from '../compare/data.js';
import { useCurrentScenario } from '../current-scenario.js';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
}

const pct = (share: number | null) => (share === null ? '–' : formatShare(share));
const rp = (v: number | null) => (v === null ? '–' : formatNumber(Math.round(v), 0));

/** Info problems that only restate an empty table cell ("no programme in 2021", "no target in 2025"). */
const QUIET = new Set(['no_programmes', 'target_missing']);

export function EffectCard({ api, summary }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const { selected } = useCurrentScenario();
  // Every write (and undo) reloads the summary, so its version reads the effect again.
  const key = selected ? `interventions:${summary.path}:${summaryVersion(summary)}:${selected.id}` : null;
  const loaded = useLoad<InterventionsView>(key, () => api.call('interventions.get', { scenarioId: selected!.id }));
  const view = loaded.data && loaded.data.scenarioId === selected?.id ? loaded.data : null;

  const body = () => {
    if (!selected) return <p className="hint">{t('interventions.effect.noScenario')}</p>;
    if (loaded.error) return <p className="hint">{t('interventions.effect.failed')}</p>;
    if (!view) return <p className="hint">{t('interventions.effect.loading')}</p>;
    const { report } = view;
    const targetLabel = new Map(view.targets.map((x) => [x.year, x.label]));
    const shown = report.problems.filter((p) => !QUIET.has(p.code));
    return (
      <>
        <p className="interventions-effect-facts" data-testid="interventions-effect-facts">
          {t('interventions.effect.facts', {
            scenario: selected.name,
            sigma: view.sigma === null ? '–' : formatNumber(view.sigma, 3),
            base: view.baseYear === null ? '–' : String(view.baseYear),
            size: view.householdSize === null ? '–' : formatNumber(view.householdSize, 1),
          })}
          {view.povertyLines.some((l) => l.basis === 'carried') &&
            ` ${t('interventions.effect.carriedLine', { value: formatNumber(view.povertyLines.find((l) => l.basis === 'carried')!.value, 0), from: String(view.povertyLines.find((l) => l.basis === 'carried')!.from) })}`}
        </p>
        <div className="estimate-table-wrap">
          <table className="estimate-table interventions-effect-table" data-testid="interventions-effect-table">
            <caption className="visually-hidden">{t('interventions.effect.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('interventions.effect.col.year')}</th>
                <th scope="col" className="num">{t('interventions.effect.col.without')}</th>
                <th scope="col" className="num">{t('interventions.effect.col.with')}</th>
                <th scope="col" className="num">{t('interventions.effect.col.lifted')}</th>
                <th scope="col" className="num">{t('interventions.effect.col.budget')}</th>
                <th scope="col" className="num">{t('interventions.effect.col.cost')}</th>
                <th scope="col">{t('interventions.effect.col.target')}</th>
                <th scope="col" className="num">{t('interventions.effect.col.gap')}</th>
                <th scope="col" className="num">{t('interventions.effect.col.close')}</th>
              </tr>
            </thead>
            <tbody>
              {report.years.map((y) => (
                <tr key={y.year} data-year={y.year} className={y.year > summary.plan.lastYear ? 'horizon-year' : undefined}>
                  <th scope="row">{y.year > summary.plan.lastYear ? t('interventions.effect.horizonYear', { year: String(y.year) }) : y.year}</th>
                  <td className="num">{pct(y.p0Without)}</td>
                  <td className="num">{pct(y.p0With)}</td>
                  <td className="num">{y.peopleLifted === null ? '–' : formatNumber(y.peopleLifted, 0)}</td>
                  <td className="num">{rp(y.budget)}</td>
                  <td className="num">{rp(y.costPerPersonLifted)}</td>
                  <td>{y.target === null ? '–' : `${formatNumber(y.target * 100, 2)} % (${targetLabel.get(y.year) ?? ''})`}</td>
                  <td className="num">
                    {y.gapPp === null ? '–' : formatSignedNumber(y.gapPp * 100, 2)}
                    {y.gapPeople !== null && y.gapPp !== null && y.gapPp > 0 && <span className="sub"> ({t('interventions.effect.people', { n: formatNumber(y.gapPeople, 0) })})</span>}
                  </td>
                  <td className="num">
                    {rp(y.budgetToClose)}
                    {y.closableByScaling === false && <span className="sub"> {t('interventions.effect.lowerBound')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {shown.length > 0 && (
          <ul className="interventions-effect-problems">
            {shown.map((p, i) => (
              <li key={`${p.code}-${p.year ?? ''}-${p.programmeId ?? ''}-${i}`} className={`effect-problem-${p.severity}`} data-code={p.code}>
                {p.message[lang]}
              </li>
            ))}
          </ul>
        )}
        <p className="interventions-effect-assumptions">
          <strong>{report.label[lang]}.</strong> {report.assumptions.map((a) => a[lang]).join(' ')}
        </p>
      </>
    );
  };

  return (
    <section className="card card-wide estimate-card interventions-effect" aria-labelledby="interventions-effect-title" data-testid="interventions-effect">
      <h2 id="interventions-effect-title" className="card-title">
        {t('interventions.effect.title')} <span className="badge badge-model">{t('interventions.effect.model')}</span>
        {view?.illustrative && <span className="badge badge-illustrative">{t('interventions.effect.illustrative')}</span>}
      </h2>
      {body()}
    </section>
  );
}
