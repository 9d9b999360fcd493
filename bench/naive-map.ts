/**
 * The baseline for the map endpoint, in-process: full geometry from the database, one
 * JSON.stringify, gzip per request — what a straightforward implementation would do.
 * Usage: tsx bench/naive-map.ts <pglite-dir>; prints one JSON line.
 */
import { gzipSync } from 'node:zlib';
import { openDatabase } from '../src/db/database.js';
import { findIndicatorIds } from '../src/db/queries/indicator-queries.js';

const handle = await openDatabase({ databaseUrl: null, dataDir: process.argv[2]! });
const afw = (await findIndicatorIds(handle.db)).get('lbm_afw')!;

async function naiveLayer(gemeente: string | null) {
  let query = handle.db
    .selectFrom('area as a')
    .innerJoin('area_geometry as g', 'g.area_id', 'a.id')
    .leftJoin('observation as o', (j) =>
      j.onRef('o.area_id', '=', 'a.id').on('o.indicator_id', '=', afw),
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

async function time(gemeente: string | null) {
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

console.log(JSON.stringify({ gemeente: await time('GM0518'), national: await time(null) }));
await handle.close();
