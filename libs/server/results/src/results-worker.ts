import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueNames, shortJobWorker } from '@portal/server/platform';
import type { Job } from 'bullmq';
import { ResultsService } from './results.service';
import { SigningKeys } from './signing-keys';

/**
 * The documents queue, in the worker: `issue-result` makes a signed dossier's
 * electronic result, `issue-receipt` a successful payment's receipt. Idempotent (one result per dossier); a registry that fails
 * makes the job fail and BullMQ try it again with backoff.
 */
@Processor(QueueNames.documents, shortJobWorker)
export class DocumentsProcessor extends WorkerHost {
  constructor(private readonly results: ResultsService) {
    super();
  }

  async process(job: Job<{ dossierId?: string; paymentId?: string; tell?: boolean }>): Promise<unknown> {
    if (job.name === 'issue-result' && job.data.dossierId) return this.results.issue(job.data.dossierId);
    if (job.name === 'issue-receipt' && job.data.paymentId)
      return this.results.issueReceipt(job.data.paymentId, { tell: job.data.tell === true });
    throw new Error(`unknown documents job ${job.name}`);
  }
}

@Module({ providers: [ResultsService, SigningKeys, DocumentsProcessor] })
export class ResultsWorkerModule {}
