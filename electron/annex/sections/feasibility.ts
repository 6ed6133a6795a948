/**
 * Kelayakan Target: what the exported scenario's P0 targets ask of the economy, from the region's
 * own consumption distribution — the report of shared/model/feasibility.ts, made by the caller
 * (services/feasibility.ts, the same as the Target view's panel and `npm run cli -- feasibility`),
 * laid out here and nothing recomputed: rates as shares and growth as fractions become percent
 * (× 100, stored rounded to the decimals shown, so what a reviewer copies is what the page says).
 *
 *   A  the base year's lognormal: P0, P1, σ and what it was fitted from, the Gini ratio and P2
 *      (BPS) against the model's, the P2 gap;
 *   B  the region's record: each realised year's fall in P0, the consumption growth it implies
 *      and the economy's growth, the mean and best year (the rating's bounds), the pass-through;
 *   C  per target year: the target, the growth it needs (cumulative and a year), the people who
 *      must leave poverty that year, the economic growth that needs at the pass-through, a rating.
 *
 * A number the model could not compute prints "– (n)", n numbering the problems listed as
 * sentences under the tables (indicator, year, series, and what to enter); when σ cannot be
 * fitted there are no tables at all, only those sentences (first). Right under the tables, across the
 * page: the rating rule with the region's bounds, the footnote (a model, not a projection; its
 * assumptions) and, where an input is illustrative, the ilustrasi line (those cells in italic on
 * the light fill, as in Lampiran I and II).
 */
import { ANNEX_SHEETS } from '../../../shared/annex.js';
import { formatNumber } from '../../../shared/format/number.js';
import type { FeasibilityProblem, FeasibilityReport } from '../../../shared/model/feasibility.js';
import { roundTo } from '../../../shared/model/rounding.js';
import type { DocBlock, DocCell, DocCellStyle, DocSection, DocTable } from '../document.js';
import type { AnnexData } from '../gather.js';
import { footerText, HEAD, text, titleLines } from './common.js';

/** The sheet's grid: ten columns across the printable width; each table's cells span them. */
const GRID = 10;

/** "1,45 %": a fraction as percent in the annex's number form (id-ID, as every number in its text). */
export function percentText(fraction: number, decimals = 2): string {
  return `${formatNumber(fraction * 100, decimals)} %`;
}

