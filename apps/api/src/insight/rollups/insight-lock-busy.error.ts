/** A community's rollups stayed locked by another writer for longer than the caller would wait. */
export class InsightLockBusyError extends Error {
  constructor(
    readonly communityId: string,
    waitMs: number,
  ) {
    super(`Insight: the rollups of community ${communityId} stayed locked for ${waitMs / 1000}s`);
    this.name = InsightLockBusyError.name;
  }
}
