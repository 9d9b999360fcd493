/**
 * The cost of `refreshOwnFigures` (src/services/own-figures.ts) for a large corporation at
 * national scale, on the embedded database as the server runs it (PGlite in a data directory).
 * Every transaction that changes complexes, spending lines, budget regions, adopted scenarios
 * or imports recomputes the corporation's derived figures whole: this measures what one such
 * refresh costs and what a single edit's own work costs beside it.
 *
 * The database: the real national areas of 2024 (the CBS region list, the 12,147 Leefbaarometer
 * buurt polygons and scores, the CBS inhabitants per buurt), imported from ../shared/data with
 * the real importers. Dwellings (a_woning), the base of the share owned, are not in the shared
 * data at buurt level (the first 2024 KWB release holds population only): every buurt gets an
 * estimate, its gemeente's real CBS dwelling stock of 2023 (cbs-kwb-gemeente-2012-2024) shared
 * out by its real inhabitants; wijken the sum of their buurten, gemeenten the real figure.
 *
 * The corporation is synthetic, deterministic (seeded) and plausible: budget regions over the
 * buurten of 40 gemeenten, 3,000 complexes (10–300 units, mostly small), 20,000 spending lines
 * a year for 5 years on regions, buurten, complexes and lines, and 5 adopted scenarios made by
 * createScenario/adoptScenario from a buurt ranking of the working area (the five Leefbaarometer
 * dimensions, 1,000 draws). Records go in with the queries of src/db/queries, batched.
 *
 * Measured: refreshOwnFigures in its own transaction (median, min and max of 5), the figures it
 * writes, where its time goes (every query timed through Kysely's log), and as baselines in the
 * same run one complex changed through the web's code path (services/stock-edit.ts) and one
 * spending line entered (services/spending.ts), each of which runs the refresh; also the dead
 * rows each refresh leaves behind (PGlite runs no autovacuum) and peak RSS.
 *
 * Run alone: `npx tsx bench/own-figures.ts` (a minute or two). `npm run bench` (bench/run.ts)
 * runs it as a child with `--json`: one JSON line, the table rows included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, sql, type LogEvent, type Transaction } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { PGliteDialect } from '../src/db/pglite-dialect.js';
import { findAreaIds } from '../src/db/queries/area-queries.js';
import {
  insertSpending,
  upsertLine,
  upsertRegion,
  type SpendingInput,
} from '../src/db/queries/budget-queries.js';
import { listAreaTree } from '../src/db/queries/disclosure-queries.js';
import { findIndicatorIds } from '../src/db/queries/indicator-queries.js';
import {
  upsertObservations,
  type ObservationInput,
} from '../src/db/queries/observation-queries.js';
import {
  findNewestFigures,
  listComplexes,
  upsertComplexes,
  type ComplexInput,
} from '../src/db/queries/stock-queries.js';
import type { Database } from '../src/db/tables.js';
import { FULL_VIEW } from '../src/domain/access/policy.js';
import {
  DWELLINGS_INDICATOR,
  OWN_FIGURES_SOURCE,
} from '../src/domain/indicators/corporation-indicators.js';
import { createUniformStream } from '../src/domain/ranking/random.js';
import { adapterFor } from '../src/import/adapters.js';
import type { ImportKind, ImportOptions } from '../src/import/import-plan.js';
import { readInputFile } from '../src/import/input-file.js';
import { runImport } from '../src/import/pipeline.js';
import { readTable } from '../src/import/tabular/read-table.js';
import { adoptScenario, createScenario } from '../src/services/budget-scenarios.js';
import { refreshOwnFigures } from '../src/services/own-figures.js';
import { saveMethod } from '../src/services/ranking-methods.js';
import { createRanking } from '../src/services/rankings.js';
import { enterSpending } from '../src/services/spending.js';
import { refreshStatistics } from '../src/services/statistics.js';
import { prepareCatalogue } from '../src/services/startup.js';
import { changeComplex } from '../src/services/stock-edit.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.BUURTBALANS_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');
const FILES = {
  regions: path.join(DATA, 'cbs-kwb-2024', 'WijkenEnBuurten_odata.csv'),
  lbm: path.join(DATA, 'leefbaarometer-2024', 'lbm2024_buurt_nl.geojson'),
  population: path.join(DATA, 'cbs-kwb-2024', 'kwb2024_bevolking_buurt.csv'),
  gemeenten: path.join(DATA, 'cbs-kwb-gemeente-2012-2024', 'kwb_gemeente_2012_2024_nl.csv'),
};
const json = process.argv.includes('--json');
/** Above this the refresh is worth making incremental (the brief's threshold). */
const TARGET_MS = 300;
const RUNS = 5;
const CORPORATION = {
  gemeenten: 40,
  complexes: 3000,
  linesPerYear: 20_000,
  years: [2022, 2023, 2024, 2025, 2026],
  regions: 10,
};
const BOUNDARY_YEAR = 2024;
const SYSTEM = { actor: null, ip: null };

