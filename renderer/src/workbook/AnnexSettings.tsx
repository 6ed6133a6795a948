/**
 * "Lampiran Raperda" on the Buku Kerja: the header the annex prints (the Raperda's number and
 * year, the Perda it amends) and the Perangkat Daerah penanggung jawab of each indicator. Each
 * save is one edit through the services (undoable, in the change log). What is wrong with a value
 * is said beside its field in the UI's language (shared/raperda.ts, the rules the contract holds
 * it to), before anything is sent; a refusal by the service is shown there too.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Failure, Result } from '../../../shared/api/result.js';
import type { Indicator, WorkbookSummary } from '../../../shared/domain.js';
import { parseDocumentYear, raperdaTextProblem, storedText, type RaperdaProblem } from '../../../shared/raperda.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import './annex-settings.css';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  readOnly: boolean;
  /** After a change: the workbook summary (settings, indicators) and everything shown from it reload. */
  onChanged(): Promise<void>;
}

type HeaderField = 'annexDocumentNumber' | 'annexDocumentYear' | 'amendedRegulation';
type HeaderDraft = Record<HeaderField, string>;

function problemText(t: TFunction, p: RaperdaProblem): string {
  switch (p.kind) {
    case 'too_long':
      return t('raperda.problems.too_long', { length: String(p.length), max: String(p.max) });
    case 'not_a_year':
      return t('raperda.problems.not_a_year', { min: String(p.min), max: String(p.max) });
    case 'text':
      return t(`raperda.problems.${p.text.kind}`, { codePoint: p.text.codePoint ?? '' });
  }
}

/** A refusal by the service, in the UI's language (its title) with the service's own words. */
function failureText(t: TFunction, f: Failure): string {
  return t('raperda.problems.service', { title: t(`error.codes.${f.code}`, { defaultValue: t('error.title') }), message: f.message });
}

function headerOf(s: WorkbookSummary['settings']): HeaderDraft {
  return {
    annexDocumentNumber: s.annexDocumentNumber ?? '',
    annexDocumentYear: s.annexDocumentYear === null ? '' : String(s.annexDocumentYear),
    amendedRegulation: s.amendedRegulation ?? '',
  };
}

