import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../../shared/api/result.js';
import { createApi, onMenuCommand } from './api.js';
import { AboutDialog } from './components/AboutDialog.js';
import { ErrorAlert } from './components/ErrorAlert.js';
import { LocationNotice } from './components/LocationNotice.js';
import { ProfileDialogHost } from './components/ProfileDialog.js';
import { ProfileContext, ProfileGate } from './components/profile-gate.js';
import { TopBar } from './components/TopBar.js';
import { CurrentScenarioProvider } from './current-scenario.js';
import { onFocusRequested } from './focus-request.js';
import { useHistory, useHistoryShortcuts, type HistoryDirection } from './target/useHistory.js';
import { useWorkbench } from './useWorkbench.js';
import { EmptyState } from './views/EmptyState.js';
import { ChecksView } from './views/ChecksView.js';
import { CompareView } from './views/CompareView.js';
import { ExportView } from './views/ExportView.js';
import { HistoryView } from './views/HistoryView.js';
import { InterventionsView } from './views/InterventionsView.js';
import { ProvinceView } from './views/ProvinceView.js';
import { VIEWS, type ViewId } from './views/registry.js';
import { TargetView } from './views/TargetView.js';
import { WorkbookView } from './views/WorkbookView.js';

/** localStorage key of the view last shown, so a reload stays where the planner was. */
const VIEW_STORAGE_KEY = 'workbench.view';

function storedView(): ViewId {
  try {
    const v = window.localStorage.getItem(VIEW_STORAGE_KEY);
    return VIEWS.find((x) => x.id === v)?.id ?? 'workbook';
  } catch {
    return 'workbook';
  }
}

export function App() {
  const { t, i18n } = useTranslation();
  // The profile gate asks for the person (name, NIP, jabatan) calmly: see components/profile-gate.ts.
  const profileGate = useMemo(() => new ProfileGate(), []);
  const api = useMemo(() => createApi(profileGate.wrap), [profileGate]);
  const wb = useWorkbench(api);
  const [view, setViewState] = useState<ViewId>(storedView);
  const setView = (id: ViewId) => {
    setViewState(id);
    try {
      window.localStorage.setItem(VIEW_STORAGE_KEY, id);
    } catch {
      // Session-only when storage is unavailable.
    }
  };
  const [aboutOpen, setAboutOpen] = useState(false);
  const [historyError, setHistoryError] = useState<Failure | null>(null);
  const { reload } = wb;
  const history = useHistory(api, wb.summary?.path ?? null, setHistoryError);
  const { run: runHistory, refresh: refreshHistory } = history;

  /** Undo or redo one step of the workbook's history, then show what it changed. */
  const onHistory = useCallback(
    (direction: HistoryDirection) => {
      void runHistory(direction).then((done) => {
        if (done) return reload();
      });
    },
    [runHistory, reload],
  );
  // Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z anywhere (outside text editors and dialogs), and the Sunting menu.
  const onMenuHistory = useHistoryShortcuts(Boolean(wb.summary), onHistory);

  useEffect(
    () =>
      onMenuCommand((command) => {
        if (command === 'workbook-changed') void reload().then(refreshHistory);
        if (command === 'about') setAboutOpen(true);
        if (command === 'export-annex') setView('export');
        if (command === 'undo' || command === 'redo') onMenuHistory(command);
      }),
    [reload, refreshHistory, onMenuHistory],
  );

  // A focus request (Pemeriksaan: a finding clicked) opens the Target view; see focus-request.ts.
  useEffect(() => onFocusRequested(() => setView('target')), []);

  useEffect(() => {
    document.title = wb.summary ? `${wb.summary.fileName} — ${t('app.name')}` : t('app.name');
  }, [wb.summary, t, i18n.language]);

  return (
    <ProfileContext.Provider value={profileGate}>
    <CurrentScenarioProvider summary={wb.summary} lastStep={history.lastStepScenario}>
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
        <ErrorAlert
          error={wb.error ?? historyError}
          onDismiss={() => {
            wb.dismissError();
            setHistoryError(null);
          }}
          action={
            wb.error && wb.lockedPath
              ? { label: t('error.openReadOnly'), run: () => void wb.openPath(wb.lockedPath!, true) }
              : undefined
          }
        />
        {wb.summary && wb.summary.location.kind !== 'local' && (
          <LocationNotice api={api} location={wb.summary.location} onSaved={reload} onError={wb.report} />
        )}
        {wb.summary === undefined ? (
          <p className="muted loading">{t('common.loading')}</p>
        ) : view === 'province' ? (
          // The province reads a folder of other workbooks: it needs none open (the governor's team has none).
          <ProvinceView api={api} />
        ) : wb.summary === null ? (
          <EmptyState
            recent={wb.recent}
            busy={wb.busy}
            onOpenDemo={wb.openDemo}
            onOpenPath={wb.openPath}
            onPath={wb.info?.host === 'browser' ? wb.openOrCreate : undefined}
            onOpenProvince={() => setView('province')}
          />
        ) : (
          <>
            {view === 'workbook' && <WorkbookView api={api} summary={wb.summary} values={wb.values} busy={wb.busy} onClose={wb.close} onChanged={reload} onOpenView={setView} />}
            {view === 'target' && (
              <TargetView
                api={api}
                summary={wb.summary}
                values={wb.values}
                busy={wb.busy}
                history={history}
                onHistory={onHistory}
                onWorkbookChanged={reload}
                onOpenChecks={() => setView('checks')}
              />
            )}
            {view === 'compare' && <CompareView api={api} summary={wb.summary} values={wb.values} />}
            {view === 'interventions' && <InterventionsView api={api} summary={wb.summary} history={history} onHistory={onHistory} onChanged={reload} />}
            {view === 'checks' && <ChecksView api={api} summary={wb.summary} onChanged={() => void Promise.all([reload(), refreshHistory()])} />}
            {view === 'history' && <HistoryView api={api} summary={wb.summary} />}
            {view === 'export' && <ExportView api={api} summary={wb.summary} onWorkbookChanged={reload} onOpenChecks={() => setView('checks')} />}
          </>
        )}
      </main>
      <AboutDialog open={aboutOpen} info={wb.info} onClose={() => setAboutOpen(false)} />
      <ProfileDialogHost api={api} />
    </div>
    </CurrentScenarioProvider>
    </ProfileContext.Provider>
  );
}
