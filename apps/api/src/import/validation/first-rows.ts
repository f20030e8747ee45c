/** Remembers the first row each key appeared in, to report later duplicates within one file. */
export class FirstRows {
  private readonly first = new Map<string, number>();

  /** The earlier row with this key, if any; otherwise `row` becomes the key's first row. */
  earlier(key: string, row: number): number | undefined {
    const seen = this.first.get(key);
    if (seen === undefined) this.first.set(key, row);
    return seen;
  }
}
