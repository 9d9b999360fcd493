import { classFromCuts, LBM_BOUNDARIES } from '../../domain/indicators/lbm-boundaries.js';
import {
  levelOfCode,
  normaliseAreaCode,
  parentCodeOf,
  type AreaLevel,
} from '../../domain/shared/area-code.js';
import { numberCell } from '../cells.js';
import { IssueCollector } from '../import-error.js';
import type { ImportOptions, ImportPlan, PlannedArea, PlannedObservation } from '../import-plan.js';
import { findField, text, type SourceRecords } from '../records.js';
import {
  CLASS_FIELDS,
  CODE_FIELDS,
  WFS_CODE_FIELDS,
  WFS_NAME_FIELDS,
  YEAR_FIELDS,
  DIMENSIONS,
  LBM_INDICATORS,
  NAME_FIELDS,
  REFERENCE_TOLERANCE,
  REQUIRED,
  SUM_TOLERANCE,
} from './raw-schema.js';

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
  const yearField = findField(source, YEAR_FIELDS) ?? 'jaar';
  const missing = [...REQUIRED, ...(findField(source, YEAR_FIELDS) ? [] : ['jaar'])].filter(
    (f) => !findField(source, [f]),
  );
  if (!codeField || missing.length > 0) {
    const needed = [...(codeField ? [] : ['bu_code, wk_code or gm_code']), ...missing];
    issues.add({
      file,
      line: 1,
      message: `missing required ${needed.length === 1 ? 'column' : 'columns'}: ${needed.join('; ')}`,
      expected: `the Leefbaarometer columns ${CODE_FIELDS[0]}|${CODE_FIELDS[1]}|${CODE_FIELDS[2]}, jaar, ${REQUIRED.join(', ')}`,
    });
    issues.throwIfAny();
  }
  const code = codeField!;
  const nameField =
    findField(source, [NAME_FIELDS[code as keyof typeof NAME_FIELDS] ?? '']) ??
    findField(source, WFS_NAME_FIELDS);
  const hasLbm = findField(source, ['lbm']) !== null;
  const classFields = CLASS_FIELDS.filter(([f]) => findField(source, [f]));
  const level: AreaLevel = levelOfField(source, code);
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

  type Row = {
    code: string;
    name: string | null;
    year: number;
    values: Map<string, number | null>;
    classes: Map<string, number>;
    at: { line?: number; feature?: number };
  };
  const rows: Row[] = [];
  const seen = new Map<string, number | undefined>();
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
    const yearText = text(record, yearField);
    const year = Number(yearText);
    if (!yearText || !Number.isInteger(year) || year < 1990 || year > 2100) {
      issues.add({
        file,
        ...at,
        column: yearField,
        message: `"${yearText ?? ''}" is not a year`,
        expected: 'a measurement year such as 2024',
      });
      continue;
    }
    const key = `${areaCode}|${year}`;
    if (seen.has(key)) {
      issues.add({
        file,
        ...at,
        column: code,
        message: `${areaCode} appears twice for ${year} (also on ${at.line !== undefined ? `line ${seen.get(key)}` : `feature ${seen.get(key)}`})`,
        expected: 'one row per area and year',
      });
      continue;
    }
    seen.set(key, at.line ?? at.feature);
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
      at,
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

  const maxYear = Math.max(...rows.map((r) => r.year));
  const releaseKey = options.release ?? `lbm3-${maxYear}`;
  const boundaryYear = options.year ?? maxYear;
  const messages: ImportPlan['messages'] = [];
  const configured = (appliesTo: 'score' | 'afw' | 'dimension') =>
    LBM_BOUNDARIES.find((b) => b.release === releaseKey && b.appliesTo === appliesTo) ?? null;
  const derive: Array<
    [indicator: string, cuts: readonly number[], from: (r: Row) => number | null | undefined]
  > = [];
  if (classFields.length === 0) {
    const score = configured('score');
    const afwSet = configured('afw');
    const dimensionSet = configured('dimension');
    if (score) derive.push(['lbm_score_class', score.cuts, (r) => r.values.get('afw')]);
    if (afwSet) derive.push(['lbm_afw_class', afwSet.cuts, (r) => r.values.get('afw')]);
    if (dimensionSet)
      for (const d of DIMENSIONS)
        derive.push([`lbm_${d}_class`, dimensionSet.cuts, (r) => r.values.get(d)]);
    messages.push(
      derive.length > 0
        ? {
            level: 'info',
            text: `The file has no classes; ${derive.map(([k]) => k).join(', ')} derived from the boundaries configured for ${releaseKey}.`,
          }
        : {
            level: 'warning',
            text: `The file has no classes and no class boundaries are configured for release ${releaseKey}: classes are not stored (never guessed).`,
          },
    );
  }

  const observations: PlannedObservation[] = [];
  const areas = new Map<string, PlannedArea>();
  const geometryOf = new Map(source.records.map((r) => [r.at.line ?? r.at.feature, r.geometry]));
  for (const row of rows) {
    const geometry = geometryOf.get(row.at.line ?? row.at.feature) ?? null;
    if (!areas.has(row.code) || geometry) {
      areas.set(row.code, {
        code: row.code,
        level,
        name: row.name,
        parentCode: parentCodeOf(row.code),
        geometry,
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
    for (const [indicator, cuts, from] of derive) {
      const v = from(row);
      if (v !== null && v !== undefined) add(indicator, classFromCuts(v, cuts));
    }
  }
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return {
    kind: 'leefbaarometer',
    source: 'leefbaarometer',
    release: {
      key: releaseKey,
      label: `Leefbaarometer 3.0, meting ${maxYear}`,
      details: {
        years,
        level,
        referenceLevel: reference,
        classesFrom: classFields.length > 0 ? 'file' : derive.length > 0 ? 'configuration' : 'none',
      },
    },
    boundaryYear,
    rowsRead: source.records.length,
    areas: [...areas.values()],
    areasAuthoritative: false,
    indicators: [],
    observations,
    replaceSeries: { indicatorKeys: LBM_INDICATORS, level },
    messages: [
      ...source.warnings.map((text) => ({ level: 'warning' as const, text })),
      ...messages,
      ...(reference !== null
        ? [
            {
              level: 'info' as const,
              text: `Reference level of release ${releaseKey} (lbm − afw): ${reference.toFixed(5)}.`,
            },
          ]
        : []),
    ],
  };
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
