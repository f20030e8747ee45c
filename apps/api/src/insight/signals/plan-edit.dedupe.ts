/**
 * Time buckets of 15 minutes: every time zone's offset is a multiple of 15 minutes, so a bucket
 * never spans two local days of any community.
 */
const BUCKET_MS = 15 * 60_000;
/** Bound on the (plan, user) pairs remembered in one bucket. */
const MAX_PAIRS = 20_000;

/**
 * Which plan edits are worth queueing: a plan edit counts once per plan, user and local day, and
 * the collab writer stores an update about every keystroke. Remembers in process memory the
 * (plan, user) pairs queued in the current bucket (forgotten when the bucket changes), so at most
 * one edit per pair and bucket is queued; the drainer still counts only the first of each local day.
 */
export class PlanEditDedupe {
  private bucket = -1;
  private readonly queued = new Set<string>();

  /** Whether an edit of the plan by the user at `at` was queued already in its bucket. */
  seen(planId: string, userId: string, at: Date): boolean {
    return this.bucketOf(at) === this.bucket && this.queued.has(pair(planId, userId));
  }

  /** Notes that an edit was queued (call after queueing succeeded). */
  remember(planId: string, userId: string, at: Date): void {
    const bucket = this.bucketOf(at);
    if (bucket < this.bucket) return; // a late edit of an earlier bucket: queueing it again is harmless
    if (bucket > this.bucket || this.queued.size >= MAX_PAIRS) {
      this.bucket = bucket;
      this.queued.clear();
    }
    this.queued.add(pair(planId, userId));
  }

  private bucketOf(at: Date): number {
    return Math.floor(at.getTime() / BUCKET_MS);
  }
}

const pair = (planId: string, userId: string) => `${planId}:${userId}`;
