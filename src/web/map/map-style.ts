import type { MapClass } from '../../domain/map/classify.js';

/**
 * MapLibre style pieces, as pure functions. No internet tiles by default: a plain background
 * the colour of water (the country's outline comes from the areas themselves). A basemap is
 * optional configuration: a style URL (…json) or a raster tile template with {z}/{x}/{y}.
 */
export const BACKGROUND = '#dfe7ee';

// Loose JSON shapes: the style spec types would drag MapLibre into pure, unit-tested code.
type StyleJson = {
  version: 8;
  sources: Record<string, unknown>;
  layers: Array<Record<string, unknown>>;
};

export function baseStyle(
  basemap: { url: string; attribution: string | null } | null,
): StyleJson | string {
  if (basemap && /\.json(\?|$)/.test(basemap.url)) return basemap.url;
  const style: StyleJson = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }],
  };
  if (basemap) {
    style.sources.basemap = {
      type: 'raster',
      tiles: [basemap.url],
      tileSize: 256,
      ...(basemap.attribution ? { attribution: basemap.attribution } : {}),
    };
    style.layers.push({
      id: 'basemap',
      type: 'raster',
      source: 'basemap',
      paint: { 'raster-opacity': 0.55 },
    });
  }
  return style;
}

/**
 * Fill colour by the feature's class; areas without a value get the no-data grey.
 * @example fillColour([{ class: 1, colour: '#e66101' }], '#ccc') // ['match', …, 1, '#e66101', '#ccc']
 */
export function fillColour(
  classes: ReadonlyArray<Pick<MapClass, 'class' | 'colour'>>,
  noData: string,
): unknown[] | string {
  if (classes.length === 0) return noData;
  return [
    'match',
    ['coalesce', ['get', 'class'], 0],
    ...classes.flatMap((c) => [c.class, c.colour]),
    noData,
  ];
}

/**
 * Areas whose figure disclosure control hides: hatched, so they read apart from "no data" grey
 * without relying on colour alone. The legend draws the same stripes in CSS.
 */
export const SUPPRESSED_HATCH = { background: '#ebe8f1', stripe: '#8d86a5' } as const;

/** The legend swatch of hidden figures: the map's hatch as a CSS background. */
export const SUPPRESSED_SWATCH = `repeating-linear-gradient(135deg, ${SUPPRESSED_HATCH.stripe} 0 1.5px, ${SUPPRESSED_HATCH.background} 1.5px 4px)`;

/**
 * A square RGBA image of diagonal stripes ("/"), for MapLibre's fill-pattern: `size` pixels, a
 * stripe of `width` pixels every `size` pixels, so the pattern tiles without seams.
 */
export function hatchPattern(
  size = 8,
  width = 2,
  colours: { background: string; stripe: string } = SUPPRESSED_HATCH,
): { width: number; height: number; data: Uint8Array } {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const background = rgb(colours.background);
  const stripe = rgb(colours.stripe);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1) {
      const colour = (x + y) % size < width ? stripe : background;
      data.set([...colour, 255], (y * size + x) * 4);
    }
  return { width: size, height: size, data };
}
