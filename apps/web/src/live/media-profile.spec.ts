import { describe, expect, it } from '@jest/globals';
import { LessonRole } from './contract-values';
import { cameraConstraints, rolePublishes, spatialLayerFor, videoEncodings, wantedSources } from './media-profile';

describe('media-profile', () => {
  it('gives the lead camera three simulcast layers, smallest first, with rising bitrates', () => {
    const enc = videoEncodings(LessonRole.LEAD, 'camera');
    expect(enc.map((e) => e.scaleResolutionDownBy)).toEqual([4, 2, 1]);
    expect(enc.map((e) => e.maxBitrate)).toEqual([150_000, 500_000, 1_200_000]);
    expect(new Set(enc.map((e) => e.rid)).size).toBe(3);
  });

  it('returns copies, so a caller cannot change the profile', () => {
    videoEncodings(LessonRole.LEAD, 'camera')[0].maxBitrate = 1;
    expect(videoEncodings(LessonRole.LEAD, 'camera')[0].maxBitrate).toBe(150_000);
  });

  it('publishes one layer for a classroom camera and for a screen', () => {
    expect(videoEncodings(LessonRole.CLASSROOM, 'camera')).toHaveLength(1);
    expect(videoEncodings(LessonRole.LEAD, 'screen')).toEqual([{ maxBitrate: 1_500_000 }]);
  });

  it('captures 720p for the lead and 480p for classrooms unless told otherwise', () => {
    expect(cameraConstraints(LessonRole.LEAD)).toMatchObject({ width: { ideal: 1280 }, height: { ideal: 720 } });
    expect(cameraConstraints(LessonRole.CLASSROOM)).toMatchObject({ width: { ideal: 640 }, height: { ideal: 480 } });
    expect(cameraConstraints(LessonRole.LEAD, '480p')).toMatchObject({ width: { ideal: 640 } });
  });

  it('asks small tiles for layer 0, medium for 1 and the big teacher view for 2', () => {
    expect(['small', 'medium', 'large'].map((s) => spatialLayerFor(s as 'small'))).toEqual([0, 1, 2]);
  });

  it('publishes by role and link mode', () => {
    expect(rolePublishes(LessonRole.OBSERVER)).toBe(false);
    expect(wantedSources(LessonRole.LEAD, 'full', true)).toEqual(['camera', 'mic', 'screen']);
    expect(wantedSources(LessonRole.CLASSROOM, 'full', true)).toEqual(['camera', 'mic']);
    expect(wantedSources(LessonRole.CLASSROOM, 'audio-only', false)).toEqual(['mic']);
    expect(wantedSources(LessonRole.LEAD, 'receive-only', true)).toEqual([]);
    expect(wantedSources(LessonRole.ASSISTANT, 'full', false)).toEqual([]);
    expect(rolePublishes(LessonRole.MEMBER)).toBe(true);
    expect(wantedSources(LessonRole.MEMBER, 'full', true)).toEqual(['camera', 'mic', 'screen']);
    expect(wantedSources(LessonRole.MEMBER, 'full', false)).toEqual(['camera', 'mic']);
  });
});
