import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { bodyText, ResponseCache } from './response-cache.js';

describe('ResponseCache', () => {
  test('keeps bodies gzipped, returns them for the same version only', () => {
    const cache = new ResponseCache(1_000_000);
    const entry = cache.set('a', 1, '{"x":1}');
    expect(gunzipSync(entry.gzipped).toString()).toBe('{"x":1}');
    expect(bodyText(entry)).toBe('{"x":1}');
    expect(cache.get('a', 1)).toBe(entry);
    expect(cache.get('a', 2)).toBeNull();
    expect(cache.size).toBe(0);
  });

  test('evicts the least recently used when over its byte bound, and counts bytes exactly', () => {
    const body = (seed: number) =>
      Array.from({ length: 2000 }, (_, i) => (i * seed) % 977).join(',');
    const probe = new ResponseCache(10 ** 9).set('p', 1, body(7)).gzipped.length;
    const cache = new ResponseCache(probe * 2.5);
    cache.set('a', 1, body(7));
    cache.set('b', 1, body(11));
    cache.get('a', 1); // a is now more recent than b
    cache.set('c', 1, body(13));
    expect(cache.get('b', 1)).toBeNull();
    expect(cache.get('a', 1)).not.toBeNull();
    expect(cache.get('c', 1)).not.toBeNull();
    expect(cache.size).toBeLessThanOrEqual(probe * 2.5);
  });

  test('different versions or keys give different ETags', () => {
    const cache = new ResponseCache(10 ** 6);
    const a = cache.set('k', 1, 'same').etag;
    const b = cache.set('k', 2, 'same').etag;
    const c = cache.set('j', 2, 'same').etag;
    expect(new Set([a, b, c]).size).toBe(3);
  });
});
