import { createApp } from '../../src/api/app.js';
import type { DatabaseHandle } from '../../src/db/database.js';

/** The real HTTP application on a test database, called in-process. */
export function createTestApp(handle: DatabaseHandle, basemapUrl: string | null = null) {
  const app = createApp({
    db: handle.db,
    engine: handle.engine,
    config: { basemapUrl, basemapAttribution: null, webDir: '/nonexistent-web-dir' },
  });
  return {
    app,
    get: (path: string, headers: Record<string, string> = {}) => app.request(path, { headers }),
    json: async <T = Record<string, unknown>>(path: string) => {
      const response = await app.request(path);
      return {
        status: response.status,
        body: (await response.json()) as T,
        headers: response.headers,
      };
    },
  };
}
