import { networkQuality } from './network-quality.policy';

describe('network quality policy', () => {
  it('is unknown until something is measured', () => {
    expect(networkQuality({ producerScores: [] })).toBe('unknown');
    expect(networkQuality({ producerScores: [], iceState: 'completed' })).toBe('unknown');
  });

  it('grades by the worst producer score and the uplink loss', () => {
    expect(networkQuality({ producerScores: [10, 9], packetLoss: 0, iceState: 'completed' })).toBe('good');
    expect(networkQuality({ producerScores: [10, 7], packetLoss: 0, iceState: 'completed' })).toBe('fair');
    expect(networkQuality({ producerScores: [10], packetLoss: 0.05, iceState: 'completed' })).toBe('fair');
    expect(networkQuality({ producerScores: [4, 10], packetLoss: 0, iceState: 'completed' })).toBe('poor');
    expect(networkQuality({ producerScores: [10], packetLoss: 0.2, iceState: 'completed' })).toBe('poor');
  });

  it('is poor while the link is down', () => {
    expect(networkQuality({ producerScores: [10], packetLoss: 0, iceState: 'disconnected' })).toBe('poor');
  });
});
