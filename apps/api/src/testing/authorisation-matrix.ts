import { signParams } from '@portal/server/payments';
import { aBirthApplication, TINY_PDF, type BrowserClient } from '@portal/testing';

/**
 * Who may call which route: every route the API registers, and the dashboard mounted beside it,
 * crossed with every kind of caller, and the class of status each one must get.
 * `authorisation-matrix.int-spec.ts` sends every cell against the running application and fails
 * on a route without a row, a row without a route, and every cell whose answer differs.
 */

/** The callers. The dossier fixtures belong to `owner` and to ward 00004 (Phường Ba Đình). */
export const actors = [
  'anonymous',
  /** The citizen who owns the draft, the dossier and the attachment. */
  'owner',
  /** Another citizen, with papers and drafts of their own. */
  'otherCitizen',
  /** clerk.badinh@…: a clerk of the dossier's ward. */
  'wardClerk',
  /** leader.badinh@…: the leader of the dossier's ward. */
  'wardLeader',
  /** A clerk of ward 00008 (Phường Ngọc Hà). */
  'otherWardClerk',
  'auditor',
  'admin',
] as const;
export type Actor = (typeof actors)[number];

export const staff: readonly Actor[] = ['wardClerk', 'wardLeader', 'otherWardClerk', 'auditor', 'admin'];

/** The class of answer a cell must get. */
export type Outcome = '2xx' | '3xx' | '401' | '403' | '404';

