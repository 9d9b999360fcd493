import fs from 'node:fs';
import { FULL_VIEW } from '../../domain/access/policy.js';
import { parseUniverseText } from '../../domain/ranking/method.js';
import { AppError } from '../../domain/shared/app-error.js';
import { VEERKRACHT_DISCLAIMER_NL } from '../../domain/veerkracht/disclaimer.js';
import { QUADRANT_LABELS } from '../../domain/veerkracht/quadrants.js';
import { findRanking } from '../../db/queries/ranking-queries.js';
import { parseMethodRef } from '../../services/ranking-methods.js';
import { diffRankings } from '../../services/ranking-diff.js';
import { exportRanking } from '../../services/ranking-export.js';
import { listRankingSummaries, summariseRanking } from '../../services/ranking-views.js';
import { createRanking, verifyRanking } from '../../services/rankings.js';
import { veerkrachtFor } from '../../services/veerkracht.js';
import { cliAuditContext, withDatabase } from '../context.js';
import { EXIT, printJson, printTable } from '../output.js';
import { parseYear } from './parse.js';

export interface RankFlags {
  method?: string;
  year?: string;
  universe?: string;
  draws?: string;
  json?: boolean;
  csv?: string;
}

/**
 * `rank --method key[@v] --year N`: make and store a ranking (immutable), print it. The CLI is
 * an operator tool: it sees every area, unsuppressed.
 */
export async function rankCommand(flags: RankFlags): Promise<number> {
  if (!flags.method) throw new AppError('bad_request', 'rank needs --method <key>[@version]');
  const year = parseYear(flags.year, '--year');
  if (year === undefined) throw new AppError('bad_request', 'rank needs --year N (the data year)');
  const within = parseUniverse(flags.universe);
  const draws = parseDraws(flags.draws);
  return withDatabase(async ({ db }) => {
    const made = await createRanking(db, cliAuditContext(), {
      method: parseMethodRef(flags.method!),
      year,
      ...(within !== undefined ? { within } : {}),
      ...(draws !== undefined ? { draws } : {}),
    });
    const summary = summariseRanking((await findRanking(db, made.rankingId))!);
    const names = new Map(made.universe.areas.map((a) => [a.code, a.name]));
    if (flags.csv) {
      const file = await exportRanking(db, FULL_VIEW, made.rankingId, 'csv');
      fs.writeFileSync(flags.csv, file.body);
    }
    if (flags.json) {
      printJson({
        ranking: summary,
        areas: made.result.areas.map((a) => ({ ...a, name: names.get(a.code) ?? a.code })),
      });
      return EXIT.ok;
    }
    const { result } = made;
    process.stdout.write(
      `Rangorde ${summary.id}: ${summary.method.key}@${summary.method.version}, datajaar ${year}, ` +
        `${result.ranked} gerangschikt, ${result.notRanked} niet gerangschikt, ${result.draws} trekkingen.\n` +
        `Jaren gebruikt: ${Object.entries(made.inputs.years)
          .map(([k, y]) => `${k} ${y ?? 'geen cijfers'}`)
          .join(', ')}\n\n`,
    );
    const shown = result.areas.filter((a) => a.ranked).slice(0, 25);
    printTable(
      ['rank', 'code', 'name', 'class', 'score', 'interval', 'flags'],
      shown.map((a) => [
        a.rank,
        a.code,
        names.get(a.code) ?? a.code,
        a.class,
        a.score === null ? null : Number(a.score.toFixed(3)),
        `${a.rankLow}–${a.rankHigh}`,
        a.flags.join(' '),
      ]),
    );
    if (result.ranked > shown.length)
      process.stdout.write(
        `… en ${result.ranked - shown.length} meer (--json of --csv FILE voor alles)\n`,
      );
    const notRanked = result.areas.filter((a) => !a.ranked);
    if (notRanked.length > 0) {
      const missing = new Map<string, number>();
      for (const a of notRanked)
        for (const key of a.reason?.missing ?? []) missing.set(key, (missing.get(key) ?? 0) + 1);
      process.stdout.write(
        `\nNiet gerangschikt: ${notRanked.length} (minder dan ${Math.round(
          made.method.definition.completeness.minWeightShare * 100,
        )}% van het gewicht bekend). Ontbrekend: ${[...missing]
          .map(([k, n]) => `${k} (${n}×)`)
          .join(', ')}\n`,
      );
    }
    if (flags.csv) process.stdout.write(`CSV geschreven: ${flags.csv}\n`);
    return EXIT.ok;
  });
}

