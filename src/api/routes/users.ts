import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ORGANISATION_KINDS, ROLES } from '../../domain/access/roles.js';
import { listOrganisations } from '../../db/queries/organisation-queries.js';
import type { UserAccount } from '../../db/queries/user-queries.js';
import { changeUser, createUser, listUsers, resetPassword } from '../../services/auth/users.js';
import { auditContext, guardedRoute } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorResponses } from '../schemas.js';

const ScopeCodeSchema = z
  .string()
  .regex(/^(GM\d{4}|WK\d{4}[0-9A-Z]{2})$/i, 'a gemeente or wijk code');

const UserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    organisation: z.object({ key: z.string(), name: z.string(), kind: z.string() }),
    scope: z.object({ all: z.boolean(), codes: z.array(z.string()) }),
    isDemo: z.boolean(),
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    oidcLinked: z.boolean(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .openapi('User');

function userJson(u: UserAccount): z.infer<typeof UserSchema> {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisation: { key: u.organisation.key, name: u.organisation.name, kind: u.organisation.kind },
    scope: u.scope,
    isDemo: u.isDemo,
    disabled: u.disabledAt !== null,
    hasPassword: u.hasPassword,
    oidcLinked: u.oidcLinked,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const listRoute = guardedRoute('users:manage', {
  method: 'get',
  path: '/api/users',
  tags: ['Users'],
  summary: 'Every account, with role, organisation and scope',
  responses: {
    200: json(
      z.object({
        users: z.array(UserSchema),
        organisations: z.array(
          z.object({ key: z.string(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) }),
        ),
      }),
      'Accounts and the organisations they can belong to',
    ),
  },
});

const createUserRoute = guardedRoute('users:manage', {
  method: 'post',
  path: '/api/users',
  tags: ['Users'],
  summary: 'Create an account',
  description:
    'Without `password`, one is generated and returned once in `password`. Accounts other than administrators need a scope (gemeente or wijk codes) or `scopeAll`.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            email: z.string().min(3).max(254),
            name: z.string().trim().min(1).max(120),
            organisation: z.string().min(1).max(100),
            role: z.enum(ROLES),
            scopeAll: z.boolean().default(false),
            scope: z.array(ScopeCodeSchema).max(500).default([]),
            password: z.string().max(200).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: json(
      z.object({ user: UserSchema, password: z.string().nullable() }),
      'Created; `password` is the generated one, shown only now',
    ),
    ...errorResponses(400),
  },
});

const changeRoute = guardedRoute('users:manage', {
  method: 'patch',
  path: '/api/users/{id}',
  tags: ['Users'],
  summary: 'Change role, organisation, scope or name; disable or enable',
  description: 'Disabling ends every session of the account at once.',
  request: {
    params: IdParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().trim().min(1).max(120).optional(),
            organisation: z.string().min(1).max(100).optional(),
            role: z.enum(ROLES).optional(),
            scopeAll: z.boolean().optional(),
            scope: z.array(ScopeCodeSchema).max(500).optional(),
            disabled: z.boolean().optional(),
          }),
        },
      },
    },
  },
  responses: { 200: json(z.object({ user: UserSchema }), 'Changed'), ...errorResponses(400, 404) },
});

const resetRoute = guardedRoute('users:manage', {
  method: 'post',
  path: '/api/users/{id}/reset-password',
  tags: ['Users'],
  summary: 'Reset a password: a new one is generated and returned once; every session ends',
  request: { params: IdParam },
  responses: {
    200: json(z.object({ user: UserSchema, password: z.string() }), 'The new password'),
    ...errorResponses(404),
  },
});

export function userRoutes({ db }: ApiDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const [users, organisations] = await Promise.all([listUsers(db), listOrganisations(db)]);
      return c.json(
        {
          users: users.map(userJson),
          organisations: organisations.map((o) => ({
            key: o.key,
            name: o.name,
            kind: o.kind as (typeof ORGANISATION_KINDS)[number],
          })),
        },
        200,
      );
    })
    .openapi(createUserRoute, async (c) => {
      const body = c.req.valid('json');
      const { user, password } = await createUser(db, auditContext(c), body);
      return c.json({ user: userJson(user), password }, 201);
    })
    .openapi(changeRoute, async (c) => {
      const { id } = c.req.valid('param');
      const user = await changeUser(db, auditContext(c), id, c.req.valid('json'));
      return c.json({ user: userJson(user) }, 200);
    })
    .openapi(resetRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { user, password } = await resetPassword(db, auditContext(c), id);
      return c.json({ user: userJson(user), password }, 200);
    });
}
