export * from './procedure-form';
export * from './fields';
export * from './registry';
export * from './birth-registration';
export * from './linked-birth-registration';
export * from './death-registration';
export * from './demo-people';
export * from './demos';
