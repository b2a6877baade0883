/**
 * zod compiles object schemas with `new Function` unless told not to, and the Content Security Policy
 * forbids eval: every page that checks a form would report a violation. zod reads its settings from
 * `globalThis.__zod_globalConfig` (so that all its copies share them); setting it here, before any schema
 * exists, is `z.config({ jitless: true })` without importing zod into the first download. main.ts imports
 * this first; the schemas are in lazily loaded chunks, evaluated later (zod-config.spec.ts checks the key).
 */
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };

export {};
