import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { handOffPayloadOf } from '@portal/contracts';
import { APP_CONFIG, QueueNames, shortJobWorker, type AppConfig, writeToOutbox } from '@portal/server/platform';
import type { Job } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';

/** The partner agencies a dossier is handed on to (`handOff` in its state table), and where each listens. */
export const AGENCIES = {
  residence: { path: '/residence/registrations', event: 'agency-residence' },
  'health-insurance': { path: '/health-insurance/cards', event: 'agency-health-insurance' },
} as const;
export type Agency = keyof typeof AGENCIES;

/** Once the ward has decided, the dossier goes on to the agencies (through the outbox). */
export async function queueAgencyFanOut(manager: EntityManager, dossierId: string): Promise<void> {
  await writeToOutbox(
    manager,
    (Object.keys(AGENCIES) as Agency[]).map((agency) => ({
      queue: QueueNames.agencyFanOut,
      name: agency,
      payload: { dossierId },
    })),
  );
}

/**
 * Sends a dossier to one partner agency over HTTP. A failure
 * (refusal, time-out, 5xx) throws, and BullMQ retries with backoff. Idempotent:
 * a dossier the agency has already answered for is skipped, and the agencies
 * themselves answer a repeated request with the same reference.
 */
// Each job mostly waits on a partner's answer: ten at a time per worker.
@Processor(QueueNames.agencyFanOut, { ...shortJobWorker, concurrency: 10 })
export class AgencyFanOutProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<{ dossierId: string }>): Promise<{ reference: string } | { skipped: true }> {
    const agency = AGENCIES[job.name as Agency];
    if (!agency) throw new Error(`unknown agency ${job.name}`);
    const [dossier] = await this.dataSource.query(`SELECT id, code, procedure_code, data FROM dossier WHERE id = $1`, [
      job.data.dossierId,
    ]);
    if (!dossier) return { skipped: true };
    const [done] = await this.dataSource.query(`SELECT 1 FROM dossier_event WHERE dossier_id = $1 AND action = $2`, [
      dossier.id,
      agency.event,
    ]);
    if (done) return { skipped: true };
    const response = await fetch(`${this.config.AGENCIES_URL.replace(/\/$/, '')}${agency.path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.config.AGENCIES_TOKEN}` },
      // What the agencies receive of the application is the procedure's to say.
      body: JSON.stringify({ dossierCode: dossier.code, ...handOffPayloadOf(dossier.procedure_code, dossier.data) }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`${job.name} agency answered ${response.status}`);
    const { reference } = (await response.json()) as { reference: string };
    await this.dataSource.transaction(async (manager) => {
      // The dossier's row lock serialises two runs of this job (a stalled job taken over, say).
      await manager.query(`SELECT 1 FROM dossier WHERE id = $1 FOR UPDATE`, [dossier.id]);
      const [again] = await manager.query(`SELECT 1 FROM dossier_event WHERE dossier_id = $1 AND action = $2`, [
        dossier.id,
        agency.event,
      ]);
      if (again) return;
      await manager.query(
        `INSERT INTO dossier_event (dossier_id, actor_role, action, details) VALUES ($1, 'system', $2, $3)`,
        [dossier.id, agency.event, JSON.stringify({ reference })],
      );
    });
    return { reference };
  }
}
