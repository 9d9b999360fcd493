import { levelOfCode, normaliseAreaCode, parentCodeOf } from '../../domain/shared/area-code.js';
import { IssueCollector } from '../import-error.js';
import type { ImportAdapter } from '../pipeline.js';
import type { PlannedArea } from '../import-plan.js';
import { yearFromFileName } from '../input-file.js';
import { findField, recordsFromGeo, text } from '../records.js';
import { readBoundaryFile } from '../geo/validate.js';
import { CODE_FIELDS, NAME_FIELDS } from './raw-schema.js';

/**
 * Boundaries: GeoJSON (WGS84 or RD New) or GeoPackage, one polygon per area. Areas are keyed by
 * code and boundary year; codes the year does not hold yet are created and reported, not
 * dropped (a file from another boundary year shows up in that report).
 */
export const boundariesAdapter: ImportAdapter = {
  kind: 'boundaries',
  async parse(file, options) {
    const geo = await readBoundaryFile(
      file.name,
      file.bytes,
      options.layer ? { layer: options.layer } : {},
    );
    const source = recordsFromGeo(geo);
    const issues = new IssueCollector();
    const codeField = options.codeField?.toLowerCase() ?? findField(source, CODE_FIELDS);
    if (!codeField || !source.names.some((n) => n.toLowerCase() === codeField)) {
      issues.add({
        file: file.name,
        message: `no area code attribute${options.codeField ? ` named ${options.codeField}` : ''}`,
        expected: `one of ${CODE_FIELDS.join(', ')}, or --code-field`,
      });
    }
    const year = options.year ?? yearFromFileName(file.name);
    if (year === null)
      issues.add({
        file: file.name,
        message: 'the file does not say which boundary year it has',
        expected: 'the year as --year, or a file name like buurt_2024.gpkg',
      });
    issues.throwIfAny();
    const nameField = options.nameField?.toLowerCase() ?? findField(source, NAME_FIELDS);
    const areas: PlannedArea[] = [];
    const seen = new Map<string, number | undefined>();
    let withoutGeometry = 0;
    for (const record of source.records) {
      const raw = text(record, codeField!);
      const code = raw ? normaliseAreaCode(raw) : '';
      const level = levelOfCode(code);
      if (!raw || !level || level === 'land') {
        issues.add({
          file: file.name,
          ...record.at,
          column: codeField!,
          message: raw ? `"${raw}" is not a gemeente, wijk or buurt code` : 'empty code',
          expected: 'GM + 4 digits, WK + 6 or BU + 8 characters',
        });
        continue;
      }
      if (seen.has(code)) {
        issues.add({
          file: file.name,
          ...record.at,
          column: codeField!,
          message: `${code} appears twice (first as feature ${seen.get(code)})`,
          expected: 'one feature per area',
        });
        continue;
      }
      seen.set(code, record.at.feature);
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
          text: `Boundaries ${year} (${geo.sourceCrs ?? geo.crs}${geo.sourceCrs === 'EPSG:28992' ? ', reprojected to WGS84' : ''}): ${counts.gemeente} gemeenten, ${counts.wijk} wijken, ${counts.buurt} buurten.`,
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
  },
};
