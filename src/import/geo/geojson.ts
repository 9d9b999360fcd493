import type { MultiPolygon, Polygon } from 'geojson';
import { ImportFailure, IssueCollector } from '../import-error.js';
import { crsFromName, detectCrs } from './crs.js';
import type { Crs, GeoFeatureRecord, GeoSource } from './geo-source.js';
import { jsonErrorOffset, lineColumn } from './json-position.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a user put where an object was expected, in a few words. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isObject(value))
    return typeof value.type === 'string' ? `type "${value.type}"` : 'an object without "type"';
  return `a ${typeof value}`;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = jsonErrorOffset(text);
    if (at < 0) {
      throw new ImportFailure([{ file, message: `not valid JSON: ${(error as Error).message}` }]);
    }
    const { line, column } = lineColumn(text, at);
    const what =
      at >= text.length ? 'unexpected end of text' : `unexpected ${JSON.stringify(text[at])}`;
    throw new ImportFailure([
      {
        file,
        line,
        message: `not valid JSON: ${what} at position ${at} (line ${line}, column ${column})`,
        expected: 'a GeoJSON FeatureCollection',
      },
    ]);
  }
}

/**
 * The CRS named by a legacy (2008 GeoJSON) `crs` member: `{"type": "name", "properties":
 * {"name": …}}` as GDAL writes it, or the older `{"type": "EPSG", "properties": {"code": …}}`.
 * RFC 7946 dropped the member, but QGIS and ogr2ogr still write it for RD New files.
 */
function declaredCrs(file: string, member: unknown): Crs | null {
  if (member === undefined || member === null) return null;
  let name: string | undefined;
  if (isObject(member) && isObject(member.properties)) {
    const { properties } = member;
    if (member.type === 'name' && typeof properties.name === 'string') name = properties.name;
    if (member.type === 'EPSG' && properties.code !== undefined)
      name = `EPSG:${String(properties.code)}`;
  }
  const crs = name === undefined ? null : crsFromName(name);
  if (crs) return crs;
  throw new ImportFailure([
    {
      file,
      message: `unsupported coordinate reference system ${name ?? JSON.stringify(member)}`,
      expected: 'CRS84 / EPSG:4326 (WGS84 lon/lat) or EPSG:28992 (RD New)',
    },
  ]);
}

function readFeature(
  file: string,
  value: unknown,
  index: number,
  issues: IssueCollector,
): GeoFeatureRecord | null {
  if (!isObject(value) || value.type !== 'Feature') {
    issues.add({
      file,
      feature: index,
      message: `not a Feature (found ${describe(value)})`,
      expected: '{"type": "Feature", "properties": {…}, "geometry": {…}}',
    });
    return null;
  }
  const { properties, geometry } = value;
  if (properties !== undefined && properties !== null && !isObject(properties)) {
    issues.add({
      file,
      feature: index,
      message: `properties is ${describe(properties)}`,
      expected: 'an object or null',
    });
    return null;
  }
  // A feature without geometry is legal GeoJSON (an area whose shape is unknown); keep it as null.
  if (geometry === undefined || geometry === null) {
    return { index, properties: properties ?? {}, geometry: null };
  }
  if (!isObject(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    const found =
      isObject(geometry) && typeof geometry.type === 'string' ? geometry.type : describe(geometry);
    issues.add({
      file,
      feature: index,
      message: `geometry type ${found} is not an area`,
      expected: 'Polygon or MultiPolygon',
    });
    return null;
  }
  // Coordinates are checked position by position in validatePolygons, not here.
  return {
    index,
    properties: properties ?? {},
    geometry: geometry as unknown as Polygon | MultiPolygon,
  };
}

/**
 * Parse a GeoJSON FeatureCollection text (a leading BOM is ignored). Every feature must be a
 * Feature with a Polygon, MultiPolygon or null geometry; all wrong features are reported at once.
 * The CRS comes from a legacy `crs` member, else from the coordinates (detectCrs), else it is
 * WGS84 as RFC 7946 says (validatePolygons then reports coordinates that do not fit).
 * A FeatureCollection without features is accepted and gives an empty source with a warning:
 * whether "no areas" is an error is the caller's decision, not the file format's.
 * @example readGeoJson('wijk.geojson', text).features.length // 112
 */
export function readGeoJson(name: string, text: string): GeoSource {
  const doc = parseJson(name, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    throw new ImportFailure([
      {
        file: name,
        message: `not a FeatureCollection (found ${isObject(doc) && Array.isArray(doc.features) ? 'a "features" array without type "FeatureCollection"' : describe(doc)})`,
        expected: '{"type": "FeatureCollection", "features": […]}',
      },
    ]);
  }
  const issues = new IssueCollector();
  const features: GeoFeatureRecord[] = [];
  doc.features.forEach((value: unknown, index) => {
    const feature = readFeature(name, value, index, issues);
    if (feature) features.push(feature);
  });
  issues.throwIfAny();

  const warnings: string[] = [];
  if (features.length === 0) warnings.push('the file holds no features');
  let crs = declaredCrs(name, doc.crs);
  if (!crs) {
    const detected = detectCrs(features);
    if (detected === 'EPSG:28992') {
      warnings.push('no "crs" member; the coordinates are RD New (EPSG:28992), so read as such');
    }
    crs = detected ?? 'EPSG:4326';
  }
  return { file: name, format: 'geojson', crs, layer: null, features, warnings };
}
