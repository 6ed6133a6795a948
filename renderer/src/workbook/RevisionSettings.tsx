/**
 * "Perubahan dan metode" on the Buku Kerja: when the revision is made (years realised by then are
 * history), the population poverty figures use (and how each year's was found), the capaian band
 * scale and formula per indicator, and method changes (values not comparable across a year).
 * Every change is one edit through the services (undoable, in the change log).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Failure, Result } from '../../../shared/api/result.js';
import type { CapaianSetting, Indicator, MethodBreak, PopulationView, WorkbookSummary } from '../../../shared/domain.js';
import { CAPAIAN_BAND_SCALES } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import { isIsoDate, lastRealisedYear } from '../../../shared/model/revision.js';
import { ErrorAlert } from '../components/ErrorAlert.js';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  readOnly: boolean;
  /** After a change: the workbook summary (settings) and everything shown from it reload. */
  onChanged(): Promise<void>;
}

type Formula = CapaianSetting['formula'];

/** "2021-08-23" → "23 Agustus 2021" / "23 August 2021". */
function longDate(iso: string, lang: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

const FORMULAS_FOR: Record<'lower' | 'higher', Formula[]> = { lower: ['lower_a', 'lower_b'], higher: ['higher'] };

export function RevisionSettings({ api, summary, readOnly, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const ids = { date: useId(), bands: useId(), breakInd: useId(), breakYear: useId(), breakNote: useId() };
  const { settings, plan } = summary;
  const [date, setDate] = useState(settings.revisionDate ?? '');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [population, setPopulation] = useState<PopulationView | null>(null);
  const [formulas, setFormulas] = useState<CapaianSetting[]>([]);
  const [breaks, setBreaks] = useState<MethodBreak[]>([]);
  const [breakDraft, setBreakDraft] = useState({ indicatorCode: summary.indicators[0]?.code ?? '', year: String(plan.lastYear), note: '' });

  // What the services know, read again whenever the summary changes (every write reloads it).
  useEffect(() => {
    let live = true;
    void Promise.all([api.call('population.get'), api.call('capaian.list'), api.call('methodBreaks.list')]).then(([p, c, b]) => {
      if (!live) return;
      if (p.ok) setPopulation(p.value);
      if (c.ok) setFormulas(c.value);
      if (b.ok) setBreaks(b.value);
    });
    return () => {
      live = false;
    };
  }, [api, summary]);

  const run = async (call: () => Promise<Result<unknown>>) => {
    const r = await call();
    if (!r.ok) setFailure(r);
    else {
      setFailure(null);
      await onChanged();
    }
  };

  const saveDate = (e: FormEvent) => {
    e.preventDefault();
    const value = date.trim() === '' ? null : date.trim();
    void run(() => api.call('settings.update', { revisionDate: value }));
  };

  const nameOf = (ind: Indicator) => (lang === 'en' ? ind.nameEn : ind.nameId);
  const last = lastRealisedYear(settings.revisionDate);
  const dateValid = date.trim() === '' || isIsoDate(date.trim());
  const directed = summary.indicators.filter((i) => i.polarity !== 'neutral');
  const formulaOf = (ind: Indicator) => formulas.find((f) => f.indicatorId === ind.id)?.formula ?? '';

  return (
    <section className="card card-wide" aria-labelledby="revision-title">
      <h2 id="revision-title" className="card-title">
        {t('revision.title')}
      </h2>
      <ErrorAlert error={failure} onDismiss={() => setFailure(null)} />
      <div className="revision-grid">
        <form className="revision-block" onSubmit={saveDate}>
          <label htmlFor={ids.date}>{t('revision.date')}</label>
          <div className="field-inline">
            {/* Text, not type=date: Chromium shows a date field in its own locale (08/23/2021). */}
            <input
              id={ids.date}
              type="text"
              inputMode="numeric"
              placeholder={t('revision.datePlaceholder')}
              className="input input-date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              disabled={readOnly}
              aria-invalid={!dateValid}
              aria-describedby={`${ids.date}-hint`}
            />
            <button type="submit" className="button" disabled={readOnly || !dateValid || (date.trim() || null) === settings.revisionDate}>
              {t('revision.save')}
            </button>
          </div>
          <p id={`${ids.date}-hint`} className="hint" data-testid="realised-years">
            {last === null || settings.revisionDate === null
              ? t('revision.noDate')
              : t('revision.realised', { date: longDate(settings.revisionDate, lang), last: String(last) })}
          </p>
        </form>

        <div className="revision-block">
          <label htmlFor={ids.bands}>{t('revision.bands')}</label>
          <select
            id={ids.bands}
            className="select"
            value={settings.capaianBands}
            disabled={readOnly}
            onChange={(e) => void run(() => api.call('settings.update', { capaianBands: e.target.value as (typeof CAPAIAN_BAND_SCALES)[number] }))}
          >
            {CAPAIAN_BAND_SCALES.map((s) => (
              <option key={s} value={s}>
                {t(`revision.bandScales.${s}`)}
              </option>
            ))}
          </select>
          <p className="hint">{t(`revision.bandHints.${settings.capaianBands}`)}</p>
        </div>
      </div>

      <h3 className="subsection-title">{t('revision.populationTitle')}</h3>
      <p className="hint">{t('revision.populationNote')}</p>
      {population && population.years.length > 0 ? (
        <table className="table-compact" data-testid="population-table">
          <thead>
            <tr>
              <th scope="col">{t('revision.year')}</th>
              <th scope="col" className="num">{t('revision.population')}</th>
              <th scope="col">{t('revision.basis')}</th>
            </tr>
          </thead>
          <tbody>
            {population.years.map((y) => (
              <tr key={y.year}>
                <td>{y.year}</td>
                <td className="num">{formatNumber(y.value, 0)}</td>
                <td>{t(`revision.bases.${y.basis}`, { from: String(y.from ?? '') })}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3} className="hint">
                {t(`revision.growth.${population.growthBasis}`, { growth: formatNumber(population.growth * 100, 2) })}
              </td>
            </tr>
          </tfoot>
        </table>
      ) : (
        <p className="muted">{t('revision.populationNone')}</p>
      )}

      <h3 className="subsection-title">{t('revision.formulaTitle')}</h3>
      <table className="table-compact">
        <thead>
          <tr>
            <th scope="col">{t('revision.indicator')}</th>
            <th scope="col">{t('revision.formula')}</th>
          </tr>
        </thead>
        <tbody>
          {directed.map((ind) => (
            <tr key={ind.id}>
              <td>{nameOf(ind)}</td>
              <td>
                <select
                  className="select"
                  aria-label={t('revision.formulaFor', { indicator: nameOf(ind) })}
                  value={formulaOf(ind)}
                  disabled={readOnly}
                  onChange={(e) => void run(() => api.call('capaian.set', { indicatorId: ind.id, formula: (e.target.value || null) as Formula | null }))}
                >
                  <option value="">{t('revision.formulaDefault', { formula: t(`revision.formulas.${ind.polarity === 'higher' ? 'higher' : 'lower_a'}`) })}</option>
                  {FORMULAS_FOR[ind.polarity === 'higher' ? 'higher' : 'lower'].map((f) => (
                    <option key={f} value={f}>
                      {t(`revision.formulas.${f}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className="subsection-title">{t('revision.breaksTitle')}</h3>
      <p className="hint">{t('revision.breaksNote')}</p>
      {breaks.length === 0 ? (
        <p className="muted">{t('revision.breaksNone')}</p>
      ) : (
        <ul className="break-list" data-testid="method-breaks">
          {breaks.map((b) => {
            const ind = summary.indicators.find((i) => i.code === b.indicatorCode);
            return (
              <li key={`${b.indicatorCode}:${b.year}`}>
                <strong>{ind ? nameOf(ind) : b.indicatorCode}</strong>, {t('revision.fromYear', { year: String(b.year) })}: {b.note}{' '}
                <button
                  type="button"
                  className="button-link"
                  disabled={readOnly}
                  onClick={() => void run(() => api.call('methodBreaks.delete', { indicatorCode: b.indicatorCode, year: b.year }))}
                >
                  {t('revision.deleteBreak')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="break-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.call('methodBreaks.save', { indicatorCode: breakDraft.indicatorCode, year: Number(breakDraft.year), note: breakDraft.note })).then(() =>
            setBreakDraft((d) => ({ ...d, note: '' })),
          );
        }}
      >
        <label htmlFor={ids.breakInd}>{t('revision.indicator')}</label>
        <select id={ids.breakInd} className="select" value={breakDraft.indicatorCode} disabled={readOnly} onChange={(e) => setBreakDraft((d) => ({ ...d, indicatorCode: e.target.value }))}>
          {summary.indicators.map((i) => (
            <option key={i.id} value={i.code}>
              {nameOf(i)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.breakYear}>{t('revision.year')}</label>
        <input id={ids.breakYear} className="input input-year" inputMode="numeric" value={breakDraft.year} disabled={readOnly} onChange={(e) => setBreakDraft((d) => ({ ...d, year: e.target.value }))} />
        <label htmlFor={ids.breakNote}>{t('revision.note')}</label>
        <input id={ids.breakNote} className="input" value={breakDraft.note} disabled={readOnly} onChange={(e) => setBreakDraft((d) => ({ ...d, note: e.target.value }))} />
        <button type="submit" className="button" disabled={readOnly || !/^\d{4}$/.test(breakDraft.year) || breakDraft.note.trim() === ''}>
          {t('revision.addBreak')}
        </button>
      </form>
    </section>
  );
}
