import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RATING_EDIT_DAYS, type OfficeRatingsPage, type RatingView, type SessionUser } from '@portal/contracts';
import { DossierNotFound, readerScope } from '@portal/server/dossiers';
import { audit } from '@portal/server/identity';
import { Conflict } from '@portal/server/platform';
import { DataSource } from 'typeorm';

export class RatingNotYet extends Conflict {
  constructor() {
    super('RATING_NOT_YET', {
      vi: 'Bạn có thể đánh giá sau khi hồ sơ có kết quả.',
      en: 'You can rate the service once the dossier has its result.',
    });
  }
}

export class RatingLocked extends Conflict {
  constructor() {
    super('RATING_LOCKED', {
      vi: `Đánh giá chỉ sửa được trong ${RATING_EDIT_DAYS} ngày kể từ khi gửi.`,
      en: `A rating can be changed only within ${RATING_EDIT_DAYS} days of giving it.`,
    });
  }
}

const view = (row: { score: number; comment: string | null; created_at: Date; editable_until: Date }): RatingView => ({
  score: row.score,
  comment: row.comment,
  ratedAt: new Date(row.created_at).toISOString(),
  editableUntil: new Date(row.editable_until).toISOString(),
});

/**
 * The citizen's rating of the service (1–5 and a comment), once the result is
 * out: once per dossier (its key), changeable for seven days, audited; read by
 * the ward's leader and by auditors, and counted in the reports.
 */
@Injectable()
export class RatingsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rate(
    user: SessionUser,
    dossierCode: string,
    rating: { score: number; comment?: string },
    requestId?: string,
  ): Promise<RatingView> {
    return this.dataSource.transaction(async (manager) => {
      const [dossier] = await manager.query(
        `SELECT d.id, EXISTS (SELECT 1 FROM dossier_result r WHERE r.dossier_id = d.id) AS has_result
           FROM dossier d WHERE d.code = $1 AND d.applicant_id = $2 FOR UPDATE OF d`,
        [dossierCode.slice(0, 32), user.id],
      );
      if (!dossier) throw new DossierNotFound();
      if (!dossier.has_result) throw new RatingNotYet();
      const [before] = await manager.query(
        `SELECT score, comment, created_at < now() - make_interval(days => $2) AS locked
           FROM dossier_rating WHERE dossier_id = $1`,
        [dossier.id, RATING_EDIT_DAYS],
      );
      if (before?.locked) throw new RatingLocked();
      const [row] = await manager.query(
        `INSERT INTO dossier_rating (dossier_id, score, comment) VALUES ($1, $2, $3)
         ON CONFLICT (dossier_id) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, updated_at = now()
         RETURNING score, comment, created_at, created_at + make_interval(days => $4) AS editable_until`,
        [dossier.id, rating.score, rating.comment ?? null, RATING_EDIT_DAYS],
      );
      await audit(manager, {
        actorId: user.id,
        action: before ? 'rating.changed' : 'rating.given',
        targetType: 'dossier',
        targetId: dossier.id,
        details: { score: rating.score, ...(before ? { before: before.score } : {}) },
        requestId,
      });
      return view(row);
    });
  }

  /** The ratings of the reader's ward (every ward's for auditors), newest first. */
  async forOffice(user: SessionUser): Promise<OfficeRatingsPage> {
    const { unitCode } = readerScope(user);
    const rows = await this.dataSource.query(
      `SELECT d.code, p.name, p.name_en, u.name AS unit_name, r.score, r.comment, r.created_at,
              r.created_at + make_interval(days => $2) AS editable_until
         FROM dossier_rating r JOIN dossier d ON d.id = r.dossier_id
         JOIN procedure p ON p.code = d.procedure_code JOIN administrative_unit u ON u.code = d.unit_code
        WHERE ($1::text IS NULL OR d.unit_code = $1)
        ORDER BY r.created_at DESC LIMIT 200`,
      [unitCode, RATING_EDIT_DAYS],
    );
    const [{ count, average }] = await this.dataSource.query(
      `SELECT count(*)::int AS count, round(avg(r.score), 1)::float AS average
         FROM dossier_rating r JOIN dossier d ON d.id = r.dossier_id WHERE ($1::text IS NULL OR d.unit_code = $1)`,
      [unitCode],
    );
    return {
      rows: rows.map((r: Record<string, unknown>) => ({
        ...view(r as never),
        dossierCode: r['code'] as string,
        procedureName: { vi: r['name'] as string, en: r['name_en'] as string },
        unitName: r['unit_name'] as string,
      })),
      count,
      average: average ?? null,
    };
  }
}
