import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashPassword } from '../users/passwords';
import { demoAccounts, demoPassword } from './demo-accounts';
import { demoUnits } from './demo-units';

/** Puts the demo units and accounts in place; running it again changes nothing. */
@Injectable()
export class IdentitySeeder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seed(): Promise<{ units: number; accounts: number }> {
    return this.dataSource.transaction(async (manager) => {
      for (const unit of demoUnits) {
        await manager.query(
          `INSERT INTO administrative_unit (code, name, name_en, tier, kind, parent_code)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
             tier = EXCLUDED.tier, kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code, updated_at = now()
           WHERE (administrative_unit.name, administrative_unit.name_en, administrative_unit.parent_code)
             IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.parent_code)`,
          [unit.code, unit.name, unit.nameEn, unit.tier, unit.kind, unit.parentCode],
        );
      }
      let accounts = 0;
      for (const account of demoAccounts) {
        // An existing account keeps its password: a demo user may have changed it.
        const inserted = await manager.query(
          `INSERT INTO app_user (email, phone, full_name, password_hash, roles, unit_code)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
          [
            account.email,
            account.phone,
            account.fullName,
            await hashPassword(demoPassword),
            account.roles,
            account.unitCode,
          ],
        );
        accounts += inserted.length;
      }
      return { units: demoUnits.length, accounts };
    });
  }
}
