import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Sex } from '@portal/contracts';
import type { Role } from './roles';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  /** argon2id; null for accounts that only sign in with the national eID. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ name: 'eid_subject', type: 'text', nullable: true })
  eidSubject!: string | null;

  /** Số định danh cá nhân (12 digits), from the national eID. */
  @Column({ name: 'personal_id', type: 'varchar', length: 12, nullable: true })
  personalId!: string | null;

  /** YYYY-MM-DD */
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  sex!: Sex | null;

  @Column({ name: 'permanent_address', type: 'text', nullable: true })
  permanentAddress!: string | null;

  /** True once the national eID has vouched for the identity columns above. */
  @Column({ name: 'identity_verified', type: 'boolean', default: false })
  identityVerified!: boolean;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ name: 'unit_code', type: 'varchar', length: 10, nullable: true })
  unitCode!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
