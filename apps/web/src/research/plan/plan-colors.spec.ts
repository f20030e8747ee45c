import { describe, expect, it } from '@jest/globals';
import { avatarText, awarenessUser, presentUsers } from './plan-colors';

describe('plan presence', () => {
  it('gives each user one stable colour', () => {
    expect(awarenessUser('u1', 'a')).toEqual(awarenessUser('u1', 'b') && { ...awarenessUser('u1', 'a') });
    expect(awarenessUser('u1', 'a').colorLight).toBe(`${awarenessUser('u1', 'a').color}33`);
  });

  it('lists each user once, skipping states without a user', () => {
    const u = (id: string, name: string) => ({ user: awarenessUser(id, name) });
    const states: [number, Record<string, unknown>][] = [
      [1, u('a', '李静')],
      [2, {}],
      [3, u('b', '赵敏')],
      [4, u('a', '李静')],
    ];
    expect(presentUsers(states).map((p) => p.name)).toEqual(['李静', '赵敏']);
  });

  it('shows a Chinese name without its bracketed remark, or initials', () => {
    expect(avatarText('李静（音乐）')).toBe('李静');
    expect(avatarText('欧阳娜娜')).toBe('娜娜');
    expect(avatarText('Anna Smith')).toBe('AS');
    expect(avatarText('  ')).toBe('?');
  });
});
