import { kwbKeyForStatlineKey, kwbKeyForStatlineTitle } from '../../domain/indicators/cbs-kwb.js';
import { IssueCollector } from '../import-error.js';
import type { ImportAdapter } from '../pipeline.js';
import { yearFromFileName } from '../input-file.js';
import { findField } from '../records.js';
import { readSource } from '../read-source.js';
import { planCbsFigures } from '../cbs-kwb/plan-figures.js';
import { readODataJson } from './odata-json.js';
import { TABLE_YEARS } from './tables.js';

// Dimension and structure fields of a Kerncijfers data set: never figures.
const STRUCTURE =
  /^(id|wijkenenbuurten|gemeentenaam|soortregio|codering|indelingswijziging|meestvoorkomendepostcode|dekkingspercentage)(_\d+)?$|^(wijken en buurten|gemeentenaam|soort regio|codering|indelingswijziging.*|meest voorkomende postcode|dekkingspercentage)(\s*\(.*\))?$/i;

/**
 * CBS Kerncijfers from StatLine: the OData TypedDataSet (JSON or CSV), or the "CSV met
 * statistische symbolen" download (; separated, quoted and padded, with a BOM). Columns are
 * mapped by key stem (`AantalInwoners_5` → a_inw, whatever the year's suffix) or by title.
 */
export const statlineAdapter: ImportAdapter = {
  kind: 'statline',
  async parse(file, options) {
    const json = readODataJson(file);
    const source = json ?? (await readSource(file, options));
    const issues = new IssueCollector();
    const codeField =
      findField(source, ['WijkenEnBuurten', 'Codering_3', 'Wijken en buurten', 'Codering']) ??
      source.names.map((n) => n.toLowerCase()).find((n) => /^codering(_\d+)?$/.test(n)) ??
      null;
    if (!codeField) {
      issues.add({
        file: file.name,
        line: 1,
        message: 'no region column',
        expected: 'WijkenEnBuurten or Codering_N (a Kerncijfers wijken en buurten table)',
      });
    }
    const tableId = /(\d{5}NED)/i.exec(file.name)?.[1]?.toUpperCase();
    const year =
      options.year ??
      yearFromFileName(file.name) ??
      (tableId ? (TABLE_YEARS[tableId] ?? null) : null);
    if (year === null) {
      issues.add({
        file: file.name,
        message: 'the file does not say which year it describes',
        expected: 'the year as --year, or the table id (85984NED) in the file name',
      });
    }
    issues.throwIfAny();
    const columns = new Map<string, string>();
    const unknown: string[] = [];
    for (const name of source.names) {
      const field = name.toLowerCase();
      if (field === codeField || STRUCTURE.test(name)) continue;
      const key = kwbKeyForStatlineKey(name) ?? kwbKeyForStatlineTitle(name);
      if (key) columns.set(field, key);
      else unknown.push(name);
    }
    // A ;-separated download uses the CBS symbols: blank means "cannot occur". The OData data
    // set (JSON, or its comma CSV) has only null for every kind of absence: the symbol ".".
    const symbols = !json && source.names.length > 0 && (await isSemicolonTable(file.bytes));
    return planCbsFigures(source, {
      kind: 'statline',
      codeField: codeField!,
      nameField: null,
      levelField:
        source.names
          .map((n) => n.toLowerCase())
          .find((n) => /^soortregio(_\d+)?$|^soort regio/.test(n)) ?? null,
      columns,
      unknown,
      year: year!,
      blank: symbols ? 'not_applicable' : 'secret',
      label: `CBS Kerncijfers wijken en buurten ${year}${tableId ? ` (${tableId})` : ''}`,
      releaseKey: tableId ? `cbs-${tableId}` : `cbs-kwb-${year}`,
    });
  },
};

async function isSemicolonTable(bytes: Uint8Array): Promise<boolean> {
  const firstLine = new TextDecoder().decode(bytes.subarray(0, 4096)).split('\n')[0] ?? '';
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0);
}
