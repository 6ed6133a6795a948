/**
 * Target: the planner's revision desk. The scenario bar (which scenario, its status, scenario
 * actions), the undo/redo, path and capaian tools, the target grid, and the dialogs for paste
 * preview and path modelling. Every write goes through the service and comes back as the
 * scenario's targets; the undo history lives in the workbook.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clearFocusRequest, useFocusRequest } from '../focus-request.js';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../shared/api/client.js';
import type { Failure, Result } from '../../../shared/api/result.js';
import { targetYearsOf, type CapaianSetting, type Indicator, type IndicatorValue, type MethodBreak, type ReferenceTarget, type ShockYear, type WorkbookSummary } from '../../../shared/domain.js';
import { capaianContext } from '../../../shared/model/capaian.js';
import { PathDialog, type PathCell } from '../target/PathDialog.js';
import { PastePreviewDialog } from '../target/PastePreviewDialog.js';
import { TargetPreview } from '../target/TargetPreview.js';
import { ProposalBanner } from '../target/ProposalBanner.js';
import { ScenarioBar } from '../target/ScenarioBar.js';
import { TargetGrid, parseColId, type CellEdit, type FocusInfo, type GridFocusTarget } from '../target/TargetGrid.js';
import { buildBaseRows, planPaste, realisationYears, TargetRowsCache, type PasteAnchor, type PastePlan, type TargetIndicatorRow } from '../target/model.js';
import { useCellProblemText } from '../target/text.js';
import { HistoryButtons } from '../target/HistoryButtons.js';
import { isCellProblem } from '../../../shared/model/cell-rules.js';
import { isRealisedYear } from '../../../shared/model/revision.js';
import { CHART_KEY, FEASIBILITY_KEY, HIDE_REALISED_KEY, chartShownAtStart, storeFlag } from '../target/layout.js';
import { FeasibilityPanel, useFeasibility } from '../feasibility/FeasibilityPanel.js';
import type { HistoryApi, HistoryDirection } from '../target/useHistory.js';
import { useScenario, type TargetAction, type TargetCellInput } from '../target/useScenario.js';
import { requestNotes } from '../review/notes-request.js';
import { useReviewNotes } from '../review/useReviewNotes.js';
import '../review/review.css';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  values: IndicatorValue[];
  busy: boolean;
  history: HistoryApi;
  onHistory(direction: HistoryDirection): void;
  onWorkbookChanged(): Promise<void>;
  /** Opens Pemeriksaan (the header's count of open evaluation notes links there). */
  onOpenChecks?: () => void;
}

const CAPAIAN_KEY = 'workbench.showCapaian';

