/**
 * Reference targets (RPJMN, Inpres, the Governor) as workbook data: a table with each one's scope,
 * rule and source, and a form to add, edit or delete them. Only a kabupaten/kota reference is
 * tested against the targets; a national or provincial one is context (an info finding). Every
 * save is one undo step in the services; the checks rerun after it (onChanged).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Failure } from '../../../shared/api/result.js';
import type { Indicator, ReferenceTarget, ShockYear } from '../../../shared/domain.js';
import { COMPARISONS, REFERENCE_KINDS, REFERENCE_SCOPES } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import { isPercentUnit } from '../../../shared/model/checks.js';
import { COMPARISON_SIGN } from '../charts/series.js';
import { draftOf, emptyDraft, fieldOf, validateDraft, YEAR_MAX, YEAR_MIN, type DraftErrors, type DraftField, type ReferenceDraft } from './reference-form.js';
import { FailureDetail } from '../components/FailureDetail.js';

type ReferenceList = { references: ReferenceTarget[]; shockYears: ShockYear[] };

interface Props {
  api: ApiClient;
  indicators: readonly Indicator[];
  data: ReferenceList | null;
  /** The services answered a write with the new list. */
  onChanged: (list: ReferenceList) => void;
}

export function ReferencesPanel({ api, indicators, data, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const field = (name: string) => `${formId}-${name}`;
  const defaultCode = indicators.find((i) => i.code === 'P0')?.code ?? indicators[0]?.code ?? '';
  const [draft, setDraft] = useState<ReferenceDraft | null>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [status, setStatus] = useState('');

  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const nameOf = (code: string) => {
    const ind = byCode.get(code);
    if (!ind) return code;
    return i18n.language === 'en' ? ind.nameEn : ind.nameId;
  };
  const decimalsOf = (code: string) => byCode.get(code)?.decimals ?? 2;

  const rule = (r: ReferenceTarget) => {
    const ind = byCode.get(r.indicatorCode);
    const number = `${COMPARISON_SIGN[r.comparison]} ${formatNumber(r.value, decimalsOf(r.indicatorCode))}`;
    if (r.kind === 'level') return t('compare.refs.ruleLevel', { value: `${number} ${ind?.unit ?? ''}`.trim(), year: String(r.year ?? '') });
    // A change per year of an indicator in % is in percentage points.
    const unit = ind && isPercentUnit(ind) ? t('compare.pp') : (ind?.unit ?? '');
    return t('compare.refs.ruleChange', { value: `${number} ${unit}`.trim() });
  };

  const update = (patch: Partial<ReferenceDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k as DraftField];
      if (patch.kind) delete next.year;
      return next;
    });
  };

  const open = (next: ReferenceDraft) => {
    setDraft(next);
    setErrors({});
    setFailure(null);
    setStatus('');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const checked = validateDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      if (first) document.getElementById(field(first))?.focus();
      return;
    }
    setBusy(true);
    const result = await api.call('references.save', checked.input);
    setBusy(false);
    if (!result.ok) {
      const f = fieldOf(result.field);
      if (f) setErrors({ [f]: 'required' });
      setFailure(result);
      return;
    }
    setStatus(t(draft.id === null ? 'compare.refs.added' : 'compare.refs.updated', { label: checked.input.label }));
    setDraft(null);
    onChanged(result.value);
  };

  const remove = async (ref: ReferenceTarget) => {
    setBusy(true);
    const result = await api.call('references.delete', { id: ref.id });
    setBusy(false);
    setConfirming(null);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    setStatus(t('compare.refs.deleted', { label: ref.label }));
    if (draft?.id === ref.id) setDraft(null);
    onChanged(result.value);
  };

  const problem = (name: DraftField) => {
    const p = errors[name];
    if (!p) return null;
    return (
      <span id={field(`${name}-error`)} className="field-error">
        {t(`compare.refs.problem.${p}`, { min: YEAR_MIN, max: YEAR_MAX })}
      </span>
    );
  };
  const described = (name: DraftField) => (errors[name] ? field(`${name}-error`) : undefined);

  const references = data?.references ?? [];

  return (
    <section className="card card-wide" aria-labelledby={`${formId}-title`}>
      <div className="card-toolbar">
        <h2 id={`${formId}-title`} className="card-title">
          {t('compare.refs.title')}
        </h2>
        <button type="button" className="button" onClick={() => open(emptyDraft(defaultCode))} disabled={busy || (draft !== null && draft.id === null)}>
          {t('compare.refs.add')}
        </button>
      </div>
      <p className="hint">{t('compare.refs.intro')}</p>

      <table className="refs-table" data-testid="references-table">
        <thead>
          <tr>
            <th scope="col">{t('compare.refs.indicator')}</th>
            <th scope="col">{t('compare.refs.scope')}</th>
            <th scope="col">{t('compare.refs.rule')}</th>
            <th scope="col">{t('compare.refs.label')}</th>
            <th scope="col">{t('compare.refs.source')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('compare.refs.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {references.length === 0 && (
            <tr>
              <td colSpan={6} className="empty-cell">
                {data ? t('compare.refs.none') : t('common.loading')}
              </td>
            </tr>
          )}
          {references.map((r) => (
            <tr key={r.id} data-reference-id={r.id} data-scope={r.scope}>
              <td>{nameOf(r.indicatorCode)}</td>
              <td>
                <span className={`refs-scope refs-scope-${r.scope}`}>{t(`compare.refs.scopes.${r.scope}`)}</span>
                <span className="refs-context">{r.scope === 'kabupaten' ? t('compare.refs.tested') : t('compare.refs.context')}</span>
              </td>
              <td className="nowrap">{rule(r)}</td>
              <td>{r.label}</td>
              <td className="refs-source">{r.source}</td>
              <td className="refs-actions">
                {confirming === r.id ? (
                  <span className="confirm-inline" role="group" aria-label={t('compare.refs.confirmDelete', { label: r.label })}>
                    <span>{t('compare.refs.confirmDelete', { label: r.label })}</span>
                    <button type="button" className="button button-small button-danger" onClick={() => void remove(r)} disabled={busy}>
                      {t('compare.refs.confirmYes')}
                    </button>
                    <button type="button" className="button button-small" onClick={() => setConfirming(null)}>
                      {t('compare.refs.cancel')}
                    </button>
                  </span>
                ) : (
                  <>
                    <button type="button" className="button button-small" onClick={() => open(draftOf(r, decimalsOf(r.indicatorCode)))} disabled={busy} aria-label={t('compare.refs.editFor', { label: r.label, indicator: nameOf(r.indicatorCode) })}>
                      {t('compare.refs.edit')}
                    </button>
                    <button type="button" className="button button-small" onClick={() => setConfirming(r.id)} disabled={busy} aria-label={t('compare.refs.deleteFor', { label: r.label, indicator: nameOf(r.indicatorCode) })}>
                      {t('compare.refs.delete')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.shockYears.length > 0 && (
        <p className="hint shock-note">
          {t('compare.refs.shockYears', { list: data.shockYears.map((s) => `${s.year} (${s.reason})`).join(', ') })}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>

      {draft && (
        <form className="ref-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${formId}-form-title`}>
          <h3 id={`${formId}-form-title`} className="form-title">
            {draft.id === null ? t('compare.refs.addTitle') : t('compare.refs.editTitle')}
          </h3>
          {failure && (
            <p className="form-failure" role="alert">
              {t(`error.codes.${failure.code}`, { defaultValue: t('error.title') })} <FailureDetail failure={failure} />
            </p>
          )}
          <div className="form-grid">
            <label htmlFor={field('indicatorCode')}>{t('compare.refs.indicator')}</label>
            <div className="form-control">
              <select id={field('indicatorCode')} className="select" value={draft.indicatorCode} onChange={(e) => update({ indicatorCode: e.target.value })} aria-invalid={!!errors.indicatorCode} aria-describedby={described('indicatorCode')}>
                {indicators.map((i) => (
                  <option key={i.code} value={i.code}>
                    {nameOf(i.code)}
                  </option>
                ))}
              </select>
              {problem('indicatorCode')}
            </div>

            <label htmlFor={field('scope')}>{t('compare.refs.scope')}</label>
            <div className="form-control">
              <select id={field('scope')} className="select" value={draft.scope} onChange={(e) => update({ scope: e.target.value as ReferenceDraft['scope'] })} aria-describedby={field('scope-hint')}>
                {REFERENCE_SCOPES.map((sc) => (
                  <option key={sc} value={sc}>
                    {t(`compare.refs.scopes.${sc}`)}
                  </option>
                ))}
              </select>
              <span id={field('scope-hint')} className="hint">
                {t('compare.refs.scopeHint')}
              </span>
            </div>

            <label htmlFor={field('kind')}>{t('compare.refs.kind')}</label>
            <div className="form-control">
              <select id={field('kind')} className="select" value={draft.kind} onChange={(e) => update({ kind: e.target.value as ReferenceDraft['kind'], ...(e.target.value === 'annual_change' ? { year: '' } : {}) })}>
                {REFERENCE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`compare.refs.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>

            <label htmlFor={field('comparison')}>{t('compare.refs.comparison')}</label>
            <div className="form-control form-pair">
              <select id={field('comparison')} className="select" value={draft.comparison} onChange={(e) => update({ comparison: e.target.value as ReferenceDraft['comparison'] })}>
                {COMPARISONS.map((c) => (
                  <option key={c} value={c}>
                    {COMPARISON_SIGN[c]} {t(`compare.refs.comparisons.${c}`)}
                  </option>
                ))}
              </select>
              <label htmlFor={field('value')} className="visually-hidden">
                {t('compare.refs.value')}
              </label>
              <input
                id={field('value')}
                className="input input-number"
                inputMode="decimal"
                placeholder={t('compare.refs.value')}
                value={draft.value}
                onChange={(e) => update({ value: e.target.value })}
                aria-invalid={!!errors.value}
                aria-describedby={described('value')}
              />
              {problem('value')}
            </div>

            <label htmlFor={field('year')}>{t('compare.refs.year')}</label>
            <div className="form-control">
              <input
                id={field('year')}
                className="input input-year"
                inputMode="numeric"
                value={draft.kind === 'level' ? draft.year : ''}
                disabled={draft.kind !== 'level'}
                onChange={(e) => update({ year: e.target.value })}
                aria-invalid={!!errors.year}
                aria-describedby={[field('year-hint'), described('year')].filter(Boolean).join(' ')}
              />
              <span id={field('year-hint')} className="hint">
                {draft.kind === 'level' ? t('compare.refs.yearHintLevel') : t('compare.refs.yearHintChange')}
              </span>
              {problem('year')}
            </div>

            <label htmlFor={field('label')}>{t('compare.refs.label')}</label>
            <div className="form-control">
              <input id={field('label')} className="input" value={draft.label} maxLength={200} onChange={(e) => update({ label: e.target.value })} aria-invalid={!!errors.label} aria-describedby={described('label')} />
              {problem('label')}
            </div>

            <label htmlFor={field('source')}>{t('compare.refs.source')}</label>
            <div className="form-control">
              <textarea id={field('source')} className="input" rows={2} value={draft.source} maxLength={2000} onChange={(e) => update({ source: e.target.value })} aria-invalid={!!errors.source} aria-describedby={described('source')} />
              {problem('source')}
            </div>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setDraft(null)} disabled={busy}>
              {t('compare.refs.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('compare.refs.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
