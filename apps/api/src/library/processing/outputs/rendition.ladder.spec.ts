import {
  outputFps,
  posterTimeS,
  recordingCanvas,
  renditionHeights,
  scaledDown,
  thumbnailGrid,
  widthAt,
} from './rendition.ladder';

describe('rendition ladder', () => {
  it('sizes a recording canvas 16:9 after its tallest source, at most 720p, never upscaled', () => {
    expect(recordingCanvas([480, 1080])).toEqual({ width: 1280, height: 720 });
    expect(recordingCanvas([480])).toEqual({ width: 854, height: 480 });
    expect(recordingCanvas([241])).toEqual({ width: 426, height: 240 });
    expect(recordingCanvas([])).toEqual({ width: 640, height: 360 });
  });

  it('scales uploads down to fit 1280x720 keeping their aspect, and leaves small ones alone', () => {
    expect(scaledDown({ width: 1920, height: 1080 })).toEqual({ width: 1280, height: 720 });
    expect(scaledDown({ width: 1080, height: 1920 })).toEqual({ width: 404, height: 720 });
    expect(scaledDown({ width: 3840, height: 720 })).toEqual({ width: 1280, height: 240 });
    expect(scaledDown({ width: 641, height: 359 })).toEqual({ width: 640, height: 358 });
  });

  it('offers 360p below videos at least 480 tall, and one rendition otherwise', () => {
    expect(renditionHeights(720)).toEqual([720, 360]);
    expect(renditionHeights(480)).toEqual([480, 360]);
    expect(renditionHeights(360)).toEqual([360]);
    expect(renditionHeights(240)).toEqual([240]);
    expect(widthAt({ width: 1280, height: 720 }, 360)).toBe(640);
    expect(widthAt({ width: 404, height: 720 }, 360)).toBe(202);
  });

  it('rounds frame rates into 10..30', () => {
    expect(outputFps(29.97)).toBe(30);
    expect(outputFps(60)).toBe(30);
    expect(outputFps(5)).toBe(10);
    expect(outputFps(undefined)).toBe(25);
  });

  it('takes a sprite frame every few seconds, at most 100 of them', () => {
    expect(thumbnailGrid(20, { width: 1280, height: 720 })).toEqual({
      intervalS: 2,
      columns: 10,
      width: 160,
      height: 90,
    });
    expect(thumbnailGrid(45 * 60, { width: 1280, height: 720 }).intervalS).toBe(30);
    expect(thumbnailGrid(100 * 3600, { width: 1280, height: 720 }).intervalS).toBe(3600);
    expect(thumbnailGrid(60, { width: 640, height: 480 }).height).toBe(120);
  });

  it('takes the poster a quarter in, at most a minute', () => {
    expect(posterTimeS(20)).toBe(5);
    expect(posterTimeS(3600)).toBe(60);
  });
});
