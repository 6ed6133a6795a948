/**
 * The Bandingkan table: one row per indicator and target year, under group header rows. Name and
 * justification span the consecutive rows of one indicator. Numbers are id-ID with each
 * indicator's decimals; Δ of an indicator in % is said in percentage points (poin persen), Δ % is
 * the relative change; a loosened target is marked in text and colour; capaian that cannot be
 * computed shows "–" with the reason (tooltip and screen-reader text).
 */
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorValue } from '../../../shared/domain.js';
import { formatNumber, formatSignedNumber } from '../../../shared/format/number.js';
import { changeUnit } from '../../../shared/model/checks.js';
import { capaianTone } from '../target/model.js';
import { indicatorSpans, PERCENT_DECIMALS, type CapaianCell, type CompareGroup, type CompareRow, type SideValue } from './model.js';

interface Props {
  groups: CompareGroup[];
  /** Header of the semula column: the original targets or the base scenario's name. */
  beforeLabel: string;
  afterLabel: string;
  onShowChart: (indicator: Indicator) => void;
}

function Marker({ illustrative, derived }: { illustrative?: boolean; derived?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="marker-slot">
      {illustrative && (
        <span className="illustrative-marker" role="img" aria-label={t('value.illustrativeMarker')} title={t('value.illustrativeMarker')}>
          *
        </span>
      )}
      {derived && (
        <span className="derived-marker" role="img" aria-label={t('compare.table.derived')} title={t('compare.table.derived')}>
          ≈
        </span>
      )}
    </span>
  );
}

function Side({ side, decimals }: { side: SideValue | null; decimals: number }) {
  if (!side) return <span className="muted">–</span>;
  return (
    <span className="value-cell">
      <span className="value-number">{formatNumber(side.value, decimals)}</span>
      <Marker illustrative={side.illustrative} derived={side.derived} />
    </span>
  );
}

function Realisation({ value, decimals }: { value: IndicatorValue | null; decimals: number }) {
  const { t } = useTranslation();
  if (!value) return null;
  return (
    <span className="value-cell" title={`${t('value.source')}: ${value.source || t('value.noSource')}`}>
      <span className="value-number">{formatNumber(value.value, decimals)}</span>
      <Marker illustrative={value.illustrative} />
    </span>
  );
}

/**
 * Capaian: percent and category; "tidak tercapai" with the gap when the target was missed in its
 * direction (whatever the category); "tidak sebanding" across a change of method (the break's
 * note in the tooltip); "–" with the reason when it cannot be computed. Words from target.capaian.*.
 */
function Capaian({ cell, indicator }: { cell: CapaianCell | null; indicator: Indicator }) {
  const { t, i18n } = useTranslation();
  if (!cell) return null;
  if (cell.result.kind === 'not_comparable') {
    const detail = t('target.capaian.notComparableDetail', { year: String(cell.result.methodBreak.year), note: cell.result.methodBreak.note });
    return (
      <span className="not-computable capaian-not-comparable" data-status="not_comparable" title={detail}>
        {t('target.capaian.notComparable')}
        <span className="visually-hidden">{` — ${detail}`}</span>
      </span>
    );
  }
  const gap =
    cell.status === 'not_achieved' && cell.gap !== null
      ? t('target.capaian.notAchievedGap', { gap: formatNumber(cell.gap, indicator.decimals), unit: changeUnit(indicator)[i18n.language === 'en' ? 'en' : 'id'] })
      : null;
  const missed = gap ? (
    <span className="loosened-badge capaian-status" data-status="not_achieved">
      {gap}
    </span>
  ) : null;
  if (cell.result.kind === 'not_computable') {
    const reason = t(`target.capaian.reasons.${cell.result.reason}`);
    return (
      <span className="capaian-cell" data-status={cell.status ?? undefined}>
        <span className="not-computable" title={reason}>
          <span aria-hidden="true">–</span>
          <span className="visually-hidden">{t('compare.table.notComputable', { reason })}</span>
        </span>
        {missed}
      </span>
    );
  }
  const band = cell.band ? t(`target.capaian.bands.${cell.band}`) : '';
  return (
    <span className="capaian-cell" data-band={cell.band ?? undefined} data-status={cell.status ?? undefined}>
      <span className={`capaian capaian-${cell.band ? capaianTone(cell.band) : 'none'}`} title={band || undefined}>
        {formatNumber(cell.result.percent, PERCENT_DECIMALS)} %
      </span>
      <Marker illustrative={cell.illustrative} />
      {band && <span className="band-pill">{band}</span>}
      {missed}
    </span>
  );
}

function Delta({ row }: { row: CompareRow }) {
  const { t } = useTranslation();
  if (row.delta === null) return <span className="muted">–</span>;
  return (
    <span className="compare-delta">
      <span className="value-number">{formatSignedNumber(row.delta, row.indicator.decimals)}</span>
      {row.deltaInPoints && row.delta !== 0 && <span className="delta-unit"> {t('compare.pp')}</span>}
      {row.loosened && (
        <span className="loosened-badge" title={t('compare.table.loosenedHint')}>
          <span aria-hidden="true">▲ </span>
          {t('compare.table.loosened')}
        </span>
      )}
    </span>
  );
}

