import type { Kysely } from 'kysely';
import { BUILT_IN_INDICATORS } from '../domain/indicators/catalogue.js';
import { AppError, isAppError } from '../domain/shared/app-error.js';
import { parentCodeOf } from '../domain/shared/area-code.js';
import {
  deleteOtherReleases,
  findAreasOfYear,
  findNamesInOtherYears,
  findSucceededRunBySha,
  listReleasesAtLevel,
  stageAndMergeObservations,
  upsertSourceRelease,
} from '../db/queries/import-write-queries.js';
import { finishImportRun, startImportRun } from '../db/queries/import-run-queries.js';
import { findIndicatorIds, upsertIndicators } from '../db/queries/indicator-queries.js';
import type { ObservationInput } from '../db/queries/observation-queries.js';
import type { Database, ImportMessage } from '../db/tables.js';
import { bumpDataVersion } from '../services/data-version.js';
import { refreshStatistics } from '../services/statistics.js';
import { writeAreas } from '../services/write-areas.js';
import { ImportFailure, formatIssue } from './import-error.js';
import type {
  ImportKind,
  ImportOptions,
  ImportPlan,
  ImportSummary,
  InputFile,
} from './import-plan.js';
import { resolveAreas } from './resolve-areas.js';

/** A source format: turns a file into a plan, validating everything, touching no database. */
export interface ImportAdapter {
  kind: ImportKind;
  parse(file: InputFile, options: ImportOptions): Promise<ImportPlan>;
}

export type ProgressListener = (
  phase: 'read' | 'check' | 'write' | 'done',
  fraction: number,
) => void;

/**
 * read → validate → plan → stage → swap. The file is parsed and validated completely before
 * anything is written; the write is one transaction (areas, indicators, replaced series,
 * figures through a staging table, the release, the run's summary), so a failure at any point
 * leaves the database as it was. The same file twice (sha256) changes nothing.
 */
export async function runImport(
  db: Kysely<Database>,
  adapter: ImportAdapter,
  file: InputFile,
  options: ImportOptions = {},
  onProgress: ProgressListener = () => {},
): Promise<ImportSummary> {
  const started = performance.now();
  const seconds = () => Math.round(performance.now() - started) / 1000;
  if (!options.force && !options.dryRun) {
    const previous = await findSucceededRunBySha(db, adapter.kind, file.sha256);
    if (previous) return unchangedSummary(adapter.kind, file, previous.id, seconds());
  }
  onProgress('read', 0);
  let plan: ImportPlan;
  try {
    plan = await adapter.parse(file, options);
  } catch (error) {
    if (!options.dryRun) await recordFailure(db, adapter.kind, file, error);
    throw error;
  }
  onProgress('check', 0.4);
  try {
    return await write(db, plan, file, options, onProgress, seconds);
  } catch (error) {
    if (!options.dryRun) await recordFailure(db, adapter.kind, file, error);
    throw error;
  }
}

