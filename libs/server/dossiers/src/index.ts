export * from './dossiers.module';
export * from './dossier.entity';
export * from './dossier-event.entity';
export * from './dossier-status';
