/**
 * The Intervensi view's parameters: the average size of a poor household (people, id-ID decimal
 * comma) with its source, and the RPKD/RPD horizon (the plan's last year up to 10 years after).
 * Saved like the Buku Kerja's Lampiran Raperda fields (workbook/AnnexSettings.tsx): Enter, or
 * leaving the field (the household size and its source are one pair: leaving the pair), one
 * settings.update each, undoable. What is wrong is said beside the field in the UI's language.
 */
import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Failure } from '../../../shared/api/result.js';
import { VALUE_SOURCE_MAX, type WorkbookSummary } from '../../../shared/domain.js';
import { formatForEditing, formatNumber, parseNumber } from '../../../shared/format/number.js';
import { storedText } from '../../../shared/raperda.js';
import { textProblem } from '../../../shared/text-rules.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { notNumberText, sentence } from './words.js';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  /** After a save: the summary (and the undo state) reload. */
  onChanged(): Promise<void>;
}

/** The household size the contract takes (shared/api/contract.ts settings.update). */
const SIZE_MIN = 1;
const SIZE_MAX = 20;
/** How far past the plan's last year the horizon may reach (electron/workbook/editors/settings.ts MAX_HORIZON_YEARS). */
const HORIZON_YEARS = 10;

type Field = 'size' | 'source' | 'horizon';