for (const file of Object.values(FILES)) {
  if (!fs.existsSync(file)) {
    console.error(`Benchmark data not found: ${file} (set BUURTBALANS_SHARED_DATA)`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring tools.

/** Reset the kernel's peak-RSS mark (VmHWM) of this process; false where not allowed. */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function statusMb(key: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return key === 'VmRSS'
      ? process.memoryUsage().rss / 2 ** 20
      : process.resourceUsage().maxRSS / 1024;
  }
}

const progress = (message: string) => {
  if (!json) process.stderr.write(`${message}\n`);
};
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;

interface Timed {
  ms: number[];
  cpuMs: number[];
}

/** `runs` timed calls, one after the other; wall and process CPU time of each (ms). */
async function timed(runs: number, call: (run: number) => Promise<unknown>): Promise<Timed> {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await call(run);
    ms.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { ms, cpuMs };
}

// ---------------------------------------------------------------------------------------------
// The database: real national areas and figures, with the real importers.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-own-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const handle = await openDatabase({ databaseUrl: null, dataDir: path.join(dir, 'data') });
const { db } = handle;
await prepareCatalogue(db);
const setupStarted = performance.now();

async function load(kind: ImportKind, file: string, options: ImportOptions = {}) {
  const started = performance.now();
  const summary = await runImport(db, adapterFor(kind), readInputFile(file), options);
  progress(
    `import ${kind} ${path.basename(file)}: ${summary.rowsRead} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return summary;
}
await load('regions', FILES.regions, { year: BOUNDARY_YEAR });
await load('leefbaarometer', FILES.lbm);
await load('table', FILES.population, {
  mapping: {
    code: 'bu_code',
    year: BOUNDARY_YEAR,
    source: 'CBS 85984NED',
    columns: { aantal_inwoners: 'a_inw' },
  },
});

const tree = await listAreaTree(db, BOUNDARY_YEAR);
const parentOf = new Map(tree.map((a) => [a.code, a.parentCode]));
const buurtenOf = new Map<string, string[]>();
for (const { code } of tree) {
  if (!code.startsWith('BU')) continue;
  const gemeente = parentOf.get(parentOf.get(code) ?? '') ?? '';
  buurtenOf.set(gemeente, [...(buurtenOf.get(gemeente) ?? []), code]);
}
const allBuurten = [...buurtenOf.values()].flat();
const inhabitants = new Map<string, number>();
for (const [code, figure] of await findNewestFigures(db, 'a_inw', allBuurten, BOUNDARY_YEAR))
  if (figure.value !== null) inhabitants.set(code, figure.value);

// Dwellings: the gemeente's real CBS stock of 2023, shared out over its buurten by inhabitants.
const DWELLINGS_YEAR = 2023;
const gemeenteTable = await readTable('kwb-gemeente.csv', fs.readFileSync(FILES.gemeenten));
const column = (name: string) => gemeenteTable.header.indexOf(name);
const stockOfGemeente = new Map<string, number>();
for (const row of gemeenteTable.rows) {
  const stock = Number(row.cells[column('woningvoorraad')]);
  if (Number(row.cells[column('jaar')]) === DWELLINGS_YEAR && row.cells[column('woningvoorraad')])
    stockOfGemeente.set(row.cells[column('gm_code')]!, stock);
}
const dwellings = new Map<string, number>();
for (const [gemeente, buurten] of buurtenOf) {
  const stock = stockOfGemeente.get(gemeente);
  if (stock === undefined) continue;
  const people = buurten.reduce((s, b) => s + (inhabitants.get(b) ?? 0), 0);
  dwellings.set(gemeente, stock);
  for (const buurt of buurten) {
    const estimate = people > 0 ? Math.round((stock * (inhabitants.get(buurt) ?? 0)) / people) : 0;
    dwellings.set(buurt, estimate);
    const wijk = parentOf.get(buurt)!;
    dwellings.set(wijk, (dwellings.get(wijk) ?? 0) + estimate);
  }
}
{
  const areaIds = await findAreaIds(db, BOUNDARY_YEAR);
  const indicatorId = (await findIndicatorIds(db)).get(DWELLINGS_INDICATOR)!;
  await db.transaction().execute((trx) =>
    upsertObservations(
      trx,
      [...dwellings].map(([code, value]) => ({
        areaId: areaIds.get(code)!,
        indicatorId,
        year: DWELLINGS_YEAR,
        value,
        status: 'ok' as const,
        source: 'bench: CBS woningvoorraad 2023 per gemeente, naar inwoners over de buurten',
        sourceRelease: null,
        importRunId: null,
      })),
    ),
  );
}
progress(
  `dwellings: ${dwellings.size} areas (${stockOfGemeente.size} gemeenten with a CBS stock of ${DWELLINGS_YEAR})`,
);

// ---------------------------------------------------------------------------------------------
// The corporation: synthetic, seeded.

const random = createUniformStream(20261207);
const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

// 40 gemeenten of 10–100 buurten (not the four big cities), in a seeded order.
const candidates = [...buurtenOf.keys()]
  .filter((g) => stockOfGemeente.has(g))
  .filter((g) => buurtenOf.get(g)!.length >= 10 && buurtenOf.get(g)!.length <= 100)
  .sort();
for (let i = candidates.length - 1; i > 0; i -= 1) {
  const j = Math.floor(random() * (i + 1));
  [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
}
const gemeenten = candidates.slice(0, CORPORATION.gemeenten).sort();
const workingArea = gemeenten.flatMap((g) => buurtenOf.get(g)!);
const regionSize = Math.ceil(gemeenten.length / CORPORATION.regions);
const regions = Array.from({ length: CORPORATION.regions }, (_, r) => ({
  key: `regio-${String(r + 1).padStart(2, '0')}`,
  name: `Regio ${r + 1}`,
  buurtCodes: gemeenten
    .slice(r * regionSize, (r + 1) * regionSize)
    .flatMap((g) => buurtenOf.get(g)!),
}));
const LINES = [
  { key: 'buurtbeheer', name: 'Buurtbeheer' },
  { key: 'personeel', name: 'Personeel leefbaarheid' },
  { key: 'algemeen', name: 'Algemene kosten' },
];

// Complexes in buurten by their inhabitants; mostly small (median about 20 units).
const populated = workingArea.filter((b) => (inhabitants.get(b) ?? 0) > 0);
const cumulative: number[] = [];
let people = 0;
for (const buurt of populated) cumulative.push((people += inhabitants.get(buurt)!));
const buurtByPeople = () => {
  const target = random() * people;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! > target) high = mid;
    else low = mid + 1;
  }
  return populated[low]!;
};
const complexes: ComplexInput[] = Array.from({ length: CORPORATION.complexes }, (_, i) => {
  const units = Math.round(10 * 30 ** (random() ** 3));
  const daebUnits = random() < 0.08 ? 0 : Math.floor(units * (0.7 + 0.3 * random()));
  return {
    corporationId: `BB-${String(i + 1).padStart(5, '0')}`,
    name: `Complex ${i + 1}`,
    address: `Benchstraat ${i + 1}`,
    postcode: null,
    houseNumber: null,
    houseNumberAddition: null,
    lon: null,
    lat: null,
    buurtCode: buurtByPeople(),
    boundaryYear: BOUNDARY_YEAR,
    placedBy: 'file',
    units,
    daebUnits,
    yearBuilt: int(1950, 2024),
  };
});
await db.transaction().execute(async (trx) => {
  for (const region of regions) await upsertRegion(trx, region);
  for (const line of LINES) await upsertLine(trx, line);
  await upsertComplexes(trx, complexes, null);
});
const stored = await listComplexes(db);
const complexIds = stored.map((c) => c.id);
const lineIds = (await db.selectFrom('budget_line').select('id').execute()).map((l) => l.id);
const regionIds = (await db.selectFrom('budget_region').select('id').execute()).map((r) => r.id);
const totalUnits = complexes.reduce((s, c) => s + c.units, 0);
const totalDaeb = complexes.reduce((s, c) => s + c.daebUnits, 0);
progress(
  `corporation: ${gemeenten.length} gemeenten, ${workingArea.length} buurten in ${regions.length} regions, ${complexes.length} complexes, ${totalUnits} units (${totalDaeb} DAEB)`,
);

// Spending: per year 10 % on regions, 35 % on buurten, 45 % on complexes, 10 % on lines.
const CATEGORIES = ['schoonmaak', 'groenonderhoud', 'buurtinitiatieven', 'veiligheid', 'overlast'];
let spendingLines = 0;
for (const year of CORPORATION.years) {
  const rows: SpendingInput[] = [];
  for (let i = 0; i < CORPORATION.linesPerYear; i += 1) {
    const kind = random();
    const euros = 10 * 500 ** random();
    const cents = Math.round(euros * 100) * (random() < 0.02 ? -1 : 1);
    const day = int(0, 364);
    const date = new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
    rows.push({
      date,
      year: Number(date.slice(0, 4)),
      regionId: kind < 0.1 ? pick(regionIds) : null,
      buurtCode: kind >= 0.1 && kind < 0.45 ? pick(workingArea) : null,
      complexId: kind >= 0.45 && kind < 0.9 ? pick(complexIds) : null,
      lineId: kind >= 0.9 ? pick(lineIds) : null,
      category: pick(CATEGORIES),
      amountCents: cents,
      description: null,
      coveredByAgreements: random() < 0.5,
      createdBy: `import:uitgaven-${year}.xlsx`,
    });
  }
  await db.transaction().execute((trx) => insertSpending(trx, rows, null));
  spendingLines += rows.length;
}
progress(`spending: ${spendingLines} lines`);

// A buurt ranking of the working area and five adopted scenarios, as a user makes them.
const method = await saveMethod(db, SYSTEM, {
  key: 'bench-leefbaarheid',
  name: 'Benchmark: de vijf dimensies van de Leefbaarometer',
  universe: { level: 'buurt', within: gemeenten },
  indicators: [
    { key: 'lbm_onv', weight: 3 },
    { key: 'lbm_won', weight: 2 },
    { key: 'lbm_soc', weight: 2 },
    { key: 'lbm_vrz', weight: 2 },
    { key: 'lbm_fys', weight: 1 },
  ],
});
const rankingStarted = performance.now();
const ranking = await createRanking(db, SYSTEM, {
  method: { key: method.method.key },
  year: BOUNDARY_YEAR,
});
progress(
  `ranking: ${ranking.result.ranked} buurten ranked, ${ranking.result.notRanked} not, ${((performance.now() - rankingStarted) / 1000).toFixed(1)} s`,
);
for (const year of CORPORATION.years) {
  const total = Math.round((totalDaeb * (110 + 3 * (year - 2022))) / 10_000) * 10_000;
  const made = await createScenario(db, SYSTEM, {
    year,
    name: `Begroting ${year}`,
    ranking: ranking.rankingId,
    total,
    fixedLines: {
      buurtbeheer: Math.round(total * 0.12),
      personeel: Math.round(total * 0.18),
      algemeen: Math.round(total * 0.05),
    },
    needWeights: { by: 'class', weights: { 1: 3, 2: 2, 3: 1.5, 4: 1, 5: 1 } },
    basePerDaeb: 20,
  });
  await adoptScenario(db, SYSTEM, made.id);
}
await refreshStatistics(db);
const setupSeconds = (performance.now() - setupStarted) / 1000;
progress(`set up in ${setupSeconds.toFixed(0)} s`);

// ---------------------------------------------------------------------------------------------
// Measurements.

class Rollback extends Error {}
/** Runs `work` in a transaction that is rolled back: a write measured, not kept. */
async function rolledBack(work: (trx: Transaction<Database>) => Promise<unknown>) {
  await db
    .transaction()
    .execute(async (trx) => {
      await work(trx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
}

const observationStats = async () => {
  const row = await sql<{ rows: number; dead: number; bytes: number }>`
    select (select count(*) from observation)::int8 as rows,
      (select n_dead_tup from pg_stat_user_tables where relname = 'observation')::int8 as dead,
      pg_total_relation_size('observation')::int8 as bytes`.execute(db);
  return row.rows[0]!;
};

/** The stored own figures by area, indicator and year: what an edit changed is their difference. */
async function ownFigures(): Promise<Map<string, ObservationInput>> {
  const row = await sql<{ figures: string | null }>`
    select json_agg(json_build_array(area_id, indicator_id, data_year, value, status))::text as figures
    from observation where source = ${OWN_FIGURES_SOURCE}`.execute(db);
  const figures = JSON.parse(row.rows[0]?.figures ?? '[]') as Array<
    [number, number, number, number | null, ObservationInput['status']]
  >;
  return new Map(
    figures.map(([areaId, indicatorId, year, value, status]) => [
      `${areaId}|${indicatorId}|${year}`,
      {
        areaId,
        indicatorId,
        year,
        value,
        status,
        source: OWN_FIGURES_SOURCE,
        sourceRelease: null,
        importRunId: null,
      },
    ]),
  );
}
const changedFigures = (before: Map<string, ObservationInput>, after: typeof before) =>
  [...after].flatMap(([key, f]) => {
    const was = before.get(key);
    return was && was.value === f.value && was.status === f.status ? [] : [f];
  });

const before = await observationStats();
resetPeakRss();
const rssBeforeMb = statusMb('VmRSS');

const count = await timed(RUNS, () => sql`select count(*) from observation`.execute(db));
let written = 0;
const refresh = await timed(RUNS, async () => {
  written = await db.transaction().execute((trx) => refreshOwnFigures(trx));
});
progress(`refresh: ${refresh.ms.map((t) => t.toFixed(0)).join(', ')} ms, ${written} figures`);
const refreshPeakMb = statusMb('VmHWM');
const figuresByKey = await db
  .selectFrom('observation as o')
  .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
  .select(['i.key', (eb) => eb.fn.countAll<number>().as('n')])
  .where('o.source', '=', OWN_FIGURES_SOURCE)
  .groupBy('i.key')
  .orderBy('i.key')
  .execute();

// Where the time goes: the same code through a Kysely on the same database that logs every
// query with its duration; a query is named by the function in src/db/queries that sends it.
const STEPS: Array<[RegExp, string]> = [
  [/^select "id", "key" from "indicator"$/, 'findIndicatorIds'],
  [/^delete from "observation" where "source"/, 'deleteOwnFigures'],
  [/^select \* from "complex" order by "corporation_id"$/, 'listComplexes'],
  [/^select \* from "budget_region" order by/, 'listRegions'],
  [/^select \* from "budget_region_area" order by/, 'listRegions'],
  [/^select max\("boundary_year"\)/, 'findLatestBoundaryYear'],
  [/^select max\("a"\."boundary_year"\)/, 'findLatestBuurtGeometryYear'],
  [/pg_advisory_xact_lock/, 'write lock'],
  [/json_build_array\(code, parent_code\)/, 'listAreaTree'],
  [/from "observation" as "o" inner join "indicator" as "i"/, 'findNewestFigures (a_woning)'],
  [/^select distinct "year" from "spending"/, 'listSpendingYears'],
  [/sum\(s\.amount_cents\)/, 'sumSpendingPerBuurt'],
  [/jsonb_array_elements\(s\.result->'buurten'\)/, 'listAdoptedBuurtAmounts'],
  [/^select "id", "code" from "area" where "boundary_year"/, 'findAreaIds'],
  [/^insert into "observation"/, 'upsertObservations'],
  [/^(begin|commit)$/, 'begin, commit'],
];
const events: Array<{ step: string; ms: number; end: number }> = [];
const traced = new Kysely<Database>({
  dialect: new PGliteDialect(handle.pglite!),
  log: (event: LogEvent) => {
    const text = event.query.sql.trim();
    const step = STEPS.find(([pattern]) => pattern.test(text))?.[1] ?? '(other)';
    events.push({ step, ms: event.queryDurationMillis, end: performance.now() });
  },
});
const tracedStarted = performance.now();
await traced.transaction().execute((trx) => refreshOwnFigures(trx));
const tracedMs = performance.now() - tracedStarted;
const steps = new Map<string, { ms: number; calls: number }>();
for (const e of events) {
  const s = steps.get(e.step) ?? { ms: 0, calls: 0 };
  s.ms += e.ms;
  s.calls += 1;
  steps.set(e.step, s);
}
const inQueries = events.reduce((s, e) => s + e.ms, 0);
const stepMs = (step: string) => steps.get(step)?.ms ?? 0;
progress(
  `traced refresh ${tracedMs.toFixed(0)} ms: ${[...steps].map(([k, v]) => `${k} ${v.ms.toFixed(0)}`).join(', ')}`,
);

/**
 * A web edit, timed whole and split: the refresh inside it runs from its first query
 * (findIndicatorIds) to the end of its last (the last insert into observation), read off the
 * query log; the rest is the edit's own work (checks, its write, audit, data version, commit).
 */
async function edit(runs: number, call: (run: number) => Promise<unknown>) {
  const total: number[] = [];
  const inRefresh: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    events.length = 0;
    const started = performance.now();
    await call(run);
    total.push(performance.now() - started);
    const last = events.findLastIndex((e) => e.step === 'upsertObservations');
    const first = events.findLastIndex((e, i) => i < last && e.step === 'findIndicatorIds');
    if (first < 0) throw new Error('the edit ran no refresh');
    inRefresh.push(events[last]!.end - (events[first]!.end - events[first]!.ms));
  }
  const own = total.map((t, i) => t - inRefresh[i]!);
  return { total, inRefresh, own };
}

// One complex changed through the web's code path: units and DAEB up by one and back.
const subject = stored[Math.floor(stored.length / 2)]!;
const changeSubject = (kysely: Kysely<Database>, step: number) =>
  changeComplex(kysely, SYSTEM, FULL_VIEW, subject.id, {
    complexId: subject.corporationId,
    name: subject.name,
    address: subject.address,
    buurtCode: subject.buurtCode,
    units: subject.units + step,
    daebUnits: subject.daebUnits + step,
    yearBuilt: subject.yearBuilt,
  });
let figuresBefore = await ownFigures();
await changeSubject(db, 1);
const changedByComplex = changedFigures(figuresBefore, await ownFigures());
const complexEdit = await edit(RUNS, (run) => changeSubject(traced, run % 2 === 0 ? 0 : 1));
progress(`complex changed: ${complexEdit.total.map((t) => t.toFixed(0)).join(', ')} ms`);

// One spending line entered by hand on the complex's buurt.
const line = (amount: number) => ({
  year: 2026,
  date: '2026-06-01',
  buurt: subject.buurtCode,
  category: 'schoonmaak',
  amount,
});
figuresBefore = await ownFigures();
await enterSpending(db, SYSTEM, FULL_VIEW, line(125));
const figuresNow = await ownFigures();
const changedBySpending = changedFigures(figuresBefore, figuresNow);
const spendingEdit = await edit(RUNS, (run) =>
  enterSpending(traced, SYSTEM, FULL_VIEW, line(126 + run)),
);
progress(`spending line entered: ${spendingEdit.total.map((t) => t.toFixed(0)).join(', ')} ms`);

// What writing only the changed figures would cost: reading the stored figures to compare,
// and upserting the complex edit's changed ones (rolled back).
const readStored = await timed(RUNS, () => ownFigures());
const writeChanged = await timed(RUNS, () =>
  rolledBack((trx) => upsertObservations(trx, changedByComplex)),
);
const peakMb = statusMb('VmHWM');
const after = await observationStats();
const refreshCount = RUNS + 1 + 2 * (RUNS + 1);
await traced.destroy();
await handle.close();

// ---------------------------------------------------------------------------------------------
// Report.

const ms = (x: number) => `${x.toFixed(0)} ms`;
const n = (x: number) => x.toLocaleString('en-GB');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const spread = (xs: number[]) =>
  `median of ${xs.length} (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))})`;
const refreshMs = median(refresh.ms);
const writeMs = stepMs('deleteOwnFigures') + stepMs('upsertObservations');
const diffRefreshMs = tracedMs - writeMs + median(readStored.ms) + median(writeChanged.ms);
const editRow = (what: string, e: Awaited<ReturnType<typeof edit>>, changed: number) => {
  const own = median(e.own);
  const inside = median(e.inRefresh);
  return [
    `own figures: ${what}`,
    ms(median(e.total)),
    `${spread(e.total)}; the refresh inside it ${ms(inside)}, the edit's own work ${ms(own)}: ` +
      `the refresh is ${(inside / own).toFixed(0)}× the edit's own work (${((100 * inside) / median(e.total)).toFixed(0)} % of the request); ` +
      `it changes ${n(changed)} of the ${n(written)} figures the refresh rewrites`,
  ] as [string, string, string];
};
const rows: Array<[string, string, string]> = [
  [
    `own figures: refreshOwnFigures (${n(workingArea.length)} buurten, ${n(complexes.length)} complexes)`,
    ms(refreshMs),
    `${spread(refresh.ms)}, CPU ${ms(median(refresh.cpuMs))}; target ≤ ${TARGET_MS} ms: ${refreshMs <= TARGET_MS ? 'ok' : 'MISSED'}; ` +
      `writes ${n(written)} figures (${figuresByKey.map((f) => `${f.key} ${n(Number(f.n))}`).join(', ')}); ` +
      `from ${n(spendingLines)} spending lines and ${CORPORATION.years.length} adopted begrotingen, ${n(before.rows)} observations in all`,
  ],
  [
    'own figures: where the refresh goes',
    ms(tracedMs),
    `one run, each query timed: ${[...steps]
      .sort((a, b) => b[1].ms - a[1].ms)
      .filter(([, v]) => v.ms >= 1)
      .map(([k, v]) => `${k} ${ms(v.ms)}${v.calls > 2 ? ` (${v.calls} calls)` : ''}`)
      .join(
        ', ',
      )}; outside the queries (deriveOwnFigures, building the rows) ${ms(tracedMs - inQueries)}; ` +
      `deleting and rewriting every figure is ${((100 * writeMs) / tracedMs).toFixed(0)} %`,
  ],
  editRow('one complex changed (stock-edit)', complexEdit, changedByComplex.length),
  editRow('one spending line entered', spendingEdit, changedBySpending.length),
  [
    'own figures: writing only what changed',
    ms(diffRefreshMs),
    `estimate for a refresh that computes everything but writes only changed figures: the refresh without its delete and rewrite (${ms(tracedMs - writeMs)}) ` +
      `+ reading the stored figures to compare ${ms(median(readStored.ms))} + upserting the complex edit's ${changedByComplex.length} changed figures ${median(writeChanged.ms).toFixed(1)} ms (measured, rolled back)`,
  ],
  [
    'own figures: select count(*) from observation',
    ms(median(count.ms)),
    `${n(before.rows)} rows; the refresh takes ${(refreshMs / median(count.ms)).toFixed(0)}× as long`,
  ],
  [
    'own figures: dead rows per refresh',
    n(Math.round((after.dead - before.dead) / refreshCount)),
    `PGlite runs no autovacuum and nothing vacuums: observation (with indexes) grew ${mb(before.bytes)} → ${mb(after.bytes)} ` +
      `over these ${refreshCount} refreshes, ${mb((after.bytes - before.bytes) / refreshCount)} each`,
  ],
  [
    'own figures: peak RSS',
    `${Math.round(refreshPeakMb)} MB`,
    `during the refreshes (${Math.round(rssBeforeMb)} MB before them), ${Math.round(peakMb)} MB to the end; ` +
      `process peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (the imports); set-up ${setupSeconds.toFixed(0)} s; ` +
      `${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`,
  ],
];

if (json) {
  console.log(
    JSON.stringify({
      refresh,
      written,
      steps: Object.fromEntries(steps),
      complexEdit,
      spendingEdit,
      changed: { complex: changedByComplex.length, spending: changedBySpending.length },
      rows,
    }),
  );
} else {
  const width = Math.max(...rows.map((r) => r[0].length));
  const width2 = Math.max(...rows.map((r) => r[1].length));
  for (const [name, value, note] of rows)
    console.log(`${name.padEnd(width)}  ${value.padStart(width2)}  ${note}`);
}
