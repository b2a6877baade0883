/**
 * The partner agencies' stand-in (residence registration, health insurance),
 * started by `npm start`. AGENCIES_PORT (default 4100), AGENCIES_TOKEN,
 * AGENCIES_DELAY_MS ("min,max" in milliseconds, default "200,1500"),
 * AGENCIES_FAIL_FIRST ("false" to answer every first request).
 */
import { startAgencies } from './agencies';

function delayFrom(setting: string | undefined): [number, number] {
  const [min, max] = (setting ?? '200,1500').split(',').map(Number);
  if (!(min >= 0 && max >= min))
    throw new Error(`AGENCIES_DELAY_MS must be "min,max" in milliseconds (got "${setting}")`);
  return [min, max];
}

async function main(): Promise<void> {
  const port = Number(process.env.AGENCIES_PORT ?? 4100);
  const agencies = await startAgencies({
    // Loopback unless told otherwise (0.0.0.0 only inside a container network: docker/compose.yml).
    host: process.env.AGENCIES_HOST || '127.0.0.1',
    port,
    token: process.env.AGENCIES_TOKEN ?? 'development-agencies-token',
    delayMs: delayFrom(process.env.AGENCIES_DELAY_MS),
    failFirstAttempt: process.env.AGENCIES_FAIL_FIRST !== 'false',
  });
  process.stdout.write(`partner agencies stand-in listening on ${agencies.url}\n`);
  const stop = () => void agencies.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `agencies stand-in could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
