import type { LinkMode, MediaSource } from '@tongke/contracts';
import { LessonRole } from './contract-values';

/** One RTP encoding as mediasoup-client's `produce({ encodings })` takes it. */
export interface EncodingProfile {
  rid?: string;
  scaleResolutionDownBy?: number;
  maxBitrate: number;
  scalabilityMode?: string;
}

/** How big a remote video is drawn; decides the simulcast layer it asks for. */
export type TileSize = 'small' | 'medium' | 'large';

export type CameraQuality = '720p' | '480p';

/** The lead's camera: three simulcast layers (¼, ½, full resolution), each with temporal layers. */
export const LEAD_CAMERA_ENCODINGS: readonly EncodingProfile[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 150_000, scalabilityMode: 'L1T3' },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 500_000, scalabilityMode: 'L1T3' },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 1_200_000, scalabilityMode: 'L1T3' },
];

/** Encodings of a published video track: simulcast for the lead's camera, one layer otherwise. */
export function videoEncodings(role: LessonRole, source: MediaSource): EncodingProfile[] {
  if (source === 'screen') return [{ maxBitrate: 1_500_000 }];
  if (role === LessonRole.LEAD) return LEAD_CAMERA_ENCODINGS.map((e) => ({ ...e }));
  // A rural classroom's uplink is the scarce resource: one modest layer.
  return [{ maxBitrate: 600_000 }];
}

/** Camera capture constraints: 720p for the lead (three real layers) unless asked for less. */
export function cameraConstraints(role: LessonRole, quality?: CameraQuality): MediaTrackConstraints {
  const hd = (quality ?? (role === LessonRole.LEAD ? '720p' : '480p')) === '720p';
  return {
    width: { ideal: hd ? 1280 : 640 },
    height: { ideal: hd ? 720 : 480 },
    frameRate: { ideal: 25, max: 30 },
  };
}

/** The spatial layer a simulcast consumer drawn at this size asks for. */
export function spatialLayerFor(size: TileSize): number {
  return size === 'small' ? 0 : size === 'medium' ? 1 : 2;
}

/** Whether this role publishes camera and microphone at all (a meeting's members do too). */
export function rolePublishes(role: LessonRole): boolean {
  return role === LessonRole.LEAD || role === LessonRole.CLASSROOM || role === LessonRole.MEMBER;
}

/** The sources a participant should be publishing right now. */
export function wantedSources(role: LessonRole, mode: LinkMode, screenOn: boolean): MediaSource[] {
  if (!rolePublishes(role) || mode === 'receive-only') return [];
  if (mode === 'audio-only') return ['mic'];
  const sources: MediaSource[] = ['camera', 'mic'];
  if (screenOn && (role === LessonRole.LEAD || role === LessonRole.MEMBER)) sources.push('screen');
  return sources;
}
