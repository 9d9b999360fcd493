import { levelOfCode, parentCodeOf, type AreaLevel } from '../domain/shared/area-code.js';
import type { AreaToWrite } from '../services/write-areas.js';
import type { PlannedArea } from './import-plan.js';

export interface ExistingArea {
  level: string;
  name: string;
  parentCode: string | null;
  hasGeometry?: boolean;
  source?: string;
}

export interface AreaResolution {
  /** Areas to insert or update, parents before children. */
  toWrite: AreaToWrite[];
  created: string[];
  updated: string[];
  /** Codes the file names that the boundary year did not hold, where it held that level. */
  notMatched: string[];
  /** Created without any name (none in the file or another boundary year): named by code. */
  unnamed: string[];
}

const DEPTH: Record<AreaLevel, number> = { land: 0, gemeente: 1, wijk: 2, buurt: 3 };

/**
 * Match the areas a file names against the areas of its boundary year. Missing areas are
 * created — with their parents, derived from the code when the file does not give them — so
 * figures for boundaries that are not yet loaded are kept, not dropped. Names come from the
 * file, else from the same code in another boundary year, else the code itself.
 * Pure: the caller supplies what the database holds.
 */
export function resolveAreas(
  planned: readonly PlannedArea[],
  existing: ReadonlyMap<string, ExistingArea>,
  namesElsewhere: ReadonlyMap<string, string>,
  authoritative: boolean,
): AreaResolution {
  const wanted = new Map<string, PlannedArea>();
  for (const area of planned) {
    const known = wanted.get(area.code);
    wanted.set(area.code, {
      ...area,
      name: area.name ?? known?.name ?? null,
      parentCode: area.parentCode ?? known?.parentCode ?? null,
      geometry: area.geometry ?? known?.geometry ?? null,
    });
  }
  const fromFile = new Set(wanted.keys());
  // Parents the file implies: every area needs its chain up to the land in the same year.
  for (const area of [...wanted.values()]) {
    let code: string | null = area.parentCode ?? parentCodeOf(area.code);
    while (code && !wanted.has(code)) {
      const level = levelOfCode(code);
      if (!level) break;
      wanted.set(code, { code, level, name: null, parentCode: parentCodeOf(code), geometry: null });
      code = parentCodeOf(code);
    }
  }
  // Only real areas say a boundary year is "populated": the fictional demo's do not count.
  const levelsHeld = new Set(
    [...existing.values()].filter((a) => a.source !== 'demo').map((a) => a.level),
  );
  const toWrite: AreaToWrite[] = [];
  const created: string[] = [];
  const updated: string[] = [];
  const notMatched: string[] = [];
  const unnamed: string[] = [];
  const ordered = [...wanted.values()].sort(
    (a, b) => DEPTH[a.level] - DEPTH[b.level] || a.code.localeCompare(b.code),
  );
  for (const area of ordered) {
    const parentCode = area.level === 'land' ? null : (area.parentCode ?? parentCodeOf(area.code));
    const current = existing.get(area.code);
    if (!current) {
      if (fromFile.has(area.code) && levelsHeld.has(area.level)) notMatched.push(area.code);
      const name = area.name ?? namesElsewhere.get(area.code) ?? null;
      if (name === null) unnamed.push(area.code);
      toWrite.push({
        code: area.code,
        level: area.level,
        name: name ?? area.code,
        parentCode,
        geometry: area.geometry,
      });
      created.push(area.code);
      continue;
    }
    if (!fromFile.has(area.code)) continue;
    if (!authoritative) {
      // A figures file with shapes (the Leefbaarometer's WFS export) fills in missing shapes only.
      if (area.geometry && !current.hasGeometry) {
        toWrite.push({
          code: area.code,
          level: area.level,
          name: current.name,
          parentCode: current.parentCode,
          geometry: area.geometry,
        });
        updated.push(area.code);
      }
      continue;
    }
    const changed =
      (area.name !== null && area.name !== current.name) ||
      (parentCode !== current.parentCode && area.parentCode !== null) ||
      area.geometry !== null;
    if (changed) {
      toWrite.push({
        code: area.code,
        level: area.level,
        name: area.name ?? current.name,
        parentCode: area.parentCode ?? current.parentCode,
        geometry: area.geometry,
      });
      updated.push(area.code);
    }
  }
  return { toWrite, created, updated, notMatched, unnamed };
}
