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
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return undefined;
  return value;
}
