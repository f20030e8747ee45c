import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

export interface ClipSpec {
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** Peak-to-peak amplitude of the per-frame luma noise (a camera sensor's grain). */
  noise: number;
}

/** 720p25, two seconds, looped by Chromium. */
export const CAMERA_CLIP: ClipSpec = { width: 1280, height: 720, fps: 25, frames: 50, noise: 16 };

/**
 * Writes a camera-like Y4M clip for Chromium's fake capture
 * (`--use-file-for-fake-video-capture`): a slowly panning textured scene with sensor
 * noise. Chromium's built-in fake camera pattern compresses to ~0.75 Mbit/s at 20 fps,
 * far below a real classroom camera; with this clip the lead's top simulcast layer runs
 * at its 1.2 Mbit/s cap at 25 fps, like the stream the reference figure uses.
 */
export class CameraClipGenerator {
  static write(file: string, spec: ClipSpec = CAMERA_CLIP): void {
    const { width: w, height: h, fps, frames, noise } = spec;
    const pan = 4; // pixels per frame
    const sceneW = w + frames * pan;
    const scene = CameraClipGenerator.scene(sceneW, h);
    const grain = randomBytes(w * h);
    const frame = Buffer.alloc((w * h * 3) / 2, 128); // chroma stays neutral grey
    const fd = openSync(file, 'w');
    try {
      writeSync(fd, `YUV4MPEG2 W${w} H${h} F${fps}:1 Ip A1:1 C420jpeg\n`);
      for (let f = 0; f < frames; f++) {
        const shift = (f * 7919) % (w * h);
        for (let y = 0; y < h; y++) {
          const row = y * sceneW + f * pan;
          for (let x = 0; x < w; x++) {
            const g = ((grain[(y * w + x + shift) % (w * h)] * noise) >> 8) - (noise >> 1);
            frame[y * w + x] = Math.max(0, Math.min(255, scene[row + x] + g));
          }
        }
        writeSync(fd, 'FRAME\n');
        writeSync(fd, frame);
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Luma of a smooth textured scene wider than the frame (the pan moves across it). */
  private static scene(w: number, h: number): Uint8Array {
    const scene = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        scene[y * w + x] = 128 + 60 * Math.sin(x / 37) * Math.cos(y / 23) + 30 * Math.sin((x + y) / 11);
      }
    }
    return scene;
  }
}
