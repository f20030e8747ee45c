import { describe, expect, it } from '@jest/globals';
import type { ChannelView } from '@tongke/contracts';
import { channelForm, channelProblems, createChannelRequest, updateChannelRequest } from './channel-form';

const channel: ChannelView = {
  id: 'c1',
  communityId: 'k1',
  name: '晚间频道',
  description: '工作日晚间',
  visibility: 'community',
  timeZone: 'Asia/Shanghai',
  liveUrl: '/x',
  canEdit: true,
};

describe('channel form', () => {
  it('creates with trimmed text, and the community only when one was picked', () => {
    const form = { ...channelForm(), name: '  周末频道 ', description: ' 周末重播 ' };
    expect(createChannelRequest(form)).toEqual({ name: '周末频道', description: '周末重播', visibility: 'community' });
    expect(createChannelRequest({ ...form, communityId: 'k2' })).toMatchObject({ communityId: 'k2' });
  });

  it('sends only what changed', () => {
    expect(updateChannelRequest(channelForm(channel), channel)).toEqual({});
    expect(updateChannelRequest({ ...channelForm(channel), name: '新名字', visibility: 'public' }, channel)).toEqual({
      name: '新名字',
      visibility: 'public',
    });
  });

  it('names the problems', () => {
    expect(channelProblems(channelForm(channel), false)).toEqual([]);
    expect(channelProblems({ ...channelForm(), name: '   ' }, true)).toEqual(['name', 'community']);
    expect(
      channelProblems({ ...channelForm(channel), name: 'x'.repeat(61), description: 'y'.repeat(1001) }, false),
    ).toEqual(['name', 'description']);
  });
});
