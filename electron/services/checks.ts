/** Runs the shared checks (shared/model/checks.ts) on a scenario of the open workbook. */
import { AppError } from '../../shared/api/result.js';
import type { CheckReport } from '../../shared/api/contract.js';
import { countBySeverity, runChecks } from '../../shared/model/checks.js';
import type { Workbook } from '../workbook/store.js';


export function checkScenario(wb: Workbook, scenarioId: number): CheckReport {
  const { targets, justifications } = wb.scenarioStore('').targets(scenarioId);
  const findings = runChecks({
    plan: wb.plan(),
    indicators: wb.indicators(),
    values: wb.values(),
    targets,
    justifications,
    references: wb.references(),
    shockYears: wb.shockYears(),
  });
  return { scenarioId, findings, counts: countBySeverity(findings) };
}

/** Refuses an action while error-level findings remain, naming the first few. */
export function requireNoErrors(report: CheckReport, action: string): void {
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const shown = errors.slice(0, 3).map((f) => f.message.en).join('; ');
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  throw new AppError('blocked', `Cannot ${action}: ${errors.length} error(s) in Pemeriksaan: ${shown}${more}`, {
    errors: errors.length,
  });
}
