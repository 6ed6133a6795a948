import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/domain.js';

/** Help → About (from Electron's menu): a modal <dialog>, closed with its button or Escape. */
export function AboutDialog({ open, info, onClose }: { open: boolean; info: AppInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const name = t('app.name');
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="about-title" onClose={onClose}>
      <h2 id="about-title" className="dialog-title">
        {t('about.title', { name })}
      </h2>
      <p>{t('about.body')}</p>
      <dl className="facts facts-compact">
        <dt>{t('about.version')}</dt>
        <dd>{info?.version ?? '—'}</dd>
        <dt>{t('about.host')}</dt>
        <dd>{info ? t(info.host === 'electron' ? 'topbar.hostElectron' : 'topbar.hostBrowser') : '—'}</dd>
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