export function AnnexSettings({ api, summary, readOnly, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ids = { number: useId(), year: useId(), amended: useId(), units: useId() };
  const { settings, indicators } = summary;

  const stored = headerOf(settings);
  const [header, setHeader] = useState<HeaderDraft>(stored);
  const [headerRefusal, setHeaderRefusal] = useState<{ field: HeaderField | null; failure: Failure } | null>(null);
  const [headerSaved, setHeaderSaved] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  // The stored header changes after a save, an undo or a redo: the fields show it again.
  const storedKey = `${stored.annexDocumentNumber}\u0000${stored.annexDocumentYear}\u0000${stored.amendedRegulation}`;
  const [shownKey, setShownKey] = useState(storedKey);
  if (shownKey !== storedKey) {
    setShownKey(storedKey);
    setHeader(stored);
  }

  const year = parseDocumentYear(header.annexDocumentYear);
  const headerProblems: Partial<Record<HeaderField, string>> = {};
  const numberProblem = raperdaTextProblem('annexDocumentNumber', header.annexDocumentNumber);
  if (numberProblem) headerProblems.annexDocumentNumber = problemText(t, numberProblem);
  if ('problem' in year) headerProblems.annexDocumentYear = problemText(t, year.problem);
  const amendedProblem = raperdaTextProblem('amendedRegulation', header.amendedRegulation);
  if (amendedProblem) headerProblems.amendedRegulation = problemText(t, amendedProblem);
  if (headerRefusal?.field && !headerProblems[headerRefusal.field]) headerProblems[headerRefusal.field] = failureText(t, headerRefusal.failure);
  const headerChanged =
    storedText(header.annexDocumentNumber) !== settings.annexDocumentNumber ||
    ('value' in year && year.value !== settings.annexDocumentYear) ||
    storedText(header.amendedRegulation) !== settings.amendedRegulation;
  const headerValid = !numberProblem && !amendedProblem && 'value' in year;

  const editHeader = (field: HeaderField, value: string) => {
    setHeader((h) => ({ ...h, [field]: value }));
    setHeaderSaved(false);
    if (headerRefusal?.field === field) setHeaderRefusal(null);
  };

  const saveHeader = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly || !headerValid || !headerChanged || !('value' in year)) return;
    const r = await api.call('settings.update', {
      annexDocumentNumber: storedText(header.annexDocumentNumber),
      annexDocumentYear: year.value,
      amendedRegulation: storedText(header.amendedRegulation),
    });
    if (!r.ok) {
      const field = (['annexDocumentNumber', 'annexDocumentYear', 'amendedRegulation'] as const).find((f) => r.field === f) ?? null;
      setHeaderRefusal({ field, failure: r });
      if (!field) setFailure(r);
      return;
    }
    setHeaderRefusal(null);
    setFailure(null);
    setHeaderSaved(true);
    await onChanged();
  };

  // Perangkat Daerah: a draft per indicator while it differs from what is stored.
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [unitRefusals, setUnitRefusals] = useState<Record<number, Failure>>({});
  const [savedId, setSavedId] = useState<number | null>(null);
  const saving = useRef(new Set<number>());

  const nameOf = (ind: Indicator) => (lang === 'en' ? ind.nameEn : ind.nameId);
  const unitShown = (ind: Indicator) => drafts[ind.id] ?? ind.responsibleUnit ?? '';
  const unitProblem = (ind: Indicator): string | null => {
    const draft = drafts[ind.id];
    const p = draft === undefined ? null : raperdaTextProblem('responsibleUnit', draft);
    if (p) return problemText(t, p);
    const refused = unitRefusals[ind.id];
    return refused ? failureText(t, refused) : null;
  };

  const forget = (id: number) => {
    setDrafts(({ [id]: _, ...rest }) => rest);
    setUnitRefusals(({ [id]: _, ...rest }) => rest);
  };

  const saveUnit = async (ind: Indicator) => {
    const draft = drafts[ind.id];
    if (draft === undefined || readOnly || saving.current.has(ind.id)) return;
    if (raperdaTextProblem('responsibleUnit', draft)) return;
    const value = storedText(draft);
    if (value === ind.responsibleUnit) {
      forget(ind.id);
      return;
    }
    saving.current.add(ind.id);
    let r: Result<unknown>;
    try {
      r = await api.call('indicators.update', { indicatorId: ind.id, responsibleUnit: value });
    } finally {
      saving.current.delete(ind.id);
    }
    if (!r.ok) {
      if (r.field === 'responsibleUnit') setUnitRefusals((m) => ({ ...m, [ind.id]: r as Failure }));
      else setFailure(r);
      return;
    }
    setFailure(null);
    setSavedId(ind.id);
    await onChanged();
    forget(ind.id);
  };

  const unitKeys = (ind: Indicator) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void saveUnit(ind);
    } else if (e.key === 'Escape' && drafts[ind.id] !== undefined) {
      e.preventDefault();
      forget(ind.id);
    }
  };

  const setCount = indicators.filter((i) => i.responsibleUnit).length;
  const saved = savedId === null ? undefined : indicators.find((i) => i.id === savedId);

  return (
    <section className="card card-wide annex-settings" aria-labelledby="raperda-title">
      <h2 id="raperda-title" className="card-title">
        {t('raperda.title')}
      </h2>
      <p className="hint">{t('raperda.lead')}</p>
      <ErrorAlert error={failure} onDismiss={() => setFailure(null)} />

      <form className="raperda-header" onSubmit={(e) => void saveHeader(e)} noValidate>
        <div className="raperda-field">
          <label htmlFor={ids.number}>{t('raperda.documentNumber')}</label>
          <input
            id={ids.number}
            className="input"
            value={header.annexDocumentNumber}
            placeholder="…"
            disabled={readOnly}
            aria-invalid={!!headerProblems.annexDocumentNumber}
            aria-describedby={headerProblems.annexDocumentNumber ? `${ids.number}-error` : undefined}
            onChange={(e) => editHeader('annexDocumentNumber', e.target.value)}
          />
          {headerProblems.annexDocumentNumber && (
            <p id={`${ids.number}-error`} className="field-error">
              {headerProblems.annexDocumentNumber}
            </p>
          )}
        </div>
        <div className="raperda-field raperda-year">
          <label htmlFor={ids.year}>{t('raperda.documentYear')}</label>
          <input
            id={ids.year}
            className="input"
            inputMode="numeric"
            value={header.annexDocumentYear}
            placeholder={t('raperda.yearPlaceholder')}
            disabled={readOnly}
            aria-invalid={!!headerProblems.annexDocumentYear}
            aria-describedby={headerProblems.annexDocumentYear ? `${ids.year}-error` : undefined}
            onChange={(e) => editHeader('annexDocumentYear', e.target.value)}
          />
          {headerProblems.annexDocumentYear && (
            <p id={`${ids.year}-error`} className="field-error">
              {headerProblems.annexDocumentYear}
            </p>
          )}
        </div>
        <div className="raperda-field raperda-amended">
          <label htmlFor={ids.amended}>{t('raperda.amendedRegulation')}</label>
          {/* One line of text, wrapped to be read whole; Enter saves like the other fields. */}
          <textarea
            id={ids.amended}
            className="input textarea raperda-amended-text"
            rows={3}
            value={header.amendedRegulation}
            placeholder={t('raperda.amendedPlaceholder')}
            disabled={readOnly}
            aria-invalid={!!headerProblems.amendedRegulation}
            aria-describedby={headerProblems.amendedRegulation ? `${ids.amended}-error` : undefined}
            onChange={(e) => editHeader('amendedRegulation', e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          {headerProblems.amendedRegulation && (
            <p id={`${ids.amended}-error`} className="field-error">
              {headerProblems.amendedRegulation}
            </p>
          )}
        </div>
        <div className="raperda-actions">
          <button type="submit" className="button" disabled={readOnly || !headerValid || !headerChanged}>
            {t('raperda.saveHeader')}
          </button>
          <p className="field-saved" role="status" data-testid="raperda-header-status">
            {headerSaved && !headerChanged ? t('raperda.headerSaved') : ''}
          </p>
        </div>
      </form>

      <h3 className="subsection-title" id={ids.units}>
        {t('raperda.unitsTitle')}
      </h3>
      <p className="hint">
        {t('raperda.unitCount', { set: String(setCount), total: String(indicators.length) })}. {t('raperda.unitsNote')}
      </p>
      <p className="visually-hidden" role="status" data-testid="raperda-unit-status">
        {saved ? t('raperda.unitSavedFor', { indicator: nameOf(saved) }) : ''}
      </p>
      <div className="raperda-units-scroll">
        <table className="table-compact raperda-units" aria-labelledby={ids.units}>
          <thead>
            <tr>
              <th scope="col">{t('raperda.indicator')}</th>
              <th scope="col">{t('raperda.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((ind) => {
              const problem = unitProblem(ind);
              const errorId = `${ids.units}-${ind.id}-error`;
              return (
                <tr key={ind.id} data-indicator={ind.code}>
                  <th scope="row" className="raperda-indicator">
                    {nameOf(ind)}
                  </th>
                  <td className="raperda-unit-cell">
                    <div className="raperda-unit-field">
                      <input
                        className="input"
                        value={unitShown(ind)}
                        placeholder={t('raperda.unitPlaceholder')}
                        aria-label={t('raperda.unitFor', { indicator: nameOf(ind) })}
                        aria-invalid={!!problem}
                        aria-describedby={problem ? errorId : undefined}
                        disabled={readOnly}
                        onChange={(e) => {
                          const value = e.target.value;
                          setDrafts((d) => ({ ...d, [ind.id]: value }));
                          setUnitRefusals(({ [ind.id]: _, ...rest }) => rest);
                          if (savedId === ind.id) setSavedId(null);
                        }}
                        onKeyDown={unitKeys(ind)}
                        onBlur={() => void saveUnit(ind)}
                      />
                      {savedId === ind.id && drafts[ind.id] === undefined && (
                        <span className="field-saved" aria-hidden="true">
                          ✓ {t('raperda.unitSaved')}
                        </span>
                      )}
                    </div>
                    {problem && (
                      <p id={errorId} className="field-error">
                        {problem}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
