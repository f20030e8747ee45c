export * from './insight-values';
export * from './insight-views';
export * from './insight-tables';
