import { intakeResult } from './intake-checks';

describe('intake checks', () => {
  it('wants the marriage certificate only when both parents are named', () => {
    expect(
      intakeResult({ papersAttached: ['medical_birth_certificate'], bothParentsNamed: false, duplicates: [] }),
    ).toEqual({
      papersComplete: true,
      missingPapers: [],
      duplicateOf: [],
    });
    expect(
      intakeResult({ papersAttached: ['medical_birth_certificate'], bothParentsNamed: true, duplicates: [] })
        .missingPapers,
    ).toEqual(['marriage_certificate']);
  });

  it('passes on the dossiers that look like the same birth', () => {
    expect(
      intakeResult({ papersAttached: [], bothParentsNamed: false, duplicates: ['HS-01-261125-000001'] }),
    ).toMatchObject({
      papersComplete: false,
      duplicateOf: ['HS-01-261125-000001'],
    });
  });
});
