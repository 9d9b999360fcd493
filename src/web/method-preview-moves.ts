import type { MethodDefinition } from '../domain/ranking/method.js';

/** One area in POST /api/methods/preview (services/ranking-preview.ts). */
export interface PreviewRow {
  code: string;
  name: string;
  ranked: boolean;
  rank: number | null;
  class: number | null;
  /** Under the newest stored version of the method, on the same data. */
  baselineRank: number | null;
  baselineClass: number | null;
  missing: string[];
}

export interface MethodPreview {
  definition: MethodDefinition;
  baseline: { key: string; version: number } | null;
  dataYear: number;
  /** Per indicator the data year used; null: no figures at all for this year. */
  years: Record<string, number | null>;
  ranked: number;
  notRanked: number;
  areas: PreviewRow[];
}

/**
 * How an area moves: `up` towards rank 1 (more need), `down` away from it, `same`, `entered`
 * (ranked now, not before), `left` (ranked before, not now), `unranked` (neither).
 */
export type MoveKind = 'up' | 'down' | 'same' | 'entered' | 'left' | 'unranked';

export interface Move extends PreviewRow {
  kind: MoveKind;
  /** Places moved: baseline rank − new rank (positive = up, towards more need); null without both. */
  places: number | null;
}

export function moveOf(row: PreviewRow): Move {
  const before = row.baselineRank;
  const now = row.ranked ? row.rank : null;
  if (before !== null && now !== null) {
    const places = before - now;
    return { ...row, places, kind: places > 0 ? 'up' : places < 0 ? 'down' : 'same' };
  }
  if (now !== null) return { ...row, places: null, kind: 'entered' };
  if (before !== null) return { ...row, places: null, kind: 'left' };
  return { ...row, places: null, kind: 'unranked' };
}

const KIND_ORDER: Record<MoveKind, number> = {
  up: 0,
  down: 0,
  entered: 1,
  left: 1,
  same: 2,
  unranked: 3,
};

/**
 * The areas, biggest movers first: by places moved (either way), then areas that entered or
 * left the ranking, then the unchanged by rank, then those ranked neither way; ties by name.
 */
export function sortedMoves(rows: readonly PreviewRow[]): Move[] {
  return rows.map(moveOf).sort((a, b) => {
    const kind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    if (kind !== 0) return kind;
    const places = Math.abs(b.places ?? 0) - Math.abs(a.places ?? 0);
    if (places !== 0) return places;
    const rank = (a.rank ?? a.baselineRank ?? Infinity) - (b.rank ?? b.baselineRank ?? Infinity);
    if (rank !== 0 && Number.isFinite(rank)) return rank;
    return a.name.localeCompare(b.name, 'nl');
  });
}

export interface MoveCounts {
  up: number;
  down: number;
  same: number;
  /** Not ranked under the edited method (for lack of figures). */
  notRanked: number;
  entered: number;
  left: number;
}

/** "x buurten stijgen, y dalen, z niet gerangschikt" and the rest. */
export function moveCounts(rows: readonly PreviewRow[]): MoveCounts {
  const counts: MoveCounts = { up: 0, down: 0, same: 0, notRanked: 0, entered: 0, left: 0 };
  for (const move of rows.map(moveOf)) {
    if (move.kind === 'up') counts.up += 1;
    else if (move.kind === 'down') counts.down += 1;
    else if (move.kind === 'same') counts.same += 1;
    else if (move.kind === 'entered') counts.entered += 1;
    else if (move.kind === 'left') counts.left += 1;
    if (!move.ranked) counts.notRanked += 1;
  }
  return counts;
}

/** Indicators of the edited method without any figures for the chosen year. */
export function indicatorsWithoutData(preview: Pick<MethodPreview, 'years'>): string[] {
  return Object.entries(preview.years)
    .filter(([, year]) => year === null)
    .map(([key]) => key);
}
