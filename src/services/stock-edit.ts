import type { Kysely, Transaction } from 'kysely';
import { areaAccess, type DataView } from '../domain/access/policy.js';
import type { PlannedComplex } from '../domain/budget/complex-row.js';
import { placeComplexes } from '../domain/budget/place-complexes.js';
import { AppError } from '../domain/shared/app-error.js';
import {
  deleteComplex as deleteComplexRow,
  findAreaNames,
  findBuurtGeometriesInBox,
  findComplex,
  findComplexByCorporationId,
  findExistingBuurtCodes,
  findLatestBuurtGeometryYear,
  findSpendingOfComplex,
  insertComplex,
  updateComplex,
  type ComplexInput,
  type StoredComplex,
} from '../db/queries/stock-queries.js';
import type { Database } from '../db/tables.js';
import { audit, type AuditContext } from './auth/audit.js';
import { checkComplexDraft, invalidDraft, type ComplexDraft } from './complex-draft.js';
import { bumpDataVersion } from './data-version.js';
import { refreshOwnFigures } from './own-figures.js';
import { takeWriteLock } from './write-lock.js';

/**
 * Creating, changing and removing one complex from the web app, by the same rules as
 * `import complexes` (its row validator and its point-in-polygon placement are reused, so a
 * complex cannot be valid in one and not the other). Each change is one transaction that also
 * writes the audit entry, recomputes the derived stock figures and bumps the data version, so
 * cached map layers never show the stock from before.
 */

export interface SavedComplex extends StoredComplex {
  buurtName: string;
}

type Trx = Transaction<Database>;

/** Adds a complex; its id must not exist yet (case-insensitively). */
export async function createComplex(
  db: Kysely<Database>,
  actor: AuditContext,
  view: DataView,
  draft: ComplexDraft,
): Promise<SavedComplex> {
  const planned = checkComplexDraft(draft, new Date().getFullYear());
  return db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    await refuseDuplicate(trx, view, planned.corporationId, null);
    const input = await placeInScope(trx, view, planned);
    const id = await withUniqueId(planned.corporationId, () => insertComplex(trx, input));
    await audit(trx, actor, 'budget_changed', `complex ${input.corporationId}`, {
      change: 'complex_created',
      complex: summaryOf(input),
    });
    return finish(trx, id);
  });
}

/** Replaces every field of a complex (a PUT): it is placed again by the same rules. */
export async function changeComplex(
  db: Kysely<Database>,
  actor: AuditContext,
  view: DataView,
  id: number,
  draft: ComplexDraft,
): Promise<SavedComplex> {
  return db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    // Existence and scope first: someone outside the scope learns nothing from validation.
    const before = await existingInScope(trx, view, id);
    const planned = checkComplexDraft(draft, new Date().getFullYear());
    await refuseDuplicate(trx, view, planned.corporationId, id);
    const input = await placeInScope(trx, view, planned);
    await withUniqueId(planned.corporationId, () => updateComplex(trx, id, input));
    await audit(trx, actor, 'budget_changed', `complex ${input.corporationId}`, {
      change: 'complex_changed',
      ...(before.corporationId !== input.corporationId ? { was: before.corporationId } : {}),
      fields: changedFields(before, input),
    });
    return finish(trx, id);
  });
}

/** Removes a complex, unless spending lines are booked on it (they would lose their place). */
export async function deleteComplex(
  db: Kysely<Database>,
  actor: AuditContext,
  view: DataView,
  id: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const complex = await existingInScope(trx, view, id);
    const spending = await findSpendingOfComplex(trx, id);
    if (spending.lines > 0) {
      const years = spending.years.join(', ');
      throw new AppError(
        'conflict',
        `complex ${complex.corporationId} cannot be deleted: ${spending.lines} spending line${spending.lines === 1 ? ' is' : 's are'} booked on it (${years}); book them elsewhere first`,
        { spendingLines: spending.lines, years: spending.years },
      );
    }
    await deleteComplexRow(trx, id);
    await audit(trx, actor, 'budget_changed', `complex ${complex.corporationId}`, {
      change: 'complex_deleted',
      complex: summaryOf(complex),
    });
    await afterWrite(trx);
  });
}

