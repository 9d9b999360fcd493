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
