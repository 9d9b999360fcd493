import {
  levelOfCode,
  normaliseAreaCode,
  parentCodeOf,
  type AreaLevel,
} from '../../domain/shared/area-code.js';
import { numberCell } from '../cells.js';
import { IssueCollector } from '../import-error.js';
import type { ImportOptions, ImportPlan, PlannedArea, PlannedObservation } from '../import-plan.js';
import { findField, text, type SourceRecord, type SourceRecords } from '../records.js';
import { DuplicateCheck } from '../shared/duplicates.js';
import { deriveClass, derivationsFor, releaseYear } from './classes.js';
import {
  CLASS_FIELDS,
  CODE_FIELDS,
  DIMENSIONS,
  LBM_INDICATORS,
  NAME_FIELDS,
  REFERENCE_TOLERANCE,
  REQUIRED,
  SUM_TOLERANCE,
  WFS_CODE_FIELDS,
  WFS_NAME_FIELDS,
  YEAR_FIELDS,
} from './raw-schema.js';

interface Row {
  code: string;
  name: string | null;
  year: number;
  values: Map<string, number | null>;
  classes: Map<string, number>;
  geometry: SourceRecord['geometry'];
}

/**
 * Validate every Leefbaarometer record and turn the file into a plan. Checks: a code of one
 * level, a year, numbers where numbers belong, afw = the sum of the five dimensions, lbm − afw
 * the same for every row (the release's reference level), classes 1–9, no area-year twice.
 * Classes come from the file; where it has none, only from boundaries configured for the
 * release — never guessed.
 */
export function planLeefbaarometer(source: SourceRecords, options: ImportOptions): ImportPlan {
  const issues = new IssueCollector();
  const file = source.file;
  const codeField = findField(source, CODE_FIELDS) ?? wfsCodeField(source);
  const yearField = findField(source, YEAR_FIELDS);
  const missing = [
    ...(codeField ? [] : ['bu_code, wk_code or gm_code']),
    ...(yearField ? [] : ['jaar']),
    ...REQUIRED.filter((f) => !findField(source, [f])),
  ];
  if (missing.length > 0) {
    issues.add({
      file,
      line: 1,
      message: `missing required ${missing.length === 1 ? 'column' : 'columns'}: ${missing.join('; ')}`,
      expected: `the Leefbaarometer columns ${CODE_FIELDS.join('|')}, jaar, ${REQUIRED.join(', ')}`,
    });
    issues.throwIfAny();
  }
  const code = codeField!;
  const level = levelOfField(source, code);
  if (options.level && options.level !== level) {
    issues.add({
      file,
      line: 1,
      column: code,
      message: `the file holds ${level} figures, not ${options.level}`,
      expected: `--level ${level} or no --level`,
    });
    issues.throwIfAny();
  }
  if (options.release && releaseYear(options.release) === null) {
    issues.add({
      file,
      message: `release "${options.release}" is not a Leefbaarometer release key`,
      expected: 'lbm3-YYYY, e.g. lbm3-2024 (optionally with a suffix: lbm3-2024-r2)',
    });
    issues.throwIfAny();
  }
  const nameField =
    findField(source, [NAME_FIELDS[code as keyof typeof NAME_FIELDS] ?? '']) ??
    findField(source, WFS_NAME_FIELDS);
  const hasLbm = findField(source, ['lbm']) !== null;
  const classFields = CLASS_FIELDS.filter(([f]) => findField(source, [f]));
  const duplicates = new DuplicateCheck(file, issues, 'one row per area and year');

  const rows: Row[] = [];
  let reference: number | null = null;
  for (const record of source.records) {
    const at = record.at;
    const raw = text(record, code);
    const areaCode = raw ? normaliseAreaCode(raw) : '';
    if (!raw || levelOfCode(areaCode) !== level) {
      issues.add({
        file,
        ...at,
        column: code,
        message: raw ? `"${raw}" is not a ${level} code` : 'empty code',
        expected:
          level === 'buurt'
            ? 'a buurt code such as BU03920101'
            : level === 'wijk'
              ? 'a wijk code such as WK039201'
              : 'a gemeente code such as GM0392',
      });
      continue;
    }
    const yearText = text(record, yearField!);
    const year = Number(yearText);
    if (!yearText || !Number.isInteger(year) || year < 1990 || year > 2100) {
      issues.add({
        file,
        ...at,
        column: yearField!,
        message: `"${yearText ?? ''}" is not a year`,
        expected: 'a measurement year such as 2024',
      });
      continue;
    }
    if (!duplicates.first(`${areaCode}|${year}`, `${areaCode} for ${year}`, record, code)) continue;
    const values = new Map<string, number | null>();
    let bad = false;
    for (const field of [...REQUIRED, ...(hasLbm ? ['lbm'] : [])]) {
      const cell = numberCell(record, field, '.');
      if (cell.kind === 'invalid') {
        issues.add({
          file,
          ...at,
          column: field,
          message: cell.reason,
          expected: 'a number with a decimal point, or NA',
        });
        bad = true;
      } else values.set(field, cell.kind === 'value' ? cell.value : null);
    }
    if (bad) continue;
    const afw = values.get('afw');
    if (afw === null || afw === undefined) {
      issues.add({
        file,
        ...at,
        column: 'afw',
        message: 'afw is empty',
        expected: 'the total deviation for every row',
      });
      continue;
    }
    const dims = DIMENSIONS.map((d) => values.get(d));
    if (dims.every((d) => d !== null && d !== undefined)) {
      const sum = (dims as number[]).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - afw) > SUM_TOLERANCE) {
        issues.add({
          file,
          ...at,
          column: 'afw',
          message: `afw ${afw} is not the sum of the five dimensions (${sum.toFixed(6)})`,
          expected: `afw = won + fys + vrz + soc + onv within ${SUM_TOLERANCE}`,
        });
        continue;
      }
    }
    const lbm = values.get('lbm');
    if (lbm !== null && lbm !== undefined) {
      const offset = lbm - afw;
      if (reference === null) reference = offset;
      else if (Math.abs(offset - reference) > REFERENCE_TOLERANCE) {
        issues.add({
          file,
          ...at,
          column: 'lbm',
          message: `lbm − afw is ${offset.toFixed(6)} here but ${reference.toFixed(6)} on earlier rows`,
          expected: 'one reference level (lbm − afw) for the whole release',
        });
        continue;
      }
    }
    const classes = new Map<string, number>();
    for (const [field, indicator] of classFields) {
      const cell = numberCell(record, field, '.');
      if (cell.kind !== 'value') continue;
      if (!Number.isInteger(cell.value) || cell.value < 1 || cell.value > 9) {
        issues.add({
          file,
          ...at,
          column: field,
          message: `class ${cell.value} is outside 1–9`,
          expected: 'a class from 1 to 9',
        });
        bad = true;
      } else classes.set(indicator, cell.value);
    }
    if (bad) continue;
    rows.push({
      code: areaCode,
      name: nameField ? text(record, nameField) : null,
      year,
      values,
      classes,
      geometry: record.geometry,
    });
  }
  issues.throwIfAny();
  if (rows.length === 0) {
    issues.add({
      file,
      message: 'the file has no Leefbaarometer rows',
      expected: 'at least one area with figures',
    });
    issues.throwIfAny();
  }
  // A loop, not Math.max(...): a national series (14,500 buurten × 9 years) overflows the stack.
  let maxYear = rows[0]!.year;
  for (const row of rows) if (row.year > maxYear) maxYear = row.year;
  const releaseKey = options.release ?? `lbm3-${maxYear}`;
  const derive = classFields.length === 0 ? derivationsFor(releaseKey) : [];
  const messages: ImportPlan['messages'] = source.warnings.map((t) => ({
    level: 'warning' as const,
    text: t,
  }));
  if (classFields.length === 0) {
    messages.push(
      derive.length > 0
        ? {
            level: 'info',
            text: `The file has no classes; ${derive.map((d) => d.indicator).join(', ')} derived from the boundaries configured for ${releaseKey}.`,
          }
        : {
            level: 'warning',
            text: `The file has no classes and no class boundaries are configured for release ${releaseKey}: classes are not stored (never guessed).`,
          },
    );
  }
  if (reference !== null)
    messages.push({
      level: 'info',
      text: `Reference level of release ${releaseKey} (lbm − afw): ${reference.toFixed(5)}.`,
    });
  return {
    kind: 'leefbaarometer',
    source: 'leefbaarometer',
    release: {
      key: releaseKey,
      label: `Leefbaarometer 3.0, meting ${releaseYear(releaseKey) ?? maxYear}`,
      details: {
        [level]: {
          years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
          referenceLevel: reference,
          classesFrom:
            classFields.length > 0 ? 'file' : derive.length > 0 ? 'configuration' : 'none',
        },
      },
    },
    boundaryYear: options.year ?? maxYear,
    rowsRead: source.records.length,
    ...toPlan(rows, level, hasLbm, derive),
    areasAuthoritative: false,
    indicators: [],
    replaceSeries: { indicatorKeys: LBM_INDICATORS, level },
    messages,
  };
}

