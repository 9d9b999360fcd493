import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { AppError, isAppError } from '../../domain/shared/app-error.js';
import {
  downloadResource,
  type DownloadProgress,
  type DownloadResult,
} from '../../import/fetch/download.js';
import {
  importCommands,
  openDataResources,
  parseOnly,
  RESOURCE_NAMES,
  type OpenDataResource,
  type ResourceName,
} from '../../import/fetch/resources.js';
import { redactUrl } from '../../import/fetch/url.js';
import { printJson } from '../output.js';
import { parseYear } from './parse.js';

export interface FetchOpenDataFlags {
  year?: string;
  to?: string;
  only?: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `fetch-open-data --year N --to DIR`: download the public files of one year, one after the
 * other, and say which imports to run next. The first failure stops the run; files fetched
 * before it stay, so running again continues where it stopped.
 */
export async function fetchOpenDataCommand(flags: FetchOpenDataFlags): Promise<number> {
  const year = parseYear(flags.year, '--year');
  if (year === undefined) throw new AppError('bad_request', 'fetch-open-data needs --year N');
  if (!flags.to) throw new AppError('bad_request', 'fetch-open-data needs --to DIR');
  let only: ResourceName[] | undefined;
  if (flags.only !== undefined) {
    const parsed = parseOnly(flags.only);
    if (parsed.unknown.length > 0 || parsed.names.length === 0) {
      throw new AppError(
        'bad_request',
        `--only takes names from ${RESOURCE_NAMES.join(', ')}${parsed.unknown.length ? `, not "${parsed.unknown.join('", "')}"` : ''}`,
      );
    }
    only = parsed.names;
  }
  const config = loadConfig();
  const dir = flags.to;
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppError(
      'bad_request',
      `Cannot create the directory ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }

  const plan = openDataResources(
    year,
    { cbsOdataUrl: config.cbsOdataUrl, pdokUrl: config.pdokUrl, lbmUrl: config.lbmUrl },
    only,
  );
  const json = flags.json === true;
  const progress = progressLine(!json);
  const text = (line: string) => {
    if (!json) process.stdout.write(`${line}\n`);
  };
  text(`Open data ${year} into ${dir}`);
  const width = Math.max(...RESOURCE_NAMES.map((name) => name.length));
  const fileWidth = Math.max(0, ...plan.resources.map((r) => r.file.length));
  const done: DownloadResult[] = [];
  for (const resource of plan.resources) {
    let result: DownloadResult;
    progress.start(resource.name);
    try {
      result = await downloadResource(resource, dir, {
        timeoutMs: config.fetchTimeoutSeconds * 1000,
        force: flags.force === true,
        onProgress: (p) => progress.update(p),
      });
    } catch (error) {
      progress.done();
      if (json)
        printJson({
          ...summary(year, dir, plan.resources, plan.skipped, done),
          error: errorJson(error),
        });
      throw error;
    }
    progress.done();
    done.push(result);
    text(
      `  ${resource.name.padEnd(width)}  ${resource.file.padEnd(fileWidth)}  ${size(result.bytes).padStart(8)}  ${describe(result)}`,
    );
  }
  for (const s of plan.skipped) text(`  ${s.name.padEnd(width)}  skipped: ${s.reason}`);

  const commands = importCommands(
    plan.resources.filter((r) => done.some((d) => d.name === r.name)),
    (r) => path.join(dir, r.file),
  );
  if (json) {
    printJson(summary(year, dir, plan.resources, plan.skipped, done));
  } else if (commands.length > 0) {
    text('\nNext, import in this order:');
    for (const args of commands) text(`  buurtbalans ${args.map(shellQuote).join(' ')}`);
  }
  return 0;
}

function describe(r: DownloadResult): string {
  if (r.status === 'kept') return '(already there; --force fetches it again)';
  const what = r.name === 'regions' || r.name === 'kerncijfers' ? 'rows' : 'features';
  return `${n(r.items ?? 0)} ${what}${r.pages > 1 ? ` in ${r.pages} pages` : ''}`;
}

function summary(
  year: number,
  dir: string,
  resources: OpenDataResource[],
  skipped: Array<{ name: string; reason: string }>,
  done: DownloadResult[],
) {
  return {
    year,
    dir,
    files: done.map((d) => ({
      name: d.name,
      file: d.path,
      bytes: d.bytes,
      status: d.status,
      items: d.items,
      pages: d.pages,
      url: redactUrl(resources.find((r) => r.name === d.name)?.url ?? ''),
    })),
    skipped,
    next: importCommands(
      resources.filter((r) => done.some((d) => d.name === r.name)),
      (r) => path.join(dir, r.file),
    ).map((args) => ['buurtbalans', ...args]),
  };
}

function errorJson(error: unknown) {
  return isAppError(error)
    ? {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      }
    : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

const n = (value: number) => value.toLocaleString('en-GB');

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** A path or argument as a POSIX shell reads it back: quoted only when it needs to be. */
function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** One line on stderr, rewritten per page; only on a terminal and never with --json. */
function progressLine(enabled: boolean) {
  const tty = enabled && process.stderr.isTTY;
  let shown = false;
  return {
    start(name: string) {
      if (!tty) return;
      process.stderr.write(`\r\x1b[2K${name}: requesting…`);
      shown = true;
    },
    update(p: DownloadProgress) {
      if (!tty) return;
      const of = p.total !== null ? ` of ${n(p.total)}` : '';
      process.stderr.write(
        `\r\x1b[2K${p.name}: page ${p.pages}, ${n(p.items)}${of}, ${size(p.bytes)}`,
      );
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
