import { AppError } from '../shared/app-error.js';
import { levelOfCode, parentCodeOf } from '../shared/area-code.js';
import type { AreaScope, Principal } from './principal.js';
import { GRANTS, type Permission } from './roles.js';

/**
 * The one policy: every access decision of Buurtbalans is made by these functions, and
 * everything not granted is denied.
 */
export function can(principal: Principal | null, permission: Permission): boolean {
  if (!principal) return false;
  return GRANTS[principal.role].includes(permission);
}

/**
 * What a principal may see of an area:
 * - `full`: the area lies inside the scope (the scope code itself or below it);
 * - `aggregate`: the area contains part of the scope (the gemeente of a wijk in scope, the
 *   land), so its totals may be shown for comparison, but not what else lies inside it;
 * - `none`: outside the scope.
 * @example areaAccess({ all: false, codes: ['WK039201'] }, 'GM0392') // 'aggregate'
 */
export function areaAccess(scope: AreaScope, code: string): 'full' | 'aggregate' | 'none' {
  if (scope.all) return 'full';
  if (!levelOfCode(code)) return 'none';
  for (let c: string | null = code; c; c = parentCodeOf(c))
    if (scope.codes.includes(c)) return 'full';
  for (const scoped of scope.codes)
    for (let c: string | null = parentCodeOf(scoped); c; c = parentCodeOf(c))
      if (c === code) return 'aggregate';
  return 'none';
}

/** True when the area may be shown at all (in scope, or an aggregate around the scope). */
export function mayView(scope: AreaScope, code: string): boolean {
  return areaAccess(scope, code) !== 'none';
}

/**
 * Figures leave the database unsuppressed only for the corporation's own administrators and
 * analysts; every partner, the tenants, inspectors and viewers get disclosure control.
 */
export function seesUnsuppressed(principal: Principal): boolean {
  if (principal.kind !== 'user') return true;
  return (
    principal.organisation?.kind === 'corporation' &&
    (principal.role === 'admin' || principal.role === 'analyst')
  );
}

/** The part of a principal that decides what figures look like: scope and suppression. */
export interface DataView {
  scope: AreaScope;
  restricted: boolean;
}

/** The scope that counts: an administrator's is every area, whatever is stored. */
export function effectiveScope(principal: Principal): AreaScope {
  return principal.role === 'admin' ? { all: true, codes: [] } : principal.scope;
}

export function dataViewOf(principal: Principal): DataView {
  return { scope: effectiveScope(principal), restricted: !seesUnsuppressed(principal) };
}

/** A short stable key of a data view, for caches of responses that depend on it. */
export function dataViewKey(view: DataView): string {
  return `${view.restricted ? 'r' : 'u'}:${view.scope.all ? '*' : [...view.scope.codes].sort().join(',')}`;
}

/**
 * Refuses a change that acts on the whole working area (budget regions, scenarios and their
 * adoption, a complex list or a year's ledger as a file) to an account limited to some areas:
 * it would change what that account is not shown.
 * @throws AppError('forbidden') naming what needs the whole area
 */
export function requireWholeArea(view: DataView, what: string): void {
  if (!view.scope.all)
    throw new AppError(
      'forbidden',
      `${what} covers the whole working area; your account is limited to some areas`,
    );
}

/** The unrestricted view over everything: the CLI and internal jobs. */
export const FULL_VIEW: DataView = { scope: { all: true, codes: [] }, restricted: false };
