import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Failure } from '../../../shared/api/result.js';
import type { RemoteLocation } from '../../../shared/domain.js';

interface Props {
  api: ApiClient;
  location: RemoteLocation;
  onSaved: () => Promise<void>;
  onError: (failure: Failure) => void;
}

/**
 * A workbook on a network share or in a cloud folder: says so, says whether the original has
 * every change, and saves back on request. Stays visible for as long as such a file is open.
 */
export function LocationNotice({ api, location, onSaved, onError }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [savedNow, setSavedNow] = useState(false);
  /** Where our version went when the original had changed: stays until the next save back. */
  const [conflictPath, setConflictPath] = useState<string | null>(null);

  async function saveBack() {
    setBusy(true);
    setConflictPath(null);
    try {
      const r = await api.call('workbook.saveBack');
      if (!r.ok) return onError(r);
      setConflictPath(r.value.conflict ? r.value.savedTo : null);
      setSavedNow(!r.value.conflict);
      await onSaved();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="location-notice" aria-labelledby="location-title" data-testid="location-notice">
      <div className="location-text">
        <strong id="location-title">{t(`location.title_${location.kind}`, { label: location.label })}</strong>
        <span>{t('location.body')}</span>
        {location.recovered === 'resumed' && <span className="location-recovered">{t('location.resumed')}</span>}
        {location.recovered === 'conflict' && location.conflictCopy && (
          <span className="location-recovered">{t('location.conflictAside', { path: location.conflictCopy })}</span>
        )}
        {conflictPath && (
          <span className="location-recovered" role="alert">
            {t('location.conflict', { path: conflictPath })}
          </span>
        )}
        <span className="muted location-copy" title={location.localCopy}>
          {t('location.localCopy')}: <span className="mono">{location.localCopy}</span>
        </span>
      </div>
      <div className="location-actions">
        <span role="status" className={location.unsaved ? 'location-state unsaved' : 'location-state'}>
          {busy ? t('location.saving') : location.unsaved ? t('location.unsaved') : savedNow ? t('location.savedNow') : t('location.saved')}
        </span>
        <button type="button" className="button button-primary" disabled={busy || !location.unsaved} onClick={() => void saveBack()}>
          {t('location.saveBack')}
        </button>
      </div>
    </section>
  );
}
