import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalisePhone, type Language, type SessionUser } from '@portal/contracts';
import { queueNotification } from '@portal/server/notifications';
import { uniqueViolation } from '@portal/server/platform';
import { DataSource } from 'typeorm';
import { audit } from '../audit/audit';
import { hashPassword, verifyPassword } from '../users/passwords';
import { AccountExists, InvalidCredentials } from './auth.errors';
import { accountThrottleKey, LoginThrottle } from './login-throttle';
import { SESSION_USER_COLUMNS, toSessionUser, type UserRow } from './session-user';

/** Compared against when no account matches, so that a wrong login costs as long as a wrong password. */
const decoyHash = hashPassword('decoy password that matches nothing 4f1c');

export interface Registration {
  fullName: string;
  email?: string;
  phone?: string;
  password: string;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Creates a citizen account; 409 when the e-mail address or phone number is taken. */
  async register(
    input: Registration,
    address: string,
    requestId?: string,
    language: Language = 'vi',
  ): Promise<SessionUser> {
    await this.throttle.checkRegistration(address);
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [row] = (await manager.query(
          `INSERT INTO app_user (email, phone, full_name, password_hash, roles)
           VALUES ($1, $2, $3, $4, ARRAY['citizen'])
           RETURNING ${SESSION_USER_COLUMNS}`,
          [input.email ?? null, input.phone ?? null, input.fullName, passwordHash],
        )) as UserRow[];
        await audit(manager, {
          actorId: row.id,
          action: 'account.registered',
          targetType: 'user',
          targetId: row.id,
          requestId,
        });
        // The welcome e-mail commits with the account, or not at all.
        if (row.email) {
          await queueNotification(manager, {
            channel: 'email',
            template: 'account-registered',
            language,
            recipient: row.email,
            params: { fullName: row.full_name },
          });
        }
        return toSessionUser(row);
      });
    } catch (error) {
      if (uniqueViolation(error)) {
        await this.throttle.recordTakenRegistration(address);
        throw new AccountExists();
      }
      throw error;
    }
  }

  /** Checks a login (e-mail or phone) and password, with failed attempts throttled. */
  async authenticate(login: string, password: string, address: string, requestId?: string): Promise<SessionUser> {
    const normalised = login.includes('@') ? login.trim().toLowerCase() : normalisePhone(login);
    const [row] = (await this.dataSource.query(
      `SELECT ${SESSION_USER_COLUMNS}, password_hash FROM app_user
        WHERE ${normalised.includes('@') ? 'email' : 'phone'} = $1`,
      [normalised],
    )) as UserRow[];
    const key = accountThrottleKey(row?.id, normalised);
    await this.throttle.check(key, address);
    const matches = row?.password_hash
      ? await verifyPassword(row.password_hash, password)
      : (await verifyPassword(await decoyHash, password)) && false;
    if (!row || !matches) {
      await this.throttle.recordFailure(key, address);
      await audit(this.dataSource.manager, {
        actorId: null,
        action: 'account.sign-in-failed',
        targetType: row ? 'user' : undefined,
        targetId: row?.id,
        requestId,
      });
      throw new InvalidCredentials();
    }
    await this.throttle.recordSuccess(key);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE app_user SET last_login_at = now() WHERE id = $1`, [row.id]);
      await audit(manager, {
        actorId: row.id,
        action: 'account.signed-in',
        targetType: 'user',
        targetId: row.id,
        requestId,
      });
    });
    return toSessionUser(row);
  }

  async signedOut(userId: string, requestId?: string): Promise<void> {
    await audit(this.dataSource.manager, {
      actorId: userId,
      action: 'account.signed-out',
      targetType: 'user',
      targetId: userId,
      requestId,
    });
  }

  /** The session's user as they are now (roles may have changed since sign-in); null if gone. */
  async findSessionUser(id: string): Promise<SessionUser | null> {
    const [row] = (await this.dataSource.query(`SELECT ${SESSION_USER_COLUMNS} FROM app_user WHERE id = $1`, [
      id,
    ])) as UserRow[];
    return row ? toSessionUser(row) : null;
  }
}
