import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DemoPeople, contactOf, procedureDemos, seededRandom } from '@portal/contracts';
import { FileStore, nextDossierCode } from '@portal/server/dossiers';
import { vnpayDate } from '@portal/server/payments';
import { audit } from '@portal/server/identity';
import { QueueNames, writeToOutbox } from '@portal/server/platform';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { demoPaperPdf } from './demo-paper';
import { dossierRow, eventRows, insertRows } from './dossier-rows';
import { planDemoDossier, type DemoDossierPlan, type DemoProcedure, type DemoUnit } from './demo-plan';

/** The audit event that marks the demonstration dossiers as made (the seeder runs once per database). */
export const DEMO_SEEDED = 'demo.dossiers-seeded';

export interface DemoDataOptions {
  /** How many dossiers (a few hundred show life without drowning the inbox). */
  dossiers?: number;
  /** The random seed: the same seed, the same dossiers. */
  seed?: number;
  months?: number;
  now?: Date;
}

/**
 * Demonstration data that shows life (`cli.js demo-data`, run by `npm start`): a few hundred
 * dossiers of every procedure that has demonstration data, over the past twelve months, across
 * every ward, in every state — on time and overdue, paid online, refused, waiting for papers,
 * returned, rated — with their history, so that a newcomer opening the office, the reports and
 * the index sees real figures. Recently approved ones go to the worker, which issues their signed
 * results (and paid ones' receipts) the real way. Runs once per database (an audit event marks it);
 * never part of a production deployment's seed.
 */
interface PaperRow {
  code: string;
  name: { vi: string; en: string };
  mandatory: boolean;
  providedByForm: boolean;
}

