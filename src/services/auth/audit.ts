import type { Kysely, Transaction } from 'kysely';
import type { Principal } from '../../domain/access/principal.js';
import { insertAuditEntry } from '../../db/queries/audit-queries.js';
import type { Database } from '../../db/tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What the audit log records; the admin page filters on these. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'logout_everywhere',
  'user_created',
  'user_changed',
  'password_reset',
  'organisation_created',
  'import',
  'export',
  'view_sensitive',
  'method_changed',
  'ranking_created',
  'budget_changed',
  'demo_loaded',
  'demo_removed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditContext {
  /** Who acted; null for an anonymous attempt (a failed login names the address tried). */
  actor: Principal | null;
  ip: string | null;
  /** For anonymous entries: what identifies the attempt (the e-mail address given). */
  anonymousLabel?: string;
}

/**
 * Append one entry. Called inside the transaction of the change it records where there is one,
 * so a change without its entry (or the reverse) cannot happen.
 */
export async function audit(
  db: Db,
  context: AuditContext,
  action: AuditAction,
  target: string | null = null,
  details: Record<string, unknown> = {},
): Promise<void> {
  const actor = context.actor;
  await insertAuditEntry(db, {
    actorKind: actor ? actor.kind : 'anonymous',
    actorUserId: actor?.userId ?? null,
    actorLabel: actor ? actor.email : (context.anonymousLabel ?? 'anonymous'),
    organisationKey: actor?.organisation?.key ?? null,
    action,
    target,
    details,
    ip: context.ip,
  });
}
