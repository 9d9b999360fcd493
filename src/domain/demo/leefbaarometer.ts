import { LBM_BOUNDARIES, classFromCuts } from '../indicators/lbm-boundaries.js';
import { DIMENSION_KEYS, FIRST_YEAR, LBM_REFERENCE_LEVEL, type DimensionKey } from './calendar.js';
import type { PlacedBuurt } from './geography.js';
import type { BuurtLatent } from './latent.js';
import type { ObservationTable } from './observation-table.js';
import type { Random } from './random.js';

export type DimensionValues = Record<DimensionKey, number>;

function cutsFor(release: string, appliesTo: 'score' | 'afw' | 'dimension'): readonly number[] {
  const set = LBM_BOUNDARIES.find((b) => b.release === release && b.appliesTo === appliesTo);
  if (!set) throw new Error(`No Leefbaarometer boundaries for ${release}/${appliesTo}`);
  return set.cuts;
}

const SCORE_CUTS = cutsFor('lbm3-2024', 'score');
const AFW_CUTS = cutsFor('lbm3-2024', 'afw');
const DIMENSION_CUTS = cutsFor('demo', 'dimension');

/**
 * Write one Leefbaarometer set (five dimensions, total, score and all classes) for an area and
 * measurement year. Dimensions are rounded to 4 decimals first and the total is their sum, so
 * `afw = won + fys + vrz + soc + onv` holds as in the published files; classes follow from the
 * rounded values with the 2024 cuts (the demo set for dimensions).
 * @example writeLbmSet(table, 'NL00', 2024, { lbm_won: 0.031, … }) // 14 observations
 */
export function writeLbmSet(
  table: ObservationTable,
  areaCode: string,
  year: number,
  dimensions: DimensionValues,
): void {
  let afw = 0;
  for (const key of DIMENSION_KEYS) {
    const value = round4(dimensions[key]);
    afw += value;
    table.set(areaCode, key, year, value);
    table.set(areaCode, `${key}_class`, year, classFromCuts(value, DIMENSION_CUTS));
  }
  afw = round4(afw);
  table.set(areaCode, 'lbm_afw', year, afw);
  table.set(areaCode, 'lbm_afw_class', year, classFromCuts(afw, AFW_CUTS));
  table.set(areaCode, 'lbm_score', year, round4(LBM_REFERENCE_LEVEL + afw));
  // The 2024 score cuts are expressed in afw terms (lbm − reference).
  table.set(areaCode, 'lbm_score_class', year, classFromCuts(afw, SCORE_CUTS));
}

/** Persistent per-buurt deviations of each dimension: what the latent factors do not explain. */
export type DimensionTraits = DimensionValues;

const TRAIT_SD: DimensionValues = {
  lbm_won: 0.02,
  lbm_fys: 0.025,
  lbm_vrz: 0.04,
  lbm_soc: 0.018,
  lbm_onv: 0.02,
};

/**
 * Draw the persistent deviations of one buurt (one normal per dimension).
 * @example drawDimensionTraits(createRandom(1)).lbm_vrz // e.g. -0.031
 */
export function drawDimensionTraits(random: Random): DimensionTraits {
  const traits = {} as DimensionTraits;
  for (const key of DIMENSION_KEYS) traits[key] = TRAIT_SD[key] * random.normal();
  return traits;
}

/**
 * The five dimensions of a buurt in a measurement year. Deprivation lowers housing stock, social
 * cohesion and (most) nuisance/safety; urbanity raises amenities and lowers the physical
 * environment, as in the real 2024 file where vrz correlates negatively with won, soc and onv.
 * @example buurtDimensions(buurt, latent, traits, 2022, random).lbm_onv // e.g. 0.041
 */
export function buurtDimensions(
  buurt: PlacedBuurt,
  latent: BuurtLatent,
  traits: DimensionTraits,
  year: number,
  random: Random,
): DimensionValues {
  const years = year - FIRST_YEAR;
  const share = years / 10;
  const d = latent.deprivation[years]!;
  const u = buurt.urbanity;
  const rural = 1 - u;
  const role = latent.role;
  const noise = (): number => 0.004 * random.normal();

  let won = 0.005 + 0.015 * rural - 0.034 * d + 0.001 * years;
  let soc = 0.012 + 0.025 * rural - 0.036 * d + 0.0004 * years;
  let onv = 0.005 + 0.04 * rural - 0.05 * d + 0.0012 * years;
  if (role === 'under_pressure') {
    onv -= 0.035 * share;
    soc -= 0.015 * share;
  } else if (role === 'regeneration') {
    won += 0.05 * share;
    onv += 0.02 * share;
  } else if (role === 'new_build') {
    // New dwellings score well; a new population has little cohesion yet.
    won += 0.04;
    soc -= 0.025 * (1 - share);
  }
  return {
    lbm_won: won + traits.lbm_won + noise(),
    lbm_fys: 0.03 - 0.06 * u + traits.lbm_fys + noise(),
    lbm_vrz: -0.28 + 0.36 * u + traits.lbm_vrz + noise(),
    lbm_soc: soc + traits.lbm_soc + noise(),
    lbm_onv: softCap(onv + traits.lbm_onv + noise(), 0.11, 0.04),
  };
}

/** The real onv scores stop near +0.15: safety cannot get much better than "no incidents". */
function softCap(value: number, knee: number, room: number): number {
  return value <= knee ? value : knee + room * Math.tanh((value - knee) / room);
}

/**
 * Round to 4 decimals, the precision of the published Leefbaarometer dimensions.
 * @example round4(0.012345) // 0.0123
 */
export function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
