import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { DEMO, insertOtherCommunity } from '../org/testing/org-test.support';
import { AuthGuard } from './auth.guard';

// The authorization matrix: every route of the API (discovered from the OpenAPI document, so a
// new route without an entry here fails) × every role × own/other community. The expectations
// are written by hand from the access rules, not read from the code they check.

type Access = 'public' | 'service' | 'signed-in' | Role[];

const ALL: Role[] = Object.values(Role);
const ADMINS: Role[] = [Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN];
const SCHOOL_ADMINS: Role[] = [...ADMINS, Role.SCHOOL_ADMIN];
const C = '/api/communities/{communityId}';

/** Who may call each route in their own community (community routes deny everyone from outside). */
const MATRIX: Record<string, Access> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/device': 'public',
  'GET /api/ical/{token}.ics': 'public',
  'POST /api/internal/live-sessions/{id}/events': 'service',
  'GET /api/auth/me': 'signed-in',
  'POST /api/auth/password': 'signed-in',
  'POST /api/auth/totp/setup': 'signed-in',
  'POST /api/auth/totp/enable': 'signed-in',
  'POST /api/auth/totp/disable': 'signed-in',
  'GET /api/auth/sessions': 'signed-in',
  'DELETE /api/auth/sessions/{sessionId}': 'signed-in',
  'GET /api/classrooms': 'signed-in',
  'POST /api/live-sessions': [Role.TEACHER],
  'GET /api/live-sessions': 'signed-in',
  'GET /api/live-sessions/today': 'signed-in',
  'GET /api/live-sessions/{id}': 'signed-in',
  'POST /api/live-sessions/{id}/join': 'signed-in',
  'POST /api/live-sessions/{id}/watch': 'signed-in',
  'PATCH /api/live-sessions/{id}/broadcast': 'signed-in',
  'GET /api/live-sessions/{id}/record': 'signed-in',
  'GET /api/live-sessions/{id}/files/{fileId}': 'signed-in',
  // Time-shift: participants get a signed playlist link; the link's path `token` is the credential.
  'GET /api/live-sessions/{id}/timeshift': 'signed-in',
  'GET /api/live-sessions/{id}/timeshift/{token}/index.m3u8': 'public',
  'GET /api/live-sessions/{id}/timeshift/{token}/{chunk}': 'public',
  'GET /api/communities': 'signed-in',
  'POST /api/communities': [Role.DISTRICT_ADMIN],
  [`GET ${C}`]: ALL,
  [`PATCH ${C}`]: ADMINS,
  [`GET ${C}/overview`]: ALL,
  [`GET ${C}/audit-log`]: ADMINS,
  [`GET ${C}/schools`]: ALL,
  [`POST ${C}/schools`]: ADMINS,
  [`GET ${C}/schools/{schoolId}`]: ALL,
  [`PATCH ${C}/schools/{schoolId}`]: ADMINS,
  [`DELETE ${C}/schools/{schoolId}`]: ADMINS,
  [`GET ${C}/schools/{schoolId}/bell-schedule`]: ALL,
  [`PUT ${C}/schools/{schoolId}/bell-schedule`]: SCHOOL_ADMINS,
  [`GET ${C}/pairings`]: ALL,
  [`POST ${C}/pairings`]: ADMINS,
  [`PATCH ${C}/pairings/{pairingId}`]: ADMINS,
  [`DELETE ${C}/pairings/{pairingId}`]: ADMINS,
  [`GET ${C}/classrooms`]: ALL,
  [`POST ${C}/classrooms`]: SCHOOL_ADMINS,
  [`GET ${C}/classrooms/{classroomId}`]: ALL,
  [`PATCH ${C}/classrooms/{classroomId}`]: SCHOOL_ADMINS,
  [`DELETE ${C}/classrooms/{classroomId}`]: SCHOOL_ADMINS,
  [`POST ${C}/classrooms/{classroomId}/device-code`]: SCHOOL_ADMINS,
  [`DELETE ${C}/classrooms/{classroomId}/device`]: SCHOOL_ADMINS,
  [`GET ${C}/class-groups`]: ALL,
  [`POST ${C}/class-groups`]: SCHOOL_ADMINS,
  [`PATCH ${C}/class-groups/{classGroupId}`]: SCHOOL_ADMINS,
  [`DELETE ${C}/class-groups/{classGroupId}`]: SCHOOL_ADMINS,
  [`GET ${C}/users`]: SCHOOL_ADMINS,
  [`POST ${C}/users`]: SCHOOL_ADMINS,
  [`GET ${C}/users/{userId}`]: SCHOOL_ADMINS,
  [`PATCH ${C}/users/{userId}`]: SCHOOL_ADMINS,
  [`DELETE ${C}/users/{userId}`]: SCHOOL_ADMINS,
  [`GET ${C}/imports`]: ADMINS,
  [`POST ${C}/imports`]: ADMINS,
  [`GET ${C}/imports/{importId}`]: ADMINS,
  [`POST ${C}/imports/{importId}/commit`]: ADMINS,
  [`GET ${C}/terms`]: ALL,
  [`POST ${C}/terms`]: ADMINS,
  [`GET ${C}/terms/{termId}`]: ALL,
  [`PATCH ${C}/terms/{termId}`]: ADMINS,
  [`DELETE ${C}/terms/{termId}`]: ADMINS,
  [`GET ${C}/schedules`]: ALL,
  [`POST ${C}/schedules`]: SCHOOL_ADMINS,
  [`POST ${C}/schedules/check`]: SCHOOL_ADMINS,
  [`GET ${C}/schedules/{scheduleId}`]: ALL,
  [`PATCH ${C}/schedules/{scheduleId}`]: SCHOOL_ADMINS,
  [`DELETE ${C}/schedules/{scheduleId}`]: SCHOOL_ADMINS,
  [`POST ${C}/schedules/{scheduleId}/exceptions`]: SCHOOL_ADMINS,
  [`DELETE ${C}/schedules/{scheduleId}/exceptions/{date}`]: SCHOOL_ADMINS,
  [`GET ${C}/timetable`]: ALL,
  // A private calendar link: teachers (their own), classroom accounts (their room), admins.
  [`GET ${C}/ical-link`]: [...SCHOOL_ADMINS, Role.TEACHER, Role.ASSISTANT, Role.TERMINAL],
  // Resumable video uploads (tus); HEAD and OPTIONS are not listed (HEAD as POST, OPTIONS public).
  'POST /api/library/uploads': [...SCHOOL_ADMINS, Role.TEACHER, Role.RESEARCH_OFFICER],
  'PATCH /api/library/uploads/{uploadId}': [...SCHOOL_ADMINS, Role.TEACHER, Role.RESEARCH_OFFICER],
  'DELETE /api/library/uploads/{uploadId}': [...SCHOOL_ADMINS, Role.TEACHER, Role.RESEARCH_OFFICER],
  // Rebroadcast channels (空中云课堂): everyone watches what they may see; admins manage.
  'GET /api/library/channels': 'signed-in',
  'POST /api/library/channels': ADMINS,
  'GET /api/library/channels/{id}': 'signed-in',
  'PATCH /api/library/channels/{id}': ADMINS,
  'DELETE /api/library/channels/{id}': ADMINS,
  'POST /api/library/channels/{id}/programme': ADMINS,
  'DELETE /api/library/channels/{id}/programme/{entryId}': ADMINS,
  'GET /api/library/channels/{id}/guide': 'signed-in',
  // The live stream for players: the signed `token` in the path is the credential (401 for a bad one).
  'GET /api/library/channels/{id}/{token}/live.m3u8': 'public',
  // The library: everyone signed in searches and watches what they may see; the services decide per
  // resource/series (404 unseen, 403 not theirs to change). Series are authored by these roles.
  'GET /api/library/resources': 'signed-in',
  'GET /api/library/resources/{id}': 'signed-in',
  'PATCH /api/library/resources/{id}': 'signed-in',
  'DELETE /api/library/resources/{id}': 'signed-in',
  'GET /api/library/resources/{id}/playback': 'signed-in',
  'GET /api/library/resources/{id}/download': 'signed-in',
  'PUT /api/library/resources/{id}/favourite': 'signed-in',
  'DELETE /api/library/resources/{id}/favourite': 'signed-in',
  'POST /api/library/series': [Role.COMMUNITY_ADMIN, Role.SCHOOL_ADMIN, Role.TEACHER, Role.RESEARCH_OFFICER],
  'GET /api/library/series': 'signed-in',
  'GET /api/library/series/{id}': 'signed-in',
  'PATCH /api/library/series/{id}': 'signed-in',
  'DELETE /api/library/series/{id}': 'signed-in',
  // Media files for players: the signed `token` in the path is the credential (401 for a bad one).
  'GET /api/library/media/resource/{id}/{token}/{path}': 'public',
  // Rubrics and evaluations (评课): everyone signed in lists rubrics; the services decide who creates and
  // deletes (403) and who reads an activity (404 outside its group's readers).
  'GET /api/research/rubrics': 'signed-in',
  'POST /api/research/rubrics': 'signed-in',
  'GET /api/research/rubrics/{id}': 'signed-in',
  'DELETE /api/research/rubrics/{id}': 'signed-in',
  'GET /api/research/activities/{id}/evaluations': 'signed-in',
  'PUT /api/research/activities/{id}/evaluations/mine': 'signed-in',
  'GET /api/research/activities/{id}/comments': 'signed-in',
  'POST /api/research/activities/{id}/comments': 'signed-in',
  'GET /api/research/activities/{id}/report': 'signed-in',
  // The activity's rubric: whoever may read the activity (group readers, district admins); others 404.
  'GET /api/research/activities/{id}/rubric': 'signed-in',
  'GET /api/research/compare': 'signed-in',
  // Research activities (一课双研 / 网络教研): the services decide through the group (404 for non-readers,
  // 403 for readers who may not create, change, reflect, start the lesson or host the meeting).
  'GET /api/research/activities': 'signed-in',
  'POST /api/research/activities': 'signed-in',
  'GET /api/research/activities/{id}': 'signed-in',
  'PATCH /api/research/activities/{id}': 'signed-in',
  'DELETE /api/research/activities/{id}': 'signed-in',
  'PUT /api/research/activities/{id}/reflection': 'signed-in',
  'POST /api/research/activities/{id}/lesson': 'signed-in',
  'POST /api/research/activities/{id}/meeting': 'signed-in',
  // Research groups, plans, templates and plan comments: creating a group needs one of these roles; the
  // rest is decided through the group (404 for non-readers, 403 for readers who may not edit or manage).
  'GET /api/research/groups': 'signed-in',
  'POST /api/research/groups': [...ADMINS, Role.TEACHER, Role.RESEARCH_OFFICER],
  'GET /api/research/groups/candidates': [...ADMINS, Role.TEACHER, Role.RESEARCH_OFFICER],
  'GET /api/research/groups/{id}': 'signed-in',
  'PATCH /api/research/groups/{id}': 'signed-in',
  'PUT /api/research/groups/{id}/members/{userId}': 'signed-in',
  'DELETE /api/research/groups/{id}/members/{userId}': 'signed-in',
  'POST /api/research/groups/{id}/mentorships': 'signed-in',
  'DELETE /api/research/groups/{id}/mentorships/{mentorshipId}': 'signed-in',
  'GET /api/research/plans': 'signed-in',
  'POST /api/research/plans': 'signed-in',
  'GET /api/research/plans/{id}': 'signed-in',
  'PATCH /api/research/plans/{id}': 'signed-in',
  'DELETE /api/research/plans/{id}': 'signed-in',
  'GET /api/research/plans/{id}/checks': 'signed-in',
  'GET /api/research/plans/{id}/export.docx': 'signed-in',
  'GET /api/research/plans/{id}/comments': 'signed-in',
  'POST /api/research/plans/{id}/comments': 'signed-in',
  'POST /api/research/plans/{id}/comments/{commentId}/replies': 'signed-in',
  'PATCH /api/research/plans/{id}/comments/{commentId}': 'signed-in',
  // Plan versions: readers of the plan list and preview, its editors save and restore (per plan: 404 / 403).
  'GET /api/research/plans/{id}/versions': 'signed-in',
  'POST /api/research/plans/{id}/versions': 'signed-in',
  'GET /api/research/plans/{id}/versions/{versionId}': 'signed-in',
  'POST /api/research/plans/{id}/versions/{versionId}/restore': 'signed-in',
  'GET /api/research/templates': 'signed-in',
  'POST /api/research/templates': 'signed-in',
  'DELETE /api/research/templates/{id}': 'signed-in',
  // The live operations view: admins only, each within their scope (district / community / school).
  'GET /api/insight/live': SCHOOL_ADMINS,
  // Insight dashboards: admins only, each within their scope (district / community / school; the
  // query's communityId / schoolId outside it → 403). Without a query allowed callers get 400.
  'GET /api/insight/scopes': SCHOOL_ADMINS,
  'GET /api/insight/overview': SCHOOL_ADMINS,
  'GET /api/insight/schools': SCHOOL_ADMINS,
  'GET /api/insight/coverage': SCHOOL_ADMINS,
  'GET /api/insight/trend': SCHOOL_ADMINS,
  'GET /api/insight/library': SCHOOL_ADMINS,
  'GET /api/insight/balance': SCHOOL_ADMINS,
  'GET /api/insight/export/{table}': SCHOOL_ADMINS,
};

