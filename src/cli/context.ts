import os from 'node:os';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { cliPrincipal } from '../domain/access/principal.js';
import type { AuditContext } from '../services/auth/audit.js';
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

/** The CLI in the audit log: a local operator with administrator rights, named by OS user. */
export function cliAuditContext(): AuditContext {
  let operator = 'unknown';
  try {
    operator = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the entry still says it was the CLI.
  }
  return { actor: cliPrincipal(operator), ip: null };
}
