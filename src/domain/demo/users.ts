import type { Role } from '../access/roles.js';

/** The one password of every demo account; printed on `npm start`, documented in the README. */
export const DEMO_PASSWORD = 'buurtbalans-demo';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  organisationKey: string;
  /** Every area, or these gemeenten. */
  scope: 'all' | string[];
}

/**
 * One account per role, `<role>@demo.buurtbalans.nl`, each at an organisation where that role
 * belongs and with a scope that shows what scopes do: the partner sees only its own gemeente.
 * @example demoUsers().map((u) => u.email)[3] // 'partner@demo.buurtbalans.nl'
 */
export function demoUsers(): DemoUser[] {
  const at = (role: Role) => `${role}@demo.buurtbalans.nl`;
  return [
    {
      email: at('admin'),
      name: 'Anna Beheer',
      role: 'admin',
      organisationKey: 'woonstichting-duinrand',
      scope: 'all',
    },
    {
      email: at('analyst'),
      name: 'Bram Analist',
      role: 'analyst',
      organisationKey: 'woonstichting-duinrand',
      scope: 'all',
    },
    {
      email: at('inspector'),
      name: 'Ines Wijkbeheer',
      role: 'inspector',
      organisationKey: 'woonstichting-duinrand',
      scope: ['GM9902'],
    },
    {
      email: at('partner'),
      name: 'Pieter Gemeente',
      role: 'partner',
      organisationKey: 'gemeente-duinrand',
      scope: ['GM9901'],
    },
    {
      email: at('tenant'),
      name: 'Tineke Huurders',
      role: 'tenant',
      organisationKey: 'huurdersvereniging-duinrand',
      scope: ['GM9901', 'GM9902', 'GM9903'],
    },
    {
      email: at('viewer'),
      name: 'Vera Welzijn',
      role: 'viewer',
      organisationKey: 'welzijn-kreekzand',
      scope: ['GM9903'],
    },
  ];
}
