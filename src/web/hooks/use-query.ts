import { useCallback, useState, useSyncExternalStore } from 'react';
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

interface Snapshot {
  data?: unknown;
  error?: Error;
  loading: boolean;
}

interface Entry {
  snapshot: Snapshot;
  listeners: Set<() => void>;
}

/**
 * A tiny query store: one entry per URL, fetched when first watched, kept for the session so
 * that going back to a view shows it at once. Components read it through
 * useSyncExternalStore, so a slow answer to an old question never overwrites a newer one.
 */
const entries = new Map<string, Entry>();
const IDLE: Snapshot = { loading: false };

function entryFor(url: string): Entry {
  let entry = entries.get(url);
  if (!entry) entries.set(url, (entry = { snapshot: IDLE, listeners: new Set() }));
  return entry;
}

function publish(entry: Entry, snapshot: Snapshot) {
  entry.snapshot = snapshot;
  for (const listener of entry.listeners) listener();
}

function load(url: string, entry: Entry) {
  publish(entry, { ...entry.snapshot, loading: true, error: undefined });
  fetchJson<unknown>(url).then(
    (data) => publish(entry, { data, loading: false }),
    (error: Error) => publish(entry, { error, loading: false }),
  );
}

function subscribe(url: string, listener: () => void): () => void {
  const entry = entryFor(url);
  entry.listeners.add(listener);
  if (entry.snapshot === IDLE) load(url, entry);
  return () => entry.listeners.delete(listener);
}

/** Fetch a URL (null: nothing) and watch its answer. */
export function useQuery<T>(url: string | null): QueryState<T> {
  const subscribeUrl = useCallback(
    (listener: () => void) => (url ? subscribe(url, listener) : () => {}),
    [url],
  );
  const snapshot = useSyncExternalStore(subscribeUrl, () => (url ? entryFor(url).snapshot : IDLE));
  // Keep showing the previous answer while the next one loads (no flash of empty map).
  const [previous, setPrevious] = useState<{ url: string | null; data: unknown }>({
    url: null,
    data: undefined,
  });
  if (snapshot.data !== undefined && previous.url !== url)
    setPrevious({ url, data: snapshot.data });
  const reload = useCallback(() => {
    if (url) load(url, entryFor(url));
  }, [url]);
  const current = snapshot.data !== undefined;
  return {
    data: (current ? snapshot.data : snapshot.error ? undefined : previous.data) as T | undefined,
    stale: !current && previous.data !== undefined && !snapshot.error,
    error: snapshot.error,
    loading: url !== null && (snapshot.loading || snapshot === IDLE),
    reload,
  };
}
