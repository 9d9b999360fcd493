import { FULL_VIEW } from '../../domain/access/policy.js';
import { AppError } from '../../domain/shared/app-error.js';
import { isAreaLevel, normaliseAreaCode } from '../../domain/shared/area-code.js';
import { listAreasFor } from '../../services/list-areas.js';
import { getAreaProfile } from '../../services/area-profile.js';
import { withDatabase } from '../context.js';
import { printJson, printTable } from '../output.js';
import { parseYear } from './parse.js';

export async function areasListCommand(options: {
  level?: string;
  parent?: string;
  'boundary-year'?: string;
  json?: boolean;
}): Promise<number> {
  if (options.level && !isAreaLevel(options.level)) {
    throw new AppError(
      'bad_request',
      `--level must be land, gemeente, wijk or buurt, not "${options.level}"`,
    );
  }
  const level = options.level && isAreaLevel(options.level) ? options.level : undefined;
  return withDatabase(async ({ db }) => {
    const parent = options.parent ? normaliseAreaCode(options.parent) : undefined;
    const boundaryYear = parseYear(options['boundary-year'], '--boundary-year');
    const { boundaryYear: year, areas } = await listAreasFor(
      db,
      {
        ...(level ? { level } : {}),
        ...(parent ? { parent } : {}),
        ...(boundaryYear !== undefined ? { boundaryYear } : {}),
      },
      FULL_VIEW,
    );
    if (options.json) {
      printJson({ boundaryYear: year, areas });
      return 0;
    }
    printTable(
      ['code', 'level', 'name', 'parent'],
      areas.map((a) => [a.code, a.level, a.name, a.parentCode]),
    );
    process.stdout.write(`${areas.length} areas, boundary year ${year ?? '–'}\n`);
    return 0;
  });
}

export async function areasShowCommand(
  code: string | undefined,
  options: { 'boundary-year'?: string; json?: boolean },
): Promise<number> {
  if (!code)
    throw new AppError(
      'bad_request',
      'areas show needs an area code, e.g. buurtbalans areas show GM0392',
    );
  return withDatabase(async ({ db }, config) => {
    const profile = await getAreaProfile(
      db,
      normaliseAreaCode(code),
      parseYear(options['boundary-year'], '--boundary-year'),
      FULL_VIEW,
      config.privacy,
    );
    const { area, ancestors, children } = profile;
    if (options.json) {
      printJson({ ...area, ancestors, children, boundaryYears: profile.boundaryYears });
      return 0;
    }
    const lines = [
      `${area.name} (${area.code})`,
      `level:          ${area.level}`,
      `boundary year:  ${area.boundaryYear}${profile.boundaryYears.length > 1 ? ` (also in ${profile.boundaryYears.filter((y) => y !== area.boundaryYear).join(', ')})` : ''}`,
      `lies in:        ${ancestors.length ? ancestors.map((a) => `${a.name} (${a.code})`).join(' › ') : '–'}`,
      `bbox:           ${area.bbox ? `[${area.bbox.map((v) => v.toFixed(6)).join(', ')}]` : '– (no geometry)'}`,
      `source:         ${area.source}`,
      `children:       ${children.length}${
        children.length
          ? `: ${children
              .slice(0, 8)
              .map((c) => c.code)
              .join(', ')}${children.length > 8 ? ', …' : ''}`
          : ''
      }`,
      `indicators:     ${profile.series.length}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}
