export * from './common';
export * from './procedure';
