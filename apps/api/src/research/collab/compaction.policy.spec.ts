import { selectCompaction, withinSizeBound } from './compaction.policy';

const rows = (n: number, first: 'update' | 'snapshot' = 'snapshot') =>
  Array.from({ length: n }, (_, i) => ({ id: i, kind: i === 0 ? first : ('update' as const) }));

describe(selectCompaction.name, () => {
  it('waits until the document has `threshold` rows', () => {
    expect(selectCompaction(rows(199), 200)).toBeNull();
    expect(selectCompaction(rows(200), 200)).toEqual(rows(200).map((r) => r.id));
  });

  it('never compacts a lone row', () => {
    expect(selectCompaction(rows(1), 1)).toBeNull();
    expect(selectCompaction([], 0)).toBeNull();
  });

  it('merges exactly the rows it was given (snapshots included)', () => {
    const given = [
      { id: 'a', kind: 'snapshot' as const },
      { id: 'b', kind: 'snapshot' as const },
      { id: 'c', kind: 'update' as const },
    ];
    expect(selectCompaction(given, 3)).toEqual(['a', 'b', 'c']);
  });
});

describe(withinSizeBound.name, () => {
  it('allows growth up to the limit and no further', () => {
    expect(withinSizeBound(90, 10, 100)).toBe(true);
    expect(withinSizeBound(90, 11, 100)).toBe(false);
  });
});
