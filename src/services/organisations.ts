import type { Kysely } from 'kysely';
import { ORGANISATION_KINDS, type OrganisationKind } from '../domain/access/roles.js';
import { AppError } from '../domain/shared/app-error.js';
import { levelOfCode, normaliseAreaCode } from '../domain/shared/area-code.js';
import {
  findOrganisation,
  insertOrganisation,
  listOrganisations,
} from '../db/queries/organisation-queries.js';
import type { Database } from '../db/tables.js';
import { audit, type AuditContext } from './auth/audit.js';

export { listOrganisations };

/** A partner organisation (or the corporation itself) that accounts can belong to. */
export async function createOrganisation(
  db: Kysely<Database>,
  context: AuditContext,
  input: { key: string; name: string; kind: string; workingArea: string[] },
): Promise<void> {
  const key = input.key.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(key))
    throw new AppError(
      'validation_failed',
      'key: lower-case letters, digits and dashes, e.g. gemeente-haarlem',
      { field: 'key' },
    );
  if (!(ORGANISATION_KINDS as readonly string[]).includes(input.kind))
    throw new AppError('validation_failed', `kind: one of ${ORGANISATION_KINDS.join(', ')}`, {
      field: 'kind',
    });
  const area = input.workingArea.map(normaliseAreaCode);
  const wrong = area.filter((c) => levelOfCode(c) !== 'gemeente');
  if (wrong.length > 0)
    throw new AppError(
      'validation_failed',
      `workingArea: ${wrong.join(', ')} is not a gemeente code`,
      {
        field: 'workingArea',
      },
    );
  if (await findOrganisation(db, key))
    throw new AppError('conflict', `An organisation with key ${key} already exists`);
  await db.transaction().execute(async (trx) => {
    await insertOrganisation(trx, {
      key,
      name: input.name.trim(),
      kind: input.kind as OrganisationKind,
      workingArea: area,
    });
    await audit(trx, context, 'organisation_created', key, {
      name: input.name,
      kind: input.kind,
      workingArea: area,
    });
  });
}
