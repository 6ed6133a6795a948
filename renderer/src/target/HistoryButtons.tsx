/**
 * Urungkan / Ulangi, named after the step they take (Target and Intervensi): the buttons, their
 * labels from the workbook's history state and their shortcuts' titles, in one place.
 */
import { useTranslation } from 'react-i18next';
import type { HistoryState } from '../../../shared/domain.js';
import type { HistoryDirection } from './useHistory.js';
import { useActionLabel } from './text.js';

interface Props {
  state: HistoryState;
  /** Both buttons off (a write under way, a read-only workbook). */
  disabled: boolean;
  onHistory(direction: HistoryDirection): void;
  undoTestId?: string;
  redoTestId?: string;
}

export function HistoryButtons({ state, disabled, onHistory, undoTestId, redoTestId }: Props) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const undoName = state.canUndo ? actionLabel(state.undoLabel) : '';
  const redoName = state.canRedo ? actionLabel(state.redoLabel) : '';
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => onHistory('undo')}
        disabled={disabled || !state.canUndo}
        title={t('target.history.undoShortcut')}
        data-testid={undoTestId}
      >
        <span aria-hidden="true" className="button-icon">
          ↶
        </span>
        {undoName ? t('target.history.undoWith', { action: undoName }) : t('target.history.undo')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => onHistory('redo')}
        disabled={disabled || !state.canRedo}
        title={t('target.history.redoShortcut')}
        data-testid={redoTestId}
      >
        <span aria-hidden="true" className="button-icon">
          ↷
        </span>
        {redoName ? t('target.history.redoWith', { action: redoName }) : t('target.history.redo')}
      </button>
    </>
  );
}
