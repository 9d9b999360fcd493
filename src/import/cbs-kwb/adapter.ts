import { isKwbKey } from '../../domain/indicators/cbs-kwb.js';
import { IssueCollector } from '../import-error.js';
import type { ImportAdapter } from '../pipeline.js';
import { yearFromFileName } from '../input-file.js';
import { findField } from '../records.js';
import { readSource } from '../read-source.js';
import { planCbsFigures } from './plan-figures.js';
import { CODE_FIELDS, LEVEL_FIELD, NAME_FIELD, STRUCTURE } from './raw-schema.js';

/** CBS Kerncijfers wijken en buurten, the flat kwb-YYYY file (CSV with ; or , or XLSX). */
export const kwbAdapter: ImportAdapter = {
  kind: 'kwb',
  async parse(file, options) {
    const source = await readSource(file, options);
    const issues = new IssueCollector();
    const codeField = findField(source, CODE_FIELDS);
    if (!codeField) {
      issues.add({
        file: file.name,
        line: 1,
        message: 'no region code column',
        expected: `one of ${CODE_FIELDS.join(', ')} (the kwb-YYYY layout)`,
      });
    }
    const year = options.year ?? yearFromFileName(file.name);
    if (year === null) {
      issues.add({
        file: file.name,
        message: 'the file does not say which year it describes',
        expected: 'the year as --year, or a file name like kwb-2024.csv',
      });
    }
    issues.throwIfAny();
    const columns = new Map<string, string>();
    const unknown: string[] = [];
    for (const name of source.names) {
      const field = name.toLowerCase();
      if (STRUCTURE.has(field)) continue;
      if (isKwbKey(field)) columns.set(field, field);
      else unknown.push(name);
    }
    return planCbsFigures(source, {
      kind: 'kwb',
      codeField: codeField!,
      nameField: findField(source, [NAME_FIELD]),
      levelField: findField(source, [LEVEL_FIELD]),
      columns,
      unknown,
      year: year!,
      blank: 'not_applicable',
      label: `CBS Kerncijfers wijken en buurten ${year}`,
      releaseKey: `cbs-kwb-${year}`,
    });
  },
};
