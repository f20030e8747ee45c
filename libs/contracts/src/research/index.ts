// plan-doc.ts (Yjs) is deliberately not exported here: import '@tongke/contracts/research/plan-doc'.
export * from './research-values';
export * from './homework-rules';
export * from './collab-events';
export * from './research-group';
export * from './lesson-plan';
export * from './plan-versions';
export * from './research-activity';
export * from './evaluation';
