/**
 * Rate ↔ count through population (issue 3, item 5): the number of poor follows the poverty
 * rate of a scenario's population projection, and the other way round. The one home of
 * count = rate × population.
 */
import { ModelError, requireFinite } from './errors.js';
import { roundTo } from './rounding.js';

function checkPopulation(population: number): void {
  requireFinite(population, 'population');
  if (population <= 0) {
    throw new ModelError('invalid_population', `population must be above 0, got ${population}`, { value: population });
  }
}

function checkRate(rate: number): void {
  requireFinite(rate, 'rate');
  if (rate < 0 || rate > 100) {
    throw new ModelError('rate_out_of_range', `a rate must be between 0 and 100 %, got ${rate}`, { value: rate });
  }
}

function checkCount(count: number, population: number): void {
  requireFinite(count, 'count');
  if (count < 0 || count > population) {
    throw new ModelError('count_out_of_range', `a count must be between 0 and the population ${population}, got ${count}`, {
      value: count,
      population,
    });
  }
}

/**
 * count = rate/100 × population, rounded half away from zero to whole people.
 * e.g. 12,32 % of 643.425 = 79.269,96 → 79.270.
 * @throws ModelError invalid_population (≤ 0), rate_out_of_range (outside 0–100), not_finite.
 */
export function countFromRate(rate: number, population: number): number {
  checkRate(rate);
  checkPopulation(population);
  return roundTo((rate / 100) * population, 0);
}

/**
 * rate = count / population × 100, at full precision: the caller rounds to the indicator's
 * decimals. e.g. 79.270 of 643.425 = 12,320006… %.
 * @throws ModelError invalid_population (≤ 0), count_out_of_range (< 0 or > population), not_finite.
 */
export function rateFromCount(count: number, population: number): number {
  checkPopulation(population);
  checkCount(count, population);
  return (count / population) * 100;
}

/**
 * True when `count` could come from a rate shown with `rateDecimals` decimals: the rate stands
 * for anything within ±0,5·10^(−rateDecimals) of it, which moves the count by that /100 ×
 * population, plus 0,5 for rounding the count to whole people:
 *   |count − rate × population / 100| ≤ 0,5·10^(−rateDecimals)/100 × population + 0,5
 * e.g. 12,32 % and 79.270 fit a population of 643.425 (tolerance 32,7) but not SP2020's
 * 612.900 (75.509 expected): BPS counts the poor against its own Susenas projection.
 * A relative 1e−9 slack keeps a count exactly on the boundary from failing on float noise.
 */
export function isCountConsistent(rate: number, count: number, population: number, rateDecimals: number): boolean {
  checkRate(rate);
  checkPopulation(population);
  checkCount(count, population);
  if (!Number.isInteger(rateDecimals) || rateDecimals < 0 || rateDecimals > 15) {
    throw new ModelError('invalid_argument', `rateDecimals must be an integer from 0 to 15, got ${rateDecimals}`, {
      name: 'rateDecimals',
      value: rateDecimals,
    });
  }
  const tolerance = ((0.5 * Math.pow(10, -rateDecimals)) / 100) * population + 0.5;
  return Math.abs(count - (rate * population) / 100) <= tolerance * (1 + 1e-9);
}
