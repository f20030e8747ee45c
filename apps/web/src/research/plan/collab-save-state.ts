// Which local edits the server has stored: each local update gets a sequence number; an ack of
// the update, or of a sync step 2 sent after it (the step 2 carries every local change the server
// lacks), confirms it. What is shown: offline (no connection), saving (unconfirmed edits) or saved.

export type SaveState = 'saving' | 'saved' | 'offline' | 'rejected';

export class CollabSaveTracker {
  private seq = 0;
  private readonly unconfirmed = new Set<number>();
  private rejectedMessage = '';

  /** A local edit happened; answers its sequence number. */
  noteLocalEdit(): number {
    this.seq += 1;
    this.unconfirmed.add(this.seq);
    return this.seq;
  }

  /** The sequence number of the latest local edit (what a step 2 generated now covers). */
  get latest(): number {
    return this.seq;
  }

  /** The server stored the update of edit `seq`. */
  confirm(seq: number): void {
    this.unconfirmed.delete(seq);
  }

  /** The server stored a step 2 generated when `latest` was `upTo`: every edit up to it is stored. */
  confirmUpTo(upTo: number): void {
    for (const seq of [...this.unconfirmed]) if (seq <= upTo) this.unconfirmed.delete(seq);
    if (this.unconfirmed.size === 0) this.rejectedMessage = '';
  }

  /** The server refused an edit (too large, malformed): it stays unconfirmed and the UI says so. */
  reject(message: string): void {
    this.rejectedMessage = message || 'rejected';
  }

  get pending(): number {
    return this.unconfirmed.size;
  }

  get rejection(): string {
    return this.rejectedMessage;
  }

  state(connected: boolean): SaveState {
    if (this.rejectedMessage) return 'rejected';
    if (!connected) return 'offline';
    return this.unconfirmed.size > 0 ? 'saving' : 'saved';
  }
}