export function InterventionSettings({ api, summary, onChanged }: Props) {
  const { t } = useTranslation();
  const ids = { size: useId(), source: useId(), horizon: useId(), horizonHint: useId() };
  const { settings, plan, readOnly } = summary;
  const [failure, setFailure] = useState<Failure | null>(null);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState<'size' | 'horizon' | null>(null);

  // ---- household size and its source: a draft while it differs from what is stored ----
  const storedSize = formatForEditing(settings.poorHouseholdSize, 0);
  const storedSource = settings.poorHouseholdSizeSource ?? '';
  const [pair, setPair] = useState<{ size: string; source: string } | null>(null);
  const size = pair?.size ?? storedSize;
  const source = pair?.source ?? storedSource;
  const savingPair = useRef(false);

  const editPair = (field: 'size' | 'source', value: string) => {
    setPair({ size, source, [field]: value });
    setProblems(({ [field]: _, ...rest }) => rest);
    if (saved === 'size') setSaved(null);
  };

  const savePair = async () => {
    if (!pair || readOnly || savingPair.current) return;
    const found: Partial<Record<Field, string>> = {};
    let value: number | null = null;
    if (pair.size.trim() !== '') {
      const r = parseNumber(pair.size);
      if (r.ok) value = r.value;
      else found.size = sentence(notNumberText(t, pair.size.trim(), r.reason, '4,6'));
    }
    const sourceText = storedText(pair.source);
    const tp = textProblem(pair.source);
    if (tp) found.source = sentence(t(`interventions.problems.${tp.kind}`, { codePoint: tp.codePoint ?? '' }));
    else if ((sourceText?.length ?? 0) > VALUE_SOURCE_MAX) found.source = sentence(t('interventions.problems.tooLong', { length: formatNumber(sourceText!.length, 0), max: formatNumber(VALUE_SOURCE_MAX, 0) }));
    else if (pair.size.trim() !== '' && !sourceText) found.source = t('interventions.problems.householdSizeSource');
    if (Object.keys(found).length > 0) {
      setProblems((p) => ({ ...p, ...found }));
      return;
    }
    if (value === settings.poorHouseholdSize && sourceText === settings.poorHouseholdSizeSource) {
      setPair(null);
      return;
    }
    savingPair.current = true;
    try {
      const r = await api.call('settings.update', { poorHouseholdSize: value, poorHouseholdSizeSource: sourceText });
      if (!r.ok) {
        if (r.field === 'poorHouseholdSize') setProblems((p) => ({ ...p, size: t('interventions.problems.householdSize', { min: formatNumber(SIZE_MIN, 0), max: formatNumber(SIZE_MAX, 0) }) }));
        else if (r.field === 'poorHouseholdSizeSource') setProblems((p) => ({ ...p, source: sentence(t('interventions.problems.refusedField')) }));
        else setFailure(r);
        return;
      }
      setFailure(null);
      setSaved('size');
      await onChanged();
      setPair(null);
    } finally {
      savingPair.current = false;
    }
  };

  /** Leaving the pair (not moving from the size to its source) saves it. */
  const pairBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
    void savePair();
  };
  const pairKeys = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void savePair();
    } else if (e.key === 'Escape' && pair) {
      e.preventDefault();
      setPair(null);
      setProblems(({ size: _s, source: _o, ...rest }) => rest);
    }
  };

  // ---- the horizon: a chosen year waits for Enter or leaving the field, unless picked with the pointer ----
  const storedHorizon = settings.horizonYear ?? plan.lastYear;
  const [horizon, setHorizon] = useState<number | null>(null);
  const pointerPick = useRef(false);
  const savingHorizon = useRef(false);
  const years: number[] = [];
  for (let y = plan.lastYear; y <= plan.lastYear + HORIZON_YEARS; y++) years.push(y);
  if (!years.includes(storedHorizon)) years.push(storedHorizon);

  const saveHorizon = async (year: number | null) => {
    if (year === null || readOnly || savingHorizon.current) return;
    if (year === storedHorizon) {
      setHorizon(null);
      return;
    }
    savingHorizon.current = true;
    try {
      const r = await api.call('settings.update', { horizonYear: year === plan.lastYear ? null : year });
      if (!r.ok) {
        const p = r.params ?? {};
        if (p.reason === 'horizon_out_of_range') setProblems((x) => ({ ...x, horizon: t('interventions.problems.horizon_out_of_range', { from: String(p.from), to: String(p.to) }) }));
        else if (p.reason === 'horizon_below_data') {
          setProblems((x) => ({ ...x, horizon: t('interventions.problems.horizon_below_data', { count: Number(p.count), year: String(p.year ?? year), first: String(p.first) }) }));
        } else setFailure(r);
        return;
      }
      setFailure(null);
      setSaved('horizon');
      await onChanged();
      setHorizon(null);
    } finally {
      savingHorizon.current = false;
    }
  };

  const sizeProblemId = `${ids.size}-error`;
  const sourceProblemId = `${ids.source}-error`;
  const horizonProblemId = `${ids.horizon}-error`;

  return (
    <section className="card card-wide interventions-settings" aria-labelledby="interventions-settings-title">
      <h2 id="interventions-settings-title" className="card-title">
        {t('interventions.settings.title')}
      </h2>
      <ErrorAlert error={failure} onDismiss={() => setFailure(null)} />
      <div className="interventions-settings-grid">
        <div className="interventions-pair" onBlur={pairBlur}>
          <div className="form-field interventions-size">
            <label htmlFor={ids.size}>
              {t('interventions.settings.householdSize')}
              <span className="visually-hidden"> ({t('interventions.settings.householdSizeUnit')})</span>
            </label>
            <div className="interventions-inline">
              <input
                id={ids.size}
                className="input input-number"
                inputMode="decimal"
                value={size}
                placeholder={t('interventions.settings.householdSizePlaceholder')}
                disabled={readOnly}
                aria-invalid={problems.size ? true : undefined}
                aria-describedby={problems.size ? sizeProblemId : undefined}
                onChange={(e) => editPair('size', e.target.value)}
                onKeyDown={pairKeys}
              />
              <span className="interventions-unit" aria-hidden="true">
                {t('interventions.settings.householdSizeUnit')}
              </span>
            </div>
            {problems.size && (
              <p id={sizeProblemId} className="field-error">
                {problems.size}
              </p>
            )}
          </div>
          <div className="form-field interventions-size-source">
            <label htmlFor={ids.source}>{t('interventions.settings.householdSizeSource')}</label>
            <div className="interventions-inline">
              {/* One line of text, wrapped to be read whole; Enter saves like the other fields. */}
              <textarea
                id={ids.source}
                className="input textarea interventions-source"
                rows={2}
                value={source}
                placeholder={t('interventions.settings.householdSizeSourcePlaceholder')}
                disabled={readOnly}
                aria-invalid={problems.source ? true : undefined}
                aria-describedby={problems.source ? sourceProblemId : undefined}
                onChange={(e) => editPair('source', e.target.value)}
                onKeyDown={pairKeys}
              />
              {saved === 'size' && !pair && (
                <span className="field-saved" aria-hidden="true">
                  ✓ {t('interventions.settings.saved')}
                </span>
              )}
            </div>
            {problems.source && (
              <p id={sourceProblemId} className="field-error">
                {problems.source}
              </p>
            )}
          </div>
        </div>
        <div className="form-field interventions-horizon">
          <label htmlFor={ids.horizon}>{t('interventions.settings.horizon')}</label>
          <div className="interventions-inline">
            <select
              id={ids.horizon}
              className="select"
              value={horizon ?? storedHorizon}
              disabled={readOnly}
              aria-invalid={problems.horizon ? true : undefined}
              aria-describedby={problems.horizon ? `${horizonProblemId} ${ids.horizonHint}` : ids.horizonHint}
              onPointerDown={() => {
                pointerPick.current = true;
              }}
              onKeyDown={(e) => {
                pointerPick.current = false;
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void saveHorizon(horizon);
                } else if (e.key === 'Escape' && horizon !== null) {
                  // Back to the stored year, the refusal with it.
                  e.preventDefault();
                  setHorizon(null);
                  setProblems(({ horizon: _, ...rest }) => rest);
                }
              }}
              onChange={(e) => {
                const year = Number(e.target.value);
                setHorizon(year);
                setProblems(({ horizon: _, ...rest }) => rest);
                if (saved === 'horizon') setSaved(null);
                if (pointerPick.current) void saveHorizon(year);
              }}
              onBlur={() => void saveHorizon(horizon)}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y === plan.lastYear ? t('interventions.settings.horizonPlanEnd', { year: String(y) }) : String(y)}
                </option>
              ))}
            </select>
            {saved === 'horizon' && horizon === null && (
              <span className="field-saved" aria-hidden="true">
                ✓ {t('interventions.settings.saved')}
              </span>
            )}
          </div>
          {problems.horizon && (
            <p id={horizonProblemId} className="field-error">
              {problems.horizon}
            </p>
          )}
        </div>
      </div>
      <p className="hint interventions-settings-hint">
        <span id={ids.horizonHint}>{t('interventions.settings.horizonHint', { first: String(plan.firstYear), last: String(plan.lastYear) })}</span>{' '}
        {!readOnly && t('interventions.settings.note')}
      </p>
      <p className="visually-hidden" role="status" data-testid="interventions-settings-status">
        {saved === 'size' ? t('interventions.settings.savedStatus', { field: t('interventions.settings.householdSize') }) : saved === 'horizon' ? t('interventions.settings.savedStatus', { field: t('interventions.settings.horizon') }) : ''}
      </p>
    </section>
  );
}
