/**
 * "Modelkan jalur target": fills one indicator's revised targets for a range of years with a
 * path generator from shared/model/target-paths.ts (linear, constant change, CAGR, growth
 * elasticity, shock and recovery), previewed as numbers (rounded to the indicator's decimals,
 * exactly what is written) and a small chart before anything is written. Terapkan is one
 * 'targets.set' with action 'target.path': one undo step.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorValue, Plan } from '../../../shared/domain.js';
import { formatForEditing, formatNumber, parseNumber } from '../../../shared/format/number.js';
import { ModelError } from '../../../shared/model/errors.js';
import { lastRealisedYear } from '../../../shared/model/revision.js';
import { roundTo } from '../../../shared/model/rounding.js';
import {
  DEFAULT_GROWTH_ELASTICITY,
  DEFAULT_GROWTH_ELASTICITY_SOURCE,
  estimateElasticity,
  ELASTICITY_VARIANTS,
  TARGET_PATH_METHODS,
  targetPath,
  type ElasticityVariant,
  type TargetPathMethod,
  type TargetPathSpec,
} from '../../../shared/model/target-paths.js';
import { checkCellValue } from '../../../shared/model/cell-rules.js';
import { Modal } from './Modal.js';
import type { TargetIndicatorRow } from './model.js';
import { PathChart, type ChartSeries } from './PathChart.js';
import { useModelErrorText, useRangeText } from './text.js';

/** Code of the economic growth indicator whose revised targets drive the elasticity path. */
const GROWTH_CODE = 'PE';

export interface PathCell {
  indicatorId: number;
  year: number;
  value: number;
}

interface Props {
  open: boolean;
  plan: Plan;
  years: number[];
  rows: TargetIndicatorRow[];
  /** Indicator and year the dialog starts with (the focused cell), when any. */
  initial: { indicatorId: number | null; year: number | null };
  busy: boolean;
  /** When the revision is made: the region's elasticity is estimated from the years realised by then. */
  revisionDate: string | null;
  nameOf(ind: Indicator): string;
  onApply(cells: PathCell[], indicator: Indicator): Promise<boolean>;
  onClose(): void;
}

type Source = 'realisation' | 'revised' | 'original' | 'baseline';

/** The value a path starts from in `year`: realisation first (the latest measured fact), then the scenario, the plan, the baseline. */
function startValue(row: TargetIndicatorRow, year: number, plan: Plan): { value: number; source: Source } | null {
  const real = row.realisation[year];
  if (real) return { value: real.value, source: 'realisation' };
  const revised = row.revised[year];
  if (revised) return { value: revised.value, source: 'revised' };
  const original: IndicatorValue | undefined = row.original[year];
  if (original) return { value: original.value, source: 'original' };
  if (year === plan.baselineYear && row.baseline) return { value: row.baseline.value, source: 'baseline' };
  return null;
}

function endValue(row: TargetIndicatorRow, year: number): number | undefined {
  return row.revised[year]?.value ?? row.original[year]?.value;
}

export function PathDialog(props: Props) {
  const titleId = useId();
  return (
    <Modal open={props.open} onClose={props.onClose} labelledBy={titleId} className="dialog-path">
      {props.open && <PathForm {...props} titleId={titleId} />}
    </Modal>
  );
}

/** The region's own elasticity (realised P0 on realised growth, up to the revision), per variant. */
function regionalElasticity(rows: TargetIndicatorRow[], variant: ElasticityVariant, revisionDate: string | null) {
  const p0 = rows.find((r) => r.indicator.code === 'P0');
  const growth = rows.find((r) => r.indicator.code === GROWTH_CODE);
  if (!p0 || !growth) return null;
  const series = (row: TargetIndicatorRow) => new Map(Object.entries(row.realisation).map(([y, v]) => [Number(y), v.value]));
  return estimateElasticity(series(p0), series(growth), variant, lastRealisedYear(revisionDate) ?? undefined);
}

