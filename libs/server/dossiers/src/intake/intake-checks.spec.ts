import { BIRTH_REGISTRATION, requiredPapersOf } from '@portal/contracts';

const requiredPapers = (application: Record<string, unknown>, channel: 'online' | 'counter') =>
  requiredPapersOf(BIRTH_REGISTRATION, application, channel);
import { intakeResult } from './intake-checks';

const mother = { absent: false };
const absent = { absent: true };

describe('intake checks', () => {
  it('wants the marriage certificate only when both parents are named', () => {
    const oneParent = requiredPapers({ mother, father: absent }, 'online');
    expect(
      intakeResult({ papersRequired: oneParent, papersAttached: ['medical_birth_certificate'], duplicates: [] }),
    ).toEqual({ papersComplete: true, missingPapers: [], duplicateOf: [] });
    const both = requiredPapers({ mother, father: { absent: false } }, 'online');
    expect(
      intakeResult({ papersRequired: both, papersAttached: ['medical_birth_certificate'], duplicates: [] })
        .missingPapers,
    ).toEqual(['marriage_certificate']);
  });

  it('passes on the dossiers that look like the same birth', () => {
    expect(
      intakeResult({
        papersRequired: requiredPapers({ mother, father: absent }, 'online'),
        papersAttached: [],
        duplicates: ['HS-01-261125-000001'],
      }),
    ).toMatchObject({ papersComplete: false, duplicateOf: ['HS-01-261125-000001'] });
  });

  it('asks no uploads of a counter dossier, whose originals the clerk has seen', () => {
    const papersRequired = requiredPapers({ mother, father: { absent: false } }, 'counter');
    expect(intakeResult({ papersRequired, papersAttached: [], duplicates: [] })).toEqual({
      papersComplete: true,
      missingPapers: [],
      duplicateOf: [],
    });
  });
});
