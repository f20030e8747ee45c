import { LessonRole } from '@tongke/contracts';
import { sameTrack, wantedTracks, type RecordableTrack } from './recording-track.policy';

const roles = new Map([
  ['lead', LessonRole.LEAD],
  ['a', LessonRole.CLASSROOM],
  ['b', LessonRole.CLASSROOM],
  ['obs', LessonRole.OBSERVER],
]);
const t = (producerId: string, peerId: string, source: RecordableTrack['source']): RecordableTrack => ({
  producerId,
  peerId,
  source,
});
const tracks = [
  t('p2', 'lead', 'mic'),
  t('p1', 'lead', 'camera'),
  t('p3', 'lead', 'screen'),
  t('p4', 'a', 'camera'),
  t('p5', 'a', 'mic'),
  t('p6', 'b', 'camera'),
];

describe(wantedTracks.name, () => {
  it("takes the lead's camera + mic, the lead's screen and the on-stage classroom's camera + mic", () => {
    const wanted = wantedTracks({ roles, stagePeerId: 'a' }, tracks);
    expect(Object.fromEntries(wanted)).toEqual({
      'lead-av': { peerId: 'lead', producerIds: ['p1', 'p2'] },
      'lead-screen': { peerId: 'lead', producerIds: ['p3'] },
      'stage-av': { peerId: 'a', producerIds: ['p4', 'p5'] },
    });
  });

  it('leaves out tracks nobody feeds and a stage that is not a classroom', () => {
    expect([...wantedTracks({ roles, stagePeerId: null }, tracks.slice(0, 2)).keys()]).toEqual(['lead-av']);
    expect(wantedTracks({ roles, stagePeerId: 'obs' }, tracks).has('stage-av')).toBe(false);
    expect(wantedTracks({ roles, stagePeerId: 'gone' }, tracks).has('stage-av')).toBe(false);
    expect(wantedTracks({ roles: new Map(), stagePeerId: null }, tracks).size).toBe(0);
  });

  it('compares a running take with what is wanted', () => {
    const a = { peerId: 'a', producerIds: ['p4', 'p5'] };
    expect(sameTrack(a, { peerId: 'a', producerIds: ['p4', 'p5'] })).toBe(true);
    expect(sameTrack(a, { peerId: 'a', producerIds: ['p4'] })).toBe(false);
    expect(sameTrack(a, { peerId: 'b', producerIds: ['p4', 'p5'] })).toBe(false);
    expect(sameTrack(a, undefined)).toBe(false);
    expect(sameTrack(undefined, undefined)).toBe(true);
  });
});
