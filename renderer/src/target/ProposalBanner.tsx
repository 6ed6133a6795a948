/**
 * A proposal (usulan) is frozen (the services refuse every write into it, code 'frozen'): the
 * Target view says so above the read-only grid, and offers "Kembalikan ke draf", which asks
 * first and then changes the status through the scenario status method (one undo step, in the
 * change log like any scenario action).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure, Result } from '../../../shared/api/result.js';
import type { Scenario } from '../../../shared/domain.js';
import { Modal } from './Modal.js';
import { FailureDetail } from '../components/FailureDetail.js';

interface Props {
  scenario: Scenario;
  busy: boolean;
  /** Sets the scenario back to draft; the view reloads on success. */
  onRevert(): Promise<Result<unknown>>;
}

export function ProposalBanner({ scenario, busy, onRevert }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const bannerTitle = useId();
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const close = () => {
    setAsking(false);
    setFailure(null);
  };
  const confirm = async () => {
    setSaving(true);
    try {
      const r = await onRevert();
      if (r.ok) close();
      else setFailure(r);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card notice proposal-banner" aria-labelledby={bannerTitle} data-testid="proposal-banner">
      <p className="proposal-banner-text">
        <strong id={bannerTitle}>{t('target.frozen.title')}</strong> {t('target.frozen.body', { name: scenario.name })}
      </p>
      <button type="button" className="button" onClick={() => setAsking(true)} disabled={busy}>
        {t('target.frozen.revert')}
      </button>
      <Modal open={asking} onClose={close} labelledBy={titleId} describedBy={bodyId}>
        <h2 id={titleId} className="dialog-title">
          {t('target.frozen.confirmTitle')}
        </h2>
        <p id={bodyId} className="dialog-body">
          {t('target.frozen.confirmBody', { name: scenario.name })}
        </p>
        <div className="dialog-error" role="alert">
          {failure && (
            <>
              <strong>{t(`error.codes.${failure.code}`, { defaultValue: t('error.title') })}</strong> <FailureDetail failure={failure} />
            </>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void confirm()} disabled={saving}>
            {t('target.frozen.confirm')}
          </button>
        </div>
      </Modal>
    </section>
  );
}
