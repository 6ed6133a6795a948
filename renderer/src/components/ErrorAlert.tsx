import { useTranslation } from 'react-i18next';
import type { Failure } from '../../../shared/api/result.js';
import { FailureDetail } from './FailureDetail.js';

/**
 * The alert region: always in the DOM (so assistive tech announces what appears in it), showing
 * the failure's translated meaning and the service's own message.
 */
interface Props {
  error: Failure | null;
  onDismiss: () => void;
  /** A way forward the failure allows, e.g. "Open read-only" after a 'locked' refusal. */
  action?: { label: string; run: () => void } | undefined;
}

export function ErrorAlert({ error, onDismiss, action }: Props) {
  const { t } = useTranslation();
  return (
    <div className="alert-region" role="alert" aria-atomic="true">
      {error && (
        <div className="alert">
          <div className="alert-text">
            <strong className="alert-title">{t(`error.codes.${error.code}`, { defaultValue: t('error.title') })}</strong>
            <span className="alert-message">
              <FailureDetail failure={error} />
            </span>
          </div>
          <div className="alert-actions">
            {action && (
              <button type="button" className="button" onClick={action.run}>
                {action.label}
              </button>
            )}
            <button type="button" className="button button-quiet" onClick={onDismiss}>
              {t('common.dismiss')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
