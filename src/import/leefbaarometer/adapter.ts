import type { ImportAdapter } from '../pipeline.js';
import { readSource } from '../read-source.js';
import { planLeefbaarometer } from './map-rows.js';

/** Leefbaarometer 3.0: the open-data CSV, or a WFS export as GeoJSON or GeoPackage. */
export const leefbaarometerAdapter: ImportAdapter = {
  kind: 'leefbaarometer',
  async parse(file, options) {
    return planLeefbaarometer(await readSource(file, options), options);
  },
};
