import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  beginRanking,
  computeRanking,
  finishRanking,
  type RankingAreaInput,
  type RankingResult,
} from '../domain/ranking/compute-ranking.js';
import type { MethodDefinition } from '../domain/ranking/method.js';
import type { SimulatedRanks } from '../domain/ranking/rank-interval.js';

/**
 * Below this many area-draws a ranking runs in this thread: starting a worker (~0.2 s, it loads
 * its own TypeScript) costs more than it saves. A national ranking (12,000 buurten × 1,000
 * draws) is far above it.
 */
const PARALLEL_FROM = 2_000_000;

/**
 * computeRanking, with the Monte Carlo draws shared with a worker thread when the ranking is
 * large and the machine has a second core: the worker takes the last third of the draws while
 * this thread does the rest (bench/ranking.ts: 2.8 s → 2.3 s for 12,147 buurten × 20
 * indicators × 1,000 draws on the 2-core machine, before this split moved from a half to two
 * thirds). The numbers are
 * identical either way (draw d is the same draw in any thread; see rank-interval.ts).
 */
export async function computeRankingFast(
  method: MethodDefinition,
  areas: readonly RankingAreaInput[],
  options: { draws?: number } = {},
): Promise<RankingResult> {
  const draws = options.draws ?? method.uncertainty.draws;
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (cores < 2 || draws < 2 || areas.length * draws < PARALLEL_FROM)
    return computeRanking(method, areas, options);

  // This thread takes two thirds: the worker first spends ~0.8 s loading its TypeScript and
  // building the model (measured by bench/ranking.ts), so an even split leaves this thread
  // waiting for it.
  const local = Math.ceil((draws * 2) / 3);
  const worker = new Worker(new URL('./ranking-worker.mjs', import.meta.url), {
    workerData: { method, areas, first: local, count: draws - local },
  });
  const other = new Promise<SimulatedRanks>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`ranking worker stopped with exit code ${code}`));
    });
  });
  // Keep a failure of the worker from being an unhandled rejection while this thread works.
  other.catch(() => undefined);
  try {
    const inProgress = beginRanking(method, areas, { draws, localDraws: local });
    return finishRanking(inProgress, [await other]);
  } finally {
    await worker.terminate();
  }
}
