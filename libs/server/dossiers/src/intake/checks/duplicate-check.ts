import type { IntakeCheck } from './intake-check';

/**
 * Is the same event (the same birth, the same death) in another live dossier? The keys are the
 * procedure's (`duplicateKeys` of its form), written at submission; a GIN index serves `&&`.
 */
export const duplicateCheck: IntakeCheck = {
  async run(manager, dossier) {
    if (!dossier.duplicate_keys.length) return { duplicates: [] };
    const rows = await manager.query(
      `SELECT code FROM dossier
        WHERE id <> $1 AND status NOT IN ('refused', 'withdrawn', 'stopped') AND duplicate_keys && $2::text[]
        ORDER BY created_at LIMIT 5`,
      [dossier.id, dossier.duplicate_keys],
    );
    return { duplicates: rows.map((d: { code: string }) => d.code) };
  },
};
