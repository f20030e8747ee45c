import { changedFields } from './changed-fields';

describe('changedFields', () => {
  it('names the fields present (null clears count), sorted, never values', () => {
    expect(changedFields({ until: null, since: '2024-09-01', name: undefined, password: 'secret-value' })).toEqual([
      'password',
      'since',
      'until',
    ]);
    expect(changedFields({})).toEqual([]);
  });
});
