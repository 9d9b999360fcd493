import type { Indicator } from '../../domain/indicators/indicator.js';
import { levelOfCode, normaliseAreaCode, parentCodeOf } from '../../domain/shared/area-code.js';
import { numberCell, observationOf } from '../cells.js';
import { IssueCollector, ImportFailure } from '../import-error.js';
import type { ImportPlan, PlannedArea, PlannedObservation } from '../import-plan.js';
import { fileDecimal, findField, text, type SourceRecords } from '../records.js';
import { DuplicateCheck } from '../shared/duplicates.js';
import { TableMappingSchema, type IndicatorRef, type TableMapping } from './mapping-schema.js';

/** Parse the mapping (JSON text or object); errors name the mapping field. */
export function parseMapping(raw: unknown, mappingName = 'mapping'): TableMapping {
  const parsed = TableMappingSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ImportFailure(
    parsed.error.issues.map((i) => ({
      file: mappingName,
      column: i.path.join('.') || '(root)',
      message: i.message,
    })),
  );
}

function indicatorOf(
  ref: IndicatorRef,
  source: string,
): { key: string; definition: Indicator | null } {
  if (typeof ref === 'string') return { key: ref, definition: null };
  return {
    key: ref.key,
    definition: {
      key: ref.key,
      nameNl: ref.nameNl,
      nameEn: ref.nameEn ?? ref.nameNl,
      unit: ref.unit,
      kind: ref.kind,
      source,
      direction: ref.direction,
      theme: ref.theme,
      decimals: ref.decimals,
      descriptionNl: ref.descriptionNl,
      descriptionEn: ref.descriptionEn,
      classIndicatorKey: null,
      classScheme: null,
      baseIndicatorKey: ref.base ?? null,
      numeratorIndicatorKey: ref.numerator ?? null,
      sensitive: ref.sensitive,
    },
  };
}

/**
 * Figures from any table of figures per area, wide (one column per indicator) or long (code,
 * indicator, year, value), as the mapping says. Indicators the mapping defines are created.
 * An indicator key that is neither defined here nor known is an error (see knownKeys).
 */
