import { requiredPapersOf } from '@portal/contracts';
import type { IntakeCheck } from './intake-check';

/** Are the papers the procedure asks of this application attached? */
export const papersCheck: IntakeCheck = {
  async run(manager, dossier) {
    const papers = await manager.query(`SELECT DISTINCT paper_code FROM attachment WHERE dossier_id = $1`, [
      dossier.id,
    ]);
    return {
      papersRequired: requiredPapersOf(
        dossier.procedure_code,
        dossier.data,
        dossier.channel === 'counter' ? 'counter' : 'online',
      ),
      papersAttached: papers.map((p: { paper_code: string }) => p.paper_code),
    };
  },
};
