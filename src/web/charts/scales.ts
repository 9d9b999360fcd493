/** Pure helpers for the SVG charts: scales, ticks and line paths with gaps. */

/** A linear map from a domain to a range; a flat domain maps to the range's middle. */
export function linearScale(
  domain: [number, number],
  range: [number, number],
): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d0 === d1) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * About `count` round tick values covering [min, max] (1, 2, 2.5 or 5 times a power of ten).
 * @example niceTicks(0.3, 9.6, 4) // [0, 2.5, 5, 7.5, 10]
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  // Integer multiples of the step, rounded to its precision: no 2.8e-17 where 0 is meant.
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(step)));
  const at = (k: number) => Number((k * step).toFixed(decimals)) || 0;
  const ticks: number[] = [];
  for (let k = Math.floor(min / step); ; k += 1) {
    ticks.push(at(k));
    if (at(k) >= max) break;
  }
  return ticks;
}

/**
 * SVG path data for a line through points, broken where a value is missing: a gap in the
 * data stays a gap in the line, never a slope towards 0.
 * @example linePath([{ x: 0, y: 1 }, { x: 1, y: null }, { x: 2, y: 3 }]) // 'M0,1M2,3'
 */
export function linePath(points: ReadonlyArray<{ x: number; y: number | null }>): string {
  let d = '';
  let drawing = false;
  for (const p of points) {
    if (p.y === null) {
      drawing = false;
      continue;
    }
    d += `${drawing ? 'L' : 'M'}${round(p.x)},${round(p.y)}`;
    drawing = true;
  }
  return d;
}

const round = (v: number) => Math.round(v * 10) / 10;
