import { type CompositionRequest, inputArgs, type PlanTake, planComposition } from './composition.planner';

/** A take with `n` segments of `segS` seconds (the last one `lastS` long, if given). */
function take(over: Partial<PlanTake> & Pick<PlanTake, 'id' | 'track' | 'offsetS'>, n: number, segS = 6, lastS = segS) {
  const segments = Array.from({ length: n }, (_, i) => ({
    path: `/store/recordings/s/${over.id}/seg-${String(i).padStart(5, '0')}.mkv`,
    startS: i * segS,
    endS: i * segS + (i === n - 1 ? lastS : segS),
  }));
  return { hasAudio: true, hasVideo: true, segments, ...over } as PlanTake;
}

const camera = (offsetS: number, n: number, lastS?: number, id = `cam${offsetS}`) =>
  take({ id, track: 'lead-av', offsetS }, n, 6, lastS);
const screen = (offsetS: number, n: number, lastS?: number) =>
  take({ id: `scr${offsetS}`, track: 'lead-screen', offsetS, hasAudio: false }, n, 6, lastS);
const stage = (offsetS: number, n: number) => take({ id: `stage${offsetS}`, track: 'stage-av', offsetS }, n);

const request = (takes: PlanTake[], fromS = 0, toS = 20): CompositionRequest => ({
  takes,
  fromS,
  toS,
  width: 1280,
  height: 720,
  fps: 25,
});

