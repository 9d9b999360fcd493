import type { Kysely } from 'kysely';
import { mayView, type DataView } from '../domain/access/policy.js';
import { toCsv } from '../domain/format/csv.js';
import { disclose } from '../domain/privacy/disclose.js';
import type { DisclosureRules } from '../domain/privacy/disclosure-rules.js';
import { listAreas } from '../db/queries/area-queries.js';
import { findMapValues } from '../db/queries/map-queries.js';
import type { Database } from '../db/tables.js';
import { resolveMapScope, type MapLayerRequest } from './map-scope.js';

export interface FiguresExport {
  fileName: string;
  csv: string;
  rows: number;
  indicator: string;
  year: number | null;
  sensitive: boolean;
}

/**
 * The figures of one indicator and year for the areas of a level (within a parent) as CSV, as
 * the viewer may see them: the same scope and disclosure control as the map, so an export
 * never holds more than the screen. Missing figures are empty cells with their status.
 */
export async function exportFigures(
  db: Kysely<Database>,
  request: MapLayerRequest,
  view: DataView,
  rules: DisclosureRules,
): Promise<FiguresExport> {
  const { indicator, classIndicator, scope, year } = await resolveMapScope(db, request, view);
  const areas = (
    await listAreas(db, {
      boundaryYear: scope.boundaryYear,
      level: scope.level as MapLayerRequest['level'],
      ...(scope.parentCode ? { parentCode: scope.parentCode } : {}),
    })
  ).filter((a) => view.scope.all || mayView(view.scope, a.code));
  const values =
    year === null
      ? new Map()
      : new Map(
          (
            await findMapValues(db, scope, {
              indicatorId: indicator.id,
              classIndicatorId: classIndicator?.id ?? null,
              year,
            })
          ).map((v) => [v.code, v]),
        );
  const rows = areas.map((a) => {
    const v = values.get(a.code);
    const shown = v
      ? disclose(
          v,
          v.suppression,
          indicator.kind,
          view.restricted,
          rules,
          indicator.disclosureControl !== false,
        )
      : null;
    const status = shown?.status ?? 'missing';
    return [
      a.code,
      a.name,
      a.level,
      indicator.key,
      indicator.nameNl,
      indicator.unit,
      year,
      shown?.value ?? null,
      shown?.suppression === 'small_count' ? `<${rules.minCount}` : status,
      v?.source ?? null,
      scope.boundaryYear,
    ];
  });
  const csv = toCsv(
    [
      'code',
      'naam',
      'niveau',
      'indicator',
      'indicator_naam',
      'eenheid',
      'jaar',
      'waarde',
      'status',
      'bron',
      'gebiedsindeling',
    ],
    rows,
  );
  return {
    fileName: `buurtbalans-${indicator.key}-${year ?? 'geen-jaar'}-${request.parent ?? 'NL'}-${request.level}.csv`,
    csv,
    rows: rows.length,
    indicator: indicator.key,
    year,
    sensitive: indicator.sensitive ?? false,
  };
}
