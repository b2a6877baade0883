export * from './identity.module';
export * from './units/administrative-unit.entity';
export * from './users/user.entity';
export * from './users/roles';
export * from './users/passwords';
export * from './seed/identity-seeder';
export { demoAccounts, demoPassword } from './seed/demo-accounts';
export { demoUnits } from './seed/demo-units';
