import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { FULL_VIEW } from '../../src/domain/access/policy.js';
import { systemPrincipal } from '../../src/domain/access/principal.js';
import { DEFAULT_METHOD } from '../../src/domain/ranking/default-methods.js';
import { adapterFor } from '../../src/import/adapters.js';
import type { ImportKind, ImportOptions } from '../../src/import/import-plan.js';
import { readInputFile } from '../../src/import/input-file.js';
import { runImport } from '../../src/import/pipeline.js';
import { saveMethod } from '../../src/services/ranking-methods.js';
import { createRanking, verifyRanking } from '../../src/services/rankings.js';
import { veerkrachtFor } from '../../src/services/veerkracht.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';
import { sharedFile } from '../helpers/shared-data.js';

const SEVEN = ['GM0392', 'GM0375', 'GM0473', 'GM0396', 'GM0453', 'GM0267', 'GM0518'];
const CBS_VULNERABILITY = ['p_hh_li', 'soz_wb_per_1000', 'p_hh_osm'];
const LBM_DIMENSIONS = ['lbm_onv', 'lbm_won', 'lbm_soc', 'lbm_vrz', 'lbm_fys'];
const context = { actor: systemPrincipal('test'), ip: null };

/**
 * The ranking and the veerkracht signal on the real open data in ../shared/data: the national
 * Leefbaarometer 2024 per buurt and its wijk series 2002–2022. The data hold no CBS
 * vulnerability figures per buurt or wijk, so the default method must say it cannot rank, and
 * veerkracht must name the inputs it lacks.
 */