@Injectable()
export class DemoDataSeeder {
  /** The papers an online applicant uploads, by procedure: the mandatory ones the form does not provide. */
  private uploads = new Map<string, Array<{ code: string; name: { vi: string; en: string } }>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: FileStore,
  ) {}

  async seed(options: DemoDataOptions = {}): Promise<{ dossiers: number; alreadyThere: boolean }> {
    return this.dataSource.transaction((manager) => this.seedIn(manager, options));
  }

  /** The same, inside the caller's transaction. */
  async seedIn(
    manager: EntityManager,
    options: DemoDataOptions = {},
  ): Promise<{ dossiers: number; alreadyThere: boolean }> {
    // One run at a time, and once: the lock, then the mark.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [DEMO_SEEDED]);
    const [done] = await manager.query(`SELECT 1 FROM audit_event WHERE action = $1 LIMIT 1`, [DEMO_SEEDED]);
    if (done) return { dossiers: 0, alreadyThere: true };
    const now = options.now ?? new Date();
    const units = (await manager.query(
      `SELECT u.code, u.name, p.code AS "provinceCode", p.name AS "provinceName"
         FROM administrative_unit u JOIN administrative_unit p ON p.code = u.parent_code
        WHERE u.tier = 'commune' ORDER BY u.code`,
    )) as DemoUnit[];
    const procedures = (
      await manager.query(
        `SELECT code, time_limit_amount AS "timeLimitDays", fees, required_papers AS "papers"
           FROM procedure WHERE code = ANY($1) ORDER BY code`,
        [Object.keys(procedureDemos)],
      )
    ).map((p: DemoProcedure & { papers: PaperRow[] }) => {
      this.uploads.set(
        p.code,
        p.papers.filter((paper) => paper.mandatory && !paper.providedByForm),
      );
      return { code: p.code, fees: p.fees, timeLimitDays: Number(p.timeLimitDays) };
    }) as DemoProcedure[];
    if (!units.length || !procedures.length) throw new Error('seed the wards and the procedures first (cli.js seed)');
    const holidays = new Set<string>(
      (await manager.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM holiday`)).map((h: { day: string }) => h.day),
    );
    const people = new DemoPeople(seededRandom(options.seed ?? 20_251_201));
    const input = { now, units, procedures, holidays, months: options.months ?? 12, electronicResultDays: 30 };
    const plans = Array.from({ length: options.dossiers ?? 320 }, () => planDemoDossier(people, input)).sort(
      (a, b) => a.submittedAt.getTime() - b.submittedAt.getTime(),
    );
    const staff = (await manager.query(
      `SELECT id, unit_code, roles FROM app_user WHERE unit_code IS NOT NULL ORDER BY created_at`,
    )) as { id: string; unit_code: string; roles: string[] }[];
    const staffOf = (unit: string, role: 'clerk' | 'leader') =>
      staff.find((s) => s.unit_code === unit && s.roles.includes(role))?.id ?? null;

    let citizens = 0;
    for (const plan of plans) {
      const applicantId = plan.channel === 'online' ? await this.citizen(manager, plan, ++citizens) : null;
      await this.write(manager, plan, applicantId, staffOf(plan.unitCode, 'clerk'), staffOf(plan.unitCode, 'leader'));
    }
    await audit(manager, { actorId: null, action: DEMO_SEEDED, details: { dossiers: plans.length } });
    return { dossiers: plans.length, alreadyThere: false };
  }

  /**
   * The online applicant's account: made up, without a password (it cannot sign in); about half
   * signed in with the national eID, their identity verified there (the index's 4.5).
   */
  private async citizen(manager: EntityManager, plan: DemoDossierPlan, n: number): Promise<string> {
    const contact = contactOf(plan.procedureCode, plan.data);
    const login = `nguoidan.${String(n).padStart(3, '0')}`;
    const verified = n % 20 < 9;
    const [row] = await manager.query(
      `INSERT INTO app_user (email, full_name, roles, created_at, eid_subject, identity_verified)
       VALUES ($1, $2, ARRAY['citizen'], $3, $4, $5)
       ON CONFLICT (email) DO UPDATE SET full_name = EXCLUDED.full_name RETURNING id`,
      [`${login}@demo.dichvucong.vn`, contact.fullName, plan.submittedAt, verified ? `demo-${login}` : null, verified],
    );
    return row.id;
  }

  private async write(
    manager: EntityManager,
    plan: DemoDossierPlan,
    applicantId: string | null,
    clerkId: string | null,
    leaderId: string | null,
  ): Promise<void> {
    const code = await nextDossierCode(manager, plan.provinceCode, plan.submittedAt);
    const actors = { citizen: applicantId, clerk: clerkId, leader: leaderId, system: null };
    const [{ id }] = (await insertRows(manager, 'dossier', [dossierRow(plan, code, actors)], 'id')) as { id: string }[];
    await insertRows(manager, 'dossier_event', eventRows(plan, id, actors));
    if (applicantId) await this.papers(manager, id, code, applicantId, plan);
    if (plan.paidOnlineAt && applicantId) await this.payment(manager, id, applicantId, plan);
    if (plan.rating)
      await manager.query(
        `INSERT INTO dossier_rating (dossier_id, score, comment, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`,
        [id, plan.rating.score, plan.rating.comment, plan.rating.at],
      );
    // The signed result, issued by the worker as for any dossier the leader signs.
    if (plan.electronicResult)
      await writeToOutbox(manager, [{ queue: QueueNames.documents, name: 'issue-result', payload: { dossierId: id } }]);
  }

  /**
   * The papers the online applicant uploaded with the application (the index's 4.2): a made-up one-page PDF
   * each, kept as uploads are (a file under a random name), attached to the dossier when it was submitted.
   */
  private async papers(
    manager: EntityManager,
    dossierId: string,
    code: string,
    ownerId: string,
    plan: DemoDossierPlan,
  ) {
    for (const paper of this.uploads.get(plan.procedureCode) ?? []) {
      const bytes = demoPaperPdf([
        paper.name.vi,
        `Ho so ${code}`,
        'Ban mau cua du lieu trinh dien - khong phai giay to that.',
        'A made-up paper of the demonstration - not a real document.',
      ]);
      const received = await this.files.receive(Readable.from([bytes]), bytes.length);
      const key = FileStore.newKey();
      await this.files.keep(received, key);
      await manager.query(
        `INSERT INTO attachment (owner_id, dossier_id, paper_code, file_name, mime_type, size_bytes, sha256, storage_key,
                                 created_at)
         VALUES ($1, $2, $3, $4, 'application/pdf', $5, $6, $7, $8)`,
        [
          ownerId,
          dossierId,
          paper.code,
          `${paper.code}.pdf`,
          received.sizeBytes,
          received.sha256,
          key,
          plan.submittedAt,
        ],
      );
    }
  }

  /** The gateway payment that settled the fee, as the IPN left it; a recent one's receipt is issued by the worker. */
  private async payment(manager: EntityManager, dossierId: string, applicantId: string, plan: DemoDossierPlan) {
    const paidAt = plan.paidOnlineAt as Date;
    const createdAt = new Date(paidAt.getTime() - 3 * 60_000);
    const [{ seq }] = await manager.query(`SELECT nextval('payment_reference_seq') AS seq`);
    const reference = `DVC${vnpayDate(createdAt).slice(2, 8)}${String(seq).padStart(8, '0')}`;
    const [{ id }] = await manager.query(
      `INSERT INTO payment (reference, dossier_id, amount, items, state, method, created_by, idempotency_key, request_hash,
                            checkout_url, gateway_created, expires_at, transaction_no, bank_code, card_type,
                            response_code, paid_at, settled_at, settled_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'succeeded', 'card', $5, $6, $7, '', $8, $9, $10, 'NCB', 'ATM', '00', $11, $11, 'ipn',
               $12, $11)
       RETURNING id`,
      [
        reference,
        dossierId,
        plan.feeTotal,
        JSON.stringify(plan.feeLines),
        applicantId,
        randomUUID(),
        createHash('sha256').update(reference).digest('hex'),
        vnpayDate(createdAt),
        new Date(createdAt.getTime() + 15 * 60_000),
        String(14_000_000 + Number(seq)),
        paidAt,
        createdAt,
      ],
    );
    await manager.query(
      `INSERT INTO payment_event (payment_id, action, from_state, to_state, details, created_at)
       VALUES ($1, 'settled-by-ipn', 'created', 'succeeded', '{"responseCode":"00"}', $2)`,
      [id, paidAt],
    );
    if (plan.electronicReceipt)
      await writeToOutbox(manager, [
        { queue: QueueNames.documents, name: 'issue-receipt', payload: { paymentId: id, tell: false } },
      ]);
  }
}
