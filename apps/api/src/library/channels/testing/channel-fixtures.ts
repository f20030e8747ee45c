import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { getModelToken } from '@nestjs/mongoose';
import type { ResourceVisibility } from '@tongke/contracts';
import { hash } from 'argon2';
import { type Model, Types } from 'mongoose';
import type { ApiTestApp } from '../../../../../../test/support/api-test-app';
import { Community } from '../../../org/schemas/community.schema';
import { User } from '../../../org/schemas/user.schema';
import { DEMO_PASSWORD } from '../../../seed/demo-district.data';
import { ResourceFactory } from '../../resources/resource.factory';
import { ResourceRepository } from '../../resources/resource.repository';
import type { Resource } from '../../resources/resource.schema';
import { parseMediaPlaylist } from '../live/media-playlist.parser';

const run = promisify(execFile);
/** The fixture's one rendition (small: the specs only need real, fetchable segments). */
export const FIXTURE_HEIGHT = 180;

export interface ResourceFixture {
  communityId: string;
  title: string;
  /** Length of the video (s); default 40. */
  durationS?: number;
  visibility?: ResourceVisibility;
  /** Leave it processing (not ready). */
  processing?: boolean;
  /** Write real HLS files (default true); without, only the database knows of it. */
  files?: boolean;
}

const rendered = new Map<string, Promise<string>>();

/**
 * A 4 s-segment HLS rendition of ffmpeg's test pattern (keyframes forced on every segment
 * boundary, as the processing pipeline does), made once per length under the storage root's
 * scratch space and copied per resource.
 */
function renderHls(storageRoot: string, durationS: number): Promise<string> {
  const out = path.join(storageRoot, 'work', `channel-fixture-${durationS}s`);
  let dir = rendered.get(out);
  if (!dir) {
    dir = (async () => {
      await mkdir(out, { recursive: true });
      await run('ffmpeg', [
        ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=320x${FIXTURE_HEIGHT}:rate=10:duration=${durationS}`],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
        ...['-force_key_frames', 'expr:gte(t,n_forced*4)', '-sc_threshold', '0'],
        ...['-f', 'hls', '-hls_time', '4', '-hls_playlist_type', 'vod'],
        ...['-hls_segment_filename', path.join(out, 'seg_%03d.ts'), path.join(out, 'index.m3u8')],
      ]);
      return out;
    })();
    rendered.set(out, dir);
  }
  return dir;
}

/** A library resource made through ResourceFactory and, unless `processing`, published with real HLS. */
export async function resourceFixture(t: ApiTestApp, o: ResourceFixture): Promise<Resource> {
  const communityId = new Types.ObjectId(o.communityId);
  const id = new Types.ObjectId();
  const resource = await t.app.get(ResourceFactory).create({
    id,
    communityId,
    kind: 'upload',
    metadata: {
      title: o.title,
      description: '',
      subject: 'music',
      grade: 4,
      tags: [],
      visibility: o.visibility ?? 'community',
    },
    createdBy: new Types.ObjectId(),
    source: { kind: 'upload', path: `sources/${id.toHexString()}/source.mp4` },
  });
  if (o.processing) return resource;
  let durationS = o.durationS ?? 40;
  if (o.files !== false) {
    const hls = path.join(t.config.storage.root, 'resources', id.toHexString(), 'hls');
    await mkdir(hls, { recursive: true });
    await cp(await renderHls(t.config.storage.root, durationS), path.join(hls, `${FIXTURE_HEIGHT}p`), {
      recursive: true,
    });
    const master = `#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=320x${FIXTURE_HEIGHT}\n${FIXTURE_HEIGHT}p/index.m3u8\n`;
    await writeFile(path.join(hls, 'master.m3u8'), master);
    durationS = parseMediaPlaylist(await readFile(path.join(hls, `${FIXTURE_HEIGHT}p`, 'index.m3u8'), 'utf8')).totalS;
  }
  const thumbnails = { intervalS: 10, columns: 1, rows: 1, count: 1, width: 160, height: 90 };
  const media = { durationS, width: 320, height: FIXTURE_HEIGHT, renditions: [FIXTURE_HEIGHT], thumbnails };
  const repository = t.app.get(ResourceRepository);
  await repository.publish(communityId, id, media, 1);
  return (await repository.findOne(communityId, id))!;
}

/** A community of `district` with a teacher who can sign in (password DEMO_PASSWORD); answers their token. */
export async function communityWithTeacher(
  t: ApiTestApp,
  district: string,
): Promise<{ communityId: string; token: string }> {
  const model = <T>(name: string) => t.app.get<Model<T>>(getModelToken(name));
  const suffix = new Types.ObjectId().toHexString();
  const community = await model<Community>(Community.name).create({ name: `联盟 ${suffix}`, kind: 'group', district });
  const username = `teacher.${suffix}`;
  await model<User>(User.name).create({
    communityId: community._id,
    username,
    displayName: '外校老师',
    roles: ['teacher'],
    passwordHash: await hash(DEMO_PASSWORD),
  });
  return { communityId: community._id.toHexString(), token: await t.login(username) };
}