/** `--universe country|working-area|GM0392,GM0375`. */
function parseUniverse(raw: string | undefined): 'country' | 'working-area' | string[] | undefined {
  if (raw === undefined) return undefined;
  const parsed = parseUniverseText(raw);
  if ('bad' in parsed)
    throw new AppError(
      'bad_request',
      `--universe must be country, working-area or gemeente/wijk codes such as GM0392,GM0375, not "${parsed.bad}"`,
    );
  return parsed.within;
}

function parseDraws(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const draws = Number(raw);
  if (!Number.isInteger(draws) || draws < 0 || draws > 10_000)
    throw new AppError(
      'bad_request',
      `--draws must be a whole number from 0 to 10000, not "${raw}"`,
    );
  return draws;
}

function parseId(raw: string | undefined, what: string): number {
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id < 1)
    throw new AppError(
      'bad_request',
      `${what} must be a ranking number (see rankings list), not "${raw ?? ''}"`,
    );
  return id;
}

export async function rankingsListCommand(options: { json?: boolean }): Promise<number> {
  return withDatabase(async ({ db }) => {
    const rankings = await listRankingSummaries(db);
    if (options.json) {
      printJson({ rankings });
      return EXIT.ok;
    }
    printTable(
      ['id', 'method', 'year', 'level', 'ranked', 'not ranked', 'draws', 'created by', 'created'],
      rankings.map((r) => [
        r.id,
        `${r.method.key}@${r.method.version}`,
        r.dataYear,
        r.level,
        r.ranked,
        r.notRanked,
        r.draws,
        r.createdBy,
        r.createdAt.slice(0, 16).replace('T', ' '),
      ]),
    );
    return EXIT.ok;
  });
}

/** `rankings diff a b`: rank changes from A to B, split into data and method. */
export async function rankingsDiffCommand(
  rawA: string | undefined,
  rawB: string | undefined,
  options: { json?: boolean },
): Promise<number> {
  const a = parseId(rawA, 'the first ranking');
  const b = parseId(rawB, 'the second ranking');
  return withDatabase(async ({ db }) => {
    const diff = await diffRankings(db, FULL_VIEW, a, b);
    if (options.json) {
      printJson(diff);
      return EXIT.ok;
    }
    const label = (r: typeof diff.a) =>
      `${r.id} (${r.method.key}@${r.method.version}, ${r.dataYear})`;
    process.stdout.write(
      `Van rangorde ${label(diff.a)} naar ${label(diff.b)}: ${diff.summary.compared} gebieden vergeleken, ` +
        `${diff.summary.moved} van rang veranderd (${diff.summary.up} naar meer behoefte, ${diff.summary.down} naar minder).\n` +
        `${diff.sameMethod ? 'Zelfde methode: alle verschuiving komt door de gegevens.\n' : ''}` +
        `${diff.sameData ? 'Zelfde gegevens: alle verschuiving komt door de methode.\n' : ''}\n`,
    );
    printTable(
      ['code', 'name', 'rank A', 'rank B', 'change', 'data', 'method'],
      diff.areas
        .slice(0, 30)
        .map((c) => [c.code, c.name, c.rankA, c.rankB, c.change, c.dataPart, c.methodPart]),
    );
    if (diff.areas.length > 30)
      process.stdout.write(`… en ${diff.areas.length - 30} meer (--json)\n`);
    return EXIT.ok;
  });
}

