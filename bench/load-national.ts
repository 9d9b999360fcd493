/**
 * Benchmark step 1 (own process): load the real national Leefbaarometer 2024 buurt polygons
 * (12,147 buurten) into a PGlite data directory, then time the naive baseline of the map
 * endpoint in the same process. Prints one JSON line. Until the Leefbaarometer import adapter
 * exists (issue 3) this file does the minimal mapping itself.
 */
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { openDatabase } from '../src/db/database.js';
import {
  upsertObservations,
  type ObservationInput,
} from '../src/db/queries/observation-queries.js';
import { ensureBuiltInIndicators } from '../src/services/catalogue.js';
import { bumpDataVersion } from '../src/services/data-version.js';
import { refreshStatistics } from '../src/services/statistics.js';
import { writeAreas, type AreaToWrite } from '../src/services/write-areas.js';
import { startImportRun } from '../src/db/queries/import-run-queries.js';

const [file, dataDir] = process.argv.slice(2) as [string, string];
type Props = Record<string, string | number>;

const t0 = performance.now();
const collection = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection<
  Polygon | MultiPolygon,
  Props
>;
const tParsed = performance.now();

const handle = await openDatabase({ databaseUrl: null, dataDir });
const indicatorIds = await ensureBuiltInIndicators(handle.db);
const tOpened = performance.now();

const areas: AreaToWrite[] = [
  { code: 'NL00', level: 'land', name: 'Nederland', parentCode: null, geometry: null },
];
const seen = new Set<string>();
for (const f of collection.features) {
  const p = f.properties;
  const gm = String(p.gm_code);
  const wk = String(p.wk_code);
  if (!seen.has(gm))
    (areas.push({
      code: gm,
      level: 'gemeente',
      name: String(p.gm_naam),
      parentCode: 'NL00',
      geometry: null,
    }),
      seen.add(gm));
  if (!seen.has(wk))
    (areas.push({ code: wk, level: 'wijk', name: wk, parentCode: gm, geometry: null }),
      seen.add(wk));
}
for (const f of collection.features as Feature<Polygon | MultiPolygon, Props>[]) {
  areas.push({
    code: String(f.properties.bu_code),
    level: 'buurt',
    name: String(f.properties.bu_naam),
    parentCode: String(f.properties.wk_code),
    geometry: f.geometry,
  });
}
const FIELDS: Array<[string, string]> = [
  ['afw', 'lbm_afw'],
  ['kafw', 'lbm_afw_class'],
  ['kscore', 'lbm_score_class'],
  ['won', 'lbm_won'],
  ['fys', 'lbm_fys'],
  ['vrz', 'lbm_vrz'],
  ['soc', 'lbm_soc'],
  ['onv', 'lbm_onv'],
  ['kwon', 'lbm_won_class'],
  ['kfys', 'lbm_fys_class'],
  ['kvrz', 'lbm_vrz_class'],
  ['ksoc', 'lbm_soc_class'],
  ['konv', 'lbm_onv_class'],
];

let observations = 0;
let tShapes = 0;
await handle.db.transaction().execute(async (trx) => {
  const runId = await startImportRun(trx, {
    kind: 'bench-leefbaarometer',
    fileName: file,
    sha256: null,
  });
  const s0 = performance.now();
  const ids = await writeAreas(trx, 2024, 'leefbaarometer', areas);
  tShapes = performance.now() - s0;
  const rows: ObservationInput[] = [];
  for (const f of collection.features) {
    const areaId = ids.get(String(f.properties.bu_code))!;
    for (const [field, key] of FIELDS) {
      rows.push({
        areaId,
        indicatorId: indicatorIds.get(key)!,
        year: 2024,
        value: Number(f.properties[field]),
        status: 'ok',
        source: 'leefbaarometer',
        sourceRelease: 'lbm3-2024',
        importRunId: runId,
      });
    }
  }
  observations = await upsertObservations(trx, rows);
  await bumpDataVersion(trx);
});
await refreshStatistics(handle.db);
const tLoaded = performance.now();

/** The naive map endpoint: full geometry from jsonb, one JSON.stringify, gzip per request. */
async function naiveLayer(gemeente: string | null) {
  let query = handle.db
    .selectFrom('area as a')
    .innerJoin('area_geometry as g', 'g.area_id', 'a.id')
    .leftJoin('observation as o', (j) =>
      j.onRef('o.area_id', '=', 'a.id').on('o.indicator_id', '=', indicatorIds.get('lbm_afw')!),
    )
    .select(['a.code', 'a.name', 'g.geometry', 'o.value'])
    .where('a.level', '=', 'buurt');
  if (gemeente) query = query.where('a.gemeente_code', '=', gemeente);
  const rows = await query.execute();
  const body = JSON.stringify({
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      properties: { code: r.code, name: r.name, value: r.value },
      geometry: r.geometry,
    })),
  });
  return gzipSync(body).length;
}
async function timeNaive(gemeente: string | null) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i += 1) {
    const s = performance.now();
    bytes = await naiveLayer(gemeente);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[2]!, gzipBytes: bytes };
}
const baseline = { gemeente: await timeNaive('GM0518'), national: await timeNaive(null) };
await handle.close();

console.log(
  JSON.stringify({
    features: collection.features.length,
    areas: areas.length,
    observations,
    parseMs: tParsed - t0,
    openMs: tOpened - tParsed,
    areasAndShapesMs: tShapes,
    loadMs: tLoaded - t0,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    baseline,
  }),
);
