import { describe, expect, it } from '@jest/globals';
import type { ResourceView } from '@tongke/contracts';
import { hiddenCount, moveItem, nextPlayable, playableFrom, removeItem } from './series-playlist';

const r = (id: string, status: ResourceView['status'] = 'ready') => ({ id, status }) as ResourceView;

describe('series playlist', () => {
  const list = [r('a'), r('b', 'processing'), r('c'), r('d', 'failed')];

  it('plays one after another, skipping what cannot play', () => {
    expect(playableFrom(list, 0)?.id).toBe('a');
    expect(nextPlayable(list, 'a')?.id).toBe('c');
    expect(nextPlayable(list, 'c')).toBeUndefined();
    expect(nextPlayable(list, 'unknown')).toBeUndefined();
    expect(playableFrom([r('x', 'processing')], 0)).toBeUndefined();
  });

  it('moves an item past its visible neighbour, leaving hidden ids in place', () => {
    const ids = ['a', 'hidden', 'b', 'c'];
    const visible = ['a', 'b', 'c'];
    expect(moveItem(ids, visible, 'b', -1)).toEqual(['b', 'hidden', 'a', 'c']);
    expect(moveItem(ids, visible, 'b', 1)).toEqual(['a', 'hidden', 'c', 'b']);
    expect(moveItem(ids, visible, 'a', -1)).toEqual(ids);
    expect(moveItem(ids, visible, 'c', 1)).toEqual(ids);
    expect(moveItem(ids, visible, 'zzz', 1)).toEqual(ids);
  });

  it('removes items and counts the hidden ones', () => {
    expect(removeItem(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
    expect(hiddenCount(['a', 'x', 'c', 'y'], [r('a'), r('c')])).toBe(2);
  });
});