export function planTable(
  source: SourceRecords,
  mapping: TableMapping,
  knownKeys: ReadonlySet<string>,
): ImportPlan {
  const issues = new IssueCollector();
  const file = source.file;
  const field = (name: string) => findField(source, [name]);
  const required = [
    mapping.code,
    ...(typeof mapping.year === 'number' ? [] : [mapping.year.column]),
    ...(mapping.layout === 'wide'
      ? Object.keys(mapping.columns ?? {})
      : [mapping.indicatorColumn!, mapping.valueColumn!]),
  ];
  const absent = required.filter((c) => !field(c));
  if (absent.length > 0) {
    issues.add({
      file,
      line: 1,
      message: `missing ${absent.length === 1 ? 'column' : 'columns'} named in the mapping: ${absent.join(', ')}`,
      expected: `the columns ${source.names.join(', ')}`,
    });
    issues.throwIfAny();
  }
  const refs = mapping.layout === 'wide' ? mapping.columns! : mapping.indicators!;
  const indicators = new Map<string, { key: string; definition: Indicator | null }>();
  for (const [label, ref] of Object.entries(refs)) {
    const resolved = indicatorOf(ref, mapping.source);
    if (!resolved.definition && !knownKeys.has(resolved.key)) {
      issues.add({
        file: 'mapping',
        column: label,
        message: `unknown indicator key "${resolved.key}"`,
        expected:
          'a key from "buurtbalans indicators list", or a full definition { key, nameNl, unit, direction }',
      });
    }
    if (resolved.key.startsWith('lbm_')) {
      // A Leefbaarometer series holds one release only; figures from a table would mix in.
      issues.add({
        file: 'mapping',
        column: label,
        message: `"${resolved.key}" is a Leefbaarometer figure`,
        expected:
          'Leefbaarometer files through "import leefbaarometer", so releases are never mixed; or a key of your own',
      });
    }
    indicators.set(label.toLowerCase(), resolved);
  }
  issues.throwIfAny();
  const valueFields =
    mapping.layout === 'wide' ? [...indicators.keys()] : [mapping.valueColumn!.toLowerCase()];
  // One separator for the whole file (a file is written in one locale), unless the mapping says.
  const decimal = mapping.decimal ?? fileDecimal(source, valueFields);
  const areas = new Map<string, PlannedArea>();
  const observations: PlannedObservation[] = [];
  const duplicates = new DuplicateCheck(file, issues, 'one figure per area, indicator and year');
  for (const record of source.records) {
    const raw = text(record, mapping.code.toLowerCase());
    const code = raw ? normaliseAreaCode(raw) : '';
    const level = levelOfCode(code);
    if (!raw || !level) {
      issues.add({
        file,
        ...record.at,
        column: mapping.code,
        message: raw ? `"${raw}" is not a CBS area code` : 'empty code',
        expected: 'GM + 4 digits, WK + 6 or BU + 8 characters',
      });
      continue;
    }
    let year: number;
    if (typeof mapping.year === 'number') year = mapping.year;
    else {
      const y = Number(text(record, mapping.year.column.toLowerCase()));
      if (!Number.isInteger(y) || y < 1900 || y > 2100) {
        issues.add({
          file,
          ...record.at,
          column: mapping.year.column,
          message: `"${text(record, mapping.year.column.toLowerCase()) ?? ''}" is not a year`,
          expected: 'a year such as 2024',
        });
        continue;
      }
      year = y;
    }
    if (!areas.has(code))
      areas.set(code, {
        code,
        level,
        name: mapping.name ? text(record, mapping.name.toLowerCase()) : null,
        parentCode: level === 'land' ? null : parentCodeOf(code),
        geometry: null,
      });
    const entries: Array<[string, { key: string }]> =
      mapping.layout === 'wide'
        ? [...indicators.entries()]
        : (() => {
            const label = text(record, mapping.indicatorColumn!.toLowerCase())?.toLowerCase() ?? '';
            const hit = indicators.get(label);
            if (!hit) {
              issues.add({
                file,
                ...record.at,
                column: mapping.indicatorColumn!,
                message: `"${label}" is not in the mapping's indicators`,
                expected: [...indicators.keys()].join(', '),
              });
              return [];
            }
            return [[mapping.valueColumn!.toLowerCase(), hit]];
          })();
    for (const [column, indicator] of entries) {
      if (
        !duplicates.first(
          `${code}|${indicator.key}|${year}`,
          `${indicator.key} of ${code} for ${year}`,
          record,
          column,
        )
      )
        continue;
      const cell = numberCell(record, column, decimal);
      if (cell.kind === 'invalid') {
        issues.add({
          file,
          ...record.at,
          column,
          message: cell.reason,
          expected: 'a number, or empty',
        });
        continue;
      }
      observations.push({
        areaCode: code,
        indicatorKey: indicator.key,
        year,
        ...observationOf(cell.kind === 'not_applicable' ? { kind: 'missing' } : cell),
      });
    }
  }
  issues.throwIfAny();
  const years = [...new Set(observations.map((o) => o.year))];
  return {
    kind: 'table',
    source: mapping.source,
    release: null,
    boundaryYear:
      mapping.boundaryYear ?? (typeof mapping.year === 'number' ? mapping.year : latest(years)),
    rowsRead: source.records.length,
    areas: [...areas.values()],
    areasAuthoritative: false,
    indicators: [...indicators.values()].flatMap((i) => (i.definition ? [i.definition] : [])),
    observations,
    replaceSeries: null,
    messages: source.warnings.map((t) => ({ level: 'warning' as const, text: t })),
  };
}

/** The newest year, in a loop: Math.max(...years) overflows the stack on a long table. */
function latest(years: readonly number[]): number {
  let max = years[0] ?? 0;
  for (const y of years) if (y > max) max = y;
  return max;
}
