/**
 * Add or edit a programme: its name, cluster, Inpres 4/2022 strategy, Perangkat Daerah, kind of
 * benefit and source, and its reach per year (households, benefit, accuracy, budget, source),
 * typed the Indonesian way. Saved whole (programmes.save: one undo step). What the form cannot
 * read, and every refusal of the service, is said beside its field (draft.ts, words.ts); a
 * refusal that names no field is said above the buttons.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure, Result } from '../../../shared/api/result.js';
import { BENEFIT_KINDS, PROGRAMME_CLUSTERS, PROGRAMME_STRATEGIES, type Programme } from '../../../shared/domain.js';
import { FailureDetail } from '../components/FailureDetail.js';
import { Modal } from '../target/Modal.js';
import { draftOf, emptyYear, readDraft, refusalProblem, yearField, type FieldKey, type NumberField, type ProgrammeDraft, type ProgrammeInput, type Problem, type YearDraft, type YearField } from './draft.js';
import { problemText, sentence, type ProblemContext } from './words.js';

interface Props {
  /** null: closed; 'new': a new programme; else the programme to edit. */
  editing: Programme | 'new' | null;
  /** The years a programme may have (plan's first year … horizon). */
  years: readonly number[];
  /** The first year a new programme starts with. */
  startYear: number;
  onSave(input: ProgrammeInput): Promise<Result<unknown>>;
  onClose(): void;
}

