import type { Kysely, Transaction } from 'kysely';
import { BUILT_IN_INDICATORS } from '../domain/indicators/catalogue.js';
import { AppError, isAppError } from '../domain/shared/app-error.js';
import { parentCodeOf } from '../domain/shared/area-code.js';
import { finishImportRun, startImportRun } from '../db/queries/import-run-queries.js';
import {
  deleteOtherReleases,
  findAreasOfYear,
  findNamesInOtherYears,
  findSucceededRunBySha,
  listReleasesAtLevel,
  stageAndMergeObservations,
  upsertSourceRelease,
} from '../db/queries/import-write-queries.js';
import { findIndicatorIds, upsertIndicators } from '../db/queries/indicator-queries.js';
import type { ObservationInput } from '../db/queries/observation-queries.js';
import type { Database, ImportMessage } from '../db/tables.js';
import { bumpDataVersion } from '../services/data-version.js';
import { refreshStatistics } from '../services/statistics.js';
import { writeAreas } from '../services/write-areas.js';
import { formatIssue, ImportFailure } from './import-error.js';
import type {
  ImportKind,
  ImportOptions,
  ImportPlan,
  ImportSummary,
  InputFile,
} from './import-plan.js';
import { audit, type AuditContext } from '../services/auth/audit.js';
import { refreshSuppression } from '../services/disclosure.js';
import { refreshOwnFigures } from '../services/own-figures.js';
import { isNewerRelease } from './leefbaarometer/classes.js';
import { checkUniqueFigures, onlyLevel } from './plan-checks.js';
import { writeComplexes } from './complexes/adapter.js';
import { writeSpending } from './spending/adapter.js';
import { resolveAreas } from './resolve-areas.js';
import { takeWriteLock } from '../services/write-lock.js';

/** A source format: turns a file into a plan, validating everything, touching no database. */
export interface ImportAdapter {
  kind: ImportKind;
  parse(file: InputFile, options: ImportOptions): Promise<ImportPlan>;
}

export type ProgressListener = (
  phase: 'read' | 'check' | 'write' | 'done',
  fraction: number,
) => void;

/** Thrown to roll a dry run back after it computed everything a real run would. */
class DryRun extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * read → validate → plan → stage → swap. The file is parsed and validated completely before
 * anything is written. The write is one transaction that first takes the import lock, then
 * checks against the database (same file and options before? an older release? which areas
 * exist?) and writes areas, indicators, replaced series, figures through a staging table, the
 * release and the run's summary — so a failure at any point leaves the database as it was. A
 * dry run goes through the same transaction and rolls it back.
 */
