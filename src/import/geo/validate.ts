import type { MultiPolygon, Polygon } from 'geojson';
import { unionBBox, type BBox } from '../../domain/geometry/bbox.js';
import { ImportFailure, type ImportIssue } from '../import-error.js';
import { boxInCrsRange, CRS_RANGE_TEXT, toWgs84 } from './crs.js';
import { mapPositions, type Crs, type GeoSource } from './geo-source.js';
import { readGeoJson } from './geojson.js';
import { isSqlite, readGeoPackage } from './gpkg.js';

/** Most issues an ImportFailure carries; the message still counts all of them. */
const MAX_ISSUES = 50;

type Problem = { message: string; expected: string };

const CRS_LABEL: Record<Crs, string> = {
  'EPSG:4326': 'WGS84 (lon/lat)',
  'EPSG:28992': 'RD New (EPSG:28992)',
};
const round = (v: number) => Math.round(v * 1e6) / 1e6;
const span = (b: BBox) => `x ${round(b[0])}..${round(b[2])}, y ${round(b[1])}..${round(b[3])}`;
const show = (v: unknown) =>
  Array.isArray(v) ? `[${v.slice(0, 4).map(String).join(', ')}]` : String(v);

/**
 * Structure of one geometry, read defensively (GeoJSON coordinates are unchecked until here):
 * the first problem found, or the bounding box and whether positions carry a Z/M value.
 */
function checkGeometry(geometry: Polygon | MultiPolygon): Problem | { box: BBox; extra: boolean } {
  const coordinates: unknown = geometry.coordinates;
  if (!Array.isArray(coordinates))
    return { message: 'coordinates are not an array', expected: 'an array of rings' };
  const multi = geometry.type === 'MultiPolygon';
  const polygons: unknown[] = multi ? coordinates : [coordinates];
  if (polygons.length === 0)
    return { message: 'MultiPolygon has no polygons', expected: 'at least one polygon' };
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  let extra = false;
  for (let p = 0; p < polygons.length; p += 1) {
    const rings = polygons[p];
    const where = multi ? `polygon ${p}, ` : '';
    if (!Array.isArray(rings) || rings.length === 0)
      return { message: `${where}polygon has no rings`, expected: 'an outer ring' };
    for (let r = 0; r < rings.length; r += 1) {
      const ring: unknown = rings[r];
      const label = `${where}ring ${r}`;
      if (!Array.isArray(ring))
        return {
          message: `${label} is not an array of positions`,
          expected: 'an array of [x, y] positions',
        };
      if (ring.length < 4) {
        return {
          message: `${label} has ${ring.length} position${ring.length === 1 ? '' : 's'}`,
          expected: 'at least 4 positions (a closed ring repeats the first)',
        };
      }
      for (let i = 0; i < ring.length; i += 1) {
        const position: unknown = ring[i];
        const [x, y] = Array.isArray(position) ? (position as unknown[]) : [];
        if (
          typeof x !== 'number' ||
          typeof y !== 'number' ||
          !Number.isFinite(x) ||
          !Number.isFinite(y)
        ) {
          return {
            message: `${label}, position ${i} is not two finite numbers: ${show(position)}`,
            expected: 'two finite numbers [x, y]',
          };
        }
        if ((position as unknown[]).length > 2) extra = true;
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return {
          message: `${label} is not closed: first ${show(first)}, last ${show(last)}`,
          expected: 'the last position equal to the first',
        };
      }
    }
  }
  return { box, extra };
}

/** The one issue for a file that lies wholly outside its declared CRS's range: what it is instead. */
function wrongPlace(source: GeoSource, box: BBox): Problem {
  const other: Crs = source.crs === 'EPSG:4326' ? 'EPSG:28992' : 'EPSG:4326';
  const expected = `${CRS_RANGE_TEXT['EPSG:4326']}, or ${CRS_RANGE_TEXT['EPSG:28992']}`;
  if (boxInCrsRange(other, box)) {
    return {
      message: `coordinates are ${CRS_LABEL[other]} but the file declares ${source.crs}: ${span(box)}`,
      expected: CRS_RANGE_TEXT[other],
    };
  }
  if (boxInCrsRange('EPSG:4326', [box[1], box[0], box[3], box[2]])) {
    return {
      message: `coordinates are in lat/lon order: ${span(box)}`,
      expected: 'lon/lat order (x = longitude), as GeoJSON requires',
    };
  }
  return {
    message: `coordinates are neither WGS84 (lon/lat) nor RD New (EPSG:28992): ${span(box)}`,
    expected,
  };
}

