/**
 * Provinsi: the governor's evaluation team's view of a folder of regency workbooks, read-only
 * (province.read: nothing is locked or written). A folder is chosen — in the browser host by a
 * typed path (a page cannot browse the disk), remembered for the tab's session; in the desktop
 * app in main's folder dialog, which grants it for the province.* calls —, then: the header line,
 * the consolidated table with its aggregate rows, the province's own targets on the aggregate,
 * the workbooks left out with their reason, and the chart of the paths. The table exports as
 * xlsx or PDF; a region's evaluation sheet downloads from its row. Needs no open workbook.
 */
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnexFormat, AnnexLanguage } from '../../../shared/annex.js';
import type { ApiClient } from '../../../shared/api/client.js';
import { failure as failureOf, type Failure } from '../../../shared/api/result.js';
import type { ProvinceIndicator, ProvinceReport } from '../../../shared/model/province.js';
import { FailureDetail } from '../components/FailureDetail.js';
import { useProfile } from '../components/profile-gate.js';
import { AggregatePanel, ProvinceTargetsPanel } from '../province/AggregatePanel.js';
import { downloadBase64 } from '../download.js';
import { ExcludedList } from '../province/ExcludedList.js';
import { aggregateOf, availableIndicators, filterRows, regionRows, tableYears, type RegionRow } from '../province/model.js';
import { ProvinceChart } from '../province/ProvinceChart.js';
import { ProvinceGrid } from '../province/ProvinceGrid.js';
import { ReviewDialog } from '../province/ReviewDialog.js';
import { ABSOLUTE_PATH, FOLDER_STORAGE_KEY } from '../province/words.js';
import '../province/province.css';

interface Props {
  api: ApiClient;
}

/** A status line to say in the UI language. */
export type Message =
  | { key: 'province.export.done' | 'province.export.saved'; params: { file: string; regions: number; excluded: number } }
  | { key: 'province.review.done'; params: { file: string; rows: number } };

