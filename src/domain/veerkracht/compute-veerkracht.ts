import { AppError } from '../shared/app-error.js';
import type { VeerkrachtConfig } from './veerkracht-config.js';
import { VEERKRACHT_DISCLAIMER_EN, VEERKRACHT_DISCLAIMER_NL } from './disclaimer.js';
import { needPercentiles } from './need-percentiles.js';
import { QUADRANTS, quadrantOf, type Quadrant } from './quadrants.js';
import { mean, populationStandardDeviation } from './statistics.js';

export { QUADRANT_LABELS, QUADRANTS, type Quadrant } from './quadrants.js';
export { VEERKRACHT_DISCLAIMER_EN, VEERKRACHT_DISCLAIMER_NL } from './disclaimer.js';

/**
 * The veerkracht (resilience) signal per area between two years Y1 → Y2: the change in the
 * concentration of vulnerable residents set against the change in nuisance and unsafety
 * (Aedes veerkrachtkaarten, domain.md §2 and §9.7). A signal for a conversation, not a
 * diagnosis: every result carries VEERKRACHT_DISCLAIMER_NL/EN.
 *
 * Methodological choices, and why:
 *
 * 1. Common unit: standard deviations of the Y1 level. The indicators come in different units
 *    (%, per 1,000 inhabitants, a Leefbaarometer deviation score). Each indicator's change
 *    (Y2 − Y1) is divided by the population standard deviation of that indicator's Y1 values
 *    across the areas given (those with a Y1 value). A change then reads as "how far along the
 *    spread between areas did it move", which can be averaged across indicators and compared
 *    between axes; it is invariant to the unit (and to any offset). Y1 rather than Y2 or the
 *    spread of the changes: the starting situation is the fixed reference, and dividing by the
 *    spread of changes would shrink exactly the indicators that moved a lot. The scale, and
 *    with it every result, depends on which areas are passed: pass a meaningful set (e.g. all
 *    buurten of the gemeenten concerned, on one boundary vintage) and do not compare results
 *    computed over different sets. An indicator whose Y1 values have no spread, or that fewer
 *    than two areas have, cannot be scaled (`scales[].standardDeviation` null) and its axis
 *    stays null everywhere.
 *
 * 2. Vulnerability axis = the unweighted mean of the scaled changes of the configured
 *    vulnerability indicators (all "higher is worse"; + = more vulnerable residents). It
 *    needs every configured indicator in both years; otherwise the axis is null, the area is
 *    `incomplete` and `missing` names each absent key and year. Averaging over whatever
 *    subset happens to be present would silently change the meaning of the axis from area to
 *    area. Values that are null, undefined or not finite count as missing, never as 0.
 *
 * 3. Nuisance axis = the scaled change of the nuisance indicator, oriented so that + = more
 *    nuisance: for `higher_is_better` (lbm_onv) Y1 − Y2, for `higher_is_worse` Y2 − Y1. It is
 *    computed whenever its own inputs are there, even when the vulnerability axis is not, so
 *    a partial signal is shown with its gap named.
 *
 * 4. Absolute variant = the area's change minus the reference change, per axis. The reference
 *    is the country (NL00) when `country` has every configured figure in both years, scaled
 *    with the same standard deviations; otherwise the unweighted mean change of all areas
 *    with that axis, and `referenceAbsolute` says 'mean-of-areas' and `countryMissing` names
 *    what the country lacked. One reference for both axes, never country for one and the
 *    mean for the other: the quadrant legend must be explainable in one sentence ("compared
 *    with the Netherlands" or "compared with the areas shown").
 *
 * 5. Relative variant = the area's change minus the mean change of the other areas of the
 *    same gemeente that have that axis, per axis (the Aedes relative map compares a buurt with
 *    the rest of its gemeente). Unweighted, because population or household counts are not
 *    always present for both years and a weighting by a partly missing figure would be
 *    invented; the consequence is that a small buurt counts as much as a large one. The area
 *    itself is left out, so it is not compared partly with itself. Null when the area has no
 *    gemeente or the gemeente has no other area with that axis.
 *
 * 6. Quadrants (per variant) from the two axes against the stable band; see quadrants.ts for
 *    the exact edges (stable = |change| ≤ stableBand). Null unless both axes of that variant
 *    are known: no quadrant from one axis.
 *
 * 7. Levels and focus (Y2). Per indicator, the need percentile among the areas given that have
 *    its Y2 value (p = (rank − 1)/(N − 1), ties lowest, 1 = most need; domain.md §9.6).
 *    The vulnerability level is the mean of its indicators' percentiles re-ranked to a
 *    percentile among the areas that have all of them (as §9.6 re-ranks theme scores), so a
 *    threshold of 0.8 means "about the top fifth" as its name says; a plain mean of three
 *    percentiles would rarely reach 0.8 and have no such reading. The nuisance level is its
 *    one indicator's percentile. Focus = vulnerability level ≥ focus.vulnerabilityPercentile
 *    AND nuisance level ≥ focus.nuisancePercentile; null unless both levels are known.
 *
 * 8. Deterministic and independent of input order: areas are sorted by code (plain code-unit
 *    order, not locale) before any sum, and the output lists them in that order. Duplicate
 *    codes are refused.
 */

