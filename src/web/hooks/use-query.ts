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
  /** Raised by every load: an answer to an older load is dropped. */
  generation: number;
}

/**
 * A tiny query store: one entry per URL, fetched when first watched, kept for the session so
 * that going back to a view shows it at once. Components read it through
 * useSyncExternalStore, so a slow answer to an old question never overwrites a newer one.
 */
const entries = new Map<string, Entry>();
const IDLE: Snapshot = { loading: false };
// Answers nobody watches are kept for going back, but not forever: a national layer is large.
const KEEP_UNWATCHED = 24;

function entryFor(url: string): Entry {
  let entry = entries.get(url);
  if (!entry) entries.set(url, (entry = { snapshot: IDLE, listeners: new Set(), generation: 0 }));
  return entry;
}

function evictUnwatched() {
  const unwatched = [...entries].filter(([, e]) => e.listeners.size === 0);
  for (const [url] of unwatched.slice(0, Math.max(0, unwatched.length - KEEP_UNWATCHED)))
    entries.delete(url);
}

function publish(entry: Entry, snapshot: Snapshot) {
  entry.snapshot = snapshot;
  for (const listener of entry.listeners) listener();
}

function load(url: string, entry: Entry) {
  const generation = ++entry.generation;
  publish(entry, { ...entry.snapshot, loading: true, error: undefined });
  fetchJson<unknown>(url).then(
    (data) => generation === entry.generation && publish(entry, { data, loading: false }),
    (error: Error) => generation === entry.generation && publish(entry, { error, loading: false }),
  );
}

function subscribe(url: string, listener: () => void): () => void {
  // Move to the end: the map's insertion order doubles as least-recently-used order.
  const entry = entryFor(url);
  entries.delete(url);
  entries.set(url, entry);
  entry.listeners.add(listener);
  if (entry.snapshot === IDLE) load(url, entry);
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size > 0) return;
    // A failure is not remembered: coming back to the view tries again.
    if (entry.snapshot.error) entries.delete(url);
    evictUnwatched();
  };
}

/**
 * Forget every answer: what the API returns depends on who is logged in. Answers still being
 * watched are fetched again; the rest are dropped.
 */
export function clearQueries(): void {
  for (const [url, entry] of [...entries]) {
    if (entry.listeners.size > 0) load(url, entry);
    else {
      entry.generation += 1;
      entries.delete(url);
    }
  }
}

/**
 * Forget the answers under these paths after a change elsewhere (a saved scenario changes the
 * budget lists; an adopted one the map's figures too): watched ones load again, the rest go.
 */
export function invalidateQueries(prefixes: readonly string[]): void {
  for (const [url, entry] of [...entries]) {
    if (!prefixes.some((p) => url.startsWith(p))) continue;
    if (entry.listeners.size > 0) load(url, entry);
    else {
      entry.generation += 1;
      entries.delete(url);
    }
  }
}

/** What a change to the corporation's stock, budget or spending makes stale. */
export const OWN_DATA_QUERIES = [
  '/api/budget',
  '/api/stock',
  '/api/map',
  '/api/areas',
  '/api/indicators',
];

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
