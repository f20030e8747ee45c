export * from './config.error';
export * from './config.types';
export * from './config.module';
export { loadApiConfig, loadMediaConfig } from './load-config';
