import { type PlanTake, planComposition } from './composition.planner';

// 网络教研: a recorded meeting's member-audio takes (one per member, audio only) are mixed into the
// sound with the host's; the picture shows the shared screen (from whoever shared) and the host's camera.

const segments = (id: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    path: `/store/recordings/s/${id}/seg-${i}.mkv`,
    startS: i * 5,
    endS: i * 5 + 5,
  }));
const host: PlanTake = {
  id: 'host',
  track: 'lead-av',
  offsetS: 0,
  hasAudio: true,
  hasVideo: true,
  segments: segments('host', 4),
};
const member = (id: string, offsetS: number): PlanTake => ({
  id,
  track: 'member-audio',
  offsetS,
  hasAudio: true,
  hasVideo: false,
  segments: segments(id, 2),
});
const screen: PlanTake = {
  id: 'screen',
  track: 'lead-screen',
  offsetS: 5,
  hasAudio: false,
  hasVideo: true,
  segments: segments('screen', 2),
};

describe('planComposition of a meeting', () => {
  it("mixes every member's voice with the host's and never shows a member-audio take", () => {
    const plan = planComposition({
      takes: [host, member('m1', 2), member('m2', 8), screen],
      fromS: 0,
      toS: 20,
      width: 1280,
      height: 720,
      fps: 25,
    });
    const byTake = Object.fromEntries(plan.inputs.map((i) => [i.takeId, i]));
    expect(byTake.m1).toMatchObject({ audio: true, atS: 2 });
    expect(byTake.m1.video).toBeUndefined();
    expect(byTake.m2).toMatchObject({ audio: true, atS: 8 });
    expect(plan.filtergraph).toContain('amix=inputs=4');
    expect(plan.windows.map((w) => w.layout)).toEqual(['camera', 'screen-with-camera', 'camera']);
  });
});