describe(planComposition.name, () => {
  it('shows the camera full frame when no screen was shared', () => {
    const plan = planComposition(request([camera(0, 4, 2)]));
    expect(plan.windows).toEqual([{ fromS: 0, toS: 20, layout: 'camera' }]);
    expect(plan.durationS).toBe(20);
    expect(plan.inputs).toHaveLength(1);
    expect(plan.inputs[0]).toMatchObject({ seekS: 0, durationS: 20, atS: 0, video: 'camera', audio: true });
    expect(plan.filtergraph).toContain('color=c=black:s=1280x720:r=25:d=20,format=yuv420p[base]');
    expect(plan.filtergraph).toContain(
      '[0:v:0]setpts=PTS+0/TB,scale=1280:720:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=1280:720:(ow-iw)/2:(oh-ih)/2,setsar=1[cf0]',
    );
    expect(plan.filtergraph).toContain("[base][cf0]overlay=eof_action=pass:enable='gte(t,0)*lt(t,20)'[v0]");
    expect(plan.filtergraph).not.toContain('split');
    expect(plan.filtergraph).toContain('[v0]null[vout]');
  });

  it('shows the screen large with the camera inset while the screen was shared', () => {
    const plan = planComposition(request([camera(0, 4, 2), screen(6, 2, 2)]));
    expect(plan.windows).toEqual([
      { fromS: 0, toS: 6, layout: 'camera' },
      { fromS: 6, toS: 14, layout: 'screen-with-camera' },
      { fromS: 14, toS: 20, layout: 'camera' },
    ]);
    const graph = plan.filtergraph;
    expect(graph).toContain('[0:v:0]setpts=PTS+0/TB,split=2[cf_in0][ci_in0]');
    expect(graph).toContain('[ci_in0]scale=320:-2,setsar=1[ci0]');
    expect(graph).toContain('[1:v:0]setpts=PTS+6/TB,scale=1280:720:force_original_aspect_ratio=decrease');
    // The screen, then the full-frame camera outside the screen's span, then the inset on top.
    const overlays = graph.split('\n').filter((l) => l.includes('overlay='));
    expect(overlays).toEqual([
      "[base][cf0]overlay=eof_action=pass:enable='gte(t,0)*lt(t,6)+gte(t,14)*lt(t,20)'[v0];",
      "[v0][s1]overlay=eof_action=pass:enable='gte(t,6)*lt(t,14)'[v1];",
      "[v1][ci0]overlay=x=W-w-32:y=H-h-32:eof_action=pass:enable='gte(t,6)*lt(t,14)'[v2];",
    ]);
  });

  it('leaves black where nothing was recorded between a crashed take and the next one', () => {
    const crashed = camera(0, 2, 3.5, 'crashed'); // segments 0–6 and a truncated 6–9.5
    const restarted = camera(15, 1, 5, 'restarted');
    const plan = planComposition(request([crashed, restarted]));
    expect(plan.windows).toEqual([
      { fromS: 0, toS: 9.5, layout: 'camera' },
      { fromS: 9.5, toS: 15, layout: 'empty' },
      { fromS: 15, toS: 20, layout: 'camera' },
    ]);
    expect(plan.inputs.map((i) => [i.takeId, i.atS, i.durationS])).toEqual([
      ['crashed', 0, 9.5],
      ['restarted', 15, 5],
    ]);
    expect(plan.filtergraph).toContain('[1:v:0]setpts=PTS+15/TB');
    expect(plan.filtergraph).toContain("enable='gte(t,15)*lt(t,20)'");
  });

  it('starts a new input where a take lost segments, placed by the manifest times', () => {
    const holey = camera(0, 3);
    holey.segments.splice(1, 1); // 0–6, then 12–18
    const plan = planComposition(request([holey]));
    expect(plan.inputs.map((i) => [i.atS, i.durationS])).toEqual([
      [0, 6],
      [12, 6],
    ]);
    expect(plan.windows.map((w) => w.layout)).toEqual(['camera', 'empty', 'camera', 'empty']);
  });

  it('places each segment where the next one starts, so small recorder gaps do not add up', () => {
    const cam = camera(0, 3);
    cam.segments[1] = { ...cam.segments[1], startS: 6.1, endS: 12 };
    cam.segments[2] = { ...cam.segments[2], startS: 12.2, endS: 18 };
    const [input] = planComposition(request([cam], 0, 18)).inputs;
    expect(input.concat.match(/^duration .*$/gm)).toEqual(['duration 6.1', 'duration 6.1', 'duration 5.8']);
  });

  it('reads only the segments of a window, seeking into them, for a time-shift chunk', () => {
    const plan = planComposition(request([camera(0, 4, 2), screen(6, 2, 2)], 8, 12));
    expect(plan.durationS).toBe(4);
    expect(plan.windows).toEqual([{ fromS: 8, toS: 12, layout: 'screen-with-camera' }]);
    const [cam, scr] = plan.inputs;
    expect(cam).toMatchObject({ seekS: 2, durationS: 4, atS: 0 });
    expect(cam.concat).toBe("ffconcat version 1.0\nfile '/store/recordings/s/cam0/seg-00001.mkv'\nduration 6\n");
    expect(scr).toMatchObject({ seekS: 2, durationS: 4, atS: 0 });
    expect(inputArgs(plan, ['/w/0.ffconcat', '/w/1.ffconcat'])).toEqual([
      ...['-ss', '2', '-t', '4', '-f', 'concat', '-safe', '0', '-i', '/w/0.ffconcat'],
      ...['-ss', '2', '-t', '4', '-f', 'concat', '-safe', '0', '-i', '/w/1.ffconcat'],
    ]);
    // The camera is only an inset in this window: no split, no full-frame branch.
    expect(plan.filtergraph).toContain('[0:v:0]setpts=PTS+0/TB,scale=320:-2,setsar=1[ci0]');
    expect(plan.filtergraph).not.toContain('[cf0]');
  });

  it('mixes the lead audio with the on-stage classroom and ignores the classroom picture', () => {
    const plan = planComposition(request([camera(0, 4, 2), stage(2, 2)]));
    expect(plan.inputs[1]).toMatchObject({ track: 'stage-av', audio: true, atS: 2 });
    expect(plan.inputs[1].video).toBeUndefined();
    expect(plan.filtergraph).not.toContain('[1:v');
    expect(plan.filtergraph).toContain(
      '[1:a:0]asetpts=PTS+2/TB,aresample=48000:async=1:first_pts=0,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo[a1]',
    );
    expect(plan.filtergraph).toContain(
      '[abase][a0][a1]amix=inputs=3:duration=first:dropout_transition=0:normalize=0[aout]',
    );
  });

  it('produces black and silence for a window with nothing recorded', () => {
    const plan = planComposition(request([camera(0, 1)], 10, 14));
    expect(plan.inputs).toEqual([]);
    expect(plan.windows).toEqual([{ fromS: 10, toS: 14, layout: 'empty' }]);
    expect(plan.filtergraph).toContain('[base]null[vout]');
    expect(plan.filtergraph).toContain('[abase]anull[aout]');
  });

  it('skips a take with neither usable picture nor sound, and screens shared without a camera', () => {
    const silentStage = take({ id: 'mute', track: 'stage-av', offsetS: 0, hasAudio: false }, 2);
    const plan = planComposition(request([silentStage, screen(0, 2)], 0, 12));
    expect(plan.inputs.map((i) => i.takeId)).toEqual(['scr0']);
    expect(plan.windows).toEqual([{ fromS: 0, toS: 12, layout: 'screen' }]);
  });

  it('quotes file names for the concat list', () => {
    const odd = camera(0, 1);
    odd.segments[0].path = "/store/it's/seg.mkv";
    expect(planComposition(request([odd], 0, 6)).inputs[0].concat).toContain("file '/store/it'\\''s/seg.mkv'");
  });

  it('refuses an empty window', () => {
    expect(() => planComposition(request([], 5, 5))).toThrow('empty composition window');
  });
});
