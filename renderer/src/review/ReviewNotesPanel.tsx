/**
 * Pemeriksaan's "Catatan Evaluasi Gubernur": the notes of the governor's evaluation team imported
 * into the workbook (reviews.list), open ones first — each with its indicator and year, the note,
 * the evaluator and date, the target the evaluator saw against the proposal's (usulan) target now,
 * and the regency's response and status, saved through reviews.respond (one undo step). A note
 * marked ditindaklanjuti needs a response (what was done): refused here, in words, before sending.
 * Each note opens its cell in Target (focus-request.ts).
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Failure } from '../../../shared/api/result.js';
import type { Indicator, Scenario, WorkbookSummary } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import { REVIEW_LIMITS, REVIEW_STATUSES, type ReviewNote, type ReviewStatus } from '../../../shared/review.js';
import { FailureDetail } from '../components/FailureDetail.js';
import { summaryVersion, useLoad } from '../compare/data.js';
import { requestFocus } from '../focus-request.js';
import { useUnsavedWork } from '../unsaved-guard.js';
import { takeNotesRequest } from './notes-request.js';
import { longDate, sortNotes, type ReviewNotes } from './useReviewNotes.js';
import './review.css';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  notes: ReviewNotes;
  /** The scenario a note's cell opens in when there is no proposal (the current scenario). */
  fallbackScenarioId: number | null;
  /** After a response is saved: the workbook changed (its history too). */
  onChanged?: () => void;
}

