import { sql, type Kysely } from 'kysely';

/**
 * Figures derived from the corporation's own records (stock, spending, begroting per buurt) are
 * about property and money, not about residents: small-number disclosure control has nothing to
 * protect there ("<10" complexes would only hide the corporation's own stock from its partners).
 * Indicators say whether disclosure control applies; every existing one keeps it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('indicator')
    .addColumn('disclosure_control', 'boolean', (c) => c.notNull().defaultTo(sql`true`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator').dropColumn('disclosure_control').execute();
}
