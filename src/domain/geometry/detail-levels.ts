/**
 * Three stored simplifications per area, chosen by map zoom. A web-map pixel at latitude 52°
 * is about 156,543 · cos(52°) / 2^z metres; the tolerance stays below one pixel at the
 * smallest zoom each level serves, so simplification is invisible while payloads shrink.
 */
export interface DetailLevel {
  detail: 0 | 1 | 2;
  /** Lowest map zoom this level serves. */
  minZoom: number;
  /** Douglas–Peucker tolerance in degrees. */
  tolerance: number;
  /** Decimals kept in coordinates (5 ≈ 1 m, 4 ≈ 10 m, 3 ≈ 100 m). */
  decimals: number;
}

export const DETAIL_LEVELS: readonly DetailLevel[] = [
  { detail: 0, minZoom: 0, tolerance: 0.002, decimals: 3 },
  { detail: 1, minZoom: 9, tolerance: 0.0004, decimals: 4 },
  { detail: 2, minZoom: 12, tolerance: 0.00005, decimals: 5 },
];

/**
 * The detail level for a map zoom.
 * @example detailForZoom(13) // 2
 */
export function detailForZoom(zoom: number): 0 | 1 | 2 {
  let chosen: 0 | 1 | 2 = 0;
  for (const level of DETAIL_LEVELS) if (zoom >= level.minZoom) chosen = level.detail;
  return chosen;
}
