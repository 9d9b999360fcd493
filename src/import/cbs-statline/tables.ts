/**
 * StatLine table ids of Kerncijfers wijken en buurten by reporting year, as far as verified
 * (domain.md §4.3; 2025 from secondary sources). Used to tell a table's year from its id; other
 * years need --year.
 */
export const TABLE_YEARS: Record<string, number> = {
  '82339NED': 2013,
  '82931NED': 2014,
  '83487NED': 2016,
  '84286NED': 2018,
  '84583NED': 2019,
  '85318NED': 2022,
  '85618NED': 2023,
  '85984NED': 2024,
  '86165NED': 2025,
};

export const TABLE_FOR_YEAR: Record<number, string> = Object.fromEntries(
  Object.entries(TABLE_YEARS).map(([id, year]) => [year, id]),
);
