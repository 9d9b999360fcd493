import { decodeFile } from '../tabular/decode.js';
import { ImportFailure } from '../import-error.js';
import type { InputFile } from '../import-plan.js';
import type { SourceRecords } from '../records.js';

/**
 * A StatLine OData JSON document (`{"odata.metadata": …, "value": [ {…}, … ]}`, as the
 * TypedDataSet and dimension endpoints return it) as records; null when the file is not one,
 * so the caller can try other layouts. Values keep their JSON types; null stays null (OData's
 * form of the CBS symbol ".").
 */
export function readODataJson(file: InputFile): SourceRecords | null {
  const head = new TextDecoder()
    .decode(file.bytes.subarray(0, 200))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!head.startsWith('{') || /"type"\s*:\s*"FeatureCollection"/.test(head)) return null;
  const decoded = decodeFile(file.name, file.bytes);
  let document: unknown;
  try {
    document = JSON.parse(decoded.text);
  } catch (error) {
    throw new ImportFailure([
      {
        file: file.name,
        message: `not valid JSON (${(error as Error).message})`,
        expected: 'a StatLine OData JSON document',
      },
    ]);
  }
  const error = (document as { 'odata.error'?: { message?: { value?: string } } })['odata.error'];
  if (error) {
    throw new ImportFailure([
      {
        file: file.name,
        message: `the file is a StatLine error message, not data: ${error.message?.value ?? 'no text'}`,
        expected: 'the data the request should have returned',
      },
    ]);
  }
  const value = (document as { value?: unknown }).value;
  if (value !== undefined && !Array.isArray(value)) {
    throw new ImportFailure([
      {
        file: file.name,
        message: '"value" is not a list of rows',
        expected: 'a StatLine OData document: { "value": [ { … }, … ] }',
      },
    ]);
  }
  if (!Array.isArray(value)) return null;
  const names = [
    ...new Set(value.flatMap((row) => (row && typeof row === 'object' ? Object.keys(row) : []))),
  ];
  return {
    file: file.name,
    format: 'json',
    delimiter: null,
    names,
    records: value.map((row, index) => ({
      at: { record: index },
      fields: new Map(
        Object.entries((row ?? {}) as Record<string, unknown>).map(([k, v]) => [
          k.toLowerCase(),
          typeof v === 'string' ? v.trim() : v,
        ]),
      ),
      geometry: null,
    })),
    warnings: decoded.warnings,
  };
}
