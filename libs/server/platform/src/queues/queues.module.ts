import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { knownQueues, redisOptionsFromUrl } from './queues';

export const REDIS = Symbol('REDIS');

export type QueueState = 'waiting' | 'active' | 'delayed' | 'failed' | 'completed';
const states: QueueState[] = ['waiting', 'active', 'delayed', 'failed', 'completed'];

/** Reads how many jobs each known queue holds, for metrics and dashboards. */
@Injectable()
export class QueueDepth implements OnApplicationShutdown {
  private readonly queues: Queue[];

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS) redis: Redis) {
    this.queues = knownQueues.map((name) => new Queue(name, { connection: redis, prefix: config.QUEUE_PREFIX }));
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
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One shared Redis connection for health checks and queue statistics. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis({ ...redisOptionsFromUrl(config.REDIS_URL), connectTimeout: 2000, lazyConnect: false }),
    },
    QueueDepth,
    RedisCloser,
  ],
  exports: [REDIS, QueueDepth],
})
export class QueuesModule {}
