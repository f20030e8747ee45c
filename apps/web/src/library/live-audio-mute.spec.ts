import { describe, expect, it } from '@jest/globals';
import { LiveAudioMute, type Switchable } from './live-audio-mute';

function tracks(...ids: string[]): Map<string, Switchable> {
  return new Map(ids.map((id) => [id, { enabled: true }]));
}

describe(LiveAudioMute.name, () => {
  it('mutes the live audio and gives it back on restore', () => {
    const live = tracks('teacher', 'stage');
    const mute = new LiveAudioMute((id) => live.get(id) ?? null);
    mute.mute(['teacher', 'stage', 'gone']);
    expect([...live.values()].map((t) => t.enabled)).toEqual([false, false]);
    expect(mute.isActive).toBe(true);
    mute.restore();
    expect([...live.values()].map((t) => t.enabled)).toEqual([true, true]);
    expect(mute.isActive).toBe(false);
  });

  it('mutes tracks that arrive while open (a reconnect) and restores them too', () => {
    const live = tracks('teacher');
    const mute = new LiveAudioMute((id) => live.get(id) ?? null);
    mute.mute(['teacher']);
    live.set('teacher-2', { enabled: true });
    mute.mute(['teacher', 'teacher-2']);
    expect(live.get('teacher-2')?.enabled).toBe(false);
    mute.restore();
    expect(live.get('teacher')?.enabled).toBe(true);
    expect(live.get('teacher-2')?.enabled).toBe(true);
  });

  it('leaves alone tracks that were already off', () => {
    const live = tracks('teacher');
    live.get('teacher')!.enabled = false;
    const mute = new LiveAudioMute((id) => live.get(id) ?? null);
    mute.mute(['teacher']);
    mute.restore();
    expect(live.get('teacher')?.enabled).toBe(false);
  });
});
