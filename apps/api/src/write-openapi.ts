/**
 * npm run lint:openapi — writes the API's OpenAPI document to dist/openapi.json
 * without a database, Redis or a server (Nest's preview mode), for `redocly lint`.
 */
import 'reflect-metadata';
import { loadConfig } from '@portal/server/platform';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openApiDocumentOffline } from './openapi';

async function main(): Promise<void> {
  const target = join(__dirname, '../../../dist/openapi.json');
  const document = await openApiDocumentOffline(loadConfig());
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
  process.stdout.write(`Wrote ${target}: ${operations} operations.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
