import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ProcedureDetail, ProcedureSummary } from '@portal/contracts';
import { Repository } from 'typeorm';
import { minimumFee } from '../fees';
import { ProcedureNotFound } from './procedure-not-found.error';
import { Procedure } from './procedure.entity';

function toSummary(p: Procedure): ProcedureSummary {
  return {
    code: p.code,
    name: { vi: p.name, en: p.nameEn },
    field: { vi: p.field, en: p.fieldEn },
    serviceLevel: p.serviceLevel,
    handlingTier: p.handlingTier,
    timeLimit: {
      amount: p.timeLimitAmount,
      unit: p.timeLimitUnit,
      ...(p.timeLimitNote ? { note: p.timeLimitNote } : {}),
    },
    minimumFee: minimumFee(p.fees),
  };
}

function toDetail(p: Procedure): ProcedureDetail {
  return {
    ...toSummary(p),
    description: { vi: p.description, en: p.descriptionEn },
    handlingAgency: { vi: p.handlingAgency, en: p.handlingAgencyEn },
    fees: p.fees,
    requiredPapers: p.requiredPapers,
    legalBasis: p.legalBasis,
    formSchemaVersion: p.formSchemaVersion,
    acceptingApplications: p.active,
  };
}

/**
 * The public catalogue: the procedures a citizen can apply for. A procedure an
 * administrator has stopped is left out of the list but still answers by its
 * code (with `acceptingApplications: false`), for the pages of its open dossiers.
 */
@Injectable()
export class ProceduresService {
  constructor(@InjectRepository(Procedure) private readonly procedures: Repository<Procedure>) {}

  async list(): Promise<ProcedureSummary[]> {
    const rows = await this.procedures.find({ where: { active: true }, order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toSummary);
  }

  async get(code: string): Promise<ProcedureDetail> {
    const row = code.length <= 32 ? await this.procedures.findOneBy({ code }) : null;
    if (!row) throw new ProcedureNotFound(code);
    return toDetail(row);
  }
}