function storedFolder(): string {
  try {
    return window.sessionStorage.getItem(FOLDER_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberFolder(folder: string): void {
  try {
    window.sessionStorage.setItem(FOLDER_STORAGE_KEY, folder);
  } catch {
    // Without storage the folder is kept while the view is open.
  }
}

export function ProvinceView({ api }: Props) {
  const { t } = useTranslation();
  const ids = { field: useId(), hint: useId(), problem: useId(), indicator: useId(), filter: useId(), flagged: useId(), language: useId() };
  const desktop = typeof window !== 'undefined' && window.workbench?.chooseProvinceFolder !== undefined;
  const [typed, setTyped] = useState(storedFolder);
  const [folder, setFolder] = useState<string | null>(null);
  const [report, setReport] = useState<ProvinceReport | null>(null);
  const [reading, setReading] = useState(() => !desktop && storedFolder() !== '');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [indicator, setIndicator] = useState<ProvinceIndicator>('P0');
  const [text, setText] = useState('');
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [language, setLanguage] = useState<AnnexLanguage>('id');
  const [exporting, setExporting] = useState(false);
  // Kept as words to say, not said: a switch of language words it again.
  const [message, setMessage] = useState<Message | null>(null);
  const [reviewFor, setReviewFor] = useState<RegionRow | null>(null);
  const { state: profile } = useProfile();

  const read = useCallback(
    async (path: string) => {
      setReading(true);
      setFailure(null);
      setProblem(null);
      setMessage(null);
      try {
        const r = await api.call('province.read', { folder: path });
        if (!r.ok) {
          setReport(null);
          if (r.code === 'not_found') setProblem(t('province.folder.notFound', { folder: path }));
          else if (r.params?.reason === 'path_not_chosen') setProblem(t('province.folder.notChosen'));
          else setFailure(r);
          return;
        }
        setFolder(path);
        setReport(r.value);
        rememberFolder(path);
      } finally {
        setReading(false);
      }
    },
    [api, t],
  );

  // The folder read last in this tab is read again when the view opens (the browser host; in the
  // desktop app a folder is granted per run, so it is chosen again in the dialog).
  useEffect(() => {
    const last = storedFolder();
    if (!last || desktop) return;
    let stale = false;
    void api.call('province.read', { folder: last }).then((r) => {
      if (stale) return;
      setReading(false);
      if (!r.ok) return;
      setFolder(last);
      setReport(r.value);
    });
    return () => {
      stale = true;
    };
  }, [api, desktop]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const path = typed.trim();
    if (!path) return setProblem(t('province.folder.empty'));
    if (!ABSOLUTE_PATH.test(path)) return setProblem(t('province.folder.notAbsolute', { path }));
    void read(path);
  };

  const choose = async () => {
    const chooser = window.workbench?.chooseProvinceFolder;
    if (!chooser) return;
    const r = await chooser().catch((err: unknown) => failureOf('io_error', err instanceof Error ? err.message : String(err)));
    if (!r.ok) return setFailure(r);
    if (r.value) void read(r.value);
  };

  const indicators = useMemo(() => (report ? availableIndicators(report) : []), [report]);
  const code: ProvinceIndicator = indicators.includes(indicator) ? indicator : 'P0';
  const rows = useMemo(() => (report ? regionRows(report, code) : []), [report, code]);
  const shown = useMemo(() => filterRows(rows, { text, onlyFlagged }), [rows, text, onlyFlagged]);
  const years = useMemo(() => (report ? tableYears(report, code) : []), [report, code]);
  const aggregate = useMemo(() => (report ? aggregateOf(report, code) : undefined), [report, code]);
  const total = report?.regions.length ?? 0;

  async function exportTable(format: AnnexFormat) {
    if (!folder) return;
    setExporting(true);
    setFailure(null);
    setMessage(null);
    try {
      const save = window.workbench?.saveProvince;
      if (save) {
        const saved = await save({ folder, format, language }).catch((err: unknown) => failureOf('io_error', err instanceof Error ? err.message : String(err)));
        if (!saved.ok) return setFailure(saved);
        if (saved.value) setMessage({ key: 'province.export.saved', params: { file: saved.value.fileName, regions: saved.value.regions, excluded: saved.value.excluded } });
        return;
      }
      const r = await api.call('province.exportBytes', { folder, format, language });
      if (!r.ok) return setFailure(r);
      downloadBase64(r.value.fileName, r.value.base64, format);
      setMessage({ key: 'province.export.done', params: { file: r.value.fileName, regions: r.value.regions, excluded: r.value.excluded } });
    } finally {
      setExporting(false);
    }
  }

  const onReview = useCallback((row: RegionRow) => setReviewFor(row), []);

  return (
    <div className="province-view">
      <header className="page-header">
        <div>
          <h1 className="page-title">{report?.province ? t('province.titleOf', { province: report.province }) : t('province.title')}</h1>
          {report ? (
            <p className="page-subtitle province-header-line" data-testid="province-header">
              {report.province && report.period
                ? t('province.header', { province: report.province, first: report.period.firstYear, last: report.period.lastYear, count: total })
                : t('province.headerNone')}{' '}
              <span className="badge badge-readonly" title={t('province.readOnlyTitle')}>
                {t('province.readOnly')}
              </span>
            </p>
          ) : (
            <p className="page-subtitle">{t('province.lead')}</p>
          )}
        </div>
        {report && (
          <div className="province-export" role="group" aria-label={t('province.export.group')}>
            <label htmlFor={ids.language} className="field-label province-inline-label">
              {t('province.export.language')}
            </label>
            <select id={ids.language} className="select" value={language} onChange={(e) => setLanguage(e.target.value as AnnexLanguage)}>
              <option value="id">{t('province.export.languageId')}</option>
              <option value="en">{t('province.export.languageEn')}</option>
            </select>
            <button type="button" className="button" disabled={exporting || total === 0} onClick={() => void exportTable('xlsx')}>
              {t('province.export.xlsx')}
            </button>
            <button type="button" className="button" disabled={exporting || total === 0} onClick={() => void exportTable('pdf')}>
              {t('province.export.pdf')}
            </button>
          </div>
        )}
      </header>

      <section className="card province-folder" aria-labelledby={`${ids.field}-title`}>
        <h2 id={`${ids.field}-title`} className="card-title province-folder-title">
          {t('province.folder.title')}
        </h2>
        {desktop ? (
          <div className="province-folder-row">
            <button type="button" className="button button-primary" disabled={reading} onClick={() => void choose()}>
              {folder ? t('province.folder.change') : t('province.folder.choose')}
            </button>
            {folder && (
              <>
                <span className="province-folder-path" title={folder}>
                  {t('province.folder.current', { folder })}
                </span>
                <button type="button" className="button" disabled={reading} onClick={() => void read(folder)}>
                  {t('province.folder.reread')}
                </button>
              </>
            )}
          </div>
        ) : (
          // A typed path is not work to lose: closing the page does not ask about it.
          <form className="province-folder-row" onSubmit={onSubmit} data-unsaved-ignore="">
            <label htmlFor={ids.field} className="visually-hidden">
              {t('province.folder.label')}
            </label>
            <input
              id={ids.field}
              className="input province-folder-input"
              type="text"
              value={typed}
              spellCheck={false}
              autoComplete="off"
              placeholder={t('province.folder.label')}
              aria-describedby={`${ids.hint} ${ids.problem}`}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => {
                setTyped(e.target.value);
                if (problem) setProblem(null);
              }}
            />
            <button type="submit" className="button button-primary" disabled={reading}>
              {folder && folder === typed.trim() ? t('province.folder.reread') : t('province.folder.read')}
            </button>
          </form>
        )}
        {!desktop && (
          <p id={ids.hint} className="hint">
            {t('province.folder.hint')}
          </p>
        )}
        <div id={ids.problem} className="path-problem" role="alert">
          {problem}
          {failure && (
            <>
              <strong>{t(`error.codes.${failure.code}`, { defaultValue: t('error.title') })}</strong> <FailureDetail failure={failure} />
            </>
          )}
        </div>
        <p className="province-status" role="status" aria-live="polite">
          {reading ? t('province.folder.reading') : message ? (message.key === 'province.review.done' ? t(message.key, message.params) : t(message.key, message.params)) : null}
        </p>
      </section>

      {report && (
        <>
          <div className="province-toolbar" role="group" aria-label={t('province.table.label')}>
            <label htmlFor={ids.indicator} className="field-label province-inline-label">
              {t('province.indicator.label')}
            </label>
            <select id={ids.indicator} className="select" value={code} onChange={(e) => setIndicator(e.target.value as ProvinceIndicator)}>
              {indicators.map((c) => (
                <option key={c} value={c}>
                  {t(`province.indicator.${c}`)}
                </option>
              ))}
            </select>
            <label htmlFor={ids.filter} className="field-label province-inline-label">
              {t('province.filter.label')}
            </label>
            <input id={ids.filter} className="input province-filter" type="search" value={text} placeholder={t('province.filter.placeholder')} onChange={(e) => setText(e.target.value)} data-unsaved-ignore="" />
            <label className="province-check" htmlFor={ids.flagged}>
              <input id={ids.flagged} type="checkbox" checked={onlyFlagged} onChange={(e) => setOnlyFlagged(e.target.checked)} /> {t('province.filter.onlyFlagged')}
            </label>
            <span className="province-shown" data-testid="province-shown">
              {t('province.filter.shown', { shown: shown.length, total: rows.length })}
            </span>
          </div>
          {exporting && <p className="hint">{t('province.export.working')}</p>}

          <ProvinceGrid rows={shown} years={years} indicator={code} aggregate={aggregate} total={total} onReview={onReview} />

          <div className="province-panels">
            <AggregatePanel report={report} indicator={code} aggregate={aggregate} years={years} />
            <div className="province-side">
              {code === 'P0' ? <ProvinceTargetsPanel report={report} /> : <p className="hint card">{t('province.targets.onlyP0')}</p>}
              <ExcludedList excluded={report.excluded} />
            </div>
          </div>

          <section className="card province-chart-card" aria-labelledby="province-chart-title">
            <h2 id="province-chart-title" className="card-title">
              {t('province.chart.title', { indicator: t(`province.indicator.${code}`) })}
            </h2>
            <ProvinceChart rows={shown} years={years} indicator={code} aggregate={aggregate} total={total} />
          </section>

          {folder && (
            <ReviewDialog
              api={api}
              folder={folder}
              region={reviewFor}
              defaultEvaluator={profile.person?.name ?? ''}
              onDone={setMessage}
              onClose={() => setReviewFor(null)}
            />
          )}
        </>
      )}
    </div>
  );
}
