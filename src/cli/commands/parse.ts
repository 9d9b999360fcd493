import { AppError } from '../../domain/shared/app-error.js';

/** A year option, checked: a typo gives a usage error, never a silent default. */
export function parseYear(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const year = Number(raw);
  if (!Number.isInteger(year) || year < 1900 || year > 2100) {
    throw new AppError('bad_request', `${flag} must be a year such as 2024, not "${raw}"`);
  }
  return year;
}
