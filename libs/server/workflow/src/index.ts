export * from './working-days';
export * from './holidays';
