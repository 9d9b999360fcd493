import { paletteFor } from '../domain/map/palettes.js';

/**
 * Colours of a ranking's classes, class 1 (most need) first: the map's colour-blind-safe
 * diverging palette (ColorBrewer PuOr) from unfavourable orange to favourable purple. Methods
 * may ask for more than five classes; those colours are interpolated along the same five.
 * @example rankingClassColours(5)[0] // '#e66101': the most need
 */
export function rankingClassColours(count: number): string[] {
  const n = Math.max(1, Math.round(count));
  // 'higher_is_better' puts the unfavourable end (low values) first: class 1 = most need.
  if (n <= 5) return [...paletteFor('higher_is_better', n)];
  const stops = paletteFor('higher_is_better', 5).map(rgbOf);
  return Array.from({ length: n }, (_, i) => {
    const at = (i / (n - 1)) * (stops.length - 1);
    const lower = Math.floor(at);
    const upper = Math.min(stops.length - 1, lower + 1);
    const share = at - lower;
    const mix = stops[lower]!.map((c, k) => Math.round(c + (stops[upper]![k]! - c) * share));
    return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  });
}

const rgbOf = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** The class's label in the interface language, or "klasse n" when the method names none. */
export function classLabel(
  classes: { labelsNl: string[]; labelsEn: string[] },
  cls: number,
  locale: 'nl' | 'en',
  fallback: (n: number) => string,
): string {
  const labels = locale === 'nl' ? classes.labelsNl : classes.labelsEn;
  return labels[cls - 1] ?? fallback(cls);
}
