import type { Kysely } from 'kysely';
import { dataViewKey, mayView, type DataView } from '../domain/access/policy.js';
import { disclose } from '../domain/privacy/disclose.js';
import type { DisclosureRules } from '../domain/privacy/disclosure-rules.js';
import { unionBBox } from '../domain/geometry/bbox.js';
import { assembleLayerBody, type LayerRow } from '../domain/map/assemble-layer.js';
import { findMapShapes, findMapValues, type MapValueRow } from '../db/queries/map-queries.js';
import type { Database } from '../db/tables.js';
import { readDataVersion } from './data-version.js';
import { mapCachesFor } from './map-caches.js';
import { resolveMapScope, type MapLayerRequest } from './map-scope.js';
import { bodyText, type CachedBody } from './response-cache.js';

export type { MapLayerRequest } from './map-scope.js';

export interface MapLayer {
  key: string;
  entry: CachedBody;
  /** The indicator is sensitive: its view is audited. */
  sensitive: boolean;
}

/**
 * The choropleth layer: a GeoJSON FeatureCollection of the areas of one level inside a parent
 * (or the country), each with the indicator's value, status, year and class, plus the legend
 * as foreign members. Built from pre-serialised shapes and cached per data version, so a
 * repeated request costs a lookup.
 */
export async function getMapLayer(
  db: Kysely<Database>,
  request: MapLayerRequest,
  view: DataView,
  rules: DisclosureRules,
): Promise<MapLayer> {
  // The version is read before any data: a layer built from newer data under an older version
  // is replaced at the next bump, whereas the reverse would be served stale for good.
  const version = await readDataVersion(db);
  const resolved = await resolveMapScope(db, request, view);
  const { indicator, classIndicator, parent, scope, years, year, detail } = resolved;
  const caches = mapCachesFor(db);
  // The requested parent, not the scope: 'within NL00' and 'national' share shapes, not legends.
  const key = JSON.stringify([
    scope.boundaryYear,
    scope.level,
    parent?.code ?? null,
    indicator.key,
    year,
    detail,
    // Scope and disclosure change what a layer holds; the full view keeps the plain key.
    view.restricted || !view.scope.all ? dataViewKey(view) : null,
  ]);
  const sensitive = indicator.sensitive ?? false;
  const cached = caches.layers.get(key, version);
  if (cached) return { key, entry: cached, sensitive };

  const shapeKey = JSON.stringify([scope.boundaryYear, scope.level, scope.parentCode, detail]);
  let shapes = caches.shapes.get(shapeKey, version);
  if (!shapes) {
    shapes = await findMapShapes(db, scope, detail);
    caches.shapes.set(shapeKey, version, shapes);
  }
  const values =
    year === null
      ? new Map<string, MapValueRow>()
      : new Map(
          (
            await findMapValues(db, scope, {
              indicatorId: indicator.id,
              classIndicatorId: classIndicator?.id ?? null,
              year,
            })
          ).map((v) => [v.code, v]),
        );
  const visible = view.scope.all ? shapes : shapes.filter((s) => mayView(view.scope, s.code));
  const rows: LayerRow[] = visible.map((shape) => {
    const v = values.get(shape.code);
    if (!v)
      return {
        ...shape,
        value: null,
        status: null,
        source: null,
        classValue: null,
        suppression: null,
      };
    const shown = disclose(
      v,
      v.suppression,
      indicator.kind,
      view.restricted,
      rules,
      indicator.disclosureControl !== false,
    );
    return {
      ...shape,
      value: shown.value,
      status: shown.status,
      source: v.source,
      // A hidden figure hides its class too: the class would tell the value's range.
      classValue: shown.suppression ? null : v.classValue,
      suppression: shown.suppression,
    };
  });
  const body = assembleLayerBody(
    {
      indicator: {
        key: indicator.key,
        nameNl: indicator.nameNl,
        nameEn: indicator.nameEn,
        unit: indicator.unit,
        decimals: indicator.decimals,
        direction: indicator.direction,
        kind: indicator.kind,
        source: indicator.source,
      },
      level: request.level,
      parent: parent ? { code: parent.code, name: parent.name, level: parent.level } : null,
      boundaryYear: scope.boundaryYear,
      year,
      years,
      detail,
      bbox:
        (parent?.level !== 'land' ? parent?.bbox : null) ??
        unionBBox(rows.flatMap((r) => (r.bbox ? [r.bbox] : []))),
    },
    rows,
    classIndicator?.classScheme ?? null,
  );
  return { key, entry: caches.layers.set(key, version, body), sensitive };
}

/** The layer as text, for clients that do not accept gzip. */
export function mapLayerText(layer: MapLayer): string {
  return bodyText(layer.entry);
}
