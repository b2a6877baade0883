/** The longest return path kept in the session. */
const MAX_RETURN_PATH = 2000;

/**
 * A place on this site to return to after signing in, or undefined: only a
 * path ("/procedures/1.001193?tab=papers"), never another site ("//evil.example",
 * "/\\evil.example", "https://…"), and nothing a browser would rewrite into one
 * (control characters, backslashes).
 */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_RETURN_PATH) return undefined;
  if (!value.startsWith('/') || value.startsWith('//')) return undefined;
  if (/[\p{Cc}\\]/u.test(value)) return undefined; // \p{Cc}: the control characters
  return value;
}
