export * from './test-run';
export * from './eventually';
export * from './browser-client';
export * from './applications';
