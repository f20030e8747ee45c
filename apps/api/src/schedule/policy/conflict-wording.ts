/** "on 2030-09-03" for one date, "on 6 dates from 2030-09-03" for several. */
export function datesPhrase(first: string, count: number): string {
  return count > 1 ? `on ${count} dates from ${first}` : `on ${first}`;
}
