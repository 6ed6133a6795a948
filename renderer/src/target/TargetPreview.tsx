/**
 * Beside the target grid: the chart of the indicator being worked on (target awal, target
 * perubahan as it now stands, realisasi, reference lines) and the scenario's check counts, both
 * following every write the moment it is typed — the same checks Pemeriksaan runs
 * (shared/model/checks.ts), here on the renderer's own copy of the targets.
 */
import { useLayoutEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding, Indicator, IndicatorValue, Plan, ReferenceTarget, ScenarioTargets, ShockYear, MethodBreak } from '../../../shared/domain.js';
import { SEVERITIES } from '../../../shared/domain.js';
import { CheckState, countBySeverity, type CheckInput, type IndicatorUpdate } from '../../../shared/model/checks.js';
import { IndicatorChart } from '../charts/IndicatorChart.js';
import { buildIndicatorChart } from '../charts/series.js';
import { SeverityBadge } from '../checks/FindingsList.js';
import { markEditSettled } from '../perf-marks.js';
import type { TargetRow } from './model.js';

interface Props {
  plan: Plan;
  indicators: readonly Indicator[];
  values: readonly IndicatorValue[];
  scenarioName: string;
  targets: ScenarioTargets;
  /** The grid's rows for `targets`: a row object that did not change since the last render is the same object. */
  rows: readonly TargetRow[];
  indicator: Indicator;
  references: readonly ReferenceTarget[];
  shockYears: readonly ShockYear[];
  methodBreaks: readonly MethodBreak[];
  /** When the revision is made: the checks treat earlier years as history. */
  revisionDate: string | null;
}

/**
 * The checks of one scenario over one set of workbook data, brought up to date with each new set
 * of grid rows: recomputed only for the indicators whose rows changed (and the ones whose checks
 * read them — CheckState knows which). A province-size scenario has thousands of cells, and a
 * full run on every keystroke would cost more than the rest of the edit.
 */
class IncrementalFindings {
  private state: CheckState | null = null;
  private rows: readonly TargetRow[] = [];

  constructor(
    private readonly data: Omit<CheckInput, 'targets' | 'justifications'>,
    readonly scenarioId: number,
  ) {}

  /** The findings for `targets`, whose grid rows are `rows` (unchanged rows are the same objects). */
  findings(targets: ScenarioTargets, rows: readonly TargetRow[]): Finding[] {
    const state = this.state;
    if (!state || this.rows.length !== rows.length) {
      this.state = new CheckState({ ...this.data, targets: targets.targets, justifications: targets.justifications });
      this.rows = rows;
      return this.state.findings();
    }
    const changes: IndicatorUpdate[] = [];
    rows.forEach((row, i) => {
      if (row !== this.rows[i] && row.kind === 'indicator') {
        changes.push({ indicatorId: row.indicator.id, targets: Object.values(row.revised), justification: row.justification });
      }
    });
    if (changes.length) state.update(changes);
    this.rows = rows;
    return state.findings();
  }
}

/** The checks' findings for the rows shown; a new scenario or new workbook data starts afresh. */
function useFindings(props: Pick<Props, 'plan' | 'indicators' | 'values' | 'targets' | 'rows' | 'references' | 'shockYears' | 'methodBreaks' | 'revisionDate'>) {
  const { plan, indicators, values, targets, rows, references, shockYears, methodBreaks, revisionDate } = props;
  const scenarioId = targets.scenarioId;
  // The same input the services' checks read (electron/services/checks.ts), so the counts agree with Pemeriksaan.
  const checks = useMemo(
    () => new IncrementalFindings({ plan, indicators, values, references, shockYears, methodBreaks, revisionDate }, scenarioId),
    [plan, indicators, values, references, shockYears, methodBreaks, revisionDate, scenarioId],
  );
  return useMemo(() => checks.findings(targets, rows), [checks, targets, rows]);
}

export function TargetPreview(props: Props) {
  const { plan, values, scenarioName, targets, indicator, references, shockYears, revisionDate } = props;
  const { t, i18n } = useTranslation();
  const name = i18n.language === 'en' ? indicator.nameEn : indicator.nameId;

  const findings = useFindings(props);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const mine = useMemo(() => findings.filter((f) => f.indicatorId === indicator.id).length, [findings, indicator.id]);

  const model = useMemo(
    () => buildIndicatorChart({ plan, indicator, values, scenarios: [{ name: scenarioName, targets, role: 'revised' }], references, shockYears, revisionDate }),
    [plan, indicator, values, scenarioName, targets, references, shockYears, revisionDate],
  );

  // After the chart (a child, whose layout effect draws it) and the counts show new targets.
  useLayoutEffect(() => {
    markEditSettled();
  }, [targets]);

  return (
    <section id="target-preview" className="card card-wide target-preview" aria-label={t('target.preview.label')} data-testid="target-preview">
      <div className="target-preview-chart">
        <IndicatorChart model={model} compact bandKey fileParts={[scenarioName]} />
      </div>
      <div className="target-preview-checks" data-testid="target-preview-checks">
        <h2 className="card-title">{t('target.preview.checks')}</h2>
        <ul className="target-preview-counts">
          {SEVERITIES.map((s) => (
            <li key={s} data-severity={s} data-count={counts[s]}>
              <SeverityBadge severity={s} count={counts[s]} />
            </li>
          ))}
        </ul>
        <p className="hint">{t('target.preview.forIndicator', { indicator: name, count: mine })}</p>
        <p className="hint">{t('target.preview.hint')}</p>
      </div>
    </section>
  );
}
