import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServerProcess, type RunningServer } from '../helpers/cli.js';
import { login, type HttpSession } from '../helpers/http-session.js';

/**
 * Every role against every endpoint, inside and outside its area scope, on the real server
 * started as `npm start` starts it. The expectations are written out by hand (not derived from
 * the policy under test), so a change of rights shows up here as a deliberate edit.
 */

type Who = 'anonymous' | 'admin' | 'analyst' | 'inspector' | 'partner' | 'tenant' | 'viewer';
const ROLES: Exclude<Who, 'anonymous'>[] = [
  'admin',
  'analyst',
  'inspector',
  'partner',
  'tenant',
  'viewer',
];

/** Per role: a gemeente in its scope, and one outside (null when every demo area is in scope). */
const SCOPE: Record<Exclude<Who, 'anonymous'>, { inside: string; outside: string | null }> = {
  admin: { inside: 'GM9901', outside: null },
  analyst: { inside: 'GM9901', outside: null },
  inspector: { inside: 'GM9902', outside: 'GM9901' },
  partner: { inside: 'GM9901', outside: 'GM9902' },
  tenant: { inside: 'GM9903', outside: null },
  viewer: { inside: 'GM9903', outside: 'GM9901' },
};
/** A wijk and a buurt of each demo gemeente. */
const INSIDE: Record<string, { wijk: string; buurt: string }> = {
  GM9901: { wijk: 'WK990101', buurt: 'BU99010101' },
  GM9902: { wijk: 'WK990201', buurt: 'BU99020101' },
  GM9903: { wijk: 'WK990301', buurt: 'BU99030101' },
};

interface Case {
  name: string;
  method: string;
  /** Built from the gemeente (and its wijk and buurt) the row is about. */
  path: (gm: string) => string;
  body?: unknown;
  /** Whether the endpoint is about an area (so scope matters). */
  scoped: boolean;
  /** Roles allowed by permission, with the status they get when in scope. */
  allowed: Partial<Record<Who, number>>;
}

const ALL_READ = {
  admin: 200,
  analyst: 200,
  inspector: 200,
  partner: 200,
  tenant: 200,
  viewer: 200,
};
const WRITERS = { admin: 201, analyst: 201, inspector: 201, partner: 201 };

const CASES: Case[] = [
  { name: 'meta', method: 'GET', path: () => '/api/meta', scoped: false, allowed: ALL_READ },
  {
    name: 'catalogue',
    method: 'GET',
    path: () => '/api/indicators',
    scoped: false,
    allowed: ALL_READ,
  },
  {
    name: 'area list',
    method: 'GET',
    path: () => '/api/areas?level=gemeente',
    scoped: false,
    allowed: ALL_READ,
  },
  {
    name: 'gemeente profile',
    method: 'GET',
    path: (gm) => `/api/areas/${gm}`,
    scoped: true,
    allowed: ALL_READ,
  },
  {
    name: 'wijk profile',
    method: 'GET',
    path: (gm) => `/api/areas/${INSIDE[gm]!.wijk}`,
    scoped: true,
    allowed: ALL_READ,
  },
  {
    name: 'buurt profile',
    method: 'GET',
    path: (gm) => `/api/areas/${INSIDE[gm]!.buurt}`,
    scoped: true,
    allowed: ALL_READ,
  },
  {
    name: 'buurten of a gemeente',
    method: 'GET',
    path: (gm) => `/api/areas?level=buurt&parent=${gm}`,
    scoped: true,
    allowed: ALL_READ,
  },
  {
    name: 'map layer',
    method: 'GET',
    path: (gm) => `/api/map?level=buurt&parent=${gm}&indicator=a_inw`,
    scoped: true,
    allowed: ALL_READ,
  },
  {
    name: 'indicators available',
    method: 'GET',
    path: (gm) => `/api/indicators/available?level=buurt&parent=${gm}`,
    scoped: true,
    allowed: ALL_READ,
  },
  {
    name: 'CSV export',
    method: 'GET',
    path: (gm) => `/api/export/figures.csv?level=buurt&parent=${gm}&indicator=a_inw`,
    scoped: true,
    allowed: ALL_READ,
  },
  {
    name: 'comments on an area',
    method: 'GET',
    path: (gm) => `/api/areas/${INSIDE[gm]!.wijk}/comments`,
    scoped: true,
    allowed: ALL_READ,
  },
  {
    name: 'comment on an area',
    method: 'POST',
    path: (gm) => `/api/areas/${INSIDE[gm]!.wijk}/comments`,
    body: { body: 'Matrixtest', visibility: 'organisation' },
    scoped: true,
    allowed: WRITERS,
  },
  {
    name: 'agree on a comment',
    method: 'PATCH',
    path: () => '/api/comments/999999',
    body: { agreed: true },
    scoped: false,
    allowed: { admin: 404, analyst: 404 },
  },
  {
    name: 'delete a comment',
    method: 'DELETE',
    path: () => '/api/comments/999999',
    scoped: false,
    allowed: { admin: 404, analyst: 404, inspector: 404, partner: 404 },
  },
  {
    name: 'import runs',
    method: 'GET',
    path: () => '/api/import-runs',
    scoped: false,
    allowed: { admin: 200, analyst: 200 },
  },
  {
    name: 'import (no file: refused after the permission check)',
    method: 'POST',
    path: () => '/api/imports',
    body: { kind: 'regions' },
    scoped: false,
    allowed: { admin: 400, analyst: 400 },
  },
  {
    name: 'users',
    method: 'GET',
    path: () => '/api/users',
    scoped: false,
    allowed: { admin: 200 },
  },
  {
    name: 'create a user (invalid: refused after the permission check)',
    method: 'POST',
    path: () => '/api/users',
    body: { email: 'x' },
    scoped: false,
    allowed: { admin: 400 },
  },
  {
    name: 'change a user',
    method: 'PATCH',
    path: () => '/api/users/999999',
    body: { disabled: true },
    scoped: false,
    allowed: { admin: 404 },
  },
  {
    name: 'reset a password',
    method: 'POST',
    path: () => '/api/users/999999/reset-password',
    scoped: false,
    allowed: { admin: 404 },
  },
  {
    name: 'audit log',
    method: 'GET',
    path: () => '/api/audit',
    scoped: false,
    allowed: { admin: 200 },
  },
  {
    name: 'audit export',
    method: 'GET',
    path: () => '/api/audit.csv',
    scoped: false,
    allowed: { admin: 200 },
  },
];

