import {
  consumerPriority,
  initialLayerState,
  layerForBitrate,
  nextLayerState,
  UPGRADE_HOLD_MS,
  videoPausedFor,
  type LayerInput,
  type LayerState,
} from './layer.policy';

const input = (over: Partial<LayerInput>): LayerInput => ({ cap: 2, maxSpatial: 2, now: 0, ...over });

/** Feeds estimates (bps) at the given times; returns the layer after each. */
function run(start: LayerState, steps: [number, number][], over: Partial<LayerInput> = {}): number[] {
  let state = start;
  return steps.map(([now, bitrate]) => {
    state = nextLayerState(state, input({ ...over, now, bitrate }));
    return state.spatial;
  });
}

describe('layer policy', () => {
  it('maps estimates to layers at 350 and 900 kbps', () => {
    expect([0, 349_999, 350_000, 899_999, 900_000, 5e6].map(layerForBitrate)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('starts at what the initial 600 kbps estimate carries, within the cap', () => {
    expect(initialLayerState(2, 2).spatial).toBe(1);
    expect(initialLayerState(0, 2).spatial).toBe(0);
  });

  it('goes up one layer only after the estimate stayed high for the hold time', () => {
    const layers = run({ spatial: 0, upSince: null }, [
      [0, 2e6],
      [1000, 2e6],
      [UPGRADE_HOLD_MS - 1, 2e6],
      [UPGRADE_HOLD_MS, 2e6],
      [UPGRADE_HOLD_MS + 1000, 2e6],
      [2 * UPGRADE_HOLD_MS, 2e6],
    ]);
    expect(layers).toEqual([0, 0, 0, 1, 1, 2]);
  });

  it('restarts the hold when the estimate dips in between', () => {
    const layers = run({ spatial: 0, upSince: null }, [
      [0, 500_000],
      [2000, 300_000],
      [3500, 500_000],
      [5000, 500_000],
      [6500, 500_000],
    ]);
    expect(layers).toEqual([0, 0, 0, 0, 1]);
  });

  it('drops at once when the estimate falls', () => {
    expect(run({ spatial: 2, upSince: null }, [[0, 400_000]])).toEqual([1]);
    expect(run({ spatial: 2, upSince: null }, [[0, 100_000]])).toEqual([0]);
  });

  it('drops to the lowest layer at once when the score is below 5', () => {
    const state = nextLayerState({ spatial: 2, upSince: null }, input({ bitrate: 3e6, score: 4 }));
    expect(state).toEqual({ spatial: 0, upSince: null });
    const recovering = nextLayerState(state, input({ bitrate: 3e6, score: 9, now: 100 }));
    expect(recovering.spatial).toBe(0);
  });

  it('drops to the lowest layer at once on a congested link, whatever the estimate says', () => {
    const state = nextLayerState({ spatial: 2, upSince: null }, input({ bitrate: 3e6, congested: true }));
    expect(state).toEqual({ spatial: 0, upSince: null });
    expect(nextLayerState(state, input({ bitrate: 3e6, congested: true, now: 10_000 })).spatial).toBe(0);
  });

  it("never goes above the client's cap or the producer's layers", () => {
    const capped = run(
      { spatial: 0, upSince: null },
      [
        [0, 5e6],
        [UPGRADE_HOLD_MS, 5e6],
        [2 * UPGRADE_HOLD_MS, 5e6],
        [3 * UPGRADE_HOLD_MS, 5e6],
      ],
      { cap: 1 },
    );
    expect(capped).toEqual([0, 1, 1, 1]);
    expect(nextLayerState({ spatial: 2, upSince: null }, input({ bitrate: 5e6, cap: 0 })).spatial).toBe(0);
    expect(nextLayerState({ spatial: 1, upSince: 0 }, input({ bitrate: 5e6, maxSpatial: 1, now: 9999 })).spatial).toBe(
      1,
    );
  });

  it('keeps its layer while no estimate is known', () => {
    expect(nextLayerState({ spatial: 1, upSince: null }, input({}))).toEqual({ spatial: 1, upSince: null });
  });

  it('pauses video below 100 kbps and resumes it only above 150 kbps', () => {
    expect(videoPausedFor(99_000, false)).toBe(true);
    expect(videoPausedFor(120_000, false)).toBe(false);
    expect(videoPausedFor(120_000, true)).toBe(true);
    expect(videoPausedFor(150_000, true)).toBe(false);
  });

  it('puts audio first, then the screen, then cameras', () => {
    expect(consumerPriority('audio', 'mic')).toBe(255);
    expect(consumerPriority('video', 'screen')).toBeGreaterThan(consumerPriority('video', 'camera'));
    expect(consumerPriority('video', 'screen')).toBeLessThan(255);
  });
});
