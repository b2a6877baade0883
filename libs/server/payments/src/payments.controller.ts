import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiFoundResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createPaymentSchema,
  dossierPathSchema,
  paymentPathSchema,
  vnpayResultQuerySchema,
  type PaymentStart,
  type PaymentView,
  type SessionUser,
} from '@portal/contracts';
import { checkedDossierCode } from '@portal/server/dossiers';
import { CurrentUser, Roles, SignedIn } from '@portal/server/identity';
import {
  ApiErrors,
  ApiZodBody,
  ApiZodParams,
  ApiZodQuery,
  languageOf,
  requestIdFrom,
  ZodBody,
} from '@portal/server/platform';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { PaymentNotFound } from './payment.errors';
import { PaymentsService } from './payments.service';
import type { IpnAnswer } from './vnpay/protocol';

/** The gateway's query as plain strings; a repeated or nested field makes it no valid query at all. */
function vnpQuery(query: Request['query']): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') return undefined;
    params[key] = value;
  }
  return params;
}

function checkedReference(reference: string): string {
  if (!paymentPathSchema.safeParse({ reference }).success) throw new PaymentNotFound();
  return reference;
}

/** Paying a dossier's fee online, and the payment gateway's calls back (VNPAY API 2.1.0). */
@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post('dossiers/:code/payments')
  @UseGuards(SignedIn)
  @Roles('citizen')
  @ApiOperation({
    summary:
      'Start paying the fee of one of my dossiers. Needs an `Idempotency-Key` header (1–255 letters, digits, hyphens): the same key and body answer the same payment.',
  })
  @ApiZodParams(dossierPathSchema)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description:
      'Chosen by the client for this payment request; the same key and body within a day answer the same payment.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,255}$', maxLength: 255 },
  })
  @ApiZodBody(createPaymentSchema)
  @ApiCreatedResponse({ description: 'The payment, and the address that sends the payer to the gateway.' })
  @ApiErrors({
    400: '`IDEMPOTENCY_KEY_REQUIRED`: no `Idempotency-Key` header.',
    422: '`IDEMPOTENCY_KEY_INVALID`: the key is not 1–255 letters, digits and hyphens.',
    404: '`DOSSIER_NOT_FOUND`: no dossier of yours has this code.',
    409: '`NOTHING_TO_PAY`, `ALREADY_PAID`, or `IDEMPOTENCY_KEY_REUSED` (the key was used with another body).',
  })
  async create(
    @Param('code') code: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodBody(createPaymentSchema)) body: z.output<typeof createPaymentSchema>,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<PaymentStart> {
    return this.payments.create(user, checkedDossierCode(code), key, body, {
      ip: req.ip ?? '127.0.0.1',
      language: languageOf(req),
      requestId: requestIdFrom(req),
    });
  }

  @Get('dossiers/:code/payments')
  @UseGuards(SignedIn)
  @Roles('citizen')
  @ApiOperation({ summary: 'The payments of one of my dossiers, newest first, each with its history.' })
  @ApiZodParams(dossierPathSchema)
  @ApiOkResponse({ description: 'The payments.' })
  @ApiErrors({ 404: '`DOSSIER_NOT_FOUND`: no dossier of yours has this code.' })
  mine(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<PaymentView[]> {
    return this.payments.ofMyDossier(user, checkedDossierCode(code));
  }

  @Get('office/dossiers/:code/payments')
  @UseGuards(SignedIn)
  @Roles('clerk', 'leader', 'auditor')
  @ApiOperation({ summary: "The payments of a dossier of the reader's ward (any ward's for auditors)." })
  @ApiZodParams(dossierPathSchema)
  @ApiOkResponse({ description: 'The payments, newest first, each with its history.' })
  @ApiErrors({ 404: '`DOSSIER_NOT_FOUND`: no dossier in your scope has this code.' })
  office(@Param('code') code: string, @CurrentUser() user: SessionUser): Promise<PaymentView[]> {
    return this.payments.ofOfficeDossier(user, checkedDossierCode(code));
  }

  @Get('payments/:reference/checkout')
  @UseGuards(SignedIn)
  @Roles('citizen')
  @ApiOperation({ summary: "Send the payer to the gateway's checkout (the payment becomes pending)." })
  @ApiZodParams(paymentPathSchema)
  @ApiFoundResponse({
    description: "To the gateway's checkout; a payment no longer open: back to the dossier's page.",
    headers: { Location: { schema: { type: 'string' } } },
  })
  @ApiErrors({ 404: '`PAYMENT_NOT_FOUND`: no payment of yours has this reference.' })
  async checkout(
    @Param('reference') reference: string,
    @CurrentUser() user: SessionUser,
    @Res() res: Response,
  ): Promise<void> {
    const next = await this.payments.checkout(user, checkedReference(reference));
    res.set('Cache-Control', 'no-store');
    res.redirect(303, 'url' in next ? next.url : `/dossiers/${encodeURIComponent(next.dossierCode)}?payment=closed`);
  }

  @Get('payments/vnpay/return')
  @ApiOperation({
    summary:
      "The payer's browser back from the gateway: checked, then sent to the dossier's page, which shows the state the portal holds.",
  })
  @ApiZodQuery(vnpayResultQuerySchema)
  @ApiFoundResponse({
    description: "To the dossier's page.",
    headers: { Location: { schema: { type: 'string' } } },
  })
  @ApiErrors({ 400: '`PAYMENT_RETURN_INVALID`: the query is not signed by the gateway.' })
  async browserReturn(
    @Query(new ZodBody(vnpayResultQuerySchema)) query: z.output<typeof vnpayResultQuerySchema>,
    @Res() res: Response,
  ): Promise<void> {
    const params = vnpQuery(query as Request['query']);
    const { dossierCode, reference } = await this.payments.browserReturn(params ?? {});
    res.set('Cache-Control', 'no-store');
    res.redirect(303, `/dossiers/${encodeURIComponent(dossierCode)}?payment=${encodeURIComponent(reference)}`);
  }

  @Get('payments/vnpay/ipn')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The gateway's notification of a payment's outcome (IPN), server to server. Always 200 with VNPAY's `RspCode`: 00 confirmed, 01 not found, 02 already confirmed, 04 wrong amount, 97 bad signature, 99 other.",
  })
  @ApiZodQuery(vnpayResultQuerySchema)
  @ApiOkResponse({ description: '`{ "RspCode": "00", "Message": "Confirm Success" }` and the like.' })
  async ipn(
    @Query(new ZodBody(vnpayResultQuerySchema)) query: z.output<typeof vnpayResultQuerySchema>,
  ): Promise<IpnAnswer> {
    const params = vnpQuery(query as Request['query']);
    return params ? this.payments.notice(params) : { RspCode: '97', Message: 'Invalid signature' };
  }
}
