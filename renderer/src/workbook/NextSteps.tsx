/**
 * "Langkah berikutnya" on the Buku Kerja (#15 item 1): when the demo's worked example of the 2021
 * revision is in the workbook, what to do next — open it in Target, make an own scenario from it
 * or from the original targets (one click: created through the services, made current, opened in
 * Target), and check and export. Nothing is shown without the example.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Failure } from '../../../shared/api/result.js';
import type { WorkbookSummary } from '../../../shared/domain.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useCurrentScenario } from '../current-scenario.js';
import type { ViewId } from '../views/registry.js';
import { EXAMPLE_SCENARIO_NAME, ownScenarioName } from './demo-example.js';
import './next-steps.css';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  /** After a scenario was made: the workbook summary reloads (its scenario list). */
  onChanged(): Promise<void>;
  onOpenView(view: ViewId): void;
}

export function NextSteps({ api, summary, onChanged, onOpenView }: Props) {
  const { t } = useTranslation();
  const { select } = useCurrentScenario();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const example = summary.scenarios.find((s) => s.name === EXAMPLE_SCENARIO_NAME);
  if (!example) return null;

  const open = (id: number) => {
    select(id);
    onOpenView('target');
  };
  const makeOwn = async (from: 'example' | 'original') => {
    setBusy(true);
    setError(null);
    try {
      const name = ownScenarioName(summary.scenarios.map((s) => s.name));
      const r = await api.call('scenario.create', { name, from: from === 'example' ? { kind: 'scenario', scenarioId: example.id } : { kind: 'original' } });
      if (!r.ok) {
        setError(r);
        return;
      }
      await onChanged();
      open(r.value.id);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card next-steps" aria-labelledby="next-steps-title" data-testid="next-steps">
      <h2 id="next-steps-title" className="card-title">
        {t('nextSteps.title')}
      </h2>
      <p className="next-steps-intro">{t('nextSteps.intro', { name: example.name })}</p>
      <ol className="next-steps-list">
        <li>
          <span>{t('nextSteps.open')}</span>
          <span className="next-steps-actions">
            <button type="button" className="button button-primary" onClick={() => open(example.id)}>
              {t('nextSteps.openButton')}
            </button>
          </span>
        </li>
        <li>
          <span>{t('nextSteps.own')}</span>
          <span className="next-steps-actions">
            <button type="button" className="button" disabled={busy || summary.readOnly} onClick={() => void makeOwn('example')}>
              {t('nextSteps.fromExample')}
            </button>
            <button type="button" className="button" disabled={busy || summary.readOnly} onClick={() => void makeOwn('original')}>
              {t('nextSteps.fromOriginal')}
            </button>
          </span>
        </li>
        <li>
          <span>{t('nextSteps.export')}</span>
          <span className="next-steps-actions">
            <button type="button" className="button" onClick={() => onOpenView('checks')}>
              {t('nextSteps.checksButton')}
            </button>
            <button type="button" className="button" onClick={() => onOpenView('export')}>
              {t('nextSteps.exportButton')}
            </button>
          </span>
        </li>
      </ol>
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
