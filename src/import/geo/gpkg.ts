import type { Database, SqlValue } from 'sql.js';
import { ImportFailure, IssueCollector, type ImportIssue } from '../import-error.js';
import type { Crs, GeoFeatureRecord, GeoSource } from './geo-source.js';
import { loadSqlJs } from './sqljs.js';
import { decodeGeoPackageGeometry, GeometryDecodeError } from './wkb.js';

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Whether bytes start with the SQLite header; a GeoPackage is an SQLite file.
 * @example isSqlite(fs.readFileSync('buurt 2024.gpkg')) // true
 */
export function isSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < SQLITE_MAGIC.length) return false;
  for (let i = 0; i < SQLITE_MAGIC.length; i += 1) {
    if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  }
  return true;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function fail(file: string, message: string, expected?: string): ImportFailure {
  const issue: ImportIssue = { file, message };
  if (expected) issue.expected = expected;
  return new ImportFailure([issue]);
}

/** Rows of a metadata query; a missing gpkg_* table means an SQLite file that is no GeoPackage. */
function query(db: Database, file: string, sql: string, params: SqlValue[] = []): SqlValue[][] {
  try {
    return db.exec(sql, params)[0]?.values ?? [];
  } catch (error) {
    const table = /no such table: (\w+)/.exec((error as Error).message)?.[1];
    if (table)
      throw fail(
        file,
        `not a GeoPackage: the SQLite file has no ${table} table`,
        'a GeoPackage with gpkg_contents, gpkg_geometry_columns and gpkg_spatial_ref_sys',
      );
    throw error;
  }
}

function chooseLayer(db: Database, file: string, wanted: string | undefined): string {
  const layers = query(
    db,
    file,
    "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name",
  ).map((r) => String(r[0]));
  const list = layers.map((l) => `"${l}"`).join(', ');
  if (wanted !== undefined) {
    const found =
      layers.find((l) => l === wanted) ??
      layers.find((l) => l.toLowerCase() === wanted.toLowerCase());
    if (!found)
      throw fail(
        file,
        `no feature layer "${wanted}" in the GeoPackage`,
        `one of ${list || '(none: the file holds no feature layers)'}`,
      );
    return found;
  }
  if (layers.length === 0)
    throw fail(
      file,
      'the GeoPackage holds no feature layer',
      'a layer with data_type "features" in gpkg_contents',
    );
  if (layers.length > 1) {
    throw fail(
      file,
      `the GeoPackage holds ${layers.length} feature layers (${list}); choose one`,
      'a layer option naming one of them',
    );
  }
  return layers[0]!;
}

/** The geometry column and its CRS; only EPSG 4326 and 28992 are accepted. */
function geometryColumn(db: Database, file: string, layer: string): { column: string; crs: Crs } {
  const row = query(
    db,
    file,
    'SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?',
    [layer],
  )[0];
  if (!row)
    throw fail(
      file,
      `layer "${layer}" has no entry in gpkg_geometry_columns`,
      'a feature layer with a geometry column',
    );
  const [column, srsId] = row;
  const srs = query(
    db,
    file,
    'SELECT srs_name, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
    [srsId ?? null],
  )[0];
  if (!srs)
    throw fail(
      file,
      `layer "${layer}" uses srs_id ${String(srsId)}, which gpkg_spatial_ref_sys does not define`,
    );
  const [srsName, organization, code] = srs;
  const epsg = String(organization).toUpperCase() === 'EPSG' ? Number(code) : NaN;
  if (epsg !== 4326 && epsg !== 28992) {
    throw fail(
      file,
      `layer "${layer}" is in an unsupported coordinate system: "${String(srsName)}" (${String(organization)}:${String(code)}, srs_id ${String(srsId)})`,
      'EPSG:4326 (WGS84) or EPSG:28992 (RD New)',
    );
  }
  return { column: String(column), crs: epsg === 4326 ? 'EPSG:4326' : 'EPSG:28992' };
}

