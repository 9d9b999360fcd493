import { DATA_YEARS, FIRST_YEAR } from './calendar.js';
import type { DemoGeography, PlacedBuurt } from './geography.js';
import type { Point } from './planar.js';
import type { BuurtPopulation } from './population.js';
import { createRandom, deriveSeed, valueNoise, type Random } from './random.js';

/**
 * How a buurt develops over 2014–2024. `under_pressure` buurten are the ones later features
 * (veerkracht, ranking) must find: rising deprivation and nuisance. `regeneration` buurten are
 * renewed and improve clearly.
 */
export type TrendRole =
  'improving' | 'under_pressure' | 'regeneration' | 'new_build' | 'industrial';

export interface BuurtLatent {
  role: TrendRole;
  /** Deprivation per data year in standard deviations across buurten (index 0 = 2014). */
  deprivation: number[];
  /** Deprivation in 2014; the housing stock follows this, not the yearly path. */
  baseDeprivation: number;
}

/** Buurten smaller than this are not picked for a trend role: their figures would be secret. */
const MIN_ROLE_POPULATION = 800;

/**
 * The latent deprivation factor per buurt: a spatially smooth field (bumps at the wijken the
 * plan marks as poorer or richer, plus smooth noise), standardised over buurten, then a path
 * over the years according to the buurt's role.
 * @example buildLatents(geography, populations, 20241).get('BU99010301')!.role // e.g. 'under_pressure'
 */
export function buildLatents(
  geography: DemoGeography,
  populations: ReadonlyMap<string, BuurtPopulation>,
  seed: number,
): Map<string, BuurtLatent> {
  const random = createRandom(deriveSeed(seed, 'latent'));
  const fieldSeed = deriveSeed(seed, 'deprivation-field');
  const bumps = geography.gemeenten.flatMap((g) =>
    g.wijken.map((w) => ({
      at: w.centroid,
      height: w.plan.deprivation,
      sigma: Math.max(0.9, Math.sqrt(w.areaKm2) / 2),
    })),
  );
  const field = (p: Point): number =>
    bumps.reduce(
      (sum, b) =>
        sum +
        b.height * Math.exp(-((p[0] - b.at[0]) ** 2 + (p[1] - b.at[1]) ** 2) / (2 * b.sigma ** 2)),
      0,
    ) +
    0.45 * valueNoise(fieldSeed, p[0], p[1], 2.5);

  const buurten = geography.gemeenten.flatMap((g) => g.wijken.flatMap((w) => w.buurten));
  const raw = buurten.map((b) => field(b.centroid) + 0.22 * random.normal());
  const mean = raw.reduce((s, v) => s + v, 0) / raw.length;
  const sd = Math.sqrt(raw.reduce((s, v) => s + (v - mean) ** 2, 0) / raw.length);
  const base = new Map(buurten.map((b, i) => [b.code, (raw[i]! - mean) / sd]));

  const roles = assignRoles(geography, base, populations);
  const result = new Map<string, BuurtLatent>();
  for (const buurt of buurten) {
    const role = roles.get(buurt.code) ?? roleOfKind(buurt);
    const start = base.get(buurt.code)!;
    result.set(buurt.code, {
      role,
      baseDeprivation: start,
      deprivation: path(start, role, random),
    });
  }
  return result;
}

function roleOfKind(buurt: PlacedBuurt): TrendRole {
  if (buurt.kind === 'industrial') return 'industrial';
  if (buurt.kind === 'new_build') return 'new_build';
  return 'improving';
}

/** Per wijk, the most deprived sizeable buurten come under pressure, the next ones regenerate. */
function assignRoles(
  geography: DemoGeography,
  base: ReadonlyMap<string, number>,
  populations: ReadonlyMap<string, BuurtPopulation>,
): Map<string, TrendRole> {
  const roles = new Map<string, TrendRole>();
  for (const wijk of geography.gemeenten.flatMap((g) => g.wijken)) {
    const candidates = wijk.buurten
      .filter((b) => b.kind === 'residential')
      .filter((b) => Math.min(...populations.get(b.code)!.inhabitants) >= MIN_ROLE_POPULATION)
      .sort((a, b) => base.get(b.code)! - base.get(a.code)!);
    const pressure = wijk.plan.underPressure ?? 0;
    const regeneration = wijk.plan.regeneration ?? 0;
    candidates.slice(0, pressure).forEach((b) => roles.set(b.code, 'under_pressure'));
    candidates
      .slice(pressure, pressure + regeneration)
      .forEach((b) => roles.set(b.code, 'regeneration'));
  }
  return roles;
}

/** Total change in deprivation over the decade, by role (standard deviations). */
function decadeChange(role: TrendRole, random: Random): number {
  switch (role) {
    case 'under_pressure':
      return random.uniform(1.3, 1.7);
    case 'regeneration':
      return -random.uniform(1.0, 1.3);
    case 'new_build':
      return -0.3;
    case 'industrial':
      return 0;
    case 'improving':
      return -0.15 + 0.1 * random.normal();
  }
}

/** A straight trend plus small autocorrelated noise, so trends read as trends. */
function path(start: number, role: TrendRole, random: Random): number[] {
  const change = decadeChange(role, random);
  let noise = 0;
  return DATA_YEARS.map((year) => {
    noise = 0.6 * noise + 0.04 * random.normal();
    return start + (change * (year - FIRST_YEAR)) / 10 + noise;
  });
}
