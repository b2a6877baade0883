import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { knownQueues, redisOptionsFromUrl } from './queues';

export const REDIS = Symbol('REDIS');

export type QueueState = 'waiting' | 'active' | 'delayed' | 'failed' | 'completed';
const states: QueueState[] = ['waiting', 'active', 'delayed', 'failed', 'completed'];

/** Shutting down must not wait for a Redis that is gone. */
function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  return Promise.race([
    promise.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, ms).unref()),
  ]);
}

/** Reads how many jobs each known queue holds, for metrics and dashboards. */
@Injectable()
export class QueueDepth implements OnApplicationShutdown {
  private readonly queues: Queue[];

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: Redis) {
    this.queues = knownQueues.map((name) => {
      const queue = new Queue(name, { connection: redis, prefix: config.QUEUE_PREFIX });
      queue.on('error', () => undefined); // the shared connection reports its own errors
      return queue;
    });
  }

  async read(): Promise<Array<{ queue: string; state: QueueState; count: number }>> {
    const result: Array<{ queue: string; state: QueueState; count: number }> = [];
    for (const queue of this.queues) {
      const counts = await queue.getJobCounts(...states);
      for (const state of states) result.push({ queue: queue.name, state, count: counts[state] ?? 0 });
    }
    return result;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((queue) => settleWithin(queue.close(), 2000)));
  }
}

/** Things built outside Nest's container that must be closed with the application. */
@Injectable()
export class ShutdownHooks implements OnApplicationShutdown {
  private readonly hooks: Array<() => Promise<void>> = [];

  add(hook: () => Promise<void>): void {
    this.hooks.push(hook);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.hooks.map((hook) => settleWithin(hook(), 2000)));
  }
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'ready') await settleWithin(this.redis.quit(), 2000);
    this.redis.disconnect();
  }
}

/** One shared Redis connection for health checks and queue statistics. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const redis = new Redis({ ...redisOptionsFromUrl(config.REDIS_URL), connectTimeout: 2000 });
        const logger = new Logger('Redis');
        let reported = false;
        redis.on('error', (error) => {
          // Once per outage; readiness reports it to the load balancer meanwhile.
          if (!reported) logger.warn({ err: error }, 'Redis connection failed; retrying');
          reported = true;
        });
        redis.on('ready', () => (reported = false));
        return redis;
      },
    },
    QueueDepth,
    RedisCloser,
    ShutdownHooks,
  ],
  exports: [REDIS, QueueDepth, ShutdownHooks],
})
export class QueuesModule {}
