import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A geometry blob that cannot become a polygon; gpkg.ts adds the file and feature index. */
export class GeometryDecodeError extends Error {
  constructor(
    message: string,
    readonly expected?: string,
  ) {
    super(message);
    this.name = 'GeometryDecodeError';
  }
}

const AREA = 'Polygon or MultiPolygon';

const WKB_TYPE_NAMES: Record<number, string> = {
  1: 'Point',
  2: 'LineString',
  3: 'Polygon',
  4: 'MultiPoint',
  5: 'MultiLineString',
  6: 'MultiPolygon',
  7: 'GeometryCollection',
  8: 'CircularString',
  9: 'CompoundCurve',
  10: 'CurvePolygon',
  11: 'MultiCurve',
  12: 'MultiSurface',
  15: 'PolyhedralSurface',
  16: 'TIN',
  17: 'Triangle',
};

/** Envelope sizes by the 3-bit indicator in the flags byte: none, xy, xyz, xym, xyzm. */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** Sequential reader; every count is checked against the bytes left so a corrupt blob cannot
 *  make us allocate gigabytes before failing. */
class Reader {
  private readonly view: DataView;

  constructor(
    bytes: Uint8Array,
    public pos: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  littleEndian(): boolean {
    const order = this.view.getUint8(this.pos++);
    if (order > 1)
      throw new GeometryDecodeError(
        `invalid WKB byte order ${order}`,
        '0 (big-endian) or 1 (little-endian)',
      );
    return order === 1;
  }

  count(little: boolean, minBytesEach: number): number {
    const n = this.view.getUint32(this.pos, little);
    this.pos += 4;
    if (n * minBytesEach > this.view.byteLength - this.pos)
      throw new GeometryDecodeError('geometry blob is truncated');
    return n;
  }

  type(little: boolean): { base: number; dims: number; raw: number } {
    const raw = this.view.getUint32(this.pos, little);
    this.pos += 4;
    // ISO WKB adds 1000 (Z), 2000 (M) or 3000 (ZM); EWKB/OGC-legacy sets high bits instead.
    const code = raw & 0x0fffffff;
    const iso = Math.floor(code / 1000);
    const z = iso === 1 || iso === 3 || (raw & 0x80000000) !== 0;
    const m = iso === 2 || iso === 3 || (raw & 0x40000000) !== 0;
    if ((raw & 0x20000000) !== 0)
      throw new GeometryDecodeError('EWKB with an embedded SRID is not GeoPackage WKB', 'ISO WKB');
    return { base: code % 1000, dims: 2 + (z ? 1 : 0) + (m ? 1 : 0), raw };
  }

  /** Polygon body after its header: rings of positions, Z and M dropped. */
  rings(little: boolean, dims: number): Position[][] {
    const rings: Position[][] = [];
    const ringCount = this.count(little, 4);
    for (let r = 0; r < ringCount; r += 1) {
      const pointCount = this.count(little, dims * 8);
      const ring: Position[] = new Array<Position>(pointCount);
      for (let p = 0; p < pointCount; p += 1) {
        ring[p] = [
          this.view.getFloat64(this.pos, little),
          this.view.getFloat64(this.pos + 8, little),
        ];
        this.pos += dims * 8;
      }
      rings.push(ring);
    }
    return rings;
  }
}

function unsupported(raw: number, base: number, where = 'geometry'): GeometryDecodeError {
  const name = WKB_TYPE_NAMES[base] ?? 'unknown';
  return new GeometryDecodeError(`${where} type ${name} (WKB type ${raw}) is not an area`, AREA);
}

/**
 * Decode standard or ISO WKB (either byte order; Z and M dropped) holding a Polygon or
 * MultiPolygon. Empty polygons (no rings, no parts) come back as null.
 * @example decodeWkb(bytes, 0) // { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }
 */
export function decodeWkb(bytes: Uint8Array, offset = 0): Polygon | MultiPolygon | null {
  const reader = new Reader(bytes, offset);
  try {
    const little = reader.littleEndian();
    const { base, dims, raw } = reader.type(little);
    if (base === 3) {
      const rings = reader.rings(little, dims);
      return rings.length > 0 ? { type: 'Polygon', coordinates: rings } : null;
    }
    if (base !== 6) throw unsupported(raw, base);
    const parts: Position[][][] = [];
    const partCount = reader.count(little, 9);
    for (let k = 0; k < partCount; k += 1) {
      // Each part carries its own byte order and type, as WKB allows.
      const partLittle = reader.littleEndian();
      const part = reader.type(partLittle);
      if (part.base !== 3) throw unsupported(part.raw, part.base, `MultiPolygon part ${k}:`);
      const rings = reader.rings(partLittle, part.dims);
      if (rings.length > 0) parts.push(rings);
    }
    return parts.length > 0 ? { type: 'MultiPolygon', coordinates: parts } : null;
  } catch (error) {
    // DataView reads past the end throw RangeError: a blob cut short.
    if (error instanceof RangeError) throw new GeometryDecodeError('geometry blob is truncated');
    throw error;
  }
}

/**
 * Decode a GeoPackage binary geometry (GeoPackage 1.x §2.1.3): "GP", version 0, flags (empty,
 * envelope kind, byte order of the header), srs_id, envelope, then WKB. The header's srs_id is not
 * used: the CRS is the column's, from gpkg_geometry_columns. The empty flag gives null.
 * @example decodeGeoPackageGeometry(blob)?.type // 'MultiPolygon'
 */
export function decodeGeoPackageGeometry(blob: Uint8Array): Polygon | MultiPolygon | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) {
    throw new GeometryDecodeError(
      'not a GeoPackage geometry blob (no "GP" header)',
      'GeoPackage binary geometry',
    );
  }
  if (blob[2] !== 0)
    throw new GeometryDecodeError(
      `unsupported GeoPackage geometry version ${blob[2]}`,
      'version 0 (GeoPackage 1.x)',
    );
  const flags = blob[3]!;
  if ((flags & 0x20) !== 0) {
    throw new GeometryDecodeError(
      'extended GeoPackage geometry is not supported',
      'standard GeoPackage binary geometry',
    );
  }
  if ((flags & 0x10) !== 0) return null;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined)
    throw new GeometryDecodeError(`invalid envelope indicator ${(flags >> 1) & 0x07}`, '0–4');
  if (blob.length <= 8 + envelope) throw new GeometryDecodeError('geometry blob is truncated');
  return decodeWkb(blob, 8 + envelope);
}
