import { codePrefix } from './dossier-code';

describe('dossier codes', () => {
  it('use the province code and the day in Viet Nam', () => {
    expect(codePrefix('01', new Date('2026-11-25T16:59:00Z'))).toBe('HS-01-261125');
    expect(codePrefix('01', new Date('2026-11-25T17:00:00Z'))).toBe('HS-01-261126');
  });
});