export function CompareTable({ groups, beforeLabel, afterLabel, onShowChart }: Props) {
  const { t, i18n } = useTranslation();
  const nameOf = (ind: Indicator) => (i18n.language === 'en' ? ind.nameEn : ind.nameId);
  const columns = 10;

  return (
    <div className="compare-table-frame" tabIndex={0} role="region" aria-label={t('compare.table.label')}>
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col" className="c-name">
              {t('compare.table.indicator')}
            </th>
            <th scope="col" className="c-year">
              {t('compare.table.year')}
            </th>
            <th scope="col" className="c-num" title={beforeLabel}>
              {t('compare.table.before')}
              <span className="th-sub">{beforeLabel}</span>
            </th>
            <th scope="col" className="c-num" title={afterLabel}>
              {t('compare.table.after')}
              <span className="th-sub">{afterLabel}</span>
            </th>
            <th scope="col" className="c-num" title={t('compare.table.deltaHint')}>
              Δ
            </th>
            <th scope="col" className="c-num" title={t('compare.table.deltaRelativeHint')}>
              Δ %
            </th>
            <th scope="col" className="c-num">
              {t('compare.table.realisation')}
            </th>
            <th scope="col" className="c-num" title={t('compare.table.capaianHint')}>
              {t('compare.table.capaian')}
              <span className="th-sub">{t('compare.table.vsBefore')}</span>
            </th>
            <th scope="col" className="c-num" title={t('compare.table.capaianHint')}>
              {t('compare.table.capaian')}
              <span className="th-sub">{t('compare.table.vsAfter')}</span>
            </th>
            <th scope="col" className="c-why">
              {t('compare.table.justification')}
            </th>
          </tr>
        </thead>
        {groups.length === 0 && (
          <tbody>
            <tr>
              <td colSpan={columns} className="empty-cell">
                {t('compare.table.empty')}
              </td>
            </tr>
          </tbody>
        )}
        {groups.map((g) => {
          const spans = indicatorSpans(g.rows);
          return (
            <tbody key={g.group}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={columns}>
                  {t(`grid.group.${g.group}`)}
                </th>
              </tr>
              {g.rows.map((row, i) => {
                const span = spans[i] ?? 0;
                const runRows = span > 0 ? g.rows.slice(i, i + span) : [];
                const missingWhy =
                  span > 0 && !row.justification && row.indicator.polarity !== 'neutral' && runRows.some((r) => r.changed && !r.after?.derived);
                const name = nameOf(row.indicator);
                return (
                  <tr
                    key={row.id}
                    data-row-id={row.id}
                    className={[row.changed ? 'changed' : '', row.loosened ? 'loosened' : '', span > 0 ? 'run-start' : ''].join(' ').trim() || undefined}
                  >
                    {span > 0 && (
                      <th scope="rowgroup" rowSpan={span} className="c-name">
                        <span className="indicator-name">{name}</span>
                        <span className="indicator-unit">{row.indicator.unit}</span>
                        <button type="button" className="link-button" onClick={() => onShowChart(row.indicator)} aria-label={t('compare.table.showChartFor', { indicator: name })}>
                          {t('compare.table.showChart')}
                        </button>
                      </th>
                    )}
                    <td className="c-year">{row.year}</td>
                    <td className="c-num c-before">
                      <Side side={row.before} decimals={row.indicator.decimals} />
                    </td>
                    <td className="c-num c-after">
                      <Side side={row.after} decimals={row.indicator.decimals} />
                    </td>
                    <td className="c-num c-delta">
                      <Delta row={row} />
                    </td>
                    <td className="c-num c-rel">
                      {row.deltaRelative === null ? (
                        <span className="muted" title={row.delta === null ? undefined : t('compare.table.noRelative')}>
                          –
                        </span>
                      ) : (
                        `${formatSignedNumber(row.deltaRelative, PERCENT_DECIMALS)} %`
                      )}
                    </td>
                    <td className="c-num c-real">
                      <Realisation value={row.realisation} decimals={row.indicator.decimals} />
                    </td>
                    <td className="c-num c-cap-before">
                      <Capaian cell={row.capaianBefore} indicator={row.indicator} />
                    </td>
                    <td className="c-num c-cap-after">
                      <Capaian cell={row.capaianAfter} indicator={row.indicator} />
                    </td>
                    {span > 0 && (
                      <td rowSpan={span} className="c-why">
                        {row.justification ? (
                          <span className="justification">{row.justification}</span>
                        ) : missingWhy ? (
                          <span className="justification-missing">{t('compare.table.justificationMissing')}</span>
                        ) : null}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
