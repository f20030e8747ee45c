/** One of the lesson's viewer routers, as placement sees it. */
export interface PlacedRouter {
  id: string;
  /** Index of the mediasoup worker it runs on. */
  worker: number;
}

/** A running worker and the consumers it carries (or is about to: viewers placed but not yet consuming). */
export interface WorkerConsumers {
  index: number;
  consumers: number;
}

/**
 * Where the next viewer goes: an existing viewer router (`router`), or a new one on worker
 * `newRouterOn`. `overBudget` when every worker has reached its consumer budget already.
 */
export type ViewerPlacement = { router: string; overBudget: boolean } | { newRouterOn: number; overBudget: boolean };

/**
 * Places a viewer that will take `cost` consumers, each worker serving at most `budget`:
 * 1. the first viewer router whose worker still has room for it;
 * 2. else a new router on the least-loaded worker with room (a worker without a viewer router of
 *    this lesson: the broadcast is piped there);
 * 3. else, every worker being full, the least-loaded worker: its viewer router if the lesson has
 *    one there, otherwise a new one (the budget is exceeded rather than a viewer refused).
 * Ties go to the lowest worker index. Null when no worker runs.
 */
export function placeViewer(
  routers: readonly PlacedRouter[],
  workers: readonly WorkerConsumers[],
  cost: number,
  budget: number,
): ViewerPlacement | null {
  const load = new Map(workers.map((w) => [w.index, w.consumers]));
  const fits = (worker: number) => load.has(worker) && (load.get(worker) as number) + cost <= budget;
  const withRoom = routers.find((r) => fits(r.worker));
  if (withRoom) return { router: withRoom.id, overBudget: false };
  const byLoad = [...workers].sort((a, b) => a.consumers - b.consumers || a.index - b.index);
  const free = byLoad.find((w) => fits(w.index));
  if (free) return { newRouterOn: free.index, overBudget: false };
  const least = byLoad[0];
  if (!least) return null;
  const there = routers.find((r) => r.worker === least.index);
  return there ? { router: there.id, overBudget: true } : { newRouterOn: least.index, overBudget: true };
}