function checkPolygons(source: GeoSource): { issues: ImportIssue[]; extra: boolean } {
  const issues: ImportIssue[] = [];
  const outside: Array<{ index: number; box: BBox }> = [];
  let checked = 0;
  let extra = false;
  for (const feature of source.features) {
    if (!feature.geometry) continue;
    const result = checkGeometry(feature.geometry);
    if ('message' in result) {
      issues.push({ file: source.file, feature: feature.index, ...result });
      continue;
    }
    checked += 1;
    extra ||= result.extra;
    if (!boxInCrsRange(source.crs, result.box))
      outside.push({ index: feature.index, box: result.box });
  }
  if (outside.length > 0 && outside.length === checked) {
    // Every shape is elsewhere: the file is in another CRS. One issue, not one per feature.
    const box = unionBBox(outside.map((o) => o.box))!;
    issues.push({ file: source.file, feature: outside[0]!.index, ...wrongPlace(source, box) });
  } else {
    for (const { index, box } of outside) {
      issues.push({
        file: source.file,
        feature: index,
        message: `coordinates outside the Netherlands for ${source.crs}: ${span(box)}`,
        expected: CRS_RANGE_TEXT[source.crs],
      });
    }
  }
  issues.sort((a, b) => a.feature! - b.feature!);
  return { issues, extra };
}

/**
 * Check every polygon: rings of ≥ 4 positions, closed (first = last), positions of two finite
 * numbers (a third, altitude, is tolerated), all within the range of the source's CRS. At most one
 * issue per feature, in feature order; a file wholly in another CRS gives a single issue. Null
 * geometries pass. Self-intersection is deliberately not checked: it is O(n²) per ring (or needs
 * a sweep line) over ~10⁶ national vertices, and the published generalised boundaries contain
 * harmless slivers anyway; maps and bboxes do not need it.
 * @example validatePolygons(readGeoJson('buurt.geojson', text)) // []
 */
export function validatePolygons(source: GeoSource): ImportIssue[] {
  return checkPolygons(source).issues;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function textOf(name: string, bytes: Uint8Array): string {
  if (isZip(bytes)) {
    throw new ImportFailure([
      {
        file: name,
        message: 'a ZIP archive, not a boundary file',
        expected: 'the .gpkg or .geojson inside it, unpacked',
      },
    ]);
  }
  try {
    // fatal: bytes that are not UTF-8 are no GeoJSON; the default BOM handling drops a BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFailure([
      {
        file: name,
        message: 'not a GeoPackage (SQLite) file nor UTF-8 GeoJSON text',
        expected: 'a .gpkg or .geojson file',
      },
    ]);
  }
}

/**
 * The public entry for boundary files: recognise the format by content (SQLite header → GeoPackage,
 * else UTF-8 GeoJSON), validate every polygon (one ImportFailure with all issues), and return the
 * source in WGS84 lon/lat with 2D positions.
 * @example const source = await readBoundaryFile('buurt 2024.gpkg', fs.readFileSync(path)); // crs 'EPSG:4326'
 */
export async function readBoundaryFile(
  name: string,
  bytes: Uint8Array,
  options: { layer?: string } = {},
): Promise<GeoSource> {
  let source: GeoSource;
  if (isSqlite(bytes)) {
    source = await readGeoPackage(name, bytes, options);
  } else {
    source = readGeoJson(name, textOf(name, bytes));
    if (options.layer !== undefined)
      source.warnings.push(`layer "${options.layer}" ignored: GeoJSON has no layers`);
  }
  const { issues, extra } = checkPolygons(source);
  if (issues.length > 0) throw new ImportFailure(issues.slice(0, MAX_ISSUES), issues.length);
  if (extra && source.crs === 'EPSG:4326') {
    // toWgs84 leaves WGS84 untouched, so drop altitudes here: downstream code assumes [lon, lat].
    const flat = source.features.map((f) => ({
      ...f,
      geometry: f.geometry && mapPositions(f.geometry, (p) => [p[0]!, p[1]!]),
    }));
    source = { ...source, features: flat };
  }
  return { ...toWgs84(source), sourceCrs: source.crs };
}
