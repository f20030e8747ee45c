import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LibraryConfig } from '@tongke/config';
import { HttpExceptionFilter } from '@tongke/core';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { User } from '../../../org/schemas/user.schema';
import { UploadAdmission } from '../upload-admission.service';
import { UploadFinisher } from '../upload-finisher.service';
import { assertUploadOwner, ownerOf, withOwner } from '../upload-owner';
import { UPLOAD_ID, UploadStorage } from '../upload-storage.adapter';
import { asErrorBody, tusErrorBody, tusErrorStatus } from './tus-error.mapper';
import { TusRedisLocker } from './tus-redis.locker';
import { type TusFileStore, tusFileStore, type TusServer, tusServer, type TusUpload } from './tus-modules';

/** Where the tus endpoint is mounted (the API's global prefix included). */
export const UPLOADS_PATH = '/api/library/uploads';
/** Answered with the request that finished an upload: the id of the resource it became. */
export const RESOURCE_ID_HEADER = 'Tongke-Resource-Id';
/** An unfinished upload is removed this long after it was created. */
export const UPLOAD_TTL_MS = 24 * 3600 * 1000;

/** What one request's hooks share: the signed-in caller, and when its upload expires. */
interface UploadCall {
  user?: User;
  expiresAt?: Date;
}

/**
 * The adapter to @tus/server (tus 1.0: creation, creation-with-upload, termination), storing in
 * STORAGE_ROOT/uploads through @tus/file-store and locking uploads in Redis, so any API process may
 * serve any request of an upload. Express requests are handed to it as web requests; its hooks
 * check who may touch an upload, validate new ones (UploadAdmission) and turn finished ones into
 * resources (UploadFinisher). Its plain-text errors are answered as the API's `{ code, message }`.
 * Expiry is kept here, not in the file store: the store's own would look the upload up again after
 * a POST that finished it, when its file has already moved to the resource.
 */
@Injectable()
export class TusUploadServer implements OnModuleInit {
  private store!: TusFileStore;
  private server!: TusServer;
  private readonly calls = new WeakMap<Request, UploadCall>();
  private readonly errors = new HttpExceptionFilter();

  constructor(
    private readonly storage: UploadStorage,
    private readonly library: LibraryConfig,
    private readonly admission: UploadAdmission,
    private readonly finisher: UploadFinisher,
    private readonly locker: TusRedisLocker,
  ) {}

  async onModuleInit(): Promise<void> {
    this.store = new tusFileStore.FileStore({ directory: await this.storage.ensureUploadsDir() });
    this.server = new tusServer.Server({
      path: UPLOADS_PATH,
      datastore: this.store,
      locker: this.locker,
      maxSize: this.library.uploadMaxBytes,
      relativeLocation: true,
      namingFunction: () => randomBytes(16).toString('hex'),
      // Same origin as the web app: no CORS origin is granted.
      allowedOrigins: [],
      exposedHeaders: [RESOURCE_ID_HEADER, 'Upload-Expires'],
      onIncomingRequest: (req, id) => this.admitRequest(req, id),
      onUploadCreate: (req, upload) => this.create(req, upload),
      onUploadFinish: (req, upload) => this.finish(req, upload),
      onResponseError: (_req, err) => this.errorResponse(err),
    });
  }

  /** Answers one tus request; `user` is the signed-in caller (none for OPTIONS). */
  async handle(req: ExpressRequest, res: ExpressResponse, user?: User): Promise<void> {
    const request = toWebRequest(req, res);
    const call: UploadCall = { user };
    this.calls.set(request, call);
    const response = await this.server.handleWeb(request);
    await this.send(req, res, response, call);
  }

  /** Removes unfinished uploads created before `cutoff`; answers how many. */
  sweepExpired(now = new Date()): Promise<number> {
    return this.storage.sweepUploads(new Date(now.getTime() - UPLOAD_TTL_MS));
  }

