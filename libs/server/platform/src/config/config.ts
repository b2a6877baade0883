import { isAbsolute, join, relative, sep } from 'node:path';
import { z } from 'zod';

/**
 * Every setting the server processes read, validated once at start-up.
 * Nothing else in the server reads process.env.
 */
const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\/[^/\s]+\/[A-Za-z0-9_-]+(\?.*)?$/.test(v), {
  message: 'must be a PostgreSQL URL like postgres://user:password@host:5432/database',
});
const redisUrl = z.string().refine((v) => /^rediss?:\/\/[^\s/]+(\/\d+)?$/.test(v), {
  message: 'must be a Redis URL like redis://host:6379 or redis://:password@host:6379/0',
});
const smtpUrl = z.string().refine((v) => /^smtps?:\/\/[^\s/?#]+\/?(\?\S*)?$/.test(v), {
  message: 'must be an SMTP URL like smtp://127.0.0.1:1025 or smtps://user:password@mail.example.vn:465',
});
const mailbox = z.string().refine((v) => /^([^<>\r\n]+<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(v.trim()), {
  message: 'must be a sender like Cổng Dịch vụ công <no-reply@dichvucong.vn> or no-reply@dichvucong.vn',
});

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'must be a TCP port number like 3000' })
    .int({ message: 'must be a TCP port number like 3000' })
    .min(1, { message: 'must be a TCP port number like 3000' })
    .max(65535, { message: 'must be a TCP port number like 3000' })
    .default(3000),
  DATABASE_URL: postgresUrl.default('postgres://postgres@127.0.0.1:5432/portal'),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: 'must be a whole number like 10' })
    .int({ message: 'must be a whole number like 10' })
    .min(1, { message: 'must be a whole number like 10' })
    .default(10),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, { message: 'must be letters, digits, dots, dashes or underscores, like portal' })
    .default('portal'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_ROOT: z.string().optional(),
  PUBLIC_URL: z.url({ message: 'must be a URL like http://localhost:3000' }).default('http://localhost:3000'),
  /** Where notification e-mail is sent; in development the mail catcher (apps/mail-catcher). */
  SMTP_URL: smtpUrl.default('smtp://127.0.0.1:1025'),
  /** The sender of notification e-mail. */
  MAIL_FROM: mailbox.default('Cổng Dịch vụ công <no-reply@dichvucong.local>'),
  /** The partner agencies of the linked procedure (residence registration, health insurance). */
  AGENCIES_URL: z.url({ message: 'must be a URL like http://127.0.0.1:4100' }).default('http://127.0.0.1:4100'),
  AGENCIES_TOKEN: z
    .string()
    .min(16, { message: 'must be at least 16 characters' })
    .default('development-agencies-token'),
  /**
   * Which proxies' X-Forwarded-For to believe (Express "trust proxy"): `none` (the API faces clients
   * directly), or the addresses of the proxies in front of it, e.g. `172.28.0.10` or `10.0.0.0/8,loopback`.
   * Only what a listed proxy vouches for is taken as the client's address (throttles key on it).
   */
  TRUST_PROXY: z
    .string()
    .regex(
      /^(none|[0-9A-Fa-f.:/]+|loopback|linklocal|uniquelocal)(\s*,\s*([0-9A-Fa-f.:/]+|loopback|linklocal|uniquelocal))*$/,
      {
        message: 'must be none, or proxy addresses like 172.28.0.10 or 10.0.0.0/8,loopback',
      },
    )
    .default('none'),
  /**
   * The bearer token Prometheus presents to read /api/metrics. Required in production (metrics are not
   * public there); without it in development the metrics are open.
   */
  METRICS_TOKEN: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  /** The payment gateway (VNPAY API 2.1.0); in development the stand-in (apps/pay-gateway). */
  PAYMENT_GATEWAY_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL like http://127.0.0.1:4500' })
    .default('http://127.0.0.1:4500'),
  /** The portal's merchant code at the gateway (vnp_TmnCode). */
  PAYMENT_TMN_CODE: z
    .string()
    .regex(/^[A-Za-z0-9]{8}$/, { message: 'must be the 8 letters and digits of the merchant code, like DVCPORT1' })
    .default('DVCPORT1'),
  /** The secret the gateway signs and checks messages with (HMAC-SHA512). Required in production. */
  PAYMENT_HASH_SECRET: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  /** How long a payer has at the gateway (vnp_ExpireDate); VNPAY's rule is 15 minutes. */
  PAYMENT_EXPIRY_MINUTES: z.coerce.number({ message: 'must be a whole number like 15' }).int().min(1).default(15),
  /** A payment still open this long after it was created is asked about at the gateway (querydr). */
  PAYMENT_RECONCILE_AFTER_SECONDS: z.coerce
    .number({ message: 'must be a whole number of seconds like 300' })
    .int()
    .min(0)
    .default(300),
  /** How often the worker's reconciliation sweep runs. */
  PAYMENT_RECONCILE_EVERY_SECONDS: z.coerce
    .number({ message: 'must be a whole number of seconds like 60' })
    .int()
    .min(1)
    .default(60),
  /** A dossier left unpaid is reminded by e-mail after this many hours, and withdrawn after the second figure. */
  UNPAID_REMIND_AFTER_HOURS: z.coerce.number({ message: 'must be a number of hours like 24' }).min(0).default(24),
  UNPAID_CANCEL_AFTER_HOURS: z.coerce.number({ message: 'must be a number of hours like 72' }).min(0).default(72),
  /** The national population registry (personal ID numbers); in development the stand-in (apps/population-registry). */
  POPULATION_REGISTRY_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL like http://127.0.0.1:4600' })
    .default('http://127.0.0.1:4600'),
  POPULATION_REGISTRY_TOKEN: z
    .string()
    .min(16, { message: 'must be at least 16 characters' })
    .default('development-population-registry-token'),
  /** Seals the wards' signing keys in the database (AES-256-GCM). Required in production. */
  DOCUMENT_KEY_SECRET: z.string().min(32, { message: 'must be at least 32 random characters' }).optional(),
  /** Papers a citizen may hold that are not yet part of a submitted dossier: how many, and how many bytes. */
  UPLOAD_QUOTA_FILES: z.coerce.number({ message: 'must be a whole number like 50' }).int().min(1).default(50),
  UPLOAD_QUOTA_BYTES: z.coerce
    .number({ message: 'must be a number of bytes like 104857600' })
    .int()
    .min(1)
    .default(100 * 1024 * 1024),
  /**
   * Where uploaded papers are kept, under random names: an absolute path outside WEB_ROOT, never served as
   * static files. Shared by every API replica. By default `.data/uploads` of the working directory.
   */
  UPLOAD_DIR: z
    .string()
    .refine((v) => isAbsolute(v), { message: 'must be an absolute path like /var/lib/portal/uploads' })
    .default(join(process.cwd(), '.data', 'uploads')),
  /** Signs session and CSRF cookies; the same on every API replica. Required in production. */
  SESSION_SECRET: z
    .string()
    .min(32, { message: 'must be at least 32 random characters (e.g. openssl rand -hex 32)' })
    .optional(),
  /** The national eID's OpenID Connect issuer; in development the stand-in (apps/eid-provider). */
  EID_ISSUER_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL like http://127.0.0.1:4000' })
    .default('http://127.0.0.1:4000'),
  /** The portal's client id, as registered with the national eID. */
  EID_CLIENT_ID: z
    .string()
    .regex(/^[\x21-\x7e]+$/, { message: 'must be a client id without spaces, like dvc-portal' })
    .default('dvc-portal'),
  /** The portal's client secret at the national eID. Required in production. */
  EID_CLIENT_SECRET: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
});

