import { useCallback, useEffect, useState } from 'react';
import { fetchJson } from '../api-client.js';

export interface QueryState<T> {
  /** The newest data; while a new URL loads, the previous URL's data (see `stale`). */
  data: T | undefined;
  /** True when `data` belongs to an earlier URL. */
  stale: boolean;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

// Responses are kept for the session: navigating back to a view shows it at once.
const cache = new Map<string, unknown>();

/**
 * Fetch a URL and keep the result; a new URL aborts the request in flight so a quick switch
 * of indicator never shows the answer to the previous question. `null` fetches nothing.
 */
export function useQuery<T>(url: string | null): QueryState<T> {
  const [state, setState] = useState<{ url: string | null; data?: T; error?: Error; loading: boolean }>(() => ({
    url,
    data: url ? (cache.get(url) as T | undefined) : undefined,
    loading: url !== null && !cache.has(url),
  }));
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (url === null) {
      setState({ url, loading: false });
      return;
    }
    if (cache.has(url) && attempt === 0) {
      setState({ url, data: cache.get(url) as T, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ url, data: previous.data, loading: true }));
    fetchJson<T>(url, controller.signal).then(
      (data) => {
        cache.set(url, data);
        setState({ url, data, loading: false });
      },
      (error: Error) => {
        if (error.name !== 'AbortError') setState({ url, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [url, attempt]);

  const reload = useCallback(() => {
    if (url) cache.delete(url);
    setAttempt((n) => n + 1);
  }, [url]);
  const current = state.url === url;
  return {
    data: state.data,
    stale: !current || (state.loading && state.data !== undefined),
    error: current ? state.error : undefined,
    loading: !current || state.loading,
    reload,
  };
}
