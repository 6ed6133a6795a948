import { useTranslation } from 'react-i18next';
import type { Failure } from '../../../shared/api/result.js';

/**
 * The alert region: always in the DOM (so assistive tech announces what appears in it), showing
 * the failure's translated meaning and the service's own message.
 */
export function ErrorAlert({ error, onDismiss }: { error: Failure | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert-region" role="alert" aria-atomic="true">
      {error && (
        <div className="alert">
          <div className="alert-text">
            <strong className="alert-title">{t(`error.codes.${error.code}`, { defaultValue: t('error.title') })}</strong>
            <span className="alert-message">
              {error.message}
              {error.field ? ` (${error.field})` : ''}
            </span>
          </div>
          <button type="button" className="button button-quiet" onClick={onDismiss}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