async function write(
  db: Kysely<Database>,
  plan: ImportPlan,
  file: InputFile,
  options: ImportOptions,
  onProgress: ProgressListener,
  seconds: () => number,
): Promise<ImportSummary> {
  const existing = await findAreasOfYear(db, plan.boundaryYear);
  // The file's codes and the parents they imply: both may need a name from another year.
  const codes = new Set<string>();
  for (const area of plan.areas) {
    for (let code: string | null = area.code; code && !codes.has(code); code = parentCodeOf(code))
      codes.add(code);
  }
  const missingCodes = [...codes].filter((c) => !existing.has(c));
  const namesElsewhere = await findNamesInOtherYears(db, missingCodes, plan.boundaryYear);
  const areas = resolveAreas(plan.areas, existing, namesElsewhere, plan.areasAuthoritative);
  const messages = [...plan.messages];
  if (areas.notMatched.length > 0) {
    messages.push({
      level: 'warning',
      text: `${areas.notMatched.length} codes in the file were not among the areas of boundary year ${plan.boundaryYear} and were added (first: ${areas.notMatched.slice(0, 10).join(', ')}). Is the file from another boundary year?`,
    });
  }
  if (areas.unnamed.length > 0) {
    messages.push({
      level: 'info',
      text: `${areas.unnamed.length} areas have no name yet and show their code (${areas.unnamed.slice(0, 5).join(', ')}…); import the CBS region list of ${plan.boundaryYear} to name them.`,
    });
  }
  const builtInKeys = new Set(BUILT_IN_INDICATORS.map((i) => i.key));
  const newIndicators = plan.indicators.filter((i) => !builtInKeys.has(i.key));
  const valuesByStatus: Record<string, number> = {};
  for (const o of plan.observations) valuesByStatus[o.status] = (valuesByStatus[o.status] ?? 0) + 1;

  const knownIds = await findIndicatorIds(db);
  const replaceIds = plan.replaceSeries
    ? plan.replaceSeries.indicatorKeys.flatMap((k) => knownIds.get(k) ?? [])
    : [];
  if (plan.replaceSeries && plan.release) {
    const held = await listReleasesAtLevel(db, replaceIds, plan.replaceSeries.level);
    const newer = held.filter((h) => h.release !== null && h.release > plan.release!.key);
    if (newer.length > 0) {
      throw new AppError(
        'conflict',
        `The ${plan.replaceSeries.level} level already holds release ${newer.map((n) => n.release).join(', ')}, which is newer than ${plan.release.key}: importing it would mix releases in one series. Remove the newer release first if you mean to go back.`,
        { held: newer },
      );
    }
  }
  const summaryBase = {
    kind: plan.kind,
    file: file.name,
    boundaryYear: plan.boundaryYear,
    release: plan.release?.key ?? null,
    rowsRead: plan.rowsRead,
    areasCreated: areas.created.length,
    areasCreatedCodes: areas.created.slice(0, 50),
    areasUpdated: areas.updated.length,
    codesNotMatched: areas.notMatched.slice(0, 50),
    codesNotMatchedCount: areas.notMatched.length,
    valuesByStatus,
    indicatorsCreated: newIndicators.filter((i) => !knownIds.has(i.key)).map((i) => i.key),
    messages,
  };
  if (options.dryRun) {
    const replaced = plan.replaceSeries
      ? (await listReleasesAtLevel(db, replaceIds, plan.replaceSeries.level))
          .filter((h) => h.release !== plan.release?.key)
          .reduce((sum, h) => sum + h.count, 0)
      : 0;
    return {
      ...summaryBase,
      status: 'dry_run',
      runId: null,
      valuesWritten: plan.observations.length,
      seriesReplaced: replaced,
      seconds: seconds(),
    };
  }

  onProgress('write', 0.5);
  const result = await db.transaction().execute(async (trx) => {
    const runId = await startImportRun(trx, {
      kind: plan.kind,
      fileName: file.name,
      sha256: file.sha256,
    });
    const areaIds = await writeAreas(trx, plan.boundaryYear, plan.source, areas.toWrite);
    const all = await findAreasOfYear(trx, plan.boundaryYear);
    if (newIndicators.length > 0) await upsertIndicators(trx, newIndicators, false);
    const indicatorIds = newIndicators.length > 0 ? await findIndicatorIds(trx) : knownIds;
    let seriesReplaced = 0;
    if (plan.replaceSeries && plan.release) {
      const ids = plan.replaceSeries.indicatorKeys.flatMap((k) => indicatorIds.get(k) ?? []);
      seriesReplaced = await deleteOtherReleases(
        trx,
        ids,
        plan.replaceSeries.level,
        plan.release.key,
      );
    }
    const rows: ObservationInput[] = plan.observations.map((o) => {
      const areaId = areaIds.get(o.areaCode) ?? all.get(o.areaCode)?.id;
      const indicatorId = indicatorIds.get(o.indicatorKey);
      if (areaId === undefined || indicatorId === undefined) {
        throw new AppError(
          'internal',
          `Import planned a figure for ${o.areaCode}/${o.indicatorKey} that has no area or indicator`,
        );
      }
      return {
        areaId,
        indicatorId,
        year: o.year,
        value: o.value,
        status: o.status,
        source: plan.source,
        sourceRelease: plan.release?.key ?? null,
        importRunId: runId,
      };
    });
    onProgress('write', 0.7);
    const valuesWritten = await stageAndMergeObservations(trx, rows);
    if (plan.release) {
      await upsertSourceRelease(trx, { ...plan.release, source: plan.source, importRunId: runId });
    }
    const summary: ImportSummary = {
      ...summaryBase,
      status: 'imported',
      runId,
      valuesWritten,
      seriesReplaced,
      seconds: seconds(),
    };
    await finishImportRun(trx, runId, {
      status: 'succeeded',
      rows: plan.rowsRead,
      messages: messages.map((m): ImportMessage => ({ level: m.level, text: m.text })),
      summary: summary as unknown as Record<string, unknown>,
    });
    await bumpDataVersion(trx);
    return summary;
  });
  onProgress('write', 0.95);
  await refreshStatistics(db);
  onProgress('done', 1);
  return { ...result, seconds: seconds() };
}

function unchangedSummary(
  kind: ImportKind,
  file: InputFile,
  runId: number,
  seconds: number,
): ImportSummary {
  return {
    kind,
    file: file.name,
    status: 'unchanged',
    runId,
    boundaryYear: 0,
    release: null,
    rowsRead: 0,
    areasCreated: 0,
    areasCreatedCodes: [],
    areasUpdated: 0,
    codesNotMatched: [],
    codesNotMatchedCount: 0,
    valuesWritten: 0,
    valuesByStatus: {},
    seriesReplaced: 0,
    indicatorsCreated: [],
    messages: [
      {
        level: 'info',
        text: `This exact file was imported before (run ${runId}); nothing changed. Use --force to import it again.`,
      },
    ],
    seconds,
  };
}

/** A failed import leaves a run with its messages, outside the rolled-back transaction. */
async function recordFailure(
  db: Kysely<Database>,
  kind: ImportKind,
  file: InputFile,
  error: unknown,
): Promise<void> {
  const messages: ImportMessage[] =
    error instanceof ImportFailure
      ? error.issues.map((issue) => ({ level: 'error', text: formatIssue(issue) }))
      : [
          {
            level: 'error',
            text: isAppError(error) ? error.message : 'Internal error; see the server log',
          },
        ];
  try {
    const id = await startImportRun(db, { kind, fileName: file.name, sha256: file.sha256 });
    await finishImportRun(db, id, {
      status: 'failed',
      rows: null,
      messages,
      summary:
        error instanceof ImportFailure
          ? { problems: error.issues.length, total: error.details?.total }
          : {},
    });
  } catch {
    // The database itself failed; the original error says more.
  }
}
