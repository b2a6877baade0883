import type { Language } from '@portal/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const notificationChannels = ['email', 'sms'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export const notificationStatuses = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** One message to a citizen or an officer. Written by queueNotification, sent by the worker. */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 16 }) channel!: NotificationChannel;
  @Column({ type: 'varchar', length: 64 }) template!: string;
  @Column({ type: 'varchar', length: 2 }) language!: Language;
  /** An e-mail address (or, later, a phone number). Personal data: never logged. */
  @Column({ type: 'text' }) recipient!: string;
  @Column({ type: 'jsonb' }) params!: Record<string, unknown>;
  @Column({ type: 'varchar', length: 16 }) status!: NotificationStatus;
  /** Every try to send, the successful one included. */
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'dossier_id', type: 'uuid', nullable: true }) dossierId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
}
