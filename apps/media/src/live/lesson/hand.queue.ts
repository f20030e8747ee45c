import type { HandEntry } from '@tongke/contracts';

/** Raised hands of classrooms, in the order they were raised. */
export class HandQueue {
  private readonly entries: HandEntry[] = [];

  /** Raises `peerId`'s hand; false if it is already up. */
  raise(peerId: string, name: string, at: Date): boolean {
    if (this.has(peerId)) return false;
    this.entries.push({ peerId, name, raisedAt: at.toISOString() });
    return true;
  }

  /** Lowers `peerId`'s hand; false if it was not up. */
  lower(peerId: string): boolean {
    const i = this.entries.findIndex((e) => e.peerId === peerId);
    if (i < 0) return false;
    this.entries.splice(i, 1);
    return true;
  }

  has(peerId: string): boolean {
    return this.entries.some((e) => e.peerId === peerId);
  }

  /** Copies of the entries (only those of `peerId` if given), in raise order. */
  list(peerId?: string): HandEntry[] {
    return this.entries.filter((e) => peerId === undefined || e.peerId === peerId).map((e) => ({ ...e }));
  }
}
