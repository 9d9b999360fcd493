import path from 'node:path';
import { z } from 'zod';
import { AppError } from './domain/shared/app-error.js';

const httpUrl = z
  .string()
  .url()
  .regex(/^https?:\/\//i, 'must be an http:// or https:// address');

function wholeNumber(example: string, min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number of ${example}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

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
  /**
   * CBS StatLine OData v3 service root: region list and Kerncijfers (`fetch-open-data`). The bulk
   * service (ODataFeed) has no size limit and pages with odata.nextLink; the standard API
   * (https://opendata.cbs.nl/ODataApi/odata, same paths) allows 10,000 cells a request, far less
   * than a Kerncijfers table of 18,310 regions.
   */
  BUURTBALANS_CBS_ODATA_URL: httpUrl.default('https://opendata.cbs.nl/ODataFeed/odata'),
  /** PDOK service root of the CBS wijk- en buurtkaart; `/{year}/wfs/v1_0` is appended. */
  BUURTBALANS_PDOK_URL: httpUrl.default('https://service.pdok.nl/cbs/wijkenbuurten'),
  /** Leefbaarometer 3.0 OGC service (WFS layers `lbm3:buurtscoreYY`). */
  BUURTBALANS_LBM_URL: httpUrl.default('https://geo.leefbaarometer.nl/lbm3/ows'),
  /** `fetch-open-data`: seconds one request (one page, body included) may take. */
  BUURTBALANS_FETCH_TIMEOUT_SECONDS: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number of seconds such as 120')
    .transform(Number)
    .pipe(z.number().int().min(1).max(3600))
    .default(120),
  /**
   * The address users reach Buurtbalans at (https://buurtbalans.example.nl). With https,
   * session cookies are Secure and HSTS is sent; OpenID Connect redirects back here.
   */
  BUURTBALANS_PUBLIC_URL: httpUrl.optional(),
  /**
   * `true` behind a reverse proxy that sets X-Forwarded-For: the client's address is then the
   * entry that proxy added (for login limits and the audit log). Never set it without a proxy.
   */
  BUURTBALANS_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** A session ends after this many idle minutes, and always after BUURTBALANS_SESSION_MAX_HOURS. */
  BUURTBALANS_SESSION_IDLE_MINUTES: wholeNumber('minutes such as 480', 5, 7 * 24 * 60).default(480),
  BUURTBALANS_SESSION_MAX_HOURS: wholeNumber('hours such as 168', 1, 24 * 90).default(168),
  /** Disclosure control for restricted viewers: counts below this are shown as "<N". */
  BUURTBALANS_PRIVACY_MIN_COUNT: wholeNumber('count such as 10', 1, 1000).default(10),
  /** Shares whose base (denominator) is below this are suppressed. */
  BUURTBALANS_PRIVACY_MIN_BASE: wholeNumber('count such as 50', 1, 100000).default(50),
  /** Round visible counts to a multiple of this for restricted viewers (0: no rounding; CBS uses 5). */
  BUURTBALANS_PRIVACY_ROUND_COUNTS: wholeNumber('number such as 5, or 0', 0, 1000).default(0),
  /** Optional OpenID Connect login: the issuer (its /.well-known/openid-configuration is read). */
  BUURTBALANS_OIDC_ISSUER: httpUrl.optional(),
  BUURTBALANS_OIDC_CLIENT_ID: z.string().min(1).optional(),
  BUURTBALANS_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Text of the login button, e.g. "Inloggen met Gemeente-account". */
  BUURTBALANS_OIDC_LABEL: z.string().min(1).max(80).optional(),
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
  /** Base addresses of the open-data services and the per-request timeout of fetch-open-data. */
  cbsOdataUrl: string;
  pdokUrl: string;
  lbmUrl: string;
  fetchTimeoutSeconds: number;
  publicUrl: string | null;
  trustProxy: boolean;
  session: { idleMinutes: number; maxHours: number };
  privacy: { minCount: number; minBase: number; roundCountsTo: number };
  oidc: { issuer: string; clientId: string; clientSecret: string; label: string } | null;
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
    cbsOdataUrl: c.BUURTBALANS_CBS_ODATA_URL,
    pdokUrl: c.BUURTBALANS_PDOK_URL,
    lbmUrl: c.BUURTBALANS_LBM_URL,
    fetchTimeoutSeconds: c.BUURTBALANS_FETCH_TIMEOUT_SECONDS,
    publicUrl: c.BUURTBALANS_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    trustProxy: c.BUURTBALANS_TRUST_PROXY === 'true',
    session: {
      idleMinutes: c.BUURTBALANS_SESSION_IDLE_MINUTES,
      maxHours: c.BUURTBALANS_SESSION_MAX_HOURS,
    },
    privacy: {
      minCount: c.BUURTBALANS_PRIVACY_MIN_COUNT,
      minBase: c.BUURTBALANS_PRIVACY_MIN_BASE,
      roundCountsTo: c.BUURTBALANS_PRIVACY_ROUND_COUNTS,
    },
    oidc: oidcOf(c),
  };
}

/** OpenID Connect is on when issuer, client id and secret are all set; some but not all is an error. */
function oidcOf(c: RawConfig): Config['oidc'] {
  const parts = [
    c.BUURTBALANS_OIDC_ISSUER,
    c.BUURTBALANS_OIDC_CLIENT_ID,
    c.BUURTBALANS_OIDC_CLIENT_SECRET,
  ];
  if (parts.every((p) => p === undefined)) return null;
  if (!c.BUURTBALANS_PUBLIC_URL)
    throw new AppError(
      'config_invalid',
      'OpenID Connect needs BUURTBALANS_PUBLIC_URL: the provider redirects back to that address (behind a proxy the request’s own address is an internal one)',
      { setting: 'BUURTBALANS_PUBLIC_URL' },
    );
  if (parts.some((p) => p === undefined))
    throw new AppError(
      'config_invalid',
      'OpenID Connect needs BUURTBALANS_OIDC_ISSUER, BUURTBALANS_OIDC_CLIENT_ID and BUURTBALANS_OIDC_CLIENT_SECRET together',
      { setting: 'BUURTBALANS_OIDC_ISSUER' },
    );
  return {
    // As the provider spells it: discovery compares the issuer exactly, trailing slash included.
    issuer: c.BUURTBALANS_OIDC_ISSUER!,
    clientId: c.BUURTBALANS_OIDC_CLIENT_ID!,
    clientSecret: c.BUURTBALANS_OIDC_CLIENT_SECRET!,
    label: c.BUURTBALANS_OIDC_LABEL ?? 'Inloggen met uw organisatie-account',
  };
}
