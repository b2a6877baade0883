export * from './lib/localized.pipe';
export * from './lib/vnd.pipe';
export * from './lib/summary-list';
export * from './lib/error-summary';
export * from './lib/text-field';
export * from './lib/file-upload';
export * from './lib/vn-date.pipe';
export * from './lib/fee-table';
