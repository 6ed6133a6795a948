import { useTranslation } from 'react-i18next';
import type { RecentFile } from '../../../shared/domain.js';
import { currentLanguage } from '../i18n/index.js';

interface Props {
  recent: RecentFile[];
  busy: boolean;
  onOpenDemo: () => void;
  onOpenPath: (path: string) => void;
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** No workbook open: open the demo, or one of the recent files. */
export function EmptyState({ recent, busy, onOpenDemo, onOpenPath }: Props) {
  const { t, i18n } = useTranslation();
  const dateFormat = new Intl.DateTimeFormat(currentLanguage(i18n.language) === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const formatDate = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
  };

  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title" className="page-title">
        {t('empty.title')}
      </h1>
      <p className="lead">{t('empty.body')}</p>
      <div className="empty-actions">
        <button type="button" className="button button-primary" onClick={onOpenDemo} disabled={busy}>
          {t('empty.openDemo')}
        </button>
        <p className="hint">{t('empty.demoHint')}</p>
      </div>

      <h2 className="section-title">{t('empty.recentTitle')}</h2>
      {recent.length === 0 ? (
        <p className="muted">{t('empty.recentNone')}</p>
      ) : (
        <ul className="recent-list">
          {recent.map((file) => {
            const name = baseName(file.path);
            return (
              <li key={file.path} className="recent-item">
                <div className="recent-text">
                  <span className="recent-name">{name}</span>
                  <span className="recent-path" title={file.path}>
                    {file.path}
                  </span>
                  <span className="recent-date">{t('empty.openedAt', { date: formatDate(file.openedAt) })}</span>
                </div>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-label={t('empty.openRecent', { name })}
                  onClick={() => onOpenPath(file.path)}
                >
                  {t('common.open')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
