import { queueNotification, type NotificationAttachment, type TemplateParams } from '@portal/server/notifications';
import type { EntityManager } from 'typeorm';

export type ApplicantNews = TemplateParams<'dossier-status-changed'>['change'];

/**
 * E-mails the person a dossier is with about a change to it — a workflow step, a
 * payment, the electronic result — in the language of their first e-mail, to the
 * dossier's contact address (else the account's). Inside the caller's transaction:
 * it goes out only if the change commits (outbox). No address: nothing is sent.
 */
export async function tellApplicant(
  manager: EntityManager,
  dossierId: string,
  publicUrl: string,
  news: { change: ApplicantNews; reason?: string; amount?: number; attachments?: NotificationAttachment[] },
): Promise<void> {
  const [target] = await manager.query(
    `SELECT d.code, COALESCE(d.contact_email, u.email) AS email, p.name, p.name_en,
            (SELECT n.language FROM notification n WHERE n.dossier_id = d.id ORDER BY n.created_at LIMIT 1) AS language
       FROM dossier d JOIN procedure p ON p.code = d.procedure_code LEFT JOIN app_user u ON u.id = d.applicant_id
      WHERE d.id = $1`,
    [dossierId],
  );
  if (!target?.email) return;
  await queueNotification(manager, {
    channel: 'email',
    template: 'dossier-status-changed',
    language: target.language === 'en' ? 'en' : 'vi',
    recipient: target.email,
    dossierId,
    ...(news.attachments ? { attachments: news.attachments } : {}),
    params: {
      dossierCode: target.code,
      procedureName: { vi: target.name, en: target.name_en },
      change: news.change,
      ...(news.reason ? { reason: news.reason } : {}),
      ...(news.amount !== undefined ? { amount: Number(news.amount) } : {}),
      dossierUrl: `${publicUrl.replace(/\/$/, '')}/dossiers/${target.code}`,
    },
  });
}
