import { describe, expect, it } from '@jest/globals';
import {
  appendPoint,
  capPoints,
  newStrokeId,
  normalisePoint,
  strokeWidthPx,
  toPixels,
  type Point,
} from './whiteboard-geometry';

const rect = { left: 100, top: 50, width: 800, height: 450 };

describe('whiteboard-geometry', () => {
  it('normalises a pointer position to 0..1 of the surface, rounded to 4 decimals', () => {
    expect(normalisePoint(500, 275, rect)).toEqual([0.5, 0.5]);
    expect(normalisePoint(100 + 800 / 3, 50, rect)).toEqual([0.3333, 0]);
  });

  it('clamps points outside the surface (pointer capture keeps reporting them)', () => {
    expect(normalisePoint(0, 1000, rect)).toEqual([0, 1]);
    expect(normalisePoint(2000, -5, rect)).toEqual([1, 0]);
  });

  it('does not divide by zero for a surface not laid out yet', () => {
    expect(normalisePoint(10, 10, { left: 0, top: 0, width: 0, height: 0 })).toEqual([0, 0]);
  });

  it('maps normalised points back to pixels of another surface size', () => {
    expect(toPixels([0.25, 0.5], 1920, 1080)).toEqual([480, 540]);
  });

  it('scales stroke widths with the surface', () => {
    expect(strokeWidthPx(4, 1000)).toBe(4);
    expect(strokeWidthPx(4, 2000)).toBe(8);
    expect(strokeWidthPx(0.5, 100)).toBe(0.5);
  });

  it('skips repeated points', () => {
    const points: Point[] = [];
    appendPoint(points, [0.1, 0.1]);
    appendPoint(points, [0.1, 0.1]);
    appendPoint(points, [0.2, 0.1]);
    expect(points).toEqual([
      [0.1, 0.1],
      [0.2, 0.1],
    ]);
  });

  it('thins long strokes to the limit, keeping both ends', () => {
    const points: Point[] = Array.from({ length: 5001 }, (_, i) => [i / 5000, 0]);
    const capped = capPoints(points, 2000);
    expect(capped).toHaveLength(2000);
    expect(capped[0]).toEqual([0, 0]);
    expect(capped[1999]).toEqual([1, 0]);
    expect(capPoints(points.slice(0, 3))).toHaveLength(3);
  });

  it('makes stroke ids from random bytes', () => {
    expect(newStrokeId((b) => b.fill(0xab))).toBe(`s${'ab'.repeat(12)}`);
    expect(newStrokeId()).toMatch(/^s[0-9a-f]{24}$/);
  });
});
