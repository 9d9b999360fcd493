import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredComment {
  id: number;
  subjectType: 'area' | 'ranking';
  subjectKey: string;
  organisationId: number;
  organisationName: string;
  authorUserId: number | null;
  authorName: string;
  body: string;
  visibility: 'organisation' | 'partners';
  agreedAt: Date | null;
  agreedByName: string | null;
  createdAt: Date;
}

function selectComments(db: Db) {
  return db
    .selectFrom('comment as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.subject_type',
      'c.subject_key',
      'c.organisation_id',
      'o.name as organisation_name',
      'c.author_user_id',
      'c.author_name',
      'c.body',
      'c.visibility',
      'c.agreed_at',
      'c.agreed_by_name',
      'c.created_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectComments>['execute']>>[number];

function toComment(r: Row): StoredComment {
  return {
    id: r.id,
    subjectType: r.subject_type as StoredComment['subjectType'],
    subjectKey: r.subject_key,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    authorUserId: r.author_user_id,
    authorName: r.author_name,
    body: r.body,
    visibility: r.visibility as StoredComment['visibility'],
    agreedAt: r.agreed_at,
    agreedByName: r.agreed_by_name,
    createdAt: r.created_at,
  };
}

/** Comments on a subject that a member of `organisationId` may read: shared ones and its own. */
export async function listCommentsFor(
  db: Db,
  subject: { type: 'area' | 'ranking'; key: string },
  organisationId: number | null,
): Promise<StoredComment[]> {
  let query = selectComments(db)
    .where('c.subject_type', '=', subject.type)
    .where('c.subject_key', '=', subject.key);
  if (organisationId !== null)
    query = query.where((eb) =>
      eb.or([eb('c.visibility', '=', 'partners'), eb('c.organisation_id', '=', organisationId)]),
    );
  const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').execute();
  return rows.map(toComment);
}

export async function findComment(db: Db, id: number): Promise<StoredComment | null> {
  const row = await selectComments(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toComment(row) : null;
}

export async function insertComment(
  db: Db,
  comment: {
    subjectType: 'area' | 'ranking';
    subjectKey: string;
    organisationId: number;
    authorUserId: number | null;
    authorName: string;
    body: string;
    visibility: 'organisation' | 'partners';
  },
): Promise<number> {
  const { id } = await db
    .insertInto('comment')
    .values({
      subject_type: comment.subjectType,
      subject_key: comment.subjectKey,
      organisation_id: comment.organisationId,
      author_user_id: comment.authorUserId,
      author_name: comment.authorName,
      body: comment.body,
      visibility: comment.visibility,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function markAgreed(db: Db, id: number, byName: string | null): Promise<void> {
  await db
    .updateTable('comment')
    .set({ agreed_at: byName ? new Date() : null, agreed_by_name: byName })
    .where('id', '=', id)
    .execute();
}

export async function deleteComment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('comment').where('id', '=', id).execute();
}
