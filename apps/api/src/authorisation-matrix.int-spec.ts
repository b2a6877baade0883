import 'reflect-metadata';
import type { DossierExport, PaymentStart, ProcedureAdminView } from '@portal/contracts';
import { DossierExportRunner } from '@portal/server/reports';
import { hashPassword } from '@portal/server/identity';
import {
  aBirthApplication,
  aDraft,
  aSignedInAccount,
  aSignedInCitizen,
  aSubmittedBirthRegistration,
  BrowserClient,
  TINY_PDF,
  uploadPaper,
  vietnamDaysAgo,
} from '@portal/testing';
import { randomUUID } from 'node:crypto';
import { METHODS } from 'node:http';
import { startApi, type ApiUnderTest } from './testing/api-under-test';
import {
  actors,
  authorisationMatrix,
  inventoryProblems,
  matches,
  publicWrites,
  deferredReads,
  routeKey,
  staff,
  writingMethods,
  type Actor,
  type MatrixContext,
  type MatrixRow,
  type Outcome,
} from './testing/authorisation-matrix';

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  rawPath?: unknown;
}

/** Every route Express's router holds (`METHOD /path`), and the paths middleware is mounted at. */
function registered(api: ApiUnderTest): { routes: string[]; mounts: string[] } {
  const stack = (api.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } }).router.stack;
  const everyMethod = METHODS.map((m) => m.toLowerCase());
  const routes = new Set<string>();
  const mounts = new Set<string>();
  for (const layer of stack) {
    if (!layer.route) {
      if (typeof layer.rawPath === 'string' && layer.rawPath !== '/') mounts.add(layer.rawPath);
      continue;
    }
    const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
    // Registered with all(): for every method at once (how Nest binds middleware to a path).
    if (layer.route.methods['_all'] || everyMethod.every((m) => methods.includes(m))) {
      routes.add(`ALL ${layer.route.path}`);
    } else {
      for (const method of methods) routes.add(`${method.toUpperCase()} ${layer.route.path}`);
    }
  }
  return { routes: [...routes], mounts: [...mounts] };
}

interface Cell {
  route: string;
  actor: Actor;
  expected: Outcome;
  status: number | undefined;
  /** The status with the error code or the redirect, or why the cell could not be sent. */
  actual: string;
}