  /** HEAD, PATCH, DELETE: the upload must exist, be the caller's and not have expired. */
  private async admitRequest(req: Request, id: string): Promise<void> {
    if (req.method === 'POST') return;
    const call = this.callOf(req);
    if (!UPLOAD_ID.test(id)) throw tusServer.ERRORS.FILE_NOT_FOUND;
    const upload = await this.store.getUpload(id);
    assertUploadOwner(ownerOf(upload.metadata), call.user._id);
    const expiresAt = new Date(Date.parse(upload.creation_date ?? '') + UPLOAD_TTL_MS);
    if (!(expiresAt.getTime() > Date.now())) {
      await this.discard(id);
      throw tusServer.ERRORS.FILE_NO_LONGER_EXISTS;
    }
    call.expiresAt = expiresAt;
  }

  private async create(req: Request, upload: TusUpload): Promise<{ metadata: TusUpload['metadata'] }> {
    const call = this.callOf(req);
    const owner = await this.admission.admit(call.user, upload);
    call.expiresAt = new Date(Date.parse(upload.creation_date ?? '') + UPLOAD_TTL_MS);
    return { metadata: withOwner(upload.metadata, owner) };
  }

  /** The upload is complete: it becomes a resource, or is refused; either way the upload is gone. */
  private async finish(req: Request, upload: TusUpload): Promise<{ headers: Record<string, string> }> {
    const { user } = this.callOf(req);
    try {
      const owner = assertUploadOwner(ownerOf(upload.metadata), user._id);
      const finished = { id: upload.id, size: upload.size ?? upload.offset, metadata: upload.metadata, owner };
      const resourceId = await this.finisher.finish(finished, user);
      return { headers: { [RESOURCE_ID_HEADER]: resourceId.toHexString() } };
    } finally {
      await this.discard(upload.id);
    }
  }

  /** Removes an upload's file (if still there) and its info file. */
  private async discard(id: string): Promise<void> {
    await this.storage.removeUploadFile(id);
    await this.store.configstore.delete(id).catch(() => undefined);
  }

  private callOf(req: Request): UploadCall & { user: User } {
    const call = this.calls.get(req);
    if (!call?.user) throw new Error('tus request without a signed-in caller');
    return call as UploadCall & { user: User };
  }

  /** Errors of the API (AppError) and unexpected ones, as `{ code, message }`; tus's own are answered in `send`. */
  private errorResponse(err: unknown): { status_code: number; body: string } | undefined {
    if (isTusError(err)) return undefined;
    const { status, body } = this.errors.toResponse(err);
    return { status_code: status, body: JSON.stringify(body) };
  }

  private async send(req: ExpressRequest, res: ExpressResponse, response: Response, call: UploadCall): Promise<void> {
    response.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'content-type') res.setHeader(name, value);
    });
    const text = await response.text();
    if (response.status >= 400) {
      // A refused request's body may still be on its way: close the connection instead of reading it.
      if (!req.complete) res.setHeader('Connection', 'close');
      const apiError = asErrorBody(text);
      const status = apiError ? response.status : tusErrorStatus(response.status);
      res.status(status).json(apiError ?? tusErrorBody(status, text, this.library.uploadMaxBytes));
      return;
    }
    res.status(response.status);
    const unfinished = (response.status === 201 || req.method === 'PATCH') && !response.headers.has(RESOURCE_ID_HEADER);
    if (unfinished && call.expiresAt) res.setHeader('Upload-Expires', call.expiresAt.toUTCString());
    res.end(text || undefined);
  }
}

function isTusError(err: unknown): err is { status_code: number; body: string } {
  return typeof (err as { status_code?: unknown })?.status_code === 'number';
}

/**
 * The Express request as a web request (its body streamed, for POST and PATCH). Like @tus/server's
 * own Node adapter, it carries the Node request, whose errors (a dropped connection) abort the write.
 */
function toWebRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  // Bodies Express already read (JSON, which no tus client sends) are not passed on.
  const withBody = (req.method === 'POST' || req.method === 'PATCH') && !req.readableEnded;
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers };
  if (withBody) Object.assign(init, { body: Readable.toWeb(req), duplex: 'half' });
  const request = new Request(new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`), init);
  return Object.assign(request, { runtime: { node: { req, res } } });
}
