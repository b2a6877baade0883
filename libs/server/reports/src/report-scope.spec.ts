import type { SessionUser } from '@portal/contracts';
import { ReportOutOfScope, reportScope } from './report-scope';

const user = (roles: string[], unitCode: string | null = null) =>
  ({ id: 'u', roles, unitCode, fullName: 'X' }) as unknown as SessionUser;
const provinceOf = async (unit: string) => (unit === '00004' ? '01' : null);

describe('whose figures a reader may pull', () => {
  it('an auditor: any ward, any province, or the whole country', async () => {
    const auditor = user(['auditor']);
    expect(await reportScope(auditor, {}, provinceOf)).toEqual({ unitCode: null, provinceCode: null });
    expect(await reportScope(auditor, { unitCode: '00008' }, provinceOf)).toEqual({
      unitCode: '00008',
      provinceCode: null,
    });
    expect(await reportScope(auditor, { provinceCode: '79' }, provinceOf)).toEqual({
      unitCode: null,
      provinceCode: '79',
    });
  });

  it("a ward's leader: their own ward, whether they name it, its province or nothing", async () => {
    const leader = user(['leader'], '00004');
    const own = { unitCode: '00004', provinceCode: null };
    expect(await reportScope(leader, {}, provinceOf)).toEqual(own);
    expect(await reportScope(leader, { unitCode: '00004' }, provinceOf)).toEqual(own);
    expect(await reportScope(leader, { provinceCode: '01' }, provinceOf)).toEqual(own);
  });

  it('a leader asking for another ward or province is refused (403); a clerk or citizen is never let in', async () => {
    const leader = user(['leader'], '00004');
    await expect(reportScope(leader, { unitCode: '00008' }, provinceOf)).rejects.toBeInstanceOf(ReportOutOfScope);
    await expect(reportScope(leader, { provinceCode: '79' }, provinceOf)).rejects.toMatchObject({
      status: 403,
      code: 'REPORT_OUT_OF_SCOPE',
      text: { vi: expect.any(String), en: expect.any(String) },
    });
    await expect(reportScope(user(['clerk'], '00004'), {}, provinceOf)).rejects.toMatchObject({
      code: 'ROLE_REQUIRED',
    });
    await expect(reportScope(user(['citizen']), {}, provinceOf)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
  });
});
