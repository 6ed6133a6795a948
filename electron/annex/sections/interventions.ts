/**
 * Lampiran IV — Rencana Intervensi: the programmes behind the poverty path, what they do to it and
 * the gap to the regency's reference target (issue 17) — the Intervensi of the exported scenario
 * made by the caller (services/interventions.ts, the same as interventions.get and the CLI's
 * `feasibility --json`), laid out here and nothing recomputed. Unlike the other sheets it runs
 * past the RPJMD period, to the RPKD/RPD horizon (horizonOf(plan)), and its title says so.
 *
 *   A  the programmes as entered: No, name, cluster, Inpres 4/2022 strategy, Perangkat Daerah,
 *      and a row per year — households, benefit (Rp per household a month), targeting accuracy,
 *      budget;
 *   B  per year: P0 without the programmes (the scenario's path), the reference target, the
 *      programmes' budget, then under "Perkiraan model": P0 with them, people lifted, cost per
 *      person lifted, the gap (percentage points and people) and the budget to close it
 *      ("batas bawah" where more of the same cannot close it);
 *   C  what the estimate rests on: the poverty line used each year and its basis ("dibawa dari
 *      2024" when carried), the average size of a poor household, σ and its base year, the
 *      reference targets — each with its source.
 *
 * Then the ilustrasi line, the rules, the footnote (a model estimate, never a forecast, and the
 * report's assumptions) and the report's problems as located sentences: every error and warning,
 * and the informational ones — but 'target_missing' and 'no_programmes', which a plan with one
 * reference year makes of every other year, are said in one line with their years. A number the
 * model could not give prints "– (n)", n numbering the sentence that says why.
 *
 * The three tables share the sheet's column grid (every block does): each is laid out in its own
 * columns within the printable width, and the grid is the union of their boundaries.
 */
import { ANNEX_SHEETS } from '../../../shared/annex.js';
import type { Comparison, Programme } from '../../../shared/domain.js';
import { formatNumber } from '../../../shared/format/number.js';
import type { PovertyLineUsed } from '../../../shared/interventions.js';
import type { InterventionProblem, InterventionYear } from '../../../shared/model/interventions.js';
import { roundTo } from '../../../shared/model/rounding.js';
import type { DocBlock, DocCell, DocCellStyle, DocSection, DocTable } from '../document.js';
import type { AnnexData } from '../gather.js';
import { fillWidths, footerText, HEAD, numberWidth, raperdaHeader, text, titleLines } from './common.js';

const SIGN: Record<Comparison, string> = { lt: '<', le: '≤', eq: '=', ge: '≥', gt: '>' };
/** Grid boundaries closer than this (column units) are merged: no sliver columns on paper. */
const MIN_COLUMN = 1.5;
/** Informational codes said in one line with their years instead of a sentence a year. */
const COMPACT: ReadonlySet<InterventionProblem['code']> = new Set(['target_missing', 'no_programmes']);
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Several tables on one column grid: the union of their column boundaries (each table's widths
 * summing to about the same total), boundaries closer than MIN_COLUMN merged. `span(t, from,
 * count)` is how many grid columns table t's columns from…from+count−1 cover.
 */
export function sharedGrid(layouts: readonly (readonly number[])[]): { columns: number[]; span: (table: number, from: number, count: number) => number } {
  const half = (x: number) => Math.round(x * 2) / 2;
  const edges = layouts.map((widths) => {
    let x = 0;
    return [0, ...widths.map((w) => half((x += w)))];
  });
  const right = Math.max(...edges.map((e) => e[e.length - 1]!));
  const kept: number[] = [0];
  for (const b of [...new Set(edges.flat())].sort((a, b) => a - b)) {
    if (b - kept[kept.length - 1]! >= MIN_COLUMN) kept.push(b);
  }
  // The right edge is every table's: the last boundary kept becomes it.
  if (kept.length === 1) kept.push(right);
  else kept[kept.length - 1] = right;
  const index = (b: number): number => {
    let best = 0;
    for (let i = 1; i < kept.length; i++) if (Math.abs(kept[i]! - b) < Math.abs(kept[best]! - b)) best = i;
    return best;
  };
  return {
    columns: kept.slice(1).map((b, i) => b - kept[i]!),
    span: (t, from, count) => Math.max(1, index(edges[t]![from + count]!) - index(edges[t]![from]!)),
  };
}

