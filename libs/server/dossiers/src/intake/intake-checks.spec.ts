import { intakeResult } from './intake-checks';

describe('intake checks', () => {
  it('wants the marriage certificate only when both parents are named', () => {
    expect(
      intakeResult({
        channel: 'online',
        papersAttached: ['medical_birth_certificate'],
        bothParentsNamed: false,
        duplicates: [],
      }),
    ).toEqual({
      papersComplete: true,
      missingPapers: [],
      duplicateOf: [],
    });
    expect(
      intakeResult({
        channel: 'online',
        papersAttached: ['medical_birth_certificate'],
        bothParentsNamed: true,
        duplicates: [],
      }).missingPapers,
    ).toEqual(['marriage_certificate']);
  });

  it('passes on the dossiers that look like the same birth', () => {
    expect(
      intakeResult({
        channel: 'online',
        papersAttached: [],
        bothParentsNamed: false,
        duplicates: ['HS-01-261125-000001'],
      }),
    ).toMatchObject({
      papersComplete: false,
      duplicateOf: ['HS-01-261125-000001'],
    });
  });

  it('asks no uploads of a counter dossier, whose originals the clerk has seen', () => {
    expect(intakeResult({ channel: 'counter', papersAttached: [], bothParentsNamed: true, duplicates: [] })).toEqual({
      papersComplete: true,
      missingPapers: [],
      duplicateOf: [],
    });
  });
});
