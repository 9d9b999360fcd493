import { kwbKeyForStatlineKey, kwbKeyForStatlineTitle } from '../../domain/indicators/cbs-kwb.js';
import { IssueCollector } from '../import-error.js';
import type { ImportOptions, ImportPlan } from '../import-plan.js';
import type { SourceRecords } from '../records.js';
import { planCbsFigures } from '../shared/cbs-figures.js';
import { yearOf } from '../shared/year.js';
import {
  CODE_FIELD,
  KEY_CODE_FIELD,
  LEVEL_FIELD,
  STRUCTURE,
  TITLE_NAME_FIELD,
} from './raw-schema.js';
import { TABLE_YEARS } from './tables.js';

/**
 * Map a StatLine Kerncijfers file: code from `Codering` (or the key column), figures by key
 * stem or title, the year from --year, the file name or the table id.
 */
export function planStatline(
  source: SourceRecords,
  fileName: string,
  options: ImportOptions,
): ImportPlan {
  const issues = new IssueCollector();
  if (source.records.length === 0) {
    issues.add({
      file: fileName,
      message: 'the data set is empty',
      expected: 'one row per region',
    });
    issues.throwIfAny();
  }
  const fields = source.names.map((n) => n.toLowerCase());
  const codeField =
    fields.find((f) => CODE_FIELD.test(f)) ??
    (fields.includes(KEY_CODE_FIELD) ? KEY_CODE_FIELD : null);
  if (!codeField) {
    issues.add({
      file: fileName,
      line: 1,
      message: 'no region code column',
      expected: 'Codering (or WijkenEnBuurten): a Kerncijfers wijken en buurten table',
    });
    issues.throwIfAny();
  }
  const tableId = /(\d{5}NED)/i.exec(fileName)?.[1]?.toUpperCase();
  const year = yearOf(
    options,
    fileName,
    tableId ? (TABLE_YEARS[tableId] ?? null) : null,
    'the year of the table (or the table id, e.g. 85984NED, in the file name)',
  );
  const columns = new Map<string, string>();
  const unknown: string[] = [];
  for (const name of source.names) {
    const field = name.toLowerCase();
    if (field === codeField || STRUCTURE.test(name)) continue;
    const key = kwbKeyForStatlineKey(name) ?? kwbKeyForStatlineTitle(name);
    if (key) columns.set(field, key);
    else unknown.push(name);
  }
  // A ;-separated download uses the CBS symbols: blank means "cannot occur". The OData data set
  // (JSON, or its comma CSV) has only null for every kind of absence: the symbol ".".
  const symbols = source.format === 'csv' && source.delimiter === ';';
  return planCbsFigures(source, {
    kind: 'statline',
    codeField: codeField!,
    // The title layout's "Wijken en buurten" holds names (codes there are ignored as names).
    nameField: fields.includes(TITLE_NAME_FIELD) ? TITLE_NAME_FIELD : null,
    levelField: fields.find((f) => LEVEL_FIELD.test(f)) ?? null,
    columns,
    unknown,
    year,
    blank: symbols ? 'not_applicable' : 'secret',
    label: `CBS Kerncijfers wijken en buurten ${year}${tableId ? ` (${tableId})` : ''}`,
    releaseKey: tableId ? `cbs-${tableId}` : `cbs-kwb-${year}`,
  });
}