export async function runImport(
  db: Kysely<Database>,
  adapter: ImportAdapter,
  file: InputFile,
  options: ImportOptions = {},
  onProgress: ProgressListener = () => {},
  /** Who imports, for the audit log (the CLI as itself, a web user with their session). */
  actor: AuditContext | null = null,
): Promise<ImportSummary> {
  const started = performance.now();
  const seconds = () => Math.round(performance.now() - started) / 1000;
  const fingerprint = optionsFingerprint(options);
  onProgress('read', 0);
  let plan: ImportPlan;
  try {
    plan = onlyLevel(
      await adapter.parse(file, options),
      adapter.kind === 'leefbaarometer' ? undefined : options.level,
    );
    checkUniqueFigures(plan, file.name);
  } catch (error) {
    if (!options.dryRun) await recordFailure(db, adapter.kind, file, fingerprint, error, actor);
    throw error;
  }
  onProgress('check', 0.3);
  let summary: ImportSummary;
  try {
    summary = await db.transaction().execute(async (trx) => {
      // Imports take turns with each other and with edits of the corporation's records.
      await takeWriteLock(trx);
      const result = await write(trx, plan, file, options, fingerprint, onProgress, seconds);
      if (actor && result.status === 'imported')
        await audit(trx, actor, 'import', file.name, {
          kind: plan.kind,
          runId: result.runId,
          release: result.release,
          values: result.valuesWritten,
        });
      if (options.dryRun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return { ...error.summary, seconds: seconds() };
    if (!options.dryRun) await recordFailure(db, adapter.kind, file, fingerprint, error, actor);
    throw error;
  }
  if (summary.status === 'imported') {
    try {
      await refreshStatistics(db);
    } catch (error) {
      // The data is committed; stale planner statistics only slow queries down until the next run.
      console.error('ANALYZE after import failed:', error);
    }
  }
  onProgress('done', 1);
  return { ...summary, seconds: seconds() };
}

async function write(
  trx: Transaction<Database>,
  plan: ImportPlan,
  file: InputFile,
  options: ImportOptions,
  fingerprint: Record<string, unknown>,
  onProgress: ProgressListener,
  seconds: () => number,
): Promise<ImportSummary> {
  if (!options.force && !options.dryRun) {
    const previous = await findSucceededRunBySha(trx, plan.kind, file.sha256, fingerprint);
    if (previous) return unchangedSummary(plan, file, previous.id, seconds());
  }
  if (plan.records) return writeOwnRecords(trx, plan, file, options, fingerprint, seconds);
  const existing = await findAreasOfYear(trx, plan.boundaryYear);
  // The file's codes and the parents they imply: both may need a name from another year.
  const codes = new Set<string>();
  for (const area of plan.areas) {
    for (let code: string | null = area.code; code && !codes.has(code); code = parentCodeOf(code))
      codes.add(code);
  }
  const namesElsewhere = await findNamesInOtherYears(
    trx,
    [...codes].filter((c) => !existing.has(c)),
    plan.boundaryYear,
  );
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
  let indicatorIds = await findIndicatorIds(trx);
  const indicatorsCreated = newIndicators.filter((i) => !indicatorIds.has(i.key)).map((i) => i.key);

  const replaceIds = plan.replaceSeries
    ? plan.replaceSeries.indicatorKeys.flatMap((k) => indicatorIds.get(k) ?? [])
    : [];
  let seriesReplaced = 0;
  if (plan.replaceSeries && plan.release) {
    const held = await listReleasesAtLevel(trx, replaceIds, plan.replaceSeries.level, plan.source);
    const newer = held.filter(
      (h) => h.release !== null && isNewerRelease(h.release, plan.release!.key),
    );
    if (newer.length > 0) {
      throw new AppError(
        'conflict',
        `The ${plan.replaceSeries.level} level already holds release ${newer.map((n) => n.release).join(', ')}, which is newer than ${plan.release.key}: importing it would mix releases in one series. Remove the newer release first if you mean to go back.`,
        { held: newer },
      );
    }
    seriesReplaced = held
      .filter((h) => h.release !== plan.release!.key)
      .reduce((sum, h) => sum + h.count, 0);
  }

  onProgress('write', 0.4);
  const runId = options.dryRun
    ? null
    : await startImportRun(trx, {
        kind: plan.kind,
        fileName: file.name,
        sha256: file.sha256,
        options: fingerprint,
      });
  const areaIds = await writeAreas(trx, plan.boundaryYear, plan.source, areas.toWrite);
  if (newIndicators.length > 0) {
    await upsertIndicators(trx, newIndicators, false);
    indicatorIds = await findIndicatorIds(trx);
  }
  const all = areas.toWrite.length > 0 ? await findAreasOfYear(trx, plan.boundaryYear) : existing;
  if (plan.replaceSeries && plan.release) {
    await deleteOtherReleases(
      trx,
      replaceIds,
      plan.replaceSeries.level,
      plan.release.key,
      plan.source,
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
  const valuesWritten = await stageAndMergeObservations(trx, rows, (done, total) =>
    onProgress('write', 0.45 + (0.45 * done) / total),
  );
  await refreshSuppression(trx, touchedFigures(plan));
  // New boundaries or dwelling counts change where and how the corporation's figures stand.
  await refreshOwnFigures(trx);
  if (plan.release)
    await upsertSourceRelease(trx, { ...plan.release, source: plan.source, importRunId: runId });
  const summary: ImportSummary = {
    kind: plan.kind,
    file: file.name,
    status: options.dryRun ? 'dry_run' : 'imported',
    runId,
    boundaryYear: plan.boundaryYear,
    release: plan.release?.key ?? null,
    rowsRead: plan.rowsRead,
    areasCreated: areas.created.length,
    areasCreatedCodes: areas.created.slice(0, 50),
    areasUpdated: areas.updated.length,
    codesNotMatched: areas.notMatched.slice(0, 50),
    codesNotMatchedCount: areas.notMatched.length,
    valuesWritten,
    valuesByStatus,
    seriesReplaced,
    indicatorsCreated,
    messages,
    seconds: seconds(),
  };
  if (runId !== null) {
    await finishImportRun(trx, runId, {
      status: 'succeeded',
      rows: plan.rowsRead,
      messages: messages.map((m): ImportMessage => ({ level: m.level, text: m.text })),
      summary: summary as unknown as Record<string, unknown>,
    });
    await bumpDataVersion(trx);
  }
  onProgress('write', 0.95);
  return summary;
}

/**
 * Complexes and spending lines: checked against the database (buurten, regions, complexes) in
 * the import's transaction, so a problem anywhere writes nothing; no figures are touched.
 */
async function writeOwnRecords(
  trx: Transaction<Database>,
  plan: ImportPlan,
  file: InputFile,
  options: ImportOptions,
  fingerprint: Record<string, unknown>,
  seconds: () => number,
): Promise<ImportSummary> {
  const runId = options.dryRun
    ? null
    : await startImportRun(trx, {
        kind: plan.kind,
        fileName: file.name,
        sha256: file.sha256,
        options: fingerprint,
      });
  const writer = plan.records!.kind === 'complexes' ? writeComplexes : writeSpending;
  const done = await writer(trx, plan, file, runId);
  await refreshOwnFigures(trx);
  const messages = [...plan.messages, ...done.messages];
  const summary: ImportSummary = {
    ...unchangedSummary(plan, file, runId ?? 0, seconds()),
    status: options.dryRun ? 'dry_run' : 'imported',
    runId,
    boundaryYear: done.boundaryYear,
    rowsRead: plan.rowsRead,
    valuesWritten: done.written,
    messages,
  };
  if (runId !== null) {
    await finishImportRun(trx, runId, {
      status: 'succeeded',
      rows: plan.rowsRead,
      messages: messages.map((m): ImportMessage => ({ level: m.level, text: m.text })),
      summary: summary as unknown as Record<string, unknown>,
    });
    await bumpDataVersion(trx);
  }
  return summary;
}

/** Indicator keys and the years the plan writes, for disclosure control. */
function touchedFigures(plan: ImportPlan): Map<string, Set<number>> {
  const touched = new Map<string, Set<number>>();
  for (const o of plan.observations) {
    let years = touched.get(o.indicatorKey);
    if (!years) touched.set(o.indicatorKey, (years = new Set()));
    years.add(o.year);
  }
  return touched;
}

/** The options that change what a file means; the same file with others is another import. */
function optionsFingerprint(options: ImportOptions): Record<string, unknown> {
  const { dryRun: _dryRun, force: _force, ...meaningful } = options;
  return JSON.parse(JSON.stringify(meaningful)) as Record<string, unknown>;
}

function unchangedSummary(
  plan: ImportPlan,
  file: InputFile,
  runId: number,
  seconds: number,
): ImportSummary {
  return {
    kind: plan.kind,
    file: file.name,
    status: 'unchanged',
    runId,
    boundaryYear: plan.boundaryYear,
    release: plan.release?.key ?? null,
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
        text: `This exact file was imported before with the same options (run ${runId}); nothing changed. Use --force to import it again.`,
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
  options: Record<string, unknown>,
  error: unknown,
  actor: AuditContext | null,
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
    const id = await startImportRun(db, {
      kind,
      fileName: file.name,
      sha256: file.sha256,
      options,
    });
    await finishImportRun(db, id, {
      status: 'failed',
      rows: null,
      messages,
      summary:
        error instanceof ImportFailure
          ? { problems: error.issues.length, total: error.details?.total }
          : {},
    });
    if (actor)
      await audit(db, actor, 'import', file.name, {
        kind,
        runId: id,
        failed: messages[0]?.text.slice(0, 300) ?? 'failed',
      });
  } catch {
    // The database itself failed; the original error says more.
  }
}
