import { describe, expect, test } from 'vitest';
import type { Principal } from './principal.js';
import { areaAccess, can, dataViewOf, dataViewKey, seesUnsuppressed } from './policy.js';
import { PERMISSIONS, ROLES, type Role } from './roles.js';

const principal = (
  role: Role,
  kind: 'corporation' | 'gemeente' | 'huurdersorganisatie' = 'corporation',
  codes: string[] = [],
): Principal => ({
  kind: 'user',
  userId: 1,
  email: 'x@example.nl',
  name: 'X',
  role,
  organisation: { id: 1, key: 'org', name: 'Org', kind },
  scope: { all: codes.length === 0, codes },
});

describe('can', () => {
  test('nobody without a session may do anything', () => {
    for (const p of PERMISSIONS) expect(can(null, p)).toBe(false);
  });

  test('the matrix: who may manage users, import, comment, agree and read records', () => {
    const table = Object.fromEntries(
      ROLES.map((r) => [
        r,
        ['users:manage', 'imports:write', 'comments:write', 'comments:agree', 'records:read']
          .filter((p) => can(principal(r), p as never))
          .join(' '),
      ]),
    );
    expect(table).toEqual({
      admin: 'users:manage imports:write comments:write comments:agree records:read',
      analyst: 'imports:write comments:write comments:agree records:read',
      inspector: 'comments:write records:read',
      partner: 'comments:write records:read',
      tenant: '',
      viewer: 'records:read',
    });
  });

  test('every role reads figures and comments', () => {
    for (const r of ROLES) {
      expect(can(principal(r), 'figures:read')).toBe(true);
      expect(can(principal(r), 'comments:read')).toBe(true);
    }
  });
});

describe('areaAccess', () => {
  const wijk = { all: false, codes: ['WK039201'] };
  const gemeente = { all: false, codes: ['GM0392'] };
  test.each([
    [wijk, 'WK039201', 'full'],
    [wijk, 'BU03920101', 'full'],
    [wijk, 'BU03920201', 'none'],
    [wijk, 'WK039202', 'none'],
    [wijk, 'GM0392', 'aggregate'],
    [wijk, 'NL00', 'aggregate'],
    [wijk, 'GM0363', 'none'],
    [gemeente, 'BU0392AA01', 'full'],
    [gemeente, 'GM0392', 'full'],
    [gemeente, 'GM0393', 'none'],
    [gemeente, 'not a code', 'none'],
    [{ all: false, codes: [] }, 'NL00', 'none'],
    [{ all: true, codes: [] }, 'BU03630000', 'full'],
  ] as const)('%j sees %s: %s', (scope, code, expected) => {
    expect(areaAccess(scope, code)).toBe(expected);
  });

  test('letter codes stay inside their gemeente', () => {
    expect(areaAccess({ all: false, codes: ['WK0363AA'] }, 'BU0363AA01')).toBe('full');
    expect(areaAccess({ all: false, codes: ['WK0363AA'] }, 'BU0363AB01')).toBe('none');
  });
});

describe('disclosure control applies to everyone but the corporation’s analysts', () => {
  test.each([
    ['admin', 'corporation', false],
    ['analyst', 'corporation', false],
    ['analyst', 'gemeente', true],
    ['inspector', 'corporation', true],
    ['partner', 'gemeente', true],
    ['tenant', 'huurdersorganisatie', true],
    ['viewer', 'corporation', true],
  ] as const)('%s at a %s: restricted %s', (role, kind, restricted) => {
    expect(seesUnsuppressed(principal(role, kind))).toBe(!restricted);
    expect(dataViewOf(principal(role, kind)).restricted).toBe(restricted);
  });

  test('an administrator sees every area whatever the stored scope; views differ by key', () => {
    expect(dataViewOf(principal('admin', 'corporation', ['GM0392'])).scope.all).toBe(true);
    const a = dataViewKey(dataViewOf(principal('partner', 'gemeente', ['GM0392', 'GM0363'])));
    const b = dataViewKey(dataViewOf(principal('partner', 'gemeente', ['GM0363', 'GM0392'])));
    expect(a).toBe(b);
    expect(a).not.toBe(dataViewKey(dataViewOf(principal('analyst', 'corporation'))));
  });
});
