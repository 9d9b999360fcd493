import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  test('defaults: port 3000 on localhost, embedded database in ./data, demo on first start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      basemapUrl: null,
      demo: 'auto',
    });
    expect(config.dataDir).toBe(path.resolve('data'));
  });

  test('empty settings count as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });

  test.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: ' ' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL.*postgres:\/\//],
    [{ BUURTBALANS_BASEMAP_URL: 'not a url' }, /BUURTBALANS_BASEMAP_URL/],
    [{ BUURTBALANS_DEMO: 'maybe' }, /BUURTBALANS_DEMO/],
  ])('%j is refused naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
