export * from './error-code.enum';
export * from './ack';
export * from './media-node';
export * from './health';
export * from './version';
export * from './org';
export * from './live';
