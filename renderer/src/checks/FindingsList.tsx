/**
 * The findings of a check run: counts by severity (which double as the filter), then one button
 * per error or warning — click or Enter opens the cell in the Target view (a focus request).
 * Info findings (context such as a provincial reference, references not evaluated, a path that
 * turns) follow under their own heading: they never block the proposal, and one about a year
 * outside the plan (Inpres 4/2022 for 2024 in a plan ending 2023) has no cell to open, so it is
 * shown as text, not as a button.
 */
import { useTranslation } from 'react-i18next';
import type { CheckReport } from '../../../shared/api/contract.js';
import { horizonOf, type Finding, type Indicator, type Plan, type Severity } from '../../../shared/domain.js';
import { SEVERITIES } from '../../../shared/domain.js';
import { checkCatalogue } from '../../../shared/model/checks.js';

/** A glyph beside the word, so severity never rests on colour alone. */
export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

interface Props {
  report: CheckReport | null;
  indicators: readonly Indicator[];
  /** The plan's target years: a finding in another year has no cell to open. */
  plan: Pick<Plan, 'firstYear' | 'lastYear' | 'horizonYear'>;
  filter: Severity | null;
  onFilter: (severity: Severity | null) => void;
  onOpen: (finding: Finding) => void;
}

export function SeverityBadge({ severity, count }: { severity: Severity; count?: number }) {
  const { t } = useTranslation();
  return (
    <span className={`severity severity-${severity}`}>
      <span aria-hidden="true">{SEVERITY_ICON[severity]}</span> {t(`compare.checks.severity.${severity}`)}
      {count !== undefined && <span className="severity-count">{count}</span>}
    </span>
  );
}

/** Whether a finding names a cell the Target grid shows (a year of the plan or its RPKD/RPD horizon, or the whole indicator). */
export function opensCell(f: Pick<Finding, 'year'>, plan: Pick<Plan, 'firstYear' | 'lastYear' | 'horizonYear'>): boolean {
  return f.year === null || (f.year >= plan.firstYear && f.year <= horizonOf(plan));
}

export function FindingsList({ report, indicators, plan, filter, onFilter, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const titles = new Map(checkCatalogue().map((c) => [c.id, c.title]));
  const findings = (report?.findings ?? []).filter((f) => filter === null || f.severity === filter);
  const problems = findings.filter((f) => f.severity !== 'info');
  const notes = findings.filter((f) => f.severity === 'info');
  const blocking = report ? report.counts.error + report.counts.warning : 0;

  const item = (f: Finding, i: number) => {
    const ind = byId.get(f.indicatorId);
    const name = ind ? (lang === 'en' ? ind.nameEn : ind.nameId) : f.indicatorCode;
    const opens = opensCell(f, plan);
    const where = [name, f.year === null ? null : String(f.year), opens ? t(`compare.checks.series.${f.series}`) : t('compare.checks.outsidePlan')].filter(Boolean).join(' · ');
    const title = titles.get(f.checkId);
    const body = (
      <>
        <SeverityBadge severity={f.severity} />
        <span className="finding-body">
          <span className="finding-where">{where}</span>
          <span className="finding-message">{f.message[lang]}</span>
          {title && <span className="finding-check">{title[lang]}</span>}
        </span>
      </>
    );
    const data = { 'data-check': f.checkId, 'data-indicator': f.indicatorCode, 'data-year': f.year ?? '', 'data-severity': f.severity };
    return (
      <li key={`${f.checkId}:${f.indicatorId}:${f.year ?? ''}:${i}`}>
        {opens ? (
          <button type="button" className={`finding finding-${f.severity}`} onClick={() => onOpen(f)} {...data}>
            {body}
            <span className="finding-open" aria-hidden="true">
              {t('compare.checks.open')} →
            </span>
          </button>
        ) : (
          <div className={`finding finding-${f.severity} finding-static`} {...data}>
            {body}
          </div>
        )}
      </li>
    );
  };

  return (
    <div className="findings">
      <div className="severity-filter" role="group" aria-label={t('compare.checks.filter')}>
        <button type="button" className="filter-button" aria-pressed={filter === null} onClick={() => onFilter(null)}>
          {t('compare.checks.all')} <span className="severity-count">{report?.findings.length ?? '…'}</span>
        </button>
        {SEVERITIES.map((s) => (
          <button
            key={s}
            type="button"
            className={`filter-button filter-${s}`}
            aria-pressed={filter === s}
            onClick={() => onFilter(filter === s ? null : s)}
            data-testid={`count-${s}`}
            data-count={report?.counts[s] ?? ''}
          >
            <SeverityBadge severity={s} count={report?.counts[s]} />
          </button>
        ))}
      </div>

      {report && findings.length === 0 && (
        <p className="findings-empty">{filter === null ? t('compare.checks.noneAtAll') : t('compare.checks.noneOfSeverity')}</p>
      )}
      {report && filter === null && blocking === 0 && notes.length > 0 && <p className="findings-empty">{t('compare.checks.noProblems')}</p>}
      <ul className="finding-list" aria-label={t('compare.checks.listLabel')}>
        {problems.map(item)}
      </ul>
      {notes.length > 0 && (
        <section className="finding-notes" aria-labelledby="finding-notes-title">
          <h3 id="finding-notes-title" className="finding-notes-title">
            <SeverityBadge severity="info" count={notes.length} /> {t('compare.checks.notesTitle')}
          </h3>
          <p className="hint">{t('compare.checks.notesHint')}</p>
          <ul className="finding-list finding-list-notes" aria-label={t('compare.checks.notesTitle')}>
            {notes.map(item)}
          </ul>
        </section>
      )}
    </div>
  );
}
