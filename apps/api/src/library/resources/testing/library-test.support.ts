import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getModelToken } from '@nestjs/mongoose';
import type { ResourceMetadata } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import type { ApiTestApp } from '../../../../../../test/support/api-test-app';
import { Community } from '../../../org/schemas/community.schema';
import { School } from '../../../org/schemas/school.schema';
import { User } from '../../../org/schemas/user.schema';
import { insertOtherCommunity } from '../../../org/testing/org-test.support';
import { FfmpegRunner } from '../../media-tools/ffmpeg.runner';
import { StoragePaths } from '../../storage/storage-paths';
import { ResourceFactory } from '../resource.factory';
import { ResourceRepository } from '../resource.repository';
import type { Resource, ResourceMedia } from '../resource.schema';

export type AuthHeader = { Authorization: string };

/** A signed-in teacher of a community outside the demo one. */
export interface Outsider {
  communityId: string;
  userId: string;
  auth: AuthHeader;
}

const model = <T>(t: ApiTestApp, name: string) => t.app.get<Model<T>>(getModelToken(name));

/** Gives the account the demo password (copied from a demo account's hash) and signs it in. */
async function signInAs(t: ApiTestApp, userId: string): Promise<AuthHeader> {
  const users = model<User>(t, User.name);
  const demo = await users.findOne({ username: 'music.li' }).select('+passwordHash').lean().orFail();
  await users.updateOne({ _id: userId }, { passwordHash: demo.passwordHash }).exec();
  const user = await users.findById(userId).lean().orFail();
  return { Authorization: `Bearer ${await t.login(user.username)}` };
}

/** A teacher of another district's community (org-test.support's insertOtherCommunity), signed in. */
export async function otherDistrictTeacher(t: ApiTestApp): Promise<Outsider> {
  const other = await insertOtherCommunity(t);
  return { communityId: other.communityId, userId: other.userId, auth: await signInAs(t, other.userId) };
}

/** A teacher of another community in the demo community's district, signed in. */
export async function sameDistrictTeacher(t: ApiTestApp, district: string): Promise<Outsider> {
  const suffix = new Types.ObjectId().toHexString();
  const community = await model<Community>(t, Community.name).create({
    name: `邻近联盟 ${suffix}`,
    kind: 'group',
    district,
  });
  const school = await model<School>(t, School.name).create({
    communityId: community._id,
    name: '邻校小学',
    kind: 'rural',
    stage: 'primary',
  });
  const user = await model<User>(t, User.name).create({
    communityId: community._id,
    schoolId: school._id,
    username: `near.${suffix}`,
    displayName: '邻校老师',
    roles: ['teacher'],
    passwordHash: 'replaced-below',
  });
  const userId = user._id.toHexString();
  return { communityId: community._id.toHexString(), userId, auth: await signInAs(t, userId) };
}

/** Creates a resource as the pipeline's callers do (ResourceFactory): processing, queued, not enqueued. */
export async function createResource(
  t: ApiTestApp,
  owner: { communityId: string; userId: string },
  metadata: Partial<ResourceMetadata> & Pick<ResourceMetadata, 'title' | 'subject' | 'grade'>,
): Promise<Resource> {
  const id = new Types.ObjectId();
  return t.app.get(ResourceFactory).create({
    id,
    communityId: new Types.ObjectId(owner.communityId),
    kind: 'upload',
    metadata: { description: '', tags: [], visibility: 'community', ...metadata },
    createdBy: new Types.ObjectId(owner.userId),
    teacherId: new Types.ObjectId(owner.userId),
    source: { kind: 'upload', path: `sources/${id.toHexString()}/source.mp4` },
  });
}

/** What writeTinyMedia writes (and what `publish` records by default). */
export const TINY_MEDIA: ResourceMedia = {
  durationS: 2,
  width: 320,
  height: 240,
  renditions: [240],
  thumbnails: { intervalS: 1, columns: 2, rows: 1, count: 2, width: 160, height: 120 },
};

/** Marks the resource published (ready) with `media`, as the pipeline's last step does. */
export async function publish(t: ApiTestApp, r: Resource, media: ResourceMedia = TINY_MEDIA): Promise<void> {
  await t.app.get(ResourceRepository).publish(r.communityId, r._id, media, 1);
}

/**
 * Writes a tiny real rendition set into resources/<id>/ (2 s, 320x240, H.264/AAC) the way the
 * pipeline lays it out: video.mp4, hls/master.m3u8 + hls/240p/index.m3u8 with .ts segments,
 * poster.jpg and a 2-frame thumbs.jpg. Answers the directory.
 */
export async function writeTinyMedia(t: ApiTestApp, resourceId: string): Promise<string> {
  const ffmpeg = t.app.get(FfmpegRunner);
  const dir = await t.app.get(StoragePaths).ensure(t.app.get(StoragePaths).resourceDir(resourceId));
  const mp4 = path.join(dir, 'video.mp4');
  await ffmpeg.run([
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10', '-f', 'lavfi', '-i', 'sine=frequency=440'],
    ...['-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-g', '10'],
    ...['-c:a', 'aac', '-shortest', '-movflags', '+faststart', mp4],
  ]);
  const variant = path.join(dir, 'hls', '240p');
  await mkdir(variant, { recursive: true });
  await ffmpeg.run([
    ...['-i', mp4, '-c', 'copy', '-f', 'hls', '-hls_time', '1', '-hls_playlist_type', 'vod'],
    ...['-hls_segment_filename', path.join(variant, 'seg-%03d.ts'), path.join(variant, 'index.m3u8')],
  ]);
  const master = '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x240\n240p/index.m3u8\n';
  await writeFile(path.join(dir, 'hls', 'master.m3u8'), master);
  await ffmpeg.run(['-i', mp4, '-frames:v', '1', path.join(dir, 'poster.jpg')]);
  await ffmpeg.run(['-i', mp4, '-vf', 'fps=1,scale=160:120,tile=2x1', '-frames:v', '1', path.join(dir, 'thumbs.jpg')]);
  return dir;
}
