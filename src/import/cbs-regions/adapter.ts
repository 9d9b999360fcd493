import type { ImportAdapter } from '../pipeline.js';
import { readSource } from '../read-source.js';
import { planRegions } from './map-rows.js';
import { readODataJson } from '../shared/odata-json.js';

/** The CBS region list: names and parents of every gemeente, wijk and buurt of one year. */
export const regionsAdapter: ImportAdapter = {
  kind: 'regions',
  async parse(file, options) {
    const source = readODataJson(file) ?? (await readSource(file, options));
    return planRegions(source, file.name, options);
  },
};
