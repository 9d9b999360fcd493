import { createRequire } from 'node:module';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | undefined;

/**
 * sql.js, initialised once per process. The wasm file is taken from node_modules beside the
 * package's own entry (locateFile), so reading a GeoPackage never needs the network.
 * @example const SQL = await loadSqlJs(); const db = new SQL.Database(bytes);
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    const dist = path.dirname(createRequire(import.meta.url).resolve('sql.js'));
    loading = initSqlJs({ locateFile: (file: string) => path.join(dist, file) });
    // A failed load (missing wasm) should be retried next time, not cached forever.
    loading.catch(() => (loading = undefined));
  }
  return loading;
}
