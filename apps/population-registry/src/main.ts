/**
 * The population registry stand-in as its own process (`npm start` runs the built one): the national
 * population database's personal ID numbers, citizens and deaths, its state under
 * POPULATION_REGISTRY_DATA_DIR (settings.ts). The log names calls by their route's pattern and status only:
 * never a name, a date of birth or a personal ID number.
 */
import { startPopulationRegistry, type PopulationRegistry } from './registry';
import { readSettings } from './settings';

function log(message: string): void {
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);
}

async function main(): Promise<void> {
  let registry: PopulationRegistry;
  try {
    const settings = readSettings(process.env);
    registry = await startPopulationRegistry({
      token: settings.token,
      host: settings.host,
      port: settings.port,
      dataDir: settings.dataDir,
      controlToken: settings.controlToken,
      fault: settings.fault,
      log,
    });
    if (settings.fault) log(`fault from POPULATION_REGISTRY_FAULT: ${settings.fault.mode}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const reason = code === 'EADDRINUSE' ? `${message} (the port is in use; set POPULATION_REGISTRY_PORT)` : message;
    process.stderr.write(
      message.startsWith('Configuration error') ? `${message}\n` : `Population registry could not start: ${reason}\n`,
    );
    process.exit(1);
  }
  log(`population registry listening: ${registry.url} (data in ${registry.dataDir})`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received; stopping`);
    registry.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
