import { useTranslation } from 'react-i18next';
import type { Failure } from '../../../shared/api/result.js';

/**
 * A failure's detail in the UI's language — the one home for it. The services answer with a code,
 * params and an English message; the page words what it knows (a reason, a blocked check's
 * findings, the field of a bad input) and never puts the English sentence into an Indonesian
 * screen: there it sits behind "Rincian" for whoever needs the technical text.
 */
const WORDED_REASONS = [
  'read_only_folder',
  'disk_full',
  'not_a_workbook',
  'not_an_annex',
  'path_not_chosen',
  'frozen',
  // An evaluation workbook refused as a whole (electron/annex/review-import.ts, apply.ts) and a follow-up without a response.
  'review_region_mismatch',
  'review_region_missing',
  'review_title_incomplete',
  'review_response_missing',
] as const;
type WordedReason = (typeof WORDED_REASONS)[number];

function wordedReason(error: Failure): WordedReason | null {
  const reason = error.params?.reason;
  return typeof reason === 'string' && (WORDED_REASONS as readonly string[]).includes(reason) ? (reason as WordedReason) : null;
}

export function FailureDetail({ failure }: { failure: Failure }) {
  const { t, i18n } = useTranslation();
  const p = failure.params ?? {};
  const reason = wordedReason(failure);
  if (reason) {
    const words = { file: p.file ?? '', folder: p.folder ?? '', scenario: p.scenario ?? '', region: p.region ?? '', expected: p.expected ?? '', cell: p.cell ?? '', code: p.indicatorCode ?? '' };
    if (reason === 'review_title_incomplete') {
      const missing = [Number(p.evaluator) ? null : t('error.reviewTitle.evaluator'), Number(p.date) ? null : t('error.reviewTitle.date')].filter((x) => x !== null);
      return <>{t('error.reasons.review_title_incomplete', { ...words, missing: missing.join(t('error.reviewTitle.and')) })}</>;
    }
    return <>{t(`error.reasons.${reason}`, words)}</>;
  }
  if (failure.code === 'not_found' && typeof p.file === 'string') {
    return <>{t('error.reasons.not_found', { file: p.file.split(/[\\/]/).pop() ?? p.file })}</>;
  }
  if (failure.code === 'blocked' && p.errors !== undefined && p.first_id !== undefined) {
    return <>{t('error.blockedDetail', { count: Number(p.errors), first: String((i18n.language === 'en' ? p.first_en : p.first_id) ?? '') })}</>;
  }
  if (i18n.language === 'en') {
    return (
      <>
        {failure.message}
        {failure.field ? ` (${failure.field})` : ''}
      </>
    );
  }
  return (
    <>
      {failure.field ? t('error.atField', { field: failure.field }) : null}
      <details className="failure-detail">
        <summary>{t('error.detail')}</summary>
        <span lang="en">{failure.message}</span>
      </details>
    </>
  );
}
