import type { MapShapeRow } from '../db/queries/map-queries.js';
import { ResponseCache } from './response-cache.js';

/**
 * The caches of derived map data, one set per database: two apps on two databases in one
 * process (tests, or PGlite beside a server) must never see each other's layers.
 */
export interface MapCaches {
  layers: ResponseCache;
  shapes: ShapeCache;
}

const byDatabase = new WeakMap<object, MapCaches>();

export function mapCachesFor(db: object): MapCaches {
  let caches = byDatabase.get(db);
  if (!caches) {
    // Gzipped layers: 32 MB holds ~40 national layers. Shapes are text: ~12 MB per national detail.
    caches = { layers: new ResponseCache(32 * 2 ** 20), shapes: new ShapeCache(64 * 2 ** 20) };
    byDatabase.set(db, caches);
  }
  return caches;
}

/**
 * Shapes per scope and detail, kept per data version, bounded by bytes: switching indicator or
 * year in the same view then reads only the figures.
 */
export class ShapeCache {
  private readonly entries = new Map<
    string,
    { version: number; shapes: MapShapeRow[]; bytes: number }
  >();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string, version: number): MapShapeRow[] | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= entry.bytes;
      return null;
    }
    this.entries.set(key, entry);
    return entry.shapes;
  }

  set(key: string, version: number, shapes: MapShapeRow[]): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    const bytes = shapes.reduce((sum, s) => sum + (s.geojson?.length ?? 0) + s.name.length + 64, 0);
    this.entries.set(key, { version, shapes, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes || this.entries.size <= 1) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }
}
