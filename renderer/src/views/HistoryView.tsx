/**
 * Riwayat: the workbook's change log (history.list) — the net change per cell or every step,
 * filtered by scenario, indicator, person and date, newest first, a page at a time. Each row's
 * cell opens the Target view on that scenario, indicator and year (a focus request, as a finding
 * in Pemeriksaan does). The filters are kept while the workbook is open, so coming back from
 * Target finds the same rows. The log reloads after every write the app makes (the summary
 * changes) and when the window regains focus.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Indicator, WorkbookSummary } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import type { HistoryRow } from '../../../shared/history.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { summaryVersion, useLoad } from '../compare/data.js';
import { requestFocus } from '../focus-request.js';
import { localDayBound } from '../history/format.js';
import { HistoryFilters, NO_FILTERS, type HistoryFilterState } from '../history/HistoryFilters.js';
import { HistoryTable } from '../history/HistoryTable.js';
import '../compare/compare.css';
import '../history/history.css';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
}

/** Rows per page. */
const PAGE_SIZE = 100;

/** The filters last used, per workbook file, while the page lives. */
const remembered = new Map<string, { filters: HistoryFilterState; offset: number }>();

export function HistoryView({ api, summary }: Props) {
  const { t } = useTranslation();
  const path = summary.path;
  const [state, setState] = useState(() => remembered.get(path) ?? { filters: NO_FILTERS, offset: 0 });
  const { filters, offset } = state;
  const update = (next: { filters: HistoryFilterState; offset: number }) => {
    remembered.set(path, next);
    setState(next);
  };
  // A scenario deleted since is no filter any more.
  const scenarioId = filters.scenarioId !== null && summary.scenarios.some((s) => s.id === filters.scenarioId) ? filters.scenarioId : null;
  const rangeProblem = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  const query = {
    mode: filters.mode,
    ...(scenarioId !== null ? { scenarioId } : {}),
    ...(filters.indicatorCode !== null ? { indicatorCode: filters.indicatorCode } : {}),
    ...(filters.person !== null ? { person: filters.person } : {}),
    ...(filters.from !== '' ? { from: localDayBound(filters.from, false) ?? undefined } : {}),
    ...(filters.to !== '' ? { to: localDayBound(filters.to, true) ?? undefined } : {}),
    limit: PAGE_SIZE,
    offset,
  };
  const version = summaryVersion(summary);
  const page = useLoad(rangeProblem ? null : `${JSON.stringify(query)}:${version}`, () => api.call('history.list', query));
  const data = page.data;
  const filtered = scenarioId !== null || filters.indicatorCode !== null || filters.person !== null || filters.from !== '' || filters.to !== '';

  const open = (row: HistoryRow, series: 'revised_target' | 'justification', indicator: Indicator) => {
    if (row.scenarioId === null) return;
    requestFocus({ scenarioId: row.scenarioId, indicatorId: indicator.id, year: series === 'justification' ? null : row.year, series });
  };

  let empty: { title: string; hint: string } | null = null;
  if (data && data.total === 0) {
    if (filtered) empty = { title: t('history.emptyFiltered'), hint: t('history.emptyFilteredHint') };
    else if (filters.mode === 'net') empty = { title: t('history.emptyNet'), hint: t('history.emptyNetHint') };
    else empty = { title: t('history.emptyTitle'), hint: t('history.emptyHint') };
  }

  return (
    <div className="review-view history-view">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('history.title')}</h1>
          <p className="page-subtitle">{t('history.subtitle')}</p>
        </div>
      </header>
      <ErrorAlert error={page.error} onDismiss={page.dismissError} />

      <section className="card card-wide history-card" aria-labelledby="history-table-title" aria-busy={page.loading}>
        <h2 id="history-table-title" className="visually-hidden">
          {t('history.tableLabel')}
        </h2>
        <HistoryFilters
          value={{ ...filters, scenarioId }}
          scenarios={summary.scenarios}
          indicators={summary.indicators}
          people={data?.people ?? []}
          onChange={(next) => update({ filters: next, offset: 0 })}
        />
        {empty ? (
          <div className="review-empty history-empty" data-testid="history-empty">
            <p>{empty.title}</p>
            <p className="hint">{empty.hint}</p>
          </div>
        ) : (
          data && (
            <>
              <div className="history-frame">
                <HistoryTable mode={data.mode} rows={data.rows} indicators={summary.indicators} plan={summary.plan} onOpen={open} />
              </div>
              <nav className="history-pages" aria-label={t('history.pages')}>
                <span className="hint" data-testid="history-count">
                  {t('history.count', { from: formatNumber(data.offset + 1, 0), to: formatNumber(data.offset + data.rows.length, 0), total: formatNumber(data.total, 0) })}
                </span>
                {data.total > PAGE_SIZE && (
                  <>
                    <button type="button" className="button" disabled={offset === 0} onClick={() => update({ filters, offset: Math.max(0, offset - PAGE_SIZE) })}>
                      {t('history.previous')}
                    </button>
                    <button type="button" className="button" disabled={offset + PAGE_SIZE >= data.total} onClick={() => update({ filters, offset: offset + PAGE_SIZE })}>
                      {t('history.next')}
                    </button>
                  </>
                )}
              </nav>
            </>
          )
        )}
      </section>
    </div>
  );
}
