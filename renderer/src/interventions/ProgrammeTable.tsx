/**
 * The programmes as a dense semantic table: one row per programme and year, the programme's own
 * cells (name with cluster and strategy, Perangkat Daerah, its Ubah/Hapus buttons) spanning its
 * years; each programme is a row group (<tbody>). Numbers id-ID (formatNumber), an ilustrasi mark
 * on illustrative programmes. Every button is in the tab order.
 */
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../shared/domain.js';
import { formatExact, formatNumber } from '../../../shared/format/number.js';

interface Props {
  programmes: readonly Programme[];
  readOnly: boolean;
  onEdit(p: Programme): void;
  onDelete(p: Programme): void;
}

export function ProgrammeTable({ programmes, readOnly, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <div className="programme-table-frame">
      <table className="programme-table" aria-label={t('interventions.programmes.tableLabel')}>
        <colgroup>
          <col className="col-programme" />
          <col className="col-agency" />
          <col className="col-year" />
          <col className="col-households" />
          <col className="col-benefit" />
          <col className="col-accuracy" />
          <col className="col-budget" />
          <col className="col-source" />
          {!readOnly && <col className="col-actions" />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('interventions.programmes.col.programme')}</th>
            <th scope="col">{t('interventions.programmes.col.agency')}</th>
            <th scope="col" className="num">
              {t('interventions.programmes.col.year')}
            </th>
            <th scope="col" className="num">
              {t('interventions.programmes.col.households')}
            </th>
            <th scope="col" className="num">
              {t('interventions.programmes.col.benefit')}
            </th>
            <th scope="col" className="num">
              {t('interventions.programmes.col.accuracy')}
            </th>
            <th scope="col" className="num">
              {t('interventions.programmes.col.budget')}
            </th>
            <th scope="col">{t('interventions.programmes.col.source')}</th>
            {!readOnly && (
              <th scope="col">
                <span className="visually-hidden">{t('interventions.programmes.col.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        {programmes.map((p) => {
          const span = Math.max(1, p.years.length);
          const head = (
            <>
              <th scope="rowgroup" rowSpan={span} className="programme-name-cell">
                <span className="programme-name">{p.name}</span>
                {p.illustrative && (
                  <>
                    {' '}
                    <span className="illustrative-marker" role="img" aria-label={t('value.illustrativeMarker')} title={t('value.illustrativeMarker')} data-illustrative="true">
                      *
                    </span>
                  </>
                )}
                <span className="programme-kind">
                  {t(`interventions.cluster.${p.cluster}`)} · {t(`interventions.strategy.${p.strategy}`)}
                  {p.benefitKind === 'income' && (
                    <>
                      {' · '}
                      <span className="programme-income" title={t('interventions.programmes.incomeEffectTitle')}>
                        {t('interventions.programmes.incomeEffect')}
                      </span>
                    </>
                  )}
                </span>
              </th>
              <td rowSpan={span} className="programme-agency">
                {p.agency || <span className="muted">–</span>}
              </td>
            </>
          );
          // One source for every year (the demo's, a DPA for the whole period): said once, across the years.
          const first = p.years[0];
          const oneSource = first !== undefined && p.years.length > 1 && p.years.every((y) => y.source === first.source);
          const sourceCell = (source: string, rowSpan?: number) => (
            <td className="programme-source" data-field="source" rowSpan={rowSpan}>
              {source || (p.source ? <span className="muted" title={t('interventions.form.source')}>{p.source}</span> : <span className="muted">–</span>)}
            </td>
          );
          const actions = !readOnly && (
            <td rowSpan={span} className="programme-actions">
              <button type="button" className="button button-small" aria-label={t('interventions.programmes.editNamed', { name: p.name })} onClick={() => onEdit(p)}>
                {t('interventions.programmes.edit')}
              </button>
              <button type="button" className="button button-small button-danger-quiet" aria-label={t('interventions.programmes.deleteNamed', { name: p.name })} onClick={() => onDelete(p)}>
                {t('interventions.programmes.delete')}
              </button>
            </td>
          );
          return (
            <tbody key={p.id} className="programme-group" data-programme={p.name}>
              {p.years.length === 0 ? (
                <tr>
                  {head}
                  <td colSpan={6} className="muted programme-no-years">
                    {t('interventions.programmes.noYears')}
                  </td>
                  {actions}
                </tr>
              ) : (
                p.years.map((y, i) => (
                    <tr key={y.year} data-year={y.year}>
                      {i === 0 && head}
                      <td className="num programme-year">{y.year}</td>
                      <td className="num" data-field="households">
                        {formatNumber(y.households, 0)}
                      </td>
                      <td className="num" data-field="benefit">
                        {formatNumber(y.benefit, 0)}
                      </td>
                      <td className="num" data-field="accuracy">
                        {formatExact(y.accuracy, 0)}
                      </td>
                      <td className="num" data-field="budget">
                        {y.budget === null ? (
                          <span className="muted" title={t('interventions.programmes.budgetUnknown')}>
                            –
                          </span>
                        ) : (
                          formatNumber(y.budget, 0)
                        )}
                      </td>
                      {oneSource ? i === 0 && sourceCell(y.source, span) : sourceCell(y.source)}
                      {i === 0 && actions}
                    </tr>
                ))
              )}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
