import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../../../shared/api/result.js';
import type { RecentFile } from '../../../shared/domain.js';
import { currentLanguage } from '../i18n/index.js';

type PathAction = (kind: 'open' | 'create', path: string, readOnly?: boolean) => Promise<Failure | null>;

interface Props {
  recent: RecentFile[];
  busy: boolean;
  onOpenDemo: () => void;
  onOpenPath: (path: string) => void;
  /**
   * The browser host only (a page cannot browse the disk; Electron has its menu's dialogs): open or
   * create a workbook at a typed path, answering the refusal.
   */
  onPath?: PathAction | undefined;
  /** Opens the Provinsi view, which reads a folder of workbooks and needs none open. */
  onOpenProvince?: (() => void) | undefined;
}

/** Refusals the service words with a reason (as the alert region says them). */
const WORDED_REASONS = ['read_only_folder', 'disk_full', 'not_a_workbook', 'path_not_chosen'] as const;
type WordedReason = (typeof WORDED_REASONS)[number];
/** A full path: /…, C:\… or C:/…, or \\server\share. */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** No workbook open: open the demo, one of the recent files, or (browser host) a typed path. */
export function EmptyState({ recent, busy, onOpenDemo, onOpenPath, onPath, onOpenProvince }: Props) {
  const { t, i18n } = useTranslation();
  const dateFormat = new Intl.DateTimeFormat(currentLanguage(i18n.language) === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const formatDate = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
  };

  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title" className="page-title">
        {t('empty.title')}
      </h1>
      <p className="lead">{t('empty.body')}</p>
      <div className="empty-actions">
        <button type="button" className="button button-primary" onClick={onOpenDemo} disabled={busy}>
          {t('empty.openDemo')}
        </button>
        <p className="hint">{t('empty.demoHint')}</p>
      </div>

      {onPath && <PathForm busy={busy} run={onPath} />}

      {onOpenProvince && (
        <section className="province-empty-entry" aria-labelledby="empty-province-title">
          <h2 id="empty-province-title" className="section-title">
            {t('province.empty.title')}
          </h2>
          <p className="hint">{t('province.empty.body')}</p>
          <button type="button" className="button" onClick={onOpenProvince}>
            {t('province.empty.open')}
          </button>
        </section>
      )}

      <h2 className="section-title">{t('empty.recentTitle')}</h2>
      {recent.length === 0 ? (
        <p className="muted">{t('empty.recentNone')}</p>
      ) : (
        <ul className="recent-list">
          {recent.map((file) => {
            const name = baseName(file.path);
            return (
              <li key={file.path} className="recent-item">
                <div className="recent-text">
                  <span className="recent-name">{name}</span>
                  <span className="recent-path" title={file.path}>
                    {file.path}
                  </span>
                  <span className="recent-date">{t('empty.openedAt', { date: formatDate(file.openedAt) })}</span>
                </div>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  aria-label={t('empty.openRecent', { name })}
                  onClick={() => onOpenPath(file.path)}
                >
                  {t('common.open')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * A path field with Buka and Buat baru. What the page can check (empty, not a full path, a new
 * workbook without .rpjmd) is said before anything is sent; the service's refusals are said in
 * the UI language beside the field, with "Buka hanya-baca" where the file can still be read.
 */
function PathForm({ busy, run }: { busy: boolean; run: PathAction }) {
  const { t } = useTranslation();
  const ids = { field: useId(), hint: useId(), problem: useId(), title: useId() };
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<{ text: string; readOnly: string | null } | null>(null);
  const [running, setRunning] = useState(false);

  const refusal = (f: Failure, typed: string): string => {
    const file = String(f.params?.file ?? typed);
    const folder = String(f.params?.folder ?? '');
    const reason = f.params?.reason;
    if (typeof reason === 'string' && (WORDED_REASONS as readonly string[]).includes(reason)) return t(`error.reasons.${reason as WordedReason}`, { file, folder });
    if (f.code === 'not_found') return t('empty.pathNotFound', { file });
    if (f.code === 'already_exists') return t('empty.pathExists', { file });
    if (f.code === 'io_error') return t('empty.pathIo', { file, folder: folder || typed });
    return `${t(`error.codes.${f.code}`, { defaultValue: t('error.title') })} (${file})`;
  };

  const submit = async (kind: 'open' | 'create', readOnly = false) => {
    const typed = path.trim();
    const local = !typed
      ? t('empty.pathEmpty')
      : !ABSOLUTE.test(typed)
        ? t('empty.pathNotAbsolute', { path: typed })
        : kind === 'create' && !/\.rpjmd$/i.test(typed)
          ? t('empty.pathExtension', { example: `${typed.replace(/\.[^./\\]*$/, '')}.rpjmd` })
          : null;
    if (local) {
      setProblem({ text: local, readOnly: null });
      return;
    }
    setProblem(null);
    setRunning(true);
    try {
      const f = await run(kind, typed, readOnly);
      if (f) setProblem({ text: refusal(f, typed), readOnly: kind === 'open' && !readOnly && (f.code === 'locked' || f.params?.reason === 'read_only_folder') ? typed : null });
    } finally {
      setRunning(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit('open');
  };
  const disabled = busy || running;
  return (
    <section className="path-open" aria-labelledby={ids.title}>
      <h2 id={ids.title} className="section-title">
        {t('empty.pathTitle')}
      </h2>
      {/* A typed path is not work to lose: closing the page does not ask about it (unsaved-guard.ts). */}
      <form className="path-form" onSubmit={onSubmit} data-unsaved-ignore="">
        <label htmlFor={ids.field} className="field-label">
          {t('empty.pathLabel')}
        </label>
        <div className="path-row">
          <input
            id={ids.field}
            className="input path-input"
            type="text"
            value={path}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${ids.hint} ${ids.problem}`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => {
              setPath(e.target.value);
              if (problem) setProblem(null);
            }}
          />
          <button type="submit" className="button button-primary" disabled={disabled}>
            {t('empty.pathOpen')}
          </button>
          <button type="button" className="button" disabled={disabled} onClick={() => void submit('create')}>
            {t('empty.pathCreate')}
          </button>
        </div>
        <p id={ids.hint} className="hint">
          {t('empty.pathHint')}
        </p>
        <div id={ids.problem} className="path-problem" role="alert">
          {problem && (
            <>
              <span>{problem.text}</span>
              {problem.readOnly !== null && (
                <button type="button" className="button" disabled={disabled} onClick={() => void submit('open', true)}>
                  {t('error.openReadOnly')}
                </button>
              )}
            </>
          )}
        </div>
      </form>
    </section>
  );
}
