import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { FeeRule, LegalBasis, LocalizedText, RequiredPaper } from '@portal/contracts';

@Entity('procedure')
export class Procedure {
  /** The national code of the procedure, e.g. 1.001193 for birth registration. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn!: string;
  @Column({ type: 'text' }) field!: string;
  @Column({ name: 'field_en', type: 'text' }) fieldEn!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'description_en', type: 'text' }) descriptionEn!: string;
  @Column({ name: 'handling_agency', type: 'text' }) handlingAgency!: string;
  @Column({ name: 'handling_agency_en', type: 'text' }) handlingAgencyEn!: string;

  @Column({ name: 'service_level', type: 'varchar', length: 16 })
  serviceLevel!: 'full' | 'partial';

  @Column({ name: 'handling_tier', type: 'varchar', length: 16 })
  handlingTier!: 'commune' | 'province';

  @Column({ name: 'time_limit_amount', type: 'integer' })
  timeLimitAmount!: number;

  @Column({ name: 'time_limit_unit', type: 'varchar', length: 16 })
  timeLimitUnit!: 'working_days' | 'working_hours';

  @Column({ name: 'time_limit_note', type: 'jsonb', nullable: true })
  timeLimitNote!: LocalizedText | null;

  @Column({ type: 'jsonb' }) fees!: FeeRule[];
  @Column({ name: 'required_papers', type: 'jsonb' }) requiredPapers!: RequiredPaper[];
  @Column({ name: 'legal_basis', type: 'jsonb' }) legalBasis!: LegalBasis[];
  @Column({ name: 'form_schema_version', type: 'integer' }) formSchemaVersion!: number;
  /** The workflow definition that drives this procedure's dossiers. */
  @Column({ type: 'varchar', length: 64 }) workflow!: string;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder!: number;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ name: 'administered_at', type: 'timestamptz', nullable: true }) administeredAt!: Date | null;
  @Column({ name: 'administered_by', type: 'uuid', nullable: true }) administeredBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