export interface VeerkrachtAreaInput {
  code: string;
  gemeenteCode: string | null;
  /** value per indicator key per year; null/undefined = missing */
  values: Record<string, { from: number | null | undefined; to: number | null | undefined }>;
}

/** The country (NL00) figures, when known. */
export interface VeerkrachtReference {
  values: Record<string, { from: number | null; to: number | null }>;
}

export interface MissingInput {
  key: string;
  year: number;
}

/** One axis' change in standard deviations (+ = worse). */
export interface AxisChange {
  /** The area's own change, before any reference is taken off. */
  raw: number | null;
  /** Raw change minus the reference change (country or mean of areas). */
  absolute: number | null;
  /** Raw change minus the mean change of the other areas of the same gemeente. */
  relative: number | null;
}

export interface VeerkrachtAreaResult {
  code: string;
  /** 'ok' only when every configured input is present in both years and both axes could be scaled. */
  status: 'ok' | 'incomplete';
  /** Which inputs it lacks (never invented), in configuration order, Y1 before Y2. */
  missing: MissingInput[];
  /** In standard deviations, + = more vulnerable residents. */
  vulnerabilityChange: AxisChange;
  /** In standard deviations, + = more nuisance. */
  nuisanceChange: AxisChange;
  quadrant: { absolute: Quadrant | null; relative: Quadrant | null };
  /** High vulnerability level AND high nuisance level in Y2. */
  focus: boolean | null;
  /** Y2 need percentiles in [0,1] among the areas given. */
  levels: { vulnerability: number | null; nuisance: number | null };
}

export type AbsoluteReference = 'country' | 'mean-of-areas';

/** The unit a change is expressed in: one standard deviation of the indicator's Y1 values. */
export interface IndicatorScale {
  key: string;
  /** Null when fewer than two areas have a Y1 value or they do not differ. */
  standardDeviation: number | null;
  /** Areas with a Y1 value, over which the standard deviation was taken. */
  areaCount: number;
}

export interface VeerkrachtResult {
  years: { from: number; to: number };
  /** Sorted by code. */
  areas: VeerkrachtAreaResult[];
  /** Inputs that no area has: a gap in the data, not in one area. */
  missingEverywhere: MissingInput[];
  /** What the absolute variant is compared with. */
  referenceAbsolute: AbsoluteReference;
  /** Country figures that were lacking (all of them when no country was given); empty when 'country'. */
  countryMissing: MissingInput[];
  scales: IndicatorScale[];
  /** Areas per quadrant of the absolute variant (the headline map); unclassified areas are not counted. */
  summary: Record<Quadrant, number>;
  /** Areas per quadrant of the relative variant. */
  summaryRelative: Record<Quadrant, number>;
  disclaimer: { nl: string; en: string };
}

type Side = 'from' | 'to';
type Values = Record<
  string,
  { from: number | null | undefined; to: number | null | undefined } | undefined
>;

interface Row {
  area: VeerkrachtAreaInput;
  missing: MissingInput[];
  vulnerability: number | null;
  nuisance: number | null;
}

/** Absorbs floating-point noise when a level is compared with its threshold. */
const PERCENTILE_TOLERANCE = 1e-9;

/**
 * Computes the veerkracht signal for the given areas between years.from and years.to.
 * @throws AppError('validation_failed') when the years are not two whole years in order or a
 * code appears twice.
 */
