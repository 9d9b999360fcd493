import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, runCli, type CliResult } from '../helpers/cli.js';

/**
 * `fetch-open-data` against a local stand-in for the three services, serving the real files of
 * /work/shared/data (read-only, never copied into the repository) the way the services do:
 * - CBS OData: `WijkenEnBuurten` from WijkenEnBuurten_odata.csv and `TypedDataSet` built from
 *   kwb2024_bevolking_buurt.csv, 10,000 rows per answer with `odata.nextLink` ($skip);
 * - PDOK WFS: `wijken` from the 7-gemeenten wijk file; `buurten` from the Leefbaarometer
 *   7-gemeenten buurt polygons with PDOK's attribute names (buurtcode, buurtnaam, …) and no
 *   scores, so every resource completes and the failure cases are injected on purpose;
 * - Leefbaarometer WFS: `lbm3:buurtscore24` from the 7-gemeenten buurt file.
 * Both WFS stand-ins cap a page at 100 features whatever `count` asks (as real servers cap at
 * their maximum) and report `numberMatched` like GeoServer, so every layer comes in pages.
 * The CLI runs as a child process (asynchronously: the server lives in this process).
 *
 * The Leefbaarometer file of shared/data has flattened properties (bu_code, bu_naam, jaar); the
 * live layer names them differently as far as public clients show (id, name, gemeente, year), so
 * the import at the end proves the fetched file's form, not the live service's attribute names.
 */

const DATA = '/work/shared/data';
const WFS_PAGE = 100;
const ODATA_PAGE = 10_000;

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. Empty unquoted → null. */
function parseCsv(text: string): Array<Record<string, string | null>> {
  const rows: Array<Array<string | null>> = [];
  let row: Array<string | null> = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  const src = text.replace(/^\uFEFF/, '');
  const endField = () => {
    row.push(quoted || field !== '' ? field : null);
    field = '';
    quoted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') {
      inQuotes = true;
      quoted = true;
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || quoted || row.length > 0) {
    endField();
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => !(r.length === 1 && r[0] === null));
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h!, r[i] ?? null])));
}

interface FeatureCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }>;
}
const readGeoJson = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8')) as FeatureCollection;

interface Failure {
  /** typeNames (WFS) or the OData entity set this applies to. */
  target: string;
  from?: number;
  kind: 'status' | 'xml' | 'hang';
  status?: number;
}

