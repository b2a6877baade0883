export * from './lib/form-pages';
export * from './lib/form-problems';
export * from './lib/form-fields';
