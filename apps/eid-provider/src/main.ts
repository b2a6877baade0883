/**
 * The national eID stand-in: plays VNeID for the portal in development and
 * tests. An OpenID Connect provider (oidc-provider) that signs in the demo
 * identities and tells the portal who they are; it keeps everything in memory
 * and makes a new signing key at every start.
 */
import { startEidProvider, type EidProvider } from './eid-provider';
import { readSettings } from './settings';

function log(message: string): void {
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);
}

async function main(): Promise<void> {
  let provider: EidProvider;
  try {
    const settings = readSettings(process.env);
    provider = await startEidProvider(settings, { log });
    log(`redirect URIs of ${settings.clientId}: ${settings.redirectUris.join(', ')}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const reason = code === 'EADDRINUSE' ? `${message} (the port is in use; set EID_PROVIDER_PORT)` : message;
    process.stderr.write(
      message.startsWith('Configuration error') ? `${message}\n` : `eID provider could not start: ${reason}\n`,
    );
    process.exit(1);
  }
  log(`eID provider listening: issuer ${provider.issuer}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received; stopping`);
    provider.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
