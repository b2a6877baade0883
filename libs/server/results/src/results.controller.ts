import {
  Body,
  Controller,
  Get,
  HttpCode,
  Put,
  Param,
  Post,
  Req,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import {
  dossierPathSchema,
  paymentPathSchema,
  ratingSchema,
  verificationPathSchema,
  type OfficeRatingsPage,
  type RatingView,
  type SessionUser,
} from '@portal/contracts';
import { checkedDossierCode, DossierNotFound } from '@portal/server/dossiers';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import { ApiErrors, ApiZodBody, ApiZodParams, BadInput, requestIdFrom, ZodBody } from '@portal/server/platform';
import type { Request, Response } from 'express';
import { RatingsService } from './ratings.service';
import { DocumentNotFound, ResultsService, type FileCheck, type VerificationView } from './results.service';

const MAX_PDF_BYTES = 10 * 1024 * 1024;
/** A payment of a dossier, by the dossier's code and the payment's reference. */
const receiptPathSchema = dossierPathSchema.extend(paymentPathSchema.shape);
/** The upload's text fields: none besides the file. */
const verifyFileFieldsSchema = z.object({});

function checkedVerificationCode(code: string): string {
  if (!verificationPathSchema.safeParse({ code }).success) throw new DocumentNotFound();
  return code;
}

function sendPdf(res: Response, file: { pdf: Buffer; name: string }): void {
  res.set({
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${file.name}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.send(file.pdf);
}

export class FileRequired extends BadInput {
  constructor() {
    super('FILE_REQUIRED', {
      vi: 'Vui lòng chọn tệp PDF cần kiểm tra (tối đa 10 MB).',
      en: 'Choose the PDF file to check (at most 10 MB).',
    });
  }
}

/** The signed electronic results: their download, and their public verification. */
@ApiTags('results')
@Controller()
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly ratings: RatingsService,
  ) {}

  @Put('dossiers/:code/rating')
  @UseGuards(SignedIn)
  @Roles('citizen')
  @ApiOperation({
    summary: 'Rate the service of one of my dossiers once it has its result (1–5, a comment); changeable for 7 days.',
  })
  @ApiZodParams(dossierPathSchema)
  @ApiZodBody(ratingSchema)
  @ApiOkResponse({ description: 'The rating as it now is.' })
  @ApiErrors({
    404: '`DOSSIER_NOT_FOUND`.',
    409: '`RATING_NOT_YET`: no result yet; `RATING_LOCKED`: more than 7 days after it was given.',
  })
  rate(
    @Param('code') code: string,
    @Body(new ZodBody(ratingSchema)) body: z.output<typeof ratingSchema>,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<RatingView> {
    return this.ratings.rate(user, checkedDossierCode(code), body, requestIdFrom(req));
  }

  @Get('office/ratings')
  @UseGuards(SignedIn)
  @Roles('leader', 'auditor')
  @ApiOperation({ summary: "The citizens' ratings of the ward's service (every ward's for auditors), newest first." })
  @ApiOkResponse({ description: 'The ratings, their count and mean score.' })
  officeRatings(@CurrentUser() user: SessionUser): Promise<OfficeRatingsPage> {
    return this.ratings.forOffice(user);
  }

  @Get('dossiers/:code/result')
  @UseGuards(SignedIn)
  @Roles('citizen')
  @ApiOperation({
    summary: 'Download the signed electronic result (PDF) of one of my dossiers; the first download delivers it.',
  })
  @ApiZodParams(dossierPathSchema)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, digitally signed by the ward (PAdES).' })
  @ApiErrors({ 404: '`DOSSIER_NOT_FOUND`, or `RESULT_NOT_READY`: not signed yet.' })
  async mine(@Param('code') code: string, @CurrentUser() user: SessionUser, @Req() req: Request, @Res() res: Response) {
    sendPdf(res, await this.results.forCitizen(user, checkedDossierCode(code), requestIdFrom(req)));
  }

  @Get('dossiers/:code/payments/:reference/receipt')
  @UseGuards(SignedIn)
  @Roles('citizen')
  @ApiOperation({ summary: 'Download the signed electronic receipt (PDF) of one of my payments.' })
  @ApiZodParams(receiptPathSchema)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The receipt, digitally signed by the ward.' })
  @ApiErrors({ 404: '`RESULT_NOT_READY`: no receipt (yet) for this payment of yours.' })
  async receipt(
    @Param('code') code: string,
    @Param('reference') reference: string,
    @CurrentUser() user: SessionUser,
    @Res() res: Response,
  ) {
    const checked = receiptPathSchema.safeParse({ code, reference });
    if (!checked.success) throw new DossierNotFound();
    sendPdf(res, await this.results.receiptForCitizen(user, code, reference));
  }

  @Get('office/dossiers/:code/result')
  @UseGuards(SignedIn)
  @Roles('clerk', 'leader', 'auditor')
  @ApiOperation({ summary: "The signed result of a dossier in the reader's scope." })
  @ApiZodParams(dossierPathSchema)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF.' })
  @ApiErrors({ 404: '`DOSSIER_NOT_FOUND`, or `RESULT_NOT_READY`.' })
  async office(@Param('code') code: string, @CurrentUser() user: SessionUser, @Res() res: Response) {
    sendPdf(res, await this.results.forOffice(user, checkedDossierCode(code)));
  }

  @Get('verify/:code')
  @ApiOperation({
    summary:
      'Public: whether a document with this verification code was issued, by whom and when, and the minimum it certifies.',
  })
  @ApiZodParams(verificationPathSchema)
  @ApiOkResponse({ description: 'The document is genuine: its issuer, number, date and what it certifies.' })
  @ApiErrors({ 404: '`DOCUMENT_NOT_FOUND`: no document has this code.', 429: '`TOO_MANY_ATTEMPTS`.' })
  verify(@Param('code') code: string, @Req() req: Request): Promise<VerificationView> {
    return this.results.verify(checkedVerificationCode(code), req.ip ?? 'unknown');
  }

  @Post('verify/:code/file')
  @HttpCode(200)
  // Without a storage engine multer keeps the part in memory (a PDF of at most 10 MB).
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PDF_BYTES, files: 1, fields: 2 } }))
  @ApiOperation({
    summary: "Public: whether a PDF file's bytes are the document issued under this code, its signature intact.",
  })
  @ApiZodParams(verificationPathSchema)
  @ApiZodBody(verifyFileFieldsSchema, { mediaType: 'multipart/form-data', files: ['file'] })
  @ApiOkResponse({ description: '`genuine: true`, or `false` with the reason.' })
  @ApiErrors({
    400: '`FILE_REQUIRED`: no file in the `file` field.',
    404: '`DOCUMENT_NOT_FOUND`.',
    413: 'Over 10 MB.',
    429: '`TOO_MANY_ATTEMPTS`.',
  })
  async checkFile(
    @Param('code') code: string,
    @UploadedFile() file: { buffer?: Buffer } | undefined,
    @Req() req: Request,
  ): Promise<FileCheck> {
    const checked = checkedVerificationCode(code);
    if (!file?.buffer?.length) throw new FileRequired();
    return this.results.checkFile(checked, file.buffer, req.ip ?? 'unknown');
  }
}
