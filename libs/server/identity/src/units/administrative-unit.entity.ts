import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type UnitTier = 'province' | 'commune';
export type UnitKind = 'city' | 'province' | 'ward' | 'commune' | 'special_zone';

/**
 * A province-level unit or a commune-level unit (ward, commune or special
 * zone): Vietnam's two tiers of local government since 1 July 2025.
 */
@Entity('administrative_unit')
export class AdministrativeUnit {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ type: 'varchar', length: 16 })
  tier!: UnitTier;

  @Column({ type: 'varchar', length: 16 })
  kind!: UnitKind;

  @Column({ name: 'parent_code', type: 'varchar', length: 10, nullable: true })
  parentCode!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
