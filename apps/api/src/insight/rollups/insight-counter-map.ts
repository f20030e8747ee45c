// Pure arithmetic on counter maps (flat `Counters`, see insight-contribution.ts) and their nested
// form (how rollup documents hold them, so a path can be `$inc`-ed in place).

import type { Counters } from './insight-contribution';

/** A nested counter tree: each flat path's segments are nested keys; leaves are numbers. */
export interface CounterTree {
  [segment: string]: number | CounterTree;
}

/** a + b (a new map; zero sums kept out). */
export function addCounters(a: Counters, b: Counters): Counters {
  return pruneZeros(combine(a, b, 1));
}

/** a − b (a new map; zero differences kept out). */
export function subtractCounters(a: Counters, b: Counters): Counters {
  return pruneZeros(combine(a, b, -1));
}

/** What turns `from` into `to`: to − from, zero entries dropped. */
export function diffCounters(from: Counters, to: Counters): Counters {
  return subtractCounters(to, from);
}

/** Adds `b` (times `sign`) into `into`, in place; answers `into`. */
export function accumulate(into: Counters, b: Counters, sign: 1 | -1 = 1): Counters {
  for (const [path, n] of Object.entries(b)) into[path] = (into[path] ?? 0) + sign * n;
  return into;
}

/** The map without its zero entries. */
export function pruneZeros(c: Counters): Counters {
  const out: Counters = {};
  for (const [path, n] of Object.entries(c)) if (n !== 0) out[path] = n;
  return out;
}

/** True when the map has no non-zero entry. */
export function isZero(c: Counters): boolean {
  return Object.values(c).every((n) => n === 0);
}

/** The flat paths of a nested tree (`{ c: { les: { del: 2 } } }` → `{ 'c.les.del': 2 }`). */
export function flattenCounters(tree: CounterTree | null | undefined, prefix = ''): Counters {
  const out: Counters = {};
  if (!tree) return out;
  for (const [segment, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${segment}` : segment;
    if (typeof value === 'number') out[path] = value;
    else Object.assign(out, flattenCounters(value, path));
  }
  return out;
}

/** The nested tree of flat paths (the inverse of `flattenCounters`); a path that is also a parent throws. */
export function nestCounters(c: Counters): CounterTree {
  const root: CounterTree = {};
  for (const [path, n] of Object.entries(c)) {
    const segments = path.split('.');
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      const next = node[segment] ?? {};
      if (typeof next === 'number') throw clash(path);
      node = node[segment] = next;
    }
    const leaf = segments[segments.length - 1];
    if (typeof node[leaf] === 'object') throw clash(path);
    node[leaf] = n;
  }
  return root;
}

function combine(a: Counters, b: Counters, sign: 1 | -1): Counters {
  return accumulate({ ...a }, b, sign);
}

function clash(path: string): Error {
  return new Error(`Insight: counter path ${path} clashes with another (a counter cannot also be a parent)`);
}