function PathForm({ plan, years, rows, initial, busy, revisionDate, nameOf, onApply, onClose, titleId }: Props & { titleId: string }) {
  const { t } = useTranslation();
  const rangeText = useRangeText();
  const modelErrorText = useModelErrorText();
  const id = {
    indicator: useId(),
    from: useId(),
    to: useId(),
    method: useId(),
    start: useId(),
    end: useId(),
    change: useId(),
    epsilon: useId(),
    shockFrom: useId(),
    shockTo: useId(),
    rise: useId(),
    recovery: useId(),
    help: useId(),
  };
  const firstRow = rows.find((r) => r.indicator.id === initial.indicatorId) ?? rows.find((r) => r.indicator.code === 'P0') ?? rows[0];
  const [indicatorId, setIndicatorId] = useState<number>(firstRow?.indicator.id ?? 0);
  const [fromYear, setFromYear] = useState<number>(initial.year !== null && years.includes(initial.year) ? initial.year : (years[0] ?? plan.firstYear));
  const [toYear, setToYear] = useState<number>(years.at(-1) ?? plan.lastYear);
  const [method, setMethod] = useState<TargetPathMethod>('linear');
  const [startText, setStartText] = useState(() => {
    const s = firstRow ? startValue(firstRow, fromYear - 1, plan) : null;
    return s && firstRow ? formatForEditing(s.value, firstRow.indicator.decimals) : '';
  });
  const [endText, setEndText] = useState(() => (firstRow ? formatForEditing(endValue(firstRow, toYear), firstRow.indicator.decimals) : ''));
  const [changeText, setChangeText] = useState('-1');
  const [variant, setVariant] = useState<ElasticityVariant>('relative');
  const regional = regionalElasticity(rows, variant, revisionDate);
  // The region's own record is the default; the national figure is offered beside it.
  const [epsilonText, setEpsilonText] = useState(() => formatForEditing(roundTo(regionalElasticity(rows, 'relative', revisionDate)?.elasticity ?? DEFAULT_GROWTH_ELASTICITY, 2), 2));
  const [shockFrom, setShockFrom] = useState<number>(Math.min(2020, plan.lastYear));
  const [shockTo, setShockTo] = useState<number>(Math.min(2020, plan.lastYear));
  const [riseText, setRiseText] = useState('1');
  const [recoveryText, setRecoveryText] = useState('3');
  const [applyError, setApplyError] = useState<string | null>(null);

  const row = rows.find((r) => r.indicator.id === indicatorId) ?? firstRow;
  const ind = row?.indicator;
  const anchorYear = fromYear - 1;
  const start = row ? startValue(row, anchorYear, plan) : null;

  // New indicator or range: start from its own values (the first render already has them),
  // reset in the render that changes them.
  const resetKey = `${indicatorId}:${fromYear}:${toYear}`;
  const [lastReset, setLastReset] = useState(resetKey);
  if (row && lastReset !== resetKey) {
    setLastReset(resetKey);
    const s = startValue(row, fromYear - 1, plan);
    setStartText(s ? formatForEditing(s.value, row.indicator.decimals) : '');
    setEndText(formatForEditing(endValue(row, toYear), row.indicator.decimals));
    setApplyError(null);
  }

  const growthRow = rows.find((r) => r.indicator.code === GROWTH_CODE);
  const allYears = useMemo(() => [plan.baselineYear, ...years], [plan.baselineYear, years]);

  /** The path, rounded to the indicator's decimals, or the first reason it cannot be drawn. */
  const preview = useMemo((): { values: { year: number; value: number }[] } | { error: string } => {
    if (!ind || !row) return { error: t('target.path.noIndicator') };
    const num = (text: string, label: string): number | string => {
      const r = parseNumber(text);
      return r.ok ? r.value : t('target.path.badInput', { field: label, reason: t(`target.parse.${r.reason}`) });
    };
    const need = (text: string, label: string): number => {
      const v = num(text, label);
      if (typeof v === 'string') throw new InputError(v);
      return v;
    };
    try {
      const range = { fromYear, toYear };
      let spec: TargetPathSpec;
      const startLabel = t('target.path.startValue', { year: String(anchorYear) });
      const endLabel = t('target.path.endValue', { year: String(toYear) });
      switch (method) {
        case 'linear':
        case 'cagr':
          spec = { method, ...range, startValue: need(startText, startLabel), endValue: need(endText, endLabel) };
          break;
        case 'constant_change':
          spec = {
            method,
            ...range,
            startValue: need(startText, startLabel),
            changePerYear: need(changeText, t('target.path.changePerYear', { unit: ind.unit })),
            floorAtZero: (ind.minValue ?? -1) >= 0,
          };
          break;
        case 'elasticity': {
          const growth: Record<number, number> = {};
          for (const [y, c] of Object.entries(growthRow?.revised ?? {})) growth[Number(y)] = c.value;
          spec = {
            method,
            ...range,
            startValue: need(startText, startLabel),
            growth,
            elasticity: need(epsilonText, t('target.path.elasticity')),
            variant,
            floorAtZero: (ind.minValue ?? -1) >= 0,
          };
          break;
        }
        case 'shock_recovery': {
          const base: Record<number, number> = {};
          for (const [y, v] of Object.entries(row.original)) base[Number(y)] = v.value;
          const k = need(recoveryText, t('target.path.recovery'));
          spec = {
            method,
            ...range,
            base,
            shockFromYear: shockFrom,
            shockToYear: shockTo,
            rise: need(riseText, t('target.path.rise', { unit: ind.unit })),
            recoveryYears: k,
            floorAtZero: (ind.minValue ?? -1) >= 0,
          };
          break;
        }
      }
      const values = targetPath(spec).map((p) => ({ year: p.year, value: roundTo(p.value, ind.decimals) }));
      for (const p of values) {
        if (checkCellValue(ind, p.value)) {
          return { error: t('target.path.outOfRange', { year: String(p.year), value: formatNumber(p.value, ind.decimals), range: rangeText(ind) }) };
        }
      }
      return { values };
    } catch (e) {
      if (e instanceof InputError) return { error: e.message };
      if (e instanceof ModelError) return { error: modelErrorText(e) };
      throw e;
    }
  }, [ind, row, method, fromYear, toYear, anchorYear, startText, endText, changeText, epsilonText, variant, shockFrom, shockTo, riseText, recoveryText, growthRow, t, rangeText, modelErrorText]);

  const previewByYear = useMemo(() => new Map('values' in preview ? preview.values.map((p) => [p.year, p.value]) : []), [preview]);

  const chartSeries = useMemo((): ChartSeries[] => {
    if (!row) return [];
    return [
      { label: t('target.path.table.original'), values: allYears.map((y) => (y === plan.baselineYear ? (row.baseline?.value ?? null) : (row.original[y]?.value ?? null))), color: '#7b8794', dashed: true },
      { label: t('target.path.table.current'), values: allYears.map((y) => row.revised[y]?.value ?? null), color: '#1d4ed8' },
      { label: t('target.path.table.preview'), values: allYears.map((y) => previewByYear.get(y) ?? null), color: '#c2410c', emphasis: true },
    ];
  }, [row, allYears, plan.baselineYear, previewByYear, t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ind || !('values' in preview)) return;
    const ok = await onApply(
      preview.values.map((p) => ({ indicatorId: ind.id, year: p.year, value: p.value })),
      ind,
    );
    if (!ok) setApplyError(t('target.path.applyFailed'));
  };

  if (!row || !ind) return null;
  const sourceText = start ? t('target.path.startFrom', { source: t(`target.path.sources.${start.source}`), year: String(anchorYear) }) : t('target.path.sources.none');
  const showStart = method !== 'shock_recovery';
  const showGrowth = method === 'elasticity';

  return (
    <form className="path-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={titleId} className="dialog-title">
        {t('target.path.title')}
      </h2>
      <div className="path-layout">
        <div className="path-inputs">
          <div className="form-row">
            <div className="form-field grow">
              <label htmlFor={id.indicator}>{t('target.path.indicator')}</label>
              <select id={id.indicator} className="select" value={indicatorId} onChange={(e) => setIndicatorId(Number(e.target.value))}>
                {rows.map((r) => (
                  <option key={r.indicator.id} value={r.indicator.id}>
                    {nameOf(r.indicator)} ({r.indicator.unit})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="form-row">
            <div className="form-field">
              <label htmlFor={id.from}>{t('target.path.fromYear')}</label>
              <select id={id.from} className="select" value={fromYear} onChange={(e) => setFromYear(Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={y} disabled={y > toYear}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor={id.to}>{t('target.path.toYear')}</label>
              <select id={id.to} className="select" value={toYear} onChange={(e) => setToYear(Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={y} disabled={y < fromYear}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="form-field">
            <label htmlFor={id.method}>{t('target.path.method')}</label>
            <select id={id.method} className="select" value={method} aria-describedby={id.help} onChange={(e) => setMethod(e.target.value as TargetPathMethod)}>
              {TARGET_PATH_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`target.path.methods.${m}`)}
                </option>
              ))}
            </select>
            <p id={id.help} className="hint formula">
              {t(`target.path.formulas.${method}`)}
            </p>
          </div>

          {showStart && (
            <div className="form-field">
              <label htmlFor={id.start}>{t('target.path.startValue', { year: String(anchorYear) })}</label>
              <input id={id.start} className="input input-number" inputMode="decimal" value={startText} onChange={(e) => setStartText(e.target.value)} aria-describedby={`${id.start}-hint`} />
              <p id={`${id.start}-hint`} className="hint">
                {sourceText}
              </p>
            </div>
          )}
          {(method === 'linear' || method === 'cagr') && (
            <div className="form-field">
              <label htmlFor={id.end}>{t('target.path.endValue', { year: String(toYear) })}</label>
              <input id={id.end} className="input input-number" inputMode="decimal" value={endText} onChange={(e) => setEndText(e.target.value)} />
            </div>
          )}
          {method === 'constant_change' && (
            <div className="form-field">
              <label htmlFor={id.change}>{t('target.path.changePerYear', { unit: ind.unit })}</label>
              <input id={id.change} className="input input-number" inputMode="decimal" value={changeText} onChange={(e) => setChangeText(e.target.value)} />
            </div>
          )}
          {method === 'elasticity' && (
            <>
              <div className="form-row">
                <div className="form-field">
                  <label htmlFor={id.epsilon}>{t('target.path.elasticity')}</label>
                  <input id={id.epsilon} className="input input-number" inputMode="decimal" value={epsilonText} onChange={(e) => setEpsilonText(e.target.value)} aria-describedby={`${id.epsilon}-hint`} />
                </div>
                <fieldset className="form-field fieldset">
                  <legend>{t('target.path.variant')}</legend>
                  {ELASTICITY_VARIANTS.map((v) => (
                    <label key={v} className="choice">
                      <input type="radio" name="variant" checked={variant === v} onChange={() => setVariant(v)} />
                      {t(`target.path.variants.${v}`)}
                    </label>
                  ))}
                </fieldset>
              </div>
              <p id={`${id.epsilon}-hint`} className="hint">
                {regional
                  ? t('target.path.elasticityRegional', {
                      value: formatNumber(regional.elasticity, 2),
                      years: regional.years.join(', '),
                      variant: t(`target.path.variantNames.${regional.variant}`),
                    })
                  : t('target.path.elasticityNoRecord')}{' '}
                {t('target.path.elasticitySource', { value: formatNumber(DEFAULT_GROWTH_ELASTICITY, 2), source: DEFAULT_GROWTH_ELASTICITY_SOURCE })}{' '}
                {regional && (
                  <button type="button" className="button-link" onClick={() => setEpsilonText(formatForEditing(roundTo(regional.elasticity, 2), 2))}>
                    {t('target.path.useRegional')}
                  </button>
                )}{' '}
                <button type="button" className="button-link" onClick={() => setEpsilonText(formatForEditing(DEFAULT_GROWTH_ELASTICITY, 2))}>
                  {t('target.path.useNational')}
                </button>{' '}
                {t('target.path.growthNote', { indicator: growthRow ? nameOf(growthRow.indicator) : GROWTH_CODE })}
              </p>
            </>
          )}
          {method === 'shock_recovery' && (
            <>
              <div className="form-row">
                <div className="form-field">
                  <label htmlFor={id.shockFrom}>{t('target.path.shockFrom')}</label>
                  <select id={id.shockFrom} className="select" value={shockFrom} onChange={(e) => setShockFrom(Number(e.target.value))}>
                    {allYears.map((y) => (
                      <option key={y} value={y} disabled={y > shockTo}>
                        {y}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="form-field">
                  <label htmlFor={id.shockTo}>{t('target.path.shockTo')}</label>
                  <select id={id.shockTo} className="select" value={shockTo} onChange={(e) => setShockTo(Number(e.target.value))}>
                    {allYears.map((y) => (
                      <option key={y} value={y} disabled={y < shockFrom}>
                        {y}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="form-row">
                <div className="form-field">
                  <label htmlFor={id.rise}>{t('target.path.rise', { unit: ind.unit })}</label>
                  <input id={id.rise} className="input input-number" inputMode="decimal" value={riseText} onChange={(e) => setRiseText(e.target.value)} />
                </div>
                <div className="form-field">
                  <label htmlFor={id.recovery}>{t('target.path.recovery')}</label>
                  <input id={id.recovery} className="input input-number" inputMode="numeric" value={recoveryText} onChange={(e) => setRecoveryText(e.target.value)} />
                </div>
              </div>
              <p className="hint">{t('target.path.baseNote')}</p>
            </>
          )}
        </div>

        <div className="path-preview">
          <h3 className="subsection-title">{t('target.path.preview')}</h3>
          <div className="path-error" role="alert" data-testid="path-error">
            {'error' in preview ? preview.error : applyError}
          </div>
          <table className="data-table preview-table" data-testid="path-preview">
            <caption className="visually-hidden">{t('target.path.tableCaption', { indicator: nameOf(ind) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('target.path.table.year')}</th>
                <th scope="col" className="num">
                  {t('target.path.table.original')}
                </th>
                <th scope="col" className="num">
                  {t('target.path.table.current')}
                </th>
                <th scope="col" className="num">
                  {t('target.path.table.preview')}
                </th>
                {showGrowth && (
                  <th scope="col" className="num">
                    {t('target.path.table.growth')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {years.map((y) => {
                const next = previewByYear.get(y);
                return (
                  <tr key={y} className={next === undefined ? 'out-of-range' : 'in-range'}>
                    <th scope="row">{y}</th>
                    <td className="num">{formatNumber(row.original[y]?.value, ind.decimals) || '—'}</td>
                    <td className="num">{formatNumber(row.revised[y]?.value, ind.decimals) || '—'}</td>
                    <td className="num strong" data-year={y}>
                      {next === undefined ? '' : formatNumber(next, ind.decimals)}
                    </td>
                    {showGrowth && <td className="num">{formatNumber(growthRow?.revised[y]?.value, growthRow?.indicator.decimals ?? 2) || '—'}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="hint">{t('target.path.rounded', { decimals: String(ind.decimals) })}</p>
          <PathChart years={allYears} series={chartSeries} decimals={ind.decimals} label={t('target.path.chart', { indicator: nameOf(ind) })} />
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy || !('values' in preview)}>
          {t('target.path.apply')}
        </button>
      </div>
    </form>
  );
}

/** A parameter the planner typed is not a number: shown like a model error, never thrown past the preview. */
class InputError extends Error {}
