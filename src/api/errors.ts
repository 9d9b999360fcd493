import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, isAppError, type ErrorCode } from '../domain/shared/app-error.js';

/**
 * The one mapping from error codes to HTTP statuses. Clients get `{ error: { code, message,
 * details? } }`; never a stack trace or SQL. Unexpected errors are logged with a reference that
 * the client sees, so a support question can find the log line.
 */
export const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  validation_failed: 400,
  config_invalid: 500,
  not_found: 404,
  area_not_found: 404,
  indicator_not_found: 404,
  year_not_available: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  too_many_requests: 429,
  payload_too_large: 413,
  oidc_failed: 401,
  import_invalid: 422,
  data_dir_locked: 503,
  data_dir_unusable: 503,
  database_unavailable: 503,
  download_failed: 502,
  internal: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    },
  };
}

let sequence = 0;

/** Hono onError handler: expected errors by code, anything else as a logged 500. */
export function handleError(error: unknown, c: Context): Response {
  if (isAppError(error) && error.code !== 'internal') {
    return c.json(errorBody(error), STATUS_BY_CODE[error.code]);
  }
  const reference = `E${Date.now().toString(36)}${(sequence++).toString(36)}`.toUpperCase();
  console.error(`[${reference}] ${c.req.method} ${c.req.path}:`, error);
  const body: ErrorBody = {
    error: {
      code: 'internal',
      message: `Internal error; the server log has the details under reference ${reference}`,
      details: { reference },
    },
  };
  return c.json(body, 500);
}