function table(cells: Cell[]): string {
  const rows = [
    ['route', 'actor', 'expected', 'actual'],
    ...cells.map((c) => [c.route, c.actor, c.expected, c.actual]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((v, i) => v.padEnd(widths[i])).join(' | ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}

describe('API: who may call which route (the authorisation matrix)', () => {
  let api: ApiUnderTest;
  let site: string;
  const cells: Cell[] = [];

  beforeAll(async () => {
    api = await startApi({
      config: {
        // As in production: metrics only for the scraper holding the token.
        METRICS_TOKEN: 'matrix-scraper-token',
        // An eID that does not answer: the start route sends everyone back to the sign-in page.
        EID_ISSUER_URL: 'http://127.0.0.1:9',
      },
    });
    const { base, dataSource } = api;
    site = base.slice(0, -'/api'.length);
    // Other specs of the run share the database and sign in from this address too.
    await dataSource.query(`DELETE FROM login_throttle`);
    await dataSource.query(
      `INSERT INTO app_user (email, full_name, password_hash, roles, unit_code)
       VALUES ('clerk.ngocha@demo.dichvucong.vn', 'Đỗ Văn Giang', $1, ARRAY['clerk'], '00008') ON CONFLICT (email) DO NOTHING`,
      [await hashPassword('Demo@2025')],
    );

    const [owner, otherCitizen] = await Promise.all([aSignedInCitizen(base), aSignedInCitizen(base)]);
    const credentials: Record<Actor, { login: string; password: string }> = {
      anonymous: { login: otherCitizen.email, password: otherCitizen.password },
      owner: { login: owner.email, password: owner.password },
      otherCitizen: { login: otherCitizen.email, password: otherCitizen.password },
      wardClerk: { login: 'clerk.badinh@demo.dichvucong.vn', password: 'Demo@2025' },
      wardLeader: { login: 'leader.badinh@demo.dichvucong.vn', password: 'Demo@2025' },
      otherWardClerk: { login: 'clerk.ngocha@demo.dichvucong.vn', password: 'Demo@2025' },
      auditor: { login: 'auditor@demo.dichvucong.vn', password: 'Demo@2025' },
      admin: { login: 'admin@demo.dichvucong.vn', password: 'Demo@2025' },
    };
    const freshSession = (actor: Actor) =>
      actor === 'anonymous'
        ? new BrowserClient(base).start()
        : aSignedInAccount(base, credentials[actor].login, credentials[actor].password);
    const sessions = Object.fromEntries(
      await Promise.all(
        actors.map(async (actor) => [
          actor,
          actor === 'owner'
            ? owner.browser
            : actor === 'otherCitizen'
              ? otherCitizen.browser
              : await freshSession(actor),
        ]),
      ),
    ) as Record<Actor, BrowserClient>;

    const versionOf = async (code: string) =>
      ((await dataSource.query(`SELECT version FROM dossier WHERE code = $1`, [code])) as { version: number }[])[0]
        .version;
    const clerkActs = async (code: string, action: string) => {
      const response = await sessions.wardClerk.post(`/office/dossiers/${code}/actions/${action}`, {
        version: await versionOf(code),
      });
      if (response.status !== 200) throw new Error(`fixture: ${action} answered ${response.status}`);
    };
    let days = 0;
    let results = 0;
    const freeDay = () => new Date(Date.UTC(2099, 0, 1 + days++)).toISOString().slice(0, 10);

    const fresh: MatrixContext['fresh'] = {
      async draft(complete) {
        if (!complete) return (await aDraft(owner.browser, {})).id;
        const certificate = await uploadPaper(owner.browser, 'medical_birth_certificate');
        return (await aDraft(owner.browser, aBirthApplication({ medical_birth_certificate: certificate }))).id;
      },
      attachment: () => uploadPaper(owner.browser, 'medical_birth_certificate'),
      async dossier(state) {
        // Born 90 days ago: a late registration, whose fee is paid online before the ward sees it.
        const late = { child: { fullName: 'Võ Gia Khánh', sex: 'male', dateOfBirth: vietnamDaysAgo(90) } };
        const code = await aSubmittedBirthRegistration(owner.browser, state === 'awaiting_payment' ? late : {});
        if (state === 'awaiting_signature') {
          for (const action of ['receive', 'start', 'propose_approval']) await clerkActs(code, action);
        }
        return { code, version: await versionOf(code) };
      },
      async holiday() {
        const day = freeDay();
        const added = await sessions.admin.post('/admin/holidays', { day, name: 'Nghỉ thử', nameEn: 'Trial day off' });
        if (added.status !== 201) throw new Error(`fixture: the holiday was not added (${added.status})`);
        return day;
      },
      freeDay,
      async result() {
        // A result row as the worker writes one (its bytes need not be a signed PDF to test who may read it).
        const { code } = await fresh.dossier('new');
        const verificationCode = `M${String(results++).padStart(3, '0')}-TEST`;
        await api.dataSource.query(
          `INSERT INTO dossier_result (dossier_id, verification_code, document_number, title, summary, content, sha256,
                                       signer_fingerprint, signer_name, signer_title, signed_at)
           SELECT id, $2, '1/2026/TLKS', 'TRÍCH LỤC KHAI SINH', '[]', $3, repeat('0', 64), repeat('0', 64),
                  'Lê Văn Cường', 'CHỦ TỊCH', now()
             FROM dossier WHERE code = $1`,
          [code, verificationCode, TINY_PDF],
        );
        return { code, verificationCode };
      },
      async paper(state: 'to_print' | 'printed', method: 'collect' | 'post') {
        const { code } = await fresh.result();
        await api.dataSource.query(
          `INSERT INTO paper_delivery (dossier_id, unit_code, copies, method, postal_address, state)
           SELECT id, unit_code, 2, $2::text, CASE WHEN $2::text = 'post' THEN '12 Phố Huế, Hà Nội' END, $3
             FROM dossier WHERE code = $1`,
          [code, method, state],
        );
        return code;
      },
      async payment() {
        const { code } = await fresh.dossier('awaiting_payment');
        const started = await owner.browser.request(
          'POST',
          `/dossiers/${code}/payments`,
          {},
          {
            'Idempotency-Key': randomUUID(),
          },
        );
        if (started.status !== 201) throw new Error(`fixture: the payment was not created (${started.status})`);
        const { payment } = (await started.json()) as PaymentStart;
        return { reference: payment.reference, amount: payment.amount };
      },
      paymentSecret: api.config.PAYMENT_HASH_SECRET,
      async procedureEdit(code) {
        const current = await sessions.admin.get(`/admin/procedures/${code}`);
        if (current.status !== 200) throw new Error(`fixture: the procedure was not read (${current.status})`);
        const p = (await current.json()) as ProcedureAdminView;
        // The procedure as it is: the edit is allowed and changes nothing, whoever sends it.
        return {
          version: p.version,
          active: p.active,
          timeLimitAmount: p.timeLimit.amount,
          fees: p.fees.map((f) => ({ case: f.case, amount: f.amount })),
          papers: p.requiredPapers.map((paper) => ({ code: paper.code, name: paper.name })),
        };
      },
    };
    const [draft, dossierCode, attachmentId] = await Promise.all([
      aDraft(owner.browser, {}),
      aSubmittedBirthRegistration(owner.browser),
      uploadPaper(owner.browser, 'medical_birth_certificate'),
    ]);
    const [paper] = await dataSource.query(
      `SELECT a.id FROM attachment a JOIN dossier d ON d.id = a.dossier_id WHERE d.code = $1`,
      [dossierCode],
    );
    // The auditor's export of a list of dossiers, made to the end (by the worker's runner, here in the test).
    const asked = await sessions.auditor.post('/reports/exports', {
      month: '2025-03',
      column: 'receivedTotal',
      format: 'csv',
    });
    if (asked.status !== 202) throw new Error(`fixture: the export was not asked for (${asked.status})`);
    const { id: exportId } = (await asked.json()) as DossierExport;
    if (!(await new DossierExportRunner(dataSource, api.config).run(exportId))) throw new Error('fixture: no export');
    const shared: MatrixContext['shared'] = {
      exportId,
      draftId: draft.id,
      dossierCode,
      dossierPhone: '0912345678',
      paperId: paper.id,
      attachmentId,
      queueName: 'housekeeping',
    };

    /** The API's routes through the actor's session; the dashboard beside it with the same cookies. */
    const send = (
      session: BrowserClient,
      method: string,
      url: string,
      body: unknown,
      headers: Record<string, string> = {},
    ) => {
      if (url.startsWith('/api/')) return session.request(method, url.slice('/api'.length), body, headers);
      const atSite = new BrowserClient(site);
      for (const [name, value] of session.cookies) atSite.cookies.set(name, value);
      return atSite.request(method, url, body);
    };
    const sendCell = async (row: MatrixRow, actor: Actor): Promise<Cell> => {
      const cell = { route: routeKey(row), actor, expected: row.expect[actor] };
      try {
        const ctx: MatrixContext = {
          actor,
          session: sessions[actor],
          freshSession: () => freshSession(actor),
          credentials: credentials[actor],
          shared,
          fresh,
        };
        const request = (await row.request?.(ctx)) ?? {};
        const path = row.path.replace(/:(\w+)/g, (_, name: string) => {
          const value = request.params?.[name];
          if (value === undefined) throw new Error(`no value for :${name}`);
          return encodeURIComponent(value);
        });
        const url = request.query ? `${path}?${request.query}` : path;
        // A write carries a body, as the web app's do.
        const body = request.body ?? (row.method === 'GET' || row.method === 'DELETE' ? undefined : {});
        const response = await send(request.session ?? sessions[actor], row.method, url, body, request.headers);
        let detail = '';
        if (response.status >= 300 && response.status < 400) detail = ` → ${response.headers.get('location')}`;
        else if (response.status >= 400) {
          const code = ((await response.json().catch(() => ({}))) as { code?: unknown }).code;
          detail = typeof code === 'string' ? ` ${code}` : '';
        }
        return { ...cell, status: response.status, actual: `${response.status}${detail}` };
      } catch (error) {
        return { ...cell, status: undefined, actual: `not sent: ${(error as Error).message}` };
      }
    };

    // Row by row; a row's cells at once (each builds what it uses up).
    for (const row of authorisationMatrix) {
      cells.push(...(await Promise.all(actors.map((actor) => sendCell(row, actor)))));
    }
  }, 120_000);

  afterAll(async () => {
    await api.dataSource.query(`DELETE FROM holiday WHERE day >= '2099-01-01'`);
    await api.stop();
  });

  it('has a row for every route the application registers, and a registered route for every row', () => {
    const problems = inventoryProblems(registered(api), authorisationMatrix);
    if (problems.length) {
      throw new Error(`The matrix and the routes differ:\n${problems.join('\n')}`);
    }
  });

  it('notices a route without a row, and a row whose route is gone', () => {
    const real = registered(api);
    const [gone, ...rest] = real.routes.filter((key) => !key.startsWith('ALL '));
    expect(
      inventoryProblems({ routes: [...rest, 'DELETE /api/throwaway/:id'], mounts: real.mounts }, authorisationMatrix),
    ).toEqual([
      `${gone}: a row for a route the application does not register`,
      'DELETE /api/throwaway/:id: a route without a row',
    ]);
    expect(inventoryProblems({ routes: real.routes, mounts: [] }, authorisationMatrix)).toContain(
      'GET /admin/queues: no middleware is mounted at /admin/queues',
    );
    expect(
      inventoryProblems({ routes: real.routes, mounts: [...real.mounts, '/admin/reports'] }, authorisationMatrix),
    ).toEqual(['/admin/reports: middleware mounted without a row']);
  });

  it('answers every actor on every route as the matrix says', () => {
    expect(cells).toHaveLength(authorisationMatrix.length * actors.length);
    // MATRIX_PRINT=1 shows every cell, matching or not.
    if (process.env['MATRIX_PRINT']) process.stdout.write(`${table(cells)}\n`);
    const wrong = cells.filter((c) => c.status === undefined || !matches(c.expected, c.status));
    if (wrong.length) {
      throw new Error(`${wrong.length} of ${cells.length} cells differ from the matrix:\n${table(wrong)}`);
    }
  });

  it('refuses every write by an auditor, save the public ones (signing in, out and up, the status lookup) and the exports asked for', () => {
    const writes = authorisationMatrix.filter((row) => writingMethods.includes(row.method));
    for (const key of publicWrites) {
      const row = writes.find((r) => routeKey(r) === key);
      expect({ key, expect: row?.expect }).toEqual({ key, expect: Object.fromEntries(actors.map((a) => [a, '2xx'])) });
    }
    // A deferred read is a row of the matrix, allowed to whoever reads what it exports.
    for (const key of deferredReads) expect(writes.find((r) => routeKey(r) === key)?.expect.auditor).toBe('2xx');
    const guarded = writes.filter((row) => ![...publicWrites, ...deferredReads].includes(routeKey(row)));
    expect(guarded.length).toBeGreaterThanOrEqual(13);
    expect(guarded.filter((row) => row.expect.auditor !== '403').map(routeKey)).toEqual([]);
    const notRefused = cells.filter(
      (c) => c.actor === 'auditor' && guarded.some((row) => routeKey(row) === c.route) && c.status !== 403,
    );
    if (notRefused.length) throw new Error(`The auditor was not refused:\n${table(notRefused)}`);
  });

  it('keeps staff out of what is the citizens’, and the administrator out of the workflow', () => {
    const citizens = authorisationMatrix.filter((row) =>
      /^\/api\/(drafts|attachments|dossiers(\/:code.*)?$)/.test(row.path),
    );
    expect(citizens.length).toBeGreaterThanOrEqual(11);
    const staffAllowed = citizens.flatMap((row) =>
      staff.filter((actor) => row.expect[actor] !== '403').map((actor) => `${routeKey(row)} ${actor}`),
    );
    expect(staffAllowed).toEqual([]);
    const workflow = authorisationMatrix.filter((row) => row.path.endsWith('/actions/:action'));
    expect(workflow.map((row) => row.expect.admin)).toEqual(['403', '403']);
  });
});
