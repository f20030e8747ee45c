import { describe, expect, it } from '@jest/globals';
import { consumerViewOf } from './live-state.reducer';
import { consumerStat } from './live-stats';
import { offer } from './testing/live-fixtures';

describe('consumerStat', () => {
  const view = consumerViewOf(offer('c1', 'lead', { kind: 'audio', source: 'mic' }));

  it('reads the inbound-rtp entry of a stats report', () => {
    const report = [
      { type: 'transport', bytesReceived: 999 },
      {
        type: 'inbound-rtp',
        totalSamplesReceived: 50_000,
        concealedSamples: 2000,
        bytesReceived: 12_000,
        packetsLost: 2,
      },
      { type: 'codec', mimeType: 'audio/opus' },
    ];
    expect(consumerStat(view, report)).toEqual({
      consumerId: 'c1',
      peerId: 'lead',
      source: 'mic',
      kind: 'audio',
      framesDecoded: 0,
      totalSamplesReceived: 48_000,
      concealedSamples: 2000,
      bytesReceived: 12_000,
      packetsLost: 2,
    });
  });

  it('does not count concealment as received audio (a paused producer sends nothing)', () => {
    const paused = [{ type: 'inbound-rtp', totalSamplesReceived: 387_360, concealedSamples: 244_548 }];
    const later = [{ type: 'inbound-rtp', totalSamplesReceived: 436_320, concealedSamples: 293_508 }];
    expect(consumerStat(view, later).totalSamplesReceived).toBe(consumerStat(view, paused).totalSamplesReceived);
  });

  it('reports zeros before anything arrived', () => {
    expect(consumerStat(view, [])).toMatchObject({ framesDecoded: 0, totalSamplesReceived: 0, bytesReceived: 0 });
  });
});
