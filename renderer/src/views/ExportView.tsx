/**
 * Ekspor: the annex for the Governor's evaluation, as xlsx or PDF (built by the service; in
 * Electron saved through main's Save dialog, in the browser host downloaded here), and imports
 * from spreadsheets with a preview that writes nothing until applied.
 */
import { useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ReviewImportPart } from '../review/ReviewImportPart.js';
import type { AnnexFormat, CellText, ChangeLogMode, ImportIssue, ImportPreview, ImportProgrammes, ImportSeries, NumberConvention } from '../../../shared/annex.js';
import type { ApiClient } from '../../../shared/api/client.js';
import { failure as failureOf, type Failure } from '../../../shared/api/result.js';
import type { ProgrammeCluster, ProgrammeStrategy, WorkbookSummary } from '../../../shared/domain.js';
import { formatExact, formatNumber } from '../../../shared/format/number.js';
import { UseMyProfileButton } from '../components/ProfileParts.js';
import { useCurrentScenario } from '../current-scenario.js';
import { downloadBase64 } from '../download.js';

interface Props {
  api: ApiClient;
  summary: WorkbookSummary;
  onWorkbookChanged(): Promise<void>;
  onOpenChecks(): void;
}

type Paper = 'A4' | 'F4';
/** The columns of a programme list a rejection names (ImportIssue.params.field). */
type ProgrammeField = 'program' | 'cluster' | 'agency' | 'year' | 'households' | 'benefit' | 'accuracy' | 'budget' | 'source';
type Lang = 'id' | 'en';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function ExportView({ api, summary, onWorkbookChanged, onOpenChecks }: Props) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  // The app's current scenario (the same in every view; current-scenario.tsx).
  const { selected: current, select: setScenarioId } = useCurrentScenario();
  const scenarioId = current?.id;
  const [language, setLanguage] = useState<Lang>('id');
  const [paper, setPaper] = useState<Paper>('A4');
  const [changeLog, setChangeLog] = useState<ChangeLogMode>('net');
  const [signer, setSigner] = useState({ place: '', name: '', title: '', nip: '' });
  const [busy, setBusy] = useState<'export' | 'import' | 'apply' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [series, setSeries] = useState<ImportSeries>('realisation');
  const [preview, setPreview] = useState<ImportPreview | null>(null);

  useEffect(() => {
    void api.call('annex.signer.get').then((r) => {
      if (r.ok && r.value) setSigner({ place: r.value.place ?? '', name: r.value.name, title: r.value.title, nip: r.value.nip });
    });
  }, [api]);

  const indicatorName = useMemo(() => {
    const names = new Map(summary.indicators.map((i) => [i.id, i]));
    return (id: number) => names.get(id);
  }, [summary.indicators]);
  /** The indicator's name in the UI language. */
  const nameIn = (id: number, code: string) => {
    const ind = indicatorName(id);
    return ind ? (i18n.language === 'en' ? ind.nameEn : ind.nameId) : code;
  };

  const fail = (f: Failure) => {
    setMessage(null);
    setFailure(f);
  };

  /** The annex as xlsx or PDF: in Electron through main's Save dialog, in the browser host as a download. */
  async function exportAnnex(format: AnnexFormat) {
    setBusy('export');
    setFailure(null);
    setMessage(null);
    try {
      await api.call('annex.signer.set', signer);
      const options = { scenarioId, language, paper, signer, changeLog, format };
      const saveAnnex = window.workbench?.saveAnnex;
      if (saveAnnex) {
        const saved = await saveAnnex(options).catch((err: unknown) => failureOf('io_error', err instanceof Error ? err.message : String(err)));
        if (!saved.ok) return fail(saved);
        if (saved.value) setMessage(t('annex.export.saved', { file: saved.value.fileName, sheets: saved.value.sheets.length, warnings: saved.value.findings.warning }));
        return;
      }
      const r = await api.call('annex.exportBytes', options);
      if (!r.ok) return fail(r);
      downloadBase64(r.value.fileName, r.value.base64, format);
      setMessage(t('annex.export.done', { file: r.value.fileName, sheets: r.value.sheets.length, warnings: r.value.findings.warning }));
    } finally {
      setBusy(null);
    }
  }

  function onExport(e: FormEvent) {
    e.preventDefault();
    void exportAnnex('xlsx');
  }

  async function onTemplate() {
    setFailure(null);
    const r = await api.call('import.template', { language });
    if (!r.ok) return fail(r);
    downloadBase64(r.value.fileName, r.value.base64, 'xlsx');
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy('import');
    setFailure(null);
    setPreview(null);
    try {
      const base64 = await readBase64(file);
      const target = series === 'revised_target' ? { series, scenarioId } : { series };
      const r = await api.call('import.preview', { source: { name: file.name, base64 }, target });
      if (!r.ok) return fail(r);
      setPreview(r.value);
      setMessage(null);
    } finally {
      setBusy(null);
    }
  }

  async function onApply() {
    if (!preview) return;
    setBusy('apply');
    setFailure(null);
    try {
      const r = await api.call('import.apply', { previewId: preview.previewId });
      if (!r.ok) return fail(r);
      setPreview(null);
      setMessage(
        r.value.applied
          ? preview.reviews
            ? t('review.import.applied', { count: r.value.applied })
            : t(preview.programmes ? 'annex.import.programmes.applied' : 'annex.import.applied', { count: r.value.applied })
          : t('annex.import.nothing'),
      );
      await onWorkbookChanged();
    } finally {
      setBusy(null);
    }
  }

  function onCancelPreview() {
    setPreview(null);
    setMessage(t('annex.import.cancelled'));
  }

  const changes = preview ? [...preview.new, ...preview.changed] : [];
  /** What apply would write: the cells, or a programme list's new and changed programme years. */
  const changeCount = changes.length + (preview?.programmes?.changes ?? 0) + (preview?.reviews?.new ?? 0);
  const decimalsOf = (id: number) => indicatorName(id)?.decimals ?? 0;
  /** Full precision (what would be stored, never rounded to the indicator's decimals), with the sementara mark. */
  const shown = (value: number | null, indicatorId: number, provisional: boolean | undefined) =>
    value === null ? '' : provisional ? t('annex.import.provisionalValue', { value: formatExact(value, decimalsOf(indicatorId)) }) : formatExact(value, decimalsOf(indicatorId));
  const cellText = (c: CellText) => `${c.sheet}!${c.column}${c.row} "${c.text}"`;
  const markWord = (m: NumberConvention['thousands'] | undefined) => t(`annex.import.mark.${m === ',' ? 'comma' : m === '.' ? 'point' : m === ' ' ? 'space' : 'none'}`);
  /** An issue's detail in the UI language where the app words it (params), else the service's English message. */
  const detail = (issue: ImportIssue<string>): string => {
    if (issue.code === 'formula_without_value') return t('annex.detail.formula_without_value');
    const p = issue.params;
    if (!p) return issue.message;
    /** A number the service sent as text, in the UI's form ('' → an open bound). */
    const num = (s: string | undefined, open: string) => (s === undefined || s === '' ? open : formatExact(Number(s)));
    const mark = (k: string) => markWord(p[k] as NumberConvention['thousands']);
    if (issue.code === 'strategy_defaulted') {
      return t('annex.detail.programme.strategy_defaulted', {
        programme: p.programme,
        cluster: t(`annex.import.programmes.cluster.${p.cluster as ProgrammeCluster}`),
        strategy: t(`annex.import.programmes.strategy.${p.strategy as ProgrammeStrategy}`),
      });
    }
    // An evaluation workbook's title block and note cells (electron/annex/review-import.ts).
    if (p.field === 'evaluator' || p.field === 'date' || p.field === 'note') {
      if (issue.code === 'missing_value') return t(`annex.detail.review.missing_${p.field === 'date' ? 'date' : 'evaluator'}`);
      if (issue.code === 'out_of_range') return t(`annex.detail.review.too_long_${p.field === 'note' ? 'note' : 'evaluator'}`, { max: p.max });
      return issue.message;
    }
    // A programme list's cells name their field (and programme): worded apart from an indicator's.
    if (p.field !== undefined) {
      const field = t(`annex.import.programmes.field.${p.field as ProgrammeField}`);
      const reading =
        p.text === undefined || p.value === undefined
          ? ''
          : ` ${p.decidedBy ? t('annex.detail.readingDecided', { text: p.text, decimal: mark('decimal'), value: p.value, decidedBy: p.decidedBy }) : t('annex.detail.readingAssumed', { text: p.text, decimal: mark('decimal'), value: p.value })}`;
      switch (issue.code) {
        case 'missing_value':
          return t('annex.detail.programme.missing_value', { field });
        case 'unknown_cluster':
          return t('annex.detail.programme.unknown_cluster', { text: p.text });
        case 'programme_conflict':
          return t('annex.detail.programme.programme_conflict', { field, programme: p.programme, first: p.first, text: p.text });
        case 'out_of_range':
          return t('annex.detail.programme.out_of_range', { field, number: num(p.number, ''), min: num(p.min, '−∞'), max: num(p.max, '∞'), unit: t(`annex.import.programmes.unit.${p.field as 'households' | 'benefit' | 'accuracy' | 'budget'}`, { defaultValue: p.unit }) }) + reading;
        case 'too_many_decimals':
          return t('annex.detail.programme.too_many_decimals', { field, number: num(p.number, '') }) + reading;
        case 'year_outside_plan':
          return t('annex.detail.programme.year_outside_plan', { year: p.year, from: p.from, to: p.to });
        case 'not_a_number':
          return t('annex.detail.programme.not_a_year', { text: p.text });
        case 'duplicate':
          return t('annex.detail.duplicate', { code: p.code, year: p.year });
        default:
          return issue.message;
      }
    }
    switch (issue.code) {
      case 'ambiguous_number':
        return t('annex.detail.ambiguous_number', { text: p.text, comma: p.comma, point: p.point, both: p.both, column: p.column });
      case 'convention_mismatch':
        return t('annex.detail.convention_mismatch', { text: p.text, decimal: mark('decimal'), columnDecimal: mark('columnDecimal'), column: p.column, decidedBy: p.decidedBy });
      case 'convention_assumed':
        return t('annex.detail.convention_assumed', { cells: p.cells, cell: p.cell, text: p.text, value: p.value });
      case 'encoding_windows_1252':
        return p.text ? t('annex.detail.encoding_windows_1252', { text: p.text }) : '';
      case 'too_many_decimals':
      case 'out_of_range': {
        if (p.number === undefined) return issue.message;
        const problem =
          issue.code === 'out_of_range'
            ? t('annex.detail.out_of_range', { number: num(p.number, ''), min: num(p.min, '−∞'), max: num(p.max, '∞'), unit: p.unit, code: p.code })
            : t('annex.detail.too_many_decimals', { number: num(p.number, ''), code: p.code, decimals: p.decimals });
        // How the text was read, where a number convention was involved.
        const reading =
          p.text === undefined
            ? ''
            : p.decidedBy
              ? t('annex.detail.readingDecided', { text: p.text, decimal: mark('decimal'), value: p.value, decidedBy: p.decidedBy })
              : t('annex.detail.readingAssumed', { text: p.text, decimal: mark('decimal'), value: p.value });
        return reading ? `${problem} ${reading}` : problem;
      }
      case 'not_a_number':
      case 'not_a_date':
      case 'cell_error':
      case 'unknown_indicator':
      case 'ambiguous_indicator':
        return p.text === undefined ? issue.message : t(`annex.detail.${issue.code}`, { text: p.text });
      case 'year_outside_plan':
        return t('annex.detail.year_outside_plan', { year: p.year, from: p.from, to: p.to });
      case 'duplicate':
        return t('annex.detail.duplicate', { code: p.code, year: p.year });
      case 'unit_mismatch':
        return t('annex.detail.unit_mismatch', { unit: p.unit, code: p.code, expected: p.expected });
      case 'unknown_scenario':
        return t('annex.detail.unknown_scenario', { name: p.name });
      default:
        return issue.message;
    }
  };

  return (
    <section className="export-view" aria-labelledby={`${ids}-heading`}>
      <header className="page-header">
        <div>
          <h1 className="page-title" id={`${ids}-heading`}>{t('annex.title')}</h1>
          <p className="page-subtitle">{t('annex.subtitle')}</p>
        </div>
      </header>

      <div role="status" aria-live="polite" className="export-status">{busy === 'export' ? t('annex.export.busy') : busy === 'import' ? t('annex.import.busy') : busy === 'apply' ? t('annex.import.applying') : message}</div>
      {failure && (
        <div role="alert" className="inline-alert">
          <strong>{failure.code === 'blocked' ? t('annex.export.blocked') : t(`error.codes.${failure.code}`, { defaultValue: t('error.title') })}</strong>{' '}
          {failure.code === 'blocked' && failure.params?.errors !== undefined
            ? t('annex.export.blockedDetail', {
                count: Number(failure.params.errors),
                first: i18n.language === 'en' ? failure.params.first_en : failure.params.first_id,
              })
            : failure.message}
          {failure.code === 'blocked' && (
            <button type="button" className="button" onClick={onOpenChecks}>
              {t('annex.export.openChecks')}
            </button>
          )}
        </div>
      )}

      <form className="card export-card" onSubmit={onExport} aria-labelledby={`${ids}-export`} aria-busy={busy === 'export'}>
        <h2 className="card-title" id={`${ids}-export`}>{t('annex.export.heading')}</h2>
        {summary.scenarios.length === 0 ? (
          <p className="muted">{t('annex.export.noScenario')}</p>
        ) : (
          <>
            <div className="form-row">
              <div className="form-field grow">
                <label htmlFor={`${ids}-scn`}>{t('annex.export.scenario')}</label>
                <select className="select" id={`${ids}-scn`} value={scenarioId ?? ''} onChange={(e) => setScenarioId(Number(e.target.value))}>
                  {summary.scenarios.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                      {s.status === 'usulan' ? ' (usulan)' : ''}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-field">
                <label htmlFor={`${ids}-lang`}>{t('annex.export.language')}</label>
                <select className="select" id={`${ids}-lang`} value={language} onChange={(e) => setLanguage(e.target.value as Lang)}>
                  <option value="id">{t('annex.export.langId')}</option>
                  <option value="en">{t('annex.export.langEn')}</option>
                </select>
              </div>
              <div className="form-field">
                <label htmlFor={`${ids}-paper`}>{t('annex.export.paper')}</label>
                <select className="select" id={`${ids}-paper`} value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
                  <option value="A4">A4</option>
                  <option value="F4">F4</option>
                </select>
              </div>
              <div className="form-field">
                <label htmlFor={`${ids}-changelog`}>{t('profile.changeLog')}</label>
                <select className="select" id={`${ids}-changelog`} value={changeLog} onChange={(e) => setChangeLog(e.target.value as ChangeLogMode)}>
                  <option value="net">{t('profile.changeLogNet')}</option>
                  <option value="full">{t('profile.changeLogFull')}</option>
                </select>
              </div>
            </div>
            <fieldset className="fieldset">
              <legend>{t('annex.export.signer')}</legend>
              <div className="form-row">
                {(['place', 'name', 'title', 'nip'] as const).map((k) => (
                  <div className="form-field grow" key={k}>
                    <label htmlFor={`${ids}-${k}`}>{t(k === 'title' ? 'annex.export.signerTitle' : `annex.export.${k}`)}</label>
                    <input className="input" id={`${ids}-${k}`} type="text" value={signer[k]} onChange={(e) => setSigner({ ...signer, [k]: e.target.value })} />
                  </div>
                ))}
              </div>
              <UseMyProfileButton onUse={(p) => setSigner({ ...signer, name: p.name, title: p.title, nip: p.nip })} />
            </fieldset>
            <div className="dialog-actions">
              <button type="submit" className="button button-primary" disabled={busy !== null}>
                {t('annex.export.button')}
              </button>
              <button type="button" className="button" disabled={busy !== null} onClick={() => void exportAnnex('pdf')}>
                {t('annex.export.buttonPdf')}
              </button>
            </div>
          </>
        )}
      </form>

      <section className="card export-card" aria-labelledby={`${ids}-import`}>
        <h2 className="card-title" id={`${ids}-import`}>{t('annex.import.heading')}</h2>
        <p className="muted">{t('annex.import.hint')}</p>
        <div className="form-row">
          <div className="form-field">
            <label htmlFor={`${ids}-series`}>{t('annex.import.series')}</label>
            <select className="select" id={`${ids}-series`} value={series} onChange={(e) => setSeries(e.target.value as ImportSeries)}>
              <option value="realisation">{t('annex.import.seriesRealisation')}</option>
              <option value="se">{t('annex.import.seriesSe')}</option>
              <option value="original_target">{t('annex.import.seriesOriginal')}</option>
              {scenarioId !== undefined && <option value="revised_target">{t('annex.import.seriesRevised')}</option>}
            </select>
          </div>
          <div className="form-field grow file-field">
            <label htmlFor={`${ids}-file`}>{t('annex.import.file')}</label>
            {/* The native control's own text ("Choose File") follows the browser, not the UI language. */}
            <span className="file-picker">
              <input id={`${ids}-file`} className="file-input" type="file" accept=".xlsx,.csv" onChange={(e) => void onFile(e)} disabled={busy !== null} />
              <label htmlFor={`${ids}-file`} className="button">
                {t('annex.import.choose')}
              </label>
              <span className="muted file-name" title={preview?.fileName}>
                {preview?.fileName ?? t('annex.import.noFile')}
              </span>
            </span>
          </div>
          <div className="form-field">
            <span className="field-label" aria-hidden="true">&nbsp;</span>
            <button type="button" className="button" onClick={() => void onTemplate()}>
              {t('annex.import.template')}
            </button>
          </div>
        </div>

        {preview && (
          <div className="import-preview" data-testid="import-preview">
            <p className="import-summary">
              <strong>{preview.fileName}</strong>:{' '}
              {preview.reviews
                ? t('review.import.summary', { new: preview.reviews.new, present: preview.reviews.present, rejected: preview.rejected.length })
                : preview.programmes
                ? t('annex.import.programmes.summary', {
                    programmes: preview.programmes.programmes.length,
                    new: preview.programmes.new,
                    changed: preview.programmes.changed,
                    unchanged: preview.programmes.unchanged,
                    rejected: preview.rejected.length,
                  })
                : t('annex.import.summary', { new: preview.new.length, changed: preview.changed.length, unchanged: preview.unchanged, rejected: preview.rejected.length })}
            </p>
            <div className="import-reading" data-testid="import-convention">
              <p>
                {!preview.convention
                  ? t('annex.import.convention.none')
                  : !preview.convention.decidedBy
                    ? t('annex.import.convention.assumed')
                    : preview.convention.perColumn
                      ? t('annex.import.convention.mixed')
                      : t('annex.import.convention.decided', { decimal: markWord(preview.convention.decimal), thousands: markWord(preview.convention.thousands), cell: cellText(preview.convention.decidedBy) })}
              </p>
              {preview.convention?.perColumn && (
                <ul className="issue-list">
                  {preview.convention.perColumn.map((c) => (
                    <li key={`${c.sheet}!${c.column}`}>
                      <span className="mono">{`${c.sheet}!${c.column}`}</span>{' '}
                      {c.decimal === null
                        ? t('annex.import.convention.columnNone')
                        : t('annex.import.convention.column', { decimal: markWord(c.decimal), thousands: markWord(c.thousands), cell: c.decidedBy ? cellText(c.decidedBy) : '' })}
                    </li>
                  ))}
                </ul>
              )}
              {preview.encoding === 'windows-1252' && <p>{t('annex.import.encoding1252')}</p>}
            </div>
            {changes.length > 0 && (
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('annex.import.colIndicator')}</th>
                    <th scope="col">{t('annex.import.colYear')}</th>
                    <th scope="col" className="num">{t('annex.import.colOld')}</th>
                    <th scope="col" className="num">{t('annex.import.colNew')}</th>
                    <th scope="col">{t('annex.import.colWhere')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.slice(0, 200).map((c) => (
                    <tr key={`${c.sheet}!${c.column}${c.row}`}>
                      <td>{nameIn(c.indicatorId, c.indicatorCode)}</td>
                      <td>{c.year}</td>
                      <td className="num">{shown(c.oldValue, c.indicatorId, c.oldProvisional)}</td>
                      <td className="num">{shown(c.newValue, c.indicatorId, c.provisional)}</td>
                      <td>{`${c.sheet}!${c.column}${c.row}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {changes.length > 200 && <p className="muted">{t('annex.import.more', { count: changes.length - 200 })}</p>}
            {preview.programmes && preview.programmes.programmes.length > 0 && <ProgrammeChanges part={preview.programmes} />}
            {preview.reviews && preview.reviews.notes.length > 0 && <ReviewImportPart part={preview.reviews} indicators={summary.indicators} />}
            {(preview.justifications?.length ?? 0) > 0 && (
              <TextChanges
                heading={t('annex.import.justificationsHeading', { count: preview.justifications!.length })}
                testId="import-justifications"
                rows={preview.justifications!.map((j) => ({ where: `${j.sheet}!${j.column}${j.row}`, indicator: nameIn(j.indicatorId, j.indicatorCode), now: j.oldText, next: j.newText }))}
              />
            )}
            {(preview.responsibleUnits?.length ?? 0) > 0 && (
              <TextChanges
                heading={t('annex.import.unitsHeading', { count: preview.responsibleUnits!.length })}
                testId="import-units"
                rows={preview.responsibleUnits!.map((u) => ({ where: `${u.sheet}!${u.column}${u.row}`, indicator: nameIn(u.indicatorId, u.indicatorCode), now: u.oldValue, next: u.newValue }))}
              />
            )}
            {preview.rejected.length > 0 && (
              <>
                <h3 className="subheading" id={`${ids}-rejected`}>{t('annex.import.rejectedHeading')}</h3>
                <table className="data-table" aria-labelledby={`${ids}-rejected`}>
                  <thead>
                    <tr>
                      <th scope="col">{t('annex.import.colSheet')}</th>
                      <th scope="col" className="num">{t('annex.import.colRow')}</th>
                      <th scope="col">{t('annex.import.colColumn')}</th>
                      <th scope="col">{t('annex.import.colMessage')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rejected.map((r, i) => (
                      <tr key={`${r.sheet}!${r.column}${r.row}:${r.code}:${i}`}>
                        <td>{r.sheet}</td>
                        <td className="num">{r.row}</td>
                        <td className="mono">{r.column}</td>
                        <td>
                          <strong>{t(`annex.rejection.${r.code}`, { defaultValue: r.code })}</strong>
                          <span className="muted"> — {detail(r)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            {preview.notices.length > 0 && (
              <>
                <h3 className="subheading">{t('annex.import.noticesHeading')}</h3>
                <ul className="issue-list">
                  {preview.notices.map((r, i) => (
                    <li key={`${r.sheet}!${r.column}${r.row}:${r.code}:${i}`}>
                      <span className="mono">{`${r.sheet}!${r.column}${r.row}`}</span> {t(`annex.notice.${r.code}`, { defaultValue: r.code })}
                      {detail(r) && <span className="muted"> — {detail(r)}</span>}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="dialog-actions">
              <button type="button" className="button button-primary" disabled={changeCount === 0 || busy !== null} onClick={() => void onApply()}>
                {t('annex.import.apply', { count: changeCount })}
              </button>
              <button type="button" className="button" disabled={busy !== null} onClick={onCancelPreview}>
                {t('annex.import.cancel')}
              </button>
            </div>
          </div>
        )}
      </section>
    </section>
  );
}

/** Texts an annex brings beside its numbers (justifications, Perangkat Daerah): now, from the file, where. */
function TextChanges({ heading, testId, rows }: { heading: string; testId: string; rows: { where: string; indicator: string; now: string | null; next: string | null }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="subheading">{heading}</h3>
      <table className="data-table import-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('annex.import.colIndicator')}</th>
            <th scope="col">{t('annex.import.colOldText')}</th>
            <th scope="col">{t('annex.import.colNewText')}</th>
            <th scope="col">{t('annex.import.colWhere')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.where}>
              <td>{r.indicator}</td>
              <td>{r.now ?? '–'}</td>
              <td>{r.next ?? '–'}</td>
              <td>{r.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Whole numbers (households, rupiah) the Indonesian way; the accuracy at full precision (82,5). */
const whole = (v: number | null) => (v === null ? '–' : formatNumber(v, 0));
const exact = (v: number | null) => (v === null ? '–' : formatExact(v));

/** A value of a year row: the new one, after the stored one where it differs (old → new). */
function OldNew({ old, next, format, suffix = '' }: { old: number | null | undefined; next: number | null; format: (v: number | null) => string; suffix?: string }) {
  if (old === undefined || old === next) return <>{`${format(next)}${next === null ? '' : suffix}`}</>;
  return (
    <>
      <span className="muted">{`${format(old)}${old === null ? '' : suffix}`}</span>
      {` → ${format(next)}${next === null ? '' : suffix}`}
    </>
  );
}

/**
 * A programme list's preview: per programme (name, cluster, Perangkat Daerah, strategy — from the
 * cluster where the file gives none — and whether it is new) its year rows, old → new.
 */
function ProgrammeChanges({ part }: { part: ImportProgrammes }) {
  const { t } = useTranslation();
  const rows = part.programmes.reduce((n, p) => n + p.years.length, 0);
  // At most 200 year rows are listed (as the cells above): each programme's share of them.
  const shown = part.programmes.map((p, i) => {
    const before = part.programmes.slice(0, i).reduce((n, q) => n + q.years.length, 0);
    return p.years.slice(0, Math.max(0, 200 - before));
  });
  return (
    <>
      <h3 className="subheading">{t('annex.import.programmes.heading', { count: part.programmes.length })}</h3>
      <table className="data-table import-table" data-testid="import-programmes">
        <thead>
          <tr>
            <th scope="col">{t('annex.import.programmes.colProgramme')}</th>
            <th scope="col">{t('annex.import.colYear')}</th>
            <th scope="col">{t('annex.import.programmes.colStatus')}</th>
            <th scope="col" className="num">{t('annex.import.programmes.colHouseholds')}</th>
            <th scope="col" className="num">{t('annex.import.programmes.colBenefit')}</th>
            <th scope="col" className="num">{t('annex.import.programmes.colAccuracy')}</th>
            <th scope="col" className="num">{t('annex.import.programmes.colBudget')}</th>
            <th scope="col">{t('annex.import.colWhere')}</th>
          </tr>
        </thead>
        <tbody>
          {part.programmes.map((p, n) => {
            const years = shown[n]!;
            if (years.length === 0) return null;
            const clusterWord = (v: ProgrammeCluster) => t(`annex.import.programmes.cluster.${v}`);
            const strategyWord = (v: ProgrammeStrategy) => t(`annex.import.programmes.strategy.${v}`);
            const cluster = p.old && p.old.cluster !== p.cluster ? `${clusterWord(p.old.cluster)} → ${clusterWord(p.cluster)}` : clusterWord(p.cluster);
            const strategy = p.old && p.old.strategy !== p.strategy ? `${strategyWord(p.old.strategy)} → ${strategyWord(p.strategy)}` : strategyWord(p.strategy);
            const agency = p.old && p.old.agency !== p.agency ? `${p.old.agency || '–'} → ${p.agency || '–'}` : p.agency || '–';
            return years.map((y, i) => (
              <tr key={`${p.sheet}!${p.column}${p.row}:${y.year}`} data-programme={p.name} data-status={y.status}>
                {i === 0 && (
                  <td rowSpan={years.length}>
                    <span className="strong">{p.name}</span> <span className="muted">({t(`annex.import.programmes.status.${p.status}`)})</span>
                    <br />
                    <span className="muted">
                      {cluster} · {agency}
                      <br />
                      {t('annex.import.programmes.strategyLine', { strategy })}
                      {p.strategyDefaulted ? ` ${t('annex.import.programmes.fromCluster')}` : ''}
                      {p.old?.illustrative && !p.illustrative ? ` · ${t('annex.import.programmes.illustrativeRemoved')}` : ''}
                    </span>
                  </td>
                )}
                <td>{y.year}</td>
                <td>{t(`annex.import.programmes.status.${y.status}`)}</td>
                <td className="num nowrap"><OldNew old={y.oldValues?.households} next={y.newValues.households} format={whole} /></td>
                <td className="num nowrap"><OldNew old={y.oldValues?.benefit} next={y.newValues.benefit} format={whole} /></td>
                <td className="num nowrap"><OldNew old={y.oldValues?.accuracy} next={y.newValues.accuracy} format={exact} suffix=" %" /></td>
                <td className="num nowrap"><OldNew old={y.oldValues?.budget} next={y.newValues.budget} format={whole} /></td>
                <td>{`${y.sheet}!${y.column}${y.row}`}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
      {rows > 200 && <p className="muted">{t('annex.import.more', { count: rows - 200 })}</p>}
    </>
  );
}
