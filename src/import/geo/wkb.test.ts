import { describe, expect, test } from 'vitest';
import { encodeGeoPackageGeometry } from './testing/write-gpkg.js';
import { decodeGeoPackageGeometry, decodeWkb, GeometryDecodeError } from './wkb.js';

/** Hand-built bytes, written independently of the test helper's encoder. */
class Bytes {
  private readonly out: number[] = [];
  constructor(private readonly little: boolean) {}
  u8(...values: number[]): this {
    this.out.push(...values);
    return this;
  }
  private put(size: number, write: (view: DataView) => void): this {
    const view = new DataView(new ArrayBuffer(size));
    write(view);
    return this.u8(...new Uint8Array(view.buffer));
  }
  u32(value: number): this {
    return this.put(4, (v) => v.setUint32(0, value, this.little));
  }
  i32(value: number): this {
    return this.put(4, (v) => v.setInt32(0, value, this.little));
  }
  f64(...values: number[]): this {
    for (const value of values) this.put(8, (v) => v.setFloat64(0, value, this.little));
    return this;
  }
  /** WKB byte-order byte matching this builder. */
  order(): this {
    return this.u8(this.little ? 1 : 0);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

const ring = (...points: number[][]) => points;

describe('decodeGeoPackageGeometry', () => {
  test('big-endian header and WKB, with an xy envelope', () => {
    const b = new Bytes(false).u8(0x47, 0x50, 0, 0b0000_0010).i32(28992).f64(100, 200, 400, 500);
    b.order().u32(3).u32(1).u32(4).f64(100, 400, 200, 400, 200, 500, 100, 400);
    expect(decodeGeoPackageGeometry(b.bytes())).toEqual({
      type: 'Polygon',
      coordinates: [ring([100, 400], [200, 400], [200, 500], [100, 400])],
    });
  });

  test('a MultiPolygon with holes, little-endian, parts with their own byte order', () => {
    const b = new Bytes(true).u8(0x47, 0x50, 0, 0b0000_0011).i32(4326).f64(4, 6, 52, 53);
    b.order().u32(6).u32(2);
    // Part 0: outer ring and one hole, little-endian.
    b.order().u32(3).u32(2);
    b.u32(5).f64(4, 52, 5, 52, 5, 53, 4, 53, 4, 52);
    b.u32(4).f64(4.2, 52.2, 4.4, 52.2, 4.2, 52.4, 4.2, 52.2);
    // Part 1: big-endian inside a little-endian multipolygon, as WKB allows.
    const part = new Bytes(false)
      .order()
      .u32(3)
      .u32(1)
      .u32(4)
      .f64(5.5, 52, 6, 52, 6, 52.5, 5.5, 52)
      .bytes();
    const blob = Uint8Array.from([...b.bytes(), ...part]);
    expect(decodeGeoPackageGeometry(blob)).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          ring([4, 52], [5, 52], [5, 53], [4, 53], [4, 52]),
          ring([4.2, 52.2], [4.4, 52.2], [4.2, 52.4], [4.2, 52.2]),
        ],
        [ring([5.5, 52], [6, 52], [6, 52.5], [5.5, 52])],
      ],
    });
  });

  test('ISO WKB with Z, M and ZM drops the extra ordinates', () => {
    const z = new Bytes(true)
      .order()
      .u32(1003)
      .u32(1)
      .u32(4)
      .f64(1, 2, 9, 3, 4, 9, 5, 6, 9, 1, 2, 9)
      .bytes();
    expect(decodeWkb(z)).toEqual({
      type: 'Polygon',
      coordinates: [ring([1, 2], [3, 4], [5, 6], [1, 2])],
    });
    const m = new Bytes(false)
      .order()
      .u32(2003)
      .u32(1)
      .u32(4)
      .f64(1, 2, 7, 3, 4, 7, 5, 6, 7, 1, 2, 7)
      .bytes();
    expect(decodeWkb(m)).toEqual({
      type: 'Polygon',
      coordinates: [ring([1, 2], [3, 4], [5, 6], [1, 2])],
    });
    const zm = new Bytes(true).order().u32(3006).u32(1).order().u32(3003).u32(1).u32(4);
    zm.f64(1, 2, 8, 9, 3, 4, 8, 9, 5, 6, 8, 9, 1, 2, 8, 9);
    expect(decodeWkb(zm.bytes())).toEqual({
      type: 'MultiPolygon',
      coordinates: [[ring([1, 2], [3, 4], [5, 6], [1, 2])]],
    });
    // EWKB-style Z flag (0x80000000 | 3), as older writers produce.
    const ewkb = new Bytes(true)
      .order()
      .u32(0x80000003)
      .u32(1)
      .u32(4)
      .f64(1, 2, 0, 3, 4, 0, 5, 6, 0, 1, 2, 0)
      .bytes();
    expect(decodeWkb(ewkb)).toEqual({
      type: 'Polygon',
      coordinates: [ring([1, 2], [3, 4], [5, 6], [1, 2])],
    });
  });

  test('a 48-byte xyz envelope is skipped correctly', () => {
    const b = new Bytes(true).u8(0x47, 0x50, 0, 0b0000_0101).i32(4326).f64(0, 1, 0, 1, 0, 0);
    b.order().u32(3).u32(1).u32(4).f64(0, 0, 1, 0, 1, 1, 0, 0);
    expect(decodeGeoPackageGeometry(b.bytes())?.type).toBe('Polygon');
  });

  test('the empty flag, and empty WKB polygons, give null', () => {
    expect(
      decodeGeoPackageGeometry(
        new Bytes(true).u8(0x47, 0x50, 0, 0b0001_0001).i32(4326).order().u32(3).u32(0).bytes(),
      ),
    ).toBeNull();
    expect(decodeWkb(new Bytes(true).order().u32(6).u32(0).bytes())).toBeNull();
    expect(decodeWkb(new Bytes(false).order().u32(3).u32(0).bytes())).toBeNull();
  });

  test.each([
    [
      'Point',
      new Bytes(true).order().u32(1).f64(4, 52),
      'geometry type Point (WKB type 1) is not an area',
    ],
    [
      'CurvePolygon',
      new Bytes(true).order().u32(10).u32(0),
      'geometry type CurvePolygon (WKB type 10) is not an area',
    ],
    [
      'MultiSurface',
      new Bytes(true).order().u32(12).u32(0),
      'geometry type MultiSurface (WKB type 12) is not an area',
    ],
    [
      'Point Z',
      new Bytes(false).order().u32(1001).f64(4, 52, 0),
      'geometry type Point (WKB type 1001) is not an area',
    ],
    [
      'a Point inside a MultiPolygon',
      new Bytes(true).order().u32(6).u32(1).order().u32(1).f64(4, 52),
      'MultiPolygon part 0: type Point (WKB type 1) is not an area',
    ],
  ])('%s is refused', (_, wkb, message) => {
    const blob = Uint8Array.from([
      ...new Bytes(true).u8(0x47, 0x50, 0, 1).i32(4326).bytes(),
      ...wkb.bytes(),
    ]);
    expect(() => decodeGeoPackageGeometry(blob)).toThrow(
      new GeometryDecodeError(message, 'Polygon or MultiPolygon'),
    );
    try {
      decodeGeoPackageGeometry(blob);
    } catch (error) {
      expect((error as GeometryDecodeError).expected).toBe('Polygon or MultiPolygon');
    }
  });

  test('broken blobs fail with a reason instead of a RangeError or a huge allocation', () => {
    const full = new Bytes(true).order().u32(3).u32(1).u32(4).f64(0, 0, 1, 0, 1, 1, 0, 0).bytes();
    expect(() => decodeWkb(full.slice(0, full.length - 3))).toThrow('geometry blob is truncated');
    const huge = new Bytes(true).order().u32(3).u32(1).u32(0xffffffff).bytes();
    expect(() => decodeWkb(huge)).toThrow('geometry blob is truncated');
    expect(() => decodeWkb(Uint8Array.from([7, 3, 0, 0, 0]))).toThrow('invalid WKB byte order 7');
    expect(() => decodeGeoPackageGeometry(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toThrow(
      'no "GP" header',
    );
    expect(() =>
      decodeGeoPackageGeometry(
        new Bytes(true).u8(0x47, 0x50, 0, 0b0010_0001).i32(0).order().bytes(),
      ),
    ).toThrow('extended');
    expect(() =>
      decodeGeoPackageGeometry(
        new Bytes(true).u8(0x47, 0x50, 0, 0b0000_1111).i32(0).order().bytes(),
      ),
    ).toThrow('invalid envelope indicator 7');
  });
});

test('the test helper encoder and the decoder agree', () => {
  const geometry = {
    type: 'MultiPolygon' as const,
    coordinates: [
      [
        ring([4, 52], [5, 52], [5, 53], [4, 52]),
        ring([4.1, 52.1], [4.2, 52.1], [4.1, 52.2], [4.1, 52.1]),
      ],
      [ring([6, 52], [7, 52], [7, 53], [6, 52])],
    ],
  };
  const blob = encodeGeoPackageGeometry(geometry, 4326);
  expect(decodeGeoPackageGeometry(blob)).toEqual(geometry);
  // Envelope [minx, maxx, miny, maxy] right after the 8-byte header.
  const view = new DataView(blob.buffer);
  expect([8, 16, 24, 32].map((at) => view.getFloat64(at, true))).toEqual([4, 7, 52, 53]);
});
