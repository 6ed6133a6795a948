import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApi, onMenuCommand } from './api.js';
import { AboutDialog } from './components/AboutDialog.js';
import { ErrorAlert } from './components/ErrorAlert.js';
import { TopBar } from './components/TopBar.js';
import { useWorkbench } from './useWorkbench.js';
import { EmptyState } from './views/EmptyState.js';
import { VIEWS, type ViewId } from './views/registry.js';
import { WorkbookView } from './views/WorkbookView.js';

export function App() {
  const { t, i18n } = useTranslation();
  const api = useMemo(() => createApi(), []);
  const wb = useWorkbench(api);
  const [view, setView] = useState<ViewId>('workbook');
  const [aboutOpen, setAboutOpen] = useState(false);
  const { reload } = wb;

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'workbook-changed') void reload();
        if (command === 'about') setAboutOpen(true);
      }),
    [reload],
  );

  useEffect(() => {
    document.title = wb.summary ? `${wb.summary.fileName} — ${t('app.name')}` : t('app.name');
  }, [wb.summary, t, i18n.language]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <TopBar info={wb.info} summary={wb.summary} />
      <nav className="sidenav" aria-label={t('nav.label')}>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={view === v.id ? 'page' : undefined}
                onClick={() => setView(v.id)}
              >
                {t(v.labelKey)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1} aria-busy={wb.busy}>
        <ErrorAlert error={wb.error} onDismiss={wb.dismissError} />
        {wb.summary === undefined ? (
          <p className="muted loading">{t('common.loading')}</p>
        ) : wb.summary === null ? (
          <EmptyState recent={wb.recent} busy={wb.busy} onOpenDemo={wb.openDemo} onOpenPath={wb.openPath} />
        ) : (
          view === 'workbook' && <WorkbookView summary={wb.summary} values={wb.values} busy={wb.busy} onClose={wb.close} />
        )}
      </main>
      <AboutDialog open={aboutOpen} info={wb.info} onClose={() => setAboutOpen(false)} />
    </div>
  );
}
