/**
 * The Riwayat table: one row per net change (mode 'net') or per entry of each step (mode 'steps'),
 * newest first — when, who (name and NIP), the action in words, the cell (a button that opens it
 * in the Target view), semula → menjadi in id-ID numbers, and the justification.
 */
import { useTranslation } from 'react-i18next';
import { describeEntryAction, describeEntryDetail } from '../../../shared/changes.js';
import type { Indicator, Plan } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import type { HistoryMode, HistoryRow } from '../../../shared/history.js';
import { formatWhen, rowTarget } from './format.js';

interface Props {
  mode: HistoryMode;
  rows: readonly HistoryRow[];
  indicators: readonly Indicator[];
  plan: Pick<Plan, 'firstYear' | 'lastYear'>;
  onOpen: (row: HistoryRow, series: 'revised_target' | 'justification', indicator: Indicator) => void;
}

export function HistoryTable({ mode, rows, indicators, plan, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const byCode = new Map(indicators.map((i) => [i.code, i]));

  return (
    <table className="data-table history-table" aria-label={t('history.tableLabel')} data-mode={mode}>
      <thead>
        <tr>
          <th scope="col" className="history-col-at">{t('history.at')}</th>
          <th scope="col" className="history-col-who">{t('history.who')}</th>
          <th scope="col" className="history-col-action">{t('history.action')}</th>
          <th scope="col" className="history-col-cell">{t('history.cell')}</th>
          <th scope="col" className="num history-col-num">{t('history.semula')}</th>
          <th scope="col" className="num history-col-num">{t('history.menjadi')}</th>
          <th scope="col">{t('history.justification')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const ind = r.indicatorCode ? byCode.get(r.indicatorCode) : undefined;
          const indName = ind ? (lang === 'en' ? ind.nameEn : ind.nameId) : (r.indicatorCode ?? '');
          const target = rowTarget(r, ind, plan);
          const isValue = r.year !== null && r.indicatorCode !== null;
          const decimals = ind?.decimals ?? 2;
          const scenario = r.scenarioName ?? t('history.noScenario');
          const detail = describeEntryDetail(r, lang);
          const why = mode === 'net' ? (r.justificationNow ?? r.justification ?? '') : (r.justification ?? '');
          const whyThen = mode === 'net' && r.justificationNow !== null && r.justification && r.justification.trim() !== r.justificationNow.trim() ? r.justification : null;
          const where = [indName, r.year !== null ? String(r.year) : r.action === 'justification.set' && r.indicatorCode ? t('history.justificationCell') : null].filter(Boolean).join(' · ');
          return (
            <tr
              key={r.key}
              data-indicator={r.indicatorCode ?? ''}
              data-year={r.year ?? ''}
              data-scenario={r.scenarioId ?? ''}
              data-kind={r.kind}
              data-action={r.action}
            >
              <td className="nowrap history-when">{formatWhen(r.at, lang)}</td>
              <td className="history-who">
                {r.person && r.person.name.trim() !== '' ? (
                  <>
                    <span className="history-name">{r.person.name}</span>
                    {r.person.nip.trim() !== '' && <span className="history-sub nowrap">{t('history.nip', { nip: r.person.nip })}</span>}
                  </>
                ) : (
                  <span className="history-sub">{t('history.noPerson', { user: r.user })}</span>
                )}
              </td>
              <td className="history-action">
                <span>{describeEntryAction(r, lang)}</span>
                {mode === 'net' && r.changes > 1 && <span className="history-sub">{t('history.changes', { count: r.changes })}</span>}
                {detail && (
                  <span className="history-sub history-detail" title={detail}>
                    {detail}
                  </span>
                )}
              </td>
              <td className="history-cell">
                {target && ind ? (
                  <button
                    type="button"
                    className="button-link history-open"
                    aria-label={
                      target === 'justification'
                        ? t('history.openJustification', { indicator: indName, scenario })
                        : t('history.openCell', { indicator: indName, year: r.year ?? '', scenario })
                    }
                    onClick={() => onOpen(r, target, ind)}
                  >
                    {where}
                  </button>
                ) : (
                  where && <span>{where}</span>
                )}
                <span className="history-sub">
                  {scenario}
                  {r.scenarioId !== null && !r.scenarioExists && ` (${t('history.deleted')})`}
                </span>
              </td>
              <td className="num nowrap">{isValue ? (r.oldValue === null ? t('history.none') : formatNumber(r.oldValue, decimals)) : ''}</td>
              <td className="num nowrap history-after">
                {isValue ? (r.newValue === null ? t('history.none') : formatNumber(r.newValue, decimals)) : ''}
              </td>
              <td className="history-why">
                {why && <span>{why}</span>}
                {whyThen && <span className="history-sub">{t('history.atTheTime', { text: whyThen })}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
