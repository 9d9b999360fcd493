import type { ImportOptions, InputFile } from './import-plan.js';
import { readBoundaryFile } from './geo/validate.js';
import { readTable } from './tabular/read-table.js';
import { recordsFromGeo, recordsFromTable, type SourceRecords } from './records.js';

const SQLITE = 'SQLite format 3\0';

/** Whether the bytes are a geo file: a GeoPackage (SQLite) or JSON text (GeoJSON). */
export function isGeoFile(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  if (head.startsWith(SQLITE)) return true;
  return /^\uFEFF?\s*[{[]/.test(head);
}

/** Any supported file as records: GeoJSON/GeoPackage features, or CSV/XLSX rows. */
export async function readSource(file: InputFile, options: ImportOptions): Promise<SourceRecords> {
  if (isGeoFile(file.bytes)) {
    return recordsFromGeo(
      await readBoundaryFile(file.name, file.bytes, options.layer ? { layer: options.layer } : {}),
    );
  }
  return recordsFromTable(await readTable(file.name, file.bytes));
}
