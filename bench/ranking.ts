/**
 * The ranking benchmark: the need ranking of all 12,147 buurten of the Leefbaarometer 2024 on
 * 20 indicators, with 1,000 Monte Carlo draws and without, against the same deterministic
 * ranking computed by PostgreSQL itself with `percent_rank()` window functions
 * (src/db/queries/sql-ranking-queries.ts), on the PostgreSQL server and on PGlite, in the same
 * run; and a check that the SQL ranks equal the engine's.
 *
 * The engine runs as the application runs it, computeRankingFast (src/services/
 * ranking-compute.ts: the draws shared with a worker thread), and on one thread,
 * computeRanking (src/domain/ranking/compute-ranking.ts); the two results must be identical.
 * Two methods: the default (theme scores are the weighted means of need) and the same with
 * anti-compensation (theme means re-ranked to percentiles, the IMD transform), which ranks
 * four themes more per draw.
 *
 * Run alone: `npx tsx bench/ranking.ts` prints its figures (about a minute and a half).
 * `npm run bench` (bench/run.ts) runs it as a child with `--json`: one JSON line, the table
 * rows included.
 *
 * The indicators (bench/ranking-input.ts): the six real Leefbaarometer figures of each buurt,
 * topped up with fourteen deterministic synthetic ones to twenty in four themes. The PostgreSQL
 * server is BENCH_DATABASE_URL ?? TEST_DATABASE_URL ?? postgres://postgres@127.0.0.1:5432/test;
 * a database of its own is created and dropped.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { openDatabase, openPGliteMemory, type DatabaseHandle } from '../src/db/database.js';
import {
  createRankingBenchSchema,
  dropRankingBenchSchema,
  loadRankingBenchData,
  rankByPercentRank,
  type SqlRankingRow,
} from '../src/db/queries/sql-ranking-queries.js';
import {
  computeRanking,
  type RankingAreaInput,
  type RankingResult,
} from '../src/domain/ranking/compute-ranking.js';
import type { MethodDefinition } from '../src/domain/ranking/method.js';
import { computeRankingFast } from '../src/services/ranking-compute.js';
import { BENCH_METHOD, buildBenchAreas } from './ranking-input.js';
import { resetPeakRss, statusMb } from './memory.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.BUURTBALANS_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');
const FILE = path.join(DATA, 'leefbaarometer-2024', 'lbm2024_buurt_nl.geojson');
const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const TARGET_SECONDS = 3;
const DRAWS = BENCH_METHOD.uncertainty.draws;
const json = process.argv.includes('--json');

if (!fs.existsSync(FILE)) {
  console.error(`Benchmark data not found: ${FILE} (set BUURTBALANS_SHARED_DATA)`);
  process.exit(2);
}

const VARIANTS: Array<{ name: string; method: MethodDefinition }> = [
  { name: 'default', method: BENCH_METHOD },
  {
    name: 'anti-compensation',
    method: { ...BENCH_METHOD, key: 'bench-nationaal-imd', antiCompensation: true },
  },
];

// ---------------------------------------------------------------------------------------------
// Measuring tools.

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Memory {
  /** RSS with the inputs read (after a GC), and the peak RSS during one ranking (MB). */
  rssBeforeMb: number;
  peakRssMb: number;
  /** False where the kernel's peak mark could not be reset: the peak is then the process's. */
  peakResettable: boolean;
  /** Heap growth at the end of the ranking, and what the result keeps after a GC (MB). */
  heapAtEndMb: number;
  retainedHeapMb: number;
}

/**
 * The memory of one ranking, in a process of its own (`--memory one|two <inputs.json>`): the
 * process reads the areas from a JSON file, not the 14 MB GeoJSON, so little freed heap is
 * lying around for the ranking to reuse unseen.
 */
async function memoryChild(threads: string, file: string): Promise<Memory> {
  const inputs = JSON.parse(fs.readFileSync(file, 'utf8')) as RankingAreaInput[];
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBeforeMb = statusMb('VmRSS');
  const peakResettable = resetPeakRss();
  const result =
    threads === 'two'
      ? await computeRankingFast(BENCH_METHOD, inputs, { draws: DRAWS })
      : computeRanking(BENCH_METHOD, inputs, { draws: DRAWS });
  const peakRssMb = statusMb('VmHWM');
  const heapAtEndMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  gc();
  const retainedHeapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  if (result.ranked === 0) throw new Error('nothing ranked');
  return { rssBeforeMb, peakRssMb, peakResettable, heapAtEndMb, retainedHeapMb };
}

