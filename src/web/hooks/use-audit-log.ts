import { useCallback, useMemo, useState } from 'react';
import { apiUrl, fetchJson } from '../api-client.js';
import { useQuery } from './use-query.js';

export interface AuditEntry {
  id: number;
  at: string;
  actorKind: 'user' | 'cli' | 'system' | 'anonymous';
  actor: string;
  /** The organisation's key. */
  organisation: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export interface AuditFilters {
  action?: string;
  text?: string;
  organisation?: string;
  /** yyyy-mm-dd, inclusive. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE = 50;

/**
 * The audit log under some filters, newest first: the first page through the query store,
 * further pages ("Meer laden") appended with `before` = the last id shown.
 */
export function useAuditLog(filters: AuditFilters) {
  const url = apiUrl('/api/audit', { ...filters, limit: AUDIT_PAGE });
  const first = useQuery<{ entries: AuditEntry[]; actions: string[] }>(url);
  const [more, setMore] = useState<{ url: string; entries: AuditEntry[]; done: boolean }>({
    url,
    entries: [],
    done: false,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error | null>(null);
  // Other filters: the extra pages belonged to the previous ones.
  const extra = useMemo(
    () => (more.url === url ? more : { url, entries: [] as AuditEntry[], done: false }),
    [more, url],
  );
  const firstPage = first.stale ? undefined : first.data?.entries;
  const entries = useMemo(
    () => (firstPage ? [...firstPage, ...extra.entries] : []),
    [firstPage, extra],
  );
  const hasMore = firstPage?.length === AUDIT_PAGE && !extra.done;

  const loadMore = useCallback(async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchJson<{ entries: AuditEntry[] }>(
        apiUrl('/api/audit', { ...filters, limit: AUDIT_PAGE, before: last.id }),
      );
      setMore({
        url,
        entries: [...extra.entries, ...page.entries],
        done: page.entries.length < AUDIT_PAGE,
      });
    } catch (error) {
      setMoreError(error as Error);
    } finally {
      setLoadingMore(false);
    }
  }, [entries, extra.entries, filters, url]);

  const reload = useCallback(() => {
    setMore({ url, entries: [], done: false });
    first.reload();
  }, [first, url]);

  return {
    entries,
    actions: first.data?.actions ?? [],
    loading: first.loading,
    stale: first.stale,
    error: first.error ?? moreError,
    hasMore,
    loadingMore,
    loadMore,
    reload,
  };
}
