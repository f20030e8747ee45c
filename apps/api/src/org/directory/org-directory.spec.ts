import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import type { ClassroomRepository } from '../repositories/classroom.repository';
import type { CommunityRepository } from '../repositories/community.repository';
import type { SchoolRepository } from '../repositories/school.repository';
import type { UserRepository } from '../repositories/user.repository';
import type { Community } from '../schemas/community.schema';
import type { OrgChangeChannel, OrgChangeSubscriber } from './org-change-channel.adapter';
import { OrgDirectory } from './org-directory.service';

const DISTRICT = '鹤壁市山城区教育体育局';
const community = (name: string): Community =>
  ({ _id: new Types.ObjectId(), name, kind: 'community', district: DISTRICT }) as Community;

describe(OrgDirectory.name, () => {
  let directory: OrgDirectory;
  let subscriber: OrgChangeSubscriber;
  let stored: Community[];
  const findByDistrict = jest.fn((district: string) =>
    Promise.resolve(stored.filter((c) => c.district === district).map((c) => ({ ...c }))),
  );

  beforeEach(async () => {
    stored = [community('甲教共体'), community('乙教共体')];
    findByDistrict.mockClear();
    const channel = {
      publish: jest.fn(() => Promise.resolve()),
      subscribe: jest.fn((_origin: string, s: OrgChangeSubscriber) => {
        subscriber = s;
        s.onLive(true);
        return Promise.resolve(() => Promise.resolve());
      }),
    } as unknown as OrgChangeChannel;
    const communities = { findByDistrict } as unknown as CommunityRepository;
    directory = new OrgDirectory(
      {} as Connection,
      channel,
      {} as UserRepository,
      {} as SchoolRepository,
      {} as ClassroomRepository,
      communities,
    );
    await directory.onModuleInit();
  });

  afterEach(() => directory.onModuleDestroy());

  it("keeps a district's communities between calls (one load)", async () => {
    const first = await directory.districtCommunities(DISTRICT);
    const second = await directory.districtCommunities(DISTRICT);
    expect(second.map((c) => c.name)).toEqual(['甲教共体', '乙教共体']);
    expect(first).toEqual(second);
    expect(findByDistrict).toHaveBeenCalledTimes(1);
    expect(await directory.districtCommunities('别的区')).toEqual([]);
  });

  it('hands out copies: a caller changing one does not change the kept list', async () => {
    (await directory.districtCommunities(DISTRICT))[0].name = '改坏了';
    expect((await directory.districtCommunities(DISTRICT))[0].name).toBe('甲教共体');
  });

  it('reloads after any org change, e.g. a new community (named by its own id only)', async () => {
    await directory.districtCommunities(DISTRICT);
    const added = community('丙教共体');
    stored.push(added);
    subscriber.onChange({ communityIds: [added._id.toHexString()] });
    expect((await directory.districtCommunities(DISTRICT)).map((c) => c.name)).toEqual([
      '甲教共体',
      '乙教共体',
      '丙教共体',
    ]);
    expect(findByDistrict).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing while the change subscription is down', async () => {
    subscriber.onLive(false);
    await directory.districtCommunities(DISTRICT);
    await directory.districtCommunities(DISTRICT);
    expect(findByDistrict).toHaveBeenCalledTimes(2);
  });
});
