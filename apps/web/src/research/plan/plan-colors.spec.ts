import { describe, expect, it } from '@jest/globals';
import { avatarText, awarenessUser, presentUsers, safeColor } from './plan-colors';

describe('plan presence', () => {
  it('takes only #rrggbb colours from others (no style injection)', () => {
    expect(safeColor('#e53935', '#000000')).toBe('#e53935');
    expect(safeColor('#e5393533', '#000000')).toBe('#e5393533');
    expect(safeColor('url(https://evil/x)', '#000000')).toBe('#000000');
    expect(safeColor('red;position:fixed;inset:0', '#000000')).toBe('#000000');
    expect(safeColor(42, '#000000')).toBe('#000000');
    const [user] = presentUsers([[1, { user: { id: 'u', name: '李静', color: 'url(x)', colorLight: 'red;x' } }]]);
    expect(user.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(user.colorLight).toMatch(/^#[0-9a-f]{8}$/);
  });

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
