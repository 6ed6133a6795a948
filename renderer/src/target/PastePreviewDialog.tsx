/**
 * Shown when a pasted block has cells that cannot be taken: each rejected cell by its position
 * in the block and its destination, with the reason, and how many cells are valid. Nothing has
 * been written; "Terapkan N sel yang valid" writes the valid part as one step, Batal nothing.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../shared/domain.js';
import { Modal } from './Modal.js';
import type { PastePlan, PasteRejected } from './model.js';
import { useCellProblemText, useRangeText } from './text.js';

interface Props {
  plan: PastePlan | null;
  busy: boolean;
  nameOf(ind: Indicator): string;
  onApply(): void;
  onCancel(): void;
}

export function PastePreviewDialog({ plan, busy, nameOf, onApply, onCancel }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const summaryId = useId();
  const rangeText = useRangeText();
  const problemText = useCellProblemText();

  const reason = (c: PasteRejected) => {
    if (c.problem === 'below_min' || c.problem === 'above_max') {
      return t('target.paste.reasons.range', { range: c.indicator ? rangeText(c.indicator) : '' });
    }
    if (c.problem === 'too_many_decimals' || c.problem === 'too_large') return c.indicator ? problemText(c.problem, c.indicator, c.text.trim()) : '';
    return t(`target.paste.reasons.${c.problem}`);
  };
  const destination = (c: PasteRejected) => {
    if (!c.indicator) return t('target.paste.noDestination');
    return c.year === null ? `${nameOf(c.indicator)} · ${t('target.paste.readOnlyColumn')}` : `${nameOf(c.indicator)} ${c.year}`;
  };

  const valid = plan?.accepted.length ?? 0;
  return (
    <Modal open={plan !== null} onClose={onCancel} labelledBy={titleId} describedBy={summaryId} className="dialog-wide">
      {plan && (
        <>
          <h2 id={titleId} className="dialog-title">
            {t('target.paste.title')}
          </h2>
          <p id={summaryId} className="dialog-body" data-testid="paste-summary">
            {t('target.paste.summary', {
              rows: String(plan.rows),
              columns: String(plan.columns),
              valid: String(valid),
              rejected: String(plan.rejected.length),
            })}
          </p>
          <div className="table-scroll">
            <table className="data-table" data-testid="paste-rejected">
              <caption className="visually-hidden">{t('target.paste.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('target.paste.columns.position')}</th>
                  <th scope="col">{t('target.paste.columns.cell')}</th>
                  <th scope="col">{t('target.paste.columns.text')}</th>
                  <th scope="col">{t('target.paste.columns.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.rejected.map((c) => (
                  <tr key={`${c.blockRow}:${c.blockColumn}`}>
                    <td className="nowrap">{t('target.paste.position', { row: String(c.blockRow), column: String(c.blockColumn) })}</td>
                    <td>{destination(c)}</td>
                    <td className="mono">{c.text === '' ? <span className="muted">{t('target.paste.emptyText')}</span> : c.text}</td>
                    <td>{reason(c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t('target.paste.nothingWritten')}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onCancel} autoFocus>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-primary" onClick={onApply} disabled={busy || valid === 0}>
              {t('target.paste.apply', { count: valid })}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