function openDataServer() {
  const regions = parseCsv(
    fs.readFileSync(path.join(DATA, 'cbs-kwb-2024/WijkenEnBuurten_odata.csv'), 'utf8'),
  );
  const typed = parseCsv(
    fs.readFileSync(path.join(DATA, 'cbs-kwb-2024/kwb2024_bevolking_buurt.csv'), 'utf8'),
  ).map((r, i) => ({
    ID: i,
    WijkenEnBuurten: r.bu_code!.padEnd(10),
    Gemeentenaam_1: (r.gm_naam ?? '').padEnd(40),
    SoortRegio_2: 'Buurt     ',
    Codering_3: r.bu_code!.padEnd(10),
    AantalInwoners_5: r.aantal_inwoners === null ? null : Number(r.aantal_inwoners),
  }));
  const lbm = readGeoJson('leefbaarometer-2024/lbm2024_buurt_7gemeenten.geojson');
  const wijken = readGeoJson('cbs-wijkgrenzen-2024/wijk_2024_7gemeenten_wgs84.geojson');
  const buurten: FeatureCollection = {
    type: 'FeatureCollection',
    features: lbm.features.map((f) => ({
      type: 'Feature',
      properties: {
        buurtcode: f.properties.bu_code,
        buurtnaam: f.properties.bu_naam,
        wijkcode: f.properties.wk_code,
        gemeentecode: f.properties.gm_code,
        gemeentenaam: f.properties.gm_naam,
      },
      geometry: f.geometry,
    })),
  };
  const layers: Record<
    string,
    { prefix: string; format: string; features: FeatureCollection['features'] }
  > = {
    wijken: { prefix: '/pdok/2024/wfs/v1_0', format: 'json', features: wijken.features },
    buurten: { prefix: '/pdok/2024/wfs/v1_0', format: 'json', features: buurten.features },
    'lbm3:buurtscore24': {
      prefix: '/lbm3/ows',
      format: 'application/json',
      features: lbm.features,
    },
  };
  const state = { requests: [] as string[], failure: null as Failure | null };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, `http://${req.headers.host}`);
    state.requests.push(req.url!);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const q = url.searchParams;
    const odata = /^\/cbs\/85984NED\/(WijkenEnBuurten|TypedDataSet)$/.exec(url.pathname);
    const target = odata ? odata[1]! : (q.get('typeNames') ?? '');
    const position = odata ? Number(q.get('$skip') ?? 0) : Number(q.get('startIndex'));
    const failure = state.failure;
    if (failure && failure.target === target && position >= (failure.from ?? 0)) {
      if (failure.kind === 'hang') return; // never answers; the client's timeout must end it
      if (failure.kind === 'xml') {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          '<?xml version="1.0"?><ows:ExceptionReport><ows:Exception><ows:ExceptionText>Could not locate feature type</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
        );
        return;
      }
      res.writeHead(failure.status ?? 500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
      return;
    }

    if (odata) {
      if (q.get('$format') !== 'json') return json(400, { error: 'expected $format=json' });
      const rows = odata[1] === 'WijkenEnBuurten' ? regions : typed;
      const skip = Number(q.get('$skip') ?? 0);
      const page = rows.slice(skip, skip + ODATA_PAGE);
      const base = `http://${req.headers.host}/cbs/85984NED`;
      return json(200, {
        'odata.metadata': `${base}/$metadata#Cbs.OData.WebAPI.${odata[1]}`,
        value: page,
        ...(skip + ODATA_PAGE < rows.length
          ? { 'odata.nextLink': `${base}/${odata[1]}?$format=json&$skip=${skip + ODATA_PAGE}` }
          : {}),
      });
    }

    const layer = layers[target];
    const expected = {
      service: 'WFS',
      version: '2.0.0',
      request: 'GetFeature',
      outputFormat: layer?.format,
      srsName: 'EPSG:4326',
    };
    const wrong = Object.entries(expected).find(([k, v]) => q.get(k) !== v);
    if (
      !layer ||
      url.pathname !== layer.prefix ||
      wrong ||
      !q.has('count') ||
      !q.has('startIndex')
    ) {
      res.writeHead(400, { 'content-type': 'text/xml' });
      res.end(
        `<ows:ExceptionReport><ows:Exception><ows:ExceptionText>bad request ${wrong?.[0] ?? target}</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`,
      );
      return;
    }
    const start = Number(q.get('startIndex'));
    const count = Math.min(Number(q.get('count')), WFS_PAGE);
    const features = layer.features.slice(start, start + count);
    return json(200, {
      type: 'FeatureCollection',
      features,
      totalFeatures: layer.features.length,
      numberMatched: layer.features.length,
      numberReturned: features.length,
      timeStamp: '2024-11-21T17:39:00Z',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
    });
  });
  return { server, state, counts: { regions: regions.length, typed: typed.length } };
}

