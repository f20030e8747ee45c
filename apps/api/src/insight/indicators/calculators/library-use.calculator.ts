import { INSIGHT_LIMITS, type InsightScopeView, type LibraryUseView } from '@tongke/contracts';
import { COMMUNITY_COUNTERS as C } from '../../rollups/insight-counter.names';
import { scopeLibrary } from './overview.calculator';
import type { ScopeCounters } from './scope-counters.calculator';

/** A resource's use in the range, with the communities whose counters hold it (where to look its title up). */
export interface ResourceUse {
  resourceId: string;
  views: number;
  downloads: number;
  communityIds: string[];
}

const RESOURCE_PATH = new RegExp(`^${C.resources}\\.([0-9a-f]{24})\\.([vd])$`);

/**
 * The most used resources of the scope's communities (`c.res.<id>.<v|d>`): by views, then
 * downloads, then id; at most INSIGHT_LIMITS.topResources, none without any use. The library is
 * shared by the whole community, so a school's scope shows its community's most watched.
 */
export function topResources(sc: ScopeCounters): ResourceUse[] {
  const uses = new Map<string, ResourceUse>();
  for (const { community, counters } of sc.communities) {
    for (const [path, amount] of Object.entries(counters)) {
      const m = RESOURCE_PATH.exec(path);
      if (!m) continue;
      const use = uses.get(m[1]) ?? { resourceId: m[1], views: 0, downloads: 0, communityIds: [] };
      if (m[2] === 'v') use.views += amount;
      else use.downloads += amount;
      if (!use.communityIds.includes(community.id)) use.communityIds.push(community.id);
      uses.set(m[1], use);
    }
  }
  return [...uses.values()]
    .filter((u) => u.views > 0 || u.downloads > 0)
    .sort((a, b) => b.views - a.views || b.downloads - a.downloads || a.resourceId.localeCompare(b.resourceId))
    .slice(0, INSIGHT_LIMITS.topResources);
}

/** Title of a resource that is gone from the library (its use still counts). */
export const DELETED_RESOURCE_TITLE = '（已删除的资源 / deleted resource）';

/** The library view: totals as the overview counts them, the top resources with their titles. */
export function libraryUseView(
  view: InsightScopeView,
  sc: ScopeCounters,
  top: ResourceUse[],
  titles: ReadonlyMap<string, string>,
): LibraryUseView {
  return {
    scope: view,
    ...scopeLibrary(sc),
    top: top.map((u) => ({
      resourceId: u.resourceId,
      title: titles.get(u.resourceId) ?? DELETED_RESOURCE_TITLE,
      views: u.views,
      downloads: u.downloads,
    })),
  };
}
