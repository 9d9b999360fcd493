import type { Kysely } from 'kysely';
import { z } from 'zod';
import { levelOfCode, normaliseAreaCode } from '../domain/shared/area-code.js';
import { AppError } from '../domain/shared/app-error.js';
import { FULL_VIEW, mayView, requireWholeArea, type DataView } from '../domain/access/policy.js';
import {
  listLines,
  listRegions,
  upsertLine,
  upsertRegion,
  type StoredLine,
  type StoredRegion,
} from '../db/queries/budget-queries.js';
import { findAreaNames } from '../db/queries/stock-queries.js';
import type { Database } from '../db/tables.js';
import { audit, type AuditContext } from './auth/audit.js';
import { bumpDataVersion } from './data-version.js';
import { refreshOwnFigures } from './own-figures.js';
import { takeWriteLock } from './write-lock.js';

/** A region's or line's key: also its address (DELETE /api/budget/regions/{key}). */
export const BudgetKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, such as noord');

/**
 * The budget setup file (`budget setup <file.json>`, `PUT /api/budget/setup`): named regions
 * that group buurten, and lines without an area. Regions and lines are matched by key: a key
 * that exists is renamed and gets the buurten given (a buurt moves from another region).
 */
export const BudgetSetupSchema = z
  .object({
    regions: z
      .array(
        z
          .object({
            key: BudgetKeySchema,
            name: z.string().min(1),
            // An empty region would divide money over nothing; one to stop using is removed
            // (DELETE /api/budget/regions/{key}). Moving its buurten elsewhere may empty it.
            buurten: z
              .array(z.string())
              .min(1, 'a region needs at least one buurt; to stop using a region, remove it'),
          })
          .strict(),
      )
      .default([]),
    lines: z
      .array(z.object({ key: BudgetKeySchema, name: z.string().min(1) }).strict())
      .default([]),
  })
  .strict();
export type BudgetSetup = z.infer<typeof BudgetSetupSchema>;

export interface BudgetSetupView {
  regions: (StoredRegion & { buurten: { code: string; name: string }[] })[];
  lines: StoredLine[];
}

/** Parses a setup (JSON value); problems name the field. */
export function parseBudgetSetup(raw: unknown): BudgetSetup {
  const parsed = BudgetSetupSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    field: i.path.join('.') || '(root)',
    message: i.message,
  }));
  throw new AppError(
    'validation_failed',
    issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    { issues },
  );
}

/** What an account limited to some areas may not change: it could not see what it moves. */
export const requireWholeAreaForSetup = (view: DataView) =>
  requireWholeArea(view, 'The budget setup (regions and lines)');

/**
 * Stores regions and lines in one transaction; audited as budget_changed. A region that loses
 * all its buurten to others stays (spending and begrotingen may name it), without buurten.
 */
export async function applyBudgetSetup(
  db: Kysely<Database>,
  actor: AuditContext,
  setup: BudgetSetup,
  view: DataView = FULL_VIEW,
): Promise<BudgetSetupView> {
  requireWholeAreaForSetup(view);
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const codes = new Set<string>();
  for (const region of setup.regions) {
    for (const [i, raw] of region.buurten.entries()) {
      const code = normaliseAreaCode(raw);
      if (levelOfCode(code) !== 'buurt')
        problems.push(`regions.${region.key}.buurten[${i}]: "${raw}" is not a buurt code`);
      else if (seen.has(code))
        problems.push(`regions.${region.key}: ${code} is also in region ${seen.get(code)}`);
      seen.set(code, region.key);
      codes.add(code);
    }
  }
  const known = await findAreaNames(db, [...codes]);
  for (const code of codes) if (!known.has(code)) problems.push(`regions: unknown buurt ${code}`);
  const regionKeys = new Set(setup.regions.map((r) => r.key));
  for (const line of setup.lines)
    if (regionKeys.has(line.key))
      problems.push(`lines.${line.key}: also a region key; a report row must mean one thing`);
  const existing = await Promise.all([listRegions(db), listLines(db)]);
  for (const line of setup.lines)
    if (existing[0].some((r) => r.key === line.key))
      problems.push(`lines.${line.key}: already a region`);
  for (const region of setup.regions)
    if (existing[1].some((l) => l.key === region.key))
      problems.push(`regions.${region.key}: already a line`);
  if (problems.length > 0)
    throw new AppError('validation_failed', problems.join('; '), {
      issues: problems.map((message) => ({ message })),
    });
  await db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    for (const region of setup.regions)
      await upsertRegion(trx, {
        key: region.key,
        name: region.name,
        buurtCodes: region.buurten.map(normaliseAreaCode),
      });
    for (const line of setup.lines) await upsertLine(trx, line);
    await audit(trx, actor, 'budget_changed', 'setup', {
      regions: setup.regions.map((r) => r.key),
      lines: setup.lines.map((l) => l.key),
    });
    // The regions are the working area: the corporation's figures on the map follow them.
    await refreshOwnFigures(trx);
    await bumpDataVersion(trx);
  });
  return getBudgetSetup(db, FULL_VIEW);
}

/**
 * Regions and lines. Viewers limited to some areas get the regions with a buurt in their scope,
 * with only those buurten; others get every region, also one left without buurten, so it can
 * be given buurten again or removed.
 */
export async function getBudgetSetup(
  db: Kysely<Database>,
  view: DataView,
): Promise<BudgetSetupView> {
  const regions = await listRegions(db);
  const names = await findAreaNames(
    db,
    regions.flatMap((r) => r.buurtCodes),
  );
  const visible = (code: string) => view.scope.all || mayView(view.scope, code);
  return {
    regions: regions
      .map((r) => {
        const codes = r.buurtCodes.filter(visible);
        return {
          ...r,
          buurtCodes: codes,
          buurten: codes.map((code) => ({ code, name: names.get(code) ?? code })),
        };
      })
      .filter((r) => view.scope.all || r.buurtCodes.length > 0),
    lines: await listLines(db),
  };
}
