import { describeDatabase } from '@portal/server/platform';

/** One line saying why a process could not start, without a stack trace or a password. */
export function explainStartupFailure(error: unknown, databaseUrl: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string })?.code;
  if (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN' ||
    /connect|database|password|role/i.test(message)
  ) {
    return `Cannot use PostgreSQL at ${describeDatabase(databaseUrl)} (DATABASE_URL): ${message}`;
  }
  return `Start-up failed: ${message}`;
}
