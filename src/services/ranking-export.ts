import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DataView } from '../domain/access/policy.js';
import { toCsv, type CsvCell } from '../domain/format/csv.js';
import type { Database } from '../db/tables.js';
import { getRankingTable, type RankingTable } from './ranking-views.js';

export interface RankingExport {
  fileName: string;
  contentType: string;
  body: string | Buffer;
  rows: number;
}

const HEADER = [
  'rang',
  'code',
  'naam',
  'gemeente',
  'klasse',
  'klasse_naam',
  'score',
  'percentiel',
  'deciel',
  'rang_laag',
  'rang_hoog',
  'vlaggen',
  'vorige_rang',
  'gerangschikt',
  'reden_niet_gerangschikt',
  'ontbrekende_indicatoren',
  'methode',
  'methode_versie',
  'datajaar',
];

/**
 * A ranking as the viewer sees it, as CSV (Dutch spreadsheet conventions) or XLSX with a second
 * sheet that says how it was made: the method, the data year used per indicator, and that a
 * rank is a signal for a conversation. Numbers are unrounded; the spreadsheet rounds.
 */
export async function exportRanking(
  db: Kysely<Database>,
  view: DataView,
  id: number,
  format: 'csv' | 'xlsx',
): Promise<RankingExport> {
  const table = await getRankingTable(db, view, id);
  const rows = exportRows(table);
  const base = `buurtbalans-rangorde-${table.ranking.method.key}-v${table.ranking.method.version}-${table.ranking.dataYear}`;
  if (format === 'csv')
    return {
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: toCsv(HEADER, rows),
      rows: rows.length,
    };
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Rangorde');
  sheet.addRow(HEADER).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((c) => (c === undefined ? null : c)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = workbook.addWorksheet('Toelichting');
  for (const line of aboutLines(table)) about.addRow(line);
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 100;
  return {
    fileName: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    rows: rows.length,
  };
}

function exportRows(table: RankingTable): CsvCell[][] {
  const { ranking, method } = table;
  return table.areas.map((a) => [
    a.rank,
    a.code,
    a.name,
    a.gemeenteCode,
    a.class,
    a.class === null ? null : (method.classes.labelsNl[a.class - 1] ?? null),
    a.score,
    a.percentile,
    a.decile,
    a.rankLow,
    a.rankHigh,
    a.flags.join(' '),
    a.previousRank,
    a.ranked,
    a.reason ? 'onvolledig' : null,
    a.reason ? a.reason.missing.join(' ') : null,
    ranking.method.key,
    ranking.method.version,
    ranking.dataYear,
  ]);
}

function aboutLines(table: RankingTable): Array<[string, string | number]> {
  const { ranking, method } = table;
  return [
    ['Methode', `${method.name} (${ranking.method.key}, versie ${ranking.method.version})`],
    ['Datajaar', ranking.dataYear],
    ['Gebiedsindeling', `${ranking.level}, ${ranking.boundaryYear}`],
    ['Gerangschikt', ranking.ranked],
    ['Niet gerangschikt', ranking.notRanked],
    ['Monte Carlo-trekkingen', ranking.draws],
    ...method.indicators.map((i): [string, string] => [
      `Indicator ${i.key}`,
      `gewicht ${i.weight}, thema ${i.theme}, ${i.direction === 'higher_is_better' ? 'hoger is beter' : 'hoger is slechter'}, jaar ${ranking.years[i.key] ?? 'geen cijfers'}`,
    ]),
    ['Toelichting', method.description],
    [
      'Let op',
      'Rang 1 is de buurt met de meeste behoefte. Een rangorde is een signaal voor het gesprek met bewoners en partners, geen diagnose.',
    ],
  ];
}
