export * from './lib/office.routes';
