import fs from 'node:fs';
import { AppError } from '../../domain/shared/app-error.js';
import { isAreaLevel } from '../../domain/shared/area-code.js';
import { findIndicatorIds } from '../../db/queries/indicator-queries.js';
import { adapterFor } from '../../import/adapters.js';
import { ImportFailure, formatIssue } from '../../import/import-error.js';
import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportOptions,
  type ImportSummary,
} from '../../import/import-plan.js';
import { readInputFile } from '../../import/input-file.js';
import { runImport } from '../../import/pipeline.js';
import { cliAuditContext, withDatabase } from '../context.js';
import { printJson, ReportedError } from '../output.js';
import { progressBar } from '../progress.js';
import { parseYear } from './parse.js';

export interface ImportFlags {
  year?: string;
  level?: string;
  release?: string;
  layer?: string;
  'code-field'?: string;
  'name-field'?: string;
  mapping?: string;
  code?: string;
  column?: string[];
  'dry-run'?: boolean;
  force?: boolean;
  json?: boolean;
}

/** `import <kind> <file>`: validate the whole file, then write it in one transaction. */
export async function importCommand(
  kind: string | undefined,
  path: string | undefined,
  flags: ImportFlags,
): Promise<number> {
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw new AppError(
      'bad_request',
      `import needs a kind: ${IMPORT_KINDS.join(', ')}; run buurtbalans import --help`,
    );
  }
  if (!path) throw new AppError('bad_request', `import ${kind} needs a file`);
  if (flags.level && !isAreaLevel(flags.level))
    throw new AppError(
      'bad_request',
      `--level must be gemeente, wijk or buurt, not "${flags.level}"`,
    );
  const file = readInputFile(path);
  const year = parseYear(flags.year, '--year');
  const options: ImportOptions = {
    ...(year !== undefined ? { year } : {}),
    ...(flags.level && isAreaLevel(flags.level) ? { level: flags.level } : {}),
    ...(flags.release ? { release: flags.release } : {}),
    ...(flags.layer ? { layer: flags.layer } : {}),
    ...(flags['code-field'] ? { codeField: flags['code-field'] } : {}),
    ...(flags['name-field'] ? { nameField: flags['name-field'] } : {}),
    ...(kind === 'table' ? { mapping: tableMapping(flags, year) } : {}),
    dryRun: flags['dry-run'] === true,
    force: flags.force === true,
  };
  return withDatabase(async ({ db }) => {
    const known = new Set((await findIndicatorIds(db)).keys());
    const bar = progressBar(!flags.json);
    let summary: ImportSummary;
    try {
      summary = await runImport(
        db,
        adapterFor(kind as ImportKind, known),
        file,
        options,
        (phase, f) => bar.update(phase, f),
        cliAuditContext(),
      );
    } catch (error) {
      bar.done();
      if (error instanceof ImportFailure) {
        // The one-line reason first, then every other problem, so one run shows what to fix.
        if (flags.json)
          printJson({
            error: {
              code: error.code,
              message: error.message,
              issues: error.issues.map(formatIssue),
            },
          });
        process.stderr.write(`buurtbalans: ${error.message}\n`);
        const extra = error.issues.slice(1, 20).map((i) => `  ${formatIssue(i)}`);
        if (extra.length > 0) process.stderr.write(`${extra.join('\n')}\n`);
        throw new ReportedError(error);
      }
      throw error;
    }
    bar.done();
    if (flags.json) printJson(summary);
    else process.stdout.write(describe(summary));
    return 0;
  });
}

/** The mapping of a table import: a JSON file, or --code/--column/--year on the command line. */
function tableMapping(flags: ImportFlags, year: number | undefined): unknown {
  if (flags.mapping) {
    try {
      return JSON.parse(fs.readFileSync(flags.mapping, 'utf8'));
    } catch (error) {
      throw new AppError(
        'bad_request',
        `Cannot read the mapping ${flags.mapping}: ${(error as Error).message}`,
      );
    }
  }
  if (!flags.code || !flags.column?.length || year === undefined) {
    throw new AppError(
      'bad_request',
      'import table needs --mapping file.json, or --code <column> --column <column>=<indicator key> --year <year>',
    );
  }
  const columns = Object.fromEntries(
    flags.column.map((pair) => {
      const [column, key] = pair.split('=');
      if (!column || !key)
        throw new AppError('bad_request', `--column needs <column>=<indicator key>, not "${pair}"`);
      return [column, key];
    }),
  );
  return { code: flags.code, year, columns };
}

const n = (value: number) => value.toLocaleString('en-GB');

function describe(s: ImportSummary): string {
  if (s.status === 'unchanged') return `${s.messages[0]?.text ?? 'Nothing changed.'}\n`;
  if (s.kind === 'complexes' || s.kind === 'spending') {
    const head =
      s.status === 'dry_run' ? `Dry run of ${s.file}: nothing was written` : `Imported ${s.file}`;
    return `${[
      `${head} (${s.kind}, ${s.kind === 'spending' ? 'year' : 'boundary year'} ${s.boundaryYear}) in ${s.seconds.toFixed(1)} s`,
      `  rows read          ${n(s.rowsRead)}`,
      `  rows ${s.status === 'dry_run' ? 'to write ' : 'written  '}    ${n(s.valuesWritten)}`,
      ...(s.runId ? [`  import run         #${s.runId}`] : []),
      ...s.messages.map((m) => `  ${m.level === 'warning' ? '!' : '·'} ${m.text}`),
    ].join('\n')}\n`;
  }
  const head =
    s.status === 'dry_run' ? `Dry run of ${s.file}: nothing was written` : `Imported ${s.file}`;
  const statuses = ['secret', 'missing', 'not_applicable', 'provisional']
    .map((k) => `${k.replace('_', ' ')} ${n(s.valuesByStatus[k] ?? 0)}`)
    .join(', ');
  const lines = [
    `${head} (${s.kind}${s.release ? `, release ${s.release}` : ''}, boundary year ${s.boundaryYear}) in ${s.seconds.toFixed(1)} s`,
    `  rows read          ${n(s.rowsRead)}`,
    `  areas              ${n(s.areasCreated)} created, ${n(s.areasUpdated)} updated${s.areasCreated ? ` (new: ${s.areasCreatedCodes.slice(0, 8).join(', ')}${s.areasCreated > 8 ? ', …' : ''})` : ''}`,
    `  values ${s.status === 'dry_run' ? 'to write' : 'written '}  ${n(s.valuesWritten)}  (${statuses})`,
    `  codes not matched  ${n(s.codesNotMatchedCount)}${s.codesNotMatched.length ? `: ${s.codesNotMatched.slice(0, 8).join(', ')}${s.codesNotMatchedCount > 8 ? ', …' : ''}` : ''}`,
    ...(s.seriesReplaced
      ? [`  replaced           ${n(s.seriesReplaced)} values of an older release`]
      : []),
    ...(s.indicatorsCreated.length
      ? [`  new indicators     ${s.indicatorsCreated.join(', ')}`]
      : []),
    ...(s.runId ? [`  import run         #${s.runId}`] : []),
    ...s.messages.map((m) => `  ${m.level === 'warning' ? '!' : '·'} ${m.text}`),
  ];
  return `${lines.join('\n')}\n`;
}
