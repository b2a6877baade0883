export * from './working-days';
export * from './engine';
export * from './definitions/definition';
export * from './clock';
