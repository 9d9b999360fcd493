import { FULL_VIEW } from '../../domain/access/policy.js';
import { formatObservation } from '../../domain/format/format-value.js';
import { AppError } from '../../domain/shared/app-error.js';
import { normaliseAreaCode } from '../../domain/shared/area-code.js';
import { listIndicators } from '../../db/queries/indicator-queries.js';
import { getAreaProfile } from '../../services/area-profile.js';
import { withDatabase } from '../context.js';
import { printJson, printTable } from '../output.js';
import { parseYear } from './parse.js';

export async function valuesCommand(
  code: string | undefined,
  options: { year?: string; 'boundary-year'?: string; json?: boolean },
): Promise<number> {
  if (!code)
    throw new AppError(
      'bad_request',
      'values needs an area code, e.g. buurtbalans values BU03920101',
    );
  const year = parseYear(options.year, '--year');
  // The CLI is the local operator: figures as stored, without disclosure control.
  return withDatabase(async ({ db }, config) => {
    const profile = await getAreaProfile(
      db,
      normaliseAreaCode(code),
      parseYear(options['boundary-year'], '--boundary-year'),
      FULL_VIEW,
      config.privacy,
    );
    const indicators = new Map((await listIndicators(db)).map((i) => [i.key, i]));
    if (options.json) {
      const series =
        year === undefined
          ? profile.series
          : profile.series
              .map((s) => ({ ...s, points: s.points.filter((p) => p.year === year) }))
              .filter((s) => s.points.length > 0);
      printJson({ area: profile.area, series });
      return 0;
    }
    const rows = profile.series.flatMap((s) => {
      const point =
        year === undefined ? s.points[s.points.length - 1] : s.points.find((p) => p.year === year);
      const indicator = indicators.get(s.indicatorKey);
      if (!point || !indicator) return [];
      return [
        [
          s.indicatorKey,
          indicator.nameNl,
          point.year,
          formatObservation(point.value, point.status, indicator.decimals, 'nl'),
          indicator.unit,
          point.source,
        ],
      ];
    });
    if (rows.length === 0) {
      throw new AppError(
        year === undefined ? 'not_found' : 'year_not_available',
        `No figures for ${profile.area.code}${year === undefined ? '' : ` in ${year}`}`,
      );
    }
    process.stdout.write(
      `${profile.area.name} (${profile.area.code}), boundary year ${profile.area.boundaryYear}\n`,
    );
    printTable(['indicator', 'name', 'year', 'value', 'unit', 'source'], rows);
    return 0;
  });
}
