import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ATTACHMENT_MAX_SIZE_LABEL,
  ATTACHMENT_MIME_TYPES,
  attachmentPathSchema,
  attachmentUploadFieldsSchema,
  type AttachmentSummary,
  type SessionUser,
} from '@portal/contracts';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ApiNoBody, ApiZodBody, ApiZodParams } from '@portal/server/platform';
import type { Request, Response } from 'express';
import { AttachmentUploadInterceptor, type UploadedPaper } from './attachment-upload.interceptor';
import { AttachmentsService } from './attachments.service';
import { contentDisposition } from './file-name';

type RequestWithId = Request & { id?: string };

@ApiTags('attachments')
@Controller('attachments')
@UseGuards(SignedIn)
// Papers are a citizen's, for their own applications; staff see them only through a dossier of their ward.
@Roles('citizen')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiOperation({
    summary: `Upload one paper for an application: ${ATTACHMENT_MIME_TYPES.join(', ')}, up to ${ATTACHMENT_MAX_SIZE_LABEL}.`,
    description: 'The type is decided by the first bytes of the file; its name and declared type are not trusted.',
  })
  @ApiZodBody(attachmentUploadFieldsSchema, { mediaType: 'multipart/form-data', files: ['file'] })
  @ApiCreatedResponse({
    description: 'The attachment: `{ id, paperCode, fileName, mimeType, sizeBytes, sha256, createdAt }`.',
  })
  @ApiBadRequestResponse({
    description:
      '`FILE_EMPTY`, `FILE_TOO_LARGE`, `FILE_TYPE_NOT_ALLOWED`, `UPLOAD_MALFORMED` (not multipart/form-data, or over its limits).',
  })
  @ApiPayloadTooLargeResponse({
    description: '`UPLOAD_QUOTA_EXCEEDED`: you hold as many papers outside a submitted dossier as allowed.',
  })
  upload(
    @CurrentUser() user: SessionUser,
    @Body() fields: unknown,
    @UploadedFile() file: UploadedPaper | undefined,
    @Req() req: RequestWithId,
  ): Promise<AttachmentSummary> {
    return this.attachments.upload(user.id, fields, file, req.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The bytes of one of your own attachments, with the type found when it was uploaded.' })
  @ApiZodParams(attachmentPathSchema)
  @ApiOkResponse({
    description: 'The file, shown in the browser (Content-Disposition: inline).',
    content: Object.fromEntries(
      ATTACHMENT_MIME_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  @ApiNotFoundResponse({ description: '`ATTACHMENT_NOT_FOUND`: no such attachment of yours (or a malformed id).' })
  async read(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, file } = await this.attachments.open(user.id, id);
    const { size } = await file.stat().catch(async (error: unknown) => {
      await file.close();
      throw error;
    });
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.createReadStream(), {
      type: attachment.mimeType,
      disposition: contentDisposition('inline', attachment.fileName),
      length: size,
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of your own attachments that is not part of a submitted application yet.' })
  @ApiZodParams(attachmentPathSchema)
  @ApiNoBody("The attachment's id in the path is all it takes.")
  @ApiNoContentResponse({ description: 'Deleted, file and all.' })
  @ApiNotFoundResponse({ description: '`ATTACHMENT_NOT_FOUND`: no such attachment of yours (or a malformed id).' })
  @ApiConflictResponse({ description: '`ATTACHMENT_IN_USE`: it was submitted with an application.' })
  async delete(@CurrentUser() user: SessionUser, @Param('id') id: string, @Req() req: RequestWithId): Promise<void> {
    await this.attachments.delete(user.id, id, req.id);
  }
}
