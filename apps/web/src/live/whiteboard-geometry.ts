// Whiteboard points travel normalised to 0..1 of the shared surface, so a stroke drawn on
// the teacher's laptop lands on the same spot of a classroom's big screen.

export type Point = [number, number];

export interface SurfaceRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The most points one stroke may carry (the server's limit). */
export const MAX_STROKE_POINTS = 2000;

/** Stroke widths are given for a surface 1000 px wide and scale with the surface. */
export const REFERENCE_WIDTH = 1000;

const round4 = (v: number): number => Math.round(v * 10_000) / 10_000;
const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/** A pointer position (client coordinates) as a normalised point on the surface. */
export function normalisePoint(clientX: number, clientY: number, rect: SurfaceRect): Point {
  if (rect.width <= 0 || rect.height <= 0) return [0, 0];
  return [round4(clamp01((clientX - rect.left) / rect.width)), round4(clamp01((clientY - rect.top) / rect.height))];
}

/** A normalised point in pixels of a surface of this size. */
export function toPixels(point: Point, width: number, height: number): Point {
  return [point[0] * width, point[1] * height];
}

export function strokeWidthPx(width: number, surfaceWidth: number): number {
  return Math.max(0.5, (width * surfaceWidth) / REFERENCE_WIDTH);
}

/** Adds a point unless it repeats the last one (pointermove fires without moving, too). */
export function appendPoint(points: Point[], point: Point): void {
  const last = points[points.length - 1];
  if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
}

/** Thins a stroke to at most `max` points, keeping its first and last point. */
export function capPoints(points: Point[], max = MAX_STROKE_POINTS): Point[] {
  if (points.length <= max) return points.slice();
  const out: Point[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * step)]);
  return out;
}

/** A stroke id unique enough across participants (works outside secure contexts, unlike randomUUID). */
export function newStrokeId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(12));
  return `s${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
