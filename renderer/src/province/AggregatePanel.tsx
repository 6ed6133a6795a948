/**
 * The provincial aggregate per year with its coverage ("17/17 wilayah"; a year only some regions
 * have is said to be not comparable and shows no province figure), and the province's own targets
 * checked on the aggregate target path: the Governor's < 10 % by 2024 for every regency, the
 * province's ≥ 1 pp fall a year, and its 2021 range — each year's check said incomplete when the
 * aggregate does not cover every region.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format/number.js';
import { AGGREGATION, type ProvinceIndicator, type ProvinceReport } from '../../../shared/model/province.js';
import { coverageOf, coverageWords, decimalsOf, type IndicatorAggregate } from './model.js';

interface Props {
  report: ProvinceReport;
  indicator: ProvinceIndicator;
  aggregate: IndicatorAggregate | undefined;
  years: number[];
}

export function AggregatePanel({ report, indicator, aggregate, years }: Props) {
  const { t } = useTranslation();
  const total = report.regions.length;
  const decimals = decimalsOf(indicator);
  const cell = (which: 'realised' | 'target', year: number) => {
    const agg = aggregate?.[which];
    const c = coverageOf(agg, year, total);
    const w = coverageWords(c);
    const value = agg?.value[String(year)];
    return (
      <>
        <td className="num" data-year={year} data-series={which}>
          {c.state === 'complete' && value !== undefined ? formatNumber(value, decimals) : <span className="muted">–</span>}
        </td>
        <td className={c.state === 'partial' ? 'province-partial' : c.state === 'none' ? 'muted' : undefined} data-coverage={`${which}-${year}`}>
          {t(w.key, w.params)}
        </td>
      </>
    );
  };
  return (
    <section className="card province-aggregate" aria-labelledby="province-aggregate-title">
      <h2 id="province-aggregate-title" className="card-title">
        {t('province.aggregate.title')} — {t(`province.indicator.${indicator}`)}
      </h2>
      <p className="hint">{AGGREGATION[indicator] === 'sum' ? t('province.aggregate.sum') : t('province.aggregate.weighted')}</p>
      <div className="estimate-table-wrap">
        <table className="estimate-table province-aggregate-table">
          <thead>
            <tr>
              <th scope="col">{t('province.aggregate.year')}</th>
              <th scope="col" className="num">
                {t('province.aggregate.realised')}
              </th>
              <th scope="col">{t('province.aggregate.coverage')}</th>
              <th scope="col" className="num">
                {t('province.aggregate.target')}
              </th>
              <th scope="col">{t('province.aggregate.coverage')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y} data-year={y}>
                <th scope="row">{y}</th>
                {cell('realised', y)}
                {cell('target', y)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The province's own targets on the aggregate (P0 only). */
export function ProvinceTargetsPanel({ report }: { report: ProvinceReport }) {
  const { t } = useTranslation();
  const total = report.regions.length;
  const missing = report.flags.notBelowTenIn2024;
  const targets = report.provinceTargets as ProvinceReport['provinceTargets'] | undefined;
  const verdict = (ok: boolean | null, complete: boolean, yes: string, no: string) =>
    !complete ? (
      <span className="badge province-verdict-incomplete">{t('province.targets.incomplete')}</span>
    ) : ok ? (
      <span className="badge province-verdict-ok">{yes}</span>
    ) : (
      <span className="badge province-verdict-fail">{no}</span>
    );
  return (
    <section className="card province-targets" aria-labelledby="province-targets-title">
      <h2 id="province-targets-title" className="card-title">
        {t('province.targets.title')}
      </h2>
      <h3 className="province-target-heading">{t('province.targets.governor')}</h3>
      <p data-target="governor">
        {verdict(missing.length === 0, total > 0, t('province.targets.meets'), t('province.targets.fails'))}{' '}
        {t('province.targets.governorResult', { meet: total - missing.length, total })}
        {missing.length > 0 && <> {t('province.targets.governorList', { names: missing.map((m) => m.name).join(', ') })}</>}
      </p>
      {targets ? (
        <>
          <h3 className="province-target-heading">{t('province.targets.fall')}</h3>
          <ul className="province-target-list" data-target="fall">
            {targets.yearlyFall.map((f) => (
              <li key={f.year} data-year={f.year}>
                {t('province.targets.fallRow', { from: f.year - 1, to: f.year, fromValue: formatNumber(f.from, 2), toValue: formatNumber(f.to, 2), fall: formatNumber(f.fall, 2) })}{' '}
                {verdict(f.meets, f.complete, t('province.targets.meets'), t('province.targets.fails'))}
              </li>
            ))}
          </ul>
          <h3 className="province-target-heading">
            {t('province.targets.range', { year: targets.range2021.year, low: formatNumber(targets.range2021.low, 2), high: formatNumber(targets.range2021.high, 2) })}
          </h3>
          <p data-target="range">
            {targets.range2021.value === null ? (
              t('province.targets.noValue', { year: targets.range2021.year })
            ) : (
              <>
                {t('province.targets.rangeValue', { year: targets.range2021.year, value: formatNumber(targets.range2021.value, 2) })}{' '}
                {verdict(targets.range2021.within, targets.range2021.complete, t('province.targets.within'), t('province.targets.outside'))}
              </>
            )}
          </p>
        </>
      ) : (
        <p className="muted">{t('province.targets.pending')}</p>
      )}
    </section>
  );
}
