/**
 * "Catatan evaluasi…" for one region: asks the evaluator's name and the evaluation date, then
 * downloads the evaluation workbook from province.reviewBytes (the region's indicator table with
 * a Catatan Evaluasi column to fill). The region's own workbook is only read.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Failure } from '../../../shared/api/result.js';
import { FailureDetail } from '../components/FailureDetail.js';
import { Modal } from '../target/Modal.js';
import { downloadBase64 } from '../download.js';
import type { RegionRow } from './model.js';

interface Props {
  api: ApiClient;
  folder: string;
  /** The region; null: closed. */
  region: RegionRow | null;
  /** A name to start from (the user's profile), if any. */
  defaultEvaluator: string;
  onDone(message: { key: 'province.review.done'; params: { file: string; rows: number } }): void;
  onClose(): void;
}

/** Today as YYYY-MM-DD in the computer's time zone (the date the evaluator writes on the sheet). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function ReviewDialog({ api, folder, region, defaultEvaluator, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const ids = { title: useId(), body: useId(), name: useId(), date: useId(), problem: useId() };
  const [evaluator, setEvaluator] = useState(defaultEvaluator);
  const [date, setDate] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setProblem(null);
    setFailure(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!region || busy) return;
    const name = evaluator.trim();
    if (!name) return setProblem(t('province.review.needName'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setProblem(t('province.review.badDate'));
    setProblem(null);
    setFailure(null);
    setBusy(true);
    try {
      const r = await api.call('province.reviewBytes', { folder, file: region.file, evaluator: name, date });
      if (!r.ok) return setFailure(r);
      downloadBase64(r.value.fileName, r.value.base64, 'xlsx');
      onDone({ key: 'province.review.done', params: { file: r.value.fileName, rows: r.value.rows } });
      close();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={region !== null} onClose={close} labelledBy={ids.title} describedBy={ids.body}>
      {region && (
        <form onSubmit={(e) => void submit(e)} className="province-review-form" data-unsaved-ignore="">
          <h2 id={ids.title} className="dialog-title">
            {t('province.review.title', { name: region.name })}
          </h2>
          <p id={ids.body} className="dialog-body">
            {t('province.review.body')}
          </p>
          <label htmlFor={ids.name} className="field-label">
            {t('province.review.evaluator')}
          </label>
          <input id={ids.name} className="input" type="text" value={evaluator} maxLength={120} autoFocus aria-describedby={ids.problem} onChange={(e) => setEvaluator(e.target.value)} />
          <label htmlFor={ids.date} className="field-label">
            {t('province.review.date')}
          </label>
          <input id={ids.date} className="input" type="date" value={date} aria-describedby={ids.problem} onChange={(e) => setDate(e.target.value)} />
          <div id={ids.problem} className="dialog-error" role="alert">
            {problem}
            {failure &&
              (failure.code === 'internal' ? (
                t('province.review.notReady')
              ) : (
                <>
                  <strong>{t(`error.codes.${failure.code}`, { defaultValue: t('error.title') })}</strong> <FailureDetail failure={failure} />
                </>
              ))}
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              {t('province.review.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('province.review.submit')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
