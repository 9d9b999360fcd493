import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  addAreaComment,
  listAreaComments,
  removeComment,
  setAgreed,
  type CommentView,
} from '../../services/comments.js';
import { guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { AreaCodeSchema, errorResponses } from '../schemas.js';

const CommentSchema = z
  .object({
    id: z.number().int(),
    subjectType: z.enum(['area', 'ranking']),
    subjectKey: z.string(),
    organisationName: z.string(),
    authorName: z.string(),
    body: z.string(),
    visibility: z.enum(['organisation', 'partners']),
    agreedAt: z.string().nullable(),
    agreedByName: z.string().nullable(),
    createdAt: z.string(),
    mine: z.boolean(),
    canDelete: z.boolean(),
    canAgree: z.boolean(),
  })
  .openapi('Comment');

const commentJson = (c: CommentView): z.infer<typeof CommentSchema> => ({
  id: c.id,
  subjectType: c.subjectType,
  subjectKey: c.subjectKey,
  organisationName: c.organisationName,
  authorName: c.authorName,
  body: c.body,
  visibility: c.visibility,
  agreedAt: c.agreedAt?.toISOString() ?? null,
  agreedByName: c.agreedByName,
  createdAt: c.createdAt.toISOString(),
  mine: c.mine,
  canDelete: c.canDelete,
  canAgree: c.canAgree,
});

const CodeParam = z.object({
  code: AreaCodeSchema.openapi({ param: { name: 'code', in: 'path' } }),
});
const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const one = {
  description: 'The comment',
  content: { 'application/json': { schema: z.object({ comment: CommentSchema }) } },
};

const listRoute = guardedRoute('comments:read', {
  method: 'get',
  path: '/api/areas/{code}/comments',
  tags: ['Comments'],
  summary: 'Comments on an area: those shared with all partners, and your own organisation’s',
  request: { params: CodeParam },
  responses: {
    200: {
      description: 'Newest first; agreed conclusions carry agreedAt',
      content: { 'application/json': { schema: z.object({ comments: z.array(CommentSchema) }) } },
    },
    ...errorResponses(400, 404),
  },
});

const addRoute = guardedRoute('comments:write', {
  method: 'post',
  path: '/api/areas/{code}/comments',
  tags: ['Comments'],
  summary: 'Comment on an area, for your own organisation or for all partners in scope',
  request: {
    params: CodeParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            body: z.string().min(1).max(5000),
            visibility: z.enum(['organisation', 'partners']).default('organisation'),
          }),
        },
      },
    },
  },
  responses: { 201: one, ...errorResponses(400, 404) },
});

const agreeRoute = guardedRoute('comments:agree', {
  method: 'patch',
  path: '/api/comments/{id}',
  tags: ['Comments'],
  summary: 'Mark a shared comment as an agreed conclusion (or take the mark back)',
  request: {
    params: IdParam,
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ agreed: z.boolean() }) } },
    },
  },
  responses: { 200: one, ...errorResponses(400, 404) },
});

const deleteRoute = guardedRoute('comments:write', {
  method: 'delete',
  path: '/api/comments/{id}',
  tags: ['Comments'],
  summary: 'Delete your own comment (not an agreed conclusion)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(404) },
});

export function commentRoutes({ db }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const { code } = c.req.valid('param');
      const comments = await listAreaComments(db, principal(c), code);
      return c.json({ comments: comments.map(commentJson) }, 200);
    })
    .openapi(addRoute, async (c) => {
      const { code } = c.req.valid('param');
      const comment = await addAreaComment(db, principal(c), code, c.req.valid('json'));
      return c.json({ comment: commentJson(comment) }, 201);
    })
    .openapi(agreeRoute, async (c) => {
      const { id } = c.req.valid('param');
      const comment = await setAgreed(db, principal(c), id, c.req.valid('json').agreed);
      return c.json({ comment: commentJson(comment) }, 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { id } = c.req.valid('param');
      await removeComment(db, principal(c), id);
      return c.body(null, 204);
    });
}
