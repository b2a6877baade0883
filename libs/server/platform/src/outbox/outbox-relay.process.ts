/**
 * The outbox relay alone in a process of its own, so that the outbox test can
 * kill it with SIGKILL at the worst moment. Run with `node --import tsx`.
 */
import 'reflect-metadata';
import { loadConfigOrExit } from '../config/config';
import { outboxRelayFor } from './outbox-relay';

const config = loadConfigOrExit();
const relay = outboxRelayFor(config, { pollIntervalMs: 100 });
relay.start();
process.stdout.write('relay started\n');
process.on('SIGTERM', () => void relay.stop().then(() => process.exit(0)));
