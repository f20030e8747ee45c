import { INSIGHT_LIMITS } from '@tongke/contracts';
import { fixtureCommunity, fixtureCounters, fixtureScope, hexId } from '../testing/insight-scope.fixture';
import { C1, C2, DISTRICT, RES, SUMS, VIEW } from '../testing/two-community.fixture';
import { DELETED_RESOURCE_TITLE, libraryUseView, topResources } from './library-use.calculator';

describe(topResources.name, () => {
  it('ranks by views, then downloads, then id, merging communities', () => {
    const sums = {
      [C1]: { ...SUMS[C1], [`c.res.${hexId(503)}.v`]: 3, [`c.res.${hexId(503)}.d`]: 2 },
      [C2]: { [`c.res.${RES.b}.v`]: 1, [`c.res.${hexId(504)}.d`]: 0 },
    };
    expect(topResources(fixtureCounters(DISTRICT, sums))).toEqual([
      { resourceId: RES.a, views: 5, downloads: 1, communityIds: [C1] },
      { resourceId: RES.b, views: 4, downloads: 0, communityIds: [C1, C2] },
      { resourceId: hexId(503), views: 3, downloads: 2, communityIds: [C1] },
    ]);
  });

  it(`keeps the top ${INSIGHT_LIMITS.topResources}`, () => {
    const counters = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`c.res.${hexId(600 + i)}.v`, i + 1]));
    const top = topResources(fixtureCounters(fixtureScope([fixtureCommunity(1000, [])]), { [C1]: counters }));
    expect(top.map((t) => t.views)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
  });
});

describe(libraryUseView.name, () => {
  it('names the top resources (a deleted one as such) under the totals', () => {
    const sc = fixtureCounters(DISTRICT, SUMS);
    const v = libraryUseView(VIEW, sc, topResources(sc), new Map([[RES.a, '草原就是我的家']]));
    expect(v).toEqual({
      scope: VIEW,
      views: 8,
      downloads: 1,
      top: [
        { resourceId: RES.a, title: '草原就是我的家', views: 5, downloads: 1 },
        { resourceId: RES.b, title: DELETED_RESOURCE_TITLE, views: 3, downloads: 0 },
      ],
    });
  });
});
