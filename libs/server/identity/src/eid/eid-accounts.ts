import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@portal/contracts';
import { uniqueViolation } from '@portal/server/platform';
import { DataSource } from 'typeorm';
import { audit } from '../audit/audit';
import { SESSION_USER_COLUMNS, toSessionUser, type UserRow } from '../auth/session-user';
import type { EidIdentity } from './eid-claims';

/** Another account already holds this personal ID number: the eID sign-in is refused rather than merged. */
export class EidIdentityConflict extends Error {
  constructor() {
    super('another account already holds this personal ID number');
    this.name = 'EidIdentityConflict';
  }
}

/**
 * Citizen accounts of the national eID: one account per eID subject, made on
 * the first sign-in, whose identity columns the eID refreshes at every sign-in.
 * An existing password account is never linked by matching names or numbers.
 */
@Injectable()
export class EidAccounts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async signIn(identity: EidIdentity, requestId?: string): Promise<{ user: SessionUser; registered: boolean }> {
    try {
      return await this.signInOnce(identity, requestId);
    } catch (error) {
      const constraint = uniqueViolation(error);
      // Two first sign-ins of one person at once: the other made the account, so this one signs into it.
      if (constraint === 'app_user_eid_subject_key') return this.signInOnce(identity, requestId);
      if (constraint) throw new EidIdentityConflict();
      throw error;
    }
  }

  private signInOnce(identity: EidIdentity, requestId?: string): Promise<{ user: SessionUser; registered: boolean }> {
    const facts = [
      identity.fullName,
      identity.personalId,
      identity.dateOfBirth,
      identity.sex,
      identity.permanentAddress,
      identity.subject,
    ];
    return this.dataSource.transaction(async (manager) => {
      const [existing] = (await manager.query(`SELECT id FROM app_user WHERE eid_subject = $1 FOR UPDATE`, [
        identity.subject,
      ])) as Array<{ id: string }>;
      let id: string;
      if (existing) {
        id = existing.id;
        await manager.query(
          `UPDATE app_user
              SET full_name = $1, personal_id = $2, date_of_birth = $3, sex = $4, permanent_address = $5,
                  identity_verified = true, last_login_at = now(), updated_at = now(), version = version + 1
            WHERE eid_subject = $6`,
          facts,
        );
      } else {
        const [created] = (await manager.query(
          `INSERT INTO app_user (full_name, personal_id, date_of_birth, sex, permanent_address, eid_subject,
                                 identity_verified, roles, last_login_at)
           VALUES ($1, $2, $3, $4, $5, $6, true, ARRAY['citizen'], now())
           RETURNING id`,
          facts,
        )) as Array<{ id: string }>;
        id = created.id;
      }
      await audit(manager, {
        actorId: id,
        action: existing ? 'account.eid-signed-in' : 'account.eid-registered',
        targetType: 'user',
        targetId: id,
        requestId,
      });
      const [row] = (await manager.query(`SELECT ${SESSION_USER_COLUMNS} FROM app_user WHERE id = $1`, [
        id,
      ])) as UserRow[];
      return { user: toSessionUser(row), registered: !existing };
    });
  }

  /** Audits a failed eID sign-in; the reason is a code (e.g. invalid_grant), never personal data. */
  async failed(reason: string, requestId?: string): Promise<void> {
    await audit(this.dataSource.manager, {
      actorId: null,
      action: 'account.eid-sign-in-failed',
      details: { reason },
      requestId,
    });
  }
}
