import { BUILT_IN_INDICATORS } from '../../domain/indicators/catalogue.js';
import type { ImportAdapter } from '../pipeline.js';
import { readTable } from '../tabular/read-table.js';
import { recordsFromTable } from '../records.js';
import { parseMapping, planTable } from './map-rows.js';

/**
 * Any other table of figures per area (the corporation's own, a municipal monitor), CSV or
 * XLSX, with a mapping. `knownKeys` lists the indicator keys in the catalogue; the CLI and API
 * pass the database's, so imported indicators can be reused by later tables.
 */
export function tableAdapter(
  knownKeys: ReadonlySet<string> = new Set(BUILT_IN_INDICATORS.map((i) => i.key)),
): ImportAdapter {
  return {
    kind: 'table',
    async parse(file, options) {
      const mapping = parseMapping(options.mapping);
      return planTable(
        recordsFromTable(await readTable(file.name, file.bytes)),
        mapping,
        knownKeys,
      );
    },
  };
}