function toPlan(
  rows: readonly Row[],
  level: AreaLevel,
  hasLbm: boolean,
  derive: ReturnType<typeof derivationsFor>,
) {
  const observations: PlannedObservation[] = [];
  const areas = new Map<string, PlannedArea>();
  for (const row of rows) {
    if (!areas.has(row.code) || row.geometry) {
      areas.set(row.code, {
        code: row.code,
        level,
        name: row.name ?? areas.get(row.code)?.name ?? null,
        parentCode: parentCodeOf(row.code),
        geometry: row.geometry,
      });
    }
    const add = (indicatorKey: string, value: number | null | undefined) =>
      observations.push({
        areaCode: row.code,
        indicatorKey,
        year: row.year,
        value: value ?? null,
        status: value === null || value === undefined ? 'missing' : 'ok',
      });
    add('lbm_afw', row.values.get('afw'));
    for (const d of DIMENSIONS) add(`lbm_${d}`, row.values.get(d));
    if (hasLbm) add('lbm_score', row.values.get('lbm'));
    for (const [indicator, value] of row.classes) add(indicator, value);
    for (const derivation of derive) {
      const v = row.values.get(derivation.from);
      if (v !== null && v !== undefined) add(derivation.indicator, deriveClass(v, derivation));
    }
  }
  return { areas: [...areas.values()], observations };
}

/** A WFS `id` column holding area codes (BU…, WK… or GM…), or null. */
function wfsCodeField(source: SourceRecords): string | null {
  const field = findField(source, WFS_CODE_FIELDS);
  if (!field) return null;
  const first = source.records.map((r) => text(r, field)).find((v) => v !== null);
  const level = first ? levelOfCode(normaliseAreaCode(first)) : null;
  return level && level !== 'land' ? field : null;
}

/** The level of the file's areas: from the column name, or for a WFS id from its first code. */
function levelOfField(source: SourceRecords, field: string): AreaLevel {
  if (field === 'bu_code') return 'buurt';
  if (field === 'wk_code') return 'wijk';
  if (field === 'gm_code') return 'gemeente';
  const first = source.records.map((r) => text(r, field)).find((v) => v !== null);
  return (first ? levelOfCode(normaliseAreaCode(first)) : null) ?? 'buurt';
}
