import { parentPort, workerData } from 'node:worker_threads';
import { simulateRankingDraws } from '../domain/ranking/compute-ranking.js';
import type { RankingAreaInput } from '../domain/ranking/compute-ranking.js';
import type { MethodDefinition } from '../domain/ranking/method.js';

/** One share of a ranking's Monte Carlo draws, in its own thread (see ranking-compute.ts). */
const task = workerData as {
  method: MethodDefinition;
  areas: RankingAreaInput[];
  first: number;
  count: number;
};
const part = simulateRankingDraws(task.method, task.areas, task.first, task.count);
parentPort!.postMessage(part, [part.ranks.buffer as ArrayBuffer]);