const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-not-for-production';
/** The same development value the eID stand-in (apps/eid-provider) falls back to. */
const DEVELOPMENT_EID_CLIENT_SECRET = 'development-only-eid-client-secret';
/** The development merchant secret; `npm start` and the tests give the gateway stand-in and the API their own. */
const DEVELOPMENT_PAYMENT_HASH_SECRET = 'development-only-payment-hash-secret';
const DEVELOPMENT_DOCUMENT_KEY_SECRET = 'development-only-document-key-secret-not-for-production';

export type AppConfig = Omit<
  z.infer<typeof configSchema>,
  'SESSION_SECRET' | 'EID_CLIENT_SECRET' | 'PAYMENT_HASH_SECRET' | 'DOCUMENT_KEY_SECRET'
> & {
  DOCUMENT_KEY_SECRET: string;
  SESSION_SECRET: string;
  EID_CLIENT_SECRET: string;
  PAYMENT_HASH_SECRET: string;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function describeValue(key: string, value: unknown): string {
  if (value === undefined) return 'it is missing';
  const text = String(value);
  if (/SECRET$/.test(key)) return `got ${text.length} characters`;
  // Never echo a password back, even into the console.
  const shown = /URL$/.test(key) ? text.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@') : text;
  return `got "${shown}"`;
}

function isWithin(path: string, folder: string): boolean {
  const way = relative(folder, path);
  return way === '' || (way !== '..' && !way.startsWith(`..${sep}`) && !isAbsolute(way));
}

/** Parses the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    input[key] = value === '' ? undefined : value;
  }
  const parsed = configSchema.safeParse(input);
  if (parsed.success) {
    const { SESSION_SECRET, EID_CLIENT_SECRET, PAYMENT_HASH_SECRET, DOCUMENT_KEY_SECRET, ...rest } = parsed.data;
    if (!SESSION_SECRET && rest.NODE_ENV === 'production') {
      throw new ConfigError(
        'Configuration error: SESSION_SECRET must be set in production to at least 32 random characters (e.g. openssl rand -hex 32) (it is missing).',
      );
    }
    if (!EID_CLIENT_SECRET && rest.NODE_ENV === 'production') {
      throw new ConfigError(
        'Configuration error: EID_CLIENT_SECRET must be set in production to the client secret the national eID issued to the portal (it is missing).',
      );
    }
    if (!rest.METRICS_TOKEN && rest.NODE_ENV === 'production') {
      throw new ConfigError(
        'Configuration error: METRICS_TOKEN must be set in production to at least 16 random characters, the bearer token Prometheus reads /api/metrics with (it is missing).',
      );
    }
    if (!DOCUMENT_KEY_SECRET && rest.NODE_ENV === 'production') {
      throw new ConfigError(
        "Configuration error: DOCUMENT_KEY_SECRET must be set in production to at least 32 random characters, which seal the wards' signing keys (it is missing).",
      );
    }
    if (!PAYMENT_HASH_SECRET && rest.NODE_ENV === 'production') {
      throw new ConfigError(
        'Configuration error: PAYMENT_HASH_SECRET must be set in production to the secret the payment gateway issued to the portal (it is missing).',
      );
    }
    if (rest.WEB_ROOT && isWithin(rest.UPLOAD_DIR, rest.WEB_ROOT)) {
      throw new ConfigError(
        `Configuration error: UPLOAD_DIR must be outside WEB_ROOT, so that uploads are never served as web pages (got "${rest.UPLOAD_DIR}").`,
      );
    }
    return {
      ...rest,
      SESSION_SECRET: SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
      EID_CLIENT_SECRET: EID_CLIENT_SECRET ?? DEVELOPMENT_EID_CLIENT_SECRET,
      PAYMENT_HASH_SECRET: PAYMENT_HASH_SECRET ?? DEVELOPMENT_PAYMENT_HASH_SECRET,
      DOCUMENT_KEY_SECRET: DOCUMENT_KEY_SECRET ?? DEVELOPMENT_DOCUMENT_KEY_SECRET,
    };
  }
  const issue = parsed.error.issues[0];
  const key = String(issue.path[0]);
  throw new ConfigError(`Configuration error: ${key} ${issue.message} (${describeValue(key, input[key])}).`);
}

/** For process entry points: prints one line and exits when the configuration is bad. */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** TRUST_PROXY as Express's "trust proxy" setting. */
export function trustProxySetting(value: string): false | string[] {
  if (value.trim() === 'none') return false;
  return value.split(',').map((entry) => entry.trim());
}
