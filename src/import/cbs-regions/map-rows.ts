import { levelOfCode, normaliseAreaCode, parentCodeOf } from '../../domain/shared/area-code.js';
import { IssueCollector } from '../import-error.js';
import type { ImportOptions, ImportPlan, PlannedArea } from '../import-plan.js';
import { yearFromFileName } from '../input-file.js';
import { findField, text, type SourceRecords } from '../records.js';
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
  const year = options.year ?? yearFromFileName(fileName);
  if (year === null) {
    issues.add({
      file,
      message: 'the file does not say which year its regions belong to',
      expected: 'the boundary year as --year, e.g. --year 2024',
    });
    issues.throwIfAny();
  }
  const areas: PlannedArea[] = [];
  const seen = new Map<string, number | undefined>();
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
    if (seen.has(code)) {
      issues.add({
        file,
        ...record.at,
        column: codeField,
        message: `${code} appears twice (first on line ${seen.get(code)})`,
        expected: 'each region once',
      });
      continue;
    }
    seen.set(code, record.at.line ?? record.at.feature);
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
    const parentCode = parentCodeOf(code);
    const gemeente = gemeenteField ? text(record, gemeenteField) : null;
    if (
      gemeente &&
      (level === 'wijk' || level === 'buurt') &&
      normaliseAreaCode(gemeente) !== `GM${code.slice(2, 6)}`
    ) {
      issues.add({
        file,
        ...record.at,
        column: gemeenteField!,
        message: `${code} lies in ${`GM${code.slice(2, 6)}`} by its code, but the file says ${gemeente}`,
        expected: 'the gemeente the code names',
      });
      continue;
    }
    areas.push({
      code,
      level,
      name,
      parentCode: level === 'land' ? null : parentCode,
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
    boundaryYear: year!,
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
