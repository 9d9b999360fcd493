import { useQuery } from './use-query.js';

export interface ImportRun {
  id: number;
  kind: string;
  fileName: string | null;
  sha256: string | null;
  rows: number | null;
  status: 'running' | 'succeeded' | 'failed';
  messages: Array<{ level: 'info' | 'warning' | 'error'; text: string }>;
  summary: Record<string, unknown>;
  startedAt: string;
  finishedAt: string | null;
}

export const useImportRunsQuery = () => useQuery<{ importRuns: ImportRun[] }>('/api/import-runs');
