import { returnPathSchema } from '@portal/contracts';

/**
 * A place on this site to return to after signing in, or undefined: only a
 * path ("/procedures/1.001193?tab=papers"), never another site ("//evil.example",
 * "/\\evil.example", "https://…"), and nothing a browser would rewrite into one
 * (control characters, backslashes). The rule is `returnPathSchema`, which the API document shows.
 */
export function safeReturnPath(value: unknown): string | undefined {
  return returnPathSchema.safeParse(value).success ? (value as string) : undefined;
}
