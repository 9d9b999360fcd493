import type { Kysely, Transaction } from 'kysely';
import { removeDemoStock, writeDemoStock } from './demo-budget.js';
import { generateDemoDataset } from '../domain/demo/generate-demo-dataset.js';
import { BUILT_IN_INDICATORS } from '../domain/indicators/catalogue.js';
import { AppError } from '../domain/shared/app-error.js';
import { deleteAreasOfSource } from '../db/queries/area-write-queries.js';
import { finishImportRun, startImportRun } from '../db/queries/import-run-queries.js';
import { upsertIndicators } from '../db/queries/indicator-queries.js';
import { deleteMeta, setMeta } from '../db/queries/meta-queries.js';
import {
  deleteObservationsBySource,
  upsertObservations,
  type ObservationInput,
} from '../db/queries/observation-queries.js';
import {
  deleteDemoOrganisations,
  insertOrganisations,
} from '../db/queries/organisation-queries.js';
import type { Database } from '../db/tables.js';
import { deleteDemoUsers } from '../db/queries/user-queries.js';
import { systemPrincipal } from '../domain/access/principal.js';
import { audit, type AuditContext } from './auth/audit.js';
import { bumpDataVersion } from './data-version.js';
import { refreshOwnFigures } from './own-figures.js';
import { refreshSuppression } from './disclosure.js';
import { createDemoUsers } from './demo-users.js';
import { refreshStatistics } from './statistics.js';
import { writeAreas } from './write-areas.js';

export const DEMO_SOURCE = 'demo';
export const DEMO_RELEASE = 'Buurtbalans demo (fictief)';

export interface DemoSummary {
  areas: number;
  observations: number;
  organisations: number;
  users: number;
  seconds: number;
}

/**
 * Replace the demo data in one transaction, then refresh the planner statistics. A failure
 * leaves the database as it was and is recorded as a failed import run.
 */
export async function loadDemo(
  db: Kysely<Database>,
  now: () => number = Date.now,
  actor: AuditContext | null = null,
): Promise<DemoSummary> {
  let summary: DemoSummary;
  try {
    summary = await db.transaction().execute((trx) => loadDemoInto(trx, now, actor));
  } catch (error) {
    await recordFailedRun(db, error);
    throw error;
  }
  await refreshStatistics(db);
  return summary;
}

/**
 * Remove what an earlier demo load wrote, then write the generated fictional world, in the
 * caller's transaction. Real data is never touched: the demo neither deletes, overwrites nor
 * renames anything another source wrote.
 */
export async function loadDemoInto(
  trx: Transaction<Database>,
  now: () => number = Date.now,
  actor: AuditContext | null = null,
): Promise<DemoSummary> {
  const started = now();
  const dataset = generateDemoDataset();
  await removeDemo(trx);
  const indicatorIds = await upsertIndicators(trx, BUILT_IN_INDICATORS, true);
  const runId = await startImportRun(trx, { kind: 'demo', fileName: null, sha256: null });
  const areaIds = await writeAreas(trx, dataset.boundaryYear, DEMO_SOURCE, dataset.areas, {
    mode: 'keep-others',
  });
  const observations: ObservationInput[] = dataset.observations.map((o) => {
    const areaId = areaIds.get(o.areaCode);
    const indicatorId = indicatorIds.get(o.indicatorKey);
    if (areaId === undefined || indicatorId === undefined) {
      throw new AppError(
        'internal',
        `Demo figure for unknown area or indicator: ${o.areaCode}/${o.indicatorKey}`,
      );
    }
    return {
      areaId,
      indicatorId,
      year: o.year,
      value: o.value,
      status: o.status,
      source: DEMO_SOURCE,
      sourceRelease: DEMO_RELEASE,
      importRunId: runId,
    };
  });
  const written = await upsertObservations(trx, observations, { onlyReplaceSource: DEMO_SOURCE });
  const touched = new Map<string, Set<number>>();
  for (const o of dataset.observations)
    touched.set(o.indicatorKey, (touched.get(o.indicatorKey) ?? new Set()).add(o.year));
  await refreshSuppression(trx, touched);
  await insertOrganisations(trx, dataset.organisations, true);
  await writeDemoStock(trx, dataset);
  await refreshOwnFigures(trx);
  const users = await createDemoUsers(trx);
  const summary: DemoSummary = {
    areas: dataset.areas.length,
    observations: written,
    organisations: dataset.organisations.length,
    users,
    seconds: (now() - started) / 1000,
  };
  await finishImportRun(trx, runId, {
    status: 'succeeded',
    rows: observations.length,
    messages: [{ level: 'info', text: 'Fictieve demodata geladen (bron: demo).' }],
    summary: { ...summary },
  });
  await setMeta(trx, 'demo', { loadedAt: new Date(now()).toISOString(), ...summary });
  await audit(trx, actor ?? { actor: systemPrincipal('demo'), ip: null }, 'demo_loaded', null, {
    ...summary,
  });
  await bumpDataVersion(trx);
  return summary;
}

/** Remove every row the demo wrote (figures, areas nobody else uses, organisations). */
export async function removeDemo(trx: Transaction<Database>): Promise<void> {
  await removeDemoStock(trx);
  await deleteObservationsBySource(trx, DEMO_SOURCE);
  await deleteAreasOfSource(trx, DEMO_SOURCE);
  await refreshOwnFigures(trx);
  await deleteDemoUsers(trx);
  await deleteDemoOrganisations(trx);
  await deleteMeta(trx, 'demo');
}

async function recordFailedRun(db: Kysely<Database>, error: unknown): Promise<void> {
  try {
    const id = await startImportRun(db, { kind: 'demo', fileName: null, sha256: null });
    await finishImportRun(db, id, {
      status: 'failed',
      rows: null,
      messages: [{ level: 'error', text: error instanceof Error ? error.message : String(error) }],
      summary: {},
    });
  } catch {
    // The database itself failed; the original error says more than this one would.
  }
}
