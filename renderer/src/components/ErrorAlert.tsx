import { useTranslation } from 'react-i18next';
import type { Failure } from '../../../shared/api/result.js';

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

/** Refusals the UI says in its own words (params.reason from the services), instead of the service's English message. */
const WORDED_REASONS = ['read_only_folder', 'disk_full', 'not_a_workbook', 'not_an_annex', 'path_not_chosen', 'frozen'] as const;
type WordedReason = (typeof WORDED_REASONS)[number];

function wordedReason(error: Failure): WordedReason | null {
  const reason = error.params?.reason;
  return typeof reason === 'string' && (WORDED_REASONS as readonly string[]).includes(reason) ? (reason as WordedReason) : null;
}

export function ErrorAlert({ error, onDismiss, action }: Props) {
  const { t } = useTranslation();
  const reason = error ? wordedReason(error) : null;
  return (
    <div className="alert-region" role="alert" aria-atomic="true">
      {error && (
        <div className="alert">
          <div className="alert-text">
            <strong className="alert-title">{t(`error.codes.${error.code}`, { defaultValue: t('error.title') })}</strong>
            <span className="alert-message">
              {reason ? (
                t(`error.reasons.${reason}`, { file: error.params?.file ?? '', folder: error.params?.folder ?? '', scenario: error.params?.scenario ?? '' })
              ) : (
                <>
                  {error.message}
                  {error.field ? ` (${error.field})` : ''}
                </>
              )}
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
