/** What a cell parser answers: the cell's value, or why the cell is wrong. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const valid = <T>(value: T): CellResult<T> => ({ ok: true, value });
export const invalid = <T = never>(reason: string): CellResult<T> => ({ ok: false, reason });
