import type { MethodDefinition } from '../../domain/ranking/method.js';
import { useQuery } from './use-query.js';

/** One stored method version as GET /api/methods returns it. */
export interface StoredMethod {
  id: number;
  key: string;
  version: number;
  name: string;
  builtIn: boolean;
  createdBy: string;
  createdAt: string;
  /** Stored rankings made with this version. */
  rankings: number;
  definition: MethodDefinition;
}

/** Every version of every method, newest version first per key. */
export const useMethodsQuery = () => useQuery<{ methods: StoredMethod[] }>('/api/methods');
