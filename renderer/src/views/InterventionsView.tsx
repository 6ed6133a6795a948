/**
 * Intervensi (issue 17): the TKPK's multiple interventions behind the poverty path — the
 * programmes with their reach per year (programmes.list/save/delete), the parameters the effect
 * model reads (the average size of a poor household, the RPKD/RPD horizon), and the place of the
 * effect on the path (interventions/EffectCard.tsx, to be read from interventions.get).
 *
 * Every write is one undo step: the view's own Urungkan/Ulangi buttons and Ctrl+Z act on the
 * workbook's history like the Target view's. The list reloads after every write the app makes
 * (the summary changes, an undo among them) and when the window regains focus.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Result } from '../../../shared/api/result.js';
import { horizonOf, targetYearsOf, type Programme, type WorkbookSummary } from '../../../shared/domain.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { summaryVersion, useLoad } from '../compare/data.js';
import { DeleteProgrammeDialog } from '../interventions/DeleteProgrammeDialog.js';
import type { ProgrammeInput } from '../interventions/draft.js';
import { EffectCard } from '../interventions/EffectCard.js';
import { InterventionSettings } from '../interventions/InterventionSettings.js';
import { ProgrammeDialog } from '../interventions/ProgrammeDialog.js';
import { ProgrammeTable } from '../interventions/ProgrammeTable.js';
import { HistoryButtons } from '../target/HistoryButtons.js';
import type { HistoryApi, HistoryDirection } from '../target/useHistory.js';
import '../interventions/interventions.css';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  history: HistoryApi;
  onHistory(direction: HistoryDirection): void;
  /** After a write: the summary reloads (and with it everything shown from it). */
  onChanged(): Promise<void>;
}

export function InterventionsView({ api, summary, history, onHistory, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { plan, readOnly } = summary;
  const list = useLoad(`programmes:${summary.path}:${summaryVersion(summary)}`, () => api.call('programmes.list'));
  const programmes = list.data;
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Programme | null>(null);
  // A confirmation is worded when made; another language drops it rather than mix the two.
  const [status, setStatus] = useState<{ text: string; lang: string } | null>(null);

  const years = targetYearsOf(plan);
  const revisionYear = summary.settings.revisionDate ? Number(summary.settings.revisionDate.slice(0, 4)) : NaN;
  const startYear = years.includes(revisionYear) ? revisionYear : plan.firstYear;

  const afterWrite = async () => {
    await Promise.all([onChanged(), history.refresh()]);
  };

  const save = async (input: ProgrammeInput): Promise<Result<unknown>> => {
    const r = await api.call('programmes.save', input);
    if (r.ok) {
      list.set(r.value);
      setEditing(null);
      setStatus({ text: t('interventions.programmes.saved', { name: input.name }), lang });
      await afterWrite();
    }
    return r;
  };

  const remove = async (p: Programme): Promise<Result<unknown>> => {
    const r = await api.call('programmes.delete', { id: p.id });
    if (r.ok) {
      list.set(r.value);
      setDeleting(null);
      setStatus({ text: t('interventions.programmes.deleted', { name: p.name }), lang });
      await afterWrite();
    }
    return r;
  };

  const { state: hist } = history;
  const statusText = status && status.lang === lang ? status.text : '';

  return (
    <div className="interventions-view">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('interventions.title')}</h1>
          <p className="page-subtitle">{t('interventions.subtitle', { year: String(horizonOf(plan)) })}</p>
        </div>
        <div className="interventions-history" role="group" aria-label={t('interventions.historyLabel')}>
          <HistoryButtons
            state={hist}
            disabled={readOnly || history.busy}
            onHistory={(direction) => {
              setStatus(null);
              onHistory(direction);
            }}
            undoTestId="interventions-undo"
          />
        </div>
      </header>
      {readOnly && <p className="interventions-readonly">{t('interventions.readOnly')}</p>}

      <InterventionSettings api={api} summary={summary} onChanged={afterWrite} />

      <section className="card card-wide interventions-programmes" aria-labelledby="interventions-programmes-title" aria-busy={list.loading}>
        <div className="card-toolbar">
          <h2 id="interventions-programmes-title" className="card-title">
            {t('interventions.programmes.title')}
            {programmes && programmes.length > 0 && <span className="interventions-count"> · {t('interventions.programmes.count', { count: programmes.length })}</span>}
          </h2>
          <p className="interventions-status" role="status" aria-live="polite" data-testid="interventions-status">
            {statusText && (
              <>
                <span aria-hidden="true">✓</span> {statusText}
              </>
            )}
          </p>
          {!readOnly && (
            <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
              {t('interventions.programmes.add')}
            </button>
          )}
        </div>
        <ErrorAlert error={list.error} onDismiss={list.dismissError} />
        {programmes && programmes.length === 0 && (
          <div className="interventions-empty" data-testid="interventions-empty">
            <p>{t('interventions.programmes.empty')}</p>
            <p className="hint">{t('interventions.programmes.emptyHint')}</p>
          </div>
        )}
        {programmes && programmes.length > 0 && (
          <>
            <ProgrammeTable programmes={programmes} readOnly={readOnly} onEdit={setEditing} onDelete={setDeleting} />
            <ul className="grid-legend">
              {programmes.some((p) => p.illustrative) && (
                <li>
                  <span className="illustrative-marker" aria-hidden="true">
                    *
                  </span>{' '}
                  {t('interventions.programmes.legendIllustrative')}
                </li>
              )}
              <li>{t('interventions.programmes.legendNumbers')}</li>
            </ul>
          </>
        )}
      </section>

      <EffectCard api={api} summary={summary} />

      <ProgrammeDialog editing={editing} years={years} startYear={startYear} onSave={save} onClose={() => setEditing(null)} />
      <DeleteProgrammeDialog programme={deleting} onConfirm={remove} onClose={() => setDeleting(null)} />
    </div>
  );
}
