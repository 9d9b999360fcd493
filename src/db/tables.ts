import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * Row types, exactly as the tables hold them. They stop at db/: query modules turn them into
 * domain types. Keep in step with migrations/.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface OrganisationTable {
  id: Generated<number>;
  key: string;
  name: string;
  kind: string;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export interface OrganisationAreaTable {
  organisation_id: number;
  area_code: string;
}

export interface AreaTable {
  id: Generated<number>;
  code: string;
  boundary_year: number;
  level: string;
  name: string;
  parent_code: string | null;
  gemeente_code: string | null;
  bbox_west: number | null;
  bbox_south: number | null;
  bbox_east: number | null;
  bbox_north: number | null;
  source: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** WGS84 geometry of an area as stored (unsimplified), 1:1 with area. */
export interface AreaGeometryTable {
  area_id: number;
  geometry: Json<Polygon | MultiPolygon>;
}

export interface AreaShapeTable {
  area_id: number;
  /** 0 = country view, 1 = region view, 2 = street view (see domain/geometry/detail-levels). */
  detail: number;
  /** Pre-serialised GeoJSON geometry, so the map endpoint concatenates instead of re-encoding. */
  geojson: string;
}

export interface IndicatorTable {
  id: Generated<number>;
  key: string;
  name_nl: string;
  name_en: string;
  unit: string;
  kind: string;
  source: string;
  direction: string;
  theme: string;
  decimals: number;
  description_nl: string;
  description_en: string;
  class_indicator_key: string | null;
  class_scheme: string | null;
  base_indicator_key: string | null;
  numerator_indicator_key: string | null;
  sensitive: Generated<boolean>;
  /** false for figures about the corporation's own property and money (no residents). */
  disclosure_control: Generated<boolean>;
  built_in: Generated<boolean>;
  created_at: Timestamp;
}

export interface ObservationTable {
  id: Generated<number>;
  area_id: number;
  indicator_id: number;
  data_year: number;
  value: number | null;
  status: string;
  source: string;
  source_release: string | null;
  import_run_id: number | null;
}

export interface ImportRunTable {
  id: Generated<number>;
  kind: string;
  file_name: string | null;
  sha256: string | null;
  rows: number | null;
  status: string;
  messages: ColumnType<ImportMessage[], string | undefined, string>;
  summary: ColumnType<Record<string, unknown>, string | undefined, string>;
  options: ColumnType<Record<string, unknown>, string | undefined, string>;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ImportMessage {
  level: 'info' | 'warning' | 'error';
  text: string;
}

export interface SourceReleaseTable {
  id: Generated<number>;
  key: string;
  source: string;
  label: string;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  import_run_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppMetaTable {
  key: string;
  value: Json<unknown>;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<number>;
  organisation_id: number;
  email: string;
  display_name: string;
  role: string;
  scope_all: Generated<boolean>;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  is_demo: Generated<boolean>;
  disabled_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserScopeTable {
  user_id: number;
  area_code: string;
}

export interface UserSessionTable {
  /** sha256 (hex) of the cookie's token. */
  id: string;
  user_id: number;
  csrf_token: string;
  via: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

/** An OpenID Connect login in progress: state, PKCE verifier and nonce until the callback. */
export interface OidcLoginTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: Timestamp;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  at: Timestamp;
  email: string;
  ip: string;
  success: boolean;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_kind: string;
  actor_user_id: number | null;
  actor_label: string;
  organisation_key: string | null;
  action: string;
  target: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  ip: string | null;
}

export interface CommentTable {
  id: Generated<number>;
  subject_type: string;
  subject_key: string;
  organisation_id: number;
  author_user_id: number | null;
  author_name: string;
  body: string;
  visibility: string;
  agreed_at: Timestamp | null;
  agreed_by_name: string | null;
  created_at: Timestamp;
}

export interface SuppressedObservationTable {
  observation_id: number;
  reason: string;
}

export interface RankingMethodTable {
  id: Generated<number>;
  key: string;
  version: number;
  name: string;
  definition: ColumnType<Record<string, unknown>, string, string>;
  fingerprint: string;
  built_in: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
}

export interface RankingTable {
  id: Generated<number>;
  method_id: number;
  data_year: number;
  boundary_year: number;
  level: string;
  universe: ColumnType<Record<string, unknown>, string, string>;
  inputs: string;
  summary: ColumnType<Record<string, unknown>, string, string>;
  created_by: string;
  created_at: Timestamp;
}

export interface RankingAreaTable {
  ranking_id: number;
  area_code: string;
  ranked: boolean;
  rank: number | null;
  score: number | null;
  percentile: number | null;
  decile: number | null;
  class: number | null;
  rank_low: number | null;
  rank_high: number | null;
  flags: ColumnType<string[], string | undefined, string>;
  reason: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  detail: ColumnType<Record<string, unknown>, string, string>;
}

export interface ComplexTable {
  id: Generated<number>;
  corporation_id: string;
  name: string | null;
  address: string | null;
  postcode: string | null;
  house_number: number | null;
  house_number_addition: string | null;
  lon: number | null;
  lat: number | null;
  buurt_code: string;
  boundary_year: number;
  placed_by: string;
  units: number;
  daeb_units: number;
  year_built: number | null;
  import_run_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BudgetRegionTable {
  id: Generated<number>;
  key: string;
  name: string;
}

export interface BudgetRegionAreaTable {
  region_id: number;
  buurt_code: string;
}

export interface BudgetLineTable {
  id: Generated<number>;
  key: string;
  name: string;
}

export interface BudgetScenarioTable {
  id: Generated<number>;
  year: number;
  name: string;
  ranking_id: number | null;
  input: ColumnType<Record<string, unknown>, string, string>;
  result: ColumnType<Record<string, unknown>, string, string>;
  adopted_at: Timestamp | null;
  adopted_by: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface SpendingTable {
  id: Generated<number>;
  /** yyyy-mm-dd (a date column; read as text). */
  date: ColumnType<Date, string, string>;
  year: number;
  region_id: number | null;
  buurt_code: string | null;
  complex_id: number | null;
  line_id: number | null;
  category: string;
  /** bigint, parsed to a number (safe up to 2^53 cents). */
  amount_cents: number;
  description: string | null;
  covered_by_agreements: boolean | null;
  import_run_id: number | null;
  created_by: string;
  created_at: Timestamp;
}

export interface Database {
  organisation: OrganisationTable;
  organisation_area: OrganisationAreaTable;
  area: AreaTable;
  area_geometry: AreaGeometryTable;
  area_shape: AreaShapeTable;
  indicator: IndicatorTable;
  observation: ObservationTable;
  import_run: ImportRunTable;
  app_meta: AppMetaTable;
  source_release: SourceReleaseTable;
  app_user: AppUserTable;
  user_scope: UserScopeTable;
  user_session: UserSessionTable;
  login_attempt: LoginAttemptTable;
  oidc_login: OidcLoginTable;
  audit_log: AuditLogTable;
  comment: CommentTable;
  suppressed_observation: SuppressedObservationTable;
  ranking_method: RankingMethodTable;
  ranking: RankingTable;
  ranking_area: RankingAreaTable;
  complex: ComplexTable;
  budget_region: BudgetRegionTable;
  budget_region_area: BudgetRegionAreaTable;
  budget_line: BudgetLineTable;
  budget_scenario: BudgetScenarioTable;
  spending: SpendingTable;
}

export type AreaRow = Selectable<AreaTable>;
export type NewArea = Insertable<AreaTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type NewObservation = Insertable<ObservationTable>;
export type ImportRunRow = Selectable<ImportRunTable>;