/** One demo account per role (apps/api/src/seed/demo-district.data.ts). */
const ACCOUNT_OF: Record<Role, string> = {
  [Role.DISTRICT_ADMIN]: 'district.zhou',
  [Role.COMMUNITY_ADMIN]: 'admin',
  [Role.SCHOOL_ADMIN]: 'school.wang',
  [Role.TEACHER]: 'music.li',
  [Role.ASSISTANT]: 'assistant.liu',
  [Role.RESEARCH_OFFICER]: 'research.sun',
  [Role.TERMINAL]: 'terminal.1',
};

interface Route {
  method: string;
  path: string;
  key: string;
}

function routesOf(app: NestExpressApplication): Route[] {
  const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path, key: `${m.toUpperCase()} ${path}` })),
  );
}

/** A concrete URL: the community given, every other id an unknown one (so nothing is changed by an allowed call). */
function urlOf(route: Route, communityId: string): string {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'communityId') return communityId;
    if (name === 'date') return '2026-12-01';
    if (name === 'token') return 'not-a-token';
    return new Types.ObjectId().toHexString();
  });
}

describe(`${AuthGuard.name} authorization matrix`, () => {
  let t: ApiTestApp;
  let routes: Route[];
  let otherCommunity: string;
  const tokens = new Map<Role, string>();

  async function call(route: Route, url: string, token?: string): Promise<number> {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = t.http[method](url);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    // An empty body: allowed callers fail validation (400) or find nothing (404); guards run first.
    const res = ['POST', 'PUT', 'PATCH'].includes(route.method) ? await req.send({}) : await req;
    return res.status;
  }

  const denied = (status: number) => status === 401 || status === 403;

  beforeAll(async () => {
    t = await startApiTestApp(40);
    routes = routesOf(t.app as NestExpressApplication);
    otherCommunity = (await insertOtherCommunity(t)).communityId;
    for (const role of ALL) tokens.set(role, await t.login(ACCOUNT_OF[role]));
  });

  afterAll(async () => {
    await t.close();
  });

  it('has an expectation for every route of the API, and every expectation names a real route', () => {
    const keys = routes.map((r) => r.key).sort();
    expect(keys.filter((k) => !(k in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('refuses every non-public route without a token (401)', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (MATRIX[route.key] === 'public') continue;
      const status = await call(route, urlOf(route, DEMO.community));
      if (status !== 401) wrong.push(`${route.key} → ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets public routes through without a token', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => MATRIX[r.key] === 'public')) {
      const status = await call(route, urlOf(route, DEMO.community));
      // Signed links (a `{token}` in the path: the calendar feed, time-shift) answer 401/404 for a bad
      // token themselves; everything else must not ask for one.
      if (status === 403 || (status === 401 && !route.key.includes('{token}'))) wrong.push(`${route.key} → ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('allows and denies each role in its own community as the matrix says', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const access = MATRIX[route.key];
      if (access === 'public') continue;
      for (const role of ALL) {
        const expectAllowed = access === 'signed-in' || (Array.isArray(access) && access.includes(role));
        const status = await call(route, urlOf(route, DEMO.community), tokens.get(role));
        if (denied(status) === expectAllowed) wrong.push(`${route.key} as ${role} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('denies every role, district admins of another district included, in another community (403)', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.path.includes('{communityId}'))) {
      for (const role of ALL) {
        const status = await call(route, urlOf(route, otherCommunity), tokens.get(role));
        if (status !== 403) wrong.push(`${route.key} as ${role} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
