import type { Kysely } from 'kysely';
import { countImportRuns } from '../db/queries/import-run-queries.js';
import type { Database } from '../db/tables.js';
import { ensureBuiltInIndicators } from './catalogue.js';
import { loadDemo, type DemoSummary } from './demo-loader.js';
import { refreshStatisticsIfStale } from './statistics.js';

/**
 * After migrations: refresh the built-in catalogue and, on a database that has never had any
 * data loaded (no import run at all), load the demo so that a new user sees a working product.
 * A database whose demo was removed on purpose keeps its import history and stays without demo.
 */
export async function prepareData(
  db: Kysely<Database>,
  options: { demo: 'auto' | 'off' } = { demo: 'auto' },
): Promise<{ demo: DemoSummary | null }> {
  await ensureBuiltInIndicators(db);
  if (options.demo === 'off' || (await countImportRuns(db)) > 0) {
    await refreshStatisticsIfStale(db);
    return { demo: null };
  }
  return { demo: await loadDemo(db) };
}
