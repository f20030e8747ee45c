/** A half-open span of seconds [fromS, toS). */
export interface Interval {
  fromS: number;
  toS: number;
}

/** Spans closer than this are treated as touching (container timestamps are millisecond-ish). */
const EPSILON_S = 0.001;

/** The spans merged into sorted, disjoint spans (empty ones dropped). */
export function union(spans: Interval[]): Interval[] {
  const sorted = spans.filter((s) => s.toS - s.fromS > EPSILON_S).sort((a, b) => a.fromS - b.fromS);
  const merged: Interval[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.fromS <= last.toS + EPSILON_S) last.toS = Math.max(last.toS, s.toS);
    else merged.push({ ...s });
  }
  return merged;
}

/** The parts of `spans` inside `within`. */
export function intersect(spans: Interval[], within: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const a of union(spans)) {
    for (const b of union(within)) {
      const fromS = Math.max(a.fromS, b.fromS);
      const toS = Math.min(a.toS, b.toS);
      if (toS - fromS > EPSILON_S) out.push({ fromS, toS });
    }
  }
  return union(out);
}

/** The parts of `spans` outside `cut`. */
export function subtract(spans: Interval[], cut: Interval[]): Interval[] {
  let rest = union(spans);
  for (const c of union(cut)) {
    rest = rest.flatMap((s) => {
      if (c.toS <= s.fromS || c.fromS >= s.toS) return [s];
      const parts: Interval[] = [];
      if (c.fromS > s.fromS) parts.push({ fromS: s.fromS, toS: c.fromS });
      if (c.toS < s.toS) parts.push({ fromS: c.toS, toS: s.toS });
      return parts;
    });
  }
  return rest.filter((s) => s.toS - s.fromS > EPSILON_S);
}

/** Whether `t` lies in one of the spans. */
export function covers(spans: Interval[], t: number): boolean {
  return spans.some((s) => t >= s.fromS && t < s.toS);
}

/** Every boundary of the spans inside [fromS, toS], with both ends, sorted and unique. */
export function boundaries(spans: Interval[], fromS: number, toS: number): number[] {
  const points = [fromS, toS, ...spans.flatMap((s) => [s.fromS, s.toS])].filter((p) => p >= fromS && p <= toS);
  return [...new Set(points)].sort((a, b) => a - b);
}