export function computeVeerkracht(
  config: VeerkrachtConfig,
  areas: readonly VeerkrachtAreaInput[],
  years: { from: number; to: number },
  country: VeerkrachtReference | null,
): VeerkrachtResult {
  checkYears(years);
  const sorted = sortedByCode(areas);
  const keys = [...new Set([...config.vulnerability, config.nuisance.key])];
  const allInputs = keys.flatMap((key) => [
    { key, year: years.from },
    { key, year: years.to },
  ]);
  const missingIn = (values: Values): MissingInput[] =>
    keys.flatMap((key) =>
      (['from', 'to'] as const)
        .filter((side) => read(values, key, side) === null)
        .map((side) => ({ key, year: years[side] })),
    );

  const scales: IndicatorScale[] = keys.map((key) => {
    const starts = sorted.flatMap((area) => nonNull(read(area.values, key, 'from')));
    return {
      key,
      standardDeviation: populationStandardDeviation(starts),
      areaCount: starts.length,
    };
  });
  const sdOf = new Map(scales.map((scale) => [scale.key, scale.standardDeviation]));

  /** An indicator's change in standard deviations, oriented so that + = worse. */
  const scaledChange = (values: Values, key: string, higherIsBetter: boolean): number | null => {
    const from = read(values, key, 'from');
    const to = read(values, key, 'to');
    const sd = sdOf.get(key) ?? null;
    if (from === null || to === null || sd === null) return null;
    return (higherIsBetter ? from - to : to - from) / sd;
  };
  const vulnerabilityOf = (values: Values): number | null => {
    const changes = config.vulnerability.map((key) => scaledChange(values, key, false));
    return changes.every((change) => change !== null) ? mean(changes as number[]) : null;
  };
  const nuisanceOf = (values: Values): number | null =>
    scaledChange(values, config.nuisance.key, config.nuisance.direction === 'higher_is_better');

  const rows: Row[] = sorted.map((area) => ({
    area,
    missing: missingIn(area.values),
    vulnerability: vulnerabilityOf(area.values),
    nuisance: nuisanceOf(area.values),
  }));

  const countryMissing = country === null ? allInputs : missingIn(country.values);
  const referenceAbsolute: AbsoluteReference =
    country !== null && countryMissing.length === 0 ? 'country' : 'mean-of-areas';
  const reference =
    country !== null && referenceAbsolute === 'country'
      ? { vulnerability: vulnerabilityOf(country.values), nuisance: nuisanceOf(country.values) }
      : {
          vulnerability: mean(rows.flatMap((row) => nonNull(row.vulnerability))),
          nuisance: mean(rows.flatMap((row) => nonNull(row.nuisance))),
        };

  const byGemeente = new Map<string, Row[]>();
  for (const row of rows) {
    const gemeente = row.area.gemeenteCode;
    if (gemeente === null) continue;
    const group = byGemeente.get(gemeente) ?? [];
    group.push(row);
    byGemeente.set(gemeente, group);
  }
  const relativeTo = (row: Row, axis: 'vulnerability' | 'nuisance'): number | null => {
    const own = row[axis];
    const gemeente = row.area.gemeenteCode;
    if (own === null || gemeente === null) return null;
    const others = (byGemeente.get(gemeente) ?? [])
      .filter((other) => other !== row)
      .flatMap((other) => nonNull(other[axis]));
    const rest = mean(others);
    return rest === null ? null : own - rest;
  };

  const levels = levelsInY2(config, rows);

  const results: VeerkrachtAreaResult[] = rows.map((row) => {
    const vulnerabilityChange: AxisChange = {
      raw: row.vulnerability,
      absolute: minus(row.vulnerability, reference.vulnerability),
      relative: relativeTo(row, 'vulnerability'),
    };
    const nuisanceChange: AxisChange = {
      raw: row.nuisance,
      absolute: minus(row.nuisance, reference.nuisance),
      relative: relativeTo(row, 'nuisance'),
    };
    const vulnerabilityLevel = levels.vulnerability.get(row.area.code) ?? null;
    const nuisanceLevel = levels.nuisance.get(row.area.code) ?? null;
    return {
      code: row.area.code,
      status:
        row.missing.length === 0 && row.vulnerability !== null && row.nuisance !== null
          ? 'ok'
          : 'incomplete',
      missing: row.missing,
      vulnerabilityChange,
      nuisanceChange,
      quadrant: {
        absolute: quadrantOf(
          vulnerabilityChange.absolute,
          nuisanceChange.absolute,
          config.stableBand,
        ),
        relative: quadrantOf(
          vulnerabilityChange.relative,
          nuisanceChange.relative,
          config.stableBand,
        ),
      },
      focus:
        vulnerabilityLevel === null || nuisanceLevel === null
          ? null
          : vulnerabilityLevel >= config.focus.vulnerabilityPercentile - PERCENTILE_TOLERANCE &&
            nuisanceLevel >= config.focus.nuisancePercentile - PERCENTILE_TOLERANCE,
      levels: { vulnerability: vulnerabilityLevel, nuisance: nuisanceLevel },
    };
  });

  const missingEverywhere =
    rows.length === 0
      ? []
      : allInputs.filter((input) =>
          rows.every((row) =>
            row.missing.some((gap) => gap.key === input.key && gap.year === input.year),
          ),
        );

  return {
    years: { from: years.from, to: years.to },
    areas: results,
    missingEverywhere,
    referenceAbsolute,
    countryMissing,
    scales,
    summary: countQuadrants(results.map((result) => result.quadrant.absolute)),
    summaryRelative: countQuadrants(results.map((result) => result.quadrant.relative)),
    disclaimer: { nl: VEERKRACHT_DISCLAIMER_NL, en: VEERKRACHT_DISCLAIMER_EN },
  };
}

