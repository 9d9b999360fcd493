import { isAppError, type AppError, type ErrorCode } from '../domain/shared/app-error.js';

/** Named exit codes, so scripts can tell a typo from a missing area from a broken database. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  notFound: 3,
  database: 4,
  invalidInput: 5,
} as const;

const EXIT_BY_CODE: Record<ErrorCode, number> = {
  bad_request: EXIT.usage,
  validation_failed: EXIT.usage,
  config_invalid: EXIT.usage,
  not_found: EXIT.notFound,
  area_not_found: EXIT.notFound,
  indicator_not_found: EXIT.notFound,
  year_not_available: EXIT.notFound,
  conflict: EXIT.failure,
  unauthenticated: EXIT.failure,
  forbidden: EXIT.failure,
  csrf_failed: EXIT.failure,
  too_many_requests: EXIT.failure,
  payload_too_large: EXIT.invalidInput,
  oidc_failed: EXIT.failure,
  import_invalid: EXIT.invalidInput,
  data_dir_locked: EXIT.database,
  data_dir_unusable: EXIT.database,
  database_unavailable: EXIT.database,
  download_failed: EXIT.failure,
  internal: EXIT.failure,
};

/** An error a command has already printed (with its details); only its exit code remains. */
export class ReportedError extends Error {
  readonly error: AppError;

  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}

/** Print a one-line reason on stderr and return the exit code for it. */
export function reportError(error: unknown): number {
  if (error instanceof ReportedError) return EXIT_BY_CODE[error.error.code];
  if (isAppError(error)) {
    process.stderr.write(`buurtbalans: ${error.message}\n`);
    return EXIT_BY_CODE[error.code];
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`buurtbalans: unexpected error: ${message.split('\n')[0]}\n`);
  if (process.env.BUURTBALANS_DEBUG) console.error(error);
  return EXIT.failure;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain text table with aligned columns; numbers right-aligned. */
export function printTable(headers: string[], rows: Array<Array<string | number | null>>): void {
  const cells = rows.map((r) => r.map((v) => (v === null ? '–' : String(v))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of cells) process.stdout.write(`${line(r)}\n`);
}
