import { levelOfCode, normaliseAreaCode, parentCodeOf } from '../../domain/shared/area-code.js';
import { IssueCollector } from '../import-error.js';
import type { ImportOptions, ImportPlan, PlannedArea } from '../import-plan.js';
import { findField, text, type SourceRecords } from '../records.js';
import { DuplicateCheck } from '../shared/duplicates.js';
import { yearOf } from '../shared/year.js';
import { FLAT, ODATA } from './raw-schema.js';

/**
 * Gemeenten, wijken and buurten with names and parents from the CBS region list. The level
 * follows from the code's prefix; the parent from the code (checked against the Municipality
 * or gm_code column where the file has one). No figures: this only names and links areas.
 */
export function planRegions(
  source: SourceRecords,
  fileName: string,
  options: ImportOptions,
): ImportPlan {
  const issues = new IssueCollector();
  const file = source.file;
  const layout =
    findField(source, [ODATA.code]) && findField(source, [ODATA.name])
      ? 'odata'
      : findField(source, [FLAT.code])
        ? 'flat'
        : null;
  if (!layout) {
    issues.add({
      file,
      line: 1,
      message: 'no region code column',
      expected: 'Key and Title (StatLine WijkenEnBuurten) or regio_code and regio_naam',
    });
    issues.throwIfAny();
  }
  const codeField = layout === 'odata' ? ODATA.code : FLAT.code;
  const nameField = layout === 'odata' ? ODATA.name : FLAT.name;
  const gemeenteField =
    layout === 'odata'
      ? findField(source, [ODATA.municipality])
      : findField(source, [FLAT.gemeente]);
  const year = yearOf(options, fileName, null);
  const areas: PlannedArea[] = [];
  const duplicates = new DuplicateCheck(file, issues, 'each region once');
  for (const record of source.records) {
    const raw = text(record, codeField);
    const code = raw ? normaliseAreaCode(raw) : '';
    const level = levelOfCode(code);
    if (!raw || !level) {
      issues.add({
        file,
        ...record.at,
        column: codeField,
        message: raw ? `"${raw}" has no known level prefix` : 'empty code',
        expected: 'NL00, GM + 4 digits, WK + 6 or BU + 8 characters',
      });
      continue;
    }
    if (!duplicates.first(code, code, record, codeField)) continue;
    const name = text(record, nameField);
    if (!name) {
      issues.add({
        file,
        ...record.at,
        column: nameField,
        message: `no name for ${code}`,
        expected: 'the region name',
      });
      continue;
    }
    const gemeente = gemeenteField ? text(record, gemeenteField) : null;
    const ownGemeente = `GM${code.slice(2, 6)}`;
    if (
      gemeente &&
      (level === 'wijk' || level === 'buurt') &&
      normaliseAreaCode(gemeente) !== ownGemeente
    ) {
      issues.add({
        file,
        ...record.at,
        column: gemeenteField!,
        message: `${code} lies in ${ownGemeente} by its code, but the file says ${gemeente}`,
        expected: 'the gemeente the code names',
      });
      continue;
    }
    areas.push({
      code,
      level,
      name,
      parentCode: level === 'land' ? null : parentCodeOf(code),
      geometry: null,
    });
  }
  issues.throwIfAny();
  const counts = { land: 0, gemeente: 0, wijk: 0, buurt: 0 };
  for (const a of areas) counts[a.level] += 1;
  return {
    kind: 'regions',
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
        text: `Region list ${year}: ${counts.gemeente} gemeenten, ${counts.wijk} wijken, ${counts.buurt} buurten.`,
      },
    ],
  };
}
