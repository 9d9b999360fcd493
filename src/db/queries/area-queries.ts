import { sql, type Kysely, type Transaction } from 'kysely';
import type { Area, AreaRef } from '../../domain/areas/area.js';
import type { AreaLevel } from '../../domain/shared/area-code.js';
import type { AreaRow, Database } from '../tables.js';
import { withinParent } from './within-parent.js';

type Db = Kysely<Database> | Transaction<Database>;

const AREA_COLUMNS = [
  'code',
  'boundary_year',
  'level',
  'name',
  'parent_code',
  'gemeente_code',
  'bbox_west',
  'bbox_south',
  'bbox_east',
  'bbox_north',
  'source',
] as const;

type AreaColumns = Pick<AreaRow, (typeof AREA_COLUMNS)[number]>;

export function toArea(row: AreaColumns): Area {
  return {
    code: row.code,
    boundaryYear: row.boundary_year,
    level: row.level as AreaLevel,
    name: row.name,
    parentCode: row.parent_code,
    gemeenteCode: row.gemeente_code,
    bbox:
      row.bbox_west === null ||
      row.bbox_south === null ||
      row.bbox_east === null ||
      row.bbox_north === null
        ? null
        : [row.bbox_west, row.bbox_south, row.bbox_east, row.bbox_north],
    source: row.source,
  };
}

/** The newest boundary year holding areas (of a level), or null when there are none. */
export async function findLatestBoundaryYear(db: Db, level?: AreaLevel): Promise<number | null> {
  let query = db.selectFrom('area').select((eb) => eb.fn.max('boundary_year').as('year'));
  if (level) query = query.where('level', '=', level);
  const row = await query.executeTakeFirst();
  return row?.year ?? null;
}

/** Boundary years that hold a given code, newest first. */
export async function listBoundaryYearsOfCode(db: Db, code: string): Promise<number[]> {
  const rows = await db
    .selectFrom('area')
    .select('boundary_year')
    .where('code', '=', code)
    .orderBy('boundary_year', 'desc')
    .execute();
  return rows.map((r) => r.boundary_year);
}

/** One area by code; the newest boundary year that has it unless a year is given. */
export async function findArea(
  db: Db,
  code: string,
  boundaryYear?: number,
): Promise<(Area & { id: number }) | null> {
  let query = db
    .selectFrom('area')
    .select(['id', ...AREA_COLUMNS])
    .where('code', '=', code);
  if (boundaryYear !== undefined) query = query.where('boundary_year', '=', boundaryYear);
  const row = await query.orderBy('boundary_year', 'desc').limit(1).executeTakeFirst();
  return row ? { id: row.id, ...toArea(row) } : null;
}

export interface AreaFilter {
  boundaryYear: number;
  level?: AreaLevel;
  /** A direct parent, or for buurten also their gemeente. */
  parentCode?: string;
}

/** Areas of one boundary year, by level and parent, ordered by code. */
export async function listAreas(db: Db, filter: AreaFilter): Promise<Area[]> {
  let query = db
    .selectFrom('area')
    .select([...AREA_COLUMNS])
    .where('boundary_year', '=', filter.boundaryYear);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.parentCode) query = query.where(withinParent(filter.parentCode));
  const rows = await query.orderBy('code').execute();
  return rows.map(toArea);
}

/** Ancestors from the top (land) down to the direct parent. */
export async function findAncestors(db: Db, area: Area): Promise<AreaRef[]> {
  const chain: AreaRef[] = [];
  let parentCode = area.parentCode;
  // The hierarchy is at most three steps deep (buurt → wijk → gemeente → land).
  for (let depth = 0; parentCode && depth < 4; depth += 1) {
    const parent = await db
      .selectFrom('area')
      .select(['code', 'level', 'name', 'parent_code'])
      .where('code', '=', parentCode)
      .where('boundary_year', '=', area.boundaryYear)
      .executeTakeFirst();
    if (!parent) break;
    chain.unshift({ code: parent.code, level: parent.level as AreaLevel, name: parent.name });
    parentCode = parent.parent_code;
  }
  return chain;
}

/** Direct children of an area, ordered by code. */
export async function listChildren(db: Db, area: Area): Promise<AreaRef[]> {
  const rows = await db
    .selectFrom('area')
    .select(['code', 'level', 'name'])
    .where('parent_code', '=', area.code)
    .where('boundary_year', '=', area.boundaryYear)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, level: r.level as AreaLevel, name: r.name }));
}

/** Map code → id for the areas of one boundary year. */
export async function findAreaIds(
  db: Db,
  boundaryYear: number,
  codes?: readonly string[],
): Promise<Map<string, number>> {
  let query = db
    .selectFrom('area')
    .select(['id', 'code'])
    .where('boundary_year', '=', boundaryYear);
  if (codes) {
    if (codes.length === 0) return new Map();
    query = query.where('code', 'in', codes);
  }
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Count of areas per level, for status pages and the CLI. */
export async function countAreasByLevel(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('area')
    .select(['level', sql<number>`count(*)`.as('n')])
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, r.n]));
}
