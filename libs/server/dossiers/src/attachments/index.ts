export * from './attachments.module';
export * from './attachments.service';
export * from './attachment.errors';
export * from './link-attachments';
export { FileStore, type ReceivedFile } from './file-store';
