export * from './common';
export * from './procedure';
export * from './validation';
export * from './account';
export * from './birth-registration';
export * from './attachment';
export * from './office';
export * from './holiday';
