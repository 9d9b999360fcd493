import type { OrganisationKind, Role } from './roles.js';

/** Who is asking: a logged-in user, the CLI acting as a local administrator, or the system. */
export interface Principal {
  kind: 'user' | 'cli' | 'system';
  userId: number | null;
  email: string;
  name: string;
  role: Role;
  organisation: { id: number; key: string; name: string; kind: OrganisationKind } | null;
  /** Every area, or the areas inside these gemeente and wijk codes. */
  scope: AreaScope;
}

export interface AreaScope {
  all: boolean;
  /** GM and WK codes. */
  codes: readonly string[];
}

/** The CLI is a local operator tool: administrator rights, recorded as such in the audit log. */
export function cliPrincipal(operator: string): Principal {
  return {
    kind: 'cli',
    userId: null,
    email: `cli:${operator}`,
    name: `CLI (${operator})`,
    role: 'admin',
    organisation: null,
    scope: { all: true, codes: [] },
  };
}

/** The application itself (first-start demo load): recorded as such, never a login. */
export function systemPrincipal(what: string): Principal {
  return { ...cliPrincipal(what), kind: 'system', email: `system:${what}`, name: 'Buurtbalans' };
}
