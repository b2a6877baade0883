export * from './demo-data.module';
export * from './demo-data.seeder';
export * from './demo-plan';
export * from './volume-loader';
