/**
 * Test helper: writes a minimal, valid GeoPackage 1.3 with sql.js, so tests can feed the reader
 * official-format files made from the real GeoJSON in shared/data (no .gpkg sample exists there).
 * Only tests import this module.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf, unionBBox, type BBox } from '../../../domain/geometry/bbox.js';
import { RD_NEW_PROJ4 } from '../crs.js';
import { loadSqlJs } from '../sqljs.js';

export interface GpkgFeatureInput {
  properties: Record<string, string | number | null>;
  geometry: Polygon | MultiPolygon | null;
}

const towgs84 = /\+towgs84=([^ ]+)/.exec(RD_NEW_PROJ4)![1];

/** The rows gpkg_spatial_ref_sys must hold (GeoPackage §1.1.2.1.2), plus RD New when used. */
const SRS_ROWS: Array<[string, number, string, number, string]> = [
  ['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined'],
  ['Undefined geographic SRS', 0, 'NONE', 0, 'undefined'],
  [
    'WGS 84 geodetic',
    4326,
    'EPSG',
    4326,
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]',
  ],
];
const RD_ROW: [string, number, string, number, string] = [
  'Amersfoort / RD New',
  28992,
  'EPSG',
  28992,
  `PROJCS["Amersfoort / RD New",GEOGCS["Amersfoort",DATUM["Amersfoort",SPHEROID["Bessel 1841",6377397.155,299.1528128],TOWGS84[${towgs84}]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Oblique_Stereographic"],PARAMETER["latitude_of_origin",52.15616055555555],PARAMETER["central_meridian",5.38763888888889],PARAMETER["scale_factor",0.9999079],PARAMETER["false_easting",155000],PARAMETER["false_northing",463000],UNIT["metre",1],AUTHORITY["EPSG","28992"]]`,
];

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function polygonWkbSize(rings: Position[][]): number {
  return 9 + rings.reduce((n, ring) => n + 4 + ring.length * 16, 0);
}

/**
 * GeoPackage binary geometry: "GP", version 0, flags (xy envelope, little-endian), srs_id,
 * envelope [minx, maxx, miny, maxy], then little-endian WKB.
 * @example encodeGeoPackageGeometry({ type: 'Polygon', coordinates: [ring] }, 28992)
 */
export function encodeGeoPackageGeometry(
  geometry: Polygon | MultiPolygon,
  srsId: number,
): Uint8Array {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const wkbSize =
    geometry.type === 'Polygon'
      ? polygonWkbSize(geometry.coordinates)
      : 9 + polygons.reduce((n, p) => n + polygonWkbSize(p), 0);
  const bytes = new Uint8Array(8 + 32 + wkbSize);
  const view = new DataView(bytes.buffer);
  let at = 0;
  const u8 = (v: number) => view.setUint8(at++, v);
  const u32 = (v: number) => (view.setUint32(at, v, true), (at += 4));
  const f64 = (v: number) => (view.setFloat64(at, v, true), (at += 8));
  u8(0x47);
  u8(0x50);
  u8(0);
  u8((1 << 1) | 1); // envelope kind 1 (xy), little-endian header
  view.setInt32(at, srsId, true);
  at += 4;
  const [minX, minY, maxX, maxY] = bboxOf(geometry);
  [minX, maxX, minY, maxY].forEach(f64);
  const polygon = (rings: Position[][]) => {
    u8(1);
    u32(3);
    u32(rings.length);
    for (const ring of rings) {
      u32(ring.length);
      for (const p of ring) {
        f64(p[0]!);
        f64(p[1]!);
      }
    }
  };
  if (geometry.type === 'Polygon') polygon(geometry.coordinates);
  else {
    u8(1);
    u32(6);
    u32(polygons.length);
    polygons.forEach(polygon);
  }
  return bytes;
}

function columnType(values: Array<string | number | null>): string {
  if (values.some((v) => typeof v === 'string')) return 'TEXT';
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length === 0) return 'TEXT';
  return numbers.every(Number.isInteger) ? 'INTEGER' : 'REAL';
}

