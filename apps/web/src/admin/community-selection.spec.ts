import { describe, expect, it } from '@jest/globals';
import { chooseCommunity } from './community-selection';

const communities = [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }];

describe(chooseCommunity.name, () => {
  it('prefers the page’s ?community=, then the stored pick, then the user’s own, then the first', () => {
    expect(chooseCommunity({ query: 'c3', stored: 'c2', own: 'c1', communities })).toBe('c3');
    expect(chooseCommunity({ query: undefined, stored: 'c2', own: 'c1', communities })).toBe('c2');
    expect(chooseCommunity({ stored: null, own: 'c1', communities })).toBe('c1');
    expect(chooseCommunity({ communities })).toBe('c1');
  });

  it('ignores ids of communities the user can’t see and non-string queries', () => {
    expect(chooseCommunity({ query: 'elsewhere', stored: 'gone', own: 'c2', communities })).toBe('c2');
    expect(chooseCommunity({ query: ['c3'], communities })).toBe('c1');
    expect(chooseCommunity({ query: 'c1', communities: [] })).toBeUndefined();
  });
});
