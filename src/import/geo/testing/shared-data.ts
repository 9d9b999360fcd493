/**
 * Test helper: where the real boundary files of shared/data live (read-only, never copied into
 * the repository). BUURTBALANS_SHARED_DATA overrides the default, as in bench/run.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export const SHARED_DATA =
  process.env.BUURTBALANS_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');

/** Whether the shared data is present; tests on real files are skipped (and say so) without it. */
export const hasSharedData = fs.existsSync(path.join(SHARED_DATA, 'leefbaarometer-2024'));

export const FILES = {
  wijk7: 'cbs-wijkgrenzen-2024/wijk_2024_7gemeenten_wgs84.geojson',
  wijkNl: 'cbs-wijkgrenzen-2024/wijk_2024_nl_wgs84.geojson',
  buurt7: 'leefbaarometer-2024/lbm2024_buurt_7gemeenten.geojson',
  buurtNl: 'leefbaarometer-2024/lbm2024_buurt_nl.geojson',
} as const;

/**
 * Bytes of one shared file.
 * @example readShared(FILES.wijk7).length // 80869
 */
export function readShared(file: string): Uint8Array {
  return fs.readFileSync(path.join(SHARED_DATA, file));
}

/** Text of one shared file. */
export function readSharedText(file: string): string {
  return fs.readFileSync(path.join(SHARED_DATA, file), 'utf8');
}
