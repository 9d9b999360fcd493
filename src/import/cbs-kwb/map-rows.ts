import { isKwbKey } from '../../domain/indicators/cbs-kwb.js';
import { IssueCollector } from '../import-error.js';
import type { ImportOptions, ImportPlan } from '../import-plan.js';
import { findField, type SourceRecords } from '../records.js';
import { planCbsFigures } from '../shared/cbs-figures.js';
import { yearOf } from '../shared/year.js';
import { CODE_FIELDS, LEVEL_FIELD, NAME_FIELD, STRUCTURE } from './raw-schema.js';

/** The flat kwb file: figure columns are the mnemonics themselves. */
export function planKwb(
  source: SourceRecords,
  fileName: string,
  options: ImportOptions,
): ImportPlan {
  const codeField = findField(source, CODE_FIELDS);
  if (!codeField) {
    const issues = new IssueCollector();
    issues.add({
      file: fileName,
      line: 1,
      message: 'no region code column',
      expected: `one of ${CODE_FIELDS.join(', ')} (the kwb-YYYY layout)`,
    });
    issues.throwIfAny();
  }
  const year = yearOf(options, fileName, null, 'the year of the table');
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
    year,
    blank: 'not_applicable',
    label: `CBS Kerncijfers wijken en buurten ${year}`,
    releaseKey: `cbs-kwb-${year}`,
  });
}
