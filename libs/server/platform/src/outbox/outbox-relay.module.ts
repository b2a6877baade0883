import { Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { OutboxRelay, outboxRelayFor } from './outbox-relay';

/** Runs the outbox relay for as long as the worker process lives. */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly relay: OutboxRelay;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.relay = outboxRelayFor(config, {
      log: (level, message, error) => this.logger[level === 'info' ? 'log' : level]({ err: error }, message),
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    this.logger.log('outbox relay started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

@Module({ providers: [OutboxRelayRunner] })
export class OutboxRelayModule {}
