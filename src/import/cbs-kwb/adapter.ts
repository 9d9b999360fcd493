import type { ImportAdapter } from '../pipeline.js';
import { readSource } from '../read-source.js';
import { planKwb } from './map-rows.js';

/** CBS Kerncijfers wijken en buurten, the flat kwb-YYYY file (CSV with ; or , or XLSX). */
export const kwbAdapter: ImportAdapter = {
  kind: 'kwb',
  async parse(file, options) {
    return planKwb(await readSource(file, options), file.name, options);
  },
};