/**
 * Build a GeoPackage with one feature layer: gpkg_spatial_ref_sys, gpkg_contents,
 * gpkg_geometry_columns and the table (fid, geom, attributes). A MULTIPOLYGON layer (the default,
 * as ogr2ogr -nlt PROMOTE_TO_MULTI writes it) promotes Polygons to one-part MultiPolygons.
 * Async, unlike the brief's sketch, because sql.js can only be initialised asynchronously.
 * @example const bytes = await writeGeoPackage(features, { srsId: 28992, layer: 'buurt_2024' });
 */
export async function writeGeoPackage(
  features: GpkgFeatureInput[],
  options: { srsId: 4326 | 28992; layer: string; geometryType?: 'MULTIPOLYGON' | 'POLYGON' },
): Promise<Uint8Array> {
  const geometryType = options.geometryType ?? 'MULTIPOLYGON';
  const geometries = features.map(({ geometry }, i) => {
    if (!geometry || geometryType === 'POLYGON' || geometry.type === 'MultiPolygon') {
      if (geometry?.type === 'MultiPolygon' && geometryType === 'POLYGON')
        throw new Error(`feature ${i} is a MultiPolygon in a POLYGON layer`);
      return geometry;
    }
    return { type: 'MultiPolygon', coordinates: [geometry.coordinates] } satisfies MultiPolygon;
  });
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const types = keys.map((k) => columnType(features.map((f) => f.properties[k] ?? null)));
  const extent =
    unionBBox(geometries.filter((g) => g !== null).map(bboxOf)) ?? ([0, 0, 0, 0] as BBox);

  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;
      CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
        description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL UNIQUE REFERENCES gpkg_contents(table_name),
        column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL REFERENCES gpkg_spatial_ref_sys(srs_id), z TINYINT NOT NULL, m TINYINT NOT NULL,
        PRIMARY KEY (table_name, column_name));`);
    for (const row of options.srsId === 28992 ? [...SRS_ROWS, RD_ROW] : SRS_ROWS) {
      db.run(
        'INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition) VALUES (?, ?, ?, ?, ?)',
        row,
      );
    }
    db.run(
      "INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?)",
      [options.layer, options.layer, ...extent, options.srsId],
    );
    db.run("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)", [
      options.layer,
      geometryType,
      options.srsId,
    ]);
    const columns = keys.map((k, i) => `, ${quote(k)} ${types[i]}`).join('');
    db.run(
      `CREATE TABLE ${quote(options.layer)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom ${geometryType}${columns})`,
    );
    const insert = db.prepare(
      `INSERT INTO ${quote(options.layer)} (geom${keys.map((k) => `, ${quote(k)}`).join('')}) VALUES (?${', ?'.repeat(keys.length)})`,
    );
    db.run('BEGIN');
    features.forEach((f, i) => {
      const geometry = geometries[i];
      insert.run([
        geometry ? encodeGeoPackageGeometry(geometry, options.srsId) : null,
        ...keys.map((k) => f.properties[k] ?? null),
      ]);
    });
    db.run('COMMIT');
    insert.free();
    return db.export();
  } finally {
    db.close();
  }
}

/**
 * Run SQL against a GeoPackage and return the changed file: for tests that need a second layer,
 * a foreign CRS or a hand-made geometry blob. A script without params may hold several
 * statements; with params, only one.
 * @example await editGeoPackage(bytes, "UPDATE gpkg_geometry_columns SET srs_id = 3857")
 */
export async function editGeoPackage(
  bytes: Uint8Array,
  sql: string,
  params: Array<string | number | Uint8Array | null> = [],
): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(bytes);
  try {
    // exec runs every statement of a script; parameters need run, which takes one statement.
    if (params.length === 0) db.exec(sql);
    else db.run(sql, params);
    return db.export();
  } finally {
    db.close();
  }
}