interface Row {
  who: Who;
  where: 'inside' | 'outside' | '-';
  gm: string;
  expected: number;
}

function rowsOf(c: Case): Row[] {
  const rows: Row[] = [{ who: 'anonymous', where: '-', gm: 'GM9901', expected: 401 }];
  for (const role of ROLES) {
    const allowed = c.allowed[role];
    rows.push({
      who: role,
      where: c.scoped ? 'inside' : '-',
      gm: SCOPE[role].inside,
      expected: allowed ?? 403,
    });
    const outside = SCOPE[role].outside;
    if (c.scoped && outside) rows.push({ who: role, where: 'outside', gm: outside, expected: 403 });
  }
  return rows;
}

describe('access matrix: role × endpoint × scope on the real server', () => {
  let dir: string;
  let server: RunningServer;
  const sessions = new Map<Who, HttpSession>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-access-'));
    server = await startServerProcess({ BUURTBALANS_DATA_DIR: path.join(dir, 'data') });
    for (const role of ROLES)
      sessions.set(role, await login(server.url, `${role}@demo.buurtbalans.nl`));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const send = (who: Who, c: Case, gm: string) => {
    const init: RequestInit = { method: c.method };
    if (c.body !== undefined) {
      if (c.path(gm) === '/api/imports') {
        const form = new FormData();
        for (const [k, v] of Object.entries(c.body as Record<string, string>)) form.set(k, v);
        init.body = form;
      } else {
        init.body = JSON.stringify(c.body);
        init.headers = { 'Content-Type': 'application/json' };
      }
    }
    const session = sessions.get(who);
    return session
      ? session.fetch(c.path(gm), init)
      : fetch(`${server.url}${c.path(gm)}`, { ...init, redirect: 'manual' });
  };

  test.each(CASES)('$method $name', async (c) => {
    const results: string[] = [];
    const expected: string[] = [];
    for (const row of rowsOf(c)) {
      const response = await send(row.who, c, row.gm);
      await response.arrayBuffer();
      results.push(`${row.who} ${row.where} ${response.status}`);
      expected.push(`${row.who} ${row.where} ${row.expected}`);
    }
    expect(results).toEqual(expected);
  });

  test('lists hold only the areas in scope', async () => {
    const gemeenten = async (who: Who) =>
      (
        (await (await sessions.get(who)!.fetch('/api/areas?level=gemeente')).json()) as {
          areas: Array<{ code: string }>;
        }
      ).areas.map((a) => a.code);
    expect(await gemeenten('partner')).toEqual(['GM9901']);
    expect(await gemeenten('viewer')).toEqual(['GM9903']);
    expect(await gemeenten('analyst')).toEqual(['GM9901', 'GM9902', 'GM9903']);
    const national = (await (
      await sessions.get('inspector')!.fetch('/api/map?level=buurt&indicator=a_inw')
    ).json()) as { features: Array<{ properties: { code: string } }> };
    expect(national.features.length).toBeGreaterThan(0);
    expect(national.features.every((f) => f.properties.code.startsWith('BU9902'))).toBe(true);
  });

  test('a gemeente around a wijk scope is an aggregate: its own figures, only the wijk inside', async () => {
    // A scope of one wijk: made through the admin API, then logged in with its password.
    const admin = sessions.get('admin')!;
    const created = (await (
      await admin.fetch('/api/users', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          email: 'wijkagent@demo-test.nl',
          name: 'Wijkagent',
          organisation: 'gemeente-duinrand',
          role: 'viewer',
          scope: ['WK990101'],
        }),
      })
    ).json()) as { password: string };
    const agent = await login(server.url, 'wijkagent@demo-test.nl', created.password);
    const profile = (await (await agent.fetch('/api/areas/GM9901')).json()) as {
      access: string;
      children: Array<{ code: string }>;
      series: unknown[];
    };
    expect(profile.access).toBe('aggregate');
    expect(profile.children.map((c) => c.code)).toEqual(['WK990101']);
    expect(profile.series.length).toBeGreaterThan(0);
    expect((await agent.fetch('/api/areas/WK990102')).status).toBe(403);
    expect((await agent.fetch('/api/areas/BU99010101')).status).toBe(200);
  });
});
