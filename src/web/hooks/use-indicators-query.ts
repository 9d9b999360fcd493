import type { Indicator } from '../../domain/indicators/indicator.js';
import { useQuery } from './use-query.js';

export const useIndicatorsQuery = () => useQuery<{ indicators: Indicator[] }>('/api/indicators');
