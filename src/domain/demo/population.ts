import { DATA_YEARS, LAST_YEAR } from './calendar.js';
import type { DemoGeography, PlacedBuurt } from './geography.js';
import { createRandom, deriveSeed, type Random } from './random.js';

/** Inhabitants, households and dwellings of one buurt per data year (index 0 = 2014). */
export interface BuurtPopulation {
  inhabitants: number[];
  households: number[];
  dwellings: number[];
}

/** Bounds for an ordinary residential buurt; CBS buurten are drawn to roughly this size. */
const MIN_RESIDENTIAL = 350;
const MAX_RESIDENTIAL = 3950;
/**
 * The emptiest polder buurten of a gemeente hold only scattered farms (fewer than 200
 * inhabitants), so that the demo shows CBS suppression of their income figures.
 */
const HAMLETS_PER_GEMEENTE = 2;

/**
 * Populations per buurt: in 2024 proportional to area × density, scaled so that each gemeente
 * reaches its planned total, then traced back with a small growth rate per buurt. Inhabitants
 * and households are rounded to 5 as CBS does for buurten; dwellings (a BAG count) are not.
 * @example buildPopulations(geography, 20241).get('BU99010101')!.inhabitants.length // 11
 */
export function buildPopulations(
  geography: DemoGeography,
  seed: number,
): Map<string, BuurtPopulation> {
  const random = createRandom(deriveSeed(seed, 'population'));
  const result = new Map<string, BuurtPopulation>();
  for (const gemeente of geography.gemeenten) {
    const buurten = gemeente.wijken.flatMap((wijk) => wijk.buurten);
    const latest = latestPopulations(buurten, gemeente.plan.population2024, random);
    buurten.forEach((buurt, i) => {
      result.set(buurt.code, history(buurt, latest[i]!, random));
    });
  }
  return result;
}

/** Unrounded 2024 populations; the scale factor is found by bisection because of the clamps. */
function latestPopulations(buurten: PlacedBuurt[], target: number, random: Random): number[] {
  const spread = buurten.map(() => Math.exp(0.18 * random.normal()));
  const hamlets = new Set(
    buurten
      .map((buurt, i) => ({
        i,
        raw: buurt.kind === 'rural' ? buurt.areaKm2 * buurt.density * spread[i]! : Infinity,
      }))
      .filter((entry) => entry.raw < Infinity)
      .sort((a, b) => a.raw - b.raw)
      .slice(0, HAMLETS_PER_GEMEENTE)
      .map((entry) => entry.i),
  );
  const fixed = buurten.map((buurt, i) => {
    if (buurt.kind === 'industrial') return random.uniform(10, 25);
    if (buurt.kind === 'new_build') return random.uniform(2300, 3000);
    if (hamlets.has(i)) return random.uniform(70, 185);
    return null;
  });
  const at = (scale: number): number[] =>
    buurten.map((buurt, i) => {
      const own = fixed[i];
      if (own !== null && own !== undefined) return own;
      const raw = scale * buurt.areaKm2 * buurt.density * spread[i]!;
      // Rural buurten are the thinly populated polders: they may fall below CBS's income threshold.
      return buurt.kind === 'rural'
        ? clamp(raw, 60, 950)
        : clamp(raw, MIN_RESIDENTIAL, MAX_RESIDENTIAL);
    });
  let low = 0;
  let high = 10;
  for (let i = 0; i < 60; i += 1) {
    const mid = (low + high) / 2;
    if (sum(at(mid)) < target) low = mid;
    else high = mid;
  }
  return at((low + high) / 2);
}

function history(buurt: PlacedBuurt, latest: number, random: Random): BuurtPopulation {
  const growth = 0.005 + 0.004 * random.normal();
  // Household size: small in the centre (singles, students), larger in family suburbs and farms.
  const size2014 = clamp(2.6 - 0.95 * buurt.urbanity + 0.06 * random.normal(), 1.45, 2.8);
  const vacancy = 1.02 + 0.035 * buurt.urbanity + 0.008 * Math.abs(random.normal());
  const inhabitants: number[] = [];
  const households: number[] = [];
  const dwellings: number[] = [];
  for (const year of DATA_YEARS) {
    const yearsBack = LAST_YEAR - year;
    let people = latest * (1 + growth) ** -yearsBack * (1 + 0.004 * random.normal());
    if (buurt.kind === 'new_build') people = latest * newBuildShare(year);
    if (buurt.kind === 'industrial') people = clamp(latest + 3 * random.normal(), 10, 25);
    // Households shrink by about 0.4% a year, as the national average household size does.
    const size = buurt.kind === 'industrial' ? 2.2 : size2014 * 0.996 ** (year - DATA_YEARS[0]!);
    const roundedPeople = Math.max(5, round5(people));
    const roundedHouseholds = Math.max(5, round5(people / size));
    inhabitants.push(roundedPeople);
    households.push(roundedHouseholds);
    dwellings.push(Math.max(2, Math.round((people / size) * vacancy)));
  }
  return { inhabitants, households, dwellings };
}

/** A new-build district fills between about 2016 and 2022. */
function newBuildShare(year: number): number {
  return 0.1 + 0.9 / (1 + Math.exp(-(year - 2018.5) / 1.2));
}

/**
 * Round to a multiple of 5, as CBS publishes buurt counts.
 * @example round5(1234) // 1235
 */
export function round5(value: number): number {
  return 5 * Math.round(value / 5);
}

/**
 * The value limited to [min, max].
 * @example clamp(12, 0, 10) // 10
 */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
