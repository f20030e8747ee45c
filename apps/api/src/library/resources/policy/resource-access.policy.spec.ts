import { Role, type ResourceStatus, type ResourceVisibility } from '@tongke/contracts';
import { Types } from 'mongoose';
import {
  audienceOf,
  canEditItem,
  canSeeItem,
  type LibraryItem,
  type LibraryViewer,
  managesItem,
} from './resource-access.policy';

const id = () => new Types.ObjectId();
const D1 = '山城区教育局';
const D2 = '淇滨区教育局';

describe('resource access policy', () => {
  const home = id();
  const neighbour = id(); // another community of the same district
  const far = id(); // a community of another district
  const school = id();
  const otherSchool = id();
  const author = id();

  const viewer = (roles: Role[], extra: Partial<LibraryViewer> = {}): LibraryViewer => ({
    id: id(),
    roles,
    communityId: home,
    schoolId: otherSchool,
    district: D1,
    ...extra,
  });
  const V = {
    author: { ...viewer([Role.TEACHER]), id: author, schoolId: school },
    colleague: viewer([Role.TEACHER], { schoolId: school }),
    terminal: viewer([Role.TERMINAL]),
    schoolAdmin: viewer([Role.SCHOOL_ADMIN], { schoolId: school }),
    otherSchoolAdmin: viewer([Role.SCHOOL_ADMIN]),
    communityAdmin: viewer([Role.COMMUNITY_ADMIN]),
    neighbourAdmin: viewer([Role.COMMUNITY_ADMIN], { communityId: neighbour }),
    neighbourTeacher: viewer([Role.TEACHER], { communityId: neighbour }),
    farTeacher: viewer([Role.TEACHER], { communityId: far, district: D2 }),
    districtAdmin: viewer([Role.DISTRICT_ADMIN], { communityId: undefined, schoolId: undefined }),
    farDistrictAdmin: viewer([Role.DISTRICT_ADMIN], { communityId: undefined, schoolId: undefined, district: D2 }),
  };
  type Who = keyof typeof V;
  const item = (visibility: ResourceVisibility, status: ResourceStatus = 'ready'): LibraryItem => ({
    communityId: home,
    district: D1,
    school: { id: school },
    visibility,
    status,
    createdBy: author,
  });
  const seeing = (it: LibraryItem) => (Object.keys(V) as Who[]).filter((w) => canSeeItem(V[w], it)).sort();
  const editing = (it: LibraryItem) => (Object.keys(V) as Who[]).filter((w) => canEditItem(V[w], it)).sort();

  const editors: Who[] = ['author', 'communityAdmin', 'districtAdmin', 'schoolAdmin'];
  const members: Who[] = [...editors, 'colleague', 'otherSchoolAdmin', 'terminal'];

  it('shows a ready community resource to its community and the admins who manage it', () => {
    expect(seeing(item('community'))).toEqual([...members].sort());
  });

  it('adds every community of the district for district visibility', () => {
    expect(seeing(item('district'))).toEqual([...members, 'neighbourAdmin', 'neighbourTeacher'].sort());
  });

  it('shows public resources to everyone signed in', () => {
    expect(seeing(item('public'))).toEqual(Object.keys(V).sort());
  });

  it('adds its listed guests of other communities once it is ready (a research group’s lesson recording)', () => {
    const guested = { ...item('community'), guestIds: [V.neighbourTeacher.id] };
    expect(seeing(guested)).toEqual([...members, 'neighbourTeacher'].sort());
    expect(canSeeItem(V.neighbourTeacher, { ...guested, status: 'processing' })).toBe(false);
    expect(canEditItem(V.neighbourTeacher, guested)).toBe(false);
  });

  it.each<ResourceStatus>(['processing', 'failed'])('shows a %s resource only to its creator and managers', (s) => {
    expect(seeing(item('public', s))).toEqual([...editors].sort());
  });

  it('lets the creator, the school admin of its school, its community admin and district admin edit', () => {
    expect(editing(item('public'))).toEqual([...editors].sort());
    expect(managesItem(V.author, item('community'))).toBe(false);
    expect(managesItem(V.schoolAdmin, { ...item('community'), school: undefined })).toBe(false);
  });

  it('does not let a school admin of the same school id in another community manage it', () => {
    const foreign = { ...item('community'), communityId: far, district: D2 };
    expect(canEditItem(V.schoolAdmin, foreign)).toBe(false);
    expect(canEditItem(V.farDistrictAdmin, foreign)).toBe(true);
    expect(canSeeItem(V.farDistrictAdmin, item('community'))).toBe(false);
  });

  it('describes the audience as the repository queries it', () => {
    expect(audienceOf(V.colleague)).toEqual({ userId: V.colleague.id, communityId: home, district: D1, manages: {} });
    expect(audienceOf(V.schoolAdmin).manages).toEqual({ school });
    expect(audienceOf(V.communityAdmin).manages).toEqual({ communityId: home });
    expect(audienceOf(V.districtAdmin)).toEqual({
      userId: V.districtAdmin.id,
      district: D1,
      manages: { district: D1 },
    });
  });
  it("shows a restricted item (a meeting's recording) only to its listed people, its research officers and its admins", () => {
    const officer = viewer([Role.RESEARCH_OFFICER]);
    const neighbourOfficer = viewer([Role.RESEARCH_OFFICER], { communityId: neighbour });
    const restricted = { ...item('public'), audienceIds: [V.colleague.id, V.neighbourTeacher.id] };
    expect(seeing(restricted)).toEqual([...editors, 'colleague', 'neighbourTeacher'].sort());
    expect(canSeeItem(officer, restricted)).toBe(true);
    expect(canSeeItem(neighbourOfficer, restricted)).toBe(false);
    expect(canSeeItem(V.colleague, { ...restricted, status: 'processing' })).toBe(false);
    expect(audienceOf(officer).researchOf).toEqual(home);
    expect(audienceOf(V.colleague).researchOf).toBeUndefined();
  });
});
