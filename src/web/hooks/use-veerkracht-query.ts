import type {
  MissingInput,
  VeerkrachtAreaResult,
  VeerkrachtResult,
} from '../../domain/veerkracht/compute-veerkracht.js';
import type { VeerkrachtConfig } from '../../domain/veerkracht/veerkracht-config.js';
import { apiUrl } from '../api-client.js';
import { useQuery } from './use-query.js';

export type { MissingInput };

export type VeerkrachtArea = VeerkrachtAreaResult & { name: string };

/** GET /api/veerkracht (services/veerkracht.ts). */
export interface VeerkrachtResponse extends Omit<VeerkrachtResult, 'areas'> {
  areas: VeerkrachtArea[];
  config: VeerkrachtConfig;
  level: 'buurt' | 'wijk';
  boundaryYear: number;
}

export interface VeerkrachtParams {
  from: number;
  to: number;
  level: 'buurt' | 'wijk';
}

export const useVeerkrachtQuery = (params: VeerkrachtParams | null) =>
  useQuery<VeerkrachtResponse>(
    params
      ? apiUrl('/api/veerkracht', { from: params.from, to: params.to, level: params.level })
      : null,
  );
