import type { Kysely } from 'kysely';
import { DEFAULT_METHOD } from '../domain/ranking/default-methods.js';
import {
  canonicalJson,
  methodFingerprint,
  parseMethod,
  type MethodDefinition,
} from '../domain/ranking/method.js';
import { AppError } from '../domain/shared/app-error.js';
import { listIndicators } from '../db/queries/indicator-queries.js';
import {
  findMethod,
  insertMethod,
  listMethods,
  type StoredMethod,
} from '../db/queries/ranking-queries.js';
import type { Database } from '../db/tables.js';
import { audit, type AuditContext } from './auth/audit.js';

export { listMethods };

/** The catalogue as parseMethod needs it: direction, theme and kind per key. */
export async function methodCatalogue(db: Kysely<Database>) {
  return new Map((await listIndicators(db)).map((i) => [i.key, i]));
}

export interface SavedMethod {
  method: StoredMethod;
  /** False when the same content was already the newest version: nothing was added. */
  created: boolean;
}

/**
 * Save a method. A method is never changed in place: different content under an existing key
 * becomes the next version (rankings made with the old one keep pointing at it); the same
 * content as the newest version adds nothing.
 */
export async function saveMethod(
  db: Kysely<Database>,
  context: AuditContext,
  json: unknown,
  options: { builtIn?: boolean } = {},
): Promise<SavedMethod> {
  const definition = parseMethod(json, await methodCatalogue(db));
  const fingerprint = methodFingerprint(definition);
  return db.transaction().execute(async (trx) => {
    const newest = await findMethod(trx, definition.key);
    // Any change makes a version, also of the name or the reasons (what a board adopted is the
    // text too); only exactly the same content adds nothing. The fingerprint says whether two
    // versions give the same numbers.
    if (newest && canonicalJson(newest.definition) === canonicalJson(definition))
      return { method: newest, created: false };
    const version = (newest?.version ?? 0) + 1;
    await insertMethod(trx, {
      key: definition.key,
      version,
      name: definition.name,
      definition,
      fingerprint,
      builtIn: options.builtIn ?? false,
      createdBy: context.actor?.email ?? 'system',
    });
    await audit(trx, context, 'method_changed', `${definition.key}@${version}`, {
      name: definition.name,
      previous: newest ? newest.version : null,
    });
    return { method: (await findMethod(trx, definition.key, version))!, created: true };
  });
}

/** `key` or `key@version`. */
export function parseMethodRef(ref: string): { key: string; version?: number } {
  const match = /^([a-z0-9][a-z0-9-]{1,62})(?:@(\d+))?$/.exec(ref.trim());
  if (!match)
    throw new AppError('validation_failed', `method: "${ref}" is not a method key or key@version`, {
      field: 'method',
    });
  return { key: match[1]!, ...(match[2] ? { version: Number(match[2]) } : {}) };
}

export async function getMethod(
  db: Kysely<Database>,
  ref: { key: string; version?: number },
): Promise<StoredMethod & { definition: MethodDefinition }> {
  const method = await findMethod(db, ref.key, ref.version);
  if (!method)
    throw new AppError(
      'not_found',
      ref.version === undefined
        ? `No method ${ref.key}`
        : `No version ${ref.version} of method ${ref.key}`,
      { method: ref.key },
    );
  return method as StoredMethod & { definition: MethodDefinition };
}

/** The shipped default method is there (at start): a new version only when it changed. */
export async function ensureDefaultMethods(db: Kysely<Database>, context: AuditContext) {
  await saveMethod(db, context, DEFAULT_METHOD, { builtIn: true });
}
