export * from './lib/language';
export * from './lib/translation-loader';
export * from './lib/procedures-api';
export * from './lib/session';
export * from './lib/api-problem';
export * from './lib/applications-api';
export * from './lib/attachments-api';
export * from './lib/office-api';
