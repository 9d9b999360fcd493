import type { ImportAdapter } from '../pipeline.js';
import { readSource } from '../read-source.js';
import { readODataJson } from '../shared/odata-json.js';
import { planStatline } from './map-rows.js';

/**
 * CBS Kerncijfers from StatLine: the OData TypedDataSet (JSON or CSV), or the "CSV met
 * statistische symbolen" download (; separated, quoted and padded, with a BOM).
 */
export const statlineAdapter: ImportAdapter = {
  kind: 'statline',
  async parse(file, options) {
    const source = readODataJson(file) ?? (await readSource(file, options));
    return planStatline(source, file.name, options);
  },
};
