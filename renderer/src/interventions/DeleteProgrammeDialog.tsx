/** Confirms deleting a programme and its years (programmes.delete: one undo step). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure, Result } from '../../../shared/api/result.js';
import type { Programme } from '../../../shared/domain.js';
import { FailureDetail } from '../components/FailureDetail.js';
import { Modal } from '../target/Modal.js';

interface Props {
  /** The programme to delete; null: closed. */
  programme: Programme | null;
  onConfirm(p: Programme): Promise<Result<unknown>>;
  onClose(): void;
}

export function DeleteProgrammeDialog({ programme, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!programme || busy) return;
    setBusy(true);
    try {
      const r = await onConfirm(programme);
      if (r.ok) setFailure(null);
      else setFailure(r);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={programme !== null} onClose={close} labelledBy={titleId} describedBy={bodyId}>
      {programme && (
        <>
          <h2 id={titleId} className="dialog-title">
            {t('interventions.deleteDialog.title')}
          </h2>
          <p id={bodyId} className="dialog-body">
            {programme.years.length === 0
              ? t('interventions.deleteDialog.bodyNoYears', { name: programme.name })
              : t('interventions.deleteDialog.body', { name: programme.name, count: programme.years.length })}{' '}
            {t('interventions.deleteDialog.undoable')}
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
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void confirm()}>
              {t('interventions.deleteDialog.confirm')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
