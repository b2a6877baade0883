export * from './catalogue.module';
export * from './procedures/procedures.service';
export * from './procedures/procedure.entity';
export * from './procedures/procedure-not-found.error';
export * from './seed/catalogue-seeder';
export { feeFor, minimumFee } from './fees';
export { demoProcedures } from './seed/procedures.seed';
export { HolidaysService } from './holidays/holidays.service';
