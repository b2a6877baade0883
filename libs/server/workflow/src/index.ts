export * from './working-days';
export * from './holidays';
export * from './engine';
export * from './definitions/definition';