function storedFlag(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

export function TargetView({ api, summary, values, busy, history, onHistory, onWorkbookChanged, onOpenChecks }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { plan } = summary;
  const scenario = useScenario(api, summary, history, onWorkbookChanged);
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  // A confirmation is worded when made; another language drops it rather than mix the two.
  const [statusLang, setStatusLang] = useState(lang);
  if (statusLang !== lang) {
    setStatusLang(lang);
    setStatus('');
  }
  const [showCapaian, setShowCapaian] = useState(() => storedFlag(CAPAIAN_KEY));
  const [chartShown, setChartShown] = useState(chartShownAtStart);
  const [hideRealised, setHideRealised] = useState(() => storedFlag(HIDE_REALISED_KEY));
  const [feasibilityShown, setFeasibilityShown] = useState(() => storedFlag(FEASIBILITY_KEY));
  // Reloaded whenever the scenario's targets or the workbook's values (P1, Gini, SE…) change.
  const feasibilityVersion = useMemo(() => ({ targets: scenario.targets, values }), [scenario.targets, values]);
  const feasibility = useFeasibility(api, feasibilityShown ? (scenario.selected?.id ?? null) : null, feasibilityVersion);
  const [pathOpen, setPathOpen] = useState(false);
  const [pastePlan, setPastePlan] = useState<PastePlan | null>(null);
  const [writing, setWriting] = useState(0);
  const focus = useRef<FocusInfo>({ row: null, colId: null });
  const [pathInitial, setPathInitial] = useState<{ indicatorId: number | null; year: number | null }>({ indicatorId: null, year: null });

  // A finding clicked in Pemeriksaan: select its scenario, then have the grid focus its cell
  // (set in the render where the scenario's targets are there; the effect then clears the request).
  const focusRequest = useFocusRequest();
  const [focusCell, setFocusCell] = useState<GridFocusTarget | null>(null);
  const focusReady = focusRequest !== null && scenario.selected?.id === focusRequest.scenarioId && scenario.targets !== null;
  if (focusReady && focusCell?.seq !== focusRequest.seq) {
    const ind = summary.indicators.find((i) => i.id === focusRequest.indicatorId);
    if (ind) {
      const col = focusRequest.series === 'justification' || focusRequest.year === null ? 'justification' : `rev-${focusRequest.year}`;
      setFocusCell({ rowId: `indicator:${ind.code}`, colId: col, seq: focusRequest.seq });
    }
  }
  useEffect(() => {
    if (!focusRequest) return;
    if (scenario.selected?.id !== focusRequest.scenarioId) {
      scenario.select(focusRequest.scenarioId);
      return;
    }
    if (focusReady) clearFocusRequest(focusRequest);
  }, [focusRequest, focusReady, scenario]);

  // The governor's evaluation notes still open: a marker on their cells, a count in the header.
  const reviewNotes = useReviewNotes(api, summary);
  const openNotes = reviewNotes.open;
  const noteMarks = useMemo(() => {
    const byCell = new Map<string, string[]>();
    for (const n of openNotes) {
      if (n.year === null) continue; // about the whole indicator: counted, no one cell
      const key = `${n.indicatorId}:${n.year}`;
      byCell.set(key, [...(byCell.get(key) ?? []), n.note]);
    }
    return new Map([...byCell].map(([key, list]) => [key, list.map((note) => t('review.marker', { note })).join('\n')]));
  }, [openNotes, t]);

  const years = useMemo(() => targetYearsOf(plan), [plan]);
  const baseRows = useMemo(() => buildBaseRows(summary.indicators, values, plan), [summary.indicators, values, plan]);
  // Rows a write did not change keep their objects, so the grid redraws only the changed ones:
  // new rows are built over the last ones (TargetRowsCache), in the render that gets new targets or base rows.
  const [rowsCache] = useState(() => new TargetRowsCache());
  const rows = useMemo(() => rowsCache.rows(baseRows, scenario.targets), [rowsCache, baseRows, scenario.targets]);
  const indicatorRows = useMemo(() => rows.filter((r): r is TargetIndicatorRow => r.kind === 'indicator'), [rows]);
  const capaianYears = useMemo(() => realisationYears(values, years), [values, years]);
  const nameOf = useCallback((ind: Indicator) => (lang === 'en' ? ind.nameEn : ind.nameId), [lang]);
  // A proposal (usulan) is frozen: the services refuse writes into it; the grid is read-only and a banner says why.
  const frozen = scenario.selected?.status === 'usulan';
  const editable = scenario.selected !== null && scenario.targets !== null && !frozen;

  // The preview beside the grid: the indicator last edited or clicked, and the reference data its chart and checks read.
  const [previewId, setPreviewId] = useState<number | null>(null);
  const previewIndicator = summary.indicators.find((i) => i.id === previewId) ?? indicatorRows[0]?.indicator ?? null;
  const [refs, setRefs] = useState<{ references: ReferenceTarget[]; shockYears: ShockYear[]; methodBreaks: MethodBreak[]; capaianSettings: CapaianSetting[] } | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([api.call('references.list'), api.call('methodBreaks.list'), api.call('capaian.list')]).then(([r, b, c]) => {
      if (live && r.ok && b.ok && c.ok) setRefs({ ...r.value, methodBreaks: b.value, capaianSettings: c.value });
    });
    return () => {
      live = false;
    };
  }, [api, summary]);
  // The workbook's band scale, formula per indicator and method changes, as the annex uses them.
  const capaian = useMemo(
    () => capaianContext({ plan, settings: summary.settings, capaianSettings: refs?.capaianSettings, methodBreaks: refs?.methodBreaks }),
    [plan, summary.settings, refs],
  );

  const problemText = useCellProblemText();
  /** A failed write, named by its cell when the service says which one. */
  const describeFailure = useCallback(
    (f: Failure, cells: readonly TargetCellInput[] = []): string => {
      const head = t(`error.codes.${f.code}`, { defaultValue: t('error.title') });
      const p = f.params ?? {};
      const m = /^cells\.(\d+)\./.exec(f.field ?? '');
      const cell = m ? cells[Number(m[1])] : undefined;
      // The service names the cell it refused (a derived count may not be one the planner sent).
      const indicatorId = typeof p.indicatorId === 'number' ? p.indicatorId : cell?.indicatorId;
      const year = typeof p.year === 'number' ? p.year : cell?.year;
      const ind = indicatorId !== undefined ? summary.indicators.find((i) => i.id === indicatorId) : undefined;
      const where = ind && year !== undefined ? `${t('target.edit.cell', { indicator: nameOf(ind), year: String(year) })}: ` : '';
      const problem = p.problem;
      if (ind && isCellProblem(problem) && p.value !== undefined) {
        const population = typeof p.population === 'number' ? p.population : undefined;
        return t('target.edit.refused', { cell: where.replace(/: $/, ''), reason: problemText(problem, ind, p.value, population) });
      }
      return `${where}${head} ${f.message}`;
    },
    [nameOf, problemText, summary.indicators, t],
  );

  /** A refused scenario action; 'blocked' (usulan with failing checks) names the first error findings in the UI language. */
  const onScenarioError = useCallback(
    async (f: Failure | null) => {
      if (!f) return setAlert(null);
      const scenarioId = scenario.selected?.id;
      if (f.code !== 'blocked' || scenarioId === undefined) return setAlert(describeFailure(f));
      const report = await api.call('checks.run', { scenarioId });
      const errors = report.ok ? report.value.findings.filter((x) => x.severity === 'error') : [];
      const shown = errors.slice(0, 3).map((x) => (lang === 'en' ? x.message.en : x.message.id));
      const more = errors.length > 3 ? ` ${t('target.scenario.blockedMore', { count: errors.length - 3 })}` : '';
      setAlert(`${t('target.scenario.blocked', { count: errors.length || Number(f.params?.errors ?? 0) })} ${shown.join('; ')}${more}`.trim());
    },
    [api, scenario.selected, describeFailure, lang, t],
  );

  const write = useCallback(
    async (action: TargetAction, cells: TargetCellInput[], done: string, alongside?: () => void): Promise<boolean> => {
      // Counted in the render that shows the typed cells (not a render of its own before them).
      let counted = false;
      try {
        const r = await scenario.setTargets(action, cells, () => {
          counted = true;
          setWriting((n) => n + 1);
          alongside?.();
        });
        if (!r.ok) {
          setAlert(describeFailure(r, cells));
          return false;
        }
        setAlert(null);
        setStatus(done);
        return true;
      } finally {
        if (counted) setWriting((n) => n - 1);
      }
    },
    [scenario, describeFailure],
  );

  const onEdit = useCallback(
    (edit: CellEdit, action: 'target.edit' | 'target.clear') => {
      const cell = t('target.edit.cell', { indicator: nameOf(edit.indicator), year: String(edit.year) });
      void write(
        action,
        [{ indicatorId: edit.indicator.id, year: edit.year, value: edit.value }],
        t(action === 'target.clear' ? 'target.status.cleared' : 'target.status.saved', { cell }),
        () => setPreviewId(edit.indicator.id),
      );
    },
    [write, nameOf, t],
  );

  const onJustification = useCallback(
    async (indicator: Indicator, text: string) => {
      const r: Result<unknown> = await scenario.setJustification(indicator.id, text);
      if (!r.ok) setAlert(describeFailure(r));
      else {
        setAlert(null);
        setStatus(t('target.status.justification', { indicator: nameOf(indicator) }));
      }
    },
    [scenario, describeFailure, nameOf, t],
  );

  // The grid's handlers stay the same functions from render to render: the grid's own edit
  // handler depends on them, and a new one would make AG Grid take new options on every keystroke.
  const justify = useCallback((ind: Indicator, text: string) => void onJustification(ind, text), [onJustification]);
  const frozenName = frozen ? (scenario.selected?.name ?? null) : null;
  const onGridMessage = useCallback(
    (m: string | null) => setAlert(m !== null && frozenName !== null ? t('target.frozen.locked', { name: frozenName }) : m),
    [frozenName, t],
  );
  const onPick = useCallback((ind: Indicator) => setPreviewId(ind.id), []);

  const applyPaste = useCallback(
    async (plan: PastePlan) => {
      const cells = plan.accepted.map((c) => ({ indicatorId: c.indicator.id, year: c.year, value: c.value }));
      if (cells.length === 0) return;
      await write('target.paste', cells, t('target.status.pasted', { count: cells.length }));
    },
    [write, t],
  );

  const onPaste = useCallback(
    (block: string[][], anchor: PasteAnchor | null) => {
      if (!anchor || anchor.rowIndex < 0) {
        setAlert(t('target.paste.noAnchor'));
        return;
      }
      const plan = planPaste(block, anchor, indicatorRows.map((r) => r.indicator), years);
      if (plan.rejected.length === 0) void applyPaste(plan);
      else setPastePlan(plan);
    },
    [indicatorRows, years, applyPaste, t],
  );

  // The chart follows the focused indicator (arrow keys, a finding opened from Pemeriksaan) — but
  // not the move Enter makes after an edit: it keeps showing the value just typed.
  const onFocus = useCallback((f: FocusInfo) => {
    focus.current = f;
    if (f.row && !f.afterEdit) setPreviewId(f.row.indicator.id);
  }, []);

  const openPath = () => {
    const f = focus.current;
    const parsed = f.colId ? parseColId(f.colId) : null;
    setPathInitial({ indicatorId: f.row?.indicator.id ?? null, year: parsed?.year ?? null });
    setPathOpen(true);
  };

  const applyPath = useCallback(
    async (cells: PathCell[], indicator: Indicator) => {
      const ok = await write('target.path', cells, t('target.status.path', { indicator: nameOf(indicator), count: cells.length }));
      if (ok) setPathOpen(false);
      return ok;
    },
    [write, nameOf, t],
  );

  const toggleCapaian = (on: boolean) => {
    setShowCapaian(on);
    try {
      window.localStorage.setItem(CAPAIAN_KEY, on ? '1' : '0');
    } catch {
      // Session-only when storage is unavailable.
    }
  };

  const realisedYears = years.filter((y) => isRealisedYear(y, summary.settings.revisionDate));
  const realisedRange = realisedYears.length > 1 ? `${realisedYears[0]}–${realisedYears[realisedYears.length - 1]}` : realisedYears.join('');

  const { state: hist } = history;
  const historyBusy = busy || history.busy || writing > 0;

  return (
    <div className="target-view">
      <div className="target-fill">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('target.title')}</h1>
          <p className="page-subtitle">
            {plan.region} · {t('workbook.planTitle', { first: String(plan.firstYear), last: String(plan.lastYear) })}
          </p>
        </div>
        <p className="target-status" role="status" aria-live="polite" data-testid="target-status">
          {status && (
            <>
              <span aria-hidden="true" className="target-status-icon">
                ✓
              </span>{' '}
              {status}
            </>
          )}
        </p>
        {openNotes.length > 0 &&
          (onOpenChecks ? (
            <button
              type="button"
              className="review-count-link"
              title={t('review.openCountTitle')}
              onClick={() => {
                requestNotes();
                onOpenChecks();
              }}
              data-testid="review-count"
            >
              {t('review.openCount', { count: openNotes.length })}
            </button>
          ) : (
            <span className="review-count" data-testid="review-count">
              {t('review.openCount', { count: openNotes.length })}
            </span>
          ))}
        {/* Here rather than in the toolbar: the toolbar's undo/redo labels grow with the action, and a
            wrapped toolbar costs the grid a row at 1366 × 768. */}
        <button
          type="button"
          className="button target-header-toggle"
          aria-expanded={feasibilityShown}
          aria-controls="target-feasibility"
          data-testid="feasibility-toggle"
          title={t(feasibilityShown ? 'feasibility.hideTitle' : 'feasibility.showTitle')}
          onClick={() => {
            setFeasibilityShown(!feasibilityShown);
            storeFlag(FEASIBILITY_KEY, !feasibilityShown);
          }}
        >
          <span aria-hidden="true" className="button-icon">
            {feasibilityShown ? '▾' : '▸'}
          </span>
          {t('feasibility.toggle')}
        </button>
      </header>

      <ScenarioBar state={scenario} busy={busy} onError={(f) => void onScenarioError(f)} />
      {frozen && scenario.selected && (
        <ProposalBanner
          scenario={scenario.selected}
          busy={busy}
          onRevert={async () => {
            const r = await scenario.setStatus(scenario.selected!.id, 'draft');
            if (r.ok) setStatus(t('target.frozen.done', { name: scenario.selected!.name }));
            return r;
          }}
        />
      )}

      <div className="target-toolbar" role="group" aria-label={t('target.toolbar.label')}>
        <HistoryButtons state={hist} disabled={historyBusy} onHistory={onHistory} undoTestId="undo-button" redoTestId="redo-button" />
        <span className="toolbar-separator" aria-hidden="true" />
        <button type="button" className="button" onClick={openPath} disabled={!editable}>
          {t('target.toolbar.path')}
        </button>
        <label className="toggle">
          <input type="checkbox" checked={showCapaian} onChange={(e) => toggleCapaian(e.target.checked)} />
          <span>{t('target.toolbar.capaian')}</span>
        </label>
        {realisedYears.length > 0 && (
          <label className="toggle" title={t('target.toolbar.hideRealisedTitle', { years: realisedRange })}>
            <input
              type="checkbox"
              checked={hideRealised}
              onChange={(e) => {
                setHideRealised(e.target.checked);
                storeFlag(HIDE_REALISED_KEY, e.target.checked);
              }}
            />
            <span>{t('target.toolbar.hideRealised')}</span>
          </label>
        )}
        <button
          type="button"
          className="button"
          aria-expanded={chartShown}
          aria-controls="target-preview"
          data-testid="chart-toggle"
          title={t(chartShown ? 'target.toolbar.hideChart' : 'target.toolbar.showChart')}
          onClick={() => {
            setChartShown(!chartShown);
            storeFlag(CHART_KEY, !chartShown);
          }}
        >
          <span aria-hidden="true" className="button-icon">
            {chartShown ? '▾' : '▸'}
          </span>
          {t('target.toolbar.chart')}
        </button>
      </div>

      <div className="alert-region" role="alert" aria-atomic="true" data-testid="target-alert">
        {alert && (
          <div className="alert alert-inline">
            <span className="alert-message-inline">{alert}</span>
            <button type="button" className="button button-quiet" onClick={() => setAlert(null)}>
              {t('common.dismiss')}
            </button>
          </div>
        )}
      </div>

      {scenario.scenarios.length === 0 && (
        <section className="card notice" aria-labelledby="no-scenario-title">
          <h2 id="no-scenario-title" className="card-title">
            {t('target.scenario.emptyTitle')}
          </h2>
          <p className="muted">{t('target.scenario.emptyBody')}</p>
        </section>
      )}

      {chartShown && scenario.selected && scenario.targets && previewIndicator && refs && (
        <TargetPreview
          plan={plan}
          indicators={summary.indicators}
          values={values}
          scenarioName={scenario.selected.name}
          targets={scenario.targets}
          rows={rows}
          indicator={previewIndicator}
          references={refs.references}
          shockYears={refs.shockYears}
          methodBreaks={refs.methodBreaks}
          revisionDate={summary.settings.revisionDate}
        />
      )}

      {feasibilityShown && scenario.selected && <FeasibilityPanel id="target-feasibility" report={feasibility} />}

      <section className="card card-wide target-grid-card" aria-label={t('target.grid.label')}>
        <TargetGrid
          focusCell={focusCell}
          capaian={capaian}
          revisionDate={summary.settings.revisionDate}
          plan={plan}
          years={years}
          rows={rows}
          editable={editable}
          showCapaian={showCapaian}
          capaianYears={capaianYears}
          hideRealised={hideRealised}
          onEdit={onEdit}
          onJustification={justify}
          onPaste={onPaste}
          onMessage={onGridMessage}
          onFocus={onFocus}
          onPick={onPick}
          notes={noteMarks}
        />
      </section>
      </div>
      <section className="target-legend-block" aria-label={t('target.legend.label')}>
        <ul className="grid-legend target-legend">
          <li>
            <span className="legend-swatch swatch-editable" aria-hidden="true" /> {t('target.legend.editable')}
          </li>
          <li>
            <span className="delta delta-loosen">
              <span className="delta-cue">{t('target.delta.loosen')}</span>
            </span>{' '}
            {t('target.legend.loosen')}
          </li>
          <li>
            <span className="delta delta-tighten">
              <span className="delta-cue">{t('target.delta.tighten')}</span>
            </span>{' '}
            {t('target.legend.tighten')}
          </li>
          <li>
            <span className="derived-marker">{t('target.derived.marker')}</span> {t('target.legend.derived')}
          </li>
          <li>
            <span className="illustrative-marker" aria-hidden="true">
              *
            </span>{' '}
            {t('grid.legendIllustrative')}
          </li>
          {noteMarks.size > 0 && (
            <li>
              <span className="review-marker-swatch" aria-hidden="true">
                <span className="review-marker" />
              </span>{' '}
              {t('review.legend')}
            </li>
          )}
          {showCapaian && <li>{t('target.capaian.legend')}</li>}
        </ul>
        <p className="hint keys-hint">{t('target.legend.keys')}</p>
      </section>

      <PastePreviewDialog
        plan={pastePlan}
        busy={writing > 0}
        nameOf={nameOf}
        onCancel={() => setPastePlan(null)}
        onApply={() => {
          const plan = pastePlan;
          setPastePlan(null);
          if (plan) void applyPaste(plan);
        }}
      />
      <PathDialog
        open={pathOpen}
        plan={plan}
        years={years}
        rows={indicatorRows}
        initial={pathInitial}
        busy={writing > 0}
        revisionDate={summary.settings.revisionDate}
        nameOf={nameOf}
        onApply={applyPath}
        onClose={() => setPathOpen(false)}
      />
    </div>
  );
}
