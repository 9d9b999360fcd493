import { aggregateInto } from './aggregate.js';
import { BOUNDARY_YEAR, DATA_YEARS, INDICATOR_ORDER, LBM_YEARS } from './calendar.js';
import type { DemoArea, DemoDataset } from './demo-dataset.js';
import { buildGeography } from './geography.js';
import { suppressSmallBuurten, writeBuurtFigures } from './indicators.js';
import { buildLatents } from './latent.js';
import { buurtDimensions, drawDimensionTraits, writeLbmSet } from './leefbaarometer.js';
import { writeNational } from './national.js';
import { ObservationTable } from './observation-table.js';
import { demoOrganisations } from './organisations.js';
import { buildPopulations } from './population.js';
import { toPolygon } from './projection.js';
import { createRandom, deriveSeed } from './random.js';

export const DEFAULT_DEMO_SEED = 20241;

/**
 * The fictional demo world: three gemeenten (GM9901 Duinrand, GM9902 Veenoord, GM9903
 * Kreekzand) in the Markermeer, their wijken and buurten with polygons that tile exactly, and
 * CBS-like and Leefbaarometer-like figures for 2014–2024. Pure and deterministic: the same seed
 * gives a byte-identical result (JSON.stringify equal).
 * @example generateDemoDataset().areas.find((a) => a.code === 'GM9901')?.name // 'Duinrand'
 */
export function generateDemoDataset(seed: number = DEFAULT_DEMO_SEED): DemoDataset {
  const geography = buildGeography(seed);
  const populations = buildPopulations(geography, seed);
  const latents = buildLatents(geography, populations, seed);
  const figures = createRandom(deriveSeed(seed, 'figures'));
  const lbm = createRandom(deriveSeed(seed, 'leefbaarometer'));
  const table = new ObservationTable();

  const areas: DemoArea[] = [
    { code: 'NL00', level: 'land', name: 'Nederland', parentCode: null, geometry: null },
  ];
  const wijkAreas: DemoArea[] = [];
  const buurtAreas: DemoArea[] = [];

  for (const gemeente of geography.gemeenten) {
    areas.push({
      code: gemeente.code,
      level: 'gemeente',
      name: gemeente.name,
      parentCode: 'NL00',
      geometry: toPolygon(gemeente.ring),
    });
    for (const wijk of gemeente.wijken) {
      wijkAreas.push({
        code: wijk.code,
        level: 'wijk',
        name: wijk.name,
        parentCode: gemeente.code,
        geometry: toPolygon(wijk.ring),
      });
      for (const buurt of wijk.buurten) {
        buurtAreas.push({
          code: buurt.code,
          level: 'buurt',
          name: buurt.name,
          parentCode: wijk.code,
          geometry: toPolygon(buurt.ring),
        });
        const latent = latents.get(buurt.code)!;
        writeBuurtFigures(table, buurt, populations.get(buurt.code)!, latent, figures);
        // The Leefbaarometer does not score industrial estates: no rows at all, as in its files.
        if (buurt.kind === 'industrial') continue;
        const traits = drawDimensionTraits(lbm);
        for (const year of LBM_YEARS) {
          writeLbmSet(table, buurt.code, year, buurtDimensions(buurt, latent, traits, year, lbm));
        }
      }
      aggregateInto(
        table,
        wijk.code,
        wijk.buurten.map((b) => b.code),
      );
    }
    // From the buurten, not the wijken, so rounding in wijk means does not accumulate.
    const buurtCodes = gemeente.wijken.flatMap((w) => w.buurten.map((b) => b.code));
    aggregateInto(table, gemeente.code, buurtCodes);
    suppressSmallBuurten(table, buurtCodes);
  }
  writeNational(table);

  areas.push(...wijkAreas, ...buurtAreas);
  const observations = table.toList(
    areas.map((a) => a.code),
    INDICATOR_ORDER,
    DATA_YEARS,
  );
  return { boundaryYear: BOUNDARY_YEAR, organisations: demoOrganisations(), areas, observations };
}
