import path from 'node:path';
import { z } from 'zod';
import { AppError } from './domain/shared/app-error.js';

/**
 * All settings, read once from the environment and validated, so a bad setting fails at start
 * and not mid-request. `.env.example` lists the same names.
 */
const schema = z.object({
  /** Port of the web app and API. */
  PORT: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a port number such as 3000')
    .transform(Number)
    .pipe(z.number().int().min(0).max(65535))
    .default(3000),
  /** Address to listen on; 127.0.0.1 keeps a laptop install private. Use 0.0.0.0 behind a proxy. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the embedded database (PGlite) keeps its files. Ignored when DATABASE_URL is set. */
  BUURTBALANS_DATA_DIR: z.string().min(1).default('./data'),
  /** A PostgreSQL server (postgres://user@host:port/db). When set, PGlite is not used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * Optional basemap: a MapLibre style URL (ending in .json) or a raster tile template with
   * {z}/{x}/{y}. Without it the map draws the areas on a plain background: no internet needed.
   */
  BUURTBALANS_BASEMAP_URL: z.string().url().optional(),
  /** Attribution shown with the basemap, e.g. "© OpenStreetMap". */
  BUURTBALANS_BASEMAP_ATTRIBUTION: z.string().optional(),
  /**
   * `auto` loads the fictional demo into a database that has never had data loaded (first
   * start); `off` never does, for production servers that start empty.
   */
  BUURTBALANS_DEMO: z.enum(['auto', 'off']).default('auto'),
  /** Built web app to serve; `npm start` builds it there when missing. */
  BUURTBALANS_WEB_DIR: z.string().min(1).default('./dist/web'),
});

export type RawConfig = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  basemapUrl: string | null;
  basemapAttribution: string | null;
  webDir: string;
  demo: 'auto' | 'off';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new AppError(
      'config_invalid',
      `Setting ${name} is invalid: ${issue?.message ?? 'unknown'}`,
      {
        setting: name,
      },
    );
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.BUURTBALANS_DATA_DIR),
    databaseUrl: c.DATABASE_URL ?? null,
    basemapUrl: c.BUURTBALANS_BASEMAP_URL ?? null,
    basemapAttribution: c.BUURTBALANS_BASEMAP_ATTRIBUTION ?? null,
    webDir: path.resolve(c.BUURTBALANS_WEB_DIR),
    demo: c.BUURTBALANS_DEMO,
  };
}
