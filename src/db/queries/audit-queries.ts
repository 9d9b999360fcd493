import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  actorKind: 'user' | 'cli' | 'system' | 'anonymous';
  actorUserId: number | null;
  actorLabel: string;
  organisationKey: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export interface StoredAuditEntry extends AuditEntry {
  id: number;
  at: Date;
}

export async function insertAuditEntry(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: entry.actorKind,
      actor_user_id: entry.actorUserId,
      actor_label: entry.actorLabel,
      organisation_key: entry.organisationKey,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details),
      ip: entry.ip,
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  /** Matches actor label (e-mail) or target, case-insensitive. */
  text?: string;
  organisationKey?: string;
  from?: Date;
  to?: Date;
  /** Entries with an id below this (paging backwards in time). */
  beforeId?: number;
  limit: number;
}

export async function listAuditEntries(db: Db, filter: AuditFilter): Promise<StoredAuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.organisationKey) query = query.where('organisation_key', '=', filter.organisationKey);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<', filter.to);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  if (filter.text) {
    // strpos, not LIKE: the user's text is matched literally, % and _ included.
    const needle = filter.text.toLowerCase();
    query = query.where((eb) =>
      eb.or([
        eb(sql`strpos(lower(actor_label), ${needle})`, '>', 0),
        eb(sql`strpos(lower(coalesce(target, '')), ${needle})`, '>', 0),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actorKind: r.actor_kind as AuditEntry['actorKind'],
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    organisationKey: r.organisation_key,
    action: r.action,
    target: r.target,
    details: r.details,
    ip: r.ip,
  }));
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .distinct()
    .orderBy('action')
    .execute();
  return rows.map((r) => r.action);
}

/** Whether an entry like this was written since a moment (to record a repeated event once). */
export async function hasAuditSince(
  db: Db,
  action: string,
  target: string,
  reason: string,
  since: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', action)
    .where('target', '=', target)
    .where(sql`details->>'reason'`, '=', reason)
    .where('at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
