import type { Kysely } from 'kysely';
import { areaAccess, can, effectiveScope } from '../domain/access/policy.js';
import type { Principal } from '../domain/access/principal.js';
import { AppError } from '../domain/shared/app-error.js';
import {
  deleteComment,
  findComment,
  insertComment,
  listCommentsFor,
  markAgreed,
  type StoredComment,
} from '../db/queries/comment-queries.js';
import { findArea } from '../db/queries/area-queries.js';
import type { Database } from '../db/tables.js';

export interface CommentView extends Omit<StoredComment, 'organisationId' | 'authorUserId'> {
  organisationKey: string | null;
  /** What the asking user may do with it. */
  mine: boolean;
  canDelete: boolean;
  canAgree: boolean;
}

function viewOf(comment: StoredComment, principal: Principal): CommentView {
  const { organisationId, authorUserId, ...rest } = comment;
  const mine = authorUserId !== null && authorUserId === principal.userId;
  return {
    ...rest,
    organisationKey:
      organisationId === principal.organisation?.id ? principal.organisation.key : null,
    mine,
    canDelete: mine && comment.agreedAt === null,
    canAgree: can(principal, 'comments:agree') && comment.visibility === 'partners',
  };
}

async function checkArea(db: Kysely<Database>, principal: Principal, code: string): Promise<void> {
  if (!(await findArea(db, code)))
    throw new AppError('area_not_found', `No area with code ${code}`, { code });
  // Comments need the area inside the scope: on a gemeente around a wijk scope they would
  // discuss wijken outside it.
  if (areaAccess(effectiveScope(principal), code) !== 'full')
    throw new AppError('forbidden', `Area ${code} is outside your scope`, { code });
}

/** Comments on an area the user may read: those shared with partners and their own organisation's. */
export async function listAreaComments(
  db: Kysely<Database>,
  principal: Principal,
  code: string,
): Promise<CommentView[]> {
  await checkArea(db, principal, code);
  const comments = await listCommentsFor(
    db,
    { type: 'area', key: code },
    principal.kind === 'cli' ? null : (principal.organisation?.id ?? -1),
  );
  return comments.map((c) => viewOf(c, principal));
}

export async function addAreaComment(
  db: Kysely<Database>,
  principal: Principal,
  code: string,
  input: { body: string; visibility: 'organisation' | 'partners' },
): Promise<CommentView> {
  await checkArea(db, principal, code);
  if (!principal.organisation) throw new AppError('forbidden', 'Comments need an organisation');
  const body = input.body.trim();
  if (body.length === 0 || body.length > 5000)
    throw new AppError('validation_failed', 'body: between 1 and 5,000 characters', {
      field: 'body',
    });
  const id = await insertComment(db, {
    subjectType: 'area',
    subjectKey: code,
    organisationId: principal.organisation.id,
    authorUserId: principal.userId,
    authorName: principal.name,
    body,
    visibility: input.visibility,
  });
  return viewOf((await findComment(db, id))!, principal);
}

/** A comment the principal may see, or not_found (never telling that a hidden one exists). */
async function visibleComment(
  db: Kysely<Database>,
  principal: Principal,
  id: number,
): Promise<StoredComment> {
  const comment = await findComment(db, id);
  const visible =
    comment &&
    (comment.visibility === 'partners' || comment.organisationId === principal.organisation?.id) &&
    (comment.subjectType !== 'area' ||
      areaAccess(effectiveScope(principal), comment.subjectKey) === 'full');
  if (!comment || !visible) throw new AppError('not_found', `No comment ${id}`);
  return comment;
}

export async function setAgreed(
  db: Kysely<Database>,
  principal: Principal,
  id: number,
  agreed: boolean,
): Promise<CommentView> {
  const comment = await visibleComment(db, principal, id);
  if (comment.visibility !== 'partners')
    throw new AppError(
      'conflict',
      'Only a comment shared with all partners can be an agreed conclusion',
    );
  await markAgreed(db, id, agreed ? principal.name : null);
  return viewOf((await findComment(db, id))!, principal);
}

export async function removeComment(
  db: Kysely<Database>,
  principal: Principal,
  id: number,
): Promise<void> {
  const comment = await visibleComment(db, principal, id);
  if (comment.authorUserId === null || comment.authorUserId !== principal.userId)
    throw new AppError('forbidden', 'Only the author can delete a comment');
  if (comment.agreedAt) throw new AppError('conflict', 'An agreed conclusion cannot be deleted');
  await deleteComment(db, id);
}
