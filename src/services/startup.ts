import { sql, type Kysely } from 'kysely';
import { countImportRuns } from '../db/queries/import-run-queries.js';
import { listRankings } from '../db/queries/ranking-queries.js';
import type { Database } from '../db/tables.js';
import {
  DEFAULT_DISCLOSURE_RULES,
  type DisclosureRules,
} from '../domain/privacy/disclosure-rules.js';
import { ensureBuiltInIndicators } from './catalogue.js';
import { applyDisclosureRules } from './disclosure.js';
import { loadDemoInto, type DemoSummary } from './demo-loader.js';
import { refreshStatistics, refreshStatisticsIfStale } from './statistics.js';
import { systemPrincipal } from '../domain/access/principal.js';
import { DEFAULT_METHOD } from '../domain/ranking/default-methods.js';
import { ensureDefaultMethods } from './ranking-methods.js';
import { createRanking } from './rankings.js';
import { bumpDataVersion } from './data-version.js';
import { ensureDemoBudget } from './demo-budget.js';
import { refreshOwnFigures } from './own-figures.js';

const SYSTEM = { actor: systemPrincipal('startup'), ip: null };

/** The demo's rankings: last year and this year, so "what moved" has something to show. */
export const DEMO_RANKING_YEARS = [2023, 2024] as const;

// Any fixed number: the key of the advisory lock that serialises first-start demo loading.
const DEMO_LOCK = 4_242_024;

/**
 * After migrations: refresh the built-in catalogue and, with `demo: 'auto'`, load the demo into
 * a database that has never had any data loaded (no import run at all), so that a new user sees
 * a working product. A database whose demo was removed on purpose keeps its import history and
 * stays without demo. Instances starting together on one empty server database take turns
 * (advisory lock), so the demo is loaded once.
 */
export async function prepareData(
  db: Kysely<Database>,
  options: {
    demo: 'auto' | 'off';
    privacy?: Pick<DisclosureRules, 'minCount' | 'minBase'>;
  } = { demo: 'auto' },
): Promise<{ demo: DemoSummary | null }> {
  await ensureBuiltInIndicators(db);
  // Before the demo: its figures are then judged by the rules in force.
  await applyDisclosureRules(db, options.privacy ?? DEFAULT_DISCLOSURE_RULES);
  const demo =
    options.demo === 'off'
      ? null
      : await db.transaction().execute(async (trx) => {
          await sql`select pg_advisory_xact_lock(${DEMO_LOCK})`.execute(trx);
          return (await countImportRuns(trx)) > 0 ? null : loadDemoInto(trx);
        });
  if (demo) await refreshStatistics(db);
  else await refreshStatisticsIfStale(db);
  // After the catalogue: a method names catalogue indicators.
  await ensureDefaultMethods(db, SYSTEM);
  if (demo) await ensureDemoRankingsAndBudget(db);
  // The corporation's own figures as they stand now: in a new year its stock figures get that
  // year, and changed disclosure rules change which shares restricted viewers see.
  await db.transaction().execute(async (trx) => {
    if ((await refreshOwnFigures(trx)) > 0) await bumpDataVersion(trx);
  });
  return { demo };
}

/**
 * The demo's rankings (default method, DEMO_RANKING_YEARS) where missing, then its budget, which
 * is divided by them. At first start and after `buurtbalans demo`, so both give the same world.
 */
export async function ensureDemoRankingsAndBudget(db: Kysely<Database>): Promise<void> {
  const existing = await listRankings(db);
  for (const year of DEMO_RANKING_YEARS) {
    const has = existing.some(
      (r) => r.dataYear === year && r.methodKey === DEFAULT_METHOD.key && r.level === 'buurt',
    );
    if (!has) await createRanking(db, SYSTEM, { method: { key: DEFAULT_METHOD.key }, year });
  }
  await ensureDemoBudget(db);
}

/** For commands other than `serve`: the catalogue and statistics, never the demo. */
export async function prepareCatalogue(db: Kysely<Database>): Promise<void> {
  await ensureBuiltInIndicators(db);
  await ensureDefaultMethods(db, SYSTEM);
  await refreshStatisticsIfStale(db);
}
