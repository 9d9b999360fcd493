import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

describe.each(testEngines())('schema guards on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'empty');
    await sql`insert into area (code, boundary_year, level, name, source) values ('NL00', 2024, 'land', 'Nederland', 'test')`.execute(
      handle.db,
    );
    await sql`insert into area (code, boundary_year, level, name, parent_code, gemeente_code, source) values ('GM0392', 2024, 'gemeente', 'Haarlem', 'NL00', 'GM0392', 'test')`.execute(
      handle.db,
    );
  });
  afterAll(() => handle.close());

  const insertObservation = (value: number | null, status: string) =>
    sql`insert into observation (area_id, indicator_id, data_year, value, status, source)
        select a.id, i.id, 2024, ${value}, ${status}, 'test' from area a, indicator i
        where a.code = 'GM0392' and i.key = 'a_inw'`.execute(handle.db);

  test('a secret or missing figure cannot carry a value, not even 0', async () => {
    await expect(insertObservation(0, 'secret')).rejects.toThrow(
      /observation_value_matches_status/,
    );
    await expect(insertObservation(0, 'missing')).rejects.toThrow(
      /observation_value_matches_status/,
    );
    await expect(insertObservation(null, 'ok')).rejects.toThrow(/observation_value_matches_status/);
  });

  test('one figure per area, indicator and year', async () => {
    await insertObservation(167670, 'ok');
    await expect(insertObservation(1, 'ok')).rejects.toThrow(
      /observation_area_indicator_year_unique/,
    );
  });

  test('codes must fit their level; letters are allowed where CBS uses them', async () => {
    await expect(
      sql`insert into area (code, boundary_year, level, name, source) values ('BU0392', 2024, 'buurt', 'x', 'test')`.execute(
        handle.db,
      ),
    ).rejects.toThrow(/area_code_matches_level/);
    await sql`insert into area (code, boundary_year, level, name, parent_code, source) values ('GM0363', 2024, 'gemeente', 'Amsterdam', 'NL00', 'test')`.execute(
      handle.db,
    );
    await sql`insert into area (code, boundary_year, level, name, parent_code, source) values ('WK0363AA', 2024, 'wijk', 'Burgwallen-Oude Zijde', 'GM0363', 'test')`.execute(
      handle.db,
    );
    await sql`insert into area (code, boundary_year, level, name, parent_code, source) values ('BU0363AA01', 2024, 'buurt', 'Kop Zeedijk', 'WK0363AA', 'test')`.execute(
      handle.db,
    );
    const row = await sql<{
      code: string;
    }>`select code from area where code = 'BU0363AA01'`.execute(handle.db);
    expect(row.rows[0]?.code).toBe('BU0363AA01');
  });

  test('a parent must exist in the same boundary year, and cannot be deleted under its children', async () => {
    await expect(
      sql`insert into area (code, boundary_year, level, name, parent_code, source) values ('WK999901', 2024, 'wijk', 'x', 'GM9999', 'test')`.execute(
        handle.db,
      ),
    ).rejects.toThrow(/area_parent_fk/);
    await expect(sql`delete from area where code = 'WK0363AA'`.execute(handle.db)).rejects.toThrow(
      /area_parent_fk/,
    );
  });

  test('no column for persons: names, addresses, birth dates, diagnoses or BSN of residents', async () => {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema()`.execute(handle.db);
    const all = columns.rows.map((c) => `${c.table_name}.${c.column_name}`);
    // Accounts of staff have an e-mail and a display name; residents appear only as counts.
    // A complex's address is the corporation's building (issue 5), never a resident's.
    const BUILDINGS = ['complex.address'];
    const personal = all.filter(
      (c) =>
        !BUILDINGS.includes(c) &&
        /bsn|diagnos|adres|address|birth|geboort|huurder|tenant_name|resident|patient|client_name|phone|telefoon/i.test(
          c,
        ),
    );
    expect(personal).toEqual([]);
    expect(all).toContain('observation.value');
  });
});
