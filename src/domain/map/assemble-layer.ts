import type { BBox } from '../geometry/bbox.js';
import { CLASS_SCHEMES_BY_KEY } from '../indicators/class-schemes.js';
import type { ClassSchemeKey, Direction } from '../indicators/indicator.js';
import type { SuppressionReason } from '../privacy/disclosure-rules.js';
import type { FigureStatus } from '../shared/observation-status.js';
import { classifyLbm, classifyQuantiles, type Classification } from './classify.js';
import type { MapFeatureProperties, MapLayerMeta } from './map-layer.js';
import { NO_DATA_COLOUR } from './palettes.js';

/** One area of a layer: its stored shape (as GeoJSON text) and the indicator's figure. */
export interface LayerRow {
  code: string;
  name: string;
  geojson: string | null;
  bbox: BBox | null;
  value: number | null;
  /** null when the area has no observation at all for the year: shown as missing. */
  status: FigureStatus | null;
  source: string | null;
  classValue: number | null;
  /** Set when disclosure control hides the figure from this viewer (status suppressed). */
  suppression: SuppressionReason | null;
}

/**
 * Classes for a layer: the source's own 1–9 classes when the indicator has a class scheme
 * (Leefbaarometer) — also where only the class is published — otherwise quantiles of the values
 * shown. Areas without a value (or class) get none.
 * @example classifyLayer(rows, 'higher_is_worse', null).classOf(rows[0])
 */
export function classifyLayer(
  rows: readonly LayerRow[],
  direction: Direction,
  scheme: ClassSchemeKey | null,
): { classification: Classification; classOf(row: LayerRow): number | null } {
  if (scheme) {
    const labels = CLASS_SCHEMES_BY_KEY[scheme];
    // The published class counts even without the value (kscore without the absolute score).
    const valid = (r: LayerRow) => r.classValue !== null && r.classValue >= 1 && r.classValue <= 9;
    return {
      classification: classifyLbm(
        rows.filter(valid).map((r) => r.classValue!),
        labels.labelsNl,
        labels.labelsEn,
      ),
      classOf: (row) => (valid(row) ? Math.round(row.classValue!) : null),
    };
  }
  const values = rows.flatMap((r) => (r.value !== null ? [r.value] : []));
  const { classOf, ...classification } = classifyQuantiles(values, 5, direction);
  return { classification, classOf: (row) => (row.value !== null ? classOf(row.value) : null) };
}

export type LayerHead = Omit<MapLayerMeta, 'type' | 'classification' | 'summary'>;

/**
 * The response body of a map layer: GeoJSON FeatureCollection text with the legend as foreign
 * members. Geometry text is spliced in as stored, never parsed; feature ids are row indices.
 * @example JSON.parse(assembleLayerBody(head, rows, null)).features.length === rows.length
 */
export function assembleLayerBody(
  head: LayerHead,
  rows: readonly LayerRow[],
  scheme: ClassSchemeKey | null,
): string {
  const { classification, classOf } = classifyLayer(rows, head.indicator.direction, scheme);
  const byStatus: Record<string, number> = {};
  const features = rows.map((row, index) => {
    const status: FigureStatus = row.status ?? 'missing';
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const properties: MapFeatureProperties = {
      code: row.code,
      name: row.name,
      value: row.value,
      status,
      year: head.year,
      class: classOf(row),
      source: row.source,
      ...(row.suppression ? { suppression: row.suppression } : {}),
    };
    return `{"type":"Feature","id":${index},"properties":${JSON.stringify(properties)},"geometry":${row.geojson ?? 'null'}}`;
  });
  const meta: MapLayerMeta = {
    type: 'FeatureCollection',
    ...head,
    classification: { ...classification, noDataColour: NO_DATA_COLOUR },
    summary: { areas: rows.length, byStatus },
  };
  const text = JSON.stringify(meta);
  return `${text.slice(0, -1)},"features":[${features.join(',')}]}`;
}
