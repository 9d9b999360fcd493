/**
 * The one error type of Buurtbalans. Every expected failure carries a stable `code` that
 * clients and scripts can rely on; the HTTP layer maps codes to statuses in one table
 * (api/errors.ts) and the CLI maps them to exit codes (cli/output.ts).
 */

export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'not_found',
  'area_not_found',
  'indicator_not_found',
  'year_not_available',
  'conflict',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'too_many_requests',
  'payload_too_large',
  'oidc_failed',
  'data_dir_locked',
  'data_dir_unusable',
  'database_unavailable',
  'import_invalid',
  'config_invalid',
  'download_failed',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Machine-readable extra context (field names, allowed values); safe to show to clients. */
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
