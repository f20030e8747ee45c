import { Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import {
  audienceOf,
  audienceProblem,
  canManageChannel,
  canWatchChannel,
  communitySeesResource,
  liveRendition,
  type ChannelScope,
  type ChannelViewer,
} from './channel-access.policy';

const own = new Types.ObjectId();
const sibling = new Types.ObjectId(); // same district
const foreign = new Types.ObjectId(); // another district
const D = '山城区';

const channel = (visibility: ChannelScope['visibility']): ChannelScope => ({
  communityId: own,
  district: D,
  visibility,
});
const member = (roles: Role[], communityId = own, district = D): ChannelViewer => ({ roles, communityId, district });
const districtAdmin = (district = D): ChannelViewer => ({ roles: [Role.DISTRICT_ADMIN], district });

describe('channel access policy', () => {
  it('lets community admins of its community and district admins of its district manage', () => {
    expect(canManageChannel(member([Role.COMMUNITY_ADMIN]), channel('community'))).toBe(true);
    expect(canManageChannel(districtAdmin(), channel('community'))).toBe(true);
    expect(canManageChannel(member([Role.TEACHER]), channel('community'))).toBe(false);
    expect(canManageChannel(member([Role.SCHOOL_ADMIN]), channel('community'))).toBe(false);
    expect(canManageChannel(member([Role.COMMUNITY_ADMIN], sibling), channel('public'))).toBe(false);
    expect(canManageChannel(districtAdmin('淇滨区'), channel('public'))).toBe(false);
  });

  it('shows a channel by its visibility, as for resources', () => {
    expect(canWatchChannel(member([Role.TERMINAL]), channel('community'))).toBe(true);
    expect(canWatchChannel(member([Role.TEACHER], sibling), channel('community'))).toBe(false);
    expect(canWatchChannel(member([Role.TEACHER], sibling), channel('district'))).toBe(true);
    expect(canWatchChannel(member([Role.TEACHER], foreign, '淇滨区'), channel('district'))).toBe(false);
    expect(canWatchChannel(member([Role.TEACHER], foreign, '淇滨区'), channel('public'))).toBe(true);
    expect(canWatchChannel(districtAdmin(), channel('community'))).toBe(true);
  });

  it('turns a viewer into the audience a query can name', () => {
    expect(audienceOf(member([Role.TEACHER]))).toEqual({ communityId: own, district: D });
    expect(audienceOf(districtAdmin())).toEqual({ district: D, managesDistrict: D });
  });

  describe(audienceProblem.name, () => {
    const resource = (communityId: Types.ObjectId, visibility: ChannelScope['visibility'], district = D) => ({
      communityId,
      district,
      visibility,
      status: 'ready' as const,
    });

    it('lets a community channel play its own, district and public resources', () => {
      expect(audienceProblem(channel('community'), resource(own, 'community'))).toBeNull();
      expect(audienceProblem(channel('community'), resource(sibling, 'district'))).toBeNull();
      expect(audienceProblem(channel('community'), resource(foreign, 'public', '淇滨区'))).toBeNull();
      expect(communitySeesResource(channel('community'), resource(sibling, 'community'))).toBe(false);
      expect(communitySeesResource(channel('community'), resource(foreign, 'district', '淇滨区'))).toBe(false);
    });

    it('refuses resources narrower than the channel audience', () => {
      expect(audienceProblem(channel('district'), resource(own, 'community'))).toMatch(/whole district/);
      expect(audienceProblem(channel('district'), resource(sibling, 'district'))).toBeNull();
      expect(audienceProblem(channel('public'), resource(own, 'district'))).toMatch(/public channel/);
      expect(audienceProblem(channel('public'), resource(own, 'public'))).toBeNull();
    });
  });

  it('streams the largest rendition up to 480p, else the smallest', () => {
    expect(liveRendition([1080, 360, 720])).toBe(360);
    expect(liveRendition([240, 480, 720])).toBe(480);
    expect(liveRendition([720, 1080])).toBe(720);
    expect(liveRendition([])).toBeUndefined();
  });
});
