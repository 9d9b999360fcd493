import {
  levelOfCode,
  normaliseAreaCode,
  parentCodeOf,
  type AreaLevel,
} from '../../domain/shared/area-code.js';
import { numberCell, observationOf } from '../cells.js';
import { IssueCollector } from '../import-error.js';
import type { ImportPlan, PlannedArea, PlannedObservation } from '../import-plan.js';
import { text, type SourceRecords } from '../records.js';
import { detectDecimal } from '../tabular/numbers.js';

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
 * and sentinels kept as statuses — a suppressed figure never becomes 0. Areas the table names
 * are created for its year if missing, so figures on older boundaries are kept.
 */
export function planCbsFigures(source: SourceRecords, layout: CbsLayout): ImportPlan {
  const issues = new IssueCollector();
  const file = source.file;
  const decimals = new Map<string, '.' | ','>();
  for (const field of layout.columns.keys()) {
    const values = source.records.flatMap((r) => {
      const v = r.fields.get(field);
      return typeof v === 'string' ? [v] : [];
    });
    decimals.set(field, detectDecimal(values));
  }
  const areas: PlannedArea[] = [];
  const observations: PlannedObservation[] = [];
  const seen = new Map<string, string>();
  for (const record of source.records) {
    const raw = text(record, layout.codeField);
    const code = raw ? normaliseAreaCode(raw) : '';
    const level = levelOfCode(code);
    const where =
      record.at.line !== undefined ? `line ${record.at.line}` : `record ${record.at.record}`;
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
    if (seen.has(code)) {
      issues.add({
        file,
        ...record.at,
        column: layout.codeField,
        message: `${code} appears twice (first on ${seen.get(code)})`,
        expected: 'each region once',
      });
      continue;
    }
    seen.set(code, where);
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
    areas.push({
      code,
      level,
      name: layout.nameField ? text(record, layout.nameField) : null,
      parentCode: level === 'land' ? null : parentCodeOf(code),
      geometry: null,
    });
    for (const [field, key] of layout.columns) {
      const value = record.fields.get(field);
      const cell =
        value === null || (typeof value === 'string' && value.trim() === '')
          ? ({ kind: layout.blank } as const)
          : numberCell(record, field, decimals.get(field) ?? '.');
      if (cell.kind === 'invalid') {
        issues.add({
          file,
          ...record.at,
          column: field,
          message: cell.reason,
          expected: 'a number, or a CBS symbol (. for secret, blank, *)',
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
    areasAuthoritative: layout.nameField !== null,
    indicators: [],
    observations,
    replaceSeries: null,
    messages,
  };
}
