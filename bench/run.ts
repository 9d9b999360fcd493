/**
 * `npm run bench`: national scale on the embedded database. Loads the real 12,147 buurt
 * polygons of the Leefbaarometer 2024 (shared/data) into PGlite, starts the real server on it
 * and measures the map endpoint for one gemeente and for the whole country, against a naive
 * baseline (full geometry re-encoded and gzipped per request) in the same run. Last, the need
 * ranking of all buurten with 1,000 Monte Carlo draws against PostgreSQL's own percent_rank()
 * ranking (bench/ranking.ts, which also runs alone: `npx tsx bench/ranking.ts`). After it, the cost
 * of recomputing a large corporation's own figures in every edit's transaction, against a single
 * edit's own work (bench/own-figures.ts, also alone: `npx tsx bench/own-figures.ts`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, startServerProcess } from '../test/helpers/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.BUURTBALANS_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');
const FILE = path.join(DATA, 'leefbaarometer-2024', 'lbm2024_buurt_nl.geojson');
const TARGETS = { gemeenteGzipKb: 300, nationalGzipMb: 6, nationalP95Ms: 500, rssMb: 700 };

if (!fs.existsSync(FILE)) {
  console.error(`Benchmark data not found: ${FILE} (set BUURTBALANS_SHARED_DATA)`);
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-'));
const dataDir = path.join(dir, 'data');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
console.log(
  `Buurtbalans benchmark — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  `Input: ${path.relative(root, FILE)} (${(fs.statSync(FILE).size / 2 ** 20).toFixed(1)} MB)\n`,
);

function child<T>(script: string, args: string[]): T {
  const out = spawnSync(tsx, [path.join(root, 'bench', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (out.status !== 0) {
    console.error(out.stderr || out.stdout);
    process.exit(1);
  }
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as T;
}

interface ImportFigures {
  kind: string;
  engine: string;
  seconds: number;
  rows: number;
  values: number;
  peakRssMb: number;
}

// Part 1: imports with the real importers, into PGlite and into the PostgreSQL server.
const POPULATION = path.join(DATA, 'cbs-kwb-2024', 'kwb2024_bevolking_buurt.csv');
const populationOptions = JSON.stringify({
  mapping: {
    code: 'bu_code',
    year: 2024,
    source: 'CBS 85984NED',
    columns: { aantal_inwoners: 'a_inw' },
  },
});
const pgUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const imports: ImportFigures[] = [];
imports.push(child<ImportFigures>('import-one.ts', ['leefbaarometer', FILE, dataDir]));
imports.push(
  child<ImportFigures>('import-one.ts', ['table', POPULATION, dataDir, populationOptions]),
);
const benchDb = `bb_bench_${process.pid}`;
let pgAvailable = false;
try {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${benchDb}`);
  await admin.end();
  pgAvailable = true;
} catch (error) {
  console.log(`(PostgreSQL server not used: ${(error as Error).message})`);
}
if (pgAvailable) {
  const url = new URL(pgUrl);
  url.pathname = `/${benchDb}`;
  try {
    imports.push(child<ImportFigures>('import-one.ts', ['leefbaarometer', FILE, url.toString()]));
    imports.push(
      child<ImportFigures>('import-one.ts', [
        'table',
        POPULATION,
        url.toString(),
        populationOptions,
      ]),
    );
  } finally {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${benchDb}`);
    await admin.end();
  }
}
const load = {
  baseline: child<{
    gemeente: { medianMs: number; gzipBytes: number };
    national: { medianMs: number; gzipBytes: number };
  }>('naive-map.ts', [dataDir]),
};
const dbBytes = Number(
  execFileSync('du', ['-sb', path.join(dataDir, 'pgdata')], { encoding: 'utf8' }).split('\t')[0],
);

// The map needs a session: an analyst of a corporation (figures as stored, every area).
const cliEnv = { BUURTBALANS_DATA_DIR: dataDir };
runCli(
  ['organisations', 'add', '--key', 'bench', '--name', 'Bench', '--kind', 'corporation'],
  cliEnv,
);
const account = runCli(
  [
    'users',
    'add',
    '--email',
    'bench@bench.example',
    '--name',
    'Bench',
    '--organisation',
    'bench',
    '--role',
    'analyst',
    '--all-areas',
    '--json',
  ],
  cliEnv,
);
if (account.status !== 0) throw new Error(`users add: ${account.stderr}`);
const { password } = JSON.parse(account.stdout) as { password: string };
runCli(
  [
    'organisations',
    'add',
    '--key',
    'bench-huurders',
    '--name',
    'Huurders',
    '--kind',
    'huurdersorganisatie',
  ],
  cliEnv,
);
const tenantAccount = runCli(
  [
    'users',
    'add',
    '--email',
    'huurder@bench.example',
    '--name',
    'Huurder',
    '--organisation',
    'bench-huurders',
    '--role',
    'tenant',
    '--all-areas',
    '--json',
  ],
  cliEnv,
);
const tenantPassword = (JSON.parse(tenantAccount.stdout) as { password: string }).password;
const server = await startServerProcess({ BUURTBALANS_DATA_DIR: dataDir });
const loginResponse = await fetch(`${server.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: 'bench@bench.example', password }),
});
if (!loginResponse.ok) throw new Error(`login: ${loginResponse.status}`);
const cookie = (loginResponse.headers.get('set-cookie') ?? '').split(';')[0]!;
const tenantLogin = await fetch(`${server.url}/api/auth/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ email: 'huurder@bench.example', password: tenantPassword }),
});
const tenantCookie = (tenantLogin.headers.get('set-cookie') ?? '').split(';')[0]!;
const rss = () => {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
};
const idle = rss();

async function measure(query: string, session = cookie) {
  const url = `${server.url}/api/map?${query}`;
  const timed = async () => {
    const s = performance.now();
    const response = await fetch(url, { headers: { 'Accept-Encoding': 'gzip', Cookie: session } });
    // Count the bytes on the wire: read the raw body without decoding.
    const bytes = (await response.arrayBuffer()).byteLength;
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return { ms: performance.now() - s, bytes, encoding: response.headers.get('content-encoding') };
  };
  const cold = await timed();
  const warm: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 50; i += 1) {
    const r = await timed();
    warm.push(r.ms);
    bytes = r.bytes;
  }
  warm.sort((a, b) => a - b);
  return { coldMs: cold.ms, p50: warm[24]!, p95: warm[47]!, bytes, encoding: cold.encoding };
}

// fetch() decodes gzip transparently but arrayBuffer() then holds the decoded body; measure the
// wire size with a raw HTTP request instead.
async function wireBytes(query: string): Promise<number> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/api/map?${query}`,
      { headers: { 'Accept-Encoding': 'gzip', Cookie: cookie } },
      (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => resolve(n));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const gemeenteQuery = 'level=buurt&parent=GM0518&indicator=lbm_afw&zoom=12';
const nationalQuery = 'level=buurt&indicator=lbm_afw&zoom=7';
const gemeente = await measure(gemeenteQuery);
const national = await measure(nationalQuery);
// A restricted viewer (disclosure control, a scope filter) gets layers of its own.
const restricted = await measure(nationalQuery.replace('lbm_afw', 'a_inw'), tenantCookie);
const restrictedBaseline = await measure(nationalQuery.replace('lbm_afw', 'a_inw'));
const gemeenteWire = await wireBytes(gemeenteQuery);
const nationalWire = await wireBytes(nationalQuery);
// Uncached: every distinct layer is built from the database once. 13 Leefbaarometer indicators
// (figures and classes) × 3 detail levels, each requested for the first time.
const KEYS = ['afw', 'won', 'fys', 'vrz', 'soc', 'onv']
  .flatMap((d) => [`lbm_${d}`, `lbm_${d}_class`])
  .concat('lbm_score_class');
async function uncached(scope: string, zooms: number[]) {
  const times: number[] = [];
  for (const zoom of zooms) {
    for (const key of KEYS) {
      const s = performance.now();
      await wireBytes(`${scope}&indicator=${key}&zoom=${zoom}`);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  return {
    n: times.length,
    p50: times[Math.floor(times.length / 2)]!,
    p95: times[Math.ceil(times.length * 0.95) - 1]!,
  };
}
const nationalUncached = await uncached('level=buurt', [6, 10, 13]);
const gemeenteUncached = await uncached('level=buurt&parent=GM0518', [9, 13]);
const steady = rss();
await server.stop();
fs.rmSync(dir, { recursive: true, force: true });

// Last: the need ranking, in its own process (its time and memory its own, no server running).
const ranking = child<{ rows: Array<[string, string, string]> }>('ranking.ts', ['--json']);
// And the corporation's own figures (refreshOwnFigures), also in a process of its own.
const ownFigures = child<{ rows: Array<[string, string, string]> }>('own-figures.ts', ['--json']);

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(2)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
const rows: Array<[string, string, string]> = [
  ...imports.map((i): [string, string, string] => {
    const pglite = imports.find((j) => j.kind === i.kind && j.engine === 'pglite')!;
    const isLbm = i.kind === 'leefbaarometer';
    return [
      `import ${isLbm ? 'Leefbaarometer GeoJSON (national)' : 'CBS population table'} → ${i.engine}`,
      `${i.seconds.toFixed(1)} s`,
      `${Math.round(i.rows / i.seconds).toLocaleString('en-GB')} rows/s, ${Math.round(i.values / i.seconds).toLocaleString('en-GB')} values/s; peak RSS ${i.peakRssMb} MB` +
        (isLbm
          ? `; target ≤ 20 s and ≤ 1,536 MB: ${ok(i.seconds <= 20 && i.peakRssMb <= 1536)}`
          : '') +
        (i.engine === 'postgres'
          ? `; PGlite takes ×${(pglite.seconds / i.seconds).toFixed(2)} as long`
          : ''),
    ];
  }),
  ['database size (pgdata)', mb(dbBytes), ''],
  [
    'gemeente (Den Haag, 110 buurten) payload',
    kb(gemeenteWire),
    `target ≤ ${TARGETS.gemeenteGzipKb} KB: ${ok(gemeenteWire <= TARGETS.gemeenteGzipKb * 1024)}; baseline ${kb(load.baseline.gemeente.gzipBytes)} (×${(load.baseline.gemeente.gzipBytes / gemeenteWire).toFixed(1)})`,
  ],
  [
    'gemeente cached p50 / p95 (50 calls)',
    `${ms(gemeente.p50)} / ${ms(gemeente.p95)}`,
    `cold ${ms(gemeente.coldMs)}; naive baseline ${ms(load.baseline.gemeente.medianMs)} per call in-process (no HTTP)`,
  ],
  [
    'national payload (zoom 7)',
    mb(nationalWire),
    `target ≤ ${TARGETS.nationalGzipMb} MB: ${ok(nationalWire <= TARGETS.nationalGzipMb * 2 ** 20)}; baseline ${mb(load.baseline.national.gzipBytes)} (×${(load.baseline.national.gzipBytes / nationalWire).toFixed(1)})`,
  ],
  [
    'national cached p50 / p95 (50 calls)',
    `${ms(national.p50)} / ${ms(national.p95)}`,
    `target p95 ≤ ${TARGETS.nationalP95Ms} ms: ${ok(national.p95 <= TARGETS.nationalP95Ms)}; naive baseline ${ms(load.baseline.national.medianMs)} per call in-process (×${(load.baseline.national.medianMs / national.p50).toFixed(0)} slower)`,
  ],
  [
    'national a_inw, restricted viewer, cached p50 / p95',
    `${ms(restricted.p50)} / ${ms(restricted.p95)}`,
    `first call ${ms(restricted.coldMs)}; the analyst's same layer ${ms(restrictedBaseline.p50)} p50 (×${(restricted.p50 / restrictedBaseline.p50).toFixed(2)})`,
  ],
  [
    'national uncached p50 / p95',
    `${ms(nationalUncached.p50)} / ${ms(nationalUncached.p95)}`,
    `${nationalUncached.n} distinct layers (13 indicators × 3 details); first call after start ${ms(national.coldMs)}; target p95 ≤ ${TARGETS.nationalP95Ms} ms: ${ok(nationalUncached.p95 <= TARGETS.nationalP95Ms)}`,
  ],
  [
    'gemeente uncached p50 / p95',
    `${ms(gemeenteUncached.p50)} / ${ms(gemeenteUncached.p95)}`,
    `${gemeenteUncached.n} distinct layers`,
  ],
  [
    'server RSS: idle / steady / peak',
    `${idle.rssMb} / ${steady.rssMb} / ${steady.peakMb} MB`,
    `target steady ≤ ${TARGETS.rssMb} MB: ${ok(steady.rssMb <= TARGETS.rssMb)}`,
  ],
  ...ranking.rows,
  ...ownFigures.rows,
];
const width = Math.max(...rows.map((r) => r[0].length));
const width2 = Math.max(...rows.map((r) => r[1].length));
for (const [label, value, note] of rows)
  console.log(`${label.padEnd(width)}  ${value.padStart(width2)}  ${note}`);
