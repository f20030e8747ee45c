import { describe, expect, it } from '@jest/globals';
import type { ProgrammeConflict } from '@tongke/contracts';
import { ApiError } from '../api/api.error';
import { channelErrorText, conflictLines, conflictsOf } from './channel-errors';
import { translator } from './testing/translate';

const conflict: ProgrammeConflict = {
  startsAt: '2026-03-03T11:00:00.000Z',
  endsAt: '2026-03-03T11:40:00.000Z',
  other: {
    id: 'e1',
    title: '四年级音乐《草原放牧》',
    startsAt: '2026-03-03T11:20:00.000Z',
    endsAt: '2026-03-03T12:00:00.000Z',
  },
  message: '…',
};

describe('channel errors', () => {
  it('explains a refused request in the user language, keeping the server message', () => {
    const { t, te } = translator('zh-CN');
    const err = new ApiError('NOT_READY', '"x" is not ready to play (processing)', 409);
    expect(channelErrorText(err, t, te)).toBe('这个资源还不能播放："x" is not ready to play (processing)');
    expect(channelErrorText(new Error('boom'), t, te)).toBe('操作失败：boom');
    const en = translator('en');
    expect(channelErrorText(new ApiError('FORBIDDEN', 'no', 403), en.t, en.te)).toBe(
      'You may not manage this channel.',
    );
  });

  it('lists overlaps in local time', () => {
    const err = new ApiError('SCHEDULE_CONFLICT', 'overlap', 409, [
      conflict,
      { ...conflict, other: { ...conflict.other, id: undefined } },
    ]);
    expect(conflictsOf(err)).toHaveLength(2);
    expect(conflictsOf(new ApiError('CONFLICT', 'x', 409, [conflict]))).toEqual([]);
    const { t } = translator('zh-CN');
    expect(conflictLines(conflictsOf(err), 'Asia/Shanghai', t)).toEqual([
      '2026-03-03 19:00 与《四年级音乐《草原放牧》》（2026-03-03 19:20–20:00）时间重叠',
      '2026-03-03 19:00 与本次添加的另一场（2026-03-03 19:20–20:00）时间重叠',
    ]);
  });
});
