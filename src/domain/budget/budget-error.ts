import { AppError } from '../shared/app-error.js';

/**
 * How the budget module reports bad input: every problem it can find in one go, as
 * `AppError('validation_failed')` with `details: { field, issues }` — the same shape as the
 * ranking method and veerkracht config errors, so the API and CLI show them alike. Collecting
 * instead of throwing at the first problem lets a user fix a scenario in one pass.
 */

export interface BudgetIssue {
  /** Dotted path of the offending input, e.g. `regionLimits.Zandvoort.capCents`. */
  field: string;
  message: string;
}

/** One error naming the first problem in its message and all of them in `details.issues`. */
export function budgetValidationError(issues: readonly BudgetIssue[]): AppError {
  const first = issues[0] ?? { field: 'input', message: 'invalid' };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new AppError('validation_failed', `${first.field}: ${first.message}${more}`, {
    field: first.field,
    issues: issues.map((issue) => ({ ...issue })),
  });
}

/** Throws the collected issues, if any. */
export function throwIfIssues(issues: readonly BudgetIssue[]): void {
  if (issues.length > 0) throw budgetValidationError(issues);
}

/**
 * Checks that a value is an amount in whole cents (a safe integer), and not negative unless
 * allowed. Returns whether it passed, so callers can skip arithmetic on a bad value.
 */
export function checkCents(
  issues: BudgetIssue[],
  field: string,
  value: unknown,
  options: { allowNegative?: boolean } = {},
): value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    issues.push({ field, message: `must be a whole number of cents (got ${String(value)})` });
    return false;
  }
  if (!options.allowNegative && value < 0) {
    issues.push({ field, message: `cannot be negative (got ${value})` });
    return false;
  }
  return true;
}

/** Checks a count of dwellings: a whole number ≥ 0. */
export function checkCount(issues: BudgetIssue[], field: string, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    issues.push({ field, message: `must be a whole number ≥ 0 (got ${String(value)})` });
    return false;
  }
  return true;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