/** Rows laid out on a table's own `n` columns, re-spanned on the grid (rowSpans from above skip their columns). */
function onGrid(rows: DocCell[][], n: number, span: (from: number, count: number) => number): DocCell[][] {
  const taken = rows.map(() => new Array<boolean>(n).fill(false));
  return rows.map((cells, r) => {
    let c = 0;
    return cells.map((cell) => {
      while (c < n && taken[r]![c]) c++;
      const k = Math.max(1, Math.min(cell.colSpan ?? 1, n - c));
      const down = Math.min(rows.length, r + Math.max(1, cell.rowSpan ?? 1));
      for (let rr = r; rr < down; rr++) for (let cc = c; cc < c + k; cc++) taken[rr]![cc] = true;
      const g = span(c, k);
      c += k;
      const { colSpan: _drop, ...rest } = cell;
      return g > 1 ? { ...rest, colSpan: g } : rest;
    });
  });
}

/** The fewest decimals (up to 2) that show `v` as it is: 80 → 0, 87,5 → 1. */
function decimalsOf(v: number): number {
  for (let d = 0; d < 2; d++) if (roundTo(v, d) === v) return d;
  return 2;
}

/**
 * The width (column units) a header needs so that its longest word is never broken: about 0,9
 * unit a bold letter at 9 pt (as numberWidth counts a digit), and the padding; at least `min`.
 */
function headWidth(label: string, min: number): number {
  const longest = Math.max(0, ...label.split(/\s+/).map((w) => w.length));
  return Math.max(min, Math.ceil((longest * 0.9 + 1.2) * 2) / 2);
}

