import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Engine } from '../db/database.js';
import type { Database } from '../db/tables.js';

/** What the routes need from the outside world; passed in so tests can use any database. */
export interface ApiDeps {
  db: Kysely<Database>;
  engine: Engine;
  config: Pick<
    Config,
    | 'basemapUrl'
    | 'basemapAttribution'
    | 'webDir'
    | 'publicUrl'
    | 'trustProxy'
    | 'session'
    | 'privacy'
    | 'oidc'
    | 'demo'
  >;
}
