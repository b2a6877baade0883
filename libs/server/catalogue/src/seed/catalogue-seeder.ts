import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { demoProcedures } from './procedures.seed';

/**
 * Puts the demo procedures in place; a second run updates them in place and adds
 * nothing. What an administrator has edited (`/admin/procedures`: fee amounts,
 * the time limit, paper names, whether it takes applications) is left as they set it.
 */
@Injectable()
export class CatalogueSeeder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seed(): Promise<{ procedures: number }> {
    await this.dataSource.transaction(async (manager) => {
      for (const p of demoProcedures) {
        await manager.query(
          `INSERT INTO procedure (code, name, name_en, field, field_en, description, description_en,
             handling_agency, handling_agency_en, service_level, handling_tier, time_limit_amount,
             time_limit_unit, time_limit_note, fees, required_papers, legal_basis, form_schema_version,
             workflow, sort_order)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
           ON CONFLICT (code) DO UPDATE SET
             name = EXCLUDED.name, name_en = EXCLUDED.name_en, field = EXCLUDED.field, field_en = EXCLUDED.field_en,
             description = EXCLUDED.description, description_en = EXCLUDED.description_en,
             handling_agency = EXCLUDED.handling_agency, handling_agency_en = EXCLUDED.handling_agency_en,
             service_level = EXCLUDED.service_level, handling_tier = EXCLUDED.handling_tier,
             time_limit_amount = CASE WHEN procedure.administered_at IS NULL
                                      THEN EXCLUDED.time_limit_amount ELSE procedure.time_limit_amount END,
             time_limit_unit = EXCLUDED.time_limit_unit, time_limit_note = EXCLUDED.time_limit_note,
             fees = CASE WHEN procedure.administered_at IS NULL THEN EXCLUDED.fees ELSE procedure.fees END,
             required_papers = CASE WHEN procedure.administered_at IS NULL
                                    THEN EXCLUDED.required_papers ELSE procedure.required_papers END,
             legal_basis = EXCLUDED.legal_basis,
             form_schema_version = EXCLUDED.form_schema_version, workflow = EXCLUDED.workflow,
             sort_order = EXCLUDED.sort_order, updated_at = now(), version = procedure.version + 1
           WHERE (procedure.name, procedure.name_en, procedure.description, procedure.description_en,
                  procedure.legal_basis, procedure.time_limit_note, procedure.sort_order)
             IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.description, EXCLUDED.description_en,
                  EXCLUDED.legal_basis, EXCLUDED.time_limit_note, EXCLUDED.sort_order)
              OR (procedure.administered_at IS NULL AND
                  (procedure.time_limit_amount, procedure.fees, procedure.required_papers)
                  IS DISTINCT FROM (EXCLUDED.time_limit_amount, EXCLUDED.fees, EXCLUDED.required_papers))`,
          [
            p.code,
            p.name.vi,
            p.name.en,
            p.field.vi,
            p.field.en,
            p.description.vi,
            p.description.en,
            p.handlingAgency.vi,
            p.handlingAgency.en,
            p.serviceLevel,
            p.handlingTier,
            p.timeLimit.amount,
            p.timeLimit.unit,
            p.timeLimit.note ? JSON.stringify(p.timeLimit.note) : null,
            JSON.stringify(p.fees),
            JSON.stringify(p.requiredPapers),
            JSON.stringify(p.legalBasis),
            p.formSchemaVersion,
            p.workflow,
            p.sortOrder,
          ],
        );
      }
    });
    return { procedures: demoProcedures.length };
  }
}