export function ReviewNotesPanel({ api, summary, notes, fallbackScenarioId, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const usulan = summary.scenarios.find((s) => s.status === 'usulan') ?? null;
  const version = summaryVersion(summary);
  const usulanTargets = useLoad(usulan ? `usulan:${usulan.id}:${version}` : null, () => api.call('scenario.targets', { scenarioId: usulan!.id }));
  const now = useMemo(() => {
    const data = usulanTargets.data && usulanTargets.data.scenarioId === usulan?.id ? usulanTargets.data : null;
    return new Map((data?.targets ?? []).map((c) => [`${c.indicatorId}:${c.year}`, c.value]));
  }, [usulanTargets.data, usulan?.id]);
  const indicators = useMemo(() => new Map(summary.indicators.map((i) => [i.id, i])), [summary.indicators]);
  const order = useMemo(() => new Map(summary.indicators.map((i, k) => [i.id, k])), [summary.indicators]);
  const list = useMemo(() => sortNotes(notes.data ?? [], order), [notes.data, order]);
  // The last save's confirmation, worded at render (a language switch rewords it).
  const [saved, setSaved] = useState<{ id: number; status: ReviewStatus } | null>(null);
  // Opened from the Target header's count: this card is what the planner came for.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!takeNotesRequest()) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, []);

  const nameOf = (ind: Indicator | undefined, code: string) => (ind ? (lang === 'en' ? ind.nameEn : ind.nameId) : code);
  const done = list.filter((n) => n.status === 'ditindaklanjuti').length;

  return (
    <section className="card card-wide review-notes-card" id="review-notes" aria-labelledby={titleId} aria-busy={notes.loading} data-testid="review-notes">
      <div className="card-toolbar">
        <h2 id={titleId} className="card-title" ref={heading} tabIndex={-1}>
          {t('review.title')}
        </h2>
        {list.length > 0 && (
          <p className="review-notes-counts" data-testid="review-notes-counts">
            {t('review.counts', { open: String(list.length - done), done: String(done) })}
          </p>
        )}
      </div>
      <p className="hint">{t('review.intro')}</p>
      {notes.error && (
        <p className="form-failure" role="alert">
          {t('review.failed')} {t(`error.codes.${notes.error.code}`, { defaultValue: t('error.title') })} <FailureDetail failure={notes.error} />
        </p>
      )}
      {notes.data === null && notes.loading ? (
        <p className="muted">{t('review.loading')}</p>
      ) : list.length === 0 && !notes.error ? (
        <p className="muted review-notes-none">{t('review.none')}</p>
      ) : (
        <ol className="review-notes">
          {list.map((n) => (
            <NoteItem
              // A stored change (a save, an undo, a re-import) starts the form over from the note.
              key={`${n.id}:${n.status}:${n.response}:${n.respondedAt ?? ''}`}
              api={api}
              note={n}
              indicator={indicators.get(n.indicatorId)}
              name={nameOf(indicators.get(n.indicatorId), n.indicatorCode)}
              usulan={usulan}
              now={n.year === null ? undefined : now.get(`${n.indicatorId}:${n.year}`)}
              saved={saved?.id === n.id ? saved.status : null}
              onSaved={(list, status) => {
                notes.set(list);
                setSaved({ id: n.id, status });
                onChanged?.();
              }}
              onOpen={() => {
                const scenarioId = usulan?.id ?? fallbackScenarioId;
                if (scenarioId === null) return;
                requestFocus({ scenarioId, indicatorId: n.indicatorId, year: n.year, series: n.year === null ? 'justification' : 'revised_target' });
              }}
              canOpen={(usulan?.id ?? fallbackScenarioId) !== null}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface ItemProps {
  api: ApiClient;
  note: ReviewNote;
  indicator: Indicator | undefined;
  name: string;
  usulan: Scenario | null;
  now: number | undefined;
  saved: ReviewStatus | null;
  onSaved(list: ReviewNote[], status: ReviewStatus): void;
  onOpen(): void;
  canOpen: boolean;
}

function NoteItem({ api, note, indicator, name, usulan, now, saved, onSaved, onOpen, canOpen }: ItemProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [response, setResponse] = useState(note.response);
  const [status, setStatus] = useState<ReviewStatus>(note.status);
  const [refusal, setRefusal] = useState<'needResponse' | 'unchanged' | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  // A response typed or a status picked and not saved yet: closing the page asks first.
  useUnsavedWork(response !== note.response || status !== note.status);
  const year = note.year === null ? t('review.allYears') : String(note.year);
  const decimals = indicator?.decimals ?? 2;
  const value = (v: number | null | undefined) => (v === null || v === undefined ? t('review.noTarget') : formatNumber(v, decimals));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    if (status === 'ditindaklanjuti' && response.trim() === '') return setRefusal('needResponse');
    if (status === note.status && response === note.response) return setRefusal('unchanged');
    setRefusal(null);
    setBusy(true);
    try {
      const r = await api.call('reviews.respond', { id: note.id, response, status });
      if (!r.ok) return setFailure(r);
      onSaved(r.value, status);
    } finally {
      setBusy(false);
    }
  }

  const problemId = `${id}-problem`;
  return (
    <li className="review-note" data-status={note.status} data-testid="review-note" data-note-id={note.id}>
      <div className="review-note-head">
        <span className="review-note-where">
          <strong>{name}</strong> · {year}
        </span>
        <span className={`badge review-status review-status-${note.status}`}>{t(`review.status.${note.status}`)}</span>
        <span className="review-note-by">{t('review.evaluatorOn', { evaluator: note.evaluator, date: longDate(note.reviewDate, i18n.language) })}</span>
        <button type="button" className="link-button review-note-open" onClick={onOpen} disabled={!canOpen} title={t('review.openTitle', { indicator: name, year })}>
          {t('review.open')}
        </button>
      </div>
      <p className="review-note-text">{note.note}</p>
      <p className="review-note-targets">
        {note.year === null ? (
          <span className="muted">{t('review.wholeIndicator')}</span>
        ) : (
          <>
            <span>
              {t('review.seen')}: <strong className="num">{value(note.seenTarget)}</strong>
            </span>
            <span>
              {usulan ? t('review.nowOf', { scenario: usulan.name }) : t('review.now')}: <strong className="num">{usulan ? value(now) : t('review.noUsulan')}</strong>
            </span>
          </>
        )}
        <span className="muted review-note-file">{t('review.from', { file: note.sourceFile })}</span>
      </p>
      <form className="review-note-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="review-note-response">
          <label htmlFor={`${id}-response`}>{t('review.response')}</label>
          <textarea
            id={`${id}-response`}
            className="textarea"
            rows={2}
            maxLength={REVIEW_LIMITS.response}
            value={response}
            placeholder={t('review.responseHint')}
            aria-invalid={refusal === 'needResponse'}
            aria-describedby={refusal || failure ? problemId : undefined}
            onChange={(e) => {
              setResponse(e.target.value);
              setRefusal(null);
            }}
          />
        </div>
        <fieldset className="review-note-status">
          <legend>{t('review.statusLabel')}</legend>
          {REVIEW_STATUSES.map((s) => (
            <label key={s} className="review-status-choice">
              <input
                type="radio"
                name={`${id}-status`}
                value={s}
                checked={status === s}
                onChange={() => {
                  setStatus(s);
                  setRefusal(null);
                }}
              />
              {t(`review.status.${s}`)}
            </label>
          ))}
        </fieldset>
        <div className="review-note-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('review.saving') : t('review.save')}
          </button>
          <div id={problemId} className="review-note-problem" role="alert">
            {refusal && <span className="form-failure">{t(refusal === 'needResponse' ? 'review.needResponse' : 'review.unchangedDraft')}</span>}
            {failure && (
              <span className="form-failure">
                {t(`error.codes.${failure.code}`, { defaultValue: t('error.title') })} <FailureDetail failure={failure} />
              </span>
            )}
          </div>
          <p className="review-note-saved" role="status" data-testid="review-note-saved">
            {saved && !refusal && !failure && (
              <>
                <span aria-hidden="true">✓ </span>
                {t('review.saved', { indicator: name, year, status: t(`review.status.${saved}`) })}
              </>
            )}
          </p>
        </div>
      </form>
    </li>
  );
}
