import proj4, { type Converter } from 'proj4';

/**
 * EPSG:28992 as in its standard proj4 string (epsg.io): Bessel ellipsoid, oblique stereographic,
 * and the 7-parameter Helmert shift to WGS84. That shift is accurate to about 1 m, far below the
 * 7–35 m generalisation of the published boundaries; RDNAPTRANS™ would need its grid files.
 */
export const RD_NEW_PROJ4 =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

// Built on first use and kept: proj4 parses the definition once (pure, deterministic).
let rdToWgs84: Converter | undefined;

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * One RD New point (x, y in metres) as WGS84 lon/lat, rounded to 7 decimals (1 cm; the sources
 * are generalised to metres). Only x and y: a Z in RD would be NAP height, not the ellipsoidal
 * height proj4 expects.
 * @example rdPointToWgs84(121000, 487000) // [4.8879708, 52.3698262]
 */
export function rdPointToWgs84(x: number, y: number): [number, number] {
  rdToWgs84 ??= proj4(RD_NEW_PROJ4, 'WGS84');
  const [lon, lat] = rdToWgs84.forward([x, y]);
  return [round7(lon!), round7(lat!)];
}
