import {
  levelOfCode,
  normaliseAreaCode,
  parentCodeOf,
  type AreaLevel,
} from '../../domain/shared/area-code.js';
import { numberCell, observationOf } from '../cells.js';
import { IssueCollector } from '../import-error.js';
import type { ImportPlan, PlannedArea, PlannedObservation } from '../import-plan.js';
import { fileDecimal, text, type SourceRecords } from '../records.js';
import { DuplicateCheck } from './duplicates.js';

const LEVEL_WORDS: Record<string, AreaLevel> = {
  land: 'land',
  gemeente: 'gemeente',
  wijk: 'wijk',
  buurt: 'buurt',
};

export interface CbsLayout {
  kind: 'kwb' | 'statline';
  codeField: string;
  /** The region's own name, where the layout has one (the flat file's `regio`). */
  nameField: string | null;
  /** `recs` / `SoortRegio_2`: checked against the code's prefix. */
  levelField: string | null;
  /** Figure columns: lower-cased field name → kwb mnemonic. */
  columns: Map<string, string>;
  /** Fields that are neither structure nor known figures: reported, not imported. */
  unknown: string[];
  year: number;
  /** What an empty cell means: StatLine data sets use it for ".", symbol downloads for "cannot occur". */
  blank: 'secret' | 'not_applicable';
  label: string;
  releaseKey: string;
}

/**
 * Figures of a CBS Kerncijfers table, whatever its layout: one area per row (level from the
 * code's prefix, checked against the level column), one figure per mapped column, CBS symbols
 * and sentinels kept as statuses — a suppressed figure never becomes 0, and the CBS dash
 * ("nihil") is a real 0. One decimal separator for the whole file. Areas the table names are
 * created for its year if missing, so figures on older boundaries are kept.
 */
export function planCbsFigures(source: SourceRecords, layout: CbsLayout): ImportPlan {
  const issues = new IssueCollector();
  const file = source.file;
  // Two columns for one figure (a key and its title, two years' suffixes) would write one
  // figure twice with different values: refuse, naming both.
  const byKey = new Map<string, string>();
  for (const [field, key] of layout.columns) {
    const other = byKey.get(key);
    if (other)
      issues.add({
        file,
        line: 1,
        column: field,
        message: `holds ${key}, like column '${other}'`,
        expected: 'one column per figure',
      });
    else byKey.set(key, field);
  }
  issues.throwIfAny();
  const decimal = fileDecimal(source, [...layout.columns.keys()]);
  const areas: PlannedArea[] = [];
  const observations: PlannedObservation[] = [];
  const duplicates = new DuplicateCheck(file, issues, 'each region once');
  let dashes = 0;
  for (const record of source.records) {
    const raw = text(record, layout.codeField);
    const code = raw ? normaliseAreaCode(raw) : '';
    const level = levelOfCode(code);
    if (!raw || !level) {
      issues.add({
        file,
        ...record.at,
        column: layout.codeField,
        message: raw ? `"${raw}" has no known level prefix` : 'empty code',
        expected: 'NL00, GM + 4 digits, WK + 6 or BU + 8 characters',
      });
      continue;
    }
    if (!duplicates.first(code, code, record, layout.codeField)) continue;
    if (layout.levelField) {
      const word = text(record, layout.levelField)?.toLowerCase();
      if (word && LEVEL_WORDS[word] && LEVEL_WORDS[word] !== level) {
        issues.add({
          file,
          ...record.at,
          column: layout.levelField,
          message: `says ${word} but ${code} is a ${level} code`,
          expected: level,
        });
        continue;
      }
    }
    const name = layout.nameField ? text(record, layout.nameField) : null;
    areas.push({
      code,
      level,
      name: name && !levelOfCode(normaliseAreaCode(name)) ? name : null,
      parentCode: level === 'land' ? null : parentCodeOf(code),
      geometry: null,
    });
    for (const [field, key] of layout.columns) {
      const value = record.fields.get(field);
      if (typeof value === 'string' && /^\s*[-\u2212]\s*$/.test(value)) dashes += 1;
      const cell =
        value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
          ? ({ kind: layout.blank } as const)
          : numberCell(record, field, decimal, { dash: 'zero' });
      if (cell.kind === 'invalid') {
        issues.add({
          file,
          ...record.at,
          column: field,
          message: cell.reason,
          expected: `a number with decimal ${decimal === ',' ? 'comma' : 'point'} (as in the rest of the file), or a CBS symbol (. secret, x, -, blank, *)`,
        });
        continue;
      }
      observations.push({
        areaCode: code,
        indicatorKey: key,
        year: layout.year,
        ...observationOf(cell),
      });
    }
  }
  issues.throwIfAny();
  if (areas.length === 0) {
    issues.add({
      file,
      message: 'the table has no regions',
      expected: 'one row per gemeente, wijk or buurt',
    });
    issues.throwIfAny();
  }
  const messages: ImportPlan['messages'] = source.warnings.map((t) => ({
    level: 'warning' as const,
    text: t,
  }));
  if (layout.columns.size === 0) {
    messages.push({
      level: 'warning',
      text: 'No column of this table is a figure Buurtbalans knows; only the regions were read.',
    });
  }
  if (layout.unknown.length > 0) {
    messages.push({
      level: 'info',
      text: `Not imported (not in the Buurtbalans catalogue): ${layout.unknown.join(', ')}. Use "import table" with a mapping for these.`,
    });
  }
  if (dashes > 0) {
    messages.push({
      level: 'info',
      text: `${dashes === 1 ? '1 cell holds' : `${dashes} cells hold`} "-", the CBS symbol for nihil: stored as 0.`,
    });
  }
  if (source.format === 'csv') {
    messages.push({
      level: 'info',
      text: `Numbers read with a decimal ${decimal === ',' ? 'comma' : 'point'}.`,
    });
  }
  return {
    kind: layout.kind,
    source: 'cbs',
    release: {
      key: layout.releaseKey,
      label: layout.label,
      details: { year: layout.year, columns: Object.fromEntries(layout.columns) },
    },
    boundaryYear: layout.year,
    rowsRead: source.records.length,
    areas,
    areasAuthoritative: areas.some((a) => a.name !== null),
    indicators: [],
    observations,
    replaceSeries: null,
    messages,
  };
}