describe.each(testEngines())('rankings on the real open data (%s)', (engine) => {
  let handle: DatabaseHandle;
  const run = (kind: ImportKind, file: string, options: ImportOptions = {}) =>
    runImport(handle.db, adapterFor(kind), readInputFile(sharedFile(file)), options);

  // The published Leefbaarometer buurten and their onv scores, read straight from the file.
  const published = JSON.parse(
    fs.readFileSync(sharedFile('leefbaarometer-2024/lbm2024_buurt_nl.geojson'), 'utf8'),
  ) as { features: Array<{ properties: Record<string, number | string | null> }> };
  const onvOf = new Map(
    published.features.map((f) => [
      f.properties.bu_code as string,
      f.properties.onv as number | null,
    ]),
  );

  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'empty');
    await run('regions', 'cbs-kwb-2024/WijkenEnBuurten_odata.csv', { year: 2024 });
    await run('leefbaarometer', 'leefbaarometer-2024/lbm2024_buurt_nl.geojson');
    await run('leefbaarometer', 'leefbaarometer-wijk-2002-2022/lbm3_wijk_scores_2002_2022_nl.csv');
    await saveMethod(handle.db, context, {
      key: 'leefbaarometer-dimensies',
      name: 'Alleen de Leefbaarometer',
      universe: { level: 'buurt', within: 'country' },
      indicators: LBM_DIMENSIONS.map((key) => ({ key, weight: key === 'lbm_onv' ? 3 : 1 })),
    });
    await saveMethod(handle.db, context, {
      key: 'onv-zeven',
      name: 'Overlast en onveiligheid in de zeven gemeenten',
      universe: { level: 'buurt', within: SEVEN },
      indicators: [{ key: 'lbm_onv', direction: 'higher_is_better', weight: 1 }],
    });
  }, 300_000);
  afterAll(() => handle?.close());

  test('the default method on the seven gemeenten ranks nothing and says the CBS figures are missing', async () => {
    const made = await createRanking(handle.db, context, {
      method: { key: DEFAULT_METHOD.key },
      year: 2024,
      within: SEVEN,
    });
    const inSeven = [...onvOf.keys()].filter((c) => SEVEN.includes(`GM${c.slice(2, 6)}`));
    expect(made.result.ranked).toBe(0);
    expect(made.result.notRanked).toBeGreaterThanOrEqual(inSeven.length);
    for (const key of CBS_VULNERABILITY) expect(made.inputs.years[key]).toBeNull();
    for (const area of made.result.areas) {
      expect(area.reason?.code).toBe('incomplete');
      expect(area.reason!.missing).toEqual(expect.arrayContaining(CBS_VULNERABILITY));
      // The Leefbaarometer half of the weight at most: 10 of 20.
      expect(area.weightPresent).toBeLessThanOrEqual(0.5 + 1e-12);
    }
  });

  test('the default method on the whole country: every buurt not ranked, with its reason', async () => {
    const made = await createRanking(handle.db, context, {
      method: { key: DEFAULT_METHOD.key },
      year: 2024,
      within: 'country',
      draws: 0,
    });
    expect(made.universe.areas).toHaveLength(14574);
    expect(made.result.ranked).toBe(0);
    const withLbm = made.result.areas.filter((a) => a.weightPresent > 0);
    expect(withLbm).toHaveLength(12147);
  });

  test('a Leefbaarometer-only method ranks the country with rank intervals, reproducibly', async () => {
    const made = await createRanking(handle.db, context, {
      method: { key: 'leefbaarometer-dimensies' },
      year: 2024,
    });
    const { result } = made;
    expect(result.draws).toBe(1000);
    expect(result.ranked + result.notRanked).toBe(14574);
    // Buurten the Leefbaarometer does not score (too few residents) are not ranked, and say so.
    expect(result.ranked).toBeGreaterThan(12000);
    expect(result.ranked).toBeLessThanOrEqual(12147);
    const notRanked = result.areas.filter((a) => !a.ranked);
    expect(notRanked.every((a) => a.reason!.missing.length > 0)).toBe(true);
    const first = result.areas[0]!;
    expect(first.rank).toBe(1);
    expect(first.class).toBe(1);
    expect(first.rankLow!).toBeLessThanOrEqual(first.rankHigh!);
    expect(await verifyRanking(handle.db, made.rankingId)).toEqual({
      identical: true,
      differences: [],
    });
  }, 120_000);

  test('one indicator in the seven gemeenten: rank follows the published onv score exactly', async () => {
    const made = await createRanking(handle.db, context, {
      method: { key: 'onv-zeven' },
      year: 2024,
    });
    const ranked = made.result.areas.filter((a) => a.ranked);
    const scored = [...onvOf].filter(
      ([code, onv]) => onv !== null && SEVEN.includes(`GM${code.slice(2, 6)}`),
    );
    expect(ranked).toHaveLength(scored.length);
    // Rank 1 is the buurt with the lowest (worst) onv; higher onv never has a better rank.
    const lowest = Math.min(...scored.map(([, onv]) => onv!));
    expect(onvOf.get(ranked[0]!.code)).toBe(lowest);
    for (let i = 1; i < ranked.length; i += 1) {
      expect(onvOf.get(ranked[i]!.code)!).toBeGreaterThanOrEqual(onvOf.get(ranked[i - 1]!.code)!);
    }
    // A single indicator: every draw gives the same order, so the interval is the rank itself.
    expect(ranked.every((a) => a.rankLow === a.rank && a.rankHigh === a.rank)).toBe(true);
  });

  test('veerkracht on the wijk series 2014 → 2022 names the vulnerability inputs it lacks', async () => {
    const result = await veerkrachtFor(
      handle.db,
      { from: 2014, to: 2022, level: 'wijk', within: 'country' },
      FULL_VIEW,
    );
    expect(result.areas.length).toBeGreaterThan(3000);
    for (const key of ['p_hh_li', 'soz_wb_per_1000'])
      for (const year of [2014, 2022])
        expect(result.missingEverywhere).toContainEqual({ key, year });
    expect(result.areas.every((a) => a.status === 'incomplete')).toBe(true);
    expect(result.areas.every((a) => a.quadrant.absolute === null && a.focus === null)).toBe(true);
    // The nuisance side is there: the Leefbaarometer onv of both years for most wijken.
    const withOnv = result.areas.filter((a) => a.nuisanceChange.raw !== null);
    expect(withOnv.length).toBeGreaterThan(2500);
    expect(result.disclaimer.nl).toMatch(/geen diagnose/);
  });
});
