import { useTranslation } from 'react-i18next';
import type { AppInfo, WorkbookSummary } from '../../../shared/domain.js';
import { useCurrentScenario } from '../current-scenario.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { ProfileStatus } from './ProfileParts.js';

interface Props {
  info: AppInfo | null;
  summary: WorkbookSummary | null | undefined;
}

/** Always visible: the app, the open file (name and full path), the current scenario, the host, the language. */
export function TopBar({ info, summary }: Props) {
  const { t } = useTranslation();
  const { selected: scenario } = useCurrentScenario();
  const host = info ? t(info.host === 'electron' ? 'topbar.hostElectron' : 'topbar.hostBrowser') : t('topbar.hostUnknown');
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <div className="topbar-file" data-testid="open-file">
        <span className="topbar-label">{t('topbar.file')}</span>
        {summary ? (
          <span className="file-id">
            <span className="file-name">{summary.fileName}</span>
            {summary.readOnly ? <span className="badge badge-readonly">{t('topbar.readOnly')}</span> : null}
            {summary.location.kind !== 'local' && <span className="badge badge-localcopy">{t('topbar.localCopy')}</span>}
            {summary.location.kind !== 'local' && summary.location.unsaved && (
              <span className="badge badge-unsaved" data-testid="unsaved-badge">
                {t('topbar.unsaved')}
              </span>
            )}
            <span className="file-path" title={summary.path}>
              {summary.path}
            </span>
          </span>
        ) : (
          <span className="file-none">{summary === null ? t('topbar.noFile') : t('common.loading')}</span>
        )}
      </div>
      {summary && (
        <div className="topbar-scenario" data-testid="current-scenario">
          <span className="topbar-label">{t('topbar.scenario')}</span>
          {scenario ? (
            <span className="scenario-id">
              <span className="scenario-name" title={scenario.name}>
                {scenario.name}
              </span>
              {scenario.status === 'usulan' && <span className="badge badge-usulan">{t('workbook.scenarioStatus.usulan')}</span>}
            </span>
          ) : (
            <span className="file-none">{t('topbar.scenarioNone')}</span>
          )}
        </div>
      )}
      <div className="topbar-host" data-testid="host">
        <span className="topbar-label">{t('topbar.host')}</span>
        <span className="host-name">{host}</span>
      </div>
      <ProfileStatus />
      <LanguageSwitch />
    </header>
  );
}
