// Creates a new PGlite cluster in the directory given as argument, then exits.
// Run as a child process on first start: initdb costs ~0.9 GB of WebAssembly memory that a
// process never gives back, while reopening an existing cluster needs ~0.3 GB. Doing initdb in
// a short-lived child keeps the long-running server small. Plain JS so it runs without tsx.
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: create-cluster.mjs <pgdata-dir>');
  process.exit(2);
}
try {
  const db = await PGlite.create(dir);
  await db.query('select 1');
  await db.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
