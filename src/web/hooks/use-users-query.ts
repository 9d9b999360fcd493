import type { Role } from '../../domain/access/roles.js';
import { useQuery } from './use-query.js';

export interface Organisation {
  key: string;
  name: string;
  kind: string;
}

export interface UserAccount {
  id: number;
  email: string;
  name: string;
  role: Role;
  organisation: Organisation;
  scope: { all: boolean; codes: string[] };
  isDemo: boolean;
  disabled: boolean;
  hasPassword: boolean;
  oidcLinked: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** Every account and the organisations an account can belong to (users:manage). */
export const useUsersQuery = () =>
  useQuery<{ users: UserAccount[]; organisations: Organisation[] }>('/api/users');
