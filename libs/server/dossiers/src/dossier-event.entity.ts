import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DossierStatus } from './dossier-status';

/** One line of a dossier's history: the citizen's timeline and the audit trail. Append-only. */
@Entity('dossier_event')
export class DossierEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId!: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_role', type: 'varchar', length: 16 }) actorRole!: string;
  @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ name: 'from_status', type: 'varchar', length: 32, nullable: true }) fromStatus!: DossierStatus | null;
  @Column({ name: 'to_status', type: 'varchar', length: 32, nullable: true }) toStatus!: DossierStatus | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'jsonb', nullable: true }) details!: Record<string, unknown> | null;
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true }) requestId!: string | null;
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
}
