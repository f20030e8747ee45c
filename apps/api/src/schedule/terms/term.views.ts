import type { TermView } from '@tongke/contracts';
import type { Community } from '../../org/schemas/community.schema';
import type { Term } from '../../org/schemas/term.schema';
import { DEFAULT_TIME_ZONE } from '../time/local-time';

/** The community's IANA time zone. */
export const zoneOf = (community: Community): string => community.timeZone ?? DEFAULT_TIME_ZONE;

export function toTermView(term: Term, community: Community): TermView {
  return {
    id: term._id.toString(),
    communityId: term.communityId.toString(),
    name: term.name,
    startsOn: term.startsOn,
    endsOn: term.endsOn,
    holidays: term.holidays.map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn })),
    makeupDays: term.makeupDays.map(({ date, followsWeekday }) => ({ date, followsWeekday })),
    timeZone: zoneOf(community),
  };
}