async function existingInScope(trx: Trx, view: DataView, id: number): Promise<StoredComplex> {
  const complex = await findComplex(trx, id);
  if (!complex) throw new AppError('not_found', `There is no complex with id ${id}`, { id });
  if (areaAccess(view.scope, complex.buurtCode) !== 'full')
    throw new AppError('forbidden', `Complex ${complex.corporationId} lies outside your scope`, {
      code: complex.buurtCode,
    });
  return complex;
}

/** A 409 naming the complex that already has this id (by name only when it is in scope). */
async function refuseDuplicate(
  trx: Trx,
  view: DataView,
  corporationId: string,
  self: number | null,
): Promise<void> {
  const existing = await findComplexByCorporationId(trx, corporationId);
  if (!existing || existing.id === self) return;
  const visible = areaAccess(view.scope, existing.buurtCode) === 'full';
  const label = visible && existing.name ? ` (${existing.name}, ${existing.buurtCode})` : '';
  throw new AppError('conflict', `complex ${existing.corporationId}${label} already exists`, {
    field: 'complexId',
    existing: visible
      ? { id: existing.id, corporationId: existing.corporationId, name: existing.name }
      : { corporationId: existing.corporationId },
  });
}

/**
 * The buurt of the complex in the newest boundary year with boundaries (the import's default):
 * the code given, which must exist, or the buurt whose polygon holds the point. The buurt must
 * lie in the account's scope.
 */
async function placeInScope(trx: Trx, view: DataView, row: PlannedComplex): Promise<ComplexInput> {
  const boundaryYear = await findLatestBuurtGeometryYear(trx);
  if (boundaryYear === null)
    throw new AppError(
      'conflict',
      'there are no buurten with boundaries to place the complex in; import the CBS region list and buurt boundaries first',
      { field: 'buurtCode' },
    );
  const knownCodes = await findExistingBuurtCodes(
    trx,
    boundaryYear,
    row.buurtCode ? [row.buurtCode] : [],
  );
  const p = row.point;
  const shapes =
    row.buurtCode === null && p
      ? await findBuurtGeometriesInBox(trx, boundaryYear, [p[0], p[1], p[0], p[1]])
      : [];
  const { placed, problems } = placeComplexes([row], { knownCodes, shapes, boundaryYear });
  const hit = placed[0];
  if (!hit)
    throw invalidDraft(
      problems.map((p) => ({
        field: p.field === 'coordinates' ? 'x' : 'buurtCode',
        message: p.message,
        expected: p.expected,
      })),
    );
  if (areaAccess(view.scope, hit.buurtCode) !== 'full')
    throw new AppError('forbidden', `Buurt ${hit.buurtCode} lies outside your scope`, {
      code: hit.buurtCode,
      field: hit.by === 'file' ? 'buurtCode' : 'x',
    });
  return {
    corporationId: row.corporationId,
    name: row.name,
    address: row.address,
    postcode: row.postcode,
    houseNumber: row.houseNumber,
    houseNumberAddition: row.houseNumberAddition,
    lon: p?.[0] ?? null,
    lat: p?.[1] ?? null,
    buurtCode: hit.buurtCode,
    boundaryYear,
    placedBy: hit.by,
    units: row.units,
    daebUnits: row.daebUnits,
    yearBuilt: row.yearBuilt,
  };
}

/** The unique index decides when two requests race past the check: still a 409, not a 500. */
async function withUniqueId<T>(corporationId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (String((error as { code?: unknown }).code) === '23505')
      throw new AppError('conflict', `complex ${corporationId} already exists`, {
        field: 'complexId',
        existing: { corporationId },
      });
    throw error;
  }
}

async function afterWrite(trx: Trx): Promise<void> {
  await refreshOwnFigures(trx);
  await bumpDataVersion(trx);
}

async function finish(trx: Trx, id: number): Promise<SavedComplex> {
  await afterWrite(trx);
  const saved = (await findComplex(trx, id))!;
  const names = await findAreaNames(trx, [saved.buurtCode]);
  return { ...saved, buurtName: names.get(saved.buurtCode) ?? saved.buurtCode };
}

const summaryOf = (c: ComplexInput) => ({
  corporationId: c.corporationId,
  name: c.name,
  buurtCode: c.buurtCode,
  placedBy: c.placedBy,
  units: c.units,
  daebUnits: c.daebUnits,
});

/** What a change did, field by field: { units: { from: 96, to: 98 } }. */
function changedFields(before: StoredComplex, after: ComplexInput) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof ComplexInput)[])
    if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
  return changes;
}