function readFeatures(
  db: Database,
  file: string,
  layer: string,
  geometry: string,
  warnings: string[],
): GeoFeatureRecord[] {
  // table_info: [cid, name, type, notnull, dflt_value, pk]. The integer primary key (fid) is the
  // row identity, not an attribute, as in ogr2ogr's GeoJSON output; it fixes the feature order.
  const info = query(db, file, `PRAGMA table_info(${quote(layer)})`);
  // gpkg_contents can name a table (or a geometry column) that is not there: say so, rather than
  // letting SQLite fail or read a quoted missing column as a string literal.
  if (info.length === 0)
    throw fail(
      file,
      `layer "${layer}" is listed in gpkg_contents but its table is missing`,
      'a GeoPackage written by GIS software',
    );
  if (!info.some((c) => String(c[1]) === geometry)) {
    throw fail(
      file,
      `layer "${layer}" has no geometry column "${geometry}" (gpkg_geometry_columns names it)`,
      'a GeoPackage written by GIS software',
    );
  }
  const pk = info.find((c) => c[5] === 1 && String(c[2]).toUpperCase() === 'INTEGER')?.[1];
  const attributes = info.map((c) => String(c[1])).filter((c) => c !== pk && c !== geometry);
  const select = [geometry, ...attributes].map(quote).join(', ');
  const statement = db.prepare(
    `SELECT ${select} FROM ${quote(layer)}${pk === undefined ? '' : ` ORDER BY ${quote(String(pk))}`}`,
  );
  const issues = new IssueCollector();
  const binary = new Set<string>();
  const features: GeoFeatureRecord[] = [];
  try {
    for (let index = 0; statement.step(); index += 1) {
      const row = statement.get();
      const properties: Record<string, unknown> = {};
      attributes.forEach((name, i) => {
        const value = row[i + 1] ?? null;
        // Blobs have no meaning as boundary attributes and would not survive JSON; drop them.
        if (value instanceof Uint8Array) binary.add(name);
        else properties[name] = value;
      });
      const blob = row[0] ?? null;
      try {
        if (blob !== null && !(blob instanceof Uint8Array))
          throw new GeometryDecodeError(
            `geometry is ${typeof blob}, not a blob`,
            'GeoPackage binary geometry',
          );
        features.push({
          index,
          properties,
          geometry: blob === null ? null : decodeGeoPackageGeometry(blob),
        });
      } catch (error) {
        if (!(error instanceof GeometryDecodeError)) throw error;
        const issue: ImportIssue = {
          file,
          feature: index,
          column: geometry,
          message: error.message,
        };
        if (error.expected) issue.expected = error.expected;
        issues.add(issue);
      }
    }
  } finally {
    statement.free();
  }
  issues.throwIfAny();
  if (binary.size > 0) warnings.push(`binary columns left out: ${[...binary].join(', ')}`);
  return features;
}

/**
 * Read one feature layer of a GeoPackage (an SQLite file) with sql.js, in memory. With several
 * feature layers, `options.layer` must name one. Geometry must be (Multi)Polygon, with Z/M
 * dropped; the CRS must be EPSG:4326 or EPSG:28992. Attribute columns become properties as
 * stored (numbers, text, null); the integer primary key is left out.
 * @example await readGeoPackage('buurt 2024.gpkg', bytes) // { crs: 'EPSG:28992', layer: 'buurt_2024', … }
 */
export async function readGeoPackage(
  name: string,
  bytes: Uint8Array,
  options: { layer?: string } = {},
): Promise<GeoSource> {
  if (!isSqlite(bytes))
    throw fail(
      name,
      'not a GeoPackage (SQLite) file',
      'a .gpkg file starting with "SQLite format 3"',
    );
  const SQL = await loadSqlJs();
  const db = new SQL.Database(bytes);
  try {
    const layer = chooseLayer(db, name, options.layer);
    const { column, crs } = geometryColumn(db, name, layer);
    const warnings: string[] = [];
    const features = readFeatures(db, name, layer, column, warnings);
    if (features.length === 0) warnings.push(`layer "${layer}" holds no features`);
    return { file: name, format: 'gpkg', crs, layer, features, warnings };
  } catch (error) {
    // SQLite notices a damaged body behind a valid header only when it reads the page, which
    // can be the first metadata query or the middle of the layer.
    if (!(error instanceof ImportFailure) && /not a database|malformed/.test(String(error))) {
      throw fail(name, 'not a GeoPackage (SQLite) file', 'an undamaged .gpkg file');
    }
    throw error;
  } finally {
    db.close();
  }
}
