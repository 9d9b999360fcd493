import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { prepareCatalogue } from '../services/startup.js';

/**
 * Open the configured database for one command and always close it again (which also
 * releases the data-directory lock). Only `serve` and `demo` load the demo; other commands
 * never write fictional data, also not into an empty production database. The CLI is a local
 * operator tool: it acts with administrator rights.
 */
export async function withDatabase<T>(
  fn: (handle: DatabaseHandle, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareCatalogue(handle.db);
    return await fn(handle, config);
  } finally {
    await handle.close();
  }
}
