export * from './test-run';
export * from './eventually';
