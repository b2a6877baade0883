export * from './lib/reports.routes';
export { PublicServiceIndexPage } from './lib/public-service-index-page';
