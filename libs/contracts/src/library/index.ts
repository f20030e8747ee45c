export * from './resource';
export * from './recording-manifest';
export * from './channel';
