import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { prepareData } from '../services/startup.js';

/**
 * Open the configured database for one command and always close it again (which also
 * releases the data-directory lock). Like `serve`, a first use creates the database with the
 * demo, so `npx buurtbalans areas list` on a fresh clone shows something. The CLI is a local
 * operator tool: it acts with administrator rights.
 */
export async function withDatabase<T>(
  fn: (handle: DatabaseHandle, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { demo } = await prepareData(handle.db, { demo: config.demo });
    if (demo)
      process.stderr.write(`Nieuwe database met fictieve demodata (${demo.areas} gebieden).\n`);
    return await fn(handle, config);
  } finally {
    await handle.close();
  }
}