export function ProgrammeDialog({ editing, years, startYear, onSave, onClose }: Props) {
  const titleId = useId();
  return (
    <Modal open={editing !== null} onClose={onClose} labelledBy={titleId} className="dialog-programme">
      {editing !== null && (
        <ProgrammeForm
          key={editing === 'new' ? 'new' : editing.id}
          titleId={titleId}
          programme={editing === 'new' ? null : editing}
          years={years}
          startYear={startYear}
          onSave={onSave}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

interface FormProps {
  titleId: string;
  programme: Programme | null;
  years: readonly number[];
  startYear: number;
  onSave(input: ProgrammeInput): Promise<Result<unknown>>;
  onClose(): void;
}

const NUMBER_COLUMNS: readonly NumberField[] = ['households', 'benefit', 'accuracy', 'budget'];

function ProgrammeForm({ titleId, programme, years, startYear, onSave, onClose }: FormProps) {
  const { t } = useTranslation();
  const ids = { name: useId(), cluster: useId(), strategy: useId(), agency: useId(), kind: useId(), source: useId(), illustrative: useId(), years: useId(), errors: useId() };
  const [draft, setDraft] = useState<ProgrammeDraft>(() => draftOf(programme, startYear));
  const [problems, setProblems] = useState<Map<FieldKey, Problem>>(new Map());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const first = years[0] ?? startYear;
  const last = years[years.length - 1] ?? startYear;
  const ctx: ProblemContext = { firstYear: first, lastYear: last };

  // After a refused save, the first field marked gets the focus.
  useEffect(() => {
    if (focusTick === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const forget = (field: FieldKey) => {
    if (!problems.has(field)) return;
    setProblems((m) => {
      const next = new Map(m);
      next.delete(field);
      return next;
    });
  };
  const set = <K extends 'name' | 'agency' | 'source'>(field: K, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    forget(field);
  };
  const setYear = (key: number, field: Exclude<YearField, 'year'>, value: string) => {
    setDraft((d) => ({ ...d, years: d.years.map((y) => (y.key === key ? { ...y, [field]: value } : y)) }));
    forget(yearField(key, field));
  };
  const setYearNumber = (key: number, year: number) => {
    setDraft((d) => ({ ...d, years: d.years.map((y) => (y.key === key ? { ...y, year } : y)) }));
    forget(yearField(key, 'year'));
  };
  const used = new Set(draft.years.map((y) => y.year));
  const free = years.filter((y) => !used.has(y));
  const addYear = () => {
    const after = Math.max(...draft.years.map((y) => y.year), startYear - 1);
    const year = free.find((y) => y > after) ?? free[0];
    if (year === undefined) return;
    setDraft((d) => ({ ...d, years: [...d.years, emptyYear(year)].sort((a, b) => a.year - b.year) }));
  };
  const removeYear = (row: YearDraft) => {
    setDraft((d) => ({ ...d, years: d.years.filter((y) => y.key !== row.key) }));
    setProblems((m) => new Map([...m].filter(([k]) => !k.startsWith(`${row.key}.`))));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setFailure(null);
    const read = readDraft(draft);
    if ('problems' in read) {
      setProblems(read.problems);
      setFocusTick((n) => n + 1);
      return;
    }
    setSaving(true);
    let r: Result<unknown>;
    try {
      r = await onSave(read.input);
    } finally {
      setSaving(false);
    }
    if (r.ok) return; // the view closes the dialog
    const located = refusalProblem(r, draft);
    if (located) {
      setProblems(new Map([[located.field, located.problem]]));
      setFocusTick((n) => n + 1);
    } else {
      setProblems(new Map());
      setFailure(r);
    }
  };

  /** The problem of a field, its element id, and the props that tie the field to it. */
  const problemOf = (field: FieldKey) => {
    const p = problems.get(field);
    const id = `${ids.errors}-${field.replace('.', '-')}`;
    return { text: p ? problemText(t, p, ctx) : null, id, aria: { 'aria-invalid': p ? true : undefined, 'aria-describedby': p ? id : undefined } as const };
  };
  const fieldError = (field: FieldKey): ReactNode => {
    const p = problemOf(field);
    return p.text ? (
      <p id={p.id} className="field-error">
        {sentence(p.text)}
      </p>
    ) : null;
  };

  const benefitLabel = draft.benefitKind === 'income' ? t('interventions.form.incomeBenefit') : t('interventions.form.benefit');
  const columnLabel: Record<NumberField, string> = {
    households: t('interventions.form.households'),
    benefit: benefitLabel,
    accuracy: t('interventions.form.accuracy'),
    budget: t('interventions.form.budget'),
  };
  const name = problemOf('name');
  const agency = problemOf('agency');
  const source = problemOf('source');

  return (
    <form ref={formRef} className="programme-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={titleId} className="dialog-title">
        {programme ? t('interventions.form.editTitle') : t('interventions.form.addTitle')}
        {programme && <span className="programme-form-name"> — {programme.name}</span>}
      </h2>

      <div className="programme-fields">
        <div className="form-field programme-field-name">
          <label htmlFor={ids.name}>{t('interventions.form.name')}</label>
          <input id={ids.name} className="input" value={draft.name} placeholder={t('interventions.form.namePlaceholder')} autoFocus onChange={(e) => set('name', e.target.value)} {...name.aria} />
          {fieldError('name')}
        </div>
        <div className="form-field">
          <label htmlFor={ids.agency}>{t('interventions.form.agency')}</label>
          <input id={ids.agency} className="input" value={draft.agency} placeholder={t('interventions.form.agencyPlaceholder')} onChange={(e) => set('agency', e.target.value)} {...agency.aria} />
          {fieldError('agency')}
        </div>
        <div className="form-field">
          <label htmlFor={ids.cluster}>{t('interventions.form.cluster')}</label>
          <select id={ids.cluster} className="select" value={draft.cluster} onChange={(e) => setDraft((d) => ({ ...d, cluster: e.target.value as ProgrammeDraft['cluster'] }))}>
            {PROGRAMME_CLUSTERS.map((c) => (
              <option key={c} value={c}>
                {t(`interventions.cluster.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={ids.strategy}>{t('interventions.form.strategy')}</label>
          <select id={ids.strategy} className="select" value={draft.strategy} onChange={(e) => setDraft((d) => ({ ...d, strategy: e.target.value as ProgrammeDraft['strategy'] }))}>
            {PROGRAMME_STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {t(`interventions.strategy.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={ids.kind}>{t('interventions.form.benefitKind')}</label>
          <select id={ids.kind} className="select" value={draft.benefitKind} onChange={(e) => setDraft((d) => ({ ...d, benefitKind: e.target.value as ProgrammeDraft['benefitKind'] }))}>
            {BENEFIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`interventions.benefitKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field programme-field-source">
          <label htmlFor={ids.source}>{t('interventions.form.source')}</label>
          <input id={ids.source} className="input" value={draft.source} title={draft.source || undefined} placeholder={t('interventions.form.sourcePlaceholder')} onChange={(e) => set('source', e.target.value)} {...source.aria} />
          {fieldError('source')}
        </div>
        <label className="choice programme-field-illustrative" htmlFor={ids.illustrative}>
          <input id={ids.illustrative} type="checkbox" checked={draft.illustrative} onChange={(e) => setDraft((d) => ({ ...d, illustrative: e.target.checked }))} />
          {t('interventions.form.illustrative')}
        </label>
      </div>

      <fieldset className="fieldset programme-years-fieldset">
        <legend id={ids.years}>{t('interventions.form.years')}</legend>
        <p className="hint">{t('interventions.form.yearsHint')}</p>
        {draft.years.length === 0 ? (
          <p className="muted programme-years-none">{t('interventions.form.noYears')}</p>
        ) : (
          <table className="programme-years" aria-labelledby={ids.years}>
            <thead>
              <tr>
                <th scope="col">{t('interventions.form.year')}</th>
                {NUMBER_COLUMNS.map((f) => (
                  <th key={f} scope="col" className="num">
                    {columnLabel[f]}
                  </th>
                ))}
                <th scope="col">{t('interventions.form.yearSource')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('interventions.programmes.col.actions')}</span>
                </th>
              </tr>
            </thead>
            {draft.years.map((row) => {
              const rowProblems = (['year', ...NUMBER_COLUMNS, 'source'] as const).map((f) => ({ f, p: problemOf(yearField(row.key, f)) })).filter((x) => x.p.text);
              const yearP = problemOf(yearField(row.key, 'year'));
              const sourceP = problemOf(yearField(row.key, 'source'));
              const options = years.filter((y) => y === row.year || !used.has(y));
              if (!options.includes(row.year)) options.unshift(row.year);
              return (
                <tbody key={row.key} className="programme-year" data-year={row.year}>
                  <tr>
                    <td>
                      <select
                        className="select programme-year-select"
                        value={row.year}
                        aria-label={t('interventions.form.year')}
                        onChange={(e) => setYearNumber(row.key, Number(e.target.value))}
                        {...yearP.aria}
                      >
                        {options.map((y) => (
                          <option key={y} value={y}>
                            {y}
                          </option>
                        ))}
                      </select>
                    </td>
                    {NUMBER_COLUMNS.map((f) => {
                      const p = problemOf(yearField(row.key, f));
                      return (
                        <td key={f} className="num">
                          <input
                            className={`input input-number programme-${f}`}
                            inputMode="decimal"
                            value={row[f]}
                            placeholder={f === 'budget' ? '–' : undefined}
                            aria-label={t('interventions.form.fieldOfYear', { field: columnLabel[f], year: String(row.year) })}
                            data-field={f}
                            onChange={(e) => setYear(row.key, f, e.target.value)}
                            {...p.aria}
                          />
                        </td>
                      );
                    })}
                    <td>
                      <input
                        className="input programme-year-source"
                        value={row.source}
                        title={row.source || undefined}
                        placeholder={t('interventions.form.yearSourcePlaceholder')}
                        aria-label={t('interventions.form.fieldOfYear', { field: t('interventions.form.yearSource'), year: String(row.year) })}
                        data-field="source"
                        onChange={(e) => setYear(row.key, 'source', e.target.value)}
                        {...sourceP.aria}
                      />
                    </td>
                    <td>
                      <button type="button" className="button button-quiet programme-year-remove" aria-label={t('interventions.form.removeYear', { year: String(row.year) })} title={t('interventions.form.removeYear', { year: String(row.year) })} onClick={() => removeYear(row)}>
                        <span aria-hidden="true">×</span>
                      </button>
                    </td>
                  </tr>
                  {rowProblems.length > 0 && (
                    <tr className="programme-year-problems">
                      <td colSpan={7}>
                        {rowProblems.map(({ f, p }) => (
                          <p key={f} id={p.id} className="field-error">
                            <strong>{f === 'year' ? t('interventions.form.year') : f === 'source' ? t('interventions.form.yearSource') : columnLabel[f]} {row.year}:</strong> {p.text}
                          </p>
                        ))}
                      </td>
                    </tr>
                  )}
                </tbody>
              );
            })}
          </table>
        )}
        <div className="programme-years-actions">
          <button type="button" className="button" onClick={addYear} disabled={free.length === 0}>
            {t('interventions.form.addYear')}
          </button>
          {free.length === 0 && <span className="hint">{t('interventions.form.allYears', { first: String(first), last: String(last) })}</span>}
        </div>
      </fieldset>

      <div className="dialog-error" role="alert">
        {failure ? (
          <>
            <strong>{t(`error.codes.${failure.code}`, { defaultValue: t('error.title') })}</strong> <FailureDetail failure={failure} />
          </>
        ) : problems.size > 0 ? (
          t('interventions.form.notSaved')
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('interventions.form.saving') : t('interventions.form.save')}
        </button>
      </div>
    </form>
  );
}
