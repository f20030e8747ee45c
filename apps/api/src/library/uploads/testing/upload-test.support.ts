import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ApiTestApp } from '../../../../../../test/support/api-test-app';
import { Resource } from '../../resources/resource.schema';
import { UPLOADS_PATH } from '../tus/tus-upload.server';

const run = promisify(execFile);

/** Valid metadata of a music lesson (values as the client sends them, before base64). */
export const LESSON_METADATA: Record<string, string> = {
  filename: '草原放牧.mp4',
  filetype: 'video/mp4',
  title: '四年级音乐《草原放牧》',
  description: '内蒙古民歌欣赏与演唱',
  subject: 'music',
  grade: '4',
  textbookEdition: '人音版',
  chapter: '第三单元 草原',
  tags: '音乐,民歌，欣赏',
};

/**
 * A real MP4 (H.264 + AAC, test pattern with noise so it doesn't compress to nothing: ~0.85 MB a
 * second at 320x240), with its moov atom at the end as ffmpeg writes it by default.
 */
export async function makeTestVideo(dir: string, seconds: number, name = 'lesson.mp4'): Promise<string> {
  const file = path.join(dir, name);
  const args = [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100'],
    ...['-t', String(seconds), '-vf', 'noise=alls=30:allf=t'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
  ];
  await run('ffmpeg', args, { timeout: 60_000 });
  return file;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
export const sha256Of = async (file: string): Promise<string> => sha256(await readFile(file));

/** tus `Upload-Metadata`: `key base64(value)` pairs, comma-separated. */
export function tusMetadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}`, 'Tus-Resumable': '1.0.0' });

/** POST /api/library/uploads (tus creation), optionally with the first bytes. */
export function createUpload(t: ApiTestApp, token: string, length: number, metadata: string, body?: Buffer) {
  const req = t.http
    .post(UPLOADS_PATH)
    .set(bearer(token))
    .set('Upload-Length', String(length))
    .set('Upload-Metadata', metadata);
  return body ? req.set('Content-Type', 'application/offset+octet-stream').send(body) : req;
}

/** PATCH an upload from `offset` with `bytes`. */
export function patchUpload(t: ApiTestApp, token: string, location: string, offset: number, bytes: Buffer) {
  return t.http
    .patch(location)
    .set(bearer(token))
    .set('Upload-Offset', String(offset))
    .set('Content-Type', 'application/offset+octet-stream')
    .send(bytes);
}

export function headUpload(t: ApiTestApp, token: string, location: string) {
  return t.http.head(location).set(bearer(token));
}

export function deleteUpload(t: ApiTestApp, token: string, location: string) {
  return t.http.delete(location).set(bearer(token));
}

/** What is under a directory of the storage root (empty if it doesn't exist). */
export async function filesIn(t: ApiTestApp, dir: 'uploads' | 'sources'): Promise<string[]> {
  return readdir(path.join(t.config.storage.root, dir), { recursive: true }).catch(() => []);
}

export function resourceModel(t: ApiTestApp): Model<Resource> {
  return t.app.get<Model<Resource>>(getModelToken(Resource.name));
}