/** "2021–2023, 2025" from years in any order. */
export function yearRanges(years: readonly number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j]! + 1) j++;
    parts.push(j === i ? `${ys[i]}` : `${ys[i]}–${ys[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

export function interventionsSection(d: AnnexData): DocSection {
  const { L, lang } = d;
  const I = L.interventions;
  const D = d.interventions;
  const view = D.view;
  const report = view.report;
  const programmes: Programme[] = D.programmes;
  const byId = new Map(programmes.map((p) => [p.id, p]));

  // The problems listed as sentences (errors, then warnings, then info), numbered for the cells they empty.
  const listed = report.problems
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => !(p.severity === 'info' && COMPACT.has(p.code)))
    .sort((a, b) => SEVERITY_ORDER[a.p.severity] - SEVERITY_ORDER[b.p.severity] || a.i - b.i)
    .map(({ p }) => p);
  const refs = (...fields: string[]): string => listed.flatMap((p, i) => (fields.some((f) => p.fields.includes(f)) ? [String(i + 1)] : [])).join(', ');
  const refsOf = (code: InterventionProblem['code']): string => listed.flatMap((p, i) => (p.code === code ? [String(i + 1)] : [])).join(', ');
  const dashed = (n: string): DocCell => text(n ? I.missing(n) : '–', { align: 'center', wrap: true });

  let anyIllustrative = false;
  const mark = (illustrative: boolean): DocCellStyle => {
    if (!illustrative) return {};
    anyIllustrative = true;
    return { italic: true, fill: 'illustrative' };
  };
  /** A number of the report (× `scale`, rounded as shown), or "– (n)" naming the problems that leave `field` null. */
  const value = (v: number | null | undefined, field: string | null, decimals: number, opts: { scale?: number; illustrative?: boolean } = {}): DocCell => {
    if (v === null || v === undefined || !Number.isFinite(v)) return dashed(field ? refs(field) : '');
    return { kind: 'number', value: roundTo(v * (opts.scale ?? 1), decimals), decimals, style: { align: 'right', ...mark(opts.illustrative ?? false) } };
  };
  const head = (t: string, span?: { colSpan?: number; rowSpan?: number }): DocCell => text(t, HEAD, span);
  const caption = (t: string, n: number): DocCell[] => [text(t, { bold: true, fill: 'group', wrap: true }, { colSpan: n })];
  const top: DocCellStyle = { valign: 'top', wrap: true };
  const shown = (vs: readonly (number | null | undefined)[], decimals: number, scale = 1): string[] =>
    vs.flatMap((v) => (v === null || v === undefined || !Number.isFinite(v) ? [] : [formatNumber(roundTo(v * scale, decimals), decimals)]));

  // What makes a year's estimate illustrative: σ from an illustrative fit, an illustrative poverty line, an illustrative programme.
  const lineOf = new Map(view.povertyLines.map((l) => [l.year, l]));
  const sigmaIllustrative = d.feasibility.base.illustrative;
  const programmeIllustrative = (y: InterventionYear) => y.programmes.some((e) => byId.get(e.programmeId)?.illustrative ?? false);
  const yearIllustrative = (y: InterventionYear) => y.programmes.length > 0 && (sigmaIllustrative || (lineOf.get(y.year)?.illustrative ?? false) || programmeIllustrative(y));

  // ---- A: the programmes ----
  const progRows: DocCell[][] = [];
  programmes.forEach((p, i) => {
    const years = [...p.years].sort((a, b) => a.year - b.year);
    const n = Math.max(1, years.length);
    const rs = n > 1 ? { rowSpan: n } : undefined;
    const lead = [
      text(String(i + 1), { align: 'center', valign: 'top' }, rs),
      text(p.name, { ...top, ...mark(p.illustrative) }, rs),
      text(I.clusters[p.cluster], top, rs),
      text(I.strategies[p.strategy], top, rs),
      text(p.agency, top, rs),
    ];
    if (years.length === 0) {
      progRows.push([...lead, text(I.noYears, { italic: true, align: 'center' }, { colSpan: 5 })]);
      return;
    }
    years.forEach((y, k) => {
      progRows.push([
        ...(k === 0 ? lead : []),
        text(String(y.year), { align: 'center' }),
        value(y.households, null, 0, { illustrative: p.illustrative }),
        value(y.benefit, null, 0, { illustrative: p.illustrative }),
        value(y.accuracy, null, decimalsOf(y.accuracy), { illustrative: p.illustrative }),
        y.budget === null ? text(I.budgetUnknown, { align: 'center', italic: true, wrap: true }) : value(y.budget, null, 0, { illustrative: p.illustrative }),
      ]);
    });
  });
  if (programmes.length === 0) progRows.push([text(I.noProgrammes, { italic: true }, { colSpan: 10 })]);
  const allYears = programmes.flatMap((p) => p.years);
  const progHeader: DocCell[][] = [
    caption(I.programmesCaption, 10),
    [I.no, I.programme, I.cluster, I.strategy, I.agency, I.year, I.households, I.benefit, I.accuracy, I.budget].map((t) => head(t)),
  ];
  const progWidths = fillWidths(d.pageUnits, [
    { fixed: numberWidth([String(programmes.length)], 4) },
    { flex: 3, min: 18 },
    { flex: 1.1, min: 11 },
    { flex: 1.5, min: 13 },
    { flex: 1.5, min: 13 },
    { fixed: headWidth(I.year, 6) },
    { fixed: numberWidth(shown(allYears.map((y) => y.households), 0), headWidth(I.households, 10)) },
    { fixed: numberWidth(shown(allYears.map((y) => y.benefit), 0), headWidth(I.benefit, 10)) },
    { fixed: numberWidth(shown(allYears.map((y) => y.accuracy), 2), headWidth(I.accuracy, 10)) },
    { fixed: numberWidth(shown(allYears.map((y) => y.budget), 0), headWidth(I.budget, 12)) },
  ]);

  // ---- B: the effect per year ----
  const targetOf = new Map(view.targets.map((t) => [t.year, t]));
  const effectRows: DocCell[][] = report.years.map((y) => {
    const at = `years.${y.year}`;
    const ill = yearIllustrative(y);
    const target = targetOf.get(y.year);
    const remark =
      y.closableByScaling === false ? text(I.lowerBound, { bold: true, align: 'center', wrap: true })
      : y.gapPp !== null && y.gapPp <= 0 ? text(I.targetMet, { align: 'center', wrap: true })
      : text('', {});
    return [
      text(String(y.year), { align: 'center' }),
      value(y.p0Without, `${at}.p0Without`, 2, { scale: 100 }),
      y.target === null ? dashed('') : text(target?.label ?? '', { wrap: true }),
      value(y.target, null, 2, { scale: 100 }),
      value(y.budget, `${at}.budget`, 0, { illustrative: y.programmes.some((e) => byId.get(e.programmeId)?.illustrative ?? false) }),
      value(y.p0With, `${at}.p0With`, 2, { scale: 100, illustrative: ill }),
      value(y.peopleLifted, `${at}.peopleLifted`, 0, { illustrative: ill }),
      value(y.costPerPersonLifted, `${at}.costPerPersonLifted`, 0, { illustrative: ill }),
      value(y.gapPp, `${at}.gapPp`, 2, { scale: 100, illustrative: ill }),
      value(y.gapPeople, `${at}.gapPeople`, 0, { illustrative: ill }),
      value(y.budgetToClose, `${at}.budgetToClose`, 0, { illustrative: ill }),
      remark,
    ];
  });
  const effectHeader: DocCell[][] = [
    caption(I.effectCaption, 12),
    [head(I.year, { rowSpan: 3 }), head(I.p0Without, { rowSpan: 3 }), head(I.targetGroup, { colSpan: 2, rowSpan: 2 }), head(I.programmeBudget, { rowSpan: 3 }), head(I.modelGroup, { colSpan: 7 })],
    [head(I.p0With, { rowSpan: 2 }), head(I.peopleLifted, { rowSpan: 2 }), head(I.costPerPerson, { rowSpan: 2 }), head(I.gapGroup, { colSpan: 2 }), head(I.budgetToCloseGroup, { colSpan: 2 })],
    [head(I.targetLabel), head(I.targetValue), head(I.gapPp), head(I.gapPeople), head(I.rupiah), head(I.remark)],
  ];
  const ys = report.years;
  const effectWidths = fillWidths(d.pageUnits, [
    { fixed: headWidth(I.year, 6) },
    { fixed: numberWidth(shown(ys.map((y) => y.p0Without), 2, 100), headWidth(I.p0Without, 10)) },
    { flex: 1, min: headWidth(I.targetLabel, 12) },
    { fixed: numberWidth(shown(ys.map((y) => y.target), 2, 100), headWidth(I.targetValue, 7)) },
    { fixed: numberWidth(shown(ys.map((y) => y.budget), 0), headWidth(I.programmeBudget, 11)) },
    { fixed: numberWidth(shown(ys.map((y) => y.p0With), 2, 100), headWidth(I.p0With, 10)) },
    { fixed: numberWidth(shown(ys.map((y) => y.peopleLifted), 0), headWidth(I.peopleLifted, 10)) },
    { fixed: numberWidth(shown(ys.map((y) => y.costPerPersonLifted), 0), headWidth(I.costPerPerson, 11)) },
    { fixed: numberWidth(shown(ys.map((y) => y.gapPp), 2, 100), headWidth(I.gapPp, 8)) },
    { fixed: numberWidth(shown(ys.map((y) => y.gapPeople), 0), headWidth(I.gapPeople, 8)) },
    { fixed: numberWidth(shown(ys.map((y) => y.budgetToClose), 0), headWidth(I.rupiah, 12)) },
    { flex: 0.7, min: headWidth(`${I.remark} ${I.lowerBound} ${I.targetMet}`, 9) },
  ]);

  // ---- C: what the estimate rests on ----
  const basisRows: DocCell[][] = [];
  const lineSource = (l: PovertyLineUsed): string =>
    l.basis === 'target' ? I.lineFromTarget(d.scenario.name) : (D.povertyLineSource(l.basis === 'carried' ? (l.from ?? l.year) : l.year) ?? '').trim() || '–';
  type LineGroup = { first: number; last: number; line: PovertyLineUsed; source: string };
  const groups: LineGroup[] = [];
  for (const l of [...view.povertyLines].sort((a, b) => a.year - b.year)) {
    const source = lineSource(l);
    const g = groups[groups.length - 1];
    if (g && g.last === l.year - 1 && g.line.value === l.value && g.line.basis === l.basis && g.line.from === l.from && g.line.illustrative === l.illustrative && g.source === source) g.last = l.year;
    else groups.push({ first: l.year, last: l.year, line: l, source });
  }
  if (groups.length === 0) {
    basisRows.push([text(I.povertyLine, top), dashed(''), dashed(refsOf('poverty_line_missing')), text(I.notSet, { italic: true }), dashed('')]);
  } else {
    groups.forEach((g, k) => {
      // A source shared by the next rows is said once, over them.
      const prevSame = k > 0 && groups[k - 1]!.source === g.source;
      let same = 1;
      while (k + same < groups.length && groups[k + same]!.source === g.source) same++;
      basisRows.push([
        ...(k === 0 ? [text(I.povertyLine, top, groups.length > 1 ? { rowSpan: groups.length } : undefined)] : []),
        text(g.first === g.last ? `${g.first}` : `${g.first}–${g.last}`, { align: 'center' }),
        value(g.line.value, null, 0, { illustrative: g.line.illustrative }),
        text(I.lineBasis(g.line), { wrap: true }),
        ...(prevSame ? [] : [text(g.source, top, same > 1 ? { rowSpan: same } : undefined)]),
      ]);
    });
  }
  const h = view.householdSize;
  basisRows.push([
    text(I.householdSize, top),
    dashed(''),
    h === null ? dashed(refsOf('household_size_missing')) : value(h, null, decimalsOf(h)),
    text(I.householdSizeBasis, { wrap: true }),
    text(d.settings.poorHouseholdSizeSource?.trim() || I.notSet, top),
  ]);
  const fittedFrom = d.feasibility.base.fittedFrom;
  basisRows.push([
    text(I.sigma, top),
    view.baseYear === null ? dashed('') : text(String(view.baseYear), { align: 'center' }),
    view.sigma === null ? dashed(refsOf('sigma_missing')) : value(view.sigma, null, 4, { illustrative: sigmaIllustrative }),
    text(I.sigmaBasis(fittedFrom === null ? null : L.feasibility.fittedFromWords[fittedFrom]), { wrap: true }),
    text(I.sigmaSource, top),
  ]);
  view.targets.forEach((t, k) => {
    const ref = D.reference(t.year, t.label, t.value);
    basisRows.push([
      ...(k === 0 ? [text(I.referenceTarget, top, view.targets.length > 1 ? { rowSpan: view.targets.length } : undefined)] : []),
      text(String(t.year), { align: 'center' }),
      value(t.value, null, 2),
      text(I.referenceBasis(t.label, SIGN[ref?.comparison ?? 'lt'], formatNumber(t.value, decimalsOf(t.value))), { wrap: true }),
      text(ref?.source.trim() || '–', top),
    ]);
  });
  const basisHeader: DocCell[][] = [caption(I.basisCaption, 5), [I.input, I.year, I.value, I.basis, I.source].map((t) => head(t))];
  const basisWidths = fillWidths(d.pageUnits, [
    { flex: 1.4, min: 18 },
    { fixed: headWidth(I.year, 10) },
    { fixed: numberWidth([...shown(view.povertyLines.map((l) => l.value), 0), ...shown([h], 2), ...shown([view.sigma], 4), ...shown(view.targets.map((t) => t.value), 2)], 10) },
    { flex: 1.2, min: 14 },
    { flex: 3, min: 26 },
  ]);

  // ---- the grid and the blocks ----
  const grid = sharedGrid([progWidths, effectWidths, basisWidths]);
  const columns = grid.columns.map((width) => ({ width }));
  const table = (t: number, n: number, header: DocCell[][], body: DocCell[][]): DocTable => ({
    columns,
    header: onGrid(header, n, (from, count) => grid.span(t, from, count)),
    body: onGrid(body, n, (from, count) => grid.span(t, from, count)),
  });
  const blocks: DocBlock[] = [{ kind: 'table', table: table(0, 10, progHeader, progRows) }];
  if (report.years.length === 0) blocks.push({ kind: 'lines', heading: I.effectCaption, lines: [I.noYearsToShow] });
  else blocks.push({ kind: 'table', table: table(1, 12, effectHeader, effectRows) });
  blocks.push({ kind: 'table', table: table(2, 5, basisHeader, basisRows) });

  // Under the tables, across the page: the ilustrasi line first (it explains the marked cells above), the rules, the footnote.
  const rules: string[] = anyIllustrative ? [I.illustrative] : [];
  const income = programmes.filter((p) => p.benefitKind === 'income');
  if (income.length > 0) rules.push(I.incomeEffect(income.map((p) => p.name).join(', ')));
  if (view.targets.length > 0) rules.push(I.gapRule);
  if (report.years.some((y) => y.closableByScaling === false)) rules.push(I.lowerBoundRule);
  rules.push(`${I.footnote(report.label[lang])} ${report.assumptions.map((a, i) => `(${i + 1}) ${a[lang]}`).join(' ')}`);
  blocks.push({ kind: 'lines', lines: rules, style: { italic: true } });

  const compact = (code: InterventionProblem['code']): string | null => {
    const years = report.problems.flatMap((p) => (p.code === code && p.severity === 'info' && p.year !== null ? [p.year] : []));
    return years.length > 0 ? yearRanges(years) : null;
  };
  const lines = listed.map((p, i) => problemLine(d, p, i + 1));
  const noTarget = compact('target_missing');
  const noProgrammes = compact('no_programmes');
  if (noTarget !== null || noProgrammes !== null) lines.push(I.compactInfo({ noTarget, noProgrammes }));
  if (lines.length > 0) blocks.push({ kind: 'lines', heading: I.problemsHeading, lines });

  const first = [...report.years.map((y) => y.year), ...allYears.map((y) => y.year)];
  const titles = titleLines(d, `${L.lampiran('IV')} — ${L.sheet7Title}`);
  // After the plan's period: the years this sheet covers, and that they reach past it.
  titles.splice(3, 0, I.coverage({ first: first.length > 0 ? Math.min(...first) : null, horizon: D.horizon, planFirst: d.plan.firstYear, planLast: d.plan.lastYear }));

  return {
    sheet: ANNEX_SHEETS[6],
    headerBlock: raperdaHeader(d, 'IV'),
    titles,
    table: { columns, header: [], body: [] },
    blocks,
    notes: [],
    footer: footerText(d, L.lampiran('IV')),
  };
}

/** "(2) Peringatan — Program "Bantuan Pangan" 2024: …": a problem where it is, in the annex's language. */
function problemLine(d: AnnexData, p: InterventionProblem, n: number): string {
  const I = d.L.interventions;
  const name = p.programmeId !== undefined ? d.interventions.programmes.find((x) => x.id === p.programmeId)?.name : undefined;
  const where =
    p.indicator === 'programme' ? (name !== undefined ? `${I.programme} "${name}"` : I.programmeWhere)
    : p.indicator === 'household_size' ? I.householdSizeWhere
    : p.indicator;
  return `(${n}) ${d.L.severity[p.severity]} — ${where}${p.year !== null ? ` ${p.year}` : ''}: ${p.message[d.lang]}`;
}
