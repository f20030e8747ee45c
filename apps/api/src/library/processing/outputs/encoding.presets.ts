/** How hard x264 works and how large its output may get, per use. */
export interface H264Quality {
  preset: 'ultrafast' | 'veryfast';
  crf: number;
  maxrateK: number;
  profile: 'high' | 'main';
  level: '4.0' | '3.1';
}

/** The published MP4 (and the HLS rendition copied from it). */
export const ARCHIVE_QUALITY: H264Quality = {
  preset: 'veryfast',
  crf: 23,
  maxrateK: 2500,
  profile: 'high',
  level: '4.0',
};
/** The lower HLS rendition. */
export const LOWER_QUALITY: H264Quality = { preset: 'veryfast', crf: 25, maxrateK: 800, profile: 'main', level: '3.1' };
/** Time-shift chunks, made while the lesson runs: cheap on CPU. */
export const LIVE_QUALITY: H264Quality = {
  preset: 'ultrafast',
  crf: 27,
  maxrateK: 1000,
  profile: 'main',
  level: '3.1',
};

/** RFC 6381 codec strings of the qualities' H.264 and of AAC-LC (for the HLS master playlist). */
export const CODEC_STRINGS = { high: 'avc1.640028', main: 'avc1.4d401f', aac: 'mp4a.40.2' } as const;

/**
 * H.264 at a constant `fps`, with a keyframe exactly every `keyframeS` seconds and none between
 * (no scene-cut keyframes): HLS segments and time-shift chunks cut there, so each is exactly
 * `keyframeS` long and renditions line up.
 */
export function h264Args(quality: H264Quality, fps: number, keyframeS: number): string[] {
  return [
    ...['-c:v', 'libx264', '-preset', quality.preset, '-crf', String(quality.crf)],
    ...['-maxrate', `${quality.maxrateK}k`, '-bufsize', `${quality.maxrateK * 2}k`],
    ...['-profile:v', quality.profile, '-level:v', quality.level, '-pix_fmt', 'yuv420p'],
    ...['-r', String(fps), '-fps_mode', 'cfr'],
    ...['-force_key_frames', `expr:gte(t,n_forced*${keyframeS})`, '-sc_threshold', '0'],
  ];
}

/** AAC-LC, 48 kHz stereo. */
export function aacArgs(bitrateK = 128): string[] {
  return ['-c:a', 'aac', '-b:a', `${bitrateK}k`, '-ar', '48000', '-ac', '2'];
}
