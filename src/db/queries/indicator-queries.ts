import type { Kysely, Transaction } from 'kysely';
import type {
  ClassSchemeKey,
  Direction,
  Indicator,
  Theme,
  ValueKind,
} from '../../domain/indicators/indicator.js';
import type { Database, IndicatorRow } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

function toIndicator(row: IndicatorRow): Indicator {
  return {
    key: row.key,
    nameNl: row.name_nl,
    nameEn: row.name_en,
    unit: row.unit,
    kind: row.kind as ValueKind,
    source: row.source,
    direction: row.direction as Direction,
    theme: row.theme as Theme,
    decimals: row.decimals,
    descriptionNl: row.description_nl,
    descriptionEn: row.description_en,
    classIndicatorKey: row.class_indicator_key,
    classScheme: row.class_scheme as ClassSchemeKey | null,
    baseIndicatorKey: row.base_indicator_key,
    numeratorIndicatorKey: row.numerator_indicator_key,
    sensitive: row.sensitive,
    disclosureControl: row.disclosure_control,
  };
}

/** Add indicators, or update their definition when the key exists. Returns key → id. */
export async function upsertIndicators(
  db: Db,
  indicators: readonly Indicator[],
  builtIn: boolean,
): Promise<Map<string, number>> {
  if (indicators.length === 0) return new Map();
  const rows = await db
    .insertInto('indicator')
    .values(
      indicators.map((i) => ({
        key: i.key,
        name_nl: i.nameNl,
        name_en: i.nameEn,
        unit: i.unit,
        kind: i.kind,
        source: i.source,
        direction: i.direction,
        theme: i.theme,
        decimals: i.decimals,
        description_nl: i.descriptionNl,
        description_en: i.descriptionEn,
        class_indicator_key: i.classIndicatorKey,
        class_scheme: i.classScheme,
        base_indicator_key: i.baseIndicatorKey ?? null,
        numerator_indicator_key: i.numeratorIndicatorKey ?? null,
        sensitive: i.sensitive ?? false,
        disclosure_control: i.disclosureControl ?? true,
        built_in: builtIn,
      })),
    )
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        name_nl: eb.ref('excluded.name_nl'),
        name_en: eb.ref('excluded.name_en'),
        unit: eb.ref('excluded.unit'),
        kind: eb.ref('excluded.kind'),
        source: eb.ref('excluded.source'),
        direction: eb.ref('excluded.direction'),
        theme: eb.ref('excluded.theme'),
        decimals: eb.ref('excluded.decimals'),
        description_nl: eb.ref('excluded.description_nl'),
        description_en: eb.ref('excluded.description_en'),
        class_indicator_key: eb.ref('excluded.class_indicator_key'),
        class_scheme: eb.ref('excluded.class_scheme'),
        base_indicator_key: eb.ref('excluded.base_indicator_key'),
        numerator_indicator_key: eb.ref('excluded.numerator_indicator_key'),
        sensitive: eb.ref('excluded.sensitive'),
        disclosure_control: eb.ref('excluded.disclosure_control'),
      })),
    )
    .returning(['id', 'key'])
    .execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}

export async function listIndicators(db: Db): Promise<Indicator[]> {
  const rows = await db.selectFrom('indicator').selectAll().orderBy('id').execute();
  return rows.map(toIndicator);
}

export async function findIndicator(
  db: Db,
  key: string,
): Promise<(Indicator & { id: number }) | null> {
  const row = await db
    .selectFrom('indicator')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { id: row.id, ...toIndicator(row) } : null;
}

/** Map key → id of all indicators. */
export async function findIndicatorIds(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('indicator').select(['id', 'key']).execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}