export function feasibilitySection(d: AnnexData): DocSection {
  const { L } = d;
  const F = L.feasibility;
  const r: FeasibilityReport = d.feasibility;
  const unit = Math.floor((d.pageUnits / GRID) * 2) / 2;
  const columns = Array.from({ length: GRID }, () => ({ width: unit }));
  const grid = (header: DocCell[][], body: DocCell[][]): DocTable => ({ columns, header, body });

  /** The problems' numbers (1-based, in the report's order) that leave `field` null. */
  const refs = (field: string): string => r.problems.flatMap((p, i) => (p.fields.includes(field) ? [String(i + 1)] : [])).join(', ');
  const missing = (field: string, span = 1): DocCell => {
    const n = refs(field);
    return text(n ? F.missing(n) : '–', { align: 'center' }, span > 1 ? { colSpan: span } : undefined);
  };
  const mark = (illustrative: boolean): DocCellStyle => (illustrative ? { italic: true, fill: 'illustrative' } : {});
  /** A number of the report, × `scale` and rounded as shown; "– (n)" where it is null. */
  const value = (v: number | null, field: string, decimals: number, opts: { scale?: number; span?: number; illustrative?: boolean } = {}): DocCell => {
    const span = opts.span ?? 1;
    if (v === null || !Number.isFinite(v)) return missing(field, span);
    return {
      kind: 'number',
      value: roundTo(v * (opts.scale ?? 1), decimals),
      decimals,
      style: { align: 'right', ...mark(opts.illustrative ?? false) },
      ...(span > 1 ? { colSpan: span } : {}),
    };
  };
  const caption = (t: string): DocCell[] => [text(t, { bold: true, fill: 'group', wrap: true }, { colSpan: GRID })];
  const head = (t: string, span = 1, rowSpan = 1): DocCell => text(t, HEAD, { ...(span > 1 ? { colSpan: span } : {}), ...(rowSpan > 1 ? { rowSpan } : {}) });

  const blocks: DocBlock[] = [];
  const b = r.base;
  const fitted = b.sigma !== null && b.year !== null;
  if (b.sigma === null || b.year === null) {
    blocks.push({ kind: 'lines', lines: [F.noFit], style: { bold: true } });
  } else {
    // A: the fit.
    const ill = b.illustrative;
    blocks.push({
      kind: 'table',
      table: grid(
        [caption(F.fitCaption(b.year)), [F.baseYear, F.p0, F.p1, F.sigma, F.fittedFrom, F.giniKnown, F.giniModel, F.p2Known, F.p2Model, F.p2Gap].map((t) => head(t))],
        [[
          text(String(b.year), { align: 'center', ...mark(ill) }),
          value(b.p0, 'base.p0', 2, { scale: 100, illustrative: ill }),
          value(b.p1, 'base.p1', 2, { scale: 100, illustrative: ill }),
          value(b.sigma, 'base.sigma', 4, { illustrative: ill }),
          b.fittedFrom === null ? missing('base.fittedFrom') : text(F.fittedFromWords[b.fittedFrom], { align: 'center', wrap: true, ...mark(ill) }),
          value(b.gini, 'base.gini', 3, { illustrative: ill }),
          value(b.giniPredicted, 'base.giniPredicted', 3, { illustrative: ill }),
          value(b.p2, 'base.p2', 2, { scale: 100, illustrative: ill }),
          value(b.p2Predicted, 'base.p2Predicted', 3, { scale: 100, illustrative: ill }),
          value(b.p2Gap, 'base.p2Gap', 3, { scale: 100, illustrative: ill }),
        ]],
      ),
    });

    // B: the record.
    const rec = r.record;
    if (rec.years.length === 0) {
      blocks.push({ kind: 'lines', lines: [F.noRecord] });
    } else {
      // The implied growth (and the mean, best and pass-through from it) uses the base year's σ: a
      // fit from an illustrative input makes them illustrative too, whatever the record year's own marks.
      const viaSigma = (own: boolean) => own || b.illustrative;
      const body: DocCell[][] = rec.years.map((y) => [
        text(String(y.year), { align: 'center', ...mark(y.illustrative) }, { colSpan: 2 }),
        value(y.p0From, `record.years.${y.year}.p0From`, 2, { scale: 100, span: 2, illustrative: y.illustrative }),
        value(y.p0To, `record.years.${y.year}.p0To`, 2, { scale: 100, span: 2, illustrative: y.illustrative }),
        value(y.impliedGrowth, `record.years.${y.year}.impliedGrowth`, 2, { scale: 100, span: 2, illustrative: viaSigma(y.illustrative) }),
        value(y.economicGrowth, `record.years.${y.year}.economicGrowth`, 2, { scale: 100, span: 2, illustrative: y.illustrative }),
      ]);
      const label = (t: string): DocCell => text(t, { bold: true, align: 'right', wrap: true }, { colSpan: 6 });
      const bound = (t: string | null): DocCell => text(t ?? '', { align: 'left', wrap: true, italic: true }, { colSpan: 2 });
      body.push(
        [label(F.recordMean), value(rec.meanImpliedGrowth, 'record.meanImpliedGrowth', 2, { scale: 100, span: 2, illustrative: viaSigma(rec.illustrative) }), rec.realisticUpTo === null ? missing('record.realisticUpTo', 2) : bound(F.realisticBound(percentText(rec.realisticUpTo)))],
        [label(F.recordBest), value(rec.bestImpliedGrowth, 'record.bestImpliedGrowth', 2, { scale: 100, span: 2, illustrative: viaSigma(rec.illustrative) }), rec.ambitiousUpTo === null ? missing('record.ambitiousUpTo', 2) : bound(F.ambitiousBound(percentText(rec.ambitiousUpTo)))],
        [label(F.passThrough), value(rec.passThrough, 'record.passThrough', 3, { span: 4, illustrative: viaSigma(rec.illustrative) })],
      );
      blocks.push({
        kind: 'table',
        table: grid([caption(F.recordCaption), [head(F.year, 2), head(F.p0From, 2), head(F.p0To, 2), head(F.impliedGrowth, 2), head(F.economicGrowth, 2)]], body),
      });
    }

    // C: the target years.
    if (r.years.length === 0) {
      blocks.push({ kind: 'lines', lines: [F.noTargets] });
    } else {
      const body: DocCell[][] = r.years.map((y) => {
        const at = `years.${y.year}`;
        const ill = y.illustrative;
        return [
          text(String(y.year), { align: 'center', ...mark(ill) }),
          value(y.target, `${at}.target`, 2, { scale: 100 }),
          value(y.requiredGrowth, `${at}.requiredGrowth`, 2, { scale: 100, illustrative: ill }),
          value(y.requiredGrowthPerYear, `${at}.requiredGrowthPerYear`, 2, { scale: 100, illustrative: ill }),
          value(y.peopleOut, `${at}.peopleOut`, 0, { span: 2, illustrative: ill }),
          value(y.economicGrowthNeeded, `${at}.economicGrowthNeeded`, 2, { scale: 100, span: 2, illustrative: ill }),
          y.rating === null ? missing(`${at}.rating`, 2) : text(F.ratings[y.rating], { align: 'center', bold: y.rating === 'beyond_record', wrap: true, ...mark(ill) }, { colSpan: 2 }),
        ];
      });
      blocks.push({
        kind: 'table',
        table: grid(
          [
            caption(F.targetsCaption(b.year)),
            [head(F.year, 1, 2), head(F.target, 1, 2), head(F.requiredGrowth, 2), head(F.peopleOut, 2, 2), head(F.economicGrowthNeeded, 2, 2), head(F.rating, 2, 2)],
            [head(F.cumulative(b.year)), head(F.perYear)],
          ],
          body,
        ),
      });
    }
  }

  // The rating rule and the footnote right under the tables, across the page (as legend lines, at
  // three quarters of its width, they made a page of their own); then what could not be computed.
  // The ilustrasi line first: it explains the marked cells just above it.
  const rules: string[] = r.illustrative ? [F.illustrative] : [];
  if (r.years.some((y) => y.rating !== null && y.rating !== 'no_record') && r.record.realisticUpTo !== null && r.record.ambitiousUpTo !== null) {
    rules.push(F.ratingRule(percentText(r.record.realisticUpTo), percentText(r.record.ambitiousUpTo)));
  } else if (r.years.some((y) => y.rating === 'no_record')) {
    rules.push(F.ratingRuleNoRecord);
  }
  rules.push(`${F.footnote} ${F.assumptions.map((a, i) => `(${i + 1}) ${a}`).join('; ')}.`);
  const problems: DocBlock[] = r.problems.length === 0 ? [] : [{ kind: 'lines', heading: F.problemsHeading, lines: r.problems.map((p, i) => problemLine(d, p, i + 1)) }];
  // Without a fit the numbers to enter are the sheet's news: they come first.
  if (fitted) blocks.push({ kind: 'lines', lines: rules, style: { italic: true } }, ...problems);
  else blocks.push(...problems, { kind: 'lines', lines: rules, style: { italic: true } });

  return {
    sheet: ANNEX_SHEETS[5],
    headerBlock: [],
    titles: titleLines(d, L.sheet6Title),
    table: { columns, header: [], body: [] },
    blocks,
    notes: [],
    footer: footerText(d, L.sheet6Title),
  };
}

/** "(2) Peringatan — PE 2020, realisasi: …": a problem where it is, in the annex's language. */
function problemLine(d: AnnexData, p: FeasibilityProblem, n: number): string {
  const F = d.L.feasibility;
  const where = p.series === 'revision_date' ? F.series.revision_date : `${p.indicator}${p.year !== null ? ` ${p.year}` : ''}, ${F.series[p.series]}`;
  return `(${n}) ${d.L.severity[p.severity]} — ${where}: ${p.message[d.lang]}`;
}
