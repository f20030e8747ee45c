/** A picture size in pixels (both even, as H.264 in yuv420p needs). */
export interface Size {
  width: number;
  height: number;
}

/** The tallest output: published videos are at most 720p (and never upscaled). */
export const MAX_HEIGHT = 720;
const MAX_WIDTH = 1280;
/** The lower HLS rendition, offered when the top one is at least LOWER_FROM tall. */
const LOWER_HEIGHT = 360;
const LOWER_FROM = 480;
/** Used when nothing was recorded on camera or screen (an audio-only lesson). */
const FALLBACK_HEIGHT = 360;

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
/** Rounded down to even: never larger than the source. */
const evenDown = (n: number) => Math.max(2, Math.floor(n / 2) * 2);

/** A recorded lesson's canvas: 16:9, as tall as its tallest source up to 720 (never upscaled). */
export function recordingCanvas(sourceHeights: number[]): Size {
  const tallest = Math.max(0, ...sourceHeights.filter((h) => Number.isFinite(h)));
  const height = evenDown(Math.min(MAX_HEIGHT, tallest || FALLBACK_HEIGHT));
  return { width: even((height * 16) / 9), height };
}

/** An upload's output size: its own aspect, scaled down to fit 1280x720 (never up). */
export function scaledDown(source: Size): Size {
  const scale = Math.min(1, MAX_HEIGHT / source.height, MAX_WIDTH / source.width);
  return { width: evenDown(source.width * scale), height: evenDown(source.height * scale) };
}

/** HLS rendition heights, tallest first: the video's own height, and 360p below it when it is tall enough. */
export function renditionHeights(height: number): number[] {
  return height >= LOWER_FROM ? [height, LOWER_HEIGHT] : [height];
}

/** The width of a rendition `height` tall, keeping `size`'s aspect (even). */
export function widthAt(size: Size, height: number): number {
  return height === size.height ? size.width : even((size.width * height) / size.height);
}

/** The frame rate of a published upload: the source's, rounded, within 10..30 (25 if unknown). */
export function outputFps(sourceFps: number | undefined): number {
  return Math.min(30, Math.max(10, Math.round(sourceFps ?? 25)));
}

/** Geometry of the seek-bar sprite: a frame every `intervalS`, `columns` per row, `width`x`height` each. */
export interface ThumbnailGrid {
  intervalS: number;
  columns: number;
  width: number;
  height: number;
}

const THUMB_WIDTH = 160;
const THUMB_MAX_COUNT = 100;
const THUMB_COLUMNS = 10;
const THUMB_INTERVALS_S = [2, 5, 10, 15, 20, 30, 60, 120, 300, 600];

/** The shortest "nice" interval keeping the sprite at ≤ 100 frames, and the frame size for the video's aspect. */
export function thumbnailGrid(durationS: number, size: Size): ThumbnailGrid {
  const intervalS =
    THUMB_INTERVALS_S.find((i) => Math.ceil(durationS / i) <= THUMB_MAX_COUNT) ??
    Math.ceil(durationS / THUMB_MAX_COUNT);
  return {
    intervalS,
    columns: THUMB_COLUMNS,
    width: THUMB_WIDTH,
    height: even((THUMB_WIDTH * size.height) / size.width),
  };
}

/** When the poster is taken: a quarter in, at most a minute (the first seconds are often black). */
export function posterTimeS(durationS: number): number {
  return Math.min(60, durationS / 4);
}
