/**
 * One import in its own process, so its time and peak memory are its own: prints one JSON line.
 * Usage: tsx bench/import-one.ts <kind> <file> <pglite-dir | postgres-url> [options-json]
 */
import { openDatabase } from '../src/db/database.js';
import { adapterFor } from '../src/import/adapters.js';
import type { ImportKind } from '../src/import/import-plan.js';
import { readInputFile } from '../src/import/input-file.js';
import { runImport } from '../src/import/pipeline.js';
import { prepareCatalogue } from '../src/services/startup.js';

const [kind, file, target, optionsJson] = process.argv.slice(2) as [
  ImportKind,
  string,
  string,
  string | undefined,
];
const postgres = /^postgres(ql)?:\/\//.test(target);
const handle = await openDatabase({ databaseUrl: postgres ? target : null, dataDir: target });
await prepareCatalogue(handle.db);
const started = performance.now();
const summary = await runImport(handle.db, adapterFor(kind), readInputFile(file), {
  force: true,
  ...(optionsJson ? JSON.parse(optionsJson) : {}),
});
const seconds = (performance.now() - started) / 1000;
await handle.close();
console.log(
  JSON.stringify({
    kind,
    engine: postgres ? 'postgres' : 'pglite',
    seconds,
    rows: summary.rowsRead,
    values: summary.valuesWritten,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