/** The real bin, asynchronously (the stand-in server runs in this process). */
function runCliAsync(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: path.resolve(path.dirname(BIN), '..'),
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

describe('buurtbalans fetch-open-data against local stand-ins of CBS, PDOK and Leefbaarometer', () => {
  let stub: ReturnType<typeof openDataServer>;
  let tmp: string;
  let env: Record<string, string>;
  const dir = () => path.join(tmp, 'open-data');
  const file = (name: string) => path.join(dir(), name);

  beforeAll(async () => {
    stub = openDataServer();
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}`;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-fetch-'));
    env = {
      BUURTBALANS_CBS_ODATA_URL: `${base}/cbs`,
      BUURTBALANS_PDOK_URL: `${base}/pdok/`,
      BUURTBALANS_LBM_URL: `${base}/lbm3/ows`,
      BUURTBALANS_DATA_DIR: path.join(tmp, 'data'),
    };
  });
  afterAll(async () => {
    stub.server.closeAllConnections();
    await new Promise((resolve) => stub.server.close(resolve));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('fetches all five resources of 2024, merges the pages and names the imports in order', async () => {
    stub.state.requests.length = 0;
    const result = await runCliAsync(['fetch-open-data', '--year', '2024', '--to', dir()], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(fs.readdirSync(dir()).sort()).toEqual([
      'cbs-2024-buurten.geojson',
      'cbs-2024-kerncijfers-85984NED.json',
      'cbs-2024-regions.json',
      'cbs-2024-wijken.geojson',
      'lbm-2024-buurt.geojson',
    ]);

    const regions = readJson<{ 'odata.metadata': string; value: Array<Record<string, unknown>> }>(
      file('cbs-2024-regions.json'),
    );
    expect(regions.value).toHaveLength(18_310);
    expect(stub.counts.regions).toBe(18_310);
    expect(regions['odata.metadata']).toMatch(/WijkenEnBuurten$/);
    expect(regions).not.toHaveProperty('odata.nextLink');
    expect(regions.value[0]).toEqual({
      Key: 'NL00      ',
      Title: 'Nederland',
      Description: null,
      Municipality: '',
      DetailRegionCode: '',
    });
    expect(regions.value.at(-1)!.Key).toMatch(/^BU\d{4}\w{4}$/);
    const kerncijfers = readJson<{
      value: Array<{ WijkenEnBuurten: string; AantalInwoners_5: number }>;
    }>(file('cbs-2024-kerncijfers-85984NED.json'));
    expect(kerncijfers.value).toHaveLength(14_574);
    expect(
      kerncijfers.value.find((r) => r.WijkenEnBuurten === 'BU03920301')?.AantalInwoners_5,
    ).toBeGreaterThan(0);

    const geo = (name: string) => readJson<FeatureCollection & Record<string, unknown>>(file(name));
    const wijken = geo('cbs-2024-wijken.geojson');
    expect(wijken.features).toHaveLength(112);
    expect(wijken).not.toHaveProperty('numberMatched');
    expect(wijken.crs).toEqual({
      type: 'name',
      properties: { name: 'urn:ogc:def:crs:EPSG::4326' },
    });
    const buurten = geo('cbs-2024-buurten.geojson');
    expect(buurten.features).toHaveLength(370);
    const lbm = geo('lbm-2024-buurt.geojson');
    expect(lbm.features).toHaveLength(370);
    expect(new Set(lbm.features.map((f) => f.properties.bu_code)).size).toBe(370);

    // Pages: OData 2 + 2 (10,000 rows each), wijken 2 (100 + 12), buurten and LBM 4 each.
    const count = (pattern: RegExp) => stub.state.requests.filter((r) => pattern.test(r)).length;
    expect(count(/WijkenEnBuurten/)).toBe(2);
    expect(count(/TypedDataSet/)).toBe(2);
    expect(count(/typeNames=wijken&/)).toBe(2);
    expect(count(/typeNames=buurten&/)).toBe(4);
    expect(count(/typeNames=lbm3:buurtscore24&/)).toBe(4);
    expect(stub.state.requests).toContain(
      '/pdok/2024/wfs/v1_0?service=WFS&version=2.0.0&request=GetFeature&typeNames=buurten&outputFormat=json&srsName=EPSG:4326&count=1000&startIndex=300',
    );

    expect(result.stdout).toMatch(
      /regions\s+cbs-2024-regions\.json\s+[\d.]+ MB\s+18,310 rows in 2 pages/,
    );
    expect(result.stdout).toMatch(
      /leefbaarometer\s+lbm-2024-buurt\.geojson\s+\d+ kB\s+370 features in 4 pages/,
    );
    const next = result.stdout.split('Next, import in this order:\n')[1]!.trim().split('\n');
    expect(next.map((l) => l.trim().split(' ').slice(0, 3).join(' '))).toEqual([
      'buurtbalans import regions',
      'buurtbalans import boundaries',
      'buurtbalans import boundaries',
      'buurtbalans import statline',
      'buurtbalans import leefbaarometer',
    ]);
    expect(next[0]).toContain(`${file('cbs-2024-regions.json')} --year 2024`);
  });

  test('a second run keeps the complete files and asks nothing; --force fetches again', async () => {
    stub.state.requests.length = 0;
    const again = await runCliAsync(
      ['fetch-open-data', '--year', '2024', '--to', dir(), '--json'],
      env,
    );
    expect(again.status).toBe(0);
    expect(stub.state.requests).toEqual([]);
    const summary = JSON.parse(again.stdout) as {
      files: Array<{ name: string; status: string }>;
      next: string[][];
    };
    expect(summary.files.map((f) => f.status)).toEqual(['kept', 'kept', 'kept', 'kept', 'kept']);
    expect(summary.next).toHaveLength(5);

    const before = fs.readFileSync(file('lbm-2024-buurt.geojson'));
    const forced = await runCliAsync(
      [
        'fetch-open-data',
        '--year',
        '2024',
        '--to',
        dir(),
        '--only',
        'leefbaarometer,wijken',
        '--force',
        '--json',
      ],
      env,
    );
    expect(forced.status).toBe(0);
    const refetched = JSON.parse(forced.stdout) as {
      files: Array<{ name: string; status: string; items: number; pages: number }>;
    };
    expect(refetched.files).toEqual([
      expect.objectContaining({ name: 'wijken', status: 'fetched', items: 112, pages: 2 }),
      expect.objectContaining({ name: 'leefbaarometer', status: 'fetched', items: 370, pages: 4 }),
    ]);
    expect(stub.state.requests).toHaveLength(6);
    expect(fs.readFileSync(file('lbm-2024-buurt.geojson')).equals(before)).toBe(true);
  });

  test('a 500 halfway stops with one line naming URL and status; no .part; earlier files stay', async () => {
    const failDir = path.join(tmp, 'failing');
    stub.state.failure = { target: 'buurten', from: 200, kind: 'status', status: 500 };
    try {
      const result = await runCliAsync(['fetch-open-data', '--year', '2024', '--to', failDir], env);
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^buurtbalans: Download of buurten failed: HTTP 500 Internal Server Error/,
      );
      expect(lines[0]).toContain(
        `(${env.BUURTBALANS_PDOK_URL}2024/wfs/v1_0?service=WFS&version=2.0.0&request=GetFeature&typeNames=buurten&outputFormat=json&srsName=EPSG:4326&count=1000&startIndex=200)`,
      );
      expect(fs.readdirSync(failDir).sort()).toEqual([
        'cbs-2024-kerncijfers-85984NED.json',
        'cbs-2024-regions.json',
        'cbs-2024-wijken.geojson',
      ]);
      expect(
        readJson<FeatureCollection>(path.join(failDir, 'cbs-2024-wijken.geojson')).features,
      ).toHaveLength(112);
    } finally {
      stub.state.failure = null;
    }
    const resumed = await runCliAsync(
      ['fetch-open-data', '--year', '2024', '--to', failDir, '--json'],
      env,
    );
    expect(resumed.status).toBe(0);
    const summary = JSON.parse(resumed.stdout) as { files: Array<{ status: string }> };
    expect(summary.files.map((f) => f.status)).toEqual([
      'kept',
      'kept',
      'kept',
      'fetched',
      'fetched',
    ]);
  });

  test('an answer that is not JSON, and a server that does not answer in time, fail alike', async () => {
    const other = path.join(tmp, 'other');
    stub.state.failure = { target: 'lbm3:buurtscore24', kind: 'xml' };
    try {
      const xml = await runCliAsync(
        ['fetch-open-data', '--year', '2024', '--to', other, '--only', 'leefbaarometer', '--json'],
        env,
      );
      expect(xml.status).toBe(1);
      expect(xml.stderr.trim()).toMatch(
        /^buurtbalans: Download of leefbaarometer failed: HTTP 200 but the body is not JSON \(text\/xml: Could not locate feature type\) \(http:.*startIndex=0\)$/,
      );
      const json = JSON.parse(xml.stdout) as { files: unknown[]; error: { code: string } };
      expect(json).toMatchObject({ files: [], error: { code: 'download_failed' } });

      stub.state.failure = { target: 'TypedDataSet', from: 10_000, kind: 'hang' };
      const slow = await runCliAsync(
        ['fetch-open-data', '--year', '2024', '--to', other, '--only', 'kerncijfers'],
        {
          ...env,
          BUURTBALANS_FETCH_TIMEOUT_SECONDS: '1',
        },
      );
      expect(slow.status).toBe(1);
      expect(slow.stderr.trim()).toMatch(
        /kerncijfers failed: no complete answer within 1 s \(timeout\) \(.*\$skip=10000\)$/,
      );
      expect(fs.readdirSync(other)).toEqual([]);
    } finally {
      stub.state.failure = null;
    }
  });

  test('usage errors: missing --year, an unknown --only name', async () => {
    const noYear = await runCliAsync(['fetch-open-data', '--to', dir()], env);
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toMatch(/needs --year/);
    const only = await runCliAsync(
      ['fetch-open-data', '--year', '2024', '--to', dir(), '--only', 'streets'],
      env,
    );
    expect(only.status).toBe(2);
    expect(only.stderr).toMatch(
      /--only takes names from regions, kerncijfers, wijken, buurten, leefbaarometer, not "streets"/,
    );
  });

  test('the fetched region list and Leefbaarometer file import with the real importers', () => {
    const regions = runCli(
      ['import', 'regions', file('cbs-2024-regions.json'), '--year', '2024'],
      env,
    );
    expect(regions.stderr).toBe('');
    expect(regions.status).toBe(0);
    expect(regions.stdout).toMatch(/Region list 2024: 342 gemeenten, 3393 wijken, 14574 buurten/);
    const lbm = runCli(['import', 'leefbaarometer', file('lbm-2024-buurt.geojson')], env);
    expect(lbm.stderr).toBe('');
    expect(lbm.status).toBe(0);
    expect(lbm.stdout).toMatch(
      /Imported lbm-2024-buurt\.geojson \(leefbaarometer, release lbm3-2024, boundary year 2024\)/,
    );
    expect(lbm.stdout).toMatch(/codes not matched\s+0/);
  }, 240_000);
});
