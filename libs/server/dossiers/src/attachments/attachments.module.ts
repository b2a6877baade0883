import { Module } from '@nestjs/common';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { FileStore } from './file-store';

/** Papers uploaded with an application: `/api/attachments`, and their files in UPLOAD_DIR. */
@Module({
  controllers: [AttachmentsController],
  providers: [AttachmentsService, FileStore],
  exports: [AttachmentsService, FileStore],
})
export class AttachmentsModule {}
