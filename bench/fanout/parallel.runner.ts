/** Runs an async task over a list with bounded concurrency (to add many consumers without flooding the worker's channel). */
export class ParallelRunner {
  static async run<T>(items: readonly T[], task: (item: T) => Promise<void>, concurrency = 16): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < items.length) await task(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  }
}