/** Y2 need percentiles per area: vulnerability (re-ranked mean) and nuisance. */
function levelsInY2(
  config: VeerkrachtConfig,
  rows: readonly Row[],
): { vulnerability: Map<string, number>; nuisance: Map<string, number> } {
  const percentilesOf = (key: string, higherIsBetter: boolean) => {
    const needs = new Map<string, number>();
    for (const row of rows) {
      const value = read(row.area.values, key, 'to');
      if (value !== null) needs.set(row.area.code, higherIsBetter ? -value : value);
    }
    return needPercentiles(needs);
  };
  const perIndicator = config.vulnerability.map((key) => percentilesOf(key, false));
  const meanPercentile = new Map<string, number>();
  for (const row of rows) {
    const percentiles = perIndicator.map((byCode) => byCode.get(row.area.code));
    if (percentiles.every((p) => p !== undefined)) {
      meanPercentile.set(row.area.code, mean(percentiles as number[])!);
    }
  }
  return {
    vulnerability: needPercentiles(meanPercentile),
    nuisance: percentilesOf(config.nuisance.key, config.nuisance.direction === 'higher_is_better'),
  };
}

function countQuadrants(quadrants: ReadonlyArray<Quadrant | null>): Record<Quadrant, number> {
  const counts = Object.fromEntries(QUADRANTS.map((quadrant) => [quadrant, 0])) as Record<
    Quadrant,
    number
  >;
  for (const quadrant of quadrants) if (quadrant !== null) counts[quadrant] += 1;
  return counts;
}

/** A usable value, or null: absent keys, null, undefined, NaN and ±Infinity are all missing. */
function read(values: Values, key: string, side: Side): number | null {
  // Own properties only, so a key such as "constructor" cannot pick up Object.prototype.
  if (!Object.hasOwn(values, key)) return null;
  const value = values[key]?.[side];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function nonNull(value: number | null): number[] {
  return value === null ? [] : [value];
}

function minus(value: number | null, reference: number | null): number | null {
  return value === null || reference === null ? null : value - reference;
}

function checkYears(years: { from: number; to: number }): void {
  if (!Number.isInteger(years.from) || !Number.isInteger(years.to) || years.from >= years.to) {
    throw new AppError(
      'validation_failed',
      `years: from must be a whole year before to (got ${years.from} → ${years.to})`,
      { field: 'years' },
    );
  }
}

function sortedByCode(areas: readonly VeerkrachtAreaInput[]): VeerkrachtAreaInput[] {
  const sorted = [...areas].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i]!.code === sorted[i - 1]!.code) {
      throw new AppError('validation_failed', `areas: ${sorted[i]!.code} appears more than once`, {
        field: 'areas',
      });
    }
  }
  return sorted;
}
