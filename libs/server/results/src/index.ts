export * from './results.module';
export * from './results.service';
export * from './results-worker';
export * from './signing-keys';
export { recordAtRegistry, RegistryUnavailable } from './registry-client';
export * from './ratings.service';
export * from './print-list.service';
