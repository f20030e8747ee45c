export * from './lesson-role';
export * from './permissions';
export * from './join-token';
export * from './live-session';
export * from './live-requests';
export * from './live-events';
export * from './lesson-record-events';
export * from './broadcast-signal';
