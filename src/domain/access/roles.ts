/**
 * Roles and what each may do. One table, read by the one policy (policy.ts); routes name a
 * permission and never a role, so a change of rights is a change here.
 */

export const ROLES = ['admin', 'analyst', 'inspector', 'partner', 'tenant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = [
  'corporation',
  'gemeente',
  'zorg',
  'welzijn',
  'politie',
  'huurdersorganisatie',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PERMISSIONS = [
  /** Areas, indicators and figures per area (aggregates), within the scope. */
  'figures:read',
  /** Records below the area: complexes, inspections (later issues). Not for tenants. */
  'records:read',
  'comments:read',
  'comments:write',
  /** Mark a shared comment as an agreed conclusion. */
  'comments:agree',
  'imports:read',
  'imports:write',
  'methods:write',
  'budgets:write',
  'users:manage',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['figures:read', 'comments:read'];

export const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  analyst: [
    ...READ,
    'records:read',
    'comments:write',
    'comments:agree',
    'imports:read',
    'imports:write',
    'methods:write',
    'budgets:write',
  ],
  inspector: [...READ, 'records:read', 'comments:write'],
  partner: [...READ, 'records:read', 'comments:write'],
  tenant: READ,
  viewer: [...READ, 'records:read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Dutch labels, for the interface and the printed demo accounts. */
export const ROLE_LABELS_NL: Record<Role, string> = {
  admin: 'beheerder',
  analyst: 'analist / beleid corporatie',
  inspector: 'inspecteur / wijkbeheer',
  partner: 'partner',
  tenant: 'huurdersvertegenwoordiger',
  viewer: 'meekijker',
};
