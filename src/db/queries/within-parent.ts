import { sql, type RawBuilder } from 'kysely';
import { levelOfCode } from '../../domain/shared/area-code.js';

/**
 * The one rule for "areas within a parent", shared by lists, map layers and year lookups: the
 * parent's direct children, or for a gemeente every wijk and buurt in it; within the land,
 * every area. `table` is the alias of the area table in the query ('' for none).
 */
export function withinParent(parentCode: string, table = ''): RawBuilder<boolean> {
  if (levelOfCode(parentCode) === 'land') return sql<boolean>`true`;
  const column = (name: string) => sql.ref(table ? `${table}.${name}` : name);
  return sql<boolean>`(${column('parent_code')} = ${parentCode} or ${column('gemeente_code')} = ${parentCode})`;
}
