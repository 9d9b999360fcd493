import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { downloadResource } from './download.js';
import { getJson, type FetchFunction } from './http.js';
import { openDataResources } from './resources.js';
import { redactUrl } from './url.js';

const answer = (body: string, init: ResponseInit = {}): FetchFunction =>
  (async () => new Response(body, init)) as FetchFunction;

describe('getJson', () => {
  const url = 'http://wfs.test/ows?service=WFS&typeNames=lbm3:buurtscore23';

  test('JSON body: parsed, with its size', async () => {
    await expect(getJson('x', url, { timeoutMs: 1000, fetch: answer('{"a":1}') })).resolves.toEqual(
      {
        document: { a: 1 },
        bytes: 7,
      },
    );
  });

  test('HTTP error: status and the server’s own reason, URL named', async () => {
    const xml = `<?xml version="1.0"?><ows:ExceptionReport><ows:Exception><ows:ExceptionText>Feature type lbm3:buurtscore23 unknown</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`;
    const error = await getJson('leefbaarometer', url, {
      timeoutMs: 1000,
      fetch: answer(xml, { status: 400, statusText: 'Bad Request' }),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'download_failed',
      message: `Download of leefbaarometer failed: HTTP 400 Bad Request: Feature type lbm3:buurtscore23 unknown (${url})`,
      details: { status: 400, url, resource: 'leefbaarometer' },
    });
  });

  test('a body that is not JSON, and an empty one', async () => {
    await expect(
      getJson('x', url, {
        timeoutMs: 1000,
        fetch: answer('<html>maintenance</html>', { headers: { 'content-type': 'text/html' } }),
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/HTTP 200 but the body is not JSON \(text\/html/),
    });
    await expect(getJson('x', url, { timeoutMs: 1000, fetch: answer('') })).rejects.toMatchObject({
      message: expect.stringMatching(/not JSON \(.*, empty\)/),
    });
  });

  test('network errors and timeouts in words', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
      });
    }) as FetchFunction;
    await expect(getJson('x', url, { timeoutMs: 1000, fetch: refused })).rejects.toMatchObject({
      message: expect.stringMatching(/network error \(connection refused, ECONNREFUSED\)/),
    });
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      })) as FetchFunction;
    await expect(getJson('x', url, { timeoutMs: 50, fetch: hanging })).rejects.toMatchObject({
      code: 'download_failed',
      message: expect.stringMatching(/timeout/),
    });
  });
});

describe('redactUrl', () => {
  test('drops user info and credential-like query values, keeps the rest as sent', () => {
    expect(
      redactUrl('https://u:p@host.test/ows?typeNames=lbm3:x&$format=json&api_key=s3cret&token=t'),
    ).toBe('https://host.test/ows?typeNames=lbm3:x&$format=json&api_key=REDACTED&token=REDACTED');
    expect(redactUrl('https://host.test/odata/85984NED/TypedDataSet?$format=json')).toBe(
      'https://host.test/odata/85984NED/TypedDataSet?$format=json',
    );
  });
});

describe('downloadResource', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const wijken = openDataResources(2024, {
    cbsOdataUrl: 'http://t/cbs',
    pdokUrl: 'http://t/pdok',
    lbmUrl: 'http://t/lbm',
  }).resources.find((r) => r.name === 'wijken')!;
  const full = (n: number, from = 0) => ({
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      properties: { i: from + i },
      geometry: null,
    })),
  });

  test('a failure on page 2 leaves neither a .part nor a file; a complete file is then kept', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-fetch-'));
    let calls = 0;
    const failing = (async () => {
      calls += 1;
      return calls === 1
        ? Response.json(full(1000))
        : new Response('boom', { status: 503, statusText: 'Service Unavailable' });
    }) as FetchFunction;
    await expect(
      downloadResource(wijken, dir, { timeoutMs: 1000, force: false, fetch: failing }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/HTTP 503 Service Unavailable: boom .*startIndex=1000\)$/),
    });
    expect(fs.readdirSync(dir)).toEqual([]);

    const ok = (async (url: string) =>
      Response.json(url.endsWith('startIndex=0') ? full(1000) : full(5, 1000))) as FetchFunction;
    const first = await downloadResource(wijken, dir, { timeoutMs: 1000, force: false, fetch: ok });
    expect(first).toMatchObject({ status: 'fetched', items: 1005, pages: 2 });
    expect(fs.readdirSync(dir)).toEqual(['cbs-2024-wijken.geojson']);
    const parsed = JSON.parse(fs.readFileSync(first.path, 'utf8')) as { features: unknown[] };
    expect(parsed.features).toHaveLength(1005);
    expect(first.bytes).toBe(fs.statSync(first.path).size);

    const second = await downloadResource(wijken, dir, {
      timeoutMs: 1000,
      force: false,
      fetch: failing,
    });
    expect(second).toMatchObject({ status: 'kept', bytes: first.bytes, items: null });
  });
});
