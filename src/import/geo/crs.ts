import type { Position } from 'geojson';
import type { BBox } from '../../domain/geometry/bbox.js';
import { rdPointToWgs84 } from '../../domain/geometry/rd-new.js';
import { mapPositions, type Crs, type GeoFeatureRecord, type GeoSource } from './geo-source.js';

/**
 * Where coordinates of each CRS may lie for a Dutch file. WGS84 is the Netherlands with a margin
 * (the Wadden and the EEZ edge stay inside); RD New is EPSG:28992's published area of use. The two
 * boxes cannot overlap (RD y ≥ 289000), so a file fits at most one of them.
 */
export const CRS_RANGES: Record<Crs, { minX: number; maxX: number; minY: number; maxY: number }> = {
  'EPSG:4326': { minX: 2.5, maxX: 7.5, minY: 50.5, maxY: 54 },
  'EPSG:28992': { minX: -7000, maxX: 300000, minY: 289000, maxY: 629000 },
};

/** Human-readable range of a CRS, for "expected …" in issues. */
export const CRS_RANGE_TEXT: Record<Crs, string> = {
  'EPSG:4326': 'WGS84 lon 2.5..7.5 and lat 50.5..54',
  'EPSG:28992': 'RD New x -7000..300000 and y 289000..629000',
};

// The proj4 definition lives with the point conversion in domain/; import code and tests use it here.
export { RD_NEW_PROJ4 } from '../../domain/geometry/rd-new.js';

/** Sample size for detection: enough to see a mixed file, cheap for 10⁴ features. */
const MAX_SAMPLES = 4000;

/**
 * Whether a box lies inside the range of a CRS.
 * @example boxInCrsRange('EPSG:4326', [4.6, 52.3, 4.7, 52.4]) // true
 */
export function boxInCrsRange(crs: Crs, box: BBox): boolean {
  const r = CRS_RANGES[crs];
  return box[0] >= r.minX && box[2] <= r.maxX && box[1] >= r.minY && box[3] <= r.maxY;
}

/**
 * The CRS a GeoJSON `crs` name or GeoPackage code stands for; null when it is neither of ours.
 * Accepts EPSG:n, the OGC URNs (with or without version) and the opengis.net URLs.
 * @example crsFromName('urn:ogc:def:crs:OGC:1.3:CRS84') // 'EPSG:4326'
 */
export function crsFromName(name: string): Crs | null {
  const n = name.trim().toUpperCase();
  // CRS84 is WGS84 in lon/lat order, which is what GeoJSON means by EPSG:4326 anyway.
  if (
    /^(?:CRS84|URN:OGC:DEF:CRS:OGC:[\d.]*:CRS84|HTTPS?:\/\/WWW\.OPENGIS\.NET\/DEF\/CRS\/OGC\/[\d.]+\/CRS84)$/.test(
      n,
    )
  ) {
    return 'EPSG:4326';
  }
  const match =
    /^EPSG:+(\d+)$/.exec(n) ??
    /^URN:OGC:DEF:CRS:EPSG:[\d.]*:(\d+)$/.exec(n) ??
    /^HTTPS?:\/\/WWW\.OPENGIS\.NET\/DEF\/CRS\/EPSG\/[\d.]+\/(\d+)$/.exec(n) ??
    /EPSG\.XML#(\d+)$/.exec(n);
  const code = match?.[1];
  if (code === '4326') return 'EPSG:4326';
  if (code === '28992') return 'EPSG:28992';
  return null;
}

/** A few positions per geometry, read defensively: GeoJSON is sampled before it is validated. */
function samplePositions(record: GeoFeatureRecord, out: unknown[]): void {
  const geometry = record.geometry;
  if (!geometry || !Array.isArray(geometry.coordinates)) return;
  const coordinates: unknown[] = geometry.coordinates;
  const polygons = geometry.type === 'Polygon' ? [coordinates] : coordinates.slice(0, 2);
  for (const polygon of polygons) {
    const outer: unknown = Array.isArray(polygon) ? polygon[0] : undefined;
    if (!Array.isArray(outer) || outer.length === 0) continue;
    out.push(outer[0], outer[Math.floor(outer.length / 2)]);
  }
}

/**
 * Which CRS the coordinates are in, judged from their ranges (see CRS_RANGES): all sampled
 * positions in the Netherlands in lon/lat → EPSG:4326, all in RD New's area → EPSG:28992,
 * otherwise (mixed, another CRS, swapped axes, no geometry) null. Samples at most ~4000 positions
 * spread over the file; validatePolygons checks every position afterwards.
 * @example detectCrs(readGeoJson('wijk.geojson', text).features) // 'EPSG:4326'
 */
export function detectCrs(features: readonly GeoFeatureRecord[]): Crs | null {
  const stride = Math.max(1, Math.ceil((features.length * 3) / MAX_SAMPLES));
  const samples: unknown[] = [];
  for (let i = 0; i < features.length; i += stride) samplePositions(features[i]!, samples);
  let seen = 0;
  let wgs84 = true;
  let rd = true;
  for (const p of samples) {
    if (!Array.isArray(p)) continue;
    const [x, y] = p as unknown[];
    if (
      typeof x !== 'number' ||
      typeof y !== 'number' ||
      !Number.isFinite(x) ||
      !Number.isFinite(y)
    ) {
      continue;
    }
    seen += 1;
    const box: BBox = [x, y, x, y];
    wgs84 &&= boxInCrsRange('EPSG:4326', box);
    rd &&= boxInCrsRange('EPSG:28992', box);
    if (!wgs84 && !rd) return null;
  }
  if (seen === 0) return null;
  return wgs84 ? 'EPSG:4326' : 'EPSG:28992';
}

/**
 * Reproject a source to WGS84 lon/lat, rounded to 7 decimals (1 cm; the sources are generalised
 * to metres), position by position with rdPointToWgs84. EPSG:4326 sources come back unchanged
 * (the same object); positions are 2D after.
 * @example toWgs84(await readGeoPackage('buurt 2024.gpkg', bytes)).crs // 'EPSG:4326'
 */
export function toWgs84(source: GeoSource): GeoSource {
  if (source.crs === 'EPSG:4326') return source;
  // Only x and y: a Z in RD would be NAP height, not the ellipsoidal height proj4 expects.
  const project = (p: Position): Position => rdPointToWgs84(p[0]!, p[1]!);
  return {
    ...source,
    crs: 'EPSG:4326',
    features: source.features.map((f) => ({
      ...f,
      geometry: f.geometry && mapPositions(f.geometry, project),
    })),
  };
}