/** `rankings verify id`: recompute from the stored inputs; exit 1 when anything differs. */
export async function rankingsVerifyCommand(
  raw: string | undefined,
  options: { json?: boolean },
): Promise<number> {
  const id = parseId(raw, 'verify');
  return withDatabase(async ({ db }) => {
    const result = await verifyRanking(db, id);
    if (options.json) printJson({ ranking: id, ...result });
    else
      process.stdout.write(
        result.identical
          ? `Rangorde ${id}: opnieuw berekend uit de opgeslagen invoer, alle getallen gelijk.\n`
          : `Rangorde ${id}: WIJKT AF bij ${result.differences.join(', ')}\n`,
      );
    return result.identical ? EXIT.ok : EXIT.failure;
  });
}

/** `rankings export id --csv FILE | --xlsx FILE`. */
export async function rankingsExportCommand(
  raw: string | undefined,
  options: { csv?: string; xlsx?: string },
): Promise<number> {
  const id = parseId(raw, 'export');
  const target = options.csv ?? options.xlsx;
  if (!target) throw new AppError('bad_request', 'rankings export needs --csv FILE or --xlsx FILE');
  return withDatabase(async ({ db }) => {
    const file = await exportRanking(db, FULL_VIEW, id, options.csv ? 'csv' : 'xlsx');
    fs.writeFileSync(target, file.body);
    process.stdout.write(`${file.rows} gebieden geschreven naar ${target}\n`);
    return EXIT.ok;
  });
}

export interface VeerkrachtFlags {
  from?: string;
  to?: string;
  level?: string;
  universe?: string;
  nuisance?: string;
  json?: boolean;
}

/** `veerkracht --from Y1 --to Y2`: the resilience signal, with what is missing named. */
export async function veerkrachtCommand(flags: VeerkrachtFlags): Promise<number> {
  const from = parseYear(flags.from, '--from');
  const to = parseYear(flags.to, '--to');
  if (from === undefined || to === undefined)
    throw new AppError('bad_request', 'veerkracht needs --from Y1 --to Y2');
  const level = flags.level ?? 'buurt';
  if (level !== 'buurt' && level !== 'wijk')
    throw new AppError('bad_request', `--level must be buurt or wijk, not "${level}"`);
  const within = parseUniverse(flags.universe) ?? 'working-area';
  return withDatabase(async ({ db }) => {
    const result = await veerkrachtFor(
      db,
      { from, to, level, within, ...(flags.nuisance ? { nuisance: flags.nuisance } : {}) },
      FULL_VIEW,
    );
    if (flags.json) {
      printJson(result);
      return EXIT.ok;
    }
    process.stdout.write(
      `Veerkracht ${from} → ${to}, ${level}: ${result.areas.length} gebieden.\n`,
    );
    const focus = result.areas.filter((a) => a.focus).length;
    if (focus > 0)
      process.stdout.write(`Focusgebieden (hoge kwetsbaarheid en hoge overlast): ${focus}\n`);
    if (result.missingEverywhere.length > 0)
      process.stdout.write(
        `Ontbreekt overal: ${result.missingEverywhere
          .map((m) => `${m.key} ${m.year}`)
          .join(', ')}\n`,
      );
    const counts = new Map<string, number>();
    for (const a of result.areas) {
      const q = a.quadrant.absolute
        ? QUADRANT_LABELS[a.quadrant.absolute].nl
        : 'niet te bepalen (invoer ontbreekt)';
      counts.set(q, (counts.get(q) ?? 0) + 1);
    }
    printTable(
      ['kwadrant (t.o.v. Nederland)', 'gebieden'],
      [...counts].map(([q, n]) => [q, n]),
    );
    process.stdout.write(`\n${VEERKRACHT_DISCLAIMER_NL}\n`);
    return EXIT.ok;
  });
}
