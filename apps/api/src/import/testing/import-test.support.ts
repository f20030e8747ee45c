import { getModelToken } from '@nestjs/mongoose';
import type { ImportJobView, ImportKind, Role } from '@tongke/contracts';
import { hash } from 'argon2';
import { type Model, Types } from 'mongoose';
import type { ApiTestApp } from '../../../../../test/support/api-test-app';
import { Community } from '../../org/schemas/community.schema';
import { User } from '../../org/schemas/user.schema';
import { DEMO_PASSWORD } from '../../seed/demo-district.data';

/** The seeded demo community. */
export const DEMO_COMMUNITY_ID = '74e9c0000000000000000001';
export const DEMO_DISTRICT = '鹤壁市山城区教育体育局';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export const model = <T>(t: ApiTestApp, name: string) => t.app.get<Model<T>>(getModelToken(name));

/** Uploads a file as the import wizard does (multipart `file` + `kind`). */
export function upload(
  t: ApiTestApp,
  token: string,
  kind: ImportKind,
  fileName: string,
  bytes: Buffer,
  communityId = DEMO_COMMUNITY_ID,
) {
  return t.http
    .post(`/api/communities/${communityId}/imports`)
    .set(bearer(token))
    .field('kind', kind)
    .attach('file', bytes, { filename: fileName });
}

export async function getJob(t: ApiTestApp, token: string, id: string, communityId = DEMO_COMMUNITY_ID) {
  return (await t.http.get(`/api/communities/${communityId}/imports/${id}`).set(bearer(token)).expect(200))
    .body as ImportJobView;
}

/** Polls the job until it leaves validating/committing (every 20 ms, at most `timeoutMs`); answers every view seen. */
export async function settle(t: ApiTestApp, token: string, id: string, timeoutMs = 60_000): Promise<ImportJobView[]> {
  const seen: ImportJobView[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await getJob(t, token, id);
    seen.push(view);
    if (view.status !== 'validating' && view.status !== 'committing') return seen;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${view.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The last view of `settle`. */
export async function settled(t: ApiTestApp, token: string, id: string): Promise<ImportJobView> {
  const seen = await settle(t, token, id);
  return seen[seen.length - 1];
}

/** Uploads, waits for the dry run, and answers the settled job (expects 202). */
export async function dryRun(t: ApiTestApp, token: string, kind: ImportKind, fileName: string, bytes: Buffer) {
  const res = await upload(t, token, kind, fileName, bytes).expect(202);
  return settled(t, token, (res.body as ImportJobView).id);
}

/** Commits a validated job and waits for the outcome. */
export async function commit(t: ApiTestApp, token: string, id: string): Promise<ImportJobView> {
  await t.http.post(`/api/communities/${DEMO_COMMUNITY_ID}/imports/${id}/commit`).set(bearer(token)).expect(202);
  return settled(t, token, id);
}

/** A CSV file (UTF-8, no BOM) from rows of cells. */
export function csv(rows: (string | number)[][]): Buffer {
  return Buffer.from(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** An account written with the model (password DEMO_PASSWORD); answers its access token. */
export async function insertAccount(
  t: ApiTestApp,
  fields: { roles: Role[]; communityId?: Types.ObjectId; district?: string },
): Promise<string> {
  const username = `imp.${new Types.ObjectId().toHexString()}`;
  await model<User>(t, User.name).create({
    username,
    displayName: username,
    passwordHash: await hash(DEMO_PASSWORD),
    subjects: [],
    ...fields,
  });
  return t.login(username);
}

/** A community of another district, written with the model. */
export async function insertCommunity(t: ApiTestApp, district = '淇滨区教育局'): Promise<Types.ObjectId> {
  const community = await model<Community>(t, Community.name).create({
    name: `另一联盟 ${new Types.ObjectId().toHexString()}`,
    kind: 'group',
    district,
  });
  return community._id;
}
