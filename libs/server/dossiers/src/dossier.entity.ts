import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DossierChannel, DossierStatus } from './dossier-status';

@Entity('dossier')
export class Dossier {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Readable and unique, e.g. HS-01-261125-000123. */
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ name: 'procedure_code', type: 'varchar', length: 32 }) procedureCode!: string;
  @Column({ name: 'applicant_id', type: 'uuid', nullable: true }) applicantId!: string | null;
  @Column({ name: 'unit_code', type: 'varchar', length: 10 }) unitCode!: string;
  @Column({ type: 'varchar', length: 16 }) channel!: DossierChannel;
  @Column({ type: 'varchar', length: 32 }) status!: DossierStatus;
  /** The application form, validated against the procedure's form schema. */
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt!: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  /** Time spent waiting for the citizen (supplement requested); it does not count against the limit. */
  @Column({ name: 'paused_seconds', type: 'integer' }) pausedSeconds!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
