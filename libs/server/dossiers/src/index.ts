export * from './dossiers.module';
export * from './dossier.entity';
export * from './dossier-event.entity';
export * from './dossier-status';
export * from './applications/applications.service';
export * from './applications/application.errors';
export * from './my-dossiers/my-dossiers.service';
export * from './attachments';
