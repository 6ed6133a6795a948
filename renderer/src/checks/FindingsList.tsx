/**
 * The findings of a check run: counts by severity (which double as the filter), then one button
 * per finding — click or Enter opens the cell in the Target view (a focus request).
 */
import { useTranslation } from 'react-i18next';
import type { CheckReport } from '../../../shared/api/contract.js';
import type { Finding, Indicator, Severity } from '../../../shared/domain.js';
import { SEVERITIES } from '../../../shared/domain.js';
import { checkCatalogue } from '../../../shared/model/checks.js';

/** A glyph beside the word, so severity never rests on colour alone. */
export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

interface Props {
  report: CheckReport | null;
  indicators: readonly Indicator[];
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

export function FindingsList({ report, indicators, filter, onFilter, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const titles = new Map(checkCatalogue().map((c) => [c.id, c.title]));
  const findings = (report?.findings ?? []).filter((f) => filter === null || f.severity === filter);

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
      <ul className="finding-list" aria-label={t('compare.checks.listLabel')}>
        {findings.map((f, i) => {
          const ind = byId.get(f.indicatorId);
          const name = ind ? (lang === 'en' ? ind.nameEn : ind.nameId) : f.indicatorCode;
          const where = [name, f.year === null ? null : String(f.year), t(`compare.checks.series.${f.series}`)].filter(Boolean).join(' · ');
          const title = titles.get(f.checkId);
          return (
            <li key={`${f.checkId}:${f.indicatorId}:${f.year ?? ''}:${i}`}>
              <button
                type="button"
                className={`finding finding-${f.severity}`}
                onClick={() => onOpen(f)}
                data-check={f.checkId}
                data-indicator={f.indicatorCode}
                data-year={f.year ?? ''}
                data-severity={f.severity}
              >
                <SeverityBadge severity={f.severity} />
                <span className="finding-body">
                  <span className="finding-where">{where}</span>
                  <span className="finding-message">{f.message[lang]}</span>
                  {title && <span className="finding-check">{title[lang]}</span>}
                </span>
                <span className="finding-open" aria-hidden="true">
                  {t('compare.checks.open')} →
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