export function matches(outcome: Outcome, status: number): boolean {
  if (outcome === '2xx') return status >= 200 && status < 300;
  if (outcome === '3xx') return status >= 300 && status < 400;
  return status === Number(outcome);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const writingMethods: readonly Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** What a row may use to build its request. */
export interface MatrixContext {
  actor: Actor;
  /** The actor's session, signed in once for the whole matrix (anonymous: a visitor with a CSRF token). */
  session: BrowserClient;
  /** A new session of the same actor, for a request that signs in, out or up. */
  freshSession(): Promise<BrowserClient>;
  /** The actor's own login and password (anonymous: another citizen's, to sign in with). */
  credentials: { login: string; password: string };
  /** Built once, never consumed by a request. */
  shared: {
    /** The owner's draft. */
    draftId: string;
    /** The owner's dossier of ward 00004, status new. */
    dossierCode: string;
    /** The phone number the dossier was submitted with. */
    dossierPhone: string;
    /** A paper of that dossier. */
    paperId: string;
    /** The owner's upload, not in any dossier. */
    attachmentId: string;
    /** A queue of the dashboard. */
    queueName: string;
    /** The auditor's export of a list of dossiers, its file made. */
    exportId: string;
  };
  /** Built for one cell, for requests that use up what they act on. */
  fresh: {
    /** The owner's draft: empty, or complete and ready to submit. */
    draft(complete: boolean): Promise<string>;
    /** The owner's upload, not in any dossier. */
    attachment(): Promise<string>;
    /** The owner's dossier of ward 00004: just submitted, or proposed for approval and awaiting the leader's signature. */
    dossier(state: 'new' | 'awaiting_signature' | 'awaiting_payment'): Promise<{ code: string; version: number }>;
    /** A fresh dossier of the owner with its result (the row the worker writes). */
    result(): Promise<{ code: string; verificationCode: string }>;
    /** A fresh dossier with its result and paper copies on the print list, in this state and way of delivery. */
    paper(state: 'to_print' | 'printed', method: 'collect' | 'post'): Promise<string>;
    /** A payment the owner has just started, of a fresh dossier awaiting payment. */
    payment(): Promise<{ reference: string; amount: number }>;
    /** The merchant secret the API checks the gateway's signatures with. */
    paymentSecret: string;
    /** A day now in the holiday calendar. */
    holiday(): Promise<string>;
    /** A day not in the holiday calendar. */
    freeDay(): string;
    /** An edit of the procedure that leaves it as it is (its current version, fees, limit and papers). */
    procedureEdit(code: string): Promise<Record<string, unknown>>;
  };
}

export interface CellRequest {
  /** The route's path parameters. */
  params?: Record<string, string>;
  /** Appended to the path, without the `?`. */
  query?: string;
  /** A JSON body, or FormData sent as multipart/form-data. */
  body?: unknown;
  /** Another session of the actor than the shared one. */
  session?: BrowserClient;
  /** Extra request headers (the `Idempotency-Key` of a payment). */
  headers?: Record<string, string>;
}

export interface MatrixRow {
  method: Method;
  /** The path as the router registers it, parameters as `:name`. */
  path: string;
  /**
   * Served by middleware mounted at this path (not a route of the Nest application):
   * the row is checked against the mount instead of the route inventory.
   */
  mount?: string;
  /** Why the row expects what it does, where it is not plain. */
  note?: string;
  expect: Record<Actor, Outcome>;
  request?(ctx: MatrixContext): Promise<CellRequest> | CellRequest;
}

/** Catch-all bindings of Nest middleware (CSRF, logging…) that the router lists as routes of every method. */
export const middlewareBindings = ['ALL /api', 'ALL /api/{*path}'];

/**
 * Public writes: requests anyone may send, which change no record of the portal on the caller's authority
 * (signing in, out and up, the status lookup). They are the only writes an auditor is not refused.
 */
export const publicWrites = [
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/dossiers/lookup',
  'POST /api/verify/:code/file',
];

/**
 * Reads done in the background: a POST that asks for a report's file to be made (the dossiers behind a
 * figure), and changes no record of the portal but the request itself. Auditors may ask, as they read.
 */
export const deferredReads = ['POST /api/reports/exports'];

const every = (outcome: Outcome): Record<Actor, Outcome> =>
  Object.fromEntries(actors.map((actor) => [actor, outcome])) as Record<Actor, Outcome>;

const PUBLIC = every('2xx');

/** A citizen's own things: the owner only; another citizen gets the 404 of a missing id; staff never act as citizens. */
const OWNER_ONLY: Record<Actor, Outcome> = {
  anonymous: '401',
  owner: '2xx',
  otherCitizen: '404',
  wardClerk: '403',
  wardLeader: '403',
  otherWardClerk: '403',
  auditor: '403',
  admin: '403',
};

/** Every citizen, each for themselves (their own list, their own new draft or upload); staff refused. */
const CITIZENS: Record<Actor, Outcome> = { ...OWNER_ONLY, otherCitizen: '2xx' };

/** A dossier of ward 00004 in the back office: its ward's clerk and leader, and the auditor, who reads every ward. */
const WARD_READ: Record<Actor, Outcome> = {
  anonymous: '401',
  owner: '403',
  otherCitizen: '403',
  wardClerk: '2xx',
  wardLeader: '2xx',
  otherWardClerk: '404',
  auditor: '2xx',
  admin: '403',
};

/** The workflow: the ward's clerk and leader only; the auditor reads but never acts, the admin never approves. */
const WARD_ACT: Record<Actor, Outcome> = { ...WARD_READ, auditor: '403' };

/** The administrators' functions. */
const ADMIN_ONLY: Record<Actor, Outcome> = { ...every('403'), anonymous: '401', admin: '2xx' };

/** The queue dashboard: a signed-out visitor is sent to sign in, anyone but an administrator refused. */
const DASHBOARD: Record<Actor, Outcome> = { ...ADMIN_ONLY, anonymous: '3xx' };

/** Each actor's best try at a workflow action, so that only who they are decides the answer. */
const officeAction: Record<Actor, { action: string; state: 'new' | 'awaiting_signature' }> = {
  anonymous: { action: 'receive', state: 'new' },
  owner: { action: 'receive', state: 'new' },
  otherCitizen: { action: 'receive', state: 'new' },
  wardClerk: { action: 'receive', state: 'new' },
  wardLeader: { action: 'sign', state: 'awaiting_signature' },
  otherWardClerk: { action: 'receive', state: 'new' },
  auditor: { action: 'receive', state: 'new' },
  // Approving is the leader's; an administrator tries to sign.
  admin: { action: 'sign', state: 'awaiting_signature' },
};

const unique = () => Math.random().toString(36).slice(2, 10);

/** A walk-in birth registration typed in at the counter (no papers: the clerk has seen them). */
function counterApplication(): Record<string, unknown> {
  const { papers: _papers, ...pages } = aBirthApplication({});
  return { procedureCode: '1.001193', data: pages };
}

export const authorisationMatrix: MatrixRow[] = [
  // Operations.
  { method: 'GET', path: '/api/health/live', expect: PUBLIC },
  { method: 'GET', path: '/api/health/ready', expect: PUBLIC },
  {
    method: 'GET',
    path: '/api/metrics',
    note: 'METRICS_TOKEN is set, as in production: only the scraper presenting it reads them; every session gets 404.',
    expect: every('404'),
  },

  // The API document.
  { method: 'GET', path: '/api/docs', expect: PUBLIC },
  { method: 'GET', path: '/api/docs/', expect: PUBLIC },
  { method: 'GET', path: '/api/docs/index.html', expect: PUBLIC },
  { method: 'GET', path: '/api/docs/swagger-ui-init.js', expect: PUBLIC },
  { method: 'GET', path: '/api/docs/docs/swagger-ui-init.js', expect: PUBLIC },
  {
    method: 'GET',
    path: '/api/docs/LICENSE',
    note: "@nestjs/swagger registers it to answer 404 (Swagger UI's own licence file is not served).",
    expect: every('404'),
  },
  { method: 'GET', path: '/api/docs/openapi.json', expect: PUBLIC },
  { method: 'GET', path: '/api/docs-yaml', expect: PUBLIC },

  // Accounts. Each of these changes who is signed in, so it runs in a session of its own.
  { method: 'GET', path: '/api/auth/session', expect: PUBLIC },
  {
    method: 'POST',
    path: '/api/auth/register',
    expect: PUBLIC,
    request: async (ctx) => {
      const password = 'matkhau123';
      return {
        session: await ctx.freshSession(),
        body: {
          fullName: 'Phan Thị Lan',
          email: `matrix.${unique()}@example.vn`,
          password,
          passwordConfirmation: password,
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    expect: PUBLIC,
    request: async (ctx) => ({ session: await ctx.freshSession(), body: ctx.credentials }),
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    expect: PUBLIC,
    request: async (ctx) => ({ session: await ctx.freshSession() }),
  },
  {
    method: 'GET',
    path: '/api/auth/eid/start',
    note: 'Anyone may start an eID sign-in: a redirect to the eID (or, while it is unreachable, to the sign-in page).',
    expect: every('3xx'),
    request: () => ({ query: 'returnUrl=/dossiers' }),
  },
  {
    method: 'GET',
    path: '/api/auth/eid/callback',
    note: 'With no sign-in under way, every caller is sent back to the sign-in page.',
    expect: every('3xx'),
    request: () => ({ query: 'code=x&state=y' }),
  },

  // Catalogue.
  { method: 'GET', path: '/api/units', expect: PUBLIC },
  { method: 'GET', path: '/api/procedures', expect: PUBLIC },
  { method: 'GET', path: '/api/procedures/:code', expect: PUBLIC, request: () => ({ params: { code: '1.001193' } }) },
  { method: 'GET', path: '/api/holidays', expect: PUBLIC, request: () => ({ query: 'year=2026' }) },
  {
    method: 'POST',
    path: '/api/admin/holidays',
    expect: ADMIN_ONLY,
    request: (ctx) => ({ body: { day: ctx.fresh.freeDay(), name: 'Ngày nghỉ thử', nameEn: 'Trial day off' } }),
  },
  {
    method: 'DELETE',
    path: '/api/admin/holidays/:day',
    expect: ADMIN_ONLY,
    request: async (ctx) => ({ params: { day: await ctx.fresh.holiday() } }),
  },
  { method: 'GET', path: '/api/admin/procedures', expect: ADMIN_ONLY },
  {
    method: 'GET',
    path: '/api/admin/procedures/:code',
    expect: ADMIN_ONLY,
    request: () => ({ params: { code: '1.000656' } }),
  },
  {
    method: 'PUT',
    path: '/api/admin/procedures/:code',
    expect: ADMIN_ONLY,
    request: async (ctx) => ({ params: { code: '1.000656' }, body: await ctx.fresh.procedureEdit('1.000656') }),
  },

  // Applications (drafts): citizens only, each their own.
  { method: 'POST', path: '/api/drafts', expect: CITIZENS, request: () => ({ body: { procedureCode: '1.001193' } }) },
  { method: 'GET', path: '/api/drafts', expect: CITIZENS },
  {
    method: 'GET',
    path: '/api/drafts/:id',
    expect: OWNER_ONLY,
    request: (ctx) => ({ params: { id: ctx.shared.draftId } }),
  },
  {
    method: 'PUT',
    path: '/api/drafts/:id/steps/:step',
    expect: OWNER_ONLY,
    request: (ctx) => ({
      params: { id: ctx.shared.draftId, step: 'child' },
      body: aBirthApplication({})['child'],
    }),
  },
  {
    method: 'DELETE',
    path: '/api/drafts/:id',
    expect: OWNER_ONLY,
    request: async (ctx) => ({ params: { id: await ctx.fresh.draft(false) } }),
  },
  {
    method: 'POST',
    path: '/api/drafts/:id/submit',
    expect: OWNER_ONLY,
    request: async (ctx) => ({ params: { id: await ctx.fresh.draft(true) } }),
  },

  // Uploads: citizens only, each their own.
  {
    method: 'POST',
    path: '/api/attachments',
    expect: CITIZENS,
    request: () => {
      const form = new FormData();
      form.append('paperCode', 'medical_birth_certificate');
      form.append('file', new Blob([TINY_PDF], { type: 'application/pdf' }), 'giay-chung-sinh.pdf');
      return { body: form };
    },
  },
  {
    method: 'GET',
    path: '/api/attachments/:id',
    expect: OWNER_ONLY,
    request: (ctx) => ({ params: { id: ctx.shared.attachmentId } }),
  },
  {
    method: 'DELETE',
    path: '/api/attachments/:id',
    expect: OWNER_ONLY,
    request: async (ctx) => ({ params: { id: await ctx.fresh.attachment() } }),
  },

  // My dossiers: citizens only, each their own; the status lookup is public.
  { method: 'GET', path: '/api/dossiers', expect: CITIZENS },
  {
    method: 'POST',
    path: '/api/dossiers/lookup',
    note: 'Public by design: code and phone number together, the same 404 for either being wrong.',
    expect: PUBLIC,
    request: (ctx) => ({ body: { code: ctx.shared.dossierCode, phone: ctx.shared.dossierPhone } }),
  },
  {
    method: 'GET',
    path: '/api/dossiers/:code',
    expect: OWNER_ONLY,
    request: (ctx) => ({ params: { code: ctx.shared.dossierCode } }),
  },
  {
    method: 'POST',
    path: '/api/dossiers/:code/payments',
    note: 'The owner starts paying a late registration (each cell with a key of its own).',
    expect: OWNER_ONLY,
    request: async (ctx) => {
      const { code } = await ctx.fresh.dossier('awaiting_payment');
      return { params: { code }, body: {}, headers: { 'Idempotency-Key': `matrix-${ctx.actor}-${code}` } };
    },
  },
  {
    method: 'GET',
    path: '/api/dossiers/:code/payments',
    expect: OWNER_ONLY,
    request: (ctx) => ({ params: { code: ctx.shared.dossierCode } }),
  },
  {
    method: 'GET',
    path: '/api/office/dossiers/:code/payments',
    expect: WARD_READ,
    request: (ctx) => ({ params: { code: ctx.shared.dossierCode } }),
  },
  {
    method: 'GET',
    path: '/api/payments/:reference/checkout',
    note: "The owner is sent on to the gateway; another citizen's reference is not found.",
    expect: { ...OWNER_ONLY, owner: '3xx' },
    request: async (ctx) => ({ params: { reference: (await ctx.fresh.payment()).reference } }),
  },
  {
    method: 'GET',
    path: '/api/payments/vnpay/return',
    note: "Anyone's browser back from the gateway, with a signed query: sent on to the dossier's page.",
    expect: every('3xx'),
    request: async (ctx) => {
      const { reference, amount } = await ctx.fresh.payment();
      const params = {
        vnp_TmnCode: 'DVCPORT1',
        vnp_TxnRef: reference,
        vnp_Amount: String(amount * 100),
        vnp_ResponseCode: '24',
        vnp_TransactionStatus: '02',
      };
      return { query: `${new URLSearchParams(params)}&vnp_SecureHash=${signParams(params, ctx.fresh.paymentSecret)}` };
    },
  },
  {
    method: 'GET',
    path: '/api/dossiers/:code/result',
    expect: OWNER_ONLY,
    request: async (ctx) => ({ params: { code: (await ctx.fresh.result()).code } }),
  },
  {
    method: 'GET',
    path: '/api/office/dossiers/:code/result',
    expect: WARD_READ,
    request: async (ctx) => ({ params: { code: (await ctx.fresh.result()).code } }),
  },
  {
    method: 'GET',
    path: '/api/dossiers/:code/payments/:reference/receipt',
    note: 'Citizens only; a payment of the dossier with no receipt (here: none) is not found, for its owner too.',
    expect: { ...OWNER_ONLY, owner: '404' },
    request: (ctx) => ({ params: { code: ctx.shared.dossierCode, reference: 'DVC26010100000000' } }),
  },
  {
    method: 'PUT',
    path: '/api/dossiers/:code/rating',
    note: 'The owner rates the service once the result is out.',
    expect: OWNER_ONLY,
    request: async (ctx) => ({ params: { code: (await ctx.fresh.result()).code }, body: { score: 5 } }),
  },
  {
    method: 'GET',
    path: '/api/office/ratings',
    note: "The ward's leader and the auditors read the ratings; clerks do not.",
    expect: { ...WARD_READ, wardClerk: '403', otherWardClerk: '403' },
  },
  {
    method: 'GET',
    path: '/api/office/print-list',
    note: "The ward's print list: its clerks and leader; auditors read every ward's.",
    expect: { ...WARD_READ, otherWardClerk: '2xx' },
  },
  {
    method: 'POST',
    path: '/api/office/print-list/:code/printed',
    expect: WARD_ACT,
    request: async (ctx) => ({ params: { code: await ctx.fresh.paper('to_print', 'collect') } }),
  },
  {
    method: 'POST',
    path: '/api/office/print-list/:code/handed-over',
    expect: WARD_ACT,
    request: async (ctx) => ({ params: { code: await ctx.fresh.paper('printed', 'collect') } }),
  },
  {
    method: 'POST',
    path: '/api/office/print-list/:code/posted',
    expect: WARD_ACT,
    request: async (ctx) => ({
      params: { code: await ctx.fresh.paper('printed', 'post') },
      body: { postalReference: 'EB123456789VN' },
    }),
  },
  {
    method: 'GET',
    path: '/api/verify/:code',
    expect: PUBLIC,
    request: async (ctx) => ({ params: { code: (await ctx.fresh.result()).verificationCode } }),
  },
  {
    method: 'POST',
    path: '/api/verify/:code/file',
    note: 'Anyone checks a file against a document (public, changes nothing).',
    expect: PUBLIC,
    request: async (ctx) => {
      const form = new FormData();
      form.append('file', new Blob([TINY_PDF], { type: 'application/pdf' }), 'trich-luc.pdf');
      return { params: { code: (await ctx.fresh.result()).verificationCode }, body: form };
    },
  },
  {
    method: 'GET',
    path: '/api/payments/vnpay/ipn',
    note: "The gateway's call: public, always 200 with VNPAY's RspCode (here 97, no signature).",
    expect: PUBLIC,
  },
  {
    method: 'POST',
    path: '/api/dossiers/:code/actions/:action',
    note: 'The citizen withdraws a new dossier.',
    expect: OWNER_ONLY,
    request: async (ctx) => {
      const { code, version } = await ctx.fresh.dossier('new');
      return { params: { code, action: 'withdraw' }, body: { version } };
    },
  },

  // The back office.
  {
    method: 'GET',
    path: '/api/office/dossiers',
    note: "Every ward's staff reads their own ward's inbox.",
    expect: { ...WARD_READ, otherWardClerk: '2xx' },
    request: () => ({ query: 'tab=to_receive' }),
  },
  {
    method: 'POST',
    path: '/api/office/dossiers/counter',
    note: "A clerk records a walk-in application, in their own ward (another ward's clerk in theirs).",
    expect: { ...WARD_ACT, wardLeader: '403', otherWardClerk: '2xx' },
    request: () => ({ body: counterApplication() }),
  },
  {
    method: 'GET',
    path: '/api/office/dossiers/:code',
    expect: WARD_READ,
    request: (ctx) => ({ params: { code: ctx.shared.dossierCode } }),
  },
  {
    method: 'GET',
    path: '/api/office/dossiers/:code/papers/:attachmentId',
    expect: WARD_READ,
    request: (ctx) => ({ params: { code: ctx.shared.dossierCode, attachmentId: ctx.shared.paperId } }),
  },
  {
    method: 'POST',
    path: '/api/office/dossiers/:code/actions/:action',
    note: 'Each actor tries the action the state table would give their role: the clerk receives, the leader (and the admin) signs.',
    expect: WARD_ACT,
    request: async (ctx) => {
      const { action, state } = officeAction[ctx.actor];
      const { code, version } = await ctx.fresh.dossier(state);
      return { params: { code, action }, body: { version } };
    },
  },

  // The reports: auditors every ward's, a ward's leader their own; clerks, citizens and administrators refused.
  {
    method: 'GET',
    path: '/api/reports/processing',
    expect: { ...every('403'), anonymous: '401', wardLeader: '2xx', auditor: '2xx' },
    request: () => ({ query: 'month=2025-03' }),
  },
  {
    method: 'GET',
    path: '/api/reports/processing/dossiers',
    expect: { ...every('403'), anonymous: '401', wardLeader: '2xx', auditor: '2xx' },
    request: () => ({ query: 'month=2025-03&column=receivedTotal' }),
  },
  // The audit trail: auditors only.
  {
    method: 'GET',
    path: '/api/audit',
    expect: { ...every('403'), anonymous: '401', auditor: '2xx' },
    request: () => ({ query: 'action=report.' }),
  },
  {
    method: 'GET',
    path: '/api/audit/export',
    expect: { ...every('403'), anonymous: '401', auditor: '2xx' },
    request: () => ({ query: 'action=report.&from=2026-01-01' }),
  },
  {
    method: 'GET',
    path: '/api/reports/processing/trend',
    expect: { ...every('403'), anonymous: '401', wardLeader: '2xx', auditor: '2xx' },
    request: () => ({ query: 'months=3' }),
  },
  {
    method: 'GET',
    path: '/api/reports/processing/export/:format',
    expect: { ...every('403'), anonymous: '401', wardLeader: '2xx', auditor: '2xx' },
    request: () => ({ params: { format: 'xlsx' }, query: 'month=2025-03' }),
  },
  {
    method: 'GET',
    path: '/api/reports/service-index',
    expect: { ...every('403'), anonymous: '401', wardLeader: '2xx', auditor: '2xx' },
    request: () => ({ query: 'month=2025-03' }),
  },
  // Exports of a list of dossiers made in the background: asked for and downloaded by whoever may read the list.
  {
    method: 'POST',
    path: '/api/reports/exports',
    expect: { ...every('403'), anonymous: '401', wardLeader: '2xx', auditor: '2xx' },
    request: () => ({ body: { month: '2025-03', column: 'resolvedOverdue', format: 'xlsx' } }),
  },
  {
    method: 'GET',
    path: '/api/reports/exports',
    expect: { ...every('403'), anonymous: '401', wardLeader: '2xx', auditor: '2xx' },
  },
  {
    method: 'GET',
    path: '/api/reports/exports/:id',
    note: "The export is the auditor's: the leader, who may export too, finds no such export of theirs.",
    expect: { ...every('403'), anonymous: '401', wardLeader: '404', auditor: '2xx' },
    request: (ctx) => ({ params: { id: ctx.shared.exportId } }),
  },
  {
    method: 'GET',
    path: '/api/reports/exports/:id/file',
    note: "The auditor's file: nobody else downloads it.",
    expect: { ...every('403'), anonymous: '401', wardLeader: '404', auditor: '2xx' },
    request: (ctx) => ({ params: { id: ctx.shared.exportId } }),
  },
  // The citizen-service index as open data: anyone reads it.
  { method: 'GET', path: '/api/public/service-index', expect: PUBLIC, request: () => ({ query: 'month=2025-03' }) },
  {
    method: 'GET',
    path: '/api/public/service-index.csv',
    expect: PUBLIC,
    request: () => ({ query: 'month=2025-03' }),
  },

  // The queue dashboard (Bull Board), mounted beside the API.
  { method: 'GET', path: '/admin/queues', mount: '/admin/queues', expect: DASHBOARD },
  { method: 'GET', path: '/admin/queues/api/queues', mount: '/admin/queues', expect: DASHBOARD },
  {
    method: 'PUT',
    path: '/admin/queues/api/queues/:queueName/pause',
    mount: '/admin/queues',
    expect: DASHBOARD,
    request: (ctx) => ({ params: { queueName: ctx.shared.queueName } }),
  },
  {
    method: 'PUT',
    path: '/admin/queues/api/queues/:queueName/resume',
    mount: '/admin/queues',
    expect: DASHBOARD,
    request: (ctx) => ({ params: { queueName: ctx.shared.queueName } }),
  },
];

/** `METHOD /path` of a row or a route. */
export const routeKey = (row: { method: string; path: string }) => `${row.method} ${row.path}`;

/**
 * What is wrong between the routes the application registers (and the paths it mounts middleware at)
 * and the matrix: a route without a row, a row without a route, a row written twice, a mount beside
 * the API without a row.
 */
export function inventoryProblems(
  registered: { routes: readonly string[]; mounts: readonly string[] },
  rows: readonly MatrixRow[],
): string[] {
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const row of rows) {
    const key = routeKey(row);
    if (listed.has(key)) problems.push(`${key}: more than one row`);
    listed.add(key);
    if (row.mount) {
      if (!registered.mounts.includes(row.mount)) problems.push(`${key}: no middleware is mounted at ${row.mount}`);
    } else if (!registered.routes.includes(key)) {
      problems.push(`${key}: a row for a route the application does not register`);
    }
  }
  for (const key of new Set(registered.routes)) {
    if (!listed.has(key) && !middlewareBindings.includes(key)) problems.push(`${key}: a route without a row`);
  }
  // Middleware mounted beside the API (a dashboard…) is reached without any route of its own.
  for (const mount of new Set(registered.mounts)) {
    if (!mount.startsWith('/api') && !rows.some((row) => row.mount === mount)) {
      problems.push(`${mount}: middleware mounted without a row`);
    }
  }
  return problems;
}
