/** The Target grid's fitted column widths (renderer/src/target/fit.ts): the longest cell, kept up to date write by write. */
import { describe, expect, it } from 'vitest';
import type { IndicatorValue, Plan, ScenarioTargets } from '../../shared/domain.js';
import { ColumnFit, MIN_WIDTH } from '../../renderer/src/target/fit.js';
import { applyCells, buildBaseRows, withTargets, type TargetRow } from '../../renderer/src/target/model.js';
import { mulberry32 } from '../../shared/seeded-random.js';
import { testIndicator } from '../helpers/indicators.js';

const plan: Plan = { region: 'Kab. Uji', province: 'Sumsel', baselineYear: 2017, firstYear: 2021, lastYear: 2022 };
const years = [2021, 2022];
const ind = testIndicator;
const P0 = ind(3, 'P0');
const JPM = ind(4, 'JPM', { unit: 'jiwa', decimals: 0, maxValue: null });
const original = (indicatorId: number, year: number, value: number): IndicatorValue => ({ indicatorId, year, series: 'original_target', value, source: 's', illustrative: false, provisional: false });
const base = buildBaseRows([P0, JPM], [original(3, 2021, 11.3), original(4, 2021, 72000)], plan);
const targets: ScenarioTargets = {
  scenarioId: 1,
  targets: [
    { indicatorId: 3, year: 2021, value: 12.6, origin: 'entered' },
    { indicatorId: 4, year: 2021, value: 80640, origin: 'derived' },
  ],
  justifications: [],
};
/** Ten pixels a character, whatever the font: widths by hand. */
const measure = (text: string) => text.length * 10;
const words = { loosen: 'longgar', tighten: 'ketat', derived: 'turunan' };

describe('ColumnFit', () => {
  it("is as wide as the longest cell: '80.640' with its 'turunan' badge", () => {
    const fit = new ColumnFit(years, words, measure);
    const widths = fit.update(withTargets(base, targets));
    // 6 characters (60) + badge 3 + 8 − 2 + 'turunan' (70) + padding 8 + safety 4 = 151.
    expect(widths.get('rev-2021')).toBe(151);
    // Δ JPM +8.640 with 'longgar': bold number 6 chars (60) + gap 4 + badge padding 8 + 70 + 8 + 4 = 154.
    expect(widths.get('delta-2021')).toBe(154);
    // No cell in 2022: the minimums.
    expect(widths.get('rev-2022')).toBe(MIN_WIDTH.rev);
    expect(widths.get('delta-2022')).toBe(MIN_WIDTH.delta);
  });

  it('narrows when the widest cell is typed shorter, and when its row goes', () => {
    const fit = new ColumnFit(years, words, measure);
    const rows = withTargets(base, targets);
    fit.update(rows);
    const typed = withTargets(base, applyCells(targets, [{ indicatorId: 4, year: 2021, value: 8 }]), rows);
    // JPM '8' (entered: no badge) is 22 wide, P0 '12,60' 62: the column's minimum.
    expect(fit.update(typed).get('rev-2021')).toBe(MIN_WIDTH.rev);
    const withoutJpm = rows.filter((r) => r.id !== 'indicator:JPM');
    const again = new ColumnFit(years, words, measure);
    again.update(rows);
    expect(again.update(withoutJpm).get('delta-2021')).toBe(new ColumnFit(years, words, measure).update(withoutJpm).get('delta-2021'));
    expect(again.update(withoutJpm).get('delta-2021')).toBeLessThan(154);
  });

  it('kept up to date over a run of writes, it answers what a fresh fit of the same rows answers', () => {
    const random = mulberry32(15);
    const fit = new ColumnFit(years, words, measure);
    let shown = targets;
    let rows: TargetRow[] = withTargets(base, shown);
    fit.update(rows);
    for (let i = 0; i < 200; i++) {
      const indicatorId = random() < 0.5 ? 3 : 4;
      const year = years[Math.floor(random() * years.length)]!;
      const value = random() < 0.15 ? null : indicatorId === 3 ? Math.round(random() * 10_000) / 100 : Math.round(random() * 10 ** (1 + Math.floor(random() * 7)));
      shown = applyCells(shown, [{ indicatorId, year, value }]);
      rows = withTargets(base, shown, rows);
      expect(new Map(fit.update(rows))).toEqual(new Map(new ColumnFit(years, words, measure).update(rows)));
    }
  });
});
