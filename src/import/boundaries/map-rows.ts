import { levelOfCode, normaliseAreaCode, parentCodeOf } from '../../domain/shared/area-code.js';
import { IssueCollector } from '../import-error.js';
import type { ImportOptions, ImportPlan, PlannedArea } from '../import-plan.js';
import { findField, text, type SourceRecords } from '../records.js';
import { DuplicateCheck } from '../shared/duplicates.js';
import { yearOf } from '../shared/year.js';
import { CODE_AND_NAME_FIELDS } from './raw-schema.js';

/**
 * One area per feature, keyed by code and boundary year. Codes the year does not hold yet are
 * created and reported by the pipeline, not dropped (a file from another boundary year shows up
 * in that report).
 */
export function planBoundaries(
  source: SourceRecords,
  fileName: string,
  options: ImportOptions,
  crsNote: string,
): ImportPlan {
  const issues = new IssueCollector();
  let codeField: string | null;
  let nameField: string | null;
  if (options.codeField) {
    codeField = findField(source, [options.codeField]);
    nameField = options.nameField ? findField(source, [options.nameField]) : null;
  } else {
    const pair = CODE_AND_NAME_FIELDS.find(([code]) => findField(source, [code]));
    codeField = pair ? findField(source, [pair[0]]) : null;
    nameField = options.nameField
      ? findField(source, [options.nameField])
      : pair
        ? findField(source, [pair[1]])
        : null;
  }
  if (!codeField) {
    issues.add({
      file: fileName,
      message: `no area code attribute${options.codeField ? ` named ${options.codeField}` : ''}`,
      expected: `one of ${CODE_AND_NAME_FIELDS.map(([c]) => c).join(', ')}, or --code-field`,
    });
    issues.throwIfAny();
  }
  const year = yearOf(options, fileName, null);
  const areas: PlannedArea[] = [];
  const duplicates = new DuplicateCheck(fileName, issues, 'one feature per area');
  let withoutGeometry = 0;
  for (const record of source.records) {
    const raw = text(record, codeField!);
    const code = raw ? normaliseAreaCode(raw) : '';
    const level = levelOfCode(code);
    if (!raw || !level || level === 'land') {
      issues.add({
        file: fileName,
        ...record.at,
        column: codeField!,
        message: raw ? `"${raw}" is not a gemeente, wijk or buurt code` : 'empty code',
        expected: 'GM + 4 digits, WK + 6 or BU + 8 characters',
      });
      continue;
    }
    if (!duplicates.first(code, code, record, codeField!)) continue;
    if (!record.geometry) withoutGeometry += 1;
    areas.push({
      code,
      level,
      name: nameField ? text(record, nameField) : null,
      parentCode: parentCodeOf(code),
      geometry: record.geometry,
    });
  }
  issues.throwIfAny();
  const counts = { gemeente: 0, wijk: 0, buurt: 0 };
  for (const a of areas) if (a.level !== 'land') counts[a.level] += 1;
  return {
    kind: 'boundaries',
    source: 'cbs',
    release: null,
    boundaryYear: year,
    rowsRead: source.records.length,
    areas,
    areasAuthoritative: true,
    indicators: [],
    observations: [],
    replaceSeries: null,
    messages: [
      ...source.warnings.map((t) => ({ level: 'warning' as const, text: t })),
      {
        level: 'info',
        text: `Boundaries ${year} (${crsNote}): ${counts.gemeente} gemeenten, ${counts.wijk} wijken, ${counts.buurt} buurten.`,
      },
      ...(withoutGeometry > 0
        ? [
            {
              level: 'warning' as const,
              text: `${withoutGeometry} features have no geometry; their areas are kept without a shape.`,
            },
          ]
        : []),
    ],
  };
}
