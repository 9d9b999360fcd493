import type { MultiPolygon, Polygon, Position } from 'geojson';

/** The two coordinate systems Dutch boundary files come in: WGS84 lon/lat and RD New. */
export type Crs = 'EPSG:4326' | 'EPSG:28992';

/** One feature of a boundary file, as read: attributes and a (multi)polygon, not yet checked. */
export interface GeoFeatureRecord {
  /** 0-based index of the feature in the file (GeoJSON order, or GeoPackage primary-key order). */
  index: number;
  properties: Record<string, unknown>;
  /** Null for a feature without geometry (GeoJSON `null`, SQL NULL or an empty GeoPackage blob). */
  geometry: Polygon | MultiPolygon | null;
}

/**
 * A boundary file as read from disk: every feature in file order, with the CRS it is in.
 * @example
 * const source: GeoSource = { file: 'buurt.geojson', format: 'geojson', crs: 'EPSG:4326', layer: null, features: [], warnings: [] };
 */
export interface GeoSource {
  file: string;
  format: 'geojson' | 'gpkg';
  crs: Crs;
  /** GeoPackage table the features came from; null for GeoJSON. */
  layer: string | null;
  /** The CRS of the file itself, when the features were reprojected from it (readBoundaryFile). */
  sourceCrs?: Crs;
  features: GeoFeatureRecord[];
  /** Things a user may want to know that do not stop the import (a guessed CRS, dropped columns). */
  warnings: string[];
}

/**
 * The rings of a polygon or multipolygon as one list of polygons, so callers need one loop.
 * @example polygonsOf({ type: 'Polygon', coordinates: [ring] }) // [[ring]]
 */
export function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * A copy of a geometry with every position passed through `fn` (reprojection, dropping Z).
 * @example mapPositions(polygon, ([x, y]) => [x! * 2, y! * 2])
 */
export function mapPositions<G extends Polygon | MultiPolygon>(
  geometry: G,
  fn: (position: Position) => Position,
): G {
  const ring = (r: Position[]) => r.map(fn);
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } as G;
  }
  return {
    type: 'MultiPolygon',
    coordinates: (geometry as MultiPolygon).coordinates.map((p) => p.map(ring)),
  } as G;
}