function memoryOf(threads: 'one' | 'two', file: string): Memory {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const script = fileURLToPath(import.meta.url);
  const out = spawnSync(tsx, [script, '--memory', threads, file], { cwd: root, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`memory child: ${out.stderr || out.stdout}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as Memory;
}

const memoryMode = process.argv.indexOf('--memory');
if (memoryMode >= 0) {
  console.log(
    JSON.stringify(await memoryChild(process.argv[memoryMode + 1]!, process.argv[memoryMode + 2]!)),
  );
  process.exit(0);
}

interface Timed {
  seconds: number[];
  /** CPU time of the whole process, every thread (s). */
  cpuSeconds: number[];
}

/** `runs` timed calls; the first result goes to `inspect`, and no result is kept. */
async function timed(
  runs: number,
  call: () => RankingResult | Promise<RankingResult>,
  inspect: (result: RankingResult) => void,
): Promise<Timed> {
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    gc();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await call();
    seconds.push((performance.now() - started) / 1000);
    const used = process.cpuUsage(cpu);
    cpuSeconds.push((used.user + used.system) / 1e6);
    if (run === 0) inspect(result);
  }
  return { seconds, cpuSeconds };
}

/** A digest of a whole result, to compare results without holding two at once. */
function digest(result: RankingResult): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const progress = (message: string) => {
  if (!json) process.stderr.write(`${message}\n`);
};

// ---------------------------------------------------------------------------------------------
// The engine.

const areas = buildBenchAreas(FILE);
const indicatorCount = BENCH_METHOD.indicators.length;
const themeCount = new Set(BENCH_METHOD.indicators.map((i) => i.theme)).size;
const valueCount = areas.reduce(
  (s, a) => s + Object.values(a.values).filter((v) => v != null).length,
  0,
);
// Other processes on the machine slow the ranking down: say how busy it was.
const loadAverage = os.loadavg()[0]!;

interface EngineFigures {
  name: string;
  oneThread: Timed;
  twoThreads: Timed;
  nominal: Timed;
  /** computeRankingFast's result equals computeRanking's (the same JSON). */
  threadsIdentical: boolean;
  /** Nominal ranks of the 1,000-draw run that differ from those without draws. */
  drawRunDiffers: number;
  /** Ranked areas whose rank lies outside its own interval. */
  intervalOutside: number;
  ranked: number;
  notRanked: number;
  rank: Map<string, number>;
  total: Map<string, number>;
}

async function measureEngine(name: string, method: MethodDefinition): Promise<EngineFigures> {
  const rank = new Map<string, number>();
  const total = new Map<string, number>();
  let ranked = 0;
  let notRanked = 0;
  const nominal = await timed(
    5,
    () => computeRanking(method, areas, { draws: 0 }),
    (result) => {
      ({ ranked, notRanked } = result);
      for (const area of result.areas) {
        if (area.rank === null) continue;
        rank.set(area.code, area.rank);
        total.set(area.code, area.score!);
      }
    },
  );
  progress(`${name}, no draws: ${nominal.seconds.map((t) => t.toFixed(3)).join(', ')} s`);

  let drawRunDiffers = 0;
  let intervalOutside = 0;
  let oneDigest = '';
  const oneThread = await timed(
    3,
    () => computeRanking(method, areas, { draws: DRAWS }),
    (result) => {
      oneDigest = digest(result);
      for (const area of result.areas) {
        if (area.rank === null) continue;
        if (rank.get(area.code) !== area.rank) drawRunDiffers += 1;
        if (!(area.rankLow! <= area.rank && area.rank <= area.rankHigh!)) intervalOutside += 1;
      }
    },
  );
  progress(`${name}, one thread: ${oneThread.seconds.map((t) => t.toFixed(2)).join(', ')} s`);

  let twoDigest = '';
  const twoThreads = await timed(
    3,
    () => computeRankingFast(method, areas, { draws: DRAWS }),
    (result) => {
      twoDigest = digest(result);
    },
  );
  progress(`${name}, two threads: ${twoThreads.seconds.map((t) => t.toFixed(2)).join(', ')} s`);

  return {
    name,
    oneThread,
    twoThreads,
    nominal,
    threadsIdentical: oneDigest === twoDigest,
    drawRunDiffers,
    intervalOutside,
    ranked,
    notRanked,
    rank,
    total,
  };
}

const engines: EngineFigures[] = [];
for (const variant of VARIANTS) engines.push(await measureEngine(variant.name, variant.method));

// Memory: one ranking (default method, 1,000 draws) per process, one and two threads.
const inputsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-ranking-'));
const memory = { one: null as Memory | null, two: null as Memory | null };
try {
  const inputsFile = path.join(inputsDir, 'areas.json');
  fs.writeFileSync(inputsFile, JSON.stringify(areas));
  memory.one = memoryOf('one', inputsFile);
  memory.two = memoryOf('two', inputsFile);
  progress(`memory: ${JSON.stringify(memory)}`);
} finally {
  fs.rmSync(inputsDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// The SQL baseline: the same values in a table, the same ranking by percent_rank().

interface SqlFigures {
  engine: 'postgres' | 'pglite';
  loadSeconds: number;
  variants: Array<{
    name: string;
    querySeconds: number[];
    ranked: number;
    /** Ranked areas whose SQL rank equals the engine's. */
    rankMatches: number;
    /** Ranked by one side only, or ranked differently. */
    rankMismatches: number;
    maxTotalDifference: number;
  }>;
}

const valueRows = { codes: [] as string[], keys: [] as string[], values: [] as number[] };
for (const area of areas) {
  for (const [key, entry] of Object.entries(area.values)) {
    if (entry == null) continue;
    valueRows.codes.push(area.code);
    valueRows.keys.push(key);
    valueRows.values.push(entry.value);
  }
}

function compare(rows: SqlRankingRow[], engine: EngineFigures) {
  let rankMatches = 0;
  let maxTotalDifference = 0;
  for (const row of rows) {
    if (engine.rank.get(row.code) === row.rank) rankMatches += 1;
    const total = engine.total.get(row.code);
    if (total !== undefined) {
      maxTotalDifference = Math.max(maxTotalDifference, Math.abs(total - row.total));
    }
  }
  const ranked = new Set([...engine.rank.keys(), ...rows.map((row) => row.code)]);
  return { rankMatches, rankMismatches: ranked.size - rankMatches, maxTotalDifference };
}

async function sqlBaseline(handle: DatabaseHandle): Promise<SqlFigures> {
  try {
    await createRankingBenchSchema(handle.db);
    const started = performance.now();
    await loadRankingBenchData(handle.db, BENCH_METHOD.indicators, valueRows);
    const loadSeconds = (performance.now() - started) / 1000;
    const variants: SqlFigures['variants'] = [];
    for (const [v, variant] of VARIANTS.entries()) {
      const querySeconds: number[] = [];
      let rows: SqlRankingRow[] = [];
      for (let run = 0; run < 3; run += 1) {
        const s = performance.now();
        rows = await rankByPercentRank(handle.db, {
          minWeightShare: variant.method.completeness.minWeightShare,
          antiCompensation: variant.method.antiCompensation,
        });
        querySeconds.push((performance.now() - s) / 1000);
      }
      progress(
        `${handle.engine}, ${variant.name}: ${querySeconds.map((t) => t.toFixed(3)).join(', ')} s`,
      );
      variants.push({
        name: variant.name,
        querySeconds,
        ranked: rows.length,
        ...compare(rows, engines[v]!),
      });
    }
    return { engine: handle.engine, loadSeconds, variants };
  } finally {
    await dropRankingBenchSchema(handle.db).catch(() => undefined);
    await handle.close();
  }
}

const sqlRuns: SqlFigures[] = [];
const skipped: string[] = [];
const benchDb = `bb_bench_ranking_${process.pid}`;
let serverReady = false;
try {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${benchDb}`);
  await admin.end();
  serverReady = true;
} catch (error) {
  skipped.push(`PostgreSQL server not used: ${(error as Error).message}`);
}
if (serverReady) {
  const url = new URL(PG_URL);
  url.pathname = `/${benchDb}`;
  try {
    const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '', migrate: false });
    sqlRuns.push(await sqlBaseline(handle));
  } finally {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${benchDb}`);
    await admin.end();
  }
}
sqlRuns.push(await sqlBaseline(await openPGliteMemory()));

// ---------------------------------------------------------------------------------------------
// Report.

const count = (n: number) => n.toLocaleString('en-GB');
const secs = (n: number) => (n < 0.1 ? `${n.toFixed(3)} s` : `${n.toFixed(2)} s`);
const list = (xs: number[]) => xs.map((t) => t.toFixed(2)).join(' / ');
const mb = (n: number) => `${Math.round(n)} MB`;
const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
const names = { postgres: 'PostgreSQL server', pglite: 'PGlite (in memory)' };
const cores = os.cpus().length;
const rows: Array<[string, string, string]> = [];
const memoryNote = (m: Memory) =>
  `${mb(m.peakRssMb)} peak RSS, +${mb(m.peakRssMb - m.rssBeforeMb)} over the ${mb(m.rssBeforeMb)} with the inputs read` +
  (m.peakResettable ? '' : ' (peak of the whole process: the peak mark could not be reset)') +
  `, heap +${mb(m.heapAtEndMb)} at the end`;

for (const [v, engine] of engines.entries()) {
  const what = v === 0 ? '' : ` (${engine.name})`;
  const fast = median(engine.twoThreads.seconds);
  const one = median(engine.oneThread.seconds);
  const nominal = median(engine.nominal.seconds);
  if (v === 0) {
    rows.push([
      `ranking ${count(areas.length)} buurten × ${indicatorCount} indicators, ${count(DRAWS)} draws`,
      secs(fast),
      `computeRankingFast (2 threads), median of 3 (${list(engine.twoThreads.seconds)} s); target ≤ ${TARGET_SECONDS} s: ${ok(fast <= TARGET_SECONDS)}; ` +
        `CPU ${median(engine.twoThreads.cpuSeconds).toFixed(2)} s; load average ${loadAverage.toFixed(1)} on ${cores} cores; ` +
        `${themeCount} themes, ${count(valueCount)} values; ${count(engine.ranked)} ranked, ${count(engine.notRanked)} not (incomplete)`,
    ]);
  } else {
    rows.push([
      `ranking${what}, ${count(DRAWS)} draws`,
      secs(fast),
      `computeRankingFast (2 threads), median of 3 (${list(engine.twoThreads.seconds)} s); target ≤ ${TARGET_SECONDS} s: ${ok(fast <= TARGET_SECONDS)}`,
    ]);
  }
  rows.push([
    `ranking${what}, ${count(DRAWS)} draws, one thread`,
    secs(one),
    `computeRanking, median of 3 (${list(engine.oneThread.seconds)} s); CPU ${median(engine.oneThread.cpuSeconds).toFixed(2)} s; ` +
      `2 threads ×${(one / fast).toFixed(2)} as fast, result identical: ${engine.threadsIdentical ? 'yes' : 'NO'}`,
  ]);
  if (v === 0) {
    rows.push([
      `ranking memory, ${count(DRAWS)} draws`,
      `${mb(memory.two!.peakRssMb)}`,
      `a process of its own, two threads: ${memoryNote(memory.two!)}; one thread: ${memoryNote(memory.one!)}; ` +
        `the result keeps ${mb(memory.one!.retainedHeapMb)} of heap`,
    ]);
  }
  rows.push([
    `ranking${what}, no draws`,
    secs(nominal),
    `median of 5; nominal ranks equal to the ${count(DRAWS)}-draw run's: ${count(engine.ranked - engine.drawRunDiffers)}/${count(engine.ranked)}; ` +
      `rank inside its interval: ${count(engine.ranked - engine.intervalOutside)}/${count(engine.ranked)}`,
  ]);
  for (const run of sqlRuns) {
    const sqlRun = run.variants[v]!;
    const q = median(sqlRun.querySeconds);
    rows.push([
      `${names[run.engine]} percent_rank()${what}, no draws`,
      secs(q),
      `median of 3 (${list(sqlRun.querySeconds)} s${v === 0 ? `; load of ${count(valueRows.codes.length)} values ${run.loadSeconds.toFixed(1)} s not counted` : ''}); ` +
        `engine without draws ×${(nominal / q).toFixed(2)} of its time, with ${count(DRAWS)} draws ×${(fast / q).toFixed(1)}; ` +
        `ranks identical to the engine: ${count(sqlRun.rankMatches)}/${count(engine.ranked)}` +
        (sqlRun.rankMismatches > 0 ? ` (${count(sqlRun.rankMismatches)} differ)` : '') +
        `, largest total difference ${sqlRun.maxTotalDifference.toExponential(1)}`,
    ]);
  }
}
for (const note of skipped) rows.push(['(skipped)', '', note]);

if (json) {
  console.log(
    JSON.stringify({
      buurten: areas.length,
      indicators: indicatorCount,
      values: valueCount,
      loadAverage,
      memory,
      engines: engines.map(({ rank: _rank, total: _total, ...e }) => e),
      sql: sqlRuns,
      rows,
    }),
  );
} else {
  const width = Math.max(...rows.map((r) => r[0].length));
  const width2 = Math.max(...rows.map((r) => r[1].length));
  for (const [name, value, note] of rows) {
    console.log(`${name.padEnd(width)}  ${value.padStart(width2)}  ${note}`);
  }
}
