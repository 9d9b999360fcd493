import { readBoundaryFile } from '../geo/validate.js';
import type { ImportAdapter } from '../pipeline.js';
import { recordsFromGeo } from '../records.js';
import { planBoundaries } from './map-rows.js';

/** Boundaries: GeoJSON (WGS84 or RD New) or GeoPackage, one polygon per area. */
export const boundariesAdapter: ImportAdapter = {
  kind: 'boundaries',
  async parse(file, options) {
    const geo = await readBoundaryFile(
      file.name,
      file.bytes,
      options.layer ? { layer: options.layer } : {},
    );
    const crs = geo.sourceCrs ?? geo.crs;
    return planBoundaries(
      recordsFromGeo(geo),
      file.name,
      options,
      `${crs}${crs === 'EPSG:28992' ? ', reprojected to WGS84' : ''}`,
    );
  },
};
