import type * as TusFileStoreModule from '@tus/file-store';
import type * as TusServerModule from '@tus/server';

/**
 * @tus/server and @tus/file-store ship as ES modules only. Node (≥ 20.19, see package.json engines)
 * loads them with a plain `require`; jest's module registry can't, so they are required through
 * Node's own loader (a `createRequire` of the built-in `module`, which jest does not replace).
 */
const nativeRequire = process.getBuiltinModule('node:module').createRequire(__filename);

export const tusServer = nativeRequire('@tus/server') as typeof TusServerModule;
export const tusFileStore = nativeRequire('@tus/file-store') as typeof TusFileStoreModule;

export type TusServer = TusServerModule.Server;
export type TusFileStore = TusFileStoreModule.FileStore;
export type TusUpload = TusServerModule.Upload;
export type TusServerOptions = TusServerModule.ServerOptions;
export type TusLocker = TusServerModule.Locker;
export type TusLock = TusServerModule.Lock;
export type TusRequestRelease = TusServerModule.RequestRelease;
