/**
 * Pemeriksaan: every finding of the checks (shared/model/checks.ts, run by the services) on the
 * scenario under review, with counts by severity; a finding opens its cell in the Target view.
 * Errors and warnings come first; info findings (context, references not evaluated) follow under
 * their own heading. Then the governor's evaluation notes with the regency's follow-up
 * (review/ReviewNotesPanel.tsx). Below, the reference targets the alignment checks use, editable
 * with their scope, and the list of checks with each one's rule.
 * Checks rerun when the view opens, when the scenario changes, after every write the app makes
 * (the workbook summary reloads), after a reference edit, and when the window regains focus.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Finding, Severity, WorkbookSummary } from '../../../shared/domain.js';
import { checkCatalogue } from '../../../shared/model/checks.js';
import { FindingsList, SeverityBadge } from '../checks/FindingsList.js';
import { ReferencesPanel } from '../checks/ReferencesPanel.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { summaryVersion, useLoad } from '../compare/data.js';
import { useCurrentScenario } from '../current-scenario.js';
import { requestFocus } from '../focus-request.js';
import { ReviewNotesPanel } from '../review/ReviewNotesPanel.js';
import { useReviewNotes } from '../review/useReviewNotes.js';
import '../compare/compare.css';
import '../checks/checks.css';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  /** After a write made here (an evaluation note's follow-up): the workbook and its history changed. */
  onChanged?: () => void;
}

export function ChecksView({ api, summary, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const scenarioField = useId();
  const { selected, select } = useCurrentScenario();
  const [filter, setFilter] = useState<Severity | null>(null);
  const [refsVersion, setRefsVersion] = useState(0);
  const version = summaryVersion(summary);

  const report = useLoad(selected ? `${selected.id}:${version}:${refsVersion}` : null, () => api.call('checks.run', { scenarioId: selected!.id }));
  const refs = useLoad(`refs:${version}`, () => api.call('references.list'));
  const current = report.data && report.data.scenarioId === selected?.id ? report.data : null;
  const notes = useReviewNotes(api, summary);

  const open = (f: Finding) => {
    if (!selected) return;
    requestFocus({ scenarioId: selected.id, indicatorId: f.indicatorId, year: f.year, series: f.series });
  };

  return (
    <div className="review-view checks-view">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('compare.checks.title')}</h1>
          <p className="page-subtitle">{selected ? t('compare.checks.subtitle', { scenario: selected.name }) : t('compare.checks.subtitleNone')}</p>
        </div>
        {selected && (
          <div className="field-inline">
            <label htmlFor={scenarioField}>{t('compare.scenario')}</label>
            <select id={scenarioField} className="select" value={selected.id} onChange={(e) => select(Number(e.target.value))}>
              {summary.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.status === 'usulan' ? `${s.name} (${t('workbook.scenarioStatus.usulan')})` : s.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </header>
      <ErrorAlert
        error={report.error ?? refs.error}
        onDismiss={() => {
          report.dismissError();
          refs.dismissError();
        }}
      />

      <section className="card card-wide" aria-labelledby="findings-title" aria-busy={report.loading}>
        <div className="card-toolbar">
          <h2 id="findings-title" className="card-title">
            {t('compare.checks.findings')}
          </h2>
          {selected && <p className="hint">{t('compare.checks.openHint')}</p>}
        </div>
        {selected ? (
          <FindingsList report={current} indicators={summary.indicators} plan={summary.plan} filter={filter} onFilter={setFilter} onOpen={open} />
        ) : (
          <div className="review-empty">
            <p>{t('compare.noScenario')}</p>
            <p className="hint">{t('compare.noScenarioHint')}</p>
          </div>
        )}
      </section>

      <ReviewNotesPanel api={api} summary={summary} notes={notes} fallbackScenarioId={selected?.id ?? null} onChanged={onChanged} />

      <ReferencesPanel
        api={api}
        indicators={summary.indicators}
        data={refs.data}
        onChanged={(list) => {
          refs.set(list);
          setRefsVersion((n) => n + 1);
        }}
      />

      <section className="card card-wide" aria-labelledby="catalogue-title">
        <details className="catalogue">
          <summary>
            <h2 id="catalogue-title" className="card-title catalogue-title">
              {t('compare.checks.catalogue')}
            </h2>
          </summary>
          <ul className="catalogue-list">
            {checkCatalogue().map((c) => (
              <li key={c.id} className="catalogue-item" data-check={c.id}>
                <SeverityBadge severity={c.severity} />
                <span className="catalogue-text">
                  <span className="catalogue-check">{c.title[lang]}</span>
                  <span className="catalogue-rule">{c.rule[lang]}</span>
                </span>
              </li>
            ))}
          </ul>
        </details>
      </section>
    </div>
  );
}
